/* Reading a source into memory and decoding it to UTF-8.
 *
 * Nothing is fetched over the network and nothing but the named file (or
 * standard input) is read. Every problem becomes one diagnostic with the
 * source path and, where known, a line and column. */
#ifndef CK_SOURCE_H
#define CK_SOURCE_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "doc.h"

/* The allocation behind 'raw' or 'text'. Private to source.c. When 'base'
 * is NULL the pointer itself is a malloc() block; otherwise the buffer
 * starts at 'base' (the pointer may lie inside it, past a BOM) and is either
 * mapped pages, which can be given back a part at a time, or a malloc()
 * block. */
typedef struct ck_source_mem {
  char *base;
  size_t size;      /* bytes from 'base' */
  size_t released;  /* mapped bytes from 'base' already given back */
  bool mapped;
} ck_source_mem;

typedef struct ck_source {
  char *path;           /* as given; owned */
  char *raw;            /* the bytes as read; owned, NUL-terminated */
  size_t raw_len;
  char *text;           /* UTF-8 without BOM; owned, NUL-terminated; NULL until decoded */
  size_t text_len;
  /* Storage of 'raw' and 'text' as ck_source_read() and
     ck_source_decode_take() set it up; all zero when the pointers are plain
     malloc() blocks (as tests and ck_source_decode() make them). */
  ck_source_mem raw_mem, text_mem;
  const char *encoding; /* static string: "UTF-8", "UTF-8 with BOM", "UTF-16LE",
                           "UTF-16BE", "windows-1252" */
  /* Added for ck_source_decode(), which takes no limits: the line cap, set by
   * ck_source_read() from its limits; 0 means the default (1 MiB). */
  size_t max_line_bytes;
} ck_source;

/* Reads 'path' ("-" = standard input) into 'src->raw'. Returns CK_OK,
 * CK_ERR_IO (missing, unreadable, a directory), or CK_ERR_LIMIT (too large).
 * A FIFO or device named here is read like standard input, waiting for
 * what is written into it. */
ck_status ck_source_read(const char *path, const ck_limits *limits, ck_source *src,
                         ck_diags *diags);
/* The same for a path circheck found itself (a file of a folder walk, a
 * rule file): only a regular file is read; anything else is CK_ERR_IO "not
 * a regular file", found when it is opened, so a FIFO put in a file's
 * place after it was listed is never waited on. */
ck_status ck_source_read_regular(const char *path, const ck_limits *limits, ck_source *src,
                         ck_diags *diags);

/* Fills 'src' with a copy of 'len' bytes held in memory, labelled 'name',
 * as ck_source_read() would from a file of those bytes: nothing is opened.
 * Returns CK_ERR_LIMIT when 'len' exceeds the input cap. */
ck_status ck_source_from_buffer(const char *name, const void *data, size_t len,
                                const ck_limits *limits, ck_source *src, ck_diags *diags);

/* Decodes 'src->raw' to UTF-8 in 'src->text'. Accepts UTF-8 with or without
 * BOM, UTF-16LE/BE with BOM, and falls back to Windows-1252 (a superset of
 * Latin-1 for printable text) when the bytes are not valid UTF-8. Rejects
 * empty input, binary data (NUL bytes or control characters), and bytes that
 * are neither UTF-8 nor Windows-1252 text, with CK_ERR_INPUT and a diagnostic
 * at the first offending line:col. CRLF and lone CR become LF. */
ck_status ck_source_decode(ck_source *src, ck_diags *diags);

/* The same, for a caller that no longer needs the raw bytes: the text takes
 * over their storage (valid UTF-8 is decoded in place, without a copy; other
 * encodings are converted into a buffer of the exact size and the raw bytes
 * freed), so one copy of the input is alive instead of two. 'src->raw' is
 * NULL afterwards, whatever the result. The text may
 * live in mapped pages: release it with ck_source_release_text(),
 * ck_source_drop_text() or ck_source_free(), never with free(). */
ck_status ck_source_decode_take(ck_source *src, ck_diags *diags);

/* Gives back the memory of text[0, upto) where whole pages of mapped
 * storage allow it (elsewhere it does nothing); that part of the text must
 * not be read again. For readers that have copied what lies before 'upto'. */
void ck_source_release_text(ck_source *src, size_t upto);
/* Frees the decoded text; 'src->text' is NULL afterwards. */
void ck_source_drop_text(ck_source *src);

/* Guesses the format from the file name and the first bytes of 'src->raw':
 * .xml or content starting with '<' -> XML (eForms when the root is a UBL
 * notice), .md/.markdown -> Markdown, anything else -> text. */
ck_input_format ck_source_sniff(const ck_source *src);

/* Offset of the first byte of 'text' that does not start a valid UTF-8
 * sequence (overlong forms, surrogates, code points above U+10FFFF), or
 * 'len' when all of it is valid. */
size_t ck_utf8_invalid_at(const char *text, size_t len);

/* Frees what 'src' owns and zeroes it. */
void ck_source_free(ck_source *src);

#endif

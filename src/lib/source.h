/* Reading a source into memory and decoding it to UTF-8.
 *
 * Nothing is fetched over the network and nothing but the named file (or
 * standard input) is read. Every problem becomes one diagnostic with the
 * source path and, where known, a line and column. */
#ifndef CK_SOURCE_H
#define CK_SOURCE_H

#include <stddef.h>

#include "diag.h"
#include "doc.h"

typedef struct ck_source {
  char *path;           /* as given; owned */
  char *raw;            /* the bytes as read; owned, NUL-terminated */
  size_t raw_len;
  char *text;           /* UTF-8 without BOM; owned, NUL-terminated; NULL until decoded */
  size_t text_len;
  const char *encoding; /* static string: "UTF-8", "UTF-8 with BOM", "UTF-16LE",
                           "UTF-16BE", "windows-1252" */
  /* Added for ck_source_decode(), which takes no limits: the line cap, set by
   * ck_source_read() from its limits; 0 means the default (1 MiB). */
  size_t max_line_bytes;
} ck_source;

/* Reads 'path' ("-" = standard input) into 'src->raw'. Returns CK_OK,
 * CK_ERR_IO (missing, unreadable, a directory), or CK_ERR_LIMIT (too large). */
ck_status ck_source_read(const char *path, const ck_limits *limits, ck_source *src,
                         ck_diags *diags);

/* Decodes 'src->raw' to UTF-8 in 'src->text'. Accepts UTF-8 with or without
 * BOM, UTF-16LE/BE with BOM, and falls back to Windows-1252 (a superset of
 * Latin-1 for printable text) when the bytes are not valid UTF-8. Rejects
 * empty input, binary data (NUL bytes or control characters), and bytes that
 * are neither UTF-8 nor Windows-1252 text, with CK_ERR_INPUT and a diagnostic
 * at the first offending line:col. CRLF and lone CR become LF. */
ck_status ck_source_decode(ck_source *src, ck_diags *diags);

/* Guesses the format from the file name and the first bytes of 'src->raw':
 * .xml or content starting with '<' -> XML (eForms when the root is a UBL
 * notice), .md/.markdown -> Markdown, anything else -> text. */
ck_input_format ck_source_sniff(const ck_source *src);

/* Frees what 'src' owns and zeroes it. */
void ck_source_free(ck_source *src);

/* Readers: each builds a finished ck_doc (ck_doc_finish() called) or returns
 * an error status with diagnostics; '*out' is NULL on error. */
ck_status ck_read_text(const ck_source *src, ck_input_format format, const ck_limits *limits,
                       ck_doc **out, ck_diags *diags);
/* XML from 'src->raw' (libxml2 decodes it); never loads a DTD, never expands
 * an entity, never touches the network; a DOCTYPE that declares entities is
 * rejected. */
ck_status ck_read_xml(const ck_source *src, const ck_limits *limits, ck_doc **out,
                      ck_diags *diags);
/* eForms notices (ContractNotice, PriorInformationNotice, ContractAwardNotice)
 * and UBL/EHF CallForTenders from 'src->raw' (read_eforms.c): procedure and
 * lot texts as blocks, lots with CPV codes, green codes and award criteria.
 * Parsed as safely as ck_read_xml(); any other XML is handed to it. */
ck_status ck_read_eforms(const ck_source *src, const ck_limits *limits, ck_doc **out,
                         ck_diags *diags);

#endif

/* Reading a file a line at a time in bounded memory, for JSON Lines input
 * of any size: a line longer than the cap is skipped and said so, never
 * held whole. */
#ifndef CK_LINE_READER_H
#define CK_LINE_READER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef struct ck_line_reader {
  FILE *f;
  char *buf;          /* read from the file, not yet handed out */
  size_t start, end, cap;
  size_t max_line;    /* the longest line handed out, in bytes without the line break */
  size_t line;        /* number of the line last handed out, 1-based */
  bool eof;
  int error;          /* errno of a failed read, 0 while all is well */
} ck_line_reader;

typedef enum {
  CK_LINE_OK,       /* '*text' and '*len' hold the line (without its break) */
  CK_LINE_TOO_LONG, /* the line was longer than the cap and was skipped */
  CK_LINE_END,      /* no more lines */
  CK_LINE_ERROR     /* the file could not be read (r->error) */
} ck_line_result;

/* Opens 'path' ("-": standard input); returns errno, or 0. */
int ck_line_reader_open(ck_line_reader *r, const char *path, size_t max_line);
/* The next line. '*text' points into the reader's buffer and stays valid
   until the next call; it is NUL-terminated. A final line without a line
   break is a line; a CR before the break is dropped. */
ck_line_result ck_line_reader_next(ck_line_reader *r, const char **text, size_t *len);
void ck_line_reader_close(ck_line_reader *r);

#endif

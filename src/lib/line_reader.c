/* A line reader over fread: the buffer holds at most one line and a block. */
#include "line_reader.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

enum { BLOCK = 1 << 20 };

int ck_line_reader_open(ck_line_reader *r, const char *path, size_t max_line) {
  *r = (ck_line_reader){0};
  r->f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
  if (!r->f)
    return errno;
  r->max_line = max_line;
  r->cap = BLOCK + 1;
  r->buf = ck_xmalloc(r->cap);
  return 0;
}

/* Reads another block after what the buffer holds; false at the end of
   the file or on an error. */
static bool fill(ck_line_reader *r) {
  if (r->eof)
    return false;
  if (r->start > 0) {
    memmove(r->buf, r->buf + r->start, r->end - r->start);
    r->end -= r->start;
    r->start = 0;
  }
  if (r->cap - r->end < BLOCK + 1) {
    r->cap = r->end + BLOCK + 1;
    r->buf = ck_xrealloc(r->buf, r->cap);
  }
  size_t got = fread(r->buf + r->end, 1, BLOCK, r->f);
  r->end += got;
  if (got < BLOCK) {
    if (ferror(r->f))
      r->error = errno ? errno : EIO;
    r->eof = true;
  }
  return got > 0;
}

/* Hands out text[start, end) as the line, the CR of a CRLF left out. */
static ck_line_result hand_out(ck_line_reader *r, size_t end, size_t next, const char **text,
                               size_t *len) {
  size_t n = end - r->start;
  if (n > 0 && r->buf[r->start + n - 1] == '\r')
    n--;
  r->buf[r->start + n] = '\0';
  *text = r->buf + r->start;
  *len = n;
  r->start = next;
  return CK_LINE_OK;
}

ck_line_result ck_line_reader_next(ck_line_reader *r, const char **text, size_t *len) {
  bool skipping = false; /* past the cap: what was read of this line is dropped */
  size_t scanned = 0;    /* bytes after 'start' known to hold no line break */
  for (;;) {
    char *nl = memchr(r->buf + r->start + scanned, '\n', r->end - r->start - scanned);
    if (nl) {
      size_t end = (size_t)(nl - r->buf);
      r->line++;
      if (skipping || end - r->start > r->max_line) {
        r->start = end + 1;
        return CK_LINE_TOO_LONG;
      }
      return hand_out(r, end, end + 1, text, len);
    }
    if (r->end - r->start > r->max_line) {
      skipping = true;
      r->start = r->end;
    }
    scanned = r->end - r->start;
    if (!fill(r)) {
      if (r->error)
        return CK_LINE_ERROR;
      if (r->start == r->end && !skipping)
        return CK_LINE_END;
      r->line++; /* a last line without a line break */
      if (skipping) {
        r->start = r->end;
        return CK_LINE_TOO_LONG;
      }
      return hand_out(r, r->end, r->end, text, len);
    }
  }
}

void ck_line_reader_close(ck_line_reader *r) {
  if (r->f && r->f != stdin)
    fclose(r->f);
  free(r->buf);
  *r = (ck_line_reader){0};
}

/* Line and column of a byte offset of an XML source (see xmlpos.h). */
#include "xmlpos.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

/* Characters in p[from, to): every byte when not UTF-8, else the bytes
 * that are not continuation bytes (10xxxxxx). */
static unsigned count_chars(const char *p, size_t from, size_t to, bool utf8) {
  return (unsigned)(utf8 ? ck_utf8_count(p + from, to - from) : to - from);
}

/* The same without the CRs: the slow count, for sources that have one. */
static unsigned count_chars_but_cr(const char *p, size_t from, size_t to, bool utf8) {
  unsigned n = 0;
  for (size_t i = from; i < to; i++) {
    unsigned char c = (unsigned char)p[i];
    n += c != '\r' && (!utf8 || (c & 0xC0) != 0x80);
  }
  return n;
}

static unsigned count_cols(const ck_xmlpos_map *m, size_t from, size_t to) {
  return m->has_cr ? count_chars_but_cr(m->p, from, to, m->utf8)
                   : count_chars(m->p, from, to, m->utf8);
}

/* Adds the line that starts at 'from' and ends at 'to' to the index: its
 * start, and within a long line a mark every MARK_EVERY bytes. The XML
 * reader asks for the place of every text of a document, which may be
 * written on one line: each answer counts at most MARK_EVERY bytes, for a
 * mark of 24 bytes per MARK_EVERY bytes of such a line. */
enum { MARK_EVERY = 512 };
static void index_line(ck_xmlpos_map *m, unsigned line, size_t from, size_t to) {
  unsigned col = 1;
  for (size_t at = from;; at += MARK_EVERY) {
    CK_GROW(m->marks, m->cap_marks, m->nmarks + 1);
    m->marks[m->nmarks++] = (ck_xmlpos_mark){at, line, col};
    if (to - at <= MARK_EVERY)
      break;
    col += count_cols(m, at, at + MARK_EVERY);
  }
}

void ck_xmlpos_init(ck_xmlpos_map *m, const char *p, size_t len, size_t start, bool utf8,
                    bool cr_ends_line) {
  *m = (ck_xmlpos_map){.p = p, .len = p ? len : 0, .utf8 = utf8};
  if (start > m->len)
    start = m->len;
  m->has_cr = cr_ends_line && m->len > 0 && memchr(p, '\r', m->len) != NULL;
  unsigned line = 1;
  size_t from = start;
  if (!m->has_cr) {
    for (const char *nl; from < m->len && (nl = memchr(p + from, '\n', m->len - from)) != NULL;) {
      index_line(m, line++, from, (size_t)(nl - p));
      from = (size_t)(nl - p) + 1;
    }
  } else {
    for (size_t i = start; i < m->len; i++)
      if (p[i] == '\n' || (p[i] == '\r' && (i + 1 >= m->len || p[i + 1] != '\n'))) {
        index_line(m, line++, from, i);
        from = i + 1;
      }
  }
  index_line(m, line, from, m->len);
}

void ck_xmlpos_free(ck_xmlpos_map *m) {
  free(m->marks);
  memset(m, 0, sizeof *m);
}

void ck_xmlpos_at(const ck_xmlpos_map *m, size_t off, unsigned *line, unsigned *col) {
  if (off > m->len)
    off = m->len;
  if (off < m->marks[0].off)
    off = m->marks[0].off;
  size_t lo = 0, hi = m->nmarks;
  while (hi - lo > 1) {
    size_t mid = lo + (hi - lo) / 2;
    if (m->marks[mid].off <= off)
      lo = mid;
    else
      hi = mid;
  }
  const ck_xmlpos_mark *k = &m->marks[lo];
  *line = k->line;
  *col = k->col + count_cols(m, k->off, off);
}

/* The first mark of line 'line', or nmarks when there is none. */
static size_t first_mark_of(const ck_xmlpos_map *m, unsigned line) {
  size_t lo = 0, hi = m->nmarks;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (m->marks[mid].line < line)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo < m->nmarks && m->marks[lo].line == line ? lo : m->nmarks;
}

bool ck_xmlpos_line(const ck_xmlpos_map *m, unsigned line, size_t *start, size_t *end) {
  size_t k = first_mark_of(m, line);
  if (k == m->nmarks)
    return false;
  *start = m->marks[k].off;
  size_t next = first_mark_of(m, line + 1);
  if (next == m->nmarks) {
    *end = m->len;
    return true;
  }
  /* the line break just before the next line: LF, CRLF or a lone CR */
  size_t brk = m->marks[next].off - 1;
  if (m->p[brk] == '\n' && brk > *start && m->p[brk - 1] == '\r')
    brk--;
  *end = brk;
  return true;
}

unsigned ck_xmlpos_lines(const ck_xmlpos_map *m) { return m->marks[m->nmarks - 1].line; }

/* Line and column of a byte offset of an XML source: the one conversion
 * the readers (read_xml.c, read_eforms.c) and the positions of rule-file
 * nodes (xmlutil.c) share.
 *
 * Columns are 1-based and count characters (UTF-8 lead bytes, or bytes for
 * a source that is not UTF-8). A line ends at LF or CRLF, and for the
 * readers also at a CR that is not followed by LF, the way an editor and
 * the text reader (source.c) count lines; a CR is then no column. Where
 * positions must agree with libxml2's line numbers (xmlutil.c finds a node
 * by its line), only LF ends a line and a CR is a column, as libxml2 2.9
 * counts them. */
#ifndef CK_XMLPOS_H
#define CK_XMLPOS_H

#include <stdbool.h>
#include <stddef.h>

/* A place whose line and column are known. */
typedef struct ck_xmlpos_mark {
  size_t off;
  unsigned line, col;
} ck_xmlpos_mark;

/* An index of a source's lines: where each one starts and, within a long
 * line (a notice written on one line), a mark every 512 bytes, so that no
 * offset's column is counted from far away. Any offset is then placed in
 * logarithmic time, in whatever order they are asked for. */
typedef struct ck_xmlpos_map {
  const char *p; /* borrowed */
  size_t len;
  bool utf8;   /* false: one byte is one column */
  bool has_cr; /* a CR may end a line and the source has one: the slower
                  count that skips CRs */
  ck_xmlpos_mark *marks;
  size_t nmarks, cap_marks;
} ck_xmlpos_map;

/* Indexes p[0, len). Line 1 column 1 is at 'start' (past a byte order
 * mark, which is no column). 'cr_ends_line' says whether a lone CR ends a
 * line (see above). 'p' must outlive the map; free the map with
 * ck_xmlpos_free. */
void ck_xmlpos_init(ck_xmlpos_map *m, const char *p, size_t len, size_t start, bool utf8,
                    bool cr_ends_line);
void ck_xmlpos_free(ck_xmlpos_map *m);

/* Line and column of offset 'off' (clamped to [start, len]). */
void ck_xmlpos_at(const ck_xmlpos_map *m, size_t off, unsigned *line, unsigned *col);

/* Offsets of the first byte of line 'line' and of the line break that ends
 * it ('len' for the last line). False when the source has fewer lines. */
bool ck_xmlpos_line(const ck_xmlpos_map *m, unsigned line, size_t *start, size_t *end);

/* The number of lines (at least 1). */
unsigned ck_xmlpos_lines(const ck_xmlpos_map *m);

#endif

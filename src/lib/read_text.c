/* Reader for plain text and Markdown: lines to blocks.
 *
 * Tender documents arrive as text exported from word processors as often as
 * real Markdown, so the reader accepts both conventions: "#" and underlined
 * headings, but also numbered ("3.2 Garanti") and ALL-CAPS heading lines,
 * pipe tables and tab-separated tables. It works line by line with one line
 * of look-ahead; a paragraph's lines are kept as pieces until the block is
 * complete, because an underline on the next line may turn it into a
 * heading. Every piece carries its source line and column so positions in
 * the document map back to the file. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "readers.h"
#include "source.h"
#include "text.h"

/* A heading line is short; anything longer is prose. */
#define HEADING_MAX_CHARS 80

typedef struct piece {
  size_t off, len;     /* byte range in the source text */
  unsigned line, col;  /* where it starts */
} piece;

typedef enum { OPEN_NONE, OPEN_PARAGRAPH, OPEN_ITEM } open_kind;
typedef enum { PREV_BLANK, PREV_HEADING, PREV_OTHER } prev_kind;

typedef struct reader {
  const char *text;
  size_t len;
  bool markdown;
  ck_doc *doc;
  size_t max_blocks;
  ck_diags *diags;
  bool failed; /* a limit was hit; stop */
  open_kind open;
  piece *pieces;
  size_t npieces, cap_pieces;
  prev_kind prev;
  bool in_fence;
  bool in_comment; /* inside an HTML comment that opened a line (Markdown) */
  /* The last line with text introduced a list (it ended with a colon) or
     was a list item, and only blank lines came since: a "5. Kilder for ..."
     line there is the next item, not a chapter heading. */
  bool list_context;
  unsigned list_next; /* after an item numbered n, n + 1; 0: any number goes on */
} reader;

/* One physical line, analysed. */
typedef struct line {
  size_t start, end; /* the line without its LF */
  size_t cs, ce;     /* content: indentation (and a Markdown quote marker) and
                        trailing white space removed */
  unsigned no;
  unsigned indent;   /* indentation width, a tab counting 4 */
  bool blank;
} line;

static bool is_digit(char c) { return c >= '0' && c <= '9'; }
static bool is_blank_char(char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\v'; }

static size_t count_chars(const char *s, size_t len) { return ck_utf8_count(s, len); }

/* Column (1-based, in characters) of byte 'off' on line 'ln'. */
static unsigned col_of(const reader *r, const line *ln, size_t off) {
  return 1 + (unsigned)count_chars(r->text + ln->start, off - ln->start);
}

/* Finds the content of a line: what is left once indentation, a Markdown
 * quote marker and trailing white space are set aside. */
static void analyse(const reader *r, size_t start, size_t end, unsigned no, line *ln) {
  const char *t = r->text;
  ln->start = start;
  ln->end = end;
  ln->no = no;
  size_t p = start;
  unsigned indent = 0;
  while (p < end && is_blank_char(t[p])) {
    indent += t[p] == '\t' ? 4 - indent % 4 : 1;
    p++;
  }
  if (r->markdown) {
    /* a block quote reads as the text it quotes */
    while (p < end && t[p] == '>') {
      p++;
      while (p < end && is_blank_char(t[p]))
        p++;
    }
  }
  size_t e = end;
  while (e > p && is_blank_char(t[e - 1]))
    e--;
  ln->cs = p;
  ln->ce = e;
  ln->indent = indent;
  ln->blank = p == e;
}

/* --- emitting blocks -------------------------------------------------------- */

typedef struct cursor {
  size_t pos;
  unsigned col;
} cursor;

/* Advances 'c' to byte 'to' and returns its column: inline pieces are
 * visited left to right, so columns cost one pass per line. */
static unsigned advance(const reader *r, cursor *c, size_t to) {
  c->col += (unsigned)count_chars(r->text + c->pos, to - c->pos);
  c->pos = to;
  return c->col;
}

static void flush(reader *r, cursor *c, unsigned line_no, size_t from, size_t to) {
  if (to > from)
    ck_doc_add_text(r->doc, r->text + from, to - from, line_no, advance(r, c, from));
}

static bool md_punct(char c) {
  return c != '\0' && strchr("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", c) != NULL;
}

/* Adds one piece, removing Markdown inline markup (strong emphasis, code
 * ticks, link targets, backslash escapes) piece by piece so that every
 * remaining character keeps its own column. */
static void add_piece(reader *r, const piece *p) {
  if (!r->markdown) {
    ck_doc_add_text(r->doc, r->text + p->off, p->len, p->line, p->col);
    return;
  }
  const char *t = r->text;
  size_t i = p->off, end = p->off + p->len, seg = i;
  cursor c = {p->off, p->col};
  size_t link_close = SIZE_MAX, link_end = 0;
  size_t rb = p->off, rp = p->off; /* next ']' / ')' found so far (end when none) */
  bool rb_known = false, rp_known = false;
  while (i < end) {
    char ch = t[i];
    size_t skip = 0, keep = 0;
    if (i == link_close) {
      skip = link_end + 1 - i; /* "](url)" */
      link_close = SIZE_MAX;
    } else if (ch == '\\' && i + 1 < end && md_punct(t[i + 1])) {
      skip = 1;
      keep = 1; /* the escaped character is text */
    } else if ((ch == '*' || ch == '_') && i + 1 < end && t[i + 1] == ch) {
      skip = 2;
      while (i + skip < end && t[i + skip] == ch)
        skip++;
    } else if (ch == '`') {
      skip = 1;
    } else if ((ch == '[' || (ch == '!' && i + 1 < end && t[i + 1] == '[')) &&
               link_close == SIZE_MAX) {
      size_t open = ch == '!' ? i + 1 : i;
      if (!rb_known || rb <= open) {
        const char *f = memchr(t + open + 1, ']', end - open - 1);
        rb = f ? (size_t)(f - t) : end;
        rb_known = true;
      }
      if (rb + 1 < end && t[rb + 1] == '(') {
        if (!rp_known || rp <= rb + 1) {
          const char *f = memchr(t + rb + 2, ')', end - rb - 2);
          rp = f ? (size_t)(f - t) : end;
          rp_known = true;
        }
        if (rp < end) {
          skip = open + 1 - i;
          link_close = rb;
          link_end = rp;
        }
      }
    }
    if (!skip) {
      i++;
      continue;
    }
    flush(r, &c, p->line, seg, i);
    i += skip;
    seg = i;
    i += keep;
  }
  flush(r, &c, p->line, seg, end);
}

static void limit_hit(reader *r, unsigned line_no) {
  ck_diags_add(r->diags, CK_DIAG_ERROR, r->doc->path, line_no, 0,
               "too many blocks: more than %zu (max_blocks)", r->max_blocks);
  r->failed = true;
}

/* Writes one block from pieces (lines of a paragraph or item joined by a
 * space) and enforces the block limit. */
static void emit(reader *r, ck_block_kind kind, int level, int row, const piece *ps, size_t n) {
  if (r->failed || n == 0)
    return;
  ck_doc_begin_block(r->doc, kind, level, row, NULL);
  for (size_t i = 0; i < n; i++) {
    if (i > 0)
      ck_doc_add_text(r->doc, " ", 1, ps[i].line, 1);
    add_piece(r, &ps[i]);
  }
  ck_doc_end_block(r->doc);
  if (r->doc->nblocks > r->max_blocks)
    limit_hit(r, ps[0].line);
}

static piece make_piece(const reader *r, const line *ln, size_t from, size_t to) {
  piece p = {from, to - from, ln->no, col_of(r, ln, from)};
  return p;
}

static void close_open(reader *r) {
  if (r->open != OPEN_NONE)
    emit(r, r->open == OPEN_ITEM ? CK_BLOCK_LIST_ITEM : CK_BLOCK_PARAGRAPH, 0, -1, r->pieces,
         r->npieces);
  r->open = OPEN_NONE;
  r->npieces = 0;
}

static void push_piece(reader *r, piece p) {
  CK_GROW(r->pieces, r->cap_pieces, r->npieces + 1);
  r->pieces[r->npieces++] = p;
}

static void open_block(reader *r, open_kind kind, piece p) {
  close_open(r);
  r->open = kind;
  push_piece(r, p);
}

static void heading(reader *r, const line *ln, size_t from, size_t to, int level) {
  close_open(r);
  piece p = make_piece(r, ln, from, to);
  emit(r, CK_BLOCK_HEADING, level, -1, &p, 1);
  r->prev = PREV_HEADING;
}

/* --- line classification --------------------------------------------------------- */

/* An ATX heading "## Title ##": returns the level and the title's range. */
static int atx_heading(const reader *r, const line *ln, size_t *from, size_t *to) {
  const char *t = r->text;
  if (ln->indent >= 4)
    return 0;
  size_t p = ln->cs;
  int level = 0;
  while (p < ln->ce && t[p] == '#' && level < 7) {
    p++;
    level++;
  }
  if (level == 0 || level > 6 || (p < ln->ce && !is_blank_char(t[p])))
    return 0;
  size_t e = ln->ce;
  size_t h = e;
  while (h > p && t[h - 1] == '#')
    h--;
  if (h == p || is_blank_char(t[h - 1]))
    e = h; /* closing hashes */
  while (p < e && is_blank_char(t[p]))
    p++;
  while (e > p && is_blank_char(t[e - 1]))
    e--;
  *from = p;
  *to = e;
  return level;
}

/* A line made only of one of '=', '-', '*', '_' (three or more, or two for
 * a setext underline), spaces allowed except in '=' lines. Returns that
 * character or 0; '*spaced' tells whether spaces occur between them. */
static char rule_line(const reader *r, const line *ln, bool *spaced_out) {
  const char *t = r->text;
  char ch = t[ln->cs];
  if (ln->indent >= 4 || (ch != '=' && ch != '-' && ch != '*' && ch != '_'))
    return 0;
  size_t n = 0;
  bool spaced = false;
  for (size_t p = ln->cs; p < ln->ce; p++) {
    if (t[p] == ch)
      n++;
    else if (is_blank_char(t[p]))
      spaced = true;
    else
      return 0;
  }
  if (n < 2 || (n < 3 && ch != '=' && ch != '-') || (spaced && (ch == '=')))
    return 0;
  *spaced_out = spaced;
  return ch;
}

/* Width of a list marker at the content start ("- ", "1. ", "a) ", "• "),
 * spaces after it included; 0 when there is none. '*ordered' tells a
 * numbered marker "N." or "N)". */
static size_t list_marker(const reader *r, const line *ln, bool *ordered) {
  const char *t = r->text;
  const unsigned char *u = (const unsigned char *)t;
  size_t p = ln->cs, e = ln->ce, m = 0;
  *ordered = false;
  if (p >= e)
    return 0;
  if (t[p] == '-' || t[p] == '*' || t[p] == '+') {
    m = 1;
  } else if (p + 2 < e && u[p] == 0xE2 &&
             ((u[p + 1] == 0x80 && (u[p + 2] == 0xA2 || u[p + 2] == 0x93)) ||
              (u[p + 1] == 0x96 && u[p + 2] == 0xAA))) {
    m = 3; /* • – ▪ */
  } else if (p + 1 < e && u[p] == 0xC2 && u[p + 1] == 0xB7) {
    m = 2; /* · */
  } else if (is_digit(t[p])) {
    size_t q = p;
    while (q < e && q - p < 3 && is_digit(t[q]))
      q++;
    if (q < e && (t[q] == '.' || t[q] == ')')) {
      m = q + 1 - p;
      *ordered = true;
    }
  } else if (p + 1 < e && ((t[p] >= 'a' && t[p] <= 'z') || (t[p] >= 'A' && t[p] <= 'Z')) &&
             t[p + 1] == ')') {
    m = 2;
  } else if (t[p] == '(') {
    size_t q = p + 1;
    while (q < e && q - p <= 3 && (is_digit(t[q]) || (t[q] >= 'a' && t[q] <= 'z')))
      q++;
    if (q > p + 1 && q < e && t[q] == ')')
      m = q + 1 - p;
  }
  if (m == 0 || p + m >= e || !is_blank_char(t[p + m]))
    return 0;
  while (p + m < e && is_blank_char(t[p + m]))
    m++;
  return m;
}

/* The number a line starts with ("12. Text" -> 12), 0 when none. */
static unsigned leading_number(const reader *r, const line *ln) {
  unsigned n = 0;
  for (size_t p = ln->cs; p < ln->ce && p - ln->cs < 3 && is_digit(r->text[p]); p++)
    n = n * 10 + (unsigned)(r->text[p] - '0');
  return n;
}


static bool ends_like_prose(const reader *r, const line *ln) {
  char last = r->text[ln->ce - 1];
  return last == '.' || last == ',' || last == ';' || last == ':';
}

static bool short_line(const reader *r, const line *ln) {
  return ln->ce - ln->cs <= HEADING_MAX_CHARS * 4 &&
         count_chars(r->text + ln->cs, ln->ce - ln->cs) <= HEADING_MAX_CHARS;
}

/* Matches a word that may precede a heading number ("Del 2", "Kapittel 4"),
 * case-insensitively; returns its length with the following space. */
static size_t number_word(const char *t, size_t p, size_t e) {
  static const char *const words[] = {"del",    "kapittel", "kap.",    "vedlegg", "bilag",
                                      "part",   "chapter",  "section", "annex",   "appendix",
                                      NULL};
  for (size_t k = 0; words[k]; k++) {
    size_t n = strlen(words[k]);
    if (p + n + 1 >= e)
      continue;
    size_t i = 0;
    while (i < n && (t[p + i] | 0x20) == words[k][i])
      i++;
    if (i == n && t[p + n] == ' ' && is_digit(t[p + n + 1]))
      return n + 1;
  }
  return 0;
}

/* Recognises a numbered heading line: "3 Kravspesifikasjon", "3.2. Garanti",
 * "Del 2: Kravspesifikasjon". Returns the level (number of numeric parts)
 * or 0; '*dotted_item' is set for the "1. Text" form, which a following
 * numbered list shows to be a list item after all. */
static int numbered_heading(const reader *r, const line *ln, bool *dotted_item) {
  const char *t = r->text;
  size_t p = ln->cs, e = ln->ce;
  *dotted_item = false;
  if (p >= e || ends_like_prose(r, ln) || !short_line(r, ln))
    return 0;
  size_t word = number_word(t, p, e);
  p += word;
  int parts = 0;
  bool trailing_dot = false;
  for (;;) {
    size_t q = p;
    while (q < e && is_digit(t[q]) && q - p < 3)
      q++;
    if (q == p || (q < e && is_digit(t[q])))
      return 0;
    if (parts == 0 && !word && q - p > 2)
      return 0; /* "2024 Oslo" is a year, not a chapter */
    parts++;
    p = q;
    if (p < e && t[p] == '.') {
      p++;
      if (p < e && is_digit(t[p]))
        continue;
      trailing_dot = true;
    }
    break;
  }
  if (word && p < e && t[p] == ':')
    p++;
  if (p >= e || !is_blank_char(t[p]))
    return 0;
  while (p < e && is_blank_char(t[p]))
    p++;
  if (word && p + 1 < e && (t[p] == '-' || t[p] == ':') && is_blank_char(t[p + 1])) {
    p += 2;
    while (p < e && is_blank_char(t[p]))
      p++;
  }
  if (!ck_text_upper_at((const unsigned char *)t + p, e - p))
    return 0;
  *dotted_item = parts == 1 && trailing_dot && !word;
  return parts > 6 ? 6 : parts;
}

/* A line written in capitals: at least three letters, none lower-case, and
 * more letters than digits (so "CPV 39130000" is not one). */
static bool all_caps(const reader *r, const line *ln) {
  const unsigned char *u = (const unsigned char *)r->text;
  if (ends_like_prose(r, ln) || !short_line(r, ln))
    return false;
  size_t upper = 0, digits = 0;
  for (size_t p = ln->cs; p < ln->ce; p++) {
    unsigned char c = u[p];
    if (c >= 'A' && c <= 'Z') {
      upper++;
    } else if (c >= 'a' && c <= 'z') {
      return false;
    } else if (c >= '0' && c <= '9') {
      digits++;
    } else if (c == 0xC3 && p + 1 < ln->ce) {
      unsigned char d = u[++p];
      if (d >= 0x9F && d != 0xB7)
        return false; /* ß, æ, ø, å, é, ... */
      if (d != 0x97)
        upper++;
    }
  }
  return upper >= 3 && upper > digits;
}

static bool pipe_escaped(const char *t, size_t from, size_t p) {
  return p > from && t[p - 1] == '\\';
}

/* A pipe-table row: starts with '|' or holds two unescaped '|'. */
static bool pipe_row(const reader *r, const line *ln) {
  const char *t = r->text;
  if (t[ln->cs] == '|')
    return true;
  size_t n = 0;
  for (const char *f = memchr(t + ln->cs, '|', ln->ce - ln->cs); f;
       f = memchr(f + 1, '|', (size_t)(t + ln->ce - f - 1)))
    if (!pipe_escaped(t, ln->cs, (size_t)(f - t)) && ++n >= 2)
      return true;
  return false;
}

/* The |---|:--:| line under a table header. */
static bool separator_row(const reader *r, const line *ln) {
  bool dash = false;
  for (size_t p = ln->cs; p < ln->ce; p++) {
    char c = r->text[p];
    if (c == '-')
      dash = true;
    else if (c != '|' && c != ':' && c != '+' && !is_blank_char(c))
      return false;
  }
  return dash;
}

/* One table cell, trimmed; an empty cell gives no block (the builder drops
 * it), but the row still counts. */
static void emit_cell(reader *r, const line *ln, cursor *c, size_t from, size_t to, int row) {
  while (from < to && is_blank_char(r->text[from]))
    from++;
  while (to > from && is_blank_char(r->text[to - 1]))
    to--;
  if (from == to)
    return;
  piece p = {from, to - from, ln->no, advance(r, c, from)};
  emit(r, CK_BLOCK_TABLE_CELL, 0, row, &p, 1);
}

/* Splits a pipe row at unescaped '|', ignoring the outer pipes. */
static void table_row_pipes(reader *r, const line *ln) {
  const char *t = r->text;
  size_t p = ln->cs, e = ln->ce;
  if (t[p] == '|')
    p++;
  if (e > p && t[e - 1] == '|' && !pipe_escaped(t, p, e - 1))
    e--;
  int row = ck_doc_new_row(r->doc);
  cursor c = {ln->start, 1};
  size_t cell = p;
  for (size_t i = p; i < e; i++)
    if (t[i] == '|' && !pipe_escaped(t, p, i)) {
      emit_cell(r, ln, &c, cell, i, row);
      cell = i + 1;
    }
  emit_cell(r, ln, &c, cell, e, row);
}

static bool has_inner_tab(const reader *r, const line *ln) {
  return memchr(r->text + ln->cs, '\t', ln->ce - ln->cs) != NULL;
}

/* Splits a tab-separated row; a run of tabs (used to line columns up)
 * separates two cells, not several empty ones. */
static void table_row_tabs(reader *r, const line *ln) {
  const char *t = r->text;
  int row = ck_doc_new_row(r->doc);
  cursor c = {ln->start, 1};
  size_t cell = ln->cs;
  for (size_t i = ln->cs; i < ln->ce; i++)
    if (t[i] == '\t') {
      emit_cell(r, ln, &c, cell, i, row);
      while (i + 1 < ln->ce && t[i + 1] == '\t')
        i++;
      cell = i + 1;
    }
  emit_cell(r, ln, &c, cell, ln->ce, row);
}

static bool fence_line(const reader *r, const line *ln) {
  const char *t = r->text + ln->cs;
  return ln->ce - ln->cs >= 3 && ln->indent < 4 &&
         (memcmp(t, "```", 3) == 0 || memcmp(t, "~~~", 3) == 0);
}

/* Classifies one line and updates the open block. 'next' is the following
 * line, or NULL at the end. */
static void process_line(reader *r, const line *ln, const line *next) {
  if (ln->blank) {
    close_open(r);
    r->prev = PREV_BLANK;
    return;
  }
  bool in_list = r->list_context; /* set again below where this line allows it */
  r->list_context = false;
  if (r->markdown && fence_line(r, ln)) {
    close_open(r);
    r->in_fence = !r->in_fence;
    r->prev = PREV_BLANK;
    return;
  }
  /* An HTML comment on lines of its own is a note to the writer (or a
     waiver for circheck, waivers.c), not text of the tender: skipped like
     a blank line. */
  if (r->markdown && !r->in_fence &&
      (r->in_comment || (ln->ce - ln->cs >= 4 && memcmp(r->text + ln->cs, "<!--", 4) == 0))) {
    size_t from = r->in_comment ? ln->cs : ln->cs + 4;
    bool closed = false;
    for (size_t p = from; p + 3 <= ln->ce && !closed; p++)
      closed = memcmp(r->text + p, "-->", 3) == 0;
    r->in_comment = !closed;
    close_open(r);
    r->prev = PREV_BLANK;
    return;
  }
  if (r->in_fence) {
    /* code is kept as plain paragraph text, one block per fence */
    if (r->open == OPEN_PARAGRAPH)
      push_piece(r, make_piece(r, ln, ln->cs, ln->ce));
    else
      open_block(r, OPEN_PARAGRAPH, make_piece(r, ln, ln->cs, ln->ce));
    return;
  }
  size_t from, to;
  int level = atx_heading(r, ln, &from, &to);
  if (level) {
    heading(r, ln, from, to, level);
    return;
  }
  bool spaced = false;
  char rule = rule_line(r, ln, &spaced);
  if (rule) {
    if ((rule == '=' || rule == '-') && !spaced && r->open == OPEN_PARAGRAPH &&
        r->npieces == 1) {
      piece p = r->pieces[0];
      r->open = OPEN_NONE;
      r->npieces = 0;
      emit(r, CK_BLOCK_HEADING, rule == '=' ? 1 : 2, -1, &p, 1);
      r->prev = PREV_HEADING;
    } else {
      close_open(r);
      r->prev = PREV_BLANK;
    }
    return;
  }
  if (pipe_row(r, ln)) {
    close_open(r);
    if (!separator_row(r, ln))
      table_row_pipes(r, ln);
    r->prev = PREV_OTHER;
    return;
  }
  bool ordered;
  size_t marker = list_marker(r, ln, &ordered);
  bool alone = r->prev != PREV_OTHER; /* a blank line, a heading or the start above */
  r->list_context = marker != 0 || r->text[ln->ce - 1] == ':';
  unsigned number = leading_number(r, ln);
  unsigned expected = r->list_next;
  r->list_next = marker && ordered ? number + 1 : 0;
  if (alone) {
    bool dotted;
    level = numbered_heading(r, ln, &dotted);
    if (level && dotted) {
      bool next_ordered = false;
      if (next && !next->blank)
        list_marker(r, next, &next_ordered);
      /* "1. Stoler" followed by "2. Bord", or after "Følgende:", is a list;
         "1. Innledning" after items 1 and 2 starts the chapters */
      if (next_ordered || (in_list && (expected == 0 || number == expected)))
        level = 0;
    }
    if (level) {
      heading(r, ln, ln->cs, ln->ce, level);
      return;
    }
  }
  r->prev = PREV_OTHER;
  if (marker) {
    open_block(r, OPEN_ITEM, make_piece(r, ln, ln->cs + marker, ln->ce));
    return;
  }
  if (r->open == OPEN_ITEM && ln->indent >= 2) {
    push_piece(r, make_piece(r, ln, ln->cs, ln->ce));
    return;
  }
  if (has_inner_tab(r, ln)) {
    close_open(r);
    table_row_tabs(r, ln);
    return;
  }
  if (alone && all_caps(r, ln)) {
    heading(r, ln, ln->cs, ln->ce, 1);
    return;
  }
  if (r->open == OPEN_PARAGRAPH)
    push_piece(r, make_piece(r, ln, ln->cs, ln->ce));
  else
    open_block(r, OPEN_PARAGRAPH, make_piece(r, ln, ln->cs, ln->ce));
}

/* A Markdown file may open with YAML front matter between two "---" lines;
 * it is metadata, not text. Returns where the text starts and sets '*no' to
 * that line's number (unchanged when there is no front matter). */
static size_t skip_front_matter(const reader *r, unsigned *no) {
  const char *t = r->text;
  if (r->len < 4 || memcmp(t, "---\n", 4) != 0)
    return 0;
  size_t pos = 4;
  unsigned n = 2;
  while (pos < r->len) {
    const char *nl = memchr(t + pos, '\n', r->len - pos);
    size_t end = nl ? (size_t)(nl - t) : r->len;
    if ((end - pos == 3 && (memcmp(t + pos, "---", 3) == 0 || memcmp(t + pos, "...", 3) == 0))) {
      *no = n + 1;
      return end < r->len ? end + 1 : end;
    }
    pos = end + 1;
    n++;
  }
  return 0;
}

/* How much consumed text ck_read_text_take() lets pile up before giving it
 * back: a system call per MiB is nothing against reading it. */
#define RELEASE_STEP ((size_t)1 << 20)

/* The reader of both entry points; 'take' is the source whose text may be
 * given back as it is consumed, or NULL. */
static ck_status read_text(const ck_source *src, ck_source *take, ck_input_format format,
                           const ck_limits *limits, ck_doc **out, ck_diags *diags) {
  *out = NULL;
  if (!src->text) {
    ck_diags_add(diags, CK_DIAG_ERROR, src->path, 0, 0, "source was not decoded");
    return CK_ERR_USAGE;
  }
  ck_limits lim = limits ? *limits : ck_limits_default();
  reader r;
  memset(&r, 0, sizeof r);
  r.text = src->text;
  r.len = src->text_len;
  r.markdown = format == CK_FORMAT_MARKDOWN;
  r.doc = ck_doc_new(src->path, format, src->encoding);
  r.max_blocks = lim.max_blocks;
  r.diags = diags;
  r.prev = PREV_BLANK;

  line cur, nxt;
  unsigned no = 1;
  size_t pos = r.markdown ? skip_front_matter(&r, &no) : 0;
  size_t released = 0;
  bool have = pos < r.len;
  if (have) {
    const char *nl = memchr(r.text + pos, '\n', r.len - pos);
    analyse(&r, pos, nl ? (size_t)(nl - r.text) : r.len, no, &cur);
  }
  while (have && !r.failed) {
    bool more = cur.end < r.len && cur.end + 1 < r.len;
    if (more) {
      size_t s = cur.end + 1;
      const char *nl = memchr(r.text + s, '\n', r.len - s);
      analyse(&r, s, nl ? (size_t)(nl - r.text) : r.len, cur.no + 1, &nxt);
    }
    if (take) {
      /* Nothing before the current line or the first piece of the open
         block is looked at again: the document holds its copy. */
      size_t live = r.npieces && r.pieces[0].off < cur.start ? r.pieces[0].off : cur.start;
      if (live - released >= RELEASE_STEP && live > released) {
        ck_source_release_text(take, live);
        released = live;
      }
    }
    process_line(&r, &cur, more ? &nxt : NULL);
    if (!more)
      break;
    cur = nxt;
  }
  close_open(&r);
  free(r.pieces);
  if (take)
    ck_source_drop_text(take);
  if (r.failed) {
    ck_doc_free(r.doc);
    return CK_ERR_LIMIT;
  }
  ck_doc_finish(r.doc);
  *out = r.doc;
  return CK_OK;
}

ck_status ck_read_text(const ck_source *src, ck_input_format format, const ck_limits *limits,
                       ck_doc **out, ck_diags *diags) {
  return read_text(src, NULL, format, limits, out, diags);
}

ck_status ck_read_text_take(ck_source *src, ck_input_format format, const ck_limits *limits,
                            ck_doc **out, ck_diags *diags) {
  ck_status st = read_text(src, src, format, limits, out, diags);
  ck_source_drop_text(src);
  return st;
}

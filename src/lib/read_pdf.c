/* The PDF reader (readers.h): the text layer of each page through
 * poppler-glib, in poppler's reading order, rebuilt into paragraphs,
 * headings and list items.
 *
 * A PDF has lines, not paragraphs: lines are joined into a paragraph until
 * one ends a sentence short of the page's width, or ends with a colon; a
 * word broken at a line's end ("miljø-" / "krav") is joined again; a short
 * numbered or ALL-CAPS line is a heading, as in the other readers; a line
 * opening with a bullet or "1)" is a list item. Lines that repeat at the
 * top or bottom of most pages (running headers and footers, page numbers)
 * are not text of the tender. Positions are page:character, the character
 * counted from the start of the page's text. poppler-glib is loaded on the
 * first PDF (pdf_library.c); every call into it goes through 'ck_pdf_api'. */

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "office.h"
#include "pdf_library.h"
#include "readers.h"
#include "text.h"
#include "util.h"

/* Beyond this many pages a file is refused rather than read for minutes. */
#define MAX_PAGES 10000
/* Lines at each end of a page that may be a running header or footer. */
#define EDGE_LINES 2
/* Cells of a table row rebuilt from lines that share a baseline. */
#define MAX_CELLS 8

typedef struct line {
  const char *s;     /* in the page's text, or in the document's pool when merged */
  size_t len;
  unsigned page;     /* 1-based */
  unsigned col;      /* 1-based character of the line's start in the page */
  bool edge;         /* among the first or last EDGE_LINES lines of its page */
  bool furniture;    /* a running header or footer, or a page number */
  double top, bottom, left, right; /* on the page, in points (y grows downwards) */
  double last_cell;  /* a row joined from cells: where its last cell starts; else 0 */
  unsigned ncells;   /* a row joined from cells: how many (at most MAX_CELLS); else 0 */
  unsigned short cell_at[MAX_CELLS]; /* where each cell starts in 's' */
} line;

typedef struct page_text {
  char *text;        /* poppler's, freed with g_free */
  size_t longest;    /* the longest line of the page, in bytes */
} page_text;

/* A key for telling repeated lines apart from text: digits folded to '#'
   (page numbers differ), spaces dropped. */
static void line_key(const char *s, size_t len, ck_buf *out) {
  ck_buf_reset(out);
  for (size_t i = 0; i < len; i++) {
    char c = s[i];
    if (c == ' ' || c == '\t')
      continue;
    ck_buf_putc(out, c >= '0' && c <= '9' ? '#' : c);
  }
}

static bool only_page_number(const char *s, size_t len) {
  /* "12", "- 12 -", "Side 3 av 10", "Page 3 of 10", "3/10" */
  bool digit = false;
  for (size_t i = 0; i < len; i++) {
    char c = s[i];
    if (c >= '0' && c <= '9')
      digit = true;
    else if (c != ' ' && c != '-' && c != '/' && c != '(' && c != ')')
      goto words;
  }
  return digit;
words:;
  static const char *const forms[] = {"side ? av ?", "side ?", "page ? of ?", "page ?",
                                      "sida ? av ?", "s. ?"};
  for (size_t i = 0; i < sizeof forms / sizeof *forms; i++) {
    size_t end = ck_text_match_phrase(s, len, 0, forms[i]);
    if (end && ck_text_skip_spaces(s, len, end) == len)
      return true;
  }
  return false;
}

/* Marks the lines that repeat at the edges of at least half of the pages
   (and of three at least): the document's running headers and footers. */
static void mark_furniture(line *lines, size_t n, unsigned pages) {
  ck_buf key = CK_BUF_INIT, other = CK_BUF_INIT;
  for (size_t i = 0; i < n; i++) {
    if (only_page_number(lines[i].s, lines[i].len) && lines[i].edge) {
      lines[i].furniture = true;
      continue;
    }
    if (!lines[i].edge || lines[i].furniture || pages < 3)
      continue;
    line_key(lines[i].s, lines[i].len, &key);
    unsigned seen = 0, last_page = 0;
    for (size_t k = 0; k < n && key.len; k++) {
      if (!lines[k].edge || lines[k].page == last_page)
        continue;
      line_key(lines[k].s, lines[k].len, &other);
      if (other.len == key.len && memcmp(other.ptr, key.ptr, key.len) == 0) {
        seen++;
        last_page = lines[k].page;
      }
    }
    if (seen >= 3 && seen * 2 >= pages)
      lines[i].furniture = true;
  }
  ck_buf_free(&key);
  ck_buf_free(&other);
}

/* The length of a list marker at the start of a line: a bullet or "1)",
   "a)", "(2)"; 0 when there is none. */
static size_t list_marker(const char *s, size_t len) {
  const unsigned char *u = (const unsigned char *)s;
  size_t m = 0;
  if (len >= 2 && (u[0] == '-' || u[0] == '*' || u[0] == 'o') && u[1] == ' ')
    m = 1;
  else if (len >= 3 && u[0] == 0xE2 &&
           ((u[1] == 0x80 && (u[2] == 0xA2 || u[2] == 0x93)) || (u[1] == 0x96 && u[2] == 0xAA) ||
            (u[1] == 0x97 && u[2] == 0x8F)))
    m = 3; /* • – ▪ ● */
  else if (len >= 2 && u[0] == 0xEF)
    m = 3; /* a private-use bullet of a symbol font () */
  else {
    size_t i = u[0] == '(' ? 1 : 0, j = i;
    while (j < len && j - i < 3 && ((u[j] >= '0' && u[j] <= '9') || (u[j] >= 'a' && u[j] <= 'z')))
      j++;
    if (j > i && j < len && u[j] == ')' && (j - i == 1 || (u[i] >= '0' && u[i] <= '9')))
      m = j + 1;
  }
  if (m == 0 || m >= len || (s[m] != ' ' && u[m] < 0x80))
    return 0;
  while (m < len && s[m] == ' ')
    m++;
  return m;
}

/* The byte where a line's trailing figure starts ("Miljø 30 %" -> 6), or
   'len' when it ends with none. */
static size_t figure_start(const char *s, size_t len) {
  size_t e = len;
  if (e && s[e - 1] == '%')
    e--;
  while (e && s[e - 1] == ' ')
    e--;
  size_t d = e;
  while (d && ((s[d - 1] >= '0' && s[d - 1] <= '9') || s[d - 1] == ',' || s[d - 1] == '.'))
    d--;
  if (d < e && d > 0 && s[d - 1] == ' ' && s[e - 1] >= '0' && s[e - 1] <= '9')
    return d - 1;
  return len;
}

/* Whether a line of words ends with a figure ("Miljø 30 %", "Pris 60"):
   how a table row reads once its cells are side by side. */
static bool ends_with_figure(const char *s, size_t len) { return figure_start(s, len) < len; }

typedef struct builder {
  ck_doc *doc;
  bool open;           /* a block is being filled */
  bool hyphen;         /* the last line ended in a broken word */
  const ck_limits *limits;
  bool failed;
  ck_diags *diags;
} builder;

static void close_block(builder *b) {
  if (!b->open)
    return;
  ck_doc_end_block(b->doc);
  b->open = false;
  b->hyphen = false;
  size_t max = b->limits ? b->limits->max_blocks : 0;
  if (max && b->doc->nblocks > max && !b->failed) {
    ck_diags_add(b->diags, CK_DIAG_ERROR, b->doc->path, 0, 0,
                 "too many blocks: more than %zu (max_blocks)", max);
    b->failed = true;
  }
}

static void open_block(builder *b, ck_block_kind kind, int level) {
  close_block(b);
  ck_doc_begin_block(b->doc, kind, level, -1, NULL);
  b->open = true;
}

/* Adds a line's text to the open block: after a space, or glued to a word
   broken by a hyphen at the end of the line before. */
static void add_line(builder *b, const char *s, size_t len, unsigned page, unsigned col) {
  if (b->open && !b->hyphen)
    ck_doc_add_text(b->doc, " ", 1, page, col);
  b->hyphen = false;
  /* "miljø-" at a line's end before a small letter: one word broken in two;
     a hyphen before a capital or a digit stays ("Nord-Norge", "2-3") */
  if (len >= 2 && s[len - 1] == '-' && s[len - 2] != ' ')
    b->hyphen = true;
  ck_doc_add_text(b->doc, s, b->hyphen ? len - 1 : len, page, col);
}

static bool starts_lower(const char *s, size_t len) {
  const unsigned char *u = (const unsigned char *)s;
  return len && ((u[0] >= 'a' && u[0] <= 'z') || (len >= 2 && u[0] == 0xC3 && u[1] >= 0xA0));
}

static void build(builder *b, line *lines, size_t n, const page_text *pages) {
  for (size_t i = 0; i < n && !b->failed; i++) {
    line *ln = &lines[i];
    if (ln->furniture)
      continue;
    const char *s = ln->s;
    size_t len = ln->len;
    size_t longest = pages[ln->page - 1].longest;
    int level = ck_office_plain_heading(s, len);
    size_t marker = level ? 0 : list_marker(s, len);
    if (b->hyphen && b->open && starts_lower(s, len)) {
      level = 0; /* the rest of a broken word is no heading */
      marker = 0;
    } else if (b->hyphen) {
      /* not a broken word after all: put the hyphen back */
      ck_doc_add_text(b->doc, "-", 1, ln->page, ln->col);
      b->hyphen = false;
    }
    if (level) {
      open_block(b, CK_BLOCK_HEADING, level);
      add_line(b, s, len, ln->page, ln->col);
      close_block(b);
      continue;
    }
    if (ln->ncells >= 2) {
      /* a table row: one block per cell, read together as one sentence */
      close_block(b);
      int row = ck_doc_new_row(b->doc);
      for (unsigned c = 0; c < ln->ncells; c++) {
        size_t cs = ln->cell_at[c], ce = c + 1 < ln->ncells ? ln->cell_at[c + 1] : len;
        while (ce > cs && s[ce - 1] == ' ')
          ce--;
        ck_doc_begin_block(b->doc, CK_BLOCK_TABLE_CELL, 0, row, NULL);
        ck_doc_add_text(b->doc, s + cs, ce - cs, ln->page,
                        ln->col + (unsigned)ck_utf8_count(s, cs));
        b->open = true;
        close_block(b);
      }
      continue;
    }
    if (marker) {
      open_block(b, CK_BLOCK_LIST_ITEM, 0);
      add_line(b, s + marker, len - marker, ln->page, ln->col + (unsigned)ck_utf8_count(s, marker));
    } else {
      if (!b->open)
        open_block(b, CK_BLOCK_PARAGRAPH, 0);
      add_line(b, s, len, ln->page, ln->col);
    }
    /* a paragraph ends where a line ends a sentence well short of the
       page's width, or introduces something with a colon */
    char last = s[len - 1];
    bool short_line = len * 10 < longest * 8;
    if (last == ':' || ((last == '.' || last == '!' || last == '?') && short_line) ||
        ends_with_figure(s, len))
      close_block(b); /* a figure at the end: a table row ("Pris 60 %") */
  }
  close_block(b);
}

/* The byte after the UTF-8 character at 'p': the steps of glib's
   g_utf8_next_char, whose table lives in glib itself (the text here is
   valid UTF-8 already). */
static const char *utf8_next(const char *p) {
  unsigned char c = (unsigned char)*p;
  if (c < 0xC0 || c >= 0xFE)
    return p + 1;
  return p + (c < 0xE0 ? 2 : c < 0xF0 ? 3 : c < 0xF8 ? 4 : c < 0xFC ? 5 : 6);
}

/* The box of each line of a page, from poppler's box of each character of
   the page's text (newlines included). */
static void measure(line *lines, size_t first, size_t n, const char *text,
                    const PopplerRectangle *rects, guint nrects) {
  size_t k = 0; /* character index in the text */
  const char *p = text;
  for (size_t i = first; i < n; i++) {
    line *ln = &lines[i];
    while (p < ln->s) { /* characters before the line */
      p = utf8_next(p);
      k++;
    }
    ln->top = 1e9;
    ln->bottom = -1e9;
    ln->left = 1e9;
    ln->right = -1e9;
    for (const char *q = ln->s; q < ln->s + ln->len; q = utf8_next(q), k++) {
      if (k >= nrects)
        break;
      const PopplerRectangle *r = &rects[k];
      if (*q == ' ')
        continue;
      ln->top = r->y1 < ln->top ? r->y1 : ln->top;
      ln->bottom = r->y2 > ln->bottom ? r->y2 : ln->bottom;
      ln->left = r->x1 < ln->left ? r->x1 : ln->left;
      ln->right = r->x2 > ln->right ? r->x2 : ln->right;
    }
    p = ln->s + ln->len;
  }
}

/* Orders of lines for qsort: top to bottom, then left to right; both are
   total orders, as qsort needs. */
static int by_top(const void *a, const void *b) {
  const line *x = a, *y = b;
  if (x->top != y->top)
    return x->top < y->top ? -1 : 1;
  return x->left < y->left ? -1 : x->left > y->left;
}

static int by_left(const void *a, const void *b) {
  const line *x = a, *y = b;
  return x->left < y->left ? -1 : x->left > y->left;
}

/* Whether a line holds only a figure: "30 %", "60", "4,5 poeng". */
static bool figure_only(const line *ln) {
  bool digit = false;
  for (size_t i = 0; i < ln->len; i++) {
    char c = ln->s[i];
    if (c >= '0' && c <= '9')
      digit = true;
    else if (c != ' ' && c != '%' && c != ',' && c != '.')
      return false;
  }
  return digit;
}

/* A table cell whose text wraps over two lines has its neighbour's figure
   beside the first line or centred between the two ("Kvalitet og" "10 %" /
   "funksjonalitet"): the second line goes into the row before the figure,
   "Kvalitet og funksjonalitet 10 %". The second line starts where the row
   does and holds no figure itself. */
static size_t join_wrapped_cells(line *lines, size_t first, size_t n, ck_buf *pool,
                                 char ***owned, size_t *nowned, size_t *capowned) {
  size_t out = first;
  for (size_t i = first; i < n; i++) {
    line *ln = &lines[i];
    if (out > first && !figure_only(ln) && figure_start(ln->s, ln->len) == ln->len &&
        !ck_office_plain_heading(ln->s, ln->len)) {
      line *row = &lines[out - 1];
      size_t fig = figure_start(row->s, row->len);
      double dx = row->left - ln->left;
      /* the line fits in the row's first cell: it ends before the figure's
         cell starts, and follows the row closely */
      if (fig < row->len && fig > 0 && dx < 3 && dx > -3 && row->last_cell > 0 &&
          ln->right < row->last_cell - 3 && ln->top - row->bottom < 4) {
        ck_buf_reset(pool);
        ck_buf_put(pool, row->s, fig);
        ck_buf_putc(pool, ' ');
        ck_buf_put(pool, ln->s, ln->len);
        ck_buf_put(pool, row->s + fig, row->len - fig);
        /* the cells from the figure's on move right by what was put in */
        for (unsigned c = 0; c < row->ncells; c++)
          if (row->cell_at[c] > fig)
            row->cell_at[c] = (unsigned short)(row->cell_at[c] + ln->len + 1);
        row->len = pool->len;
        row->s = ck_buf_detach(pool);
        CK_GROW(*owned, *capowned, *nowned + 1);
        (*owned)[(*nowned)++] = (char *)row->s;
        row->bottom = ln->bottom;
        continue;
      }
    }
    lines[out++] = *ln;
  }
  return out;
}

/* Puts a page's lines in the order they are on the page and joins lines that
   share a baseline: a table that poppler reads column by column ("Pris",
   "Miljø", ..., then "60 %", "30 %") becomes rows again ("Pris 60 %"). A
   line outside every box keeps its place. */
static size_t merge_rows(line *lines, size_t first, size_t n, ck_buf *pool,
                         char ***owned, size_t *nowned, size_t *capowned) {
  for (size_t i = first; i < n; i++)
    if (lines[i].top > lines[i].bottom)
      return n; /* no geometry: keep poppler's order */
  qsort(lines + first, n - first, sizeof *lines, by_top);
  size_t out = first;
  for (size_t i = first; i < n;) {
    size_t j = i + 1;
    double mid = (lines[i].top + lines[i].bottom) / 2;
    while (j < n && lines[j].top <= mid)
      j++;
    if (j == i + 1) {
      lines[out++] = lines[i++];
      continue;
    }
    qsort(lines + i, j - i, sizeof *lines, by_left);
    ck_buf_reset(pool);
    line merged = lines[i];
    merged.ncells = 0;
    for (size_t k = i; k < j; k++) {
      if (k > i)
        ck_buf_putc(pool, ' ');
      if (merged.ncells < MAX_CELLS && pool->len < 65535)
        merged.cell_at[merged.ncells++] = (unsigned short)pool->len;
      ck_buf_put(pool, lines[k].s, lines[k].len);
    }
    merged.len = pool->len;
    merged.s = ck_buf_detach(pool);
    CK_GROW(*owned, *capowned, *nowned + 1);
    (*owned)[(*nowned)++] = (char *)merged.s;
    for (size_t k = i + 1; k < j; k++) {
      merged.bottom = lines[k].bottom > merged.bottom ? lines[k].bottom : merged.bottom;
      merged.right = lines[k].right > merged.right ? lines[k].right : merged.right;
    }
    merged.last_cell = lines[j - 1].left;
    lines[out++] = merged;
    i = j;
  }
  return join_wrapped_cells(lines, first, out, pool, owned, nowned, capowned);
}

static ck_status read_pdf(const ck_source *src, const ck_limits *limits, ck_doc **out,
                         ck_diags *diags) {
  *out = NULL;
  const char *why = NULL;
  const ck_pdf_api *pdf = ck_pdf_library(&why);
  if (!pdf) {
    ck_diags_add(diags, CK_DIAG_ERROR, src->path, 0, 0, "%s", why);
    return CK_ERR_IO;
  }
  GError *err = NULL;
  GBytes *bytes = pdf->bytes_new_static(src->raw, src->raw_len);
  PopplerDocument *pd = pdf->document_new_from_bytes(bytes, NULL, &err);
  if (!pd) {
    bool encrypted =
        err && err->domain == pdf->error_quark() && err->code == POPPLER_ERROR_ENCRYPTED;
    if (encrypted)
      ck_diags_add(diags, CK_DIAG_ERROR, src->path, 0, 0,
                   "the PDF is encrypted (password protected); save an unprotected copy");
    else
      ck_diags_add(diags, CK_DIAG_ERROR, src->path, 0, 0, "not a readable PDF: %s",
                   err && err->message ? err->message : "damaged");
    if (err)
      pdf->error_free(err);
    pdf->bytes_unref(bytes);
    return CK_ERR_INPUT;
  }
  int npages = pdf->document_get_n_pages(pd);
  if (npages > MAX_PAGES) {
    ck_diags_add(diags, CK_DIAG_ERROR, src->path, 0, 0, "the PDF has %d pages, more than %d",
                 npages, MAX_PAGES);
    pdf->object_unref(pd);
    pdf->bytes_unref(bytes);
    return CK_ERR_LIMIT;
  }
  page_text *pages = ck_xcalloc(npages > 0 ? (size_t)npages : 1, sizeof *pages);
  line *lines = NULL;
  size_t nlines = 0, cap = 0, bytes_read = 0;
  ck_buf pool = CK_BUF_INIT;
  char **owned = NULL; /* merged lines' texts */
  size_t nowned = 0, capowned = 0;
  ck_status rc = CK_OK;
  for (int p = 0; p < npages && rc == CK_OK; p++) {
    PopplerPage *page = pdf->document_get_page(pd, p);
    char *text = page ? pdf->page_get_text(page) : NULL;
    PopplerRectangle *rects = NULL;
    guint nrects = 0;
    if (page && text && !pdf->page_get_text_layout(page, &rects, &nrects))
      rects = NULL, nrects = 0;
    if (page)
      pdf->object_unref(page);
    pages[p].text = text;
    if (!text) {
      pdf->free(rects);
      continue;
    }
    size_t tlen = strlen(text);
    bytes_read += tlen;
    if (limits && limits->max_input_bytes && bytes_read > limits->max_input_bytes) {
      ck_diags_add(diags, CK_DIAG_ERROR, src->path, 0, 0,
                   "the PDF's text is larger than the limit of %zu bytes",
                   limits->max_input_bytes);
      rc = CK_ERR_LIMIT;
      pdf->free(rects);
      break;
    }
    if (!pdf->utf8_validate(text, (gssize)tlen, NULL)) {
      pdf->free(rects);
      continue; /* poppler gives UTF-8; a page it cannot is left out */
    }
    size_t first = nlines;
    unsigned col = 1;
    for (size_t at = 0; at < tlen;) {
      const char *nl = memchr(text + at, '\n', tlen - at);
      size_t end = nl ? (size_t)(nl - text) : tlen;
      size_t s = at, e = end;
      unsigned lead = 0;
      while (s < e && (text[s] == ' ' || text[s] == '\t' || text[s] == '\f' || text[s] == '\r'))
        s++, lead++;
      while (e > s && (text[e - 1] == ' ' || text[e - 1] == '\t' || text[e - 1] == '\r'))
        e--;
      if (e > s) {
        CK_GROW(lines, cap, nlines + 1);
        lines[nlines++] =
            (line){text + s, e - s, (unsigned)p + 1, col + lead, false, false, 0, -1, 0, 0, 0, 0, {0}};
        if (e - s > pages[p].longest)
          pages[p].longest = e - s;
      }
      col += (unsigned)ck_utf8_count(text + at, end - at) + 1;
      at = end + 1;
    }
    if (rects) {
      measure(lines, first, nlines, text, rects, nrects);
      nlines = merge_rows(lines, first, nlines, &pool, &owned, &nowned, &capowned);
    }
    pdf->free(rects);
    for (size_t k = first; k < nlines; k++)
      lines[k].edge = k < first + EDGE_LINES || k + EDGE_LINES >= nlines;
  }
  if (rc == CK_OK && nlines == 0 && npages > 0) {
    ck_diags_add(diags, CK_DIAG_ERROR, src->path, 0, 0,
                 "no text layer: the PDF holds only images (run OCR first)");
    rc = CK_ERR_INPUT;
  }
  ck_doc *doc = NULL;
  if (rc == CK_OK) {
    doc = ck_doc_new(src->path, CK_FORMAT_PDF, "UTF-8");
    mark_furniture(lines, nlines, (unsigned)npages);
    builder b = {.doc = doc, .limits = limits, .diags = diags};
    build(&b, lines, nlines, pages);
    if (b.failed) {
      ck_doc_free(doc);
      doc = NULL;
      rc = CK_ERR_LIMIT;
    } else {
      ck_doc_finish(doc);
    }
  }
  for (int p = 0; p < npages; p++)
    pdf->free(pages[p].text);
  for (size_t i = 0; i < nowned; i++)
    free(owned[i]);
  free(owned);
  ck_buf_free(&pool);
  free(pages);
  free(lines);
  pdf->object_unref(pd);
  pdf->bytes_unref(bytes);
  *out = doc;
  return rc;
}

bool ck_pdf_magic(const char *data, size_t len) {
  /* "%PDF-" within the first KiB, as readers accept */
  size_t n = len < 1024 ? len : 1024;
  for (size_t i = 0; i + 5 <= n; i++)
    if (memcmp(data + i, "%PDF-", 5) == 0)
      return true;
  return false;
}

/* poppler shares state between the documents of a process: two threads
   reading PDFs at once under -j were seen (ThreadSanitizer) to free and copy
   the same block of its colour management (lcms2) at the same time. PDFs
   are therefore read one at a time; checking them, and reading every other
   format, still runs on all threads. */
static pthread_mutex_t poppler_lock = PTHREAD_MUTEX_INITIALIZER;

ck_status ck_read_pdf(const ck_source *src, const ck_limits *limits, ck_doc **out,
                      ck_diags *diags) {
  pthread_mutex_lock(&poppler_lock);
  ck_status rc = read_pdf(src, limits, out, diags);
  pthread_mutex_unlock(&poppler_lock);
  return rc;
}

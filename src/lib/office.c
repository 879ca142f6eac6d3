/* Building the document model from office paragraphs (office.h), for
 * the Word and OpenDocument readers alike. */
#include "office.h"

#include <string.h>

#include "text.h"
#include "util.h"

/* A plain paragraph longer than this is prose, not a heading. */
#define HEADING_MAX_BYTES 120
#define HEADING_MAX_WORDS 12

void ck_office_builder_init(ck_office_builder *b, ck_doc *doc, const ck_limits *limits,
                            ck_diags *diags) {
  *b = (ck_office_builder){.doc = doc, .limits = limits, .diags = diags, .file = doc->path};
}

void ck_office_builder_free(ck_office_builder *b) { ck_buf_free(&b->text); }

/* Space as a word separator: a web page's text keeps its source's line
   breaks and tabs. */
static bool blank(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

static size_t count_words(const char *t, size_t len) {
  size_t words = 0;
  for (size_t i = 0; i < len; i++)
    if (!blank(t[i]) && (i == 0 || blank(t[i - 1])))
      words++;
  return words;
}

int ck_office_plain_heading(const char *text, size_t len) {
  while (len > 0 && blank(text[len - 1]))
    len--;
  while (len > 0 && blank(text[0]))
    text++, len--;
  if (len == 0 || len > HEADING_MAX_BYTES || count_words(text, len) > HEADING_MAX_WORDS)
    return 0;
  char last = text[len - 1];
  if (last == '.' || last == ':' || last == ',' || last == ';')
    return 0; /* a sentence or a lead-in */
  const unsigned char *u = (const unsigned char *)text;
  /* "4.3 Klima og miljø", "2. Kravspesifikasjon": numbers, then a capital */
  size_t i = 0;
  int parts = 0;
  while (i < len && u[i] >= '0' && u[i] <= '9') {
    size_t start = i;
    while (i < len && u[i] >= '0' && u[i] <= '9' && i - start < 3)
      i++;
    if (i < len && u[i] >= '0' && u[i] <= '9')
      return 0; /* four digits: a year or an amount */
    parts++;
    if (i < len && u[i] == '.')
      i++;
    else
      break;
  }
  if (parts > 0) {
    if (i >= len || !blank((char)u[i]))
      return 0;
    while (i < len && blank((char)u[i]))
      i++;
    return ck_text_upper_at(u + i, len - i) ? (parts > 6 ? 6 : parts) : 0;
  }
  /* "DEL 2 KRAVSPESIFIKASJON": capitals, at least three letters, none small */
  size_t upper = 0;
  for (i = 0; i < len; i++) {
    if (u[i] >= 'a' && u[i] <= 'z')
      return 0;
    if (u[i] >= 'A' && u[i] <= 'Z')
      upper++;
    else if (u[i] == 0xC3 && i + 1 < len) {
      if (!ck_latin1_capital(u[++i]))
        return 0;
      upper++;
    }
  }
  return upper >= 3 ? 1 : 0;
}

static bool over_limit(ck_office_builder *b) {
  size_t max = b->limits ? b->limits->max_blocks : 0;
  if (b->failed || max == 0 || b->doc->nblocks <= max)
    return b->failed;
  ck_diags_add(b->diags, CK_DIAG_ERROR, b->file, b->paragraph, 0,
               "too many blocks: more than %zu (max_blocks)", max);
  b->failed = true;
  return true;
}

void ck_office_paragraph(ck_office_builder *b, ck_block_kind kind, int level) {
  b->paragraph++;
  const char *t = ck_buf_cstr(&b->text);
  if (kind == CK_BLOCK_PARAGRAPH && (level = ck_office_plain_heading(t, b->text.len)) > 0)
    kind = CK_BLOCK_HEADING;
  if (!b->failed && b->text.len) {
    ck_doc_begin_block(b->doc, kind, level, -1, NULL);
    ck_doc_add_text(b->doc, t, b->text.len, b->paragraph, 1);
    ck_doc_end_block(b->doc);
    over_limit(b);
  }
  ck_buf_reset(&b->text);
}

int ck_office_row(ck_office_builder *b) { return ck_doc_new_row(b->doc); }

void ck_office_cell(ck_office_builder *b, int row) {
  b->paragraph++;
  if (!b->failed) {
    /* one block per cell (the builder drops an empty one); the row's cells
       are read together as one sentence */
    ck_doc_begin_block(b->doc, CK_BLOCK_TABLE_CELL, 0, row, NULL);
    ck_doc_add_text(b->doc, ck_buf_cstr(&b->text), b->text.len, b->paragraph, 1);
    ck_doc_end_block(b->doc);
    over_limit(b);
  }
  ck_buf_reset(&b->text);
}

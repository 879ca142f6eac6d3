/* Tests of the plain-text and Markdown reader: block structure, headings,
 * lists, tables, inline markup and positions. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "readers.h"
#include "source.h"

static ck_status read_doc(const char *text, ck_input_format format, const ck_limits *limits,
                          ck_doc **doc, ck_diags *diags) {
  ck_source src;
  memset(&src, 0, sizeof src);
  src.path = ck_xstrdup(format == CK_FORMAT_MARKDOWN ? "t.md" : "t.txt");
  src.raw = ck_xstrdup(text);
  src.raw_len = strlen(text);
  ck_status st = ck_source_decode(&src, diags);
  if (st == CK_OK)
    st = ck_read_text(&src, format, limits, doc, diags);
  ck_source_free(&src);
  return st;
}

static ck_doc *read_ok(const char *text, ck_input_format format) {
  ck_diags diags = CK_DIAGS_INIT;
  ck_doc *doc = NULL;
  ck_limits lim = ck_limits_default();
  ck_status st = read_doc(text, format, &lim, &doc, &diags);
  OK(st == CK_OK && doc != NULL, "read: status %s, %s", ck_status_name(st),
     diags.n ? diags.items[0].msg : "");
  ck_diags_free(&diags);
  return doc;
}

/* Checks block 'i': kind, heading level, text, and where its text starts. */
static void expect_block(const ck_doc *doc, size_t i, ck_block_kind kind, int level,
                         const char *text, unsigned line, unsigned col) {
  if (i >= doc->nblocks) {
    OK(0, "block %zu missing (have %zu), want \"%s\"", i, doc->nblocks, text);
    return;
  }
  const ck_block *b = &doc->blocks[i];
  size_t n = b->end - b->start;
  OK(b->kind == kind, "block %zu \"%s\": kind %s, want %s", i, text, ck_block_kind_name(b->kind),
     ck_block_kind_name(kind));
  OK(b->level == level, "block %zu \"%s\": level %d, want %d", i, text, b->level, level);
  OK(n == strlen(text) && memcmp(doc->text.ptr + b->start, text, n) == 0,
     "block %zu: text \"%.*s\", want \"%s\"", i, (int)n, doc->text.ptr + b->start, text);
  unsigned l, c;
  ck_doc_position(doc, b->start, &l, &c);
  OK(l == line && c == col, "block %zu \"%s\": at %u:%u, want %u:%u", i, text, l, c, line, col);
}

/* Checks where the first occurrence of 'needle' in the document text came from. */
static void expect_at(const ck_doc *doc, const char *needle, unsigned line, unsigned col) {
  const char *p = strstr(doc->text.ptr, needle);
  OK(p != NULL, "\"%s\" not in text", needle);
  if (!p)
    return;
  unsigned l, c;
  ck_doc_position(doc, (size_t)(p - doc->text.ptr), &l, &c);
  OK(l == line && c == col, "\"%s\": at %u:%u, want %u:%u", needle, l, c, line, col);
}

static void test_plain_text(void) {
  const char *text = "ANSKAFFELSE AV MØBLER\n"        /* 1 */
                     "\n"                             /* 2 */
                     "1 Innledning\n"                 /* 3 */
                     "Kommunen skal kjøpe møbler.\n"  /* 4 */
                     "\n"                             /* 5 */
                     "2 Kravspesifikasjon\n"          /* 6 */
                     "\n"                             /* 7 */
                     "2.1. Garanti\n"                 /* 8 */
                     "Leverandøren skal gi\n"         /* 9 */
                     "  fem års   garanti.\n"         /* 10 */
                     "\n"                             /* 11 */
                     "1. Leverandøren skal levere møbler.\n" /* 12 */
                     "2. Møblene skal kunne repareres.\n"    /* 13 */
                     "\n"                             /* 14 */
                     "Krav til dokumentasjon:\n"      /* 15 */
                     "- Datablad\n"                   /* 16 */
                     "• Sertifikat\n"                 /* 17 */
                     "  med vedlegg\n"                /* 18 */
                     "\n"                             /* 19 */
                     "Del 2: Kontraktsvilkår\n"       /* 20 */
                     "\n"                             /* 21 */
                     "1. Stoler\n"                    /* 22 */
                     "2. Bord\n"                      /* 23 */
                     "\n"                             /* 24 */
                     "CPV 39130000\n"                 /* 25 */
                     "\n"                             /* 26 */
                     "Vilkår:\n"                      /* 27 */
                     "\n"                             /* 28 */
                     "Tekst her\n"                    /* 29 */
                     "3 Stoler skal leveres\n"        /* 30 */
                     "a) Første\n"                    /* 31 */
                     "2.1.3 Detaljer\n";              /* 32 */
  ck_doc *doc = read_ok(text, CK_FORMAT_TEXT);
  if (!doc)
    return;
  size_t i = 0;
  expect_block(doc, i++, CK_BLOCK_HEADING, 1, "ANSKAFFELSE AV MØBLER", 1, 1);
  expect_block(doc, i++, CK_BLOCK_HEADING, 1, "1 Innledning", 3, 1);
  expect_block(doc, i++, CK_BLOCK_PARAGRAPH, 0, "Kommunen skal kjøpe møbler.", 4, 1);
  expect_block(doc, i++, CK_BLOCK_HEADING, 1, "2 Kravspesifikasjon", 6, 1);
  expect_block(doc, i++, CK_BLOCK_HEADING, 2, "2.1. Garanti", 8, 1);
  expect_block(doc, i++, CK_BLOCK_PARAGRAPH, 0, "Leverandøren skal gi fem års garanti.", 9, 1);
  expect_block(doc, i++, CK_BLOCK_LIST_ITEM, 0, "Leverandøren skal levere møbler.", 12, 4);
  expect_block(doc, i++, CK_BLOCK_LIST_ITEM, 0, "Møblene skal kunne repareres.", 13, 4);
  expect_block(doc, i++, CK_BLOCK_PARAGRAPH, 0, "Krav til dokumentasjon:", 15, 1);
  expect_block(doc, i++, CK_BLOCK_LIST_ITEM, 0, "Datablad", 16, 3);
  expect_block(doc, i++, CK_BLOCK_LIST_ITEM, 0, "Sertifikat med vedlegg", 17, 3);
  expect_block(doc, i++, CK_BLOCK_HEADING, 1, "Del 2: Kontraktsvilkår", 20, 1);
  expect_block(doc, i++, CK_BLOCK_LIST_ITEM, 0, "Stoler", 22, 4);
  expect_block(doc, i++, CK_BLOCK_LIST_ITEM, 0, "Bord", 23, 4);
  expect_block(doc, i++, CK_BLOCK_PARAGRAPH, 0, "CPV 39130000", 25, 1);
  expect_block(doc, i++, CK_BLOCK_PARAGRAPH, 0, "Vilkår:", 27, 1);
  expect_block(doc, i++, CK_BLOCK_PARAGRAPH, 0, "Tekst her 3 Stoler skal leveres", 29, 1);
  expect_block(doc, i++, CK_BLOCK_LIST_ITEM, 0, "Første", 31, 4);
  expect_block(doc, i++, CK_BLOCK_PARAGRAPH, 0, "2.1.3 Detaljer", 32, 1);
  INT_EQ(doc->nblocks, i, "plain text block count");

  /* the paragraph over lines 9-10 maps each part back to its own line */
  expect_at(doc, "skal gi", 9, 14);
  expect_at(doc, "fem års", 10, 3);
  expect_at(doc, "garanti.", 10, 13);
  expect_at(doc, "med vedlegg", 18, 3);

  STR_EQ_OWNED(ck_doc_block_section_path(doc, 5), "2 Kravspesifikasjon > 2.1. Garanti", "section path");
  INT_EQ(ck_doc_block_section_kind(doc, 5), CK_SECTION_REQUIREMENTS, "section kind");
  INT_EQ(ck_doc_block_section_kind(doc, 12), CK_SECTION_CONTRACT, "contract section");
  STR_EQ(doc->title, "ANSKAFFELSE AV MØBLER", "title");
  INT_EQ(doc->lang, CK_LANG_NB, "language");
  INT_EQ(doc->ncpv, 1, "cpv from text");
  OK(doc->nsentences >= 10, "sentences split: %zu", doc->nsentences);
  INT_EQ(doc->format, CK_FORMAT_TEXT, "format");
  STR_EQ(doc->path, "t.txt", "path");
  STR_EQ(doc->encoding, "UTF-8", "encoding");
  ck_doc_free(doc);
}

static void test_markdown(void) {
  const char *text = "# Tittel\n"                                                      /* 1 */
                     "\n"                                                              /* 2 */
                     "Innledning\n"                                                    /* 3 */
                     "----------\n"                                                    /* 4 */
                     "Dette er **viktig** tekst med `kode` og [en lenke](http://x.no).\n" /* 5 */
                     "\n"                                                              /* 6 */
                     "Seksjon\n"                                                       /* 7 */
                     "=======\n"                                                       /* 8 */
                     "\n"                                                              /* 9 */
                     "## Krav ##\n"                                                    /* 10 */
                     "\n"                                                              /* 11 */
                     "* Punkt __en__\n"                                                /* 12 */
                     "+ Punkt to\n"                                                    /* 13 */
                     "\n"                                                              /* 14 */
                     "| Krav | Svar |\n"                                               /* 15 */
                     "|------|:----:|\n"                                               /* 16 */
                     "| Garanti \\| lang | 5 år |\n"                                   /* 17 */
                     "\n"                                                              /* 18 */
                     "- ikke overskrift\n"                                             /* 19 */
                     "---\n"                                                           /* 20 */
                     "> Sitat her\n"                                                   /* 21 */
                     "\n"                                                              /* 22 */
                     "#hashtag er tekst\n"                                             /* 23 */
                     "\n"                                                              /* 24 */
                     "```\n"                                                           /* 25 */
                     "# ikke overskrift\n"                                             /* 26 */
                     "```\n"                                                           /* 27 */
                     "Se ![bilde](a.png) og \\*stjerne\\*.\n";                         /* 28 */
  ck_doc *doc = read_ok(text, CK_FORMAT_MARKDOWN);
  if (!doc)
    return;
  size_t i = 0;
  expect_block(doc, i++, CK_BLOCK_HEADING, 1, "Tittel", 1, 3);
  expect_block(doc, i++, CK_BLOCK_HEADING, 2, "Innledning", 3, 1);
  expect_block(doc, i++, CK_BLOCK_PARAGRAPH, 0, "Dette er viktig tekst med kode og en lenke.", 5,
               1);
  expect_block(doc, i++, CK_BLOCK_HEADING, 1, "Seksjon", 7, 1);
  expect_block(doc, i++, CK_BLOCK_HEADING, 2, "Krav", 10, 4);
  expect_block(doc, i++, CK_BLOCK_LIST_ITEM, 0, "Punkt en", 12, 3);
  expect_block(doc, i++, CK_BLOCK_LIST_ITEM, 0, "Punkt to", 13, 3);
  expect_block(doc, i++, CK_BLOCK_TABLE_CELL, 0, "Krav", 15, 3);
  expect_block(doc, i++, CK_BLOCK_TABLE_CELL, 0, "Svar", 15, 10);
  expect_block(doc, i++, CK_BLOCK_TABLE_CELL, 0, "Garanti | lang", 17, 3);
  expect_block(doc, i++, CK_BLOCK_TABLE_CELL, 0, "5 år", 17, 21);
  expect_block(doc, i++, CK_BLOCK_LIST_ITEM, 0, "ikke overskrift", 19, 3);
  expect_block(doc, i++, CK_BLOCK_PARAGRAPH, 0, "Sitat her", 21, 3);
  expect_block(doc, i++, CK_BLOCK_PARAGRAPH, 0, "#hashtag er tekst", 23, 1);
  expect_block(doc, i++, CK_BLOCK_PARAGRAPH, 0, "# ikke overskrift", 26, 1);
  expect_block(doc, i++, CK_BLOCK_PARAGRAPH, 0, "Se bilde og *stjerne*.", 28, 1);
  INT_EQ(doc->nblocks, i, "markdown block count");

  /* markup removed, columns still those of the source */
  expect_at(doc, "viktig", 5, 12);
  expect_at(doc, "tekst med", 5, 21);
  expect_at(doc, "kode", 5, 32);
  expect_at(doc, "en lenke", 5, 42);
  expect_at(doc, "lang", 17, 14);
  expect_at(doc, "stjerne", 28, 25);
  expect_at(doc, "en\n", 12, 11);

  /* table rows: one row number per line, shared by its cells */
  INT_EQ(doc->blocks[7].row, doc->blocks[8].row, "cells of one row");
  OK(doc->blocks[9].row != doc->blocks[8].row, "next row");
  INT_EQ(doc->blocks[9].row, doc->blocks[10].row, "second row cells");
  OK(strstr(doc->text.ptr, "Krav | Svar\nGaranti | lang | 5 år\n") != NULL, "row text");
  STR_EQ_OWNED(ck_doc_block_section_path(doc, 7), "Seksjon > Krav", "table section path");
  ck_doc_free(doc);
}

static void test_tab_table(void) {
  ck_doc *doc = read_ok("Produkt\tGaranti\tPris\nStol\t5 år\t\t500\n\nEtter tabellen.\n",
                        CK_FORMAT_TEXT);
  if (!doc)
    return;
  expect_block(doc, 0, CK_BLOCK_TABLE_CELL, 0, "Produkt", 1, 1);
  expect_block(doc, 1, CK_BLOCK_TABLE_CELL, 0, "Garanti", 1, 9);
  expect_block(doc, 2, CK_BLOCK_TABLE_CELL, 0, "Pris", 1, 17);
  expect_block(doc, 3, CK_BLOCK_TABLE_CELL, 0, "Stol", 2, 1);
  expect_block(doc, 4, CK_BLOCK_TABLE_CELL, 0, "5 år", 2, 6);
  expect_block(doc, 5, CK_BLOCK_TABLE_CELL, 0, "500", 2, 12);
  expect_block(doc, 6, CK_BLOCK_PARAGRAPH, 0, "Etter tabellen.", 4, 1);
  INT_EQ(doc->nblocks, 7, "tab table blocks");
  INT_EQ(doc->blocks[0].row, doc->blocks[2].row, "row 1");
  INT_EQ(doc->blocks[3].row, doc->blocks[5].row, "row 2");
  OK(doc->blocks[0].row != doc->blocks[3].row, "two rows");
  STR_EQ(doc->text.ptr, "Produkt | Garanti | Pris\nStol | 5 år | 500\nEtter tabellen.",
         "tab table text");
  /* one sentence per row */
  INT_EQ(doc->nsentences, 3, "row sentences");
  ck_doc_free(doc);
}

static void test_front_matter(void) {
  ck_doc *doc = read_ok("---\ntitle: Møbler\nlang: nb\n---\n# Tittel\nTekst.\n", CK_FORMAT_MARKDOWN);
  if (doc) {
    expect_block(doc, 0, CK_BLOCK_HEADING, 1, "Tittel", 5, 3);
    expect_block(doc, 1, CK_BLOCK_PARAGRAPH, 0, "Tekst.", 6, 1);
    INT_EQ(doc->nblocks, 2, "front matter skipped");
    ck_doc_free(doc);
  }
  /* without a closing line it is ordinary text */
  doc = read_ok("---\nTekst.\n", CK_FORMAT_MARKDOWN);
  if (doc) {
    expect_block(doc, 0, CK_BLOCK_PARAGRAPH, 0, "Tekst.", 2, 1);
    INT_EQ(doc->nblocks, 1, "unclosed front matter");
    ck_doc_free(doc);
  }
}

static void test_text_setext_and_levels(void) {
  ck_doc *doc = read_ok("Tittel\n======\n\n3.2.1 Detaljer her\n\nAvsnitt.\n\n"
                        "Kapittel 4 Kontraktsvilkår\nTekst rett under.\n",
                        CK_FORMAT_TEXT);
  if (!doc)
    return;
  expect_block(doc, 0, CK_BLOCK_HEADING, 1, "Tittel", 1, 1);
  expect_block(doc, 1, CK_BLOCK_HEADING, 3, "3.2.1 Detaljer her", 4, 1);
  expect_block(doc, 2, CK_BLOCK_PARAGRAPH, 0, "Avsnitt.", 6, 1);
  expect_block(doc, 3, CK_BLOCK_HEADING, 1, "Kapittel 4 Kontraktsvilkår", 8, 1);
  expect_block(doc, 4, CK_BLOCK_PARAGRAPH, 0, "Tekst rett under.", 9, 1);
  INT_EQ(doc->nblocks, 5, "setext/levels blocks");
  INT_EQ(ck_doc_block_section_kind(doc, 4), CK_SECTION_CONTRACT, "chapter kind");
  ck_doc_free(doc);

  /* inline markup is left alone in plain text */
  doc = read_ok("Dette er **ikke** Markdown.\n", CK_FORMAT_TEXT);
  if (doc) {
    expect_block(doc, 0, CK_BLOCK_PARAGRAPH, 0, "Dette er **ikke** Markdown.", 1, 1);
    ck_doc_free(doc);
  }
}

static void test_limits(void) {
  ck_limits lim = ck_limits_default();
  lim.max_blocks = 3;
  ck_diags diags = CK_DIAGS_INIT;
  ck_doc *doc = (ck_doc *)1;
  ck_status st = read_doc("En.\n\nTo.\n\nTre.\n\nFire.\n\nFem.\n", CK_FORMAT_TEXT, &lim, &doc,
                          &diags);
  INT_EQ(st, CK_ERR_LIMIT, "block limit");
  OK(doc == NULL, "no document on error");
  INT_EQ(diags.n, 1, "one diagnostic");
  if (diags.n) {
    STR_EQ(diags.items[0].msg, "too many blocks: more than 3 (max_blocks)", "limit message");
    INT_EQ(diags.items[0].line, 7, "limit line");
    STR_EQ(diags.items[0].file, "t.txt", "limit file");
  }
  ck_diags_free(&diags);

  lim.max_blocks = 5;
  st = read_doc("En.\n\nTo.\n\nTre.\n\nFire.\n\nFem.\n", CK_FORMAT_TEXT, &lim, &doc, &diags);
  INT_EQ(st, CK_OK, "exactly at the block limit");
  INT_EQ(diags.n, 0, "no diagnostics");
  ck_doc_free(doc);

  /* a source that was never decoded */
  ck_source src;
  memset(&src, 0, sizeof src);
  src.path = ck_xstrdup("x.txt");
  st = ck_read_text(&src, CK_FORMAT_TEXT, NULL, &doc, &diags);
  INT_EQ(st, CK_ERR_USAGE, "undecoded source");
  OK(doc == NULL, "no doc for undecoded source");
  ck_source_free(&src);
  ck_diags_free(&diags);
}

/* A large input stays linear: many lines and one very long line. */
static void test_large(void) {
  size_t n = 200000;
  ck_buf b = CK_BUF_INIT;
  for (size_t i = 0; i < n / 40; i++)
    ck_buf_puts(&b, "Leverandøren skal levere [møbler](x) med **garanti** i 5 år. ");
  ck_buf_putc(&b, '\n');
  for (size_t i = 0; i < n; i++)
    ck_buf_puts(&b, i % 3 ? "- punkt\n" : "Linje med tekst\n");
  ck_doc *doc = read_ok(b.ptr, CK_FORMAT_MARKDOWN);
  if (doc) {
    OK(doc->nblocks > n / 3, "many blocks: %zu", doc->nblocks);
    OK(doc->nsentences > n / 4, "many sentences: %zu", doc->nsentences);
    ck_doc_free(doc);
  }
  ck_buf_free(&b);
}

/* Reads the file at 'path' with the taking reader (text given back as it is
 * read), or decodes and reads it keeping the text. */
static ck_doc *read_file(const char *path, ck_input_format format, bool take) {
  ck_source src;
  ck_diags diags = CK_DIAGS_INIT;
  ck_doc *doc = NULL;
  ck_status st = ck_source_read(path, NULL, &src, &diags);
  if (st == CK_OK && take) {
    st = ck_source_decode_take(&src, &diags);
    OK(src.raw == NULL && (st != CK_OK || src.text_mem.mapped), "taken and mapped");
    if (st == CK_OK)
      st = ck_read_text_take(&src, format, NULL, &doc, &diags);
    OK(src.text == NULL, "the taking reader drops the text");
  } else if (st == CK_OK) {
    st = ck_source_decode(&src, &diags);
    if (st == CK_OK)
      st = ck_read_text(&src, format, NULL, &doc, &diags);
  }
  OK(st == CK_OK, "read %s: %s", path, diags.n ? diags.items[0].msg : "");
  ck_source_free(&src);
  ck_diags_free(&diags);
  return doc;
}

/* Giving the text back while reading must not change the document: a
 * multi-MiB file whose paragraphs, set-text headings and tables straddle the
 * points where pages are given back. */
static void test_take_same_document(void) {
  ck_buf b = CK_BUF_INIT;
  for (size_t i = 0; i < 24000; i++) {
    switch (i % 6) {
    case 0:
      ck_buf_printf(&b, "Avsnitt %zu med tekst\nsom fortsetter her. Og en setning til.\n", i);
      break;
    case 1:
      ck_buf_printf(&b, "Overskrift %zu\n===\n\n", i);
      break;
    case 2:
      ck_buf_printf(&b, "| Krav | %zu |\n|---|---|\n| Garanti | 5 år |\n\n", i);
      break;
    case 3:
      ck_buf_printf(&b, "- punkt %zu med **møbler**\n  som fortsetter\n- neste\n\n", i);
      break;
    case 4: {
      /* one long paragraph of many lines */
      for (int k = 0; k < 40; k++)
        ck_buf_printf(&b, "Linje %d i avsnitt %zu skal leveres innen fristen.\n", k, i);
      ck_buf_putc(&b, '\n');
      break;
    }
    default:
      ck_buf_printf(&b, "KAPITTEL %zu\n\nTekst\tmed\ttabulator\n\n", i);
    }
  }
  OK(b.len > 3 * (1u << 20), "input of %zu bytes", b.len);
  char path[] = "/tmp/ck_test_read_text_XXXXXX";
  int fd = mkstemp(path);
  OK(fd >= 0 && write(fd, b.ptr, b.len) == (ssize_t)b.len, "write temp file");
  if (fd >= 0)
    close(fd);
  for (int format = 0; format < 2; format++) {
    ck_input_format f = format ? CK_FORMAT_MARKDOWN : CK_FORMAT_TEXT;
    ck_doc *kept = read_file(path, f, false), *taken = read_file(path, f, true);
    if (kept && taken) {
      OK(kept->text.len == taken->text.len &&
             memcmp(kept->text.ptr, taken->text.ptr, kept->text.len) == 0,
         "same text");
      OK(kept->nblocks == taken->nblocks &&
             memcmp(kept->blocks, taken->blocks, kept->nblocks * sizeof *kept->blocks) == 0,
         "same blocks");
      OK(kept->nsentences == taken->nsentences &&
             memcmp(kept->sentences, taken->sentences,
                    kept->nsentences * sizeof *kept->sentences) == 0,
         "same sentences");
      OK(kept->nmarks == taken->nmarks &&
             memcmp(kept->marks, taken->marks, kept->nmarks * sizeof *kept->marks) == 0,
         "same positions");
      OK(kept->nblocks > 20000, "many blocks: %zu", kept->nblocks);
    }
    ck_doc_free(kept);
    ck_doc_free(taken);
  }
  unlink(path);
  ck_buf_free(&b);
}

/* Numbered items spaced by blank lines after a lead-in are a list; the same
   numbers over chapters with text between them are headings. */
static void test_spaced_numbered_list(void) {
  ck_doc *doc = read_ok("Utredningen skal minst omfatte:\n"
                        "\n"
                        " 1. Fleksible forbindelser\n"
                        "\n"
                        " 2. Merking av komponenter\n"
                        "\n"
                        "1. Innledning\n"
                        "\n"
                        "Tekst.\n"
                        "\n"
                        "2. Omfang\n",
                        CK_FORMAT_TEXT);
  if (!doc)
    return;
  size_t i = 0;
  expect_block(doc, i++, CK_BLOCK_PARAGRAPH, 0, "Utredningen skal minst omfatte:", 1, 1);
  expect_block(doc, i++, CK_BLOCK_LIST_ITEM, 0, "Fleksible forbindelser", 3, 5);
  expect_block(doc, i++, CK_BLOCK_LIST_ITEM, 0, "Merking av komponenter", 5, 5);
  /* the list goes on through blank lines with the next number; "1." again
     starts the chapters */
  expect_block(doc, i++, CK_BLOCK_HEADING, 1, "1. Innledning", 7, 1);
  expect_block(doc, i++, CK_BLOCK_PARAGRAPH, 0, "Tekst.", 9, 1);
  expect_block(doc, i++, CK_BLOCK_HEADING, 1, "2. Omfang", 11, 1);
  ck_doc_free(doc);
}

int main(void) {
  test_spaced_numbered_list();
  test_take_same_document();
  test_plain_text();
  test_markdown();
  test_tab_table();
  test_text_setext_and_levels();
  test_front_matter();
  test_limits();
  test_large();
  return ck_test_report();
}

/* Tests of the document model: builder, positions, sections, heading
 * classification, CPV codes and sentence splitting. */
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "harness.h"

static void block(ck_doc *doc, ck_block_kind kind, int level, int row, const char *text,
                  unsigned line, unsigned col) {
  ck_doc_begin_block(doc, kind, level, row, NULL);
  ck_doc_add_text(doc, text, strlen(text), line, col);
  ck_doc_end_block(doc);
}

static void para(ck_doc *doc, const char *text, unsigned line) {
  block(doc, CK_BLOCK_PARAGRAPH, 0, -1, text, line, 1);
}

static void heading(ck_doc *doc, int level, const char *text, unsigned line) {
  block(doc, CK_BLOCK_HEADING, level, -1, text, line, 1);
}

/* Copies the text of block 'i' into a static-free caller buffer. */
static const char *block_text(const ck_doc *doc, size_t i, char *buf, size_t cap) {
  const ck_block *b = &doc->blocks[i];
  size_t n = b->end - b->start;
  if (n >= cap)
    n = cap - 1;
  memcpy(buf, doc->text.ptr + b->start, n);
  buf[n] = '\0';
  return buf;
}

static const char *sentence_text(const ck_doc *doc, size_t i, char *buf, size_t cap) {
  const ck_sentence *s = &doc->sentences[i];
  size_t n = s->end - s->start;
  if (n >= cap)
    n = cap - 1;
  memcpy(buf, doc->text.ptr + s->start, n);
  buf[n] = '\0';
  return buf;
}

static size_t find(const ck_doc *doc, const char *needle) {
  const char *p = strstr(doc->text.ptr, needle);
  return p ? (size_t)(p - doc->text.ptr) : (size_t)-1;
}

static void expect_pos(const ck_doc *doc, size_t off, unsigned line, unsigned col,
                       const char *what) {
  unsigned l = 0, c = 0;
  ck_doc_position(doc, off, &l, &c);
  OK(l == line && c == col, "%s: got %u:%u, want %u:%u", what, l, c, line, col);
}

static void test_builder(void) {
  ck_doc *doc = ck_doc_new("a.txt", CK_FORMAT_TEXT, "UTF-8");
  STR_EQ(doc->path, "a.txt", "path");
  STR_EQ(doc->encoding, "UTF-8", "encoding");
  STR_EQ(doc->text.ptr, "", "empty text is a string");

  block(doc, CK_BLOCK_PARAGRAPH, 0, -1, "  Hello \t  world  ", 1, 1);
  STR_EQ(doc->text.ptr, "Hello world", "collapsed and trimmed");
  INT_EQ(doc->nblocks, 1, "one block");
  INT_EQ(doc->blocks[0].kind, CK_BLOCK_PARAGRAPH, "kind");
  INT_EQ(doc->blocks[0].level, 0, "paragraph level");
  INT_EQ(doc->blocks[0].row, -1, "paragraph row");
  INT_EQ(doc->blocks[0].section, -1, "no section yet");
  expect_pos(doc, 0, 1, 3, "H after leading space");
  expect_pos(doc, 6, 1, 12, "w after a collapsed run");
  expect_pos(doc, 10, 1, 16, "d");
  INT_EQ(doc->nmarks, 2, "one mark per broken run");

  /* an empty block leaves no separator behind */
  block(doc, CK_BLOCK_PARAGRAPH, 0, -1, "   \n  ", 2, 1);
  INT_EQ(doc->nblocks, 1, "empty block dropped");
  STR_EQ(doc->text.ptr, "Hello world", "no separator for empty block");

  /* white space across calls collapses too, and a single space keeps 1:1 */
  ck_doc_begin_block(doc, CK_BLOCK_LIST_ITEM, 0, -1, NULL);
  ck_doc_add_text(doc, "one ", 4, 3, 3);
  ck_doc_add_text(doc, "  two", 5, 3, 7);
  ck_doc_add_text(doc, "three", 5, 3, 12);
  ck_doc_end_block(doc);
  STR_EQ(doc->text.ptr, "Hello world\none twothree", "across calls");
  expect_pos(doc, find(doc, "two"), 3, 9, "two");
  expect_pos(doc, find(doc, "three"), 3, 12, "three continues");

  /* table cells of one row share a line, joined by " | " */
  int row = ck_doc_new_row(doc);
  INT_EQ(row, 0, "first row");
  block(doc, CK_BLOCK_TABLE_CELL, 0, row, "a", 4, 3);
  block(doc, CK_BLOCK_TABLE_CELL, 0, row, "b", 4, 7);
  int row2 = ck_doc_new_row(doc);
  INT_EQ(row2, 1, "second row");
  block(doc, CK_BLOCK_TABLE_CELL, 0, row2, "c", 5, 3);
  STR_EQ(doc->text.ptr, "Hello world\none twothree\na | b\nc", "cells and rows");
  INT_EQ(doc->blocks[3].row, 0, "cell row");
  INT_EQ(doc->blocks[4].row, 1, "cell row 2");
  expect_pos(doc, find(doc, "b\n"), 4, 7, "second cell");
  expect_pos(doc, find(doc, "c"), 5, 3, "next row");

  ck_doc_begin_block(doc, CK_BLOCK_PARAGRAPH, 0, -1, "/a/b");
  ck_doc_add_text(doc, "x", 1, 6, 1);
  ck_doc_end_block(doc);
  STR_EQ(doc->blocks[5].xpath, "/a/b", "xpath copied");
  const char *s = ck_doc_intern(doc, "kept");
  STR_EQ(s, "kept", "intern");
  ck_doc_free(doc);
  ck_doc_free(NULL);
}

static void test_positions(void) {
  ck_doc *doc = ck_doc_new("p.txt", CK_FORMAT_TEXT, "UTF-8");
  /* multi-byte characters: columns count characters, not bytes */
  block(doc, CK_BLOCK_PARAGRAPH, 0, -1, "Møbler  på   lager", 2, 5);
  STR_EQ(doc->text.ptr, "Møbler på lager", "utf-8 collapsed");
  expect_pos(doc, 0, 2, 5, "M");
  expect_pos(doc, 1, 2, 6, "ø");
  expect_pos(doc, 3, 2, 7, "b after ø");
  expect_pos(doc, find(doc, "på"), 2, 13, "på");
  expect_pos(doc, find(doc, "lager"), 2, 18, "lager");

  /* a paragraph over three source lines, each passed with its own position */
  ck_doc_begin_block(doc, CK_BLOCK_PARAGRAPH, 0, -1, NULL);
  ck_doc_add_text(doc, "Leverandøren skal", strlen("Leverandøren skal"), 10, 3);
  ck_doc_add_text(doc, " ", 1, 10, 1);
  ck_doc_add_text(doc, "gi fem års", strlen("gi fem års"), 11, 1);
  ck_doc_add_text(doc, "\n", 1, 11, 11);
  ck_doc_add_text(doc, "  garanti.", 10, 12, 1);
  ck_doc_end_block(doc);
  size_t lev = find(doc, "Leverandøren");
  expect_pos(doc, lev, 10, 3, "line 10 start");
  expect_pos(doc, find(doc, "skal"), 10, 16, "skal on line 10");
  expect_pos(doc, find(doc, "gi fem"), 11, 1, "line 11");
  expect_pos(doc, find(doc, "års"), 11, 8, "års on line 11");
  expect_pos(doc, find(doc, "garanti"), 12, 3, "line 12 after indentation");
  expect_pos(doc, doc->text.len, 12, 11, "end of text");

  /* newlines inside one call move to the next line */
  block(doc, CK_BLOCK_PARAGRAPH, 0, -1, "first\n  second", 20, 1);
  expect_pos(doc, find(doc, "second"), 21, 3, "newline inside a call");
  ck_doc_free(doc);

  /* no marks at all: 1:1 fallback */
  ck_doc *empty = ck_doc_new("e", CK_FORMAT_TEXT, NULL);
  expect_pos(empty, 0, 1, 1, "empty doc");
  STR_EQ(empty->encoding, "UTF-8", "default encoding");
  ck_doc_free(empty);
}

static void test_sections(void) {
  ck_doc *doc = ck_doc_new("s.md", CK_FORMAT_MARKDOWN, "UTF-8");
  para(doc, "Innledende tekst.", 1);                     /* 0 */
  heading(doc, 1, "3 Kravspesifikasjon", 2);             /* 1 */
  para(doc, "Krav.", 3);                                 /* 2 */
  heading(doc, 2, "3.2 Garanti", 4);                     /* 3 */
  para(doc, "Garanti.", 5);                              /* 4 */
  heading(doc, 3, "3.2.1 Detaljer", 6);                  /* 5 */
  para(doc, "Detaljer.", 7);                             /* 6 */
  heading(doc, 1, "4 Bakgrunn", 8);                      /* 7 */
  heading(doc, 2, "4.1 Diverse", 9);                     /* 8 */
  para(doc, "Diverse.", 10);                             /* 9 */
  heading(doc, 2, "4.2 Tildelingskriterier", 11);        /* 10 */
  para(doc, "Pris 70 %.", 12);                           /* 11 */
  heading(doc, 1, "Vedlegg", 13);                        /* 12 */
  para(doc, "Skjema.", 14);                              /* 13 */
  ck_doc_finish(doc);

  INT_EQ(doc->nsections, 7, "sections");
  STR_EQ_OWNED(ck_doc_block_section_path(doc, 0), "", "before first heading");
  INT_EQ(ck_doc_block_section_kind(doc, 0), CK_SECTION_NONE, "kind before first heading");
  STR_EQ_OWNED(ck_doc_block_section_path(doc, 1), "3 Kravspesifikasjon", "heading opens its section");
  STR_EQ_OWNED(ck_doc_block_section_path(doc, 2), "3 Kravspesifikasjon", "para in section");
  INT_EQ(ck_doc_block_section_kind(doc, 2), CK_SECTION_REQUIREMENTS, "requirements");
  STR_EQ_OWNED(ck_doc_block_section_path(doc, 4), "3 Kravspesifikasjon > 3.2 Garanti", "nested path");
  INT_EQ(ck_doc_block_section_kind(doc, 4), CK_SECTION_REQUIREMENTS, "inherited");
  STR_EQ_OWNED(ck_doc_block_section_path(doc, 6), "3 Kravspesifikasjon > 3.2 Garanti > 3.2.1 Detaljer",
         "three levels");
  INT_EQ(ck_doc_block_section_kind(doc, 6), CK_SECTION_REQUIREMENTS, "inherited twice");
  STR_EQ_OWNED(ck_doc_block_section_path(doc, 9), "4 Bakgrunn > 4.1 Diverse", "back to top level");
  INT_EQ(ck_doc_block_section_kind(doc, 9), CK_SECTION_BACKGROUND, "background inherited");
  INT_EQ(ck_doc_block_section_kind(doc, 11), CK_SECTION_AWARD, "own kind wins");
  STR_EQ_OWNED(ck_doc_block_section_path(doc, 13), "Vedlegg", "new top level");
  INT_EQ(ck_doc_block_section_kind(doc, 13), CK_SECTION_NONE, "heading that says nothing");

  const ck_section *s = &doc->sections[2];
  INT_EQ(s->parent, 1, "parent of 3.2.1");
  INT_EQ(s->level, 3, "level");
  INT_EQ(s->kind, CK_SECTION_NONE, "own kind of 3.2.1");
  INT_EQ(s->effective, CK_SECTION_REQUIREMENTS, "effective kind of 3.2.1");
  INT_EQ(doc->sections[3].parent, -1, "top-level parent");
  INT_EQ(doc->blocks[3].section, 1, "heading block section index");
  STR_EQ(doc->title, "3 Kravspesifikasjon", "title from first heading");
  INT_EQ(ck_doc_block_section_kind(doc, 99), CK_SECTION_NONE, "out of range");
  STR_EQ_OWNED(ck_doc_block_section_path(doc, 99), "", "out of range path");

  /* a heading is one sentence of its own, its whole text; the paragraphs
     give one each */
  char buf[128];
  size_t headings = 0;
  for (size_t i = 0; i < doc->nsentences; i++) {
    const ck_block *b = &doc->blocks[doc->sentences[i].block];
    if (b->kind != CK_BLOCK_HEADING)
      continue;
    headings++;
    INT_EQ(doc->sentences[i].start, b->start, "heading sentence starts with its heading");
    OK(doc->sentences[i].end == b->end, "heading sentence ends with its heading: %s",
       sentence_text(doc, i, buf, sizeof buf));
  }
  INT_EQ(headings, 7, "one sentence per heading");
  INT_EQ(doc->nsentences, 14, "one sentence per heading and per paragraph");
  ck_doc_free(doc);
}

static void test_classify(void) {
  static const struct {
    const char *text;
    ck_section_kind kind;
  } cases[] = {
      {"Bakgrunn", CK_SECTION_BACKGROUND},
      {"1 Innledning", CK_SECTION_BACKGROUND},
      {"Orientering om oppdraget", CK_SECTION_BACKGROUND},
      {"Om oppdragsgiveren", CK_SECTION_BACKGROUND},
      {"Om kommunen", CK_SECTION_BACKGROUND},
      {"2 Formål og omfang", CK_SECTION_NONE},
      {"Scope of the contract", CK_SECTION_NONE},
      {"3 Leveransebeskrivelse", CK_SECTION_REQUIREMENTS},
      {"Statement of work", CK_SECTION_REQUIREMENTS},
      {"FORMÅL", CK_SECTION_BACKGROUND},
      {"Generell informasjon", CK_SECTION_BACKGROUND},
      {"Innleiing", CK_SECTION_BACKGROUND},
      {"Background", CK_SECTION_BACKGROUND},
      {"2. Introduction", CK_SECTION_BACKGROUND},
      {"About the contracting authority", CK_SECTION_BACKGROUND},
      {"Kvalifikasjonskrav", CK_SECTION_QUALIFICATION},
      {"Krav til kvalifikasjon", CK_SECTION_QUALIFICATION},
      {"Del 2: Krav til leverandørens egnethet", CK_SECTION_QUALIFICATION},
      {"Selection criteria", CK_SECTION_QUALIFICATION},
      {"Qualification requirements", CK_SECTION_QUALIFICATION},
      {"5 Tildelingskriterier", CK_SECTION_AWARD},
      {"Evalueringsmodell og vekting", CK_SECTION_AWARD},
      {"Award criteria", CK_SECTION_AWARD},
      {"Evaluation", CK_SECTION_AWARD},
      {"KONTRAKTSVILKÅR", CK_SECTION_CONTRACT},
      {"Særskilte kontraktsvilkår", CK_SECTION_CONTRACT},
      {"Kontraktsbestemmelser", CK_SECTION_CONTRACT},
      {"Avtalevilkår", CK_SECTION_CONTRACT},
      {"Leveringsvilkår", CK_SECTION_CONTRACT},
      {"Special conditions", CK_SECTION_CONTRACT},
      {"Contract performance conditions", CK_SECTION_CONTRACT},
      {"3 Kravspesifikasjon", CK_SECTION_REQUIREMENTS},
      {"3.2 Krav til produktene", CK_SECTION_REQUIREMENTS},
      {"Minimumskrav", CK_SECTION_REQUIREMENTS},
      {"Minstekrav", CK_SECTION_REQUIREMENTS},
      {"Tekniske krav", CK_SECTION_REQUIREMENTS},
      {"MILJØKRAV", CK_SECTION_REQUIREMENTS},
      {"Funksjonskrav og ytelseskrav", CK_SECTION_REQUIREMENTS},
      {"Technical specification", CK_SECTION_REQUIREMENTS},
      {"Minimum requirements", CK_SECTION_REQUIREMENTS},
      {"Garanti", CK_SECTION_NONE},
      {"Vedlegg 3", CK_SECTION_NONE},
      {"Prisskjema", CK_SECTION_NONE},
      {"", CK_SECTION_NONE},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    ck_section_kind k = ck_classify_heading(cases[i].text, strlen(cases[i].text));
    OK(k == cases[i].kind, "classify \"%s\": got %s, want %s", cases[i].text,
       ck_section_kind_name(k), ck_section_kind_name(cases[i].kind));
  }
  /* only 'len' bytes count */
  INT_EQ(ck_classify_heading("Garanti og bakgrunn", 7), CK_SECTION_NONE, "length respected");
}

static void test_cpv(void) {
  ck_doc *doc = ck_doc_new("c.txt", CK_FORMAT_TEXT, "UTF-8");
  para(doc, "Telefon 22334455 og org.nr. 12345678.", 1);
  para(doc, "Hoved-CPV: 39130000-2 Kontormøbler, også 39100000.", 2);
  int row = ck_doc_new_row(doc);
  block(doc, CK_BLOCK_TABLE_CELL, 0, row, "CPV", 3, 1);
  block(doc, CK_BLOCK_TABLE_CELL, 0, row, "39150000-8", 3, 7);
  para(doc, "Tilleggskode 39130000-2 igjen (CPV) og 391300001 er for lang.", 4);
  ck_doc_add_cpv(doc, "45000000-7", 10);
  ck_doc_finish(doc);
  INT_EQ(doc->ncpv, 4, "cpv count");
  if (doc->ncpv == 4) {
    STR_EQ(doc->cpv[0], "45000000", "added first, check digit stripped");
    STR_EQ(doc->cpv[1], "39130000", "main cpv from text");
    STR_EQ(doc->cpv[2], "39100000", "second in the same block");
    STR_EQ(doc->cpv[3], "39150000", "from the label cell before it");
  }
  ck_doc_free(doc);

  ck_doc *d2 = ck_doc_new("c2.txt", CK_FORMAT_TEXT, "UTF-8");
  para(d2, "CPV-kode:", 1);
  para(d2, "30192000-1", 2);
  para(d2, "Dette avsnittet er langt nok til at koden ikke lenger er nær: 30193000-2", 3);
  ck_doc_finish(d2);
  INT_EQ(d2->ncpv, 1, "cpv within 40 chars before");
  if (d2->ncpv)
    STR_EQ(d2->cpv[0], "30192000", "code on the next line");
  ck_doc_free(d2);
}

/* Builds a one-paragraph document and checks its sentences. */
static void expect_sentences(const char *text, const char *const *want, size_t nwant) {
  ck_doc *doc = ck_doc_new("s.txt", CK_FORMAT_TEXT, "UTF-8");
  para(doc, text, 1);
  ck_doc_finish(doc);
  char buf[512];
  OK(doc->nsentences == nwant, "\"%s\": %zu sentences, want %zu", text, doc->nsentences, nwant);
  for (size_t i = 0; i < nwant && i < doc->nsentences; i++)
    STR_EQ(sentence_text(doc, i, buf, sizeof buf), want[i], text);
  ck_doc_free(doc);
}

#define SENTENCES(text, ...)                                                                   \
  do {                                                                                         \
    static const char *const want_[] = {__VA_ARGS__};                                          \
    expect_sentences(text, want_, sizeof want_ / sizeof *want_);                               \
  } while (0)

static void test_sentences(void) {
  SENTENCES("Leverandøren skal levere. Garantien er 5 år! Er det klart? Ja.",
            "Leverandøren skal levere.", "Garantien er 5 år!", "Er det klart?", "Ja.");
  SENTENCES("Møbler, f.eks. stoler og bord, skal kunne repareres. Dette gjelder bl.a. Stoler.",
            "Møbler, f.eks. stoler og bord, skal kunne repareres.",
            "Dette gjelder bl.a. Stoler.");
  SENTENCES("Se pkt. 3.2.1 for krav. Jf. Avtalen gjelder.", "Se pkt. 3.2.1 for krav.",
            "Jf. Avtalen gjelder.");
  SENTENCES("Kravet er 2,5 år og 3.2 prosent. Neste setning.", "Kravet er 2,5 år og 3.2 prosent.",
            "Neste setning.");
  SENTENCES("Se punkt 3.2. Leverandøren skal følge dette.",
            "Se punkt 3.2. Leverandøren skal følge dette.");
  SENTENCES("Kontakt J. Hansen om dette. Han svarer.", "Kontakt J. Hansen om dette.",
            "Han svarer.");
  SENTENCES("Products, e.g. Chairs, etc. Are covered. The supplier shall comply. 5 years apply.",
            "Products, e.g. Chairs, etc. Are covered.", "The supplier shall comply.",
            "5 years apply.");
  SENTENCES("Dette gjelder; Leverandøren skal svare; men ikke alltid.", "Dette gjelder;",
            "Leverandøren skal svare; men ikke alltid.");
  SENTENCES("Han sa \"ferdig.\" Deretter gikk han.", "Han sa \"ferdig.\"", "Deretter gikk han.");
  SENTENCES("Avtalen gjelder fra 2024. Den kan forlenges.", "Avtalen gjelder fra 2024.",
            "Den kan forlenges.");
  SENTENCES("Ingen punktum her", "Ingen punktum her");
  SENTENCES("Se vedlegg. • Punkt en.", "Se vedlegg.", "• Punkt en.");
  SENTENCES("Prisen er ca. 500 kr. per stk. Levering inkl. Montering.",
            "Prisen er ca. 500 kr. per stk. Levering inkl. Montering.");

  /* table rows are single sentences; a heading is one whole */
  ck_doc *doc = ck_doc_new("t.md", CK_FORMAT_MARKDOWN, "UTF-8");
  heading(doc, 1, "Krav. Mer tekst.", 1);
  int r1 = ck_doc_new_row(doc);
  block(doc, CK_BLOCK_TABLE_CELL, 0, r1, "Krav", 2, 3);
  block(doc, CK_BLOCK_TABLE_CELL, 0, r1, "Garanti. Minst 5 år.", 2, 10);
  int r2 = ck_doc_new_row(doc);
  block(doc, CK_BLOCK_TABLE_CELL, 0, r2, "Reparasjon", 3, 3);
  block(doc, CK_BLOCK_TABLE_CELL, 0, r2, "Ja", 3, 16);
  block(doc, CK_BLOCK_LIST_ITEM, 0, -1, "Et punkt. To setninger.", 4, 3);
  ck_doc_finish(doc);
  char buf[128];
  INT_EQ(doc->nsentences, 5, "heading, rows and list item");
  if (doc->nsentences == 5) {
    STR_EQ(sentence_text(doc, 0, buf, sizeof buf), "Krav. Mer tekst.",
           "a heading is one sentence, full stops and all");
    STR_EQ(sentence_text(doc, 1, buf, sizeof buf), "Krav | Garanti. Minst 5 år.", "row 1");
    INT_EQ(doc->sentences[1].block, 1, "row starts at its first cell");
    STR_EQ(sentence_text(doc, 2, buf, sizeof buf), "Reparasjon | Ja", "row 2");
    INT_EQ(doc->sentences[2].block, 3, "row 2 block");
    STR_EQ(sentence_text(doc, 3, buf, sizeof buf), "Et punkt.", "item sentence 1");
    STR_EQ(sentence_text(doc, 4, buf, sizeof buf), "To setninger.", "item sentence 2");
    INT_EQ(doc->sentences[4].block, 5, "item block");
  }
  STR_EQ(block_text(doc, 0, buf, sizeof buf), "Krav. Mer tekst.", "heading text");
  ck_doc_free(doc);
}

static void test_finish_language(void) {
  ck_doc *doc = ck_doc_new("l.txt", CK_FORMAT_TEXT, "UTF-8");
  para(doc, "The supplier shall deliver the chairs and the tables with a warranty of five years.",
       1);
  ck_doc_finish(doc);
  INT_EQ(doc->lang, CK_LANG_EN, "detected english");
  OK(doc->title == NULL, "no heading, no title");
  ck_doc_free(doc);

  doc = ck_doc_new("l.txt", CK_FORMAT_TEXT, "UTF-8");
  ck_doc_set_lang(doc, CK_LANG_NN);
  para(doc, "The supplier shall deliver the chairs and the tables.", 1);
  ck_doc_finish(doc);
  INT_EQ(doc->lang, CK_LANG_NN, "forced language kept");
  OK(doc->lang_forced, "forced flag");
  ck_doc_free(doc);
}

/* Many small calls on one long line stay linear and cheap in marks. */
static void test_many_calls(void) {
  ck_doc *doc = ck_doc_new("m.txt", CK_FORMAT_TEXT, "UTF-8");
  ck_doc_begin_block(doc, CK_BLOCK_PARAGRAPH, 0, -1, NULL);
  unsigned col = 1;
  for (int i = 0; i < 100000; i++) {
    ck_doc_add_text(doc, "ab", 2, 1, col);
    col += 2;
  }
  ck_doc_end_block(doc);
  INT_EQ(doc->text.len, 200000, "all text kept");
  OK(doc->nmarks < 1000, "few marks for contiguous calls: %zu", doc->nmarks);
  expect_pos(doc, 123457, 1, 123458, "deep position");
  ck_doc_free(doc);
}

/* --- the builder's fast paths against a plain model ------------------------- */

/* White space as ck_doc_add_text() knows it: its byte width at s, or 0. */
static size_t ref_space(const unsigned char *s, size_t n) {
  if (s[0] == ' ' || (s[0] >= '\t' && s[0] <= '\r'))
    return 1;
  if (n >= 2 && s[0] == 0xC2 && s[1] == 0xA0)
    return 2;
  if (n >= 3 && s[0] == 0xE2 && s[1] == 0x80 && (s[2] <= 0x8A || s[2] == 0xAF))
    return 3;
  return 0;
}

/* Builds one block from 'src' in the given chunks and checks the text (white
   space runs as one space, none at the ends) and the source position of
   every character that is not white space. */
static void check_block_model(const char *src, size_t len, const size_t *cuts, size_t ncuts,
                              const char *what) {
  ck_doc *doc = ck_doc_new("m.txt", CK_FORMAT_TEXT, "UTF-8");
  ck_doc_begin_block(doc, CK_BLOCK_PARAGRAPH, 0, -1, NULL);
  const unsigned char *u = (const unsigned char *)src;
  /* the model: expected text, and for each of its bytes the source line and
     column of the character it belongs to (0 for collapsed space) */
  char *want = malloc(len + 1);
  unsigned *wline = calloc(len + 1, sizeof *wline), *wcol = calloc(len + 1, sizeof *wcol);
  size_t n = 0, from = 0, cut = 0;
  unsigned line = 1, col = 1, chunk_line = 1, chunk_col = 1;
  bool pending = false;
  for (size_t i = 0; i <= len;) {
    if (i == len || (cut < ncuts && i == cuts[cut])) {
      ck_doc_add_text(doc, src + from, i - from, chunk_line, chunk_col);
      from = i;
      chunk_line = line;
      chunk_col = col;
      cut++;
      if (i == len)
        break;
      continue;
    }
    size_t w = ref_space(u + i, len - i);
    if (w) {
      /* a cut in the middle of a wide space is not a place a reader cuts */
      if (u[i] == '\n') {
        line++;
        col = 1;
      } else {
        col++;
      }
      pending = n > 0;
      i += w;
      continue;
    }
    if (pending) {
      want[n++] = ' ';
      pending = false;
    }
    size_t cw = u[i] >= 0xF0 ? 4 : u[i] >= 0xE0 ? 3 : u[i] >= 0xC0 ? 2 : 1;
    for (size_t k = 0; k < cw && i < len; k++, i++) {
      wline[n] = line;
      wcol[n] = col;
      want[n++] = src[i];
    }
    col++;
  }
  ck_doc_end_block(doc);
  want[n] = '\0';
  OK(doc->text.len == n && memcmp(doc->text.ptr, want, n) == 0, "%s: text \"%s\", want \"%s\"",
     what, doc->text.ptr, want);
  bool positions = doc->text.len == n;
  for (size_t k = 0; k < n && positions; k++) {
    if (!wline[k] || (k > 0 && wline[k - 1] == wline[k] && wcol[k - 1] == wcol[k]))
      continue; /* a collapsed space or the inside of a character */
    unsigned l, c;
    ck_doc_position(doc, k, &l, &c);
    positions = l == wline[k] && c == wcol[k];
    OK(positions, "%s: byte %zu at %u:%u, want %u:%u", what, k, l, c, wline[k], wcol[k]);
  }
  free(want);
  free(wline);
  free(wcol);
  ck_doc_free(doc);
}

static void test_builder_model(void) {
  static const char *const pieces[] = {
      "a", "b", "Leverandøren", "æ", " ", " ", " ", "  ", "\t", "\n", "\r", "\xC2\xA0",
      "\xC2\xA9", "\xE2\x80\x83", "\xE2\x80\xAF", "\xE2\x80\x9C", "\xE2\x82\xAC", "12", ".",
      "\x01", "krav", "ø"};
  size_t npieces = sizeof pieces / sizeof *pieces;
  unsigned seed = 99;
  char src[1200];
  size_t cuts[4];
  for (int round = 0; round < 3000; round++) {
    size_t len = 0, ncuts = 0, count = (seed = seed * 1103515245u + 12345u) >> 16 & 63;
    for (size_t p = 0; p < count; p++) {
      seed = seed * 1103515245u + 12345u;
      const char *piece = pieces[(seed >> 16) % npieces];
      if (ncuts < 4 && ((seed >> 8) & 7) == 0)
        cuts[ncuts++] = len;
      memcpy(src + len, piece, strlen(piece));
      len += strlen(piece);
    }
    src[len] = '\0';
    check_block_model(src, len, cuts, ncuts, "random block");
  }
  /* long runs where the fast path works eight bytes at a time */
  const char *longs[] = {
      "Leverandøren skal levere møbler med garanti i fem år etter levering av varene.",
      "abcdefgh ijklmnop  qrstuvwx\tyz  æøåæøåæ \xC2\xA0 slutt ",
      "1234567 1234567  1234567\xE2\x80\x83" "1234567\xE2\x80\x9C" "1234567 ",
      "abcdefg abcdefg abcdefg abcdefg abcdefg abcdefg abcdefg abcdefg abcdefg abcdefg",
      "abcdefgh        ijklmnop"};
  for (size_t k = 0; k < sizeof longs / sizeof *longs; k++)
    check_block_model(longs[k], strlen(longs[k]), NULL, 0, longs[k]);
}

/* A list item knows the sentence that introduces its list when that ends
   with a colon; a list after prose without one has none. */
static void test_list_leads(void) {
  ck_doc *doc = ck_doc_new("a.txt", CK_FORMAT_TEXT, "UTF-8");
  block(doc, CK_BLOCK_PARAGRAPH, 0, -1, "Innledning. Leverandøren skal:", 1, 1);
  block(doc, CK_BLOCK_LIST_ITEM, 0, -1, "levere timelister", 2, 3);
  block(doc, CK_BLOCK_LIST_ITEM, 0, -1, "rydde etter seg. Også i helgene", 3, 3);
  block(doc, CK_BLOCK_PARAGRAPH, 0, -1, "Prisen er fast.", 4, 1);
  block(doc, CK_BLOCK_LIST_ITEM, 0, -1, "et punkt uten innledning", 5, 3);
  ck_doc_finish(doc);
  INT_EQ(doc->nsentences, 7, "sentences");
  if (doc->nsentences == 7) {
    INT_EQ(doc->sentences[0].lead, -1, "prose has no lead");
    INT_EQ(doc->sentences[1].lead, -1, "nor has the lead-in itself");
    INT_EQ(doc->sentences[2].lead, 1, "the first item's lead");
    INT_EQ(doc->sentences[3].lead, 1, "the second item's lead");
    INT_EQ(doc->sentences[4].lead, 1, "every sentence of an item");
    INT_EQ(doc->sentences[6].lead, -1, "a list after prose without a colon");
  }
  ck_doc_free(doc);
}

int main(void) {
  test_list_leads();
  test_builder_model();
  test_builder();
  test_positions();
  test_sections();
  test_classify();
  test_cpv();
  test_sentences();
  test_finish_language();
  test_many_calls();
  return ck_test_report();
}

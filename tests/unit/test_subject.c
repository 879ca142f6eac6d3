/* Tests of the subject of the contract (subject.c): which sentences say
 * what is bought, and why. */
#include <string.h>

#include "eval.h"
#include "harness.h"
#include "read_document.h"
#include "subject.h"

/* The kind of the sentence of 'doc' that starts with 'start'; -1 when no
   sentence does. */
static int kind_of(const ck_doc *doc, const char *start) {
  size_t n = strlen(start);
  int kind = -1;
  ck_subject_map *m = ck_subject_map_new(doc);
  for (size_t i = 0; i < doc->nsentences && kind < 0; i++) {
    const ck_sentence *s = &doc->sentences[i];
    if (s->end - s->start >= n && memcmp(doc->text.ptr + s->start, start, n) == 0)
      kind = (int)ck_subject_of(m, i);
  }
  ck_subject_map_free(m);
  return kind;
}

/* A long list after a subject lead-in: every item inherits it, asked in
   any order, and a list after a requirement's lead-in inherits nothing. */
static void test_long_list(void) {
  ck_buf text = CK_BUF_INIT;
  ck_buf_puts(&text, "Tittel\n\nKommunen har mange bygg.\n\nRammeavtalen gjelder:\n\n");
  for (int i = 0; i < 2000; i++)
    ck_buf_printf(&text, "- punkt %d\n", i);
  ck_buf_puts(&text, "\nLeverandøren skal:\n\n");
  for (int i = 0; i < 2000; i++)
    ck_buf_printf(&text, "- krav %d\n", i);
  ck_diags d = CK_DIAGS_INIT;
  ck_doc *doc = ck_document_from_text("t.md", text.ptr, text.len, CK_LANG_NB, &d);
  ck_diags_free(&d);
  ck_buf_free(&text);
  OK(doc != NULL, "the long list is read");
  if (!doc)
    return;
  ck_subject_map *m = ck_subject_map_new(doc);
  size_t items = 0, inherited = 0, reqs = 0;
  for (size_t i = doc->nsentences; i-- > 0;) {
    const ck_sentence *s = &doc->sentences[i];
    if (doc->blocks[s->block].kind != CK_BLOCK_LIST_ITEM)
      continue;
    bool is_req = memcmp(doc->text.ptr + s->start, "krav", 4) == 0;
    if (is_req)
      reqs += ck_subject_of(m, i) == CK_SUBJECT_NONE;
    else {
      items++;
      inherited += ck_subject_of(m, i) == CK_SUBJECT_LEAD_IN;
    }
  }
  INT_EQ(items, 2000, "items after the lead-in");
  INT_EQ(inherited, 2000, "every item inherits the lead-in, asked from the last");
  INT_EQ(reqs, 2000, "no item after a requirement's lead-in is the subject");
  ck_subject_map_free(m);
  ck_doc_free(doc);
}

static ck_doc *read_doc(const char *text, ck_lang lang) {
  ck_diags d = CK_DIAGS_INIT;
  ck_doc *doc = ck_document_from_text("t.md", text, strlen(text), lang, &d);
  OK(doc != NULL, "the test text is read");
  ck_diags_free(&d);
  return doc;
}

/* A notice as published: a title line, an opening paragraph, more text. */
static void test_notice(void) {
  ck_doc *doc = read_doc("Leie av gravemaskin\n\n"
                         "Follo Ren innbyr til konkurranse om leie av to maskiner. "
                         "Leverandøren skal stille med leiemaskin ved reparasjoner.\n\n"
                         "Maskinene skal leveres i uke 33.\n\n"
                         "Rammeavtalen gjelder:\n\n"
                         "- service på maskinene\n"
                         "- reparasjon ved behov\n\n"
                         "CPV: 43260000 Gravemaskiner, 50530000 Reparasjon og vedlikehold\n",
                         CK_LANG_NB);
  if (!doc)
    return;
  INT_EQ(kind_of(doc, "Leie av gravemaskin"), CK_SUBJECT_TITLE, "the first line is the title");
  INT_EQ(kind_of(doc, "Follo Ren innbyr"), CK_SUBJECT_OPENING,
         "the opening's first sentence");
  INT_EQ(kind_of(doc, "Leverandøren skal stille"), CK_SUBJECT_NONE,
         "the opening's next sentence is a requirement, not the subject");
  INT_EQ(kind_of(doc, "Maskinene skal leveres"), CK_SUBJECT_NONE, "a plain requirement");
  INT_EQ(kind_of(doc, "Rammeavtalen gjelder:"), CK_SUBJECT_LEAD_IN, "a lead-in");
  INT_EQ(kind_of(doc, "service på maskinene"), CK_SUBJECT_LEAD_IN,
         "a list item inherits its lead-in");
  INT_EQ(kind_of(doc, "reparasjon ved behov"), CK_SUBJECT_LEAD_IN, "so does the next one");
  INT_EQ(kind_of(doc, "CPV: 43260000"), CK_SUBJECT_NONE, "a list of codes names categories");
  ck_doc_free(doc);
}

/* A tender with headings: the opening headings are titles, a scope section
   describes what is bought, a requirement section does not. */
static void test_tender(void) {
  ck_doc *doc = read_doc("# KONKURRANSEGRUNNLAG\n\n"
                         "# Rammeavtale om leasing av biler\n\n"
                         "## 1 Innledning\n\n"
                         "Kommunen har 2 800 ansatte.\n\n"
                         "## 2 Omfang\n\n"
                         "Avtalen dekker 40 biler. Bilene skal ha vinterdekk.\n\n"
                         "## 3 Kravspesifikasjon\n\n"
                         "Ved kjøp av nye biler skal leverandøren ta de gamle i innbytte.\n\n"
                         "Leverandøren skal:\n\n"
                         "- levere service\n",
                         CK_LANG_NB);
  if (!doc)
    return;
  INT_EQ(kind_of(doc, "KONKURRANSEGRUNNLAG"), CK_SUBJECT_TITLE, "first heading");
  INT_EQ(kind_of(doc, "Rammeavtale om leasing"), CK_SUBJECT_TITLE,
         "the heading right after it is the title too");
  INT_EQ(kind_of(doc, "1 Innledning"), CK_SUBJECT_NONE, "a heading after text is no title");
  INT_EQ(kind_of(doc, "Kommunen har"), CK_SUBJECT_OPENING, "the first paragraph");
  INT_EQ(kind_of(doc, "Avtalen dekker"), CK_SUBJECT_SCOPE, "under a scope heading");
  INT_EQ(kind_of(doc, "Bilene skal ha"), CK_SUBJECT_SCOPE, "every sentence of the scope");
  /* "kjøp av" is a lead-in, but inside the requirements it opens a
     requirement; the subject rules' judge drops it (rule_eval.c) */
  INT_EQ(kind_of(doc, "Ved kjøp av"), CK_SUBJECT_LEAD_IN, "a lead-in word in a requirement");
  INT_EQ(kind_of(doc, "levere service"), CK_SUBJECT_NONE,
         "items of a requirement's lead-in are not the subject");
  ck_doc_free(doc);
}

static void test_english_and_single_paragraph(void) {
  ck_doc *doc = read_doc("The contract covers the repair of chairs. Chairs shall be collected.\n",
                         CK_LANG_EN);
  if (!doc)
    return;
  INT_EQ(kind_of(doc, "The contract covers"), CK_SUBJECT_OPENING,
         "one paragraph has no title line: its first sentence opens it");
  INT_EQ(kind_of(doc, "Chairs shall be"), CK_SUBJECT_NONE, "the next sentence");
  ck_doc_free(doc);

  doc = read_doc("Furniture\n\nIntro text here.\n\nWe intend to increase reuse in the future.\n\n"
                 "The framework agreement covers the hire of vessels.\n",
                 CK_LANG_EN);
  if (!doc)
    return;
  INT_EQ(kind_of(doc, "We intend to"), CK_SUBJECT_NONE, "a buyer's plan is no lead-in");
  INT_EQ(kind_of(doc, "The framework agreement covers"), CK_SUBJECT_LEAD_IN, "an English lead-in");
  ck_doc_free(doc);

  OK(ck_subject_scope_heading("2.1 Omfanget av oppdraget", 25), "Omfanget");
  OK(ck_subject_scope_heading("Scope of work", 13), "Scope of work");
  OK(!ck_subject_scope_heading("3 Kravspesifikasjon", 19), "not a scope heading");
}

/* A notice flattened to plain paragraphs: short lines after a lead-in are
   its items, a line broken in two keeps the run going, a semicolon may end
   a lead-in, and "Samt ..." goes on with the sentence before. */
static void test_flattened_items(void) {
  ck_doc *doc = read_doc("Rammeavtale for tekniske tjenester\n\n"
                         "Kommunen har mange bygg og anlegg.\n\n"
                         "Fylket ber om tilbud på rammeavtale for:\n\n"
                         "Elektroarbeider i skolebygg, herunder\n\n"
                         "følgende tjenester:\n\n"
                         "Nye kurser og tavler\n\n"
                         "Service på nødlysanlegg\n\n"
                         "Leverandøren skal ha sentral godkjenning i tiltaksklasse 2 for "
                         "utførende elektro og kunne stille med montører på kort varsel.\n\n"
                         "Utskifting av armaturer\n\n"
                         "Leverandøren skal:\n\n"
                         "Levere timelister\n\n"
                         "Formålet med avtalen er å dekke behovet for;\n\n"
                         "Reparasjon av pumper\n\n"
                         "Vi ønsker å knytte til seg en entreprenør for bygging av hallen. "
                         "Samt drift av hallen i fem år. Prisen skal være fast.\n",
                         CK_LANG_NB);
  if (!doc)
    return;
  INT_EQ(kind_of(doc, "Elektroarbeider"), CK_SUBJECT_LEAD_IN,
         "a short paragraph after a lead-in is an item");
  INT_EQ(kind_of(doc, "følgende tjenester:"), CK_SUBJECT_LEAD_IN,
         "the rest of a broken line goes on with the run");
  INT_EQ(kind_of(doc, "Service på nødlysanlegg"), CK_SUBJECT_LEAD_IN, "so do the items after it");
  INT_EQ(kind_of(doc, "Leverandøren skal ha sentral"), CK_SUBJECT_NONE,
         "a long paragraph is prose, not an item");
  INT_EQ(kind_of(doc, "Utskifting av armaturer"), CK_SUBJECT_NONE,
         "and the run ends there");
  INT_EQ(kind_of(doc, "Levere timelister"), CK_SUBJECT_NONE,
         "another list's lead-in ends a run");
  INT_EQ(kind_of(doc, "Reparasjon av pumper"), CK_SUBJECT_LEAD_IN,
         "a lead-in may end with a semicolon");
  INT_EQ(kind_of(doc, "Samt drift"), CK_SUBJECT_LEAD_IN,
         "a continuation says what the sentence before says");
  INT_EQ(kind_of(doc, "Prisen skal"), CK_SUBJECT_NONE, "the next sentence is its own");
  ck_doc_free(doc);
}

/* A history is no opening; an introduction is. */
static void test_history_section(void) {
  ck_doc *doc = read_doc("# Møbler til rådhuset\n\n## 1 Bakgrunn\n\n"
                         "Kommunen har i mange år pusset opp sine egne møbler.\n",
                         CK_LANG_NB);
  if (doc) {
    INT_EQ(kind_of(doc, "Kommunen har"), CK_SUBJECT_NONE, "a history tells what was");
    ck_doc_free(doc);
  }
  doc = read_doc("# Møbler til rådhuset\n\n## 1 Innledning\n\n"
                 "Kommunen ber om tilbud på oppussing av eksisterende møbler.\n",
                 CK_LANG_NB);
  if (doc) {
    INT_EQ(kind_of(doc, "Kommunen ber"), CK_SUBJECT_OPENING, "an introduction names the purchase");
    ck_doc_free(doc);
  }
}

int main(void) {
  test_history_section();
  test_flattened_items();
  test_notice();
  test_tender();
  test_english_and_single_paragraph();
  test_long_list();
  return ck_test_report();
}

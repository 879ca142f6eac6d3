/* Tests of the word prefilter (prefilter.c): which sentences of a document
 * each list of patterns gets as candidates, and with which branches. The
 * splitting of patterns and the words read out of them are tested in
 * test_branches.c; here the prefilter is built over a small pack of its own
 * and a document is scanned, so what is checked is what the evaluator sees:
 * the sentences holding a list's words and no others, the masks of the
 * branches those words belong to, words that must start a word of the text,
 * words in their exact case, second sets of words, lists left uncovered, the
 * part per document language, and (a property) that no sentence where the
 * whole pattern matches is ever missing from its list's candidates. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "prefilter.h"
#include "read_document.h"
#include "rules.h"

/* One rule per behaviour, all in bokmål; "warranty" also in English. */
static const char pack_xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<pack xmlns=\"urn:circheck:rules:1\" id=\"pf\">\n"
    "  <name lang=\"nb\">Prefilter</name><name lang=\"en\">Prefilter</name>\n"
    "  <select always=\"true\"/>\n"
#define RULE(id, crit, nb, en)                                                                 \
  "  <rule id=\"pf." id "\" criterion=\"" crit "\">\n"                                         \
  "    <name lang=\"nb\">" id "</name><name lang=\"en\">" id "</name>\n"                     \
  "    <source>test</source>\n"                                                                \
  "    <match lang=\"nb\"><any>" nb "</any></match>\n" en                                     \
  "    <clause placement=\"contract\">\n"                                                      \
  "      <text lang=\"nb\">Tekst.</text><text lang=\"en\">Text.</text>\n"                      \
  "    </clause>\n"                                                                            \
  "    <example expect=\"pass\" lang=\"nb\" section=\"Krav\">Leverandøren skal gi "             \
  "garanti.</example>\n"                                                                       \
  "  </rule>\n"
    RULE("two-branches", "lifetime.warranty", "\\bgaranti\\w*|\\breklamasjon\\w*",
         "    <match lang=\"en\"><any>\\bwarranty\\b</any></match>\n")
    RULE("second-set", "contract.sanctions", "\\bheve\\b[^.]*\\b(?:avtale|kontrakt)\\w*", "")
    RULE("exact-case", "material.ecolabel", "(?-i:Svanemerket)", "")
    RULE("uncovered", "lifetime.repair", "(?=\\w)(\\w)\\1{3}", "")
    "</pack>\n";
#undef RULE

static const char doc_md[] =
    "# Kravspesifikasjon\n\n"
    "Leverandøren skal gi fem års garanti på alle stoler.\n\n"      /* 1: garanti */
    "Reklamasjonsretten gjelder i fem år.\n\n"                      /* 2: reklamasjon */
    "Det gis fabrikkgaranti fra produsenten.\n\n"                   /* 3: inside a word */
    "Oppdragsgiver kan heve avtalen ved vesentlig mislighold.\n\n"  /* 4: both sets */
    "Oppdragsgiver kan heve bommen ved innkjøringen.\n\n"           /* 5: first set only */
    "Avtalen gjelder i to år.\n\n"                                  /* 6: second set only */
    "Produktene skal være Svanemerket.\n\n"                         /* 7: exact case */
    "Produktene skal være svanemerket.\n\n"                         /* 8: other case */
    "Ingen av disse ordene står her.\n";                            /* 9: none */

static size_t rule_index(const ck_ruleset *rs, const char *id) {
  for (size_t i = 0; i < rs->nrules; i++)
    if (strcmp(rs->rules[i]->id, id) == 0)
      return i;
  OK(0, "no rule %s", id);
  exit(1);
}

/* The sentence holding 'needle', as its index in the document. */
static size_t sentence_of(const ck_doc *doc, const char *needle) {
  const char *at = strstr(doc->text.ptr, needle);
  OK(at != NULL, "document has '%s'", needle);
  if (!at)
    exit(1);
  return ck_doc_sentence_at(doc, (size_t)(at - doc->text.ptr), 0);
}

/* The candidate entry of 'sentence' in 'list', or -1. */
static long find_unit(const ck_candidate_list *l, size_t sentence) {
  for (size_t i = 0; i < l->n; i++)
    if (l->units[i] == sentence)
      return (long)i;
  return -1;
}

static const ck_candidate_list *list_of(const ck_ruleset *rs, const ck_candidates *c,
                                        const char *rule) {
  size_t li = ck_prefilter_list_index(rs->prefilter, CK_CHANNEL_MATCH, rule_index(rs, rule));
  OK(li < c->nlists, "list of %s", rule);
  return &c->lists[li];
}

static void test_candidates(const ck_ruleset *rs, const ck_doc *doc) {
  ck_candidates c = {0};
  ck_prefilter_scan(rs->prefilter, doc, &c);

  /* Two branches: each sentence gets the bit of the branch whose word it
     holds; a word inside another word does not count where the pattern
     wants it at a word's start. */
  const ck_candidate_list *two = list_of(rs, &c, "pf.two-branches");
  long g = find_unit(two, sentence_of(doc, "fem års garanti"));
  long r = find_unit(two, sentence_of(doc, "Reklamasjonsretten"));
  OK(g >= 0 && r >= 0, "both branch words found");
  if (g >= 0 && r >= 0) {
    OK(ck_mask_has(ck_candidate_mask(two, g), 0) && !ck_mask_has(ck_candidate_mask(two, g), 1), "garanti: branch 0");
    OK(ck_mask_has(ck_candidate_mask(two, r), 1) && !ck_mask_has(ck_candidate_mask(two, r), 0), "reklamasjon: branch 1");
  }
  INT_EQ(find_unit(two, sentence_of(doc, "fabrikkgaranti")), -1,
         "'garanti' inside 'fabrikkgaranti' is no candidate of \\bgaranti");
  INT_EQ(two->n, 2, "exactly the two sentences");
  for (size_t i = 1; i < two->n; i++)
    OK(two->units[i - 1] < two->units[i], "candidates ascending");

  /* A second set of words: "heve" alone is not enough. */
  const ck_candidate_list *second = list_of(rs, &c, "pf.second-set");
  OK(find_unit(second, sentence_of(doc, "heve avtalen")) >= 0, "heve ... avtalen is a candidate");
  INT_EQ(find_unit(second, sentence_of(doc, "heve bommen")), -1, "heve without avtale is not");
  INT_EQ(find_unit(second, sentence_of(doc, "Avtalen gjelder")), -1, "avtale without heve is not");

  /* A word in its exact case. */
  const ck_candidate_list *exact = list_of(rs, &c, "pf.exact-case");
  OK(find_unit(exact, sentence_of(doc, "være Svanemerket")) >= 0, "Svanemerket is a candidate");
  INT_EQ(find_unit(exact, sentence_of(doc, "være svanemerket")), -1,
         "svanemerket in lower case is not a candidate of (?-i:Svanemerket)");
  ck_candidates_free(&c);

  /* A pattern with no safe word (a lookahead and a back reference) is left
     to run over the whole text. */
  size_t li = ck_prefilter_list_index(rs->prefilter, CK_CHANNEL_MATCH,
                                      rule_index(rs, "pf.uncovered"));
  OK(!ck_prefilter_range(rs->prefilter, li, CK_LANG_NB).covered, "uncovered list");
  li = ck_prefilter_list_index(rs->prefilter, CK_CHANNEL_MATCH, rule_index(rs, "pf.two-branches"));
  ck_branch_range nb = ck_prefilter_range(rs->prefilter, li, CK_LANG_NB);
  OK(nb.covered && nb.n == 2, "two bokmål branches");
  if (nb.n == 2) {
    STR_EQ(nb.branches[0].src, "\\bgaranti\\w*", "first branch");
    STR_EQ(nb.branches[1].src, "\\breklamasjon\\w*", "second branch");
  }
  /* The English part has the English pattern's one branch. */
  ck_branch_range en = ck_prefilter_range(rs->prefilter, li, CK_LANG_EN);
  OK(en.covered && en.n == 1 && strcmp(en.branches[0].src, "\\bwarranty\\b") == 0,
     "one English branch");
}

/* The prefilter only narrows: wherever a rule's whole pattern matches a
   sentence, that sentence is a candidate of its list. */
static void test_never_loses(const ck_ruleset *rs, const ck_doc *doc) {
  ck_candidates c = {0};
  ck_prefilter_scan(rs->prefilter, doc, &c);
  pcre2_match_data *md = pcre2_match_data_create(8, NULL);
  size_t checked = 0;
  for (size_t ri = 0; ri < rs->nrules; ri++) {
    const ck_pattern_list *any = &rs->rules[ri]->match.by_lang[CK_LANG_NB].any;
    size_t li = ck_prefilter_list_index(rs->prefilter, CK_CHANNEL_MATCH, ri);
    if (!ck_prefilter_range(rs->prefilter, li, CK_LANG_NB).covered)
      continue;
    for (size_t p = 0; p < any->n; p++) {
      const ck_pattern *pat = &any->items[p];
      ck_pattern_ready(pat);
      for (size_t s = 0; s < doc->nsentences; s++) {
        const ck_sentence *se = &doc->sentences[s];
        int rc = pcre2_match(pat->code, (PCRE2_SPTR)doc->text.ptr + se->start,
                             se->end - se->start, 0, 0, md, NULL);
        if (rc < 0)
          continue;
        checked++;
        OK(find_unit(&c.lists[li], s) >= 0, "%s matches sentence %zu, which is a candidate",
           rs->rules[ri]->id, s);
      }
    }
  }
  INT_EQ(checked, 4, "matches seen: garanti, reklamasjon, heve avtalen, Svanemerket");
  pcre2_match_data_free(md);
  ck_candidates_free(&c);
}

int main(void) {
  char dir[] = "/tmp/ck-prefilter-XXXXXX";
  if (!mkdtemp(dir) || chdir(dir) != 0) {
    perror("temporary folder");
    return 1;
  }
  FILE *f = fopen("pf.xml", "w");
  if (!f)
    return 1;
  fputs(pack_xml, f);
  fclose(f);
  const char *paths[] = {"pf.xml"};
  ck_ruleset *rs = NULL;
  ck_diags d = CK_DIAGS_INIT;
  INT_EQ(ck_ruleset_load(false, paths, 1, &rs, &d), CK_OK, "load the pack");
  for (size_t i = 0; i < d.n; i++)
    fprintf(stderr, "%u:%u: %s\n", d.items[i].line, d.items[i].col, d.items[i].msg);
  ck_diags_free(&d);
  if (!rs)
    return 1;
  ck_doc *doc = ck_document_from_text("doc.md", doc_md, sizeof doc_md - 1, CK_LANG_NB, &d);
  OK(doc != NULL, "document read");
  if (doc) {
    test_candidates(rs, doc);
    test_never_loses(rs, doc);
    ck_doc_free(doc);
  }
  ck_diags_free(&d);
  ck_ruleset_free(rs);
  unlink("pf.xml");
  if (chdir("/") == 0)
    rmdir(dir);
  return ck_test_report();
}

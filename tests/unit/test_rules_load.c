/* Tests of the rule loader: the criteria table, a valid pack down to its
 * compiled patterns, replacement, folders, and each kind of broken pack with
 * the exact diagnostic it gives, rule files and folders that cannot be read,
 * and the parts of a loaded rule set that are filled on first use, asked
 * for by several threads at once. Fixtures are in tests/data/rules/ and
 * tests/errors/rules-*.xml. */
#define _POSIX_C_SOURCE 200809L

#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "harness.h"
#include "messages.h"
#include "prefilter.h"
#include "rules.h"

extern const struct ck_builtin_file {
  const char *name;
  const char *data;
  size_t size;
} ck_builtin_files[], ck_builtin_ascii[];

static const struct ck_builtin_file *builtin(const char *name) {
  for (const struct ck_builtin_file *f = ck_builtin_files; f->name; f++)
    if (strcmp(f->name, name) == 0)
      return f;
  return NULL;
}

/* Path of a file of the source tree (ctest sets CIRCHECK_SOURCE_DIR). */
static char *source_path(const char *rel) {
  const char *dir = getenv("CIRCHECK_SOURCE_DIR");
  ck_buf b = CK_BUF_INIT;
  ck_buf_printf(&b, "%s/%s", dir ? dir : ".", rel);
  return ck_buf_detach(&b);
}

/* Reads a fixture of the source tree; aborts the test run when it is missing. */
static char *read_fixture(const char *rel, size_t *len) { return ck_test_fixture(rel, len); }

/* "file:line:col: level: msg" of diagnostic 'i', or "(none)". */
static char *diag_at(const ck_diags *d, size_t i) {
  ck_buf b = CK_BUF_INIT;
  if (i < d->n)
    ck_diag_format(&d->items[i], &b);
  else
    ck_buf_puts(&b, "(none)");
  return ck_buf_detach(&b);
}

#define DIAG_EQ(d, i, want)                                                                   \
  do {                                                                                        \
    char *got_ = diag_at((d), (i));                                                           \
    STR_EQ(got_, (want), "diagnostic");                                                       \
    free(got_);                                                                               \
  } while (0)

/* A rule set with the built-in criteria table and no packs. */
static ck_ruleset *new_set(void) {
  const struct ck_builtin_file *csv = builtin("rules/criteria.csv");
  ck_ruleset *rs = NULL;
  ck_diags d = CK_DIAGS_INIT;
  if (!csv || ck_ruleset_new(csv->data, csv->size, csv->name, &rs, &d) != CK_OK) {
    fprintf(stderr, "cannot load the built-in criteria table\n");
    exit(2);
  }
  ck_diags_free(&d);
  return rs;
}

/* Adds the fixture 'rel' (named 'rel' in diagnostics) with the built-in schema. */
static ck_status add_fixture(ck_ruleset *rs, const char *rel, ck_diags *d) {
  const struct ck_builtin_file *rng = builtin("rules/schema/circheck-rules.rng");
  size_t len;
  char *xml = read_fixture(rel, &len);
  ck_status st = ck_ruleset_add_pack(rs, xml, len, rel, rng->data, rng->size, d);
  free(xml);
  return st;
}

static const ck_rule *find_rule(const ck_ruleset *rs, const char *id) {
  for (size_t i = 0; i < rs->nrules; i++)
    if (strcmp(rs->rules[i]->id, id) == 0)
      return rs->rules[i];
  return NULL;
}

/* True when 'p' matches somewhere in 'subject'. */
static bool matches(const ck_pattern *p, const char *subject) {
  ck_pattern_ready(p);
  pcre2_match_data *md = pcre2_match_data_create_from_pattern(p->code, NULL);
  int rc = pcre2_match(p->code, (PCRE2_SPTR)subject, strlen(subject), 0, 0, md, NULL);
  pcre2_match_data_free(md);
  return rc > 0;
}

/* ----------------------------------------------------------------------------- */

static void test_criteria_csv(void) {
  ck_ruleset *rs = new_set();
  INT_EQ(rs->ncriteria, 27, "criteria in rules/criteria.csv");
  const ck_criterion *c = ck_ruleset_criterion(rs, "lifetime.spare-parts");
  OK(c != NULL, "lifetime.spare-parts is known");
  if (c) {
    STR_EQ(c->category, "lifetime", "category");
    STR_EQ(c->name[CK_MSG_EN], "Spare parts kept available", "name_en");
    STR_EQ(c->name[CK_MSG_NB], "Tilgjengelige reservedeler", "name_nb");
    STR_EQ(c->name[CK_MSG_NN], "Tilgjengelege reservedelar", "name_nn");
    OK(!c->nn_borrowed, "the built-in table has a nynorsk column");
  }
  OK(ck_ruleset_criterion(rs, "lifetime") == NULL, "a category is not a criterion");
  ck_ruleset_free(rs);

  /* Quoted fields, a BOM and CRLF line ends are fine. */
  static const char ok_csv[] = "\xEF\xBB\xBFid,category,name_en,name_nb\r\n"
                               "a.b,a,\"Comma, quoted\",\"Sitat \"\"x\"\"\"\r\n"
                               "\r\n"
                               "c.d,c,Two,To\r\n";
  ck_diags d = CK_DIAGS_INIT;
  OK(ck_ruleset_new(ok_csv, sizeof ok_csv - 1, "ok.csv", &rs, &d) == CK_OK, "quoted csv loads");
  INT_EQ(d.n, 0, "no diagnostics");
  if (rs) {
    INT_EQ(rs->ncriteria, 2, "two criteria");
    STR_EQ(rs->criteria[0].name[CK_MSG_EN], "Comma, quoted", "quoted comma");
    STR_EQ(rs->criteria[0].name[CK_MSG_NB], "Sitat \"x\"", "doubled quotes");
    STR_EQ(rs->criteria[1].id, "c.d", "second id");
    /* a table without name_nn: nynorsk borrows the bokmål names */
    STR_EQ(rs->criteria[1].name[CK_MSG_NN], "To", "nn name borrowed from nb");
    OK(rs->criteria[1].nn_borrowed, "marked as borrowed");
    ck_diags missing = CK_DIAGS_INIT;
    INT_EQ(ck_ruleset_nn_missing(rs, &missing), 2, "both criteria lack nynorsk");
    DIAG_EQ(&missing, 0, "error: criterion 'a.b' has no nynorsk name (name_nn) in the criteria "
                         "table");
    ck_diags_free(&missing);
  }
  ck_ruleset_free(rs);

  /* With the name_nn column, each row gives its nynorsk name, and an empty
     one is an error like any other empty field. */
  static const char nn_csv[] = "id,category,name_en,name_nb,name_nn\n"
                               "a.b,a,Repair,Reparasjon,Reparasjon og vedlikehald\n";
  OK(ck_ruleset_new(nn_csv, sizeof nn_csv - 1, "nn.csv", &rs, &d) == CK_OK, "nn csv loads");
  if (rs) {
    STR_EQ(rs->criteria[0].name[CK_MSG_NN], "Reparasjon og vedlikehald", "name_nn");
    OK(!rs->criteria[0].nn_borrowed, "not borrowed");
    INT_EQ(ck_ruleset_nn_missing(rs, NULL), 0, "nothing missing");
  }
  ck_ruleset_free(rs);
  static const char nn_empty[] = "id,category,name_en,name_nb,name_nn\na.b,a,Repair,Reparasjon,\n";
  OK(ck_ruleset_new(nn_empty, sizeof nn_empty - 1, "nn.csv", &rs, &d) == CK_ERR_RULES,
     "empty nn name refused");
  DIAG_EQ(&d, 0, "nn.csv:2: error: empty field in criterion 'a.b'");
  ck_diags_free(&d);
  ck_diags_free(&d);

  static const char bad_header[] = "id,category,name\nx.y,x,Name\n";
  rs = (ck_ruleset *)1;
  OK(ck_ruleset_new(bad_header, sizeof bad_header - 1, "bad.csv", &rs, &d) == CK_ERR_RULES,
     "bad header is refused");
  OK(rs == NULL, "no rule set on error");
  INT_EQ(d.n, 1, "one diagnostic");
  DIAG_EQ(&d, 0,
          "bad.csv:1: error: the criteria table must start with the header "
          "id,category,name_en,name_nb,name_nn (name_nn may be left out)");
  ck_diags_free(&d);

  /* The record's own line is reported, also after a field spanning lines. */
  static const char short_row[] = "id,category,name_en,name_nb\n"
                                  "a.b,a,\"Two\nlines\",To linjer\n"
                                  "\n"
                                  "c.d,c,only three\n";
  OK(ck_ruleset_new(short_row, sizeof short_row - 1, "short.csv", &rs, &d) == CK_ERR_RULES,
     "short row is refused");
  DIAG_EQ(&d, 0, "short.csv:5: error: expected 4 fields, found 3");
  ck_diags_free(&d);

  static const char dup[] = "id,category,name_en,name_nb\na.b,a,X,X\na.b,a,Y,Y";
  OK(ck_ruleset_new(dup, sizeof dup - 1, "dup.csv", &rs, &d) == CK_ERR_RULES,
     "duplicate criterion is refused");
  DIAG_EQ(&d, 0, "dup.csv:3: error: duplicate criterion 'a.b'");
  ck_diags_free(&d);

  static const char open_quote[] = "id,category,name_en,name_nb\na.b,a,\"X,Y\n";
  OK(ck_ruleset_new(open_quote, sizeof open_quote - 1, "q.csv", &rs, &d) == CK_ERR_RULES,
     "unclosed quote is refused");
  DIAG_EQ(&d, 0, "q.csv:2: error: malformed csv: a quoted field is not closed");
  ck_diags_free(&d);

  static const char stray_quote[] = "id,category,name_en,name_nb\na.b,a,X\"Y,Z\n";
  OK(ck_ruleset_new(stray_quote, sizeof stray_quote - 1, "s.csv", &rs, &d) == CK_ERR_RULES,
     "stray quote is refused");
  DIAG_EQ(&d, 0, "s.csv:2: error: malformed csv: error parsing data while strict checking enabled");
  ck_diags_free(&d);

  OK(ck_ruleset_new("", 0, "empty.csv", &rs, &d) == CK_ERR_RULES, "empty table is refused");
  DIAG_EQ(&d, 0, "empty.csv:1: error: the criteria table is empty");
  ck_diags_free(&d);
}

static void test_valid_pack(void) {
  ck_ruleset *rs = new_set();
  ck_diags d = CK_DIAGS_INIT;
  ck_status st = add_fixture(rs, "tests/data/rules/valid-two.xml", &d);
  INT_EQ(st, CK_OK, "valid-two.xml loads");
  INT_EQ(d.n, 0, "no diagnostics");
  for (size_t i = 0; i < d.n; i++)
    DIAG_EQ(&d, i, "(none)");
  ck_diags_free(&d);
  if (st != CK_OK) {
    ck_ruleset_free(rs);
    return;
  }
  ck_ruleset_seal(rs);

  /* the pack */
  const ck_pack *p = ck_ruleset_pack(rs, "testpack");
  OK(p != NULL, "pack found by id");
  OK(ck_ruleset_has_pack(rs, "testpack") && !ck_ruleset_has_pack(rs, "furniture"),
     "has_pack");
  OK(ck_ruleset_pack(rs, "nope") == NULL, "unknown pack");
  STR_EQ(p->name[CK_MSG_NB], "Testpakke", "pack nb name");
  STR_EQ(p->name[CK_MSG_EN], "Test pack", "pack en name");
  STR_EQ(p->file, "tests/data/rules/valid-two.xml", "pack file");
  OK(!p->always, "not always selected");
  INT_EQ(p->ncpv, 2, "cpv prefixes");
  STR_EQ(p->cpv[0], "391", "cpv 0");
  STR_EQ(p->cpv[1], "50850000", "cpv 1 trimmed");
  INT_EQ(p->nrules, 2, "rules in the pack");
  STR_EQ(p->rules[0]->id, "testpack.warranty", "pack keeps file order");

  /* subject patterns: nb and nn from one element, en separately */
  const ck_pattern_set *subj_nn = ck_lang_patterns_get(&p->subject, CK_LANG_NN);
  OK(subj_nn == &p->subject.by_lang[CK_LANG_NN], "nn subject is its own");
  INT_EQ(p->subject.by_lang[CK_LANG_NB].any.n, 1, "nb subject patterns");
  INT_EQ(p->subject.by_lang[CK_LANG_EN].any.n, 1, "en subject patterns");
  const ck_pattern *moebler = &p->subject.by_lang[CK_LANG_NB].any.items[0];
  STR_EQ(moebler->src, "\\bmøbler\\b", "subject source");
  INT_EQ(moebler->line, 9, "subject line");
  INT_EQ(moebler->col, 27, "subject col");
  OK(matches(moebler, "Levering av MØBLER til skolen"), "møbler matches MØBLER caselessly");
  OK(matches(moebler, "nye møbler"), "møbler matches møbler");
  OK(!matches(moebler, "møblering"), "\\b is Unicode-aware");

  /* sorted after seal */
  INT_EQ(rs->nrules, 2, "rules in the set");
  STR_EQ(rs->rules[0]->id, "testpack.repair", "sorted rule 0");
  STR_EQ(rs->rules[1]->id, "testpack.warranty", "sorted rule 1");

  /* rule 1 */
  const ck_rule *w = find_rule(rs, "testpack.warranty");
  OK(w->criterion == ck_ruleset_criterion(rs, "lifetime.warranty"), "criterion pointer");
  OK(w->pack == p, "rule's pack");
  STR_EQ(w->file, "tests/data/rules/valid-two.xml", "rule file");
  INT_EQ(w->line, 13, "rule line");
  INT_EQ(w->col, 3, "rule col");
  STR_EQ(w->name[CK_MSG_NB], "Produktgaranti", "rule nb name");
  STR_EQ(w->name[CK_MSG_EN], "Product warranty", "rule en name");
  STR_EQ(w->source, "Test source, basic level", "source");
  INT_EQ(w->scope, (1u << CK_SECTION_NONE) | (1u << CK_SECTION_REQUIREMENTS) |
                       (1u << CK_SECTION_CONTRACT),
         "explicit scope plus none");
  OK(!w->prohibition, "not a prohibition");

  const ck_pattern_set *nb = ck_lang_patterns_get(&w->match, CK_LANG_NB);
  const ck_pattern_set *nn = ck_lang_patterns_get(&w->match, CK_LANG_NN);
  const ck_pattern_set *en = ck_lang_patterns_get(&w->match, CK_LANG_EN);
  OK(nb == &w->match.by_lang[CK_LANG_NB], "nb set");
  OK(nn == nb, "nn falls back to nb");
  OK(!w->match.has[CK_LANG_NN], "no nn patterns of its own");
  OK(en == &w->match.by_lang[CK_LANG_EN], "en set");
  INT_EQ(nb->all.n, 0, "nb all");
  INT_EQ(nb->any.n, 1, "nb any");
  INT_EQ(nb->none.n, 1, "nb none");
  INT_EQ(en->all.n, 1, "en all");
  INT_EQ(en->any.n, 2, "en any");
  INT_EQ(en->none.n, 0, "en none");
  STR_EQ(nb->none.items[0].src, "bankgaranti", "none source");
  STR_EQ(en->any.items[1].src, "\\bgoods\\b", "second any source");
  OK(matches(&nb->any.items[0], "Produktgarantien gjelder i fem år"), "garanti in a compound");
  OK(matches(&nb->any.items[0], "PRODUKTGARANTIEN"), "caseless");
  OK(!matches(&en->all.items[0], "warrantless"), "word boundary");
  OK(matches(&en->all.items[0], "Warranties apply"), "en all pattern");

  INT_EQ(w->contradict.by_lang[CK_LANG_NB].any.n, 1, "nb contradict");
  INT_EQ(w->contradict.by_lang[CK_LANG_EN].any.n, 1, "en contradict");
  OK(matches(&w->contradict.by_lang[CK_LANG_EN].any.items[0], "delivered WITHOUT ANY WARRANTY"),
     "contradict pattern");
  OK(!w->has_when, "no when");
  OK(ck_lang_patterns_get(&w->when, CK_LANG_NB) == NULL, "empty when set");
  OK(w->has_qualifier, "has qualifier");
  INT_EQ(w->qualifier_reason, CK_REASON_NO_EQUIVALENT, "qualifier reason");
  OK(w->qualifier.has[CK_LANG_NB] && w->qualifier.has[CK_LANG_NN] &&
         !w->qualifier.has[CK_LANG_EN],
     "qualifier languages");
  OK(ck_lang_patterns_get(&w->qualifier, CK_LANG_EN) == NULL, "no en qualifier");

  OK(w->value.present, "value");
  INT_EQ(w->value.unit, CK_UNIT_YEAR, "unit");
  INT_EQ(w->value.compare, CK_COMPARE_AT_LEAST, "compare");
  INT_EQ(w->value.window, 8, "window");
  NUM_EQ(w->value.threshold[CK_LEVEL_BASIC], 5, "basic");
  NUM_EQ(w->value.threshold[CK_LEVEL_ADVANCED], 5, "advanced inherits basic");
  NUM_EQ(w->value.threshold[CK_LEVEL_SPEARHEAD], 10.5, "spearhead");

  STR_EQ(w->message[CK_REASON_BELOW_THRESHOLD][CK_MSG_EN],
         "Only {found} years; {required} are required at level {level}.", "message override");
  OK(w->message[CK_REASON_BELOW_THRESHOLD][CK_MSG_NB] == NULL, "no nb override");
  OK(w->message[CK_REASON_MET][CK_MSG_EN] == NULL, "no met override");

  INT_EQ(w->clause.placement, CK_PLACE_SPECIFICATION, "placement");
  STR_EQ(w->clause.text[CK_MSG_NB], "Alle møbler skal ha minst {required} års garanti.",
         "clause nb");
  STR_EQ(w->clause.text[CK_MSG_EN],
         "All furniture shall carry at least {required} years of warranty.", "clause en");
  STR_EQ(w->clause.verify[CK_MSG_EN], "The supplier attaches the warranty terms.", "verify en");
  OK(w->clause.verify[CK_MSG_NB] == NULL, "no nb verify");

  /* The file has no nynorsk: its nynorsk texts are copies of the bokmål
     ones, where there is a bokmål text, and counted as borrowed. */
  STR_EQ(p->name[CK_MSG_NN], "Testpakke", "pack nn name borrowed");
  OK(p->nn_borrowed, "pack name borrowed");
  STR_EQ(w->name[CK_MSG_NN], "Produktgaranti", "rule nn name borrowed");
  STR_EQ(w->clause.text[CK_MSG_NN], "Alle møbler skal ha minst {required} års garanti.",
         "clause nn borrowed");
  OK(w->clause.text[CK_MSG_NN] != w->clause.text[CK_MSG_NB], "a copy of its own");
  OK(w->clause.verify[CK_MSG_NN] == NULL, "no nb verify, no nn verify");
  OK(w->message[CK_REASON_BELOW_THRESHOLD][CK_MSG_NN] == NULL, "only an en override");
  INT_EQ(w->nn_borrowed, 2, "name and clause text borrowed");
  ck_diags missing = CK_DIAGS_INIT;
  OK(ck_ruleset_nn_missing(rs, &missing) >= 3, "the pack's borrowed texts are counted");
  DIAG_EQ(&missing, 0, "tests/data/rules/valid-two.xml: error: pack 'testpack' has no nynorsk "
                       "name");
  ck_diags_free(&missing);

  INT_EQ(w->nexamples, 2, "examples");
  const ck_example *e0 = &w->examples[0], *e1 = &w->examples[1];
  STR_EQ(e0->text, "Leverandøren skal gi 5 års garanti.", "example 0 text");
  INT_EQ(e0->lang, CK_LANG_NB, "example 0 lang");
  OK(e0->has_section, "example 0 has a section");
  STR_EQ(e0->section, "Kravspesifikasjon", "example 0 section");
  INT_EQ(e0->level, CK_LEVEL_BASIC, "example 0 default level");
  INT_EQ(e0->expect, CK_STATUS_PASS, "example 0 expect");
  OK(!e0->has_reason, "example 0 has no reason");
  INT_EQ(e0->line, 39, "example 0 line");
  INT_EQ(e0->col, 5, "example 0 col");
  STR_EQ(e1->text, "The contract runs for 2 + 2 years.", "example 1 text trimmed");
  INT_EQ(e1->lang, CK_LANG_EN, "example 1 lang");
  OK(!e1->has_section && e1->section == NULL, "example 1 has no section");
  INT_EQ(e1->level, CK_LEVEL_ADVANCED, "example 1 level");
  INT_EQ(e1->expect, CK_STATUS_FAIL, "no-match is fail");
  OK(e1->has_reason && e1->reason == CK_REASON_ABSENT, "no-match has reason absent");
  INT_EQ(e1->line, 40, "example 1 line");

  /* rule 2 */
  const ck_rule *r = find_rule(rs, "testpack.repair");
  OK(r->criterion == ck_ruleset_criterion(rs, "lifetime.repair"), "criterion 2");
  INT_EQ(r->scope, (1u << CK_SECTION_NONE) | (1u << CK_SECTION_REQUIREMENTS) |
                       (1u << CK_SECTION_QUALIFICATION) | (1u << CK_SECTION_AWARD) |
                       (1u << CK_SECTION_CONTRACT),
         "anywhere is everything but background");
  OK(r->prohibition, "prohibition");
  STR_EQ(r->name[CK_MSG_EN], "Repair", "names in any order");
  OK(ck_lang_patterns_get(&r->match, CK_LANG_NB) == &r->match.by_lang[CK_LANG_NN],
     "nb falls back to nn");
  OK(ck_lang_patterns_get(&r->match, CK_LANG_EN) == NULL, "no en match");
  INT_EQ(r->match.by_lang[CK_LANG_NN].all.n, 1, "nn all");
  OK(r->has_when, "has when");
  for (int l = 0; l < CK_LANG_COUNT; l++)
    INT_EQ(r->when.by_lang[l].any.n, 1, "one when pattern per language");
  OK(matches(&r->when.by_lang[CK_LANG_EN].any.items[0], "USED chairs"), "when pattern");
  INT_EQ(r->qualifier_reason, CK_REASON_UNVERIFIED, "qualifier reason 2");
  INT_EQ(r->value.unit, CK_UNIT_PERCENT, "percent");
  INT_EQ(r->value.compare, CK_COMPARE_AT_MOST, "at-most");
  INT_EQ(r->value.window, 12, "default window");
  NUM_EQ(r->value.threshold[CK_LEVEL_ADVANCED], 20, "advanced");
  NUM_EQ(r->value.threshold[CK_LEVEL_SPEARHEAD], 20, "spearhead inherits advanced");
  INT_EQ(r->clause.placement, CK_PLACE_CONTRACT, "placement 2");
  OK(r->clause.verify[CK_MSG_NB] == NULL && r->clause.verify[CK_MSG_EN] == NULL, "no verify");
  INT_EQ(r->nexamples, 1, "one example");
  INT_EQ(r->examples[0].expect, CK_STATUS_PARTIAL, "partial");
  OK(r->examples[0].has_reason && r->examples[0].reason == CK_REASON_WISH_ONLY, "reason");
  INT_EQ(r->examples[0].lang, CK_LANG_NN, "nn example");
  INT_EQ(r->examples[0].level, CK_LEVEL_SPEARHEAD, "spearhead example");

  ck_ruleset_free(rs);
}

static void test_replace_and_order(void) {
  ck_ruleset *rs = new_set();
  ck_diags d = CK_DIAGS_INIT;
  INT_EQ(add_fixture(rs, "tests/data/rules/valid-two.xml", &d), CK_OK, "first pack");
  INT_EQ(add_fixture(rs, "tests/data/rules/alpha.xml", &d), CK_OK, "second pack");
  ck_ruleset_seal(rs);
  INT_EQ(rs->npacks, 2, "two packs");
  STR_EQ(rs->packs[0]->id, "alpha", "packs sorted 0");
  STR_EQ(rs->packs[1]->id, "testpack", "packs sorted 1");
  INT_EQ(rs->nrules, 3, "three rules");
  STR_EQ(rs->rules[0]->id, "alpha.packaging", "rules sorted 0");
  const ck_rule *a = rs->rules[0];
  OK(a->match.has[CK_LANG_NB] && a->match.has[CK_LANG_EN], "nb en match");
  INT_EQ(a->match.by_lang[CK_LANG_EN].none.n, 1, "none before any");
  INT_EQ(a->scope, (1u << CK_SECTION_NONE) | (1u << CK_SECTION_REQUIREMENTS) |
                       (1u << CK_SECTION_QUALIFICATION) | (1u << CK_SECTION_CONTRACT),
         "default scope");

  /* Same pack id: the old pack and both its rules go, and its rule id may be reused. */
  INT_EQ(add_fixture(rs, "tests/data/rules/replace.xml", &d), CK_OK, "replacement loads");
  INT_EQ(d.n, 0, "no diagnostics");
  ck_ruleset_seal(rs);
  INT_EQ(rs->npacks, 2, "still two packs");
  const ck_pack *p = ck_ruleset_pack(rs, "testpack");
  STR_EQ(p->name[CK_MSG_EN], "New test pack", "the new pack");
  OK(p->always, "always selected");
  INT_EQ(p->ncpv, 0, "no cpv");
  INT_EQ(rs->nrules, 2, "two rules left");
  OK(find_rule(rs, "testpack.repair") == NULL, "old rule gone");
  const ck_rule *w = find_rule(rs, "testpack.warranty");
  OK(w && w->criterion == ck_ruleset_criterion(rs, "lifetime.durability"), "new rule");
  OK(w && w->pack == p, "new rule's pack");
  STR_EQ(rs->rules[1]->file, "tests/data/rules/replace.xml", "from the new file");
  ck_ruleset_free(rs);
  ck_diags_free(&d);
}

/* Loads one broken fixture into a set holding valid-two.xml and checks the
 * status, that the set is unchanged, and the first diagnostic. */
static void expect_error(const char *rel, ck_status want_status, const char *want_diag) {
  ck_ruleset *rs = new_set();
  ck_diags d = CK_DIAGS_INIT;
  add_fixture(rs, "tests/data/rules/valid-two.xml", &d);
  INT_EQ(add_fixture(rs, rel, &d), want_status, rel);
  OK(rs->npacks == 1 && rs->nrules == 2, "%s: the set is unchanged", rel);
  OK(ck_diags_errors(&d) >= 1, "%s: an error is reported", rel);
  DIAG_EQ(&d, 0, want_diag);
  ck_diags_free(&d);
  ck_ruleset_free(rs);
}

static void test_errors(void) {
  expect_error("tests/errors/rules-malformed.xml", CK_ERR_RULES,
               "tests/errors/rules-malformed.xml:4:29: error: opening and ending tag "
               "mismatch: name line 4 and nme");
  expect_error("tests/data/rules/entity.xml", CK_ERR_RULES,
               "tests/data/rules/entity.xml:3:3: error: entity declarations are not allowed "
               "(entity 'lol')");
  expect_error("tests/data/rules/missing-clause.xml", CK_ERR_RULES,
               "tests/data/rules/missing-clause.xml:16:5: error: did not expect element "
               "example there");
  expect_error("tests/data/rules/bad-expect.xml", CK_ERR_RULES,
               "tests/data/rules/bad-expect.xml:20:5: error: element example failed to "
               "validate attributes");
  expect_error("tests/data/rules/unknown-element.xml", CK_ERR_RULES,
               "tests/data/rules/unknown-element.xml:16:5: error: did not expect element "
               "weight there");
  expect_error("tests/errors/rules-unknown-criterion.xml", CK_ERR_RULES,
               "tests/errors/rules-unknown-criterion.xml:9:3: error: unknown criterion "
               "'lifetime.forever'");
  /* The column points into the rule file where PCRE2 noticed the missing
   * parenthesis: the pattern starts at col 12 and is 21 characters long. */
  expect_error("tests/errors/rules-bad-regex.xml", CK_ERR_RULES,
               "tests/errors/rules-bad-regex.xml:14:33: error: invalid regular expression: "
               "missing closing parenthesis");
  expect_error("tests/data/rules/missing-en-clause.xml", CK_ERR_RULES,
               "tests/data/rules/missing-en-clause.xml:16:5: error: missing en clause text");
  expect_error("tests/data/rules/unknown-placeholder.xml", CK_ERR_RULES,
               "tests/data/rules/unknown-placeholder.xml:16:5: error: unknown placeholder "
               "'{years}'");
  expect_error("tests/data/rules/scope-anywhere.xml", CK_ERR_RULES,
               "tests/data/rules/scope-anywhere.xml:9:3: error: scope 'anywhere' cannot be "
               "combined with other section kinds");
  expect_error("tests/data/rules/no-basic.xml", CK_ERR_RULES,
               "tests/data/rules/no-basic.xml:16:5: error: value without a basic level");

  /* Duplicates: across packs with a note at the first definition, and within a pack. */
  ck_ruleset *rs = new_set();
  ck_diags d = CK_DIAGS_INIT;
  add_fixture(rs, "tests/data/rules/valid-two.xml", &d);
  INT_EQ(add_fixture(rs, "tests/data/rules/dup-rule.xml", &d), CK_ERR_RULES, "dup across packs");
  INT_EQ(d.n, 2, "error and note");
  DIAG_EQ(&d, 0, "tests/data/rules/dup-rule.xml:9:3: error: duplicate rule id 'testpack.warranty'");
  DIAG_EQ(&d, 1, "tests/data/rules/valid-two.xml:13:3: note: rule 'testpack.warranty' is first "
                 "defined here");
  OK(!ck_ruleset_has_pack(rs, "other"), "the broken pack is not added");
  ck_diags_free(&d);
  INT_EQ(add_fixture(rs, "tests/data/rules/dup-in-pack.xml", &d), CK_ERR_RULES, "dup in pack");
  INT_EQ(d.n, 2, "error and note");
  DIAG_EQ(&d, 0, "tests/data/rules/dup-in-pack.xml:22:3: error: duplicate rule id "
                 "'broken.twice'");
  DIAG_EQ(&d, 1, "tests/data/rules/dup-in-pack.xml:9:3: note: rule 'broken.twice' is first "
                 "defined here");
  ck_diags_free(&d);
  ck_ruleset_free(rs);
}

/* Small packs written inline for checks that need no fixture file. */
static ck_status add_inline(ck_ruleset *rs, const char *xml, ck_diags *d) {
  const struct ck_builtin_file *rng = builtin("rules/schema/circheck-rules.rng");
  return ck_ruleset_add_pack(rs, xml, strlen(xml), "inline.xml", rng->data, rng->size, d);
}

#define INLINE_HEAD                                                                           \
  "<pack xmlns='urn:circheck:rules:1' id='x'><name lang='nb'>X</name>"                        \
  "<name lang='en'>X</name><select always='true'/>\n"
#define INLINE_RULE_START                                                                     \
  "<rule id='x.a' criterion='lifetime.warranty'><name lang='nb'>A</name>"                    \
  "<name lang='en'>A</name><source>s</source>\n"
#define INLINE_CLAUSE                                                                         \
  "<clause placement='contract'><text lang='nb'>t</text><text lang='en'>t</text></clause>\n"
#define INLINE_EXAMPLE "<example expect='pass' lang='nb'>e</example></rule></pack>\n"

static void test_inline_cases(void) {
  ck_ruleset *rs = new_set();
  ck_diags d = CK_DIAGS_INIT;

  /* A bad pattern on its own line far into a multi-byte text: the column
   * counts characters, not bytes. */
  INT_EQ(add_inline(rs,
                    INLINE_HEAD INLINE_RULE_START
                    "<match lang='nb'><any>æøå[</any></match>\n" INLINE_CLAUSE INLINE_EXAMPLE,
                    &d),
         CK_ERR_RULES, "unterminated class");
  DIAG_EQ(&d, 0, "inline.xml:3:27: error: invalid regular expression: missing terminating ] "
                 "for character class");
  ck_diags_free(&d);

  /* A pattern for two languages is reported once. */
  INT_EQ(add_inline(rs,
                    INLINE_HEAD INLINE_RULE_START
                    "<match lang='nb nn en'><any>a)</any></match>\n" INLINE_CLAUSE INLINE_EXAMPLE,
                    &d),
         CK_ERR_RULES, "unmatched parenthesis");
  INT_EQ(d.n, 1, "one diagnostic for three languages");
  DIAG_EQ(&d, 0, "inline.xml:3:30: error: invalid regular expression: unmatched closing "
                 "parenthesis");
  ck_diags_free(&d);

  /* Qualifiers of one rule must agree on their reason. */
  INT_EQ(add_inline(rs,
                    INLINE_HEAD INLINE_RULE_START
                    "<match lang='nb'><any>a</any></match>\n"
                    "<qualifier reason='unverified' lang='nb'>b</qualifier>\n"
                    "<qualifier reason='no-equivalent' lang='en'>c</qualifier>\n" INLINE_CLAUSE
                        INLINE_EXAMPLE,
                    &d),
         CK_ERR_RULES, "mixed qualifier reasons");
  DIAG_EQ(&d, 0, "inline.xml:5:1: error: all qualifiers of a rule must give the same reason");
  ck_diags_free(&d);

  /* A no-match example cannot pin another reason; a missing name is reported. */
  INT_EQ(add_inline(rs,
                    INLINE_HEAD
                    "<rule id='x.a' criterion='lifetime.warranty'><name lang='nb'>A</name>"
                    "<source>s</source>\n"
                    "<match lang='nb'><any>a</any></match>\n" INLINE_CLAUSE
                    "<example expect='no-match' reason='negated' lang='nb'>e</example>"
                    "</rule></pack>\n",
                    &d),
         CK_ERR_RULES, "bad no-match example");
  INT_EQ(d.n, 2, "two errors");
  DIAG_EQ(&d, 0, "inline.xml:5:1: error: a no-match example cannot have reason 'negated'");
  DIAG_EQ(&d, 1, "inline.xml:2:1: error: missing en name");
  ck_diags_free(&d);

  /* White space alone is not a pattern. */
  INT_EQ(add_inline(rs,
                    INLINE_HEAD INLINE_RULE_START
                    "<match lang='nb'><any>  </any></match>\n" INLINE_CLAUSE INLINE_EXAMPLE,
                    &d),
         CK_ERR_RULES, "blank pattern");
  INT_EQ(d.n, 1, "one diagnostic for the cascade");
  DIAG_EQ(&d, 0, "inline.xml:3:18: error: element any is empty");
  ck_diags_free(&d);

  /* A facet failure names the element and the value. */
  INT_EQ(add_inline(rs,
                    "<pack xmlns='urn:circheck:rules:1' id='x'><name lang='nb'>X</name>"
                    "<name lang='en'>X</name>\n<select><cpv>39A</cpv></select>\n"
                    INLINE_RULE_START "<match lang='nb'><any>a</any></match>\n" INLINE_CLAUSE
                    INLINE_EXAMPLE,
                    &d),
         CK_ERR_RULES, "bad cpv");
  INT_EQ(d.n, 1, "one diagnostic");
  DIAG_EQ(&d, 0, "inline.xml:2:9: error: element cpv has an invalid value '39A'");
  ck_diags_free(&d);

  /* Placeholders in verify texts are checked too; a lone brace is text. */
  INT_EQ(add_inline(rs,
                    INLINE_HEAD INLINE_RULE_START
                    "<match lang='nb'><any>a{2}</any></match>\n"
                    "<clause placement='contract'><text lang='nb'>{ t }</text>"
                    "<text lang='en'>t</text>\n<verify lang='en'>{Found}</verify></clause>\n"
                    INLINE_EXAMPLE,
                    &d),
         CK_ERR_RULES, "placeholder in verify");
  INT_EQ(d.n, 1, "only the verify placeholder");
  DIAG_EQ(&d, 0, "inline.xml:5:1: error: unknown placeholder '{Found}'");
  ck_diags_free(&d);

  INT_EQ(rs->npacks, 0, "nothing was added");
  ck_ruleset_free(rs);
}

static void test_load_paths(void) {
  ck_ruleset *rs = NULL;
  ck_diags d = CK_DIAGS_INIT;
  char *file = source_path("tests/data/rules/valid-two.xml");
  char *dir = source_path("tests/data/rules/dir");
  const char *paths[] = {file, dir};
  INT_EQ(ck_ruleset_load(false, paths, 2, &rs, &d), CK_OK, "file and folder load");
  INT_EQ(d.n, 0, "no diagnostics");
  for (size_t i = 0; i < d.n; i++)
    DIAG_EQ(&d, i, "(none)");
  if (rs) {
    INT_EQ(rs->npacks, 2, "testpack and alpha");
    STR_EQ(rs->packs[0]->id, "alpha", "sealed: sorted");
    /* 30-alpha-again.xml replaces 20-alpha.xml because it sorts later. */
    STR_EQ(rs->packs[0]->name[CK_MSG_NB], "Alfa 2", "the later file wins");
    INT_EQ(rs->nrules, 3, "rules");
    STR_EQ(rs->rules[0]->id, "alpha.packaging-v2", "the later file's rule");
    INT_EQ(rs->ncriteria, 27, "built-in criteria");
  }
  ck_ruleset_free(rs);
  ck_diags_free(&d);

  const char *missing[] = {"/nonexistent/circheck-rules.xml"};
  rs = (ck_ruleset *)1;
  INT_EQ(ck_ruleset_load(false, missing, 1, &rs, &d), CK_ERR_IO, "missing path");
  OK(rs == NULL, "no rule set");
  DIAG_EQ(&d, 0, "/nonexistent/circheck-rules.xml: error: cannot read rule path: No such file "
                 "or directory");
  ck_diags_free(&d);

  /* Every broken file is reported, and the first error decides the status. */
  char *bad1 = source_path("tests/errors/rules-unknown-criterion.xml");
  char *bad2 = source_path("tests/errors/rules-bad-regex.xml");
  const char *two_bad[] = {bad1, "/nonexistent/x.xml", bad2};
  INT_EQ(ck_ruleset_load(false, two_bad, 3, &rs, &d), CK_ERR_RULES, "broken files");
  INT_EQ(ck_diags_errors(&d), 3, "three errors");
  OK(rs == NULL, "no rule set");
  ck_diags_free(&d);
  free(bad1);
  free(bad2);
  free(file);
  free(dir);

  /* The built-in packs load (every rules/NAME.xml, written to docs/rule-language.md). */
  INT_EQ(ck_ruleset_load(true, NULL, 0, &rs, &d), CK_OK, "built-in packs load");
  for (size_t i = 0; i < d.n; i++)
    DIAG_EQ(&d, i, "(none)");
  size_t nbuiltin = 0;
  for (const struct ck_builtin_file *f = ck_builtin_files; f->name; f++)
    nbuiltin += strncmp(f->name, "rules/", 6) == 0 && !strchr(f->name + 6, '/') &&
                strstr(f->name, ".xml") != NULL;
  if (rs)
    INT_EQ(rs->npacks, nbuiltin, "one pack per built-in rule file");
  ck_ruleset_free(rs);
  ck_diags_free(&d);
}

/* ck_ruleset_load trusts the built-in packs: it neither validates them nor
 * compiles their patterns before use. This is the check that makes that
 * safe: every pack the binary embeds validates against the schema and every
 * pattern compiles. Files given with --rules are still checked at load. */
static void test_builtin_checked(void) {
  ck_diags d = CK_DIAGS_INIT;
  INT_EQ(ck_ruleset_check_builtin(&d), CK_OK, "every built-in pack validates and compiles");
  for (size_t i = 0; i < d.n; i++)
    DIAG_EQ(&d, i, "(none)");
  ck_diags_free(&d);

  /* Built-in patterns wait for their first use; then they match. */
  ck_ruleset *rs = NULL;
  INT_EQ(ck_ruleset_load(true, NULL, 0, &rs, &d), CK_OK, "built-in packs load");
  size_t waiting = 0, total = 0;
  const ck_pattern *first = NULL;
  for (size_t i = 0; rs && i < rs->nrules; i++) {
    const ck_pattern_list *any = &rs->rules[i]->match.by_lang[CK_LANG_NB].any;
    for (size_t k = 0; k < any->n; k++, total++) {
      waiting += any->items[k].code == NULL;
      if (!first)
        first = &any->items[k];
    }
  }
  OK(total > 0, "built-in patterns");
  INT_EQ(waiting, total, "none compiled before use");
  if (first) {
    ck_pattern_ready(first);
    OK(first->code != NULL, "compiled on first use");
    ck_pattern_ready(first); /* a second call is a no-op */
  }
  ck_rule *clean = NULL;
  for (size_t i = 0; rs && i < rs->nrules; i++)
    if (strcmp(rs->rules[i]->id, "cleaning.ecolabel") == 0)
      clean = rs->rules[i];
  OK(clean != NULL, "cleaning.ecolabel is built in");
  if (clean && clean->match.by_lang[CK_LANG_NB].any.n)
    OK(matches(&clean->match.by_lang[CK_LANG_NB].any.items[0], "Svanemerket vaskemiddel"),
       "a lazily compiled pattern matches");
  ck_ruleset_free(rs);
  ck_diags_free(&d);

  /* With the built-in packs trusted, a --rules file is still validated
   * and compiled when it is loaded, and its errors have their positions. */
  char *bad_regex = source_path("tests/errors/rules-bad-regex.xml");
  char *bad_schema = source_path("tests/data/rules/unknown-element.xml");
  const char *paths[] = {bad_regex, bad_schema};
  rs = (ck_ruleset *)1;
  INT_EQ(ck_ruleset_load(true, paths, 2, &rs, &d), CK_ERR_RULES, "broken --rules files");
  OK(rs == NULL, "no rule set");
  INT_EQ(d.n, 2, "one error per file");
  char *want = NULL;
  ck_buf b = CK_BUF_INIT;
  ck_buf_printf(&b, "%s:14:33: error: invalid regular expression: missing closing parenthesis",
                bad_regex);
  want = ck_buf_detach(&b);
  DIAG_EQ(&d, 0, want);
  free(want);
  ck_buf_printf(&b, "%s:16:5: error: did not expect element weight there", bad_schema);
  want = ck_buf_detach(&b);
  DIAG_EQ(&d, 1, want);
  free(want);
  ck_diags_free(&d);
  free(bad_regex);
  free(bad_schema);
}

/* --- the built-in packs' ASCII forms (scripts/embed.cmake) ------------------------------ */

static bool same_text(const char *a, const char *b) {
  return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

static bool same_patterns(const ck_lang_patterns *a, const ck_lang_patterns *b) {
  for (int l = 0; l < CK_LANG_COUNT; l++) {
    if (a->has[l] != b->has[l])
      return false;
    const ck_pattern_list *la[] = {&a->by_lang[l].all, &a->by_lang[l].any, &a->by_lang[l].none};
    const ck_pattern_list *lb[] = {&b->by_lang[l].all, &b->by_lang[l].any, &b->by_lang[l].none};
    for (int k = 0; k < 3; k++) {
      if (la[k]->n != lb[k]->n)
        return false;
      for (size_t i = 0; i < la[k]->n; i++)
        if (strcmp(la[k]->items[i].src, lb[k]->items[i].src) != 0 ||
            la[k]->items[i].line != lb[k]->items[i].line ||
            la[k]->items[i].col != lb[k]->items[i].col)
          return false;
    }
  }
  return true;
}

/* Everything a rule has from its file, positions included. */
static bool same_rule(const ck_rule *a, const ck_rule *b) {
  bool same = strcmp(a->id, b->id) == 0 && strcmp(a->file, b->file) == 0 &&
              a->line == b->line && a->col == b->col && same_text(a->source, b->source) &&
              a->scope == b->scope && a->subject == b->subject && a->floor == b->floor &&
              a->nexamples == b->nexamples && a->clause.placement == b->clause.placement &&
              same_patterns(&a->match, &b->match) &&
              same_patterns(&a->contradict, &b->contradict) &&
              same_patterns(&a->alternative, &b->alternative) &&
              same_patterns(&a->when, &b->when) && same_patterns(&a->qualifier, &b->qualifier) &&
              memcmp(&a->value, &b->value, sizeof a->value) == 0;
  for (int m = 0; same && m < CK_MSG_LANG_COUNT; m++) {
    same = same_text(a->name[m], b->name[m]) && same_text(a->clause.text[m], b->clause.text[m]) &&
           same_text(a->clause.verify[m], b->clause.verify[m]);
    for (int r = 0; same && r < CK_REASON_COUNT; r++)
      same = same_text(a->message[r][m], b->message[r][m]);
  }
  for (size_t e = 0; same && e < a->nexamples; e++) {
    const ck_example *x = &a->examples[e], *y = &b->examples[e];
    same = same_text(x->text, y->text) && same_text(x->section, y->section) &&
           x->lang == y->lang && x->level == y->level && x->expect == y->expect &&
           x->line == y->line && x->col == y->col;
  }
  return same;
}

/* Each built-in pack has an ASCII form, which a run reads: the same packs
   come of it, down to every text and position, as of the files as written
   (validated against the schema on the way). */
static void test_builtin_ascii(void) {
  const struct ck_builtin_file *rng = builtin("rules/schema/circheck-rules.rng");
  ck_ruleset *written = new_set();
  ck_diags d = CK_DIAGS_INIT;
  size_t packs = 0;
  for (const struct ck_builtin_file *f = ck_builtin_files; f->name; f++) {
    if (strncmp(f->name, "rules/", 6) != 0 || strchr(f->name + 6, '/') ||
        !strstr(f->name, ".xml"))
      continue;
    packs++;
    const struct ck_builtin_file *a = NULL;
    for (const struct ck_builtin_file *g = ck_builtin_ascii; g->name; g++)
      if (strcmp(g->name, f->name) == 0)
        a = g;
    OK(a != NULL, "%s has an ASCII form", f->name);
    if (a) {
      bool ascii = strlen(a->data) == a->size;
      for (size_t i = 0; i < a->size && ascii; i++)
        ascii = (unsigned char)a->data[i] < 0x80;
      OK(ascii, "%s: the ASCII form is ASCII", f->name);
      OK(a->size > f->size, "%s: with references for its Norwegian letters", f->name);
    }
    INT_EQ(ck_ruleset_add_pack(written, f->data, f->size, f->name, rng->data, rng->size, &d),
           CK_OK, f->name);
  }
  OK(packs >= 10, "the built-in packs: %zu", packs);
  ck_ruleset_seal(written);
  ck_ruleset *read = NULL;
  INT_EQ(ck_ruleset_load(true, NULL, 0, &read, &d), CK_OK, "the packs from their ASCII forms");
  for (size_t i = 0; i < d.n; i++)
    DIAG_EQ(&d, i, "(none)");
  if (read) {
    INT_EQ(read->npacks, written->npacks, "as many packs");
    INT_EQ(read->nrules, written->nrules, "as many rules");
    for (size_t i = 0; i < read->npacks && i < written->npacks; i++) {
      const ck_pack *x = read->packs[i], *y = written->packs[i];
      bool same = strcmp(x->id, y->id) == 0 && x->ncpv == y->ncpv &&
                  same_patterns(&x->subject, &y->subject);
      for (int m = 0; same && m < CK_MSG_LANG_COUNT; m++)
        same = same_text(x->name[m], y->name[m]);
      OK(same, "pack %s the same from its ASCII form", x->id);
    }
    size_t differ = 0;
    for (size_t i = 0; i < read->nrules && i < written->nrules; i++)
      if (!same_rule(read->rules[i], written->rules[i])) {
        differ++;
        fprintf(stderr, "rule %s differs\n", read->rules[i]->id);
      }
    INT_EQ(differ, 0, "every rule the same from its pack's ASCII form");
  }
  ck_ruleset_free(read);
  ck_ruleset_free(written);
  ck_diags_free(&d);
}

/* Writes 'len' bytes of 'data' to 'path'; false when that fails. */
static bool write_file(const char *path, const char *data, size_t len) {
  int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0)
    return false;
  bool ok = write(fd, data, len) == (ssize_t)len;
  return close(fd) == 0 && ok;
}

/* "PATH" + 'suffix', owned. */
static char *joined(const char *path, const char *suffix) {
  ck_buf b = CK_BUF_INIT;
  ck_buf_printf(&b, "%s%s", path, suffix);
  return ck_buf_detach(&b);
}

/* Loads 'path' alone with --rules and checks the status and the only
 * diagnostic, "PATH" + 'want_after_path'. */
static void expect_load_error(const char *path, ck_status want_status,
                              const char *want_after_path) {
  ck_ruleset *rs = (ck_ruleset *)1;
  ck_diags d = CK_DIAGS_INIT;
  const char *paths[] = {path};
  INT_EQ(ck_ruleset_load(false, paths, 1, &rs, &d), want_status, path);
  OK(rs == NULL, "%s: no rule set", path);
  INT_EQ(d.n, 1, "one diagnostic");
  char *want = joined(path, want_after_path);
  DIAG_EQ(&d, 0, want);
  free(want);
  ck_diags_free(&d);
}

/* Rule files and folders that cannot be loaded, each with the diagnostic
 * docs/rule-language.md shows, and a --rules pattern error found through a
 * folder with its file, line and column. */
static void test_rule_files(void) {
  expect_load_error("/dev/null", CK_ERR_IO, ": error: not a regular file");

  const char *tmp = getenv("TMPDIR");
  char *dir = joined(tmp && *tmp ? tmp : "/tmp", "/circheck-rules-XXXXXX");
  if (!mkdtemp(dir)) {
    OK(false, "cannot make a temporary folder %s", dir);
    free(dir);
    return;
  }
  /* One byte over the limit, as a sparse file: nothing is written. */
  char *big = joined(dir, "/big.xml");
  int fd = open(big, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  OK(fd >= 0 && ftruncate(fd, ((off_t)8 << 20) + 1) == 0, "a file of 8 MiB + 1");
  if (fd >= 0)
    close(fd);
  expect_load_error(big, CK_ERR_RULES, ": error: rule file is larger than 8 MiB");
  unlink(big);
  free(big);

  /* A folder: only its visible *.xml files that are not folders are read,
   * and a link to nothing is named as a rule file that cannot be opened. */
  char *sub = joined(dir, "/sub.xml"), *hidden = joined(dir, "/.hidden.xml"),
       *notes = joined(dir, "/notes.txt"), *gone = joined(dir, "/gone.xml");
  OK(mkdir(sub, 0755) == 0, "a folder named sub.xml");
  OK(write_file(hidden, "not xml", 7) && write_file(notes, "not xml", 7), "other files");
  OK(symlink("nowhere.xml", gone) == 0, "a link to nothing");
  char *slashed = joined(dir, "/");
  expect_load_error(slashed, CK_ERR_IO,
                    "gone.xml: error: cannot open rule file: No such file or directory");
  free(slashed);
  unlink(gone);

  size_t len;
  char *xml = read_fixture("tests/errors/rules-bad-regex.xml", &len);
  char *bad = joined(dir, "/bad.xml");
  OK(write_file(bad, xml, len), "a broken rule file in the folder");
  expect_load_error(dir, CK_ERR_RULES,
                    "/bad.xml:14:33: error: invalid regular expression: missing closing "
                    "parenthesis");
  /* Read permission is what root never lacks. */
  if (geteuid() != 0) {
    chmod(bad, 0);
    expect_load_error(bad, CK_ERR_IO, ": error: cannot open rule file: Permission denied");
  }
  free(xml);
  unlink(bad);
  unlink(hidden);
  unlink(notes);
  rmdir(sub);
  rmdir(dir);
  free(bad);
  free(sub);
  free(hidden);
  free(notes);
  free(gone);
  free(dir);
}

/* What every thread of test_lazy_shared saw. */
typedef struct lazy_view {
  const ck_ruleset *rs;
  const ck_rule *rule;
  const ck_pattern *pattern;
  size_t list;
  pthread_barrier_t *start;
  const pcre2_code *code, *branch_code;
  const ck_branch *branches;
  const char *clause, *verify, *message;
} lazy_view;

static void *lazy_worker(void *arg) {
  lazy_view *v = arg;
  pthread_barrier_wait(v->start);
  ck_pattern_ready(v->pattern);
  v->code = v->pattern->code;
  ck_branch_range range = ck_prefilter_range(v->rs->prefilter, v->list, CK_LANG_NB);
  v->branches = range.branches;
  v->branch_code = range.n ? ck_branch_code(&range.branches[0]) : NULL;
  v->clause = ck_clause_shared(v->rule, CK_MSG_NB, CK_LEVEL_ADVANCED, false);
  v->verify = ck_clause_shared(v->rule, CK_MSG_EN, CK_LEVEL_ADVANCED, true);
  v->message = ck_message_shared(v->rule, CK_REASON_ABSENT, CK_MSG_EN, CK_LEVEL_BASIC);
  return NULL;
}

/* A loaded rule set is shared by threads; what it makes on first use (a
 * pattern's code, the prefilter of a language, a branch's code, filled
 * clause and message texts) is made once: threads that ask at the same
 * moment all get the same pointer. */
static void test_lazy_shared(void) {
  enum { THREADS = 8 };
  ck_ruleset *rs = NULL;
  ck_diags d = CK_DIAGS_INIT;
  INT_EQ(ck_ruleset_load(true, NULL, 0, &rs, &d), CK_OK, "built-in packs load");
  ck_diags_free(&d);
  if (!rs)
    return;
  const ck_rule *rule = NULL;
  for (size_t i = 0; i < rs->nrules && !rule; i++)
    if (strcmp(rs->rules[i]->id, "cleaning.ecolabel") == 0)
      rule = rs->rules[i];
  OK(rule != NULL && rule->match.by_lang[CK_LANG_NB].any.n > 0, "cleaning.ecolabel");
  if (!rule) {
    ck_ruleset_free(rs);
    return;
  }
  const ck_pattern *pattern = &rule->match.by_lang[CK_LANG_NB].any.items[0];
  OK(pattern->code == NULL, "not compiled before use");

  pthread_barrier_t start;
  pthread_barrier_init(&start, NULL, THREADS);
  pthread_t threads[THREADS];
  lazy_view views[THREADS];
  for (int t = 0; t < THREADS; t++) {
    views[t] = (lazy_view){.rs = rs, .rule = rule, .pattern = pattern, .start = &start,
                           .list = ck_prefilter_list_index(rs->prefilter, CK_CHANNEL_MATCH,
                                                           rule->index)};
    pthread_create(&threads[t], NULL, lazy_worker, &views[t]);
  }
  for (int t = 0; t < THREADS; t++)
    pthread_join(threads[t], NULL);
  pthread_barrier_destroy(&start);

  const lazy_view *v0 = &views[0];
  OK(v0->code != NULL, "the pattern is compiled");
  OK(v0->branches != NULL && v0->branch_code != NULL, "the prefilter covers the rule");
  OK(v0->clause != NULL && v0->verify != NULL, "clause and verify texts");
  STR_EQ(v0->message, "Ecolabelled cleaning products or equivalent: the document does not require this.", "filled message");
  int same = 0;
  for (int t = 1; t < THREADS; t++)
    same += views[t].code == v0->code && views[t].branches == v0->branches &&
            views[t].branch_code == v0->branch_code && views[t].clause == v0->clause &&
            views[t].verify == v0->verify && views[t].message == v0->message;
  INT_EQ(same, THREADS - 1, "threads that got the first thread's pointers");

  /* Asked again later, the same again. */
  OK(ck_clause_shared(rule, CK_MSG_NB, CK_LEVEL_ADVANCED, false) == v0->clause,
     "the clause is kept");
  ck_pattern_ready(pattern);
  OK(pattern->code == v0->code, "the code is kept");
  ck_ruleset_free(rs);
}

int main(void) {
  test_criteria_csv();
  test_valid_pack();
  test_replace_and_order();
  test_errors();
  test_inline_cases();
  test_load_paths();
  test_builtin_checked();
  test_builtin_ascii();
  test_rule_files();
  test_lazy_shared();
  return ck_test_report();
}

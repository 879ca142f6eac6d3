/* Tests of evaluation (rule_eval.c judges one rule over a document, evaluate.c
 * chooses packs and settles the results of a document): statuses and
 * reasons on small texts, with two packs written for the test so that no
 * change to the shipped rules moves these answers. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "eval.h"
#include "harness.h"
#include "read_document.h"

/* "gen": applies to every purchase. A general warranty rule, a take-back
   rule, a reporting rule whose 'all' part may stand in a list's lead-in,
   and a rule with a condition. */
static const char gen_xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<pack xmlns=\"urn:circheck:rules:1\" id=\"gen\">\n"
    "  <name lang=\"nb\">Generell</name><name lang=\"en\">General</name>\n"
    "  <select always=\"true\"/>\n"
    "  <rule id=\"gen.warranty\" criterion=\"lifetime.warranty\">\n"
    "    <name lang=\"nb\">Garanti</name><name lang=\"en\">Warranty</name>\n"
    "    <source>test</source>\n"
    "    <match lang=\"nb\"><any>\\bgaranti\\w*</any></match>\n"
    "    <match lang=\"en\"><any>\\bwarranty\\b</any></match>\n"
    "    <clause placement=\"contract\">\n"
    "      <text lang=\"nb\">Leverandøren skal gi garanti.</text>\n"
    "      <text lang=\"en\">The supplier shall give a warranty.</text>\n"
    "    </clause>\n"
    "    <example expect=\"pass\" lang=\"nb\" section=\"Kravspesifikasjon\">Leverandøren skal gi "
    "garanti.</example>\n"
    "  </rule>\n"
    "  <rule id=\"gen.take-back\" criterion=\"reuse.take-back\">\n"
    "    <name lang=\"nb\">Tilbaketaking</name><name lang=\"en\">Take-back</name>\n"
    "    <source>test</source>\n"
    "    <match lang=\"nb\"><any>\\btilbaketaking\\b|\\bta tilbake\\b</any></match>\n"
    "    <match lang=\"en\"><any>\\btake back\\b</any></match>\n"
    "    <clause placement=\"contract\">\n"
    "      <text lang=\"nb\">Leverandøren skal ta produktene tilbake.</text>\n"
    "      <text lang=\"en\">The supplier shall take the products back.</text>\n"
    "    </clause>\n"
    "    <example expect=\"pass\" lang=\"nb\" section=\"Kontraktsvilkår\">Leverandøren skal ta "
    "tilbake emballasjen.</example>\n"
    "  </rule>\n"
    "  <rule id=\"gen.reporting\" criterion=\"contract.reporting\">\n"
    "    <name lang=\"nb\">Rapportering</name><name lang=\"en\">Reporting</name>\n"
    "    <source>test</source>\n"
    "    <match lang=\"nb\"><any>\\brapporter\\w*</any><all>\\bombruk\\w*</all></match>\n"
    "    <match lang=\"en\"><any>\\breport\\w*</any><all>\\breus\\w*</all></match>\n"
    "    <clause placement=\"contract\">\n"
    "      <text lang=\"nb\">Leverandøren skal rapportere ombruk.</text>\n"
    "      <text lang=\"en\">The supplier shall report reuse.</text>\n"
    "    </clause>\n"
    "    <example expect=\"pass\" lang=\"nb\" section=\"Kontraktsvilkår\">Leverandøren skal "
    "rapportere ombruk.</example>\n"
    "  </rule>\n"
    "  <rule id=\"gen.food\" criterion=\"waste.food\">\n"
    "    <name lang=\"nb\">Matsvinn</name><name lang=\"en\">Food waste</name>\n"
    "    <source>test</source>\n"
    "    <match lang=\"nb\"><any>\\bmatsvinn\\w*</any></match>\n"
    "    <match lang=\"en\"><any>\\bfood waste\\b</any></match>\n"
    "    <when lang=\"nb\">\\bkantine\\w*</when>\n"
    "    <when lang=\"en\">\\bcanteen\\b</when>\n"
    "    <clause placement=\"contract\">\n"
    "      <text lang=\"nb\">Leverandøren skal redusere matsvinn.</text>\n"
    "      <text lang=\"en\">The supplier shall reduce food waste.</text>\n"
    "    </clause>\n"
    "    <example expect=\"pass\" lang=\"nb\" section=\"Kontraktsvilkår\">Leverandøren i kantinen "
    "skal måle matsvinn.</example>\n"
    "  </rule>\n"
    "</pack>\n";

/* "furn": chosen by CPV 391 or the word "møbler"; a warranty with figures. */
static const char furn_xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<pack xmlns=\"urn:circheck:rules:1\" id=\"furn\">\n"
    "  <name lang=\"nb\">Møbler</name><name lang=\"en\">Furniture</name>\n"
    "  <select><cpv>391</cpv><subject lang=\"nb\">\\bmøbler\\b</subject></select>\n"
    "  <rule id=\"furn.warranty\" criterion=\"lifetime.warranty\">\n"
    "    <name lang=\"nb\">Møbelgaranti</name><name lang=\"en\">Furniture warranty</name>\n"
    "    <source>test</source>\n"
    "    <match lang=\"nb\"><any>\\bgaranti\\w*</any></match>\n"
    "    <match lang=\"en\"><any>\\bwarranty\\b</any></match>\n"
    "    <value unit=\"year\" compare=\"at-least\">\n"
    "      <level name=\"basic\">5</level><level name=\"advanced\">7</level>"
    "<level name=\"spearhead\">10</level>\n"
    "    </value>\n"
    "    <clause placement=\"specification\">\n"
    "      <text lang=\"nb\">Møblene skal ha minst {required} års garanti.</text>\n"
    "      <text lang=\"en\">The furniture shall have a warranty of at least {required} "
    "years.</text>\n"
    "    </clause>\n"
    "    <example expect=\"pass\" lang=\"nb\" section=\"Kravspesifikasjon\">Møblene skal ha 5 års "
    "garanti.</example>\n"
    "  </rule>\n"
    "</pack>\n";

static void write_file(const char *path, const char *text) {
  FILE *f = fopen(path, "wb");
  if (!f || fputs(text, f) == EOF || fclose(f) != 0) {
    perror(path);
    exit(2);
  }
}

static ck_ruleset *rules;

static ck_doc_result *evaluate(const char *text, ck_lang lang) {
  ck_diags d = CK_DIAGS_INIT;
  ck_doc *doc = ck_document_from_text("t.md", text, strlen(text), lang, &d);
  ck_diags_free(&d);
  OK(doc != NULL, "document read");
  if (!doc)
    exit(1);
  ck_eval_options o = {.level = CK_LEVEL_BASIC, .msg_lang_set = true, .msg_lang = CK_MSG_EN};
  ck_doc_result *r = ck_evaluate(rules, doc, &o);
  ck_doc_free(doc);
  return r;
}

static const ck_result *result(const ck_doc_result *dr, const char *rule) {
  for (size_t i = 0; i < dr->nresults; i++)
    if (strcmp(dr->results[i].rule->id, rule) == 0)
      return &dr->results[i];
  OK(0, "no result for %s", rule);
  exit(1);
}

static void expect(const ck_doc_result *dr, const char *rule, ck_result_status status,
                   ck_reason reason, const char *what) {
  const ck_result *r = result(dr, rule);
  OK(r->status == status && r->reason == reason, "%s: %s is %s/%s, want %s/%s", what, rule,
     ck_result_status_name(r->status), ck_reason_name(r->reason), ck_result_status_name(status),
     ck_reason_name(reason));
}

/* The sentence a result quotes first, or "" without evidence. */
static const char *quote(const ck_doc_result *dr, const char *rule) {
  const ck_result *r = result(dr, rule);
  return r->nevidence ? r->evidence[0].text : "";
}

static void test_modality_and_sections(void) {
  ck_doc_result *dr = evaluate("# Kravspesifikasjon\n\nLeverandøren bør ta tilbake emballasjen.\n",
                               CK_LANG_NB);
  expect(dr, "gen.take-back", CK_STATUS_PARTIAL, CK_REASON_WISH_ONLY, "bør is a wish");
  ck_doc_result_free(dr);
  dr = evaluate("# Kontraktsvilkår\n\nLeverandøren kan tilby tilbaketaking.\n", CK_LANG_NB);
  expect(dr, "gen.take-back", CK_STATUS_PARTIAL, CK_REASON_PERMISSION_ONLY, "kan opens a door");
  ck_doc_result_free(dr);
  dr = evaluate("# Kontraktsvilkår\n\nDet stilles ikke krav om tilbaketaking.\n", CK_LANG_NB);
  expect(dr, "gen.take-back", CK_STATUS_FAIL, CK_REASON_NEGATED, "waived");
  ck_doc_result_free(dr);
  dr = evaluate("# Bakgrunn\n\nLeverandøren skal ta tilbake emballasjen.\n", CK_LANG_NB);
  expect(dr, "gen.take-back", CK_STATUS_FAIL, CK_REASON_BACKGROUND_ONLY, "under Bakgrunn");
  ck_doc_result_free(dr);
  dr = evaluate("# Kontraktsvilkår\n\nTilbaketaking av emballasje.\n", CK_LANG_NB);
  expect(dr, "gen.take-back", CK_STATUS_PASS, CK_REASON_MET,
         "a plain statement under contract terms binds");
  ck_doc_result_free(dr);
}

/* Purpose, tables of contents and titles are no evidence; a list item is as
   binding as its lead-in, and the evidence quotes both. */
static void test_what_is_no_evidence(void) {
  ck_doc_result *dr = evaluate("Kommunen kjøper stoler.\n\n"
                               "Hensikten er å ta tilbake mer emballasje i kommunen.\n",
                               CK_LANG_NB);
  expect(dr, "gen.take-back", CK_STATUS_FAIL, CK_REASON_BACKGROUND_ONLY, "a purpose");
  ck_doc_result_free(dr);
  dr = evaluate("Konkurransegrunnlag\n\nInnhold:\n\nTilbaketaking av emballasje ......... 5\n",
                CK_LANG_NB);
  expect(dr, "gen.take-back", CK_STATUS_FAIL, CK_REASON_ABSENT, "a table of contents line");
  ck_doc_result_free(dr);
  dr = evaluate("Tilbaketaking av møbler\n\nKommunen kjøper stoler til skolen.\n", CK_LANG_NB);
  expect(dr, "gen.take-back", CK_STATUS_FAIL, CK_REASON_ABSENT, "a title line binds no one");
  ck_doc_result_free(dr);
  dr = evaluate("Kommunen kjøper stoler.\n\nLeverandøren skal tilby følgende:\n\n"
                "- tilbaketaking av emballasje\n",
                CK_LANG_NB);
  expect(dr, "gen.take-back", CK_STATUS_PASS, CK_REASON_MET, "an item of a binding lead-in");
  STR_EQ(quote(dr, "gen.take-back"),
         "Leverandøren skal tilby følgende: tilbaketaking av emballasje",
         "the evidence quotes lead-in and item");
  ck_doc_result_free(dr);
  dr = evaluate("Kommunen kjøper stoler.\n\nLeverandøren skal rapportere følgende:\n\n"
                "- antall stoler levert til ombruk\n",
                CK_LANG_NB);
  expect(dr, "gen.reporting", CK_STATUS_PASS, CK_REASON_MET,
         "an 'all' word in an item completes its lead-in");
  ck_doc_result_free(dr);
}

/* A rule's condition decides where absence fails, not what it finds. */
static void test_condition(void) {
  ck_doc_result *dr = evaluate("# Kontraktsvilkår\n\nLeverandøren skal levere varer.\n",
                               CK_LANG_NB);
  expect(dr, "gen.food", CK_STATUS_NOT_APPLICABLE, CK_REASON_CONDITION_NOT_MET,
         "absent, without the condition");
  ck_doc_result_free(dr);
  dr = evaluate("# Kontraktsvilkår\n\nLeverandøren skal levere varer til kantinen.\n", CK_LANG_NB);
  expect(dr, "gen.food", CK_STATUS_FAIL, CK_REASON_ABSENT, "absent, with the condition");
  ck_doc_result_free(dr);
  dr = evaluate("# Kontraktsvilkår\n\nLeverandøren skal måle matsvinn hver måned.\n", CK_LANG_NB);
  expect(dr, "gen.food", CK_STATUS_PASS, CK_REASON_MET, "found, without the condition");
  ck_doc_result_free(dr);
}

/* How the packs' results settle. */
static void test_settling(void) {
  /* The chosen category judges the sentence with its figure; the general
     rule gives way. */
  ck_doc_result *dr = evaluate("CPV: 39130000\n\n# Kravspesifikasjon\n\n"
                               "Leverandøren skal gi 3 års garanti.\n",
                               CK_LANG_NB);
  expect(dr, "furn.warranty", CK_STATUS_PARTIAL, CK_REASON_BELOW_THRESHOLD, "the category figure");
  expect(dr, "gen.warranty", CK_STATUS_NOT_APPLICABLE, CK_REASON_CATEGORY_RULE,
         "the general rule gives way");
  ck_doc_result_free(dr);

  /* A missing criterion is reported once, by the category rule. */
  dr = evaluate("CPV: 39130000\n\n# Kravspesifikasjon\n\nMøblene skal leveres i uke 3.\n",
                CK_LANG_NB);
  expect(dr, "furn.warranty", CK_STATUS_FAIL, CK_REASON_ABSENT, "the category reports it missing");
  expect(dr, "gen.warranty", CK_STATUS_NOT_APPLICABLE, CK_REASON_CATEGORY_RULE,
         "not twice");
  ck_doc_result_free(dr);

  /* Without the category, the general rule decides and the other pack's
     rule, which found the same sentence, is withdrawn. */
  dr = evaluate("# Kravspesifikasjon\n\nLeverandøren skal gi 3 års garanti på utstyret.\n",
                CK_LANG_NB);
  expect(dr, "gen.warranty", CK_STATUS_PASS, CK_REASON_MET, "the general rule");
  expect(dr, "furn.warranty", CK_STATUS_NOT_APPLICABLE, CK_REASON_PACK_NOT_SELECTED,
         "the other pack's rule gives way");
  ck_doc_result_free(dr);
}

/* Swedish text is named as such and read with the bokmål rules. */
static void test_neighbour_language(void) {
  ck_doc_result *dr;
  ck_diags d = CK_DIAGS_INIT;
  const char *sv = "Upphandling av stolar\n\nLeverantören ska lämna garanti och det är inte "
                   "tillåtet att leverera produkter som innehåller PFAS enligt avtalet.\n";
  ck_doc *doc = NULL;
  write_file("sv.txt", sv);
  ck_limits lim = ck_limits_default();
  INT_EQ(ck_document_load("sv.txt", &lim, false, false, CK_LANG_NB, &doc, &d), CK_OK, "load sv.txt");
  ck_diags_free(&d);
  if (!doc)
    return;
  ck_eval_options o = {.level = CK_LEVEL_BASIC, .msg_lang_set = true, .msg_lang = CK_MSG_EN};
  dr = ck_evaluate(rules, doc, &o);
  STR_EQ(ck_doc_result_language(dr), "sv", "detected Swedish is named");
  INT_EQ(dr->lang, CK_LANG_NB, "and read with the bokmål rules");
  bool finding = false;
  for (size_t i = 0; i < dr->nfindings; i++)
    finding = finding || dr->findings[i].kind == CK_FINDING_OTHER_LANGUAGE;
  OK(finding, "an other-language finding says so");
  ck_doc_result_free(dr);
  ck_doc_free(doc);
}

int main(void) {
  char dir[] = "/tmp/circheck-evaluate-XXXXXX";
  if (!mkdtemp(dir) || chdir(dir) != 0) {
    perror("temporary folder");
    return 1;
  }
  write_file("gen.xml", gen_xml);
  write_file("furn.xml", furn_xml);
  const char *paths[] = {"gen.xml", "furn.xml"};
  ck_diags d = CK_DIAGS_INIT;
  ck_status st = ck_ruleset_load(false, paths, 2, &rules, &d);
  for (size_t i = 0; i < d.n; i++)
    fprintf(stderr, "%s\n", d.items[i].msg);
  ck_diags_free(&d);
  INT_EQ(st, CK_OK, "the test packs load");
  if (!rules)
    return 1;

  test_modality_and_sections();
  test_what_is_no_evidence();
  test_condition();
  test_settling();
  test_neighbour_language();

  ck_ruleset_free(rules);
  remove("gen.xml");
  remove("furn.xml");
  remove("sv.txt");
  if (chdir("/") != 0 || rmdir(dir) != 0)
    perror("removing the temporary folder");
  return ck_test_report();
}

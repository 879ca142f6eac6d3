/* Tests of award.c: the environmental share of award criteria (percent,
 * points, decimals, ranks, withheld weights, sums that are not 100, the
 * Norwegian codes), telling environmental criteria from others by name in
 * nb/nn/en, and finding the weights table of text tenders. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "award.h"
#include "eval.h"
#include "harness.h"
#include "read_document.h"

#define NONE_AT ((size_t)-1)

static ck_award_criterion crit(const char *type, const char *name, ck_weight_kind kind,
                               double weight) {
  ck_award_criterion c = {0};
  c.type = (char *)(uintptr_t)type;
  c.name = (char *)(uintptr_t)name;
  c.weight_kind = kind;
  c.weight = weight;
  return c;
}

#define N(a) (sizeof(a) / sizeof *(a))

/* What evaluation judges of a criterion: climate and environment or not. */
static bool env(const ck_award_criterion *c) {
  return ck_award_is_environmental(c->type, c->name, c->description);
}

/* --- ck_env_weight_compute -------------------------------------------------------- */

static void test_percent(void) {
  ck_award_criterion a[] = {
      crit("price", "Pris", CK_WEIGHT_PERCENT, 70),
      crit("quality-nor-env-criteria", "Klima og miljø", CK_WEIGHT_PERCENT, 30)};
  ck_env_weight w = ck_env_weight_compute(a, N(a), 30);
  INT_EQ(w.way, CK_ENV_BY_WEIGHT, "30 % is enough");
  OK(w.compliant, "compliant by weight");
  OK(w.has_share, "share computed");
  NUM_EQ(w.share, 30, "share");
  OK(w.weights_complete, "complete");
  OK(w.sums_to_100, "sums to 100");
  NUM_EQ(w.percent_sum, 100, "percent sum");
  INT_EQ(w.decisive, 1, "the environment criterion decided");

  a[0].weight = 71;
  a[1].weight = 29;
  w = ck_env_weight_compute(a, N(a), 30);
  INT_EQ(w.way, CK_ENV_TOO_LOW, "29 % is too low");
  OK(!w.compliant, "not compliant");
  NUM_EQ(w.share, 29, "share 29");
  INT_EQ(w.decisive, 1, "decisive is the low environment criterion");

  /* the threshold is a parameter */
  w = ck_env_weight_compute(a, N(a), 25);
  INT_EQ(w.way, CK_ENV_BY_WEIGHT, "29 % meets a 25 % threshold");
}

static void test_percent_sum_not_100(void) {
  /* 60 + 30 = 90: a percentage is already a share (the missing 10 % may be
     in another table), and the sum is reported */
  ck_award_criterion a[] = {crit("price", "Pris", CK_WEIGHT_PERCENT, 60),
                            crit("quality", "Miljø", CK_WEIGHT_PERCENT, 30)};
  ck_env_weight w = ck_env_weight_compute(a, N(a), 30);
  OK(!w.sums_to_100, "90 does not sum to 100");
  NUM_EQ(w.percent_sum, 90, "percent sum 90");
  OK(fabs(w.share - 30) < 1e-9, "share is the 30 written: %g", w.share);
  INT_EQ(w.way, CK_ENV_BY_WEIGHT, "30 % complies");

  /* one row alone: "Miljø 20 %" is 20 %, not all of what is written */
  ck_award_criterion one[] = {crit(NULL, "Miljø", CK_WEIGHT_PERCENT, 20)};
  w = ck_env_weight_compute(one, N(one), 30);
  NUM_EQ(w.share, 20, "a lone 20 % row");
  INT_EQ(w.way, CK_ENV_TOO_LOW, "a lone 20 % row is too low");

  /* 80 + 25 = 105: normalised to 23.8 % */
  a[0].weight = 80;
  a[1].weight = 25;
  w = ck_env_weight_compute(a, N(a), 30);
  NUM_EQ(w.percent_sum, 105, "percent sum 105");
  OK(fabs(w.share - 25 * 100.0 / 105) < 1e-9, "share of 105: %g", w.share);
  INT_EQ(w.way, CK_ENV_TOO_LOW, "too low after normalising");

  /* within 0.01 counts as 100 */
  ck_award_criterion b[] = {crit("price", "Pris", CK_WEIGHT_PERCENT, 66.67),
                            crit("quality", "Miljø", CK_WEIGHT_PERCENT, 33.333)};
  w = ck_env_weight_compute(b, N(b), 30);
  OK(w.sums_to_100, "100.003 counts as 100: sum %g", w.percent_sum);
  b[1].weight = 33.2;
  w = ck_env_weight_compute(b, N(b), 30);
  OK(!w.sums_to_100, "99.87 is not 100: sum %g", w.percent_sum);
}

static void test_points_and_decimals(void) {
  ck_award_criterion p[] = {crit("price", "Pris", CK_WEIGHT_POINTS, 60),
                            crit("quality", "Kvalitet", CK_WEIGHT_POINTS, 20),
                            crit("quality", "Miljø", CK_WEIGHT_POINTS, 40)};
  ck_env_weight w = ck_env_weight_compute(p, N(p), 30);
  INT_EQ(w.way, CK_ENV_BY_WEIGHT, "40 of 120 points");
  OK(fabs(w.share - 100.0 / 3) < 1e-9, "points share %g", w.share);
  OK(!w.sums_to_100, "points are not percent");
  NUM_EQ(w.percent_sum, 0, "no percent weights");
  OK(w.weights_complete, "all points");

  ck_award_criterion d[] = {crit("price", "Pris", CK_WEIGHT_DECIMAL, 0.75),
                            crit("quality", "Bærekraft", CK_WEIGHT_DECIMAL, 0.25)};
  w = ck_env_weight_compute(d, N(d), 30);
  INT_EQ(w.way, CK_ENV_TOO_LOW, "0.25 of 1 is too low");
  NUM_EQ(w.share, 25, "decimal share");
  INT_EQ(w.decisive, 1, "decisive");

  /* raw numbers are not read as percent: 40 points of 400 is 10 % */
  ck_award_criterion q[] = {crit("price", "Pris", CK_WEIGHT_POINTS, 360),
                            crit("quality", "Miljø", CK_WEIGHT_POINTS, 40)};
  w = ck_env_weight_compute(q, N(q), 30);
  NUM_EQ(w.share, 10, "40 points of 400");
  INT_EQ(w.way, CK_ENV_TOO_LOW, "too low");
}

static void test_ranks(void) {
  ck_award_criterion r[] = {crit("quality", "Kvalitet", CK_WEIGHT_RANK, 1),
                            crit("price", "Pris", CK_WEIGHT_RANK, 2),
                            crit("quality-nor-env-criteria", "Klima og miljø", CK_WEIGHT_RANK, 3)};
  ck_env_weight w = ck_env_weight_compute(r, N(r), 30);
  INT_EQ(w.way, CK_ENV_BY_RANK, "rank 3 is among the top three");
  INT_EQ(w.best_rank, 3, "best rank");
  OK(w.compliant, "compliant by rank");
  OK(!w.has_share, "no share for ranks");
  INT_EQ(w.decisive, 2, "decisive");
  OK(w.weights_complete, "all ranked");

  r[2].weight = 4;
  w = ck_env_weight_compute(r, N(r), 30);
  INT_EQ(w.way, CK_ENV_TOO_LOW, "rank 4 is too low");
  INT_EQ(w.best_rank, 4, "best rank 4");

  /* the best of two environmental criteria counts */
  ck_award_criterion s[] = {crit("quality", "Miljø", CK_WEIGHT_RANK, 5),
                            crit("quality", "Kvalitet", CK_WEIGHT_RANK, 2),
                            crit("quality", "Klimagassutslipp", CK_WEIGHT_RANK, 1)};
  w = ck_env_weight_compute(s, N(s), 30);
  INT_EQ(w.best_rank, 1, "best env rank is 1");
  INT_EQ(w.decisive, 2, "the rank 1 criterion decided");
}

static void test_withheld(void) {
  ck_award_criterion a[] = {crit("price", "Pris", CK_WEIGHT_PERCENT, 70),
                            crit("quality-nor-env-criteria", "Miljø", CK_WEIGHT_NONE, 0)};
  ck_env_weight w = ck_env_weight_compute(a, N(a), 30);
  INT_EQ(w.way, CK_ENV_WITHHELD, "environment weight withheld");
  OK(!w.compliant, "cannot be compliant");
  OK(!w.weights_complete, "incomplete");
  INT_EQ(w.decisive, 1, "the withheld criterion");

  /* all withheld */
  a[0].weight_kind = CK_WEIGHT_NONE;
  w = ck_env_weight_compute(a, N(a), 30);
  INT_EQ(w.way, CK_ENV_WITHHELD, "all withheld");
  OK(!w.has_share, "no share");

  /* a known environmental percentage is absolute: 35 % is enough even when
     the price weight is withheld */
  ck_award_criterion b[] = {crit("price", "Pris", CK_WEIGHT_NONE, 0),
                            crit("quality", "Miljø", CK_WEIGHT_PERCENT, 35)};
  w = ck_env_weight_compute(b, N(b), 30);
  INT_EQ(w.way, CK_ENV_BY_WEIGHT, "known 35 % complies");
  NUM_EQ(w.share, 35, "absolute share");
  OK(!w.weights_complete, "incomplete");

  /* points cannot be shared out when one is withheld */
  ck_award_criterion c[] = {crit("price", "Pris", CK_WEIGHT_NONE, 0),
                            crit("quality", "Miljø", CK_WEIGHT_POINTS, 35)};
  w = ck_env_weight_compute(c, N(c), 30);
  INT_EQ(w.way, CK_ENV_WITHHELD, "points with a withheld total");

  /* a code decides even when weights are withheld */
  ck_award_criterion d[] = {
      crit("price", "Pris", CK_WEIGHT_NONE, 0),
      crit("quality-nor-env-spec", "Krav i spesifikasjonen", CK_WEIGHT_NONE, 0)};
  w = ck_env_weight_compute(d, N(d), 30);
  INT_EQ(w.way, CK_ENV_BY_SPEC, "spec code decides");
  OK(w.compliant, "compliant by specification");
}

static void test_codes(void) {
  ck_award_criterion a[] = {crit("price", "Pris", CK_WEIGHT_PERCENT, 100),
                            crit("quality-nor-env-spec",
                                 "Klima- og miljøkrav i kravspesifikasjonen", CK_WEIGHT_PERCENT,
                                 0)};
  ck_env_weight w = ck_env_weight_compute(a, N(a), 30);
  INT_EQ(w.way, CK_ENV_BY_SPEC, "specification code");
  OK(w.compliant, "compliant");
  INT_EQ(w.decisive, 1, "the code criterion");
  OK(w.sums_to_100, "the per-exa 0 marker keeps the sum at 100");
  OK(w.weights_complete, "the marker does not count as a criterion");

  static const char *const exempt[] = {
      "quality-nor-env-exempt-insignificant", "quality-nor-env-exempt-critical-interest",
      "quality-nor-env-exempt-national-minimum", "quality-nor-env-none"};
  for (size_t i = 0; i < N(exempt); i++) {
    ck_award_criterion b[] = {crit("price", "Pris", CK_WEIGHT_PERCENT, 100),
                              crit(exempt[i], "Unntak", CK_WEIGHT_NONE, 0)};
    w = ck_env_weight_compute(b, N(b), 30);
    OK(w.way == CK_ENV_EXEMPT && w.compliant, "%s is an exemption", exempt[i]);
    INT_EQ(w.decisive, 1, exempt[i]);
  }

  /* real weights that comply are reported as such, even with a code */
  ck_award_criterion c[] = {crit("price", "Pris", CK_WEIGHT_PERCENT, 60),
                            crit("quality", "Miljø", CK_WEIGHT_PERCENT, 40),
                            crit("quality-nor-env-spec", "Krav", CK_WEIGHT_PERCENT, 0)};
  w = ck_env_weight_compute(c, N(c), 30);
  INT_EQ(w.way, CK_ENV_BY_WEIGHT, "weights first");

  /* a code wins over weights that are too low */
  c[0].weight = 90;
  c[1].weight = 10;
  w = ck_env_weight_compute(c, N(c), 30);
  INT_EQ(w.way, CK_ENV_BY_SPEC, "code wins over a low weight");
  OK(w.has_share, "the share is still reported");
  NUM_EQ(w.share, 10, "share 10");
}

static void test_absent_and_mixed(void) {
  ck_env_weight w = ck_env_weight_compute(NULL, 0, 30);
  INT_EQ(w.way, CK_ENV_ABSENT, "no criteria");
  OK(!w.compliant && !w.has_share && !w.weights_complete, "nothing known");
  INT_EQ(w.decisive, NONE_AT, "nothing decided");

  ck_award_criterion a[] = {crit("price", "Pris", CK_WEIGHT_PERCENT, 60),
                            crit("quality", "Kvalitet og arbeidsmiljø", CK_WEIGHT_PERCENT, 40)};
  w = ck_env_weight_compute(a, N(a), 30);
  INT_EQ(w.way, CK_ENV_ABSENT, "no environmental criterion");
  OK(w.has_share, "a share of 0 is known");
  NUM_EQ(w.share, 0, "share 0");
  INT_EQ(w.decisive, NONE_AT, "nothing decided");

  /* percent and points mixed: computed from the percent ones, incomplete */
  ck_award_criterion b[] = {crit("price", "Pris", CK_WEIGHT_PERCENT, 60),
                            crit("quality", "Kvalitet", CK_WEIGHT_POINTS, 10),
                            crit("quality", "Miljø", CK_WEIGHT_PERCENT, 30)};
  w = ck_env_weight_compute(b, N(b), 30);
  OK(!w.weights_complete, "mixed kinds are incomplete");
  INT_EQ(w.way, CK_ENV_BY_WEIGHT, "30 % known");
  NUM_EQ(w.share, 30, "absolute percent");
  NUM_EQ(w.percent_sum, 90, "percent sum");

  /* ranks and percent mixed: the rank of the environment criterion decides */
  ck_award_criterion c[] = {crit("price", "Pris", CK_WEIGHT_PERCENT, 80),
                            crit("quality", "Miljø", CK_WEIGHT_RANK, 2)};
  w = ck_env_weight_compute(c, N(c), 30);
  INT_EQ(w.way, CK_ENV_BY_RANK, "ranked second");
  OK(!w.weights_complete, "incomplete");
}

static void test_way_names(void) {
  static const char *const names[] = {"absent",    "weight",  "rank",    "specification",
                                      "exemption", "too-low", "withheld"};
  for (int i = 0; i < CK_ENV_WAY_COUNT; i++)
    STR_EQ(ck_env_way_name((ck_env_way)i), names[i], "way name");
  STR_EQ(ck_env_way_name(CK_ENV_WAY_COUNT), "absent", "out of range");
}

/* --- ck_award_is_environmental ------------------------------------------------------ */

static void test_environmental_names(void) {
  static const char *const yes[] = {
      "Miljø",
      "Klima og miljø",
      "Klima- og miljøhensyn",
      "Miljøpåvirkning",
      "Klimagassutslipp",
      "Utslipp fra transport",
      "Bærekraft",
      "Berekraft og miljø",   /* nynorsk */
      "Miljøomsyn",           /* nynorsk */
      "Utslepp frå køyretøy", /* nynorsk */
      "Ytre miljø",
      "Sirkulær økonomi",
      "Fossilfri transport",
      "Energiforbruk",
      "Environment",
      "Environmental performance",
      "Climate impact",
      "Sustainability",
      "CO2-utslipp",
      "CO\xE2\x82\x82 emissions",
      "Carbon footprint",
      "Greenhouse gas emissions",
      "Energy efficiency",
      "Reuse of materials",
      "MILJØ OG KLIMA",
  };
  for (size_t i = 0; i < N(yes); i++)
    OK(ck_award_is_environmental(NULL, yes[i], NULL), "'%s' is environmental", yes[i]);

  static const char *const no[] = {
      "Pris",
      "Price",
      "Kvalitet",
      "Quality",
      "Leveringstid",
      "Service og oppfølging",
      "Kompetanse",
      "Arbeidsmiljø",
      "Godt arbeidsmiljø",
      "Work environment",
      "Working environment",
      "Learning environment",
      "Læringsmiljø",
      "Miljøterapeut",
      "Miljøterapeuter i boligene",
      "Psykososialt miljø",
      "Fagmiljø",
      "Test environment",
      "Inneklima",
      "Klimaanlegg",
      "Business climate",
      "Energy drinks",
  };
  for (size_t i = 0; i < N(no); i++)
    OK(!ck_award_is_environmental(NULL, no[i], NULL), "'%s' is not environmental", no[i]);
}

static void test_environmental_codes_and_descriptions(void) {
  OK(ck_award_is_environmental("quality-nor-env-criteria", "Kvalitet", NULL), "the code marks it");
  OK(ck_award_is_environmental("quality-nor-env-criteria", NULL, NULL), "code without a name");
  OK(!ck_award_is_environmental("price", "Miljø", NULL), "a price is never environmental");
  OK(ck_award_is_environmental("quality", "Kvalitet", "Klimagassutslipp fra transporten"),
     "description decides when the name says nothing");
  OK(!ck_award_is_environmental("cost", "Pris", "inkludert miljøgebyr"),
     "a price-like name is not read further");
  OK(!ck_award_is_environmental("quality", "Kvalitet", "Tilbudt arbeidsmiljø og bemanning"),
     "trap in the description");
  OK(!ck_award_is_environmental(NULL, NULL, NULL), "nothing at all");
  OK(!ck_award_is_environmental(NULL, "", ""), "empty strings");
  OK(ck_award_is_environmental("cost", "Livssykluskostnad med klimagassutslipp", NULL),
     "environment named in a cost criterion");
}

/* --- weights tables in text tenders ---------------------------------------------------------- */

static ck_doc *text_doc(const char *text, ck_lang lang) {
  ck_diags d = CK_DIAGS_INIT;
  ck_doc *doc = ck_document_from_text("t.md", text, strlen(text), lang, &d);
  OK(doc != NULL, "document read");
  ck_diags_free(&d);
  if (!doc)
    exit(1);
  return doc;
}

static void test_extract_table_pass(void) {
  const char *text = "# Konkurransegrunnlag\n"
                     "\n"
                     "## 5 Tildelingskriterier\n"
                     "\n"
                     "| Kriterium | Vekt | Dokumentasjon |\n"
                     "|---|---|---|\n"
                     "| Pris | 60 % | Prisskjema |\n"
                     "| Kvalitet | 10 % | Beskrivelse |\n"
                     "| Miljø | 30 % | Miljøbeskrivelse |\n"
                     "| Sum | 100 % | |\n";
  ck_doc *doc = text_doc(text, CK_LANG_NB);
  INT_EQ(doc->ncriteria, 3, "three criteria, the sum row left out");
  if (doc->ncriteria == 3) {
    STR_EQ(doc->criteria[0].name, "Pris", "name 1");
    STR_EQ(doc->criteria[1].name, "Kvalitet", "name 2");
    STR_EQ(doc->criteria[2].name, "Miljø", "name 3");
    STR_EQ(doc->criteria[2].description, "Miljøbeskrivelse", "second text cell");
    INT_EQ(doc->criteria[0].weight_kind, CK_WEIGHT_PERCENT, "percent");
    NUM_EQ(doc->criteria[2].weight, 30, "weight");
    OK(!env(&doc->criteria[0]) && env(&doc->criteria[2]), "env flags");
    OK(doc->criteria[0].type == NULL, "no type code in text");
    INT_EQ(doc->criteria[0].line, 7, "line of Pris");
    INT_EQ(doc->criteria[0].col, 3, "column of Pris");
    INT_EQ(doc->criteria[2].line, 9, "line of Miljø");
    OK(doc->criteria[2].xpath == NULL, "no xpath for text");
    ck_env_weight w = ck_env_weight_compute(doc->criteria, doc->ncriteria, 30);
    INT_EQ(w.way, CK_ENV_BY_WEIGHT, "compliant table");
    NUM_EQ(w.share, 30, "share");
  }
  ck_doc_free(doc);
}

static void test_extract_list_fail(void) {
  const char *text = "# Tildelingskriterier\n"
                     "\n"
                     "- Pris 80 %\n"
                     "- Miljø (20 %): Klimagassutslipp fra transport\n";
  ck_doc *doc = text_doc(text, CK_LANG_NB);
  INT_EQ(doc->ncriteria, 2, "two list items");
  if (doc->ncriteria == 2) {
    STR_EQ(doc->criteria[1].name, "Miljø", "name before the parenthesis");
    STR_EQ(doc->criteria[1].description, "Klimagassutslipp fra transport", "description");
    OK(doc->criteria[0].description == NULL, "no description");
    INT_EQ(doc->criteria[1].line, 4, "line");
    INT_EQ(doc->criteria[1].col, 3, "col");
    ck_env_weight w = ck_env_weight_compute(doc->criteria, doc->ncriteria, 30);
    INT_EQ(w.way, CK_ENV_TOO_LOW, "20 % is too low");
    NUM_EQ(w.share, 20, "share");
  }
  ck_doc_free(doc);
}

static void test_extract_sentence_en(void) {
  const char *text = "# Award criteria\n"
                     "\n"
                     "The contract is awarded on price and environment. Price 60 %, Environment "
                     "40 %.\n";
  ck_doc *doc = text_doc(text, CK_LANG_EN);
  INT_EQ(doc->ncriteria, 2, "two items in one sentence");
  if (doc->ncriteria == 2) {
    STR_EQ(doc->criteria[0].name, "Price", "first name");
    STR_EQ(doc->criteria[1].name, "Environment", "second name");
    INT_EQ(doc->criteria[1].col, 63, "column of Environment");
    ck_env_weight w = ck_env_weight_compute(doc->criteria, doc->ncriteria, 30);
    INT_EQ(w.way, CK_ENV_BY_WEIGHT, "40 %");
    NUM_EQ(w.share, 40, "share");
  }
  ck_doc_free(doc);
}

static void test_extract_not_outside_award(void) {
  const char *text = "# Kravspesifikasjon\n"
                     "\n"
                     "Produktene skal inneholde minst 30 % resirkulert materiale.\n"
                     "\n"
                     "Rabatt 10 %, påslag 5 %.\n"
                     "\n"
                     "- Minst 70 % av emballasjen skal være gjenvunnet\n";
  ck_doc *doc = text_doc(text, CK_LANG_NB);
  INT_EQ(doc->ncriteria, 0, "figures outside award sections are not weights");
  ck_doc_free(doc);
}

static void test_extract_lines_sum_100(void) {
  const char *text = "Evalueringen skjer slik:\n"
                     "Pris 70 %\n"
                     "Miljø 30 %\n";
  ck_doc *doc = text_doc(text, CK_LANG_NB);
  INT_EQ(doc->ncriteria, 2, "lines that add up to 100 anywhere");
  if (doc->ncriteria == 2) {
    STR_EQ(doc->criteria[0].name, "Pris", "the name starts on its own line");
    STR_EQ(doc->criteria[1].name, "Miljø", "second line");
    INT_EQ(doc->criteria[1].line, 3, "line 3");
    INT_EQ(doc->criteria[1].col, 1, "col 1");
  }
  ck_doc_free(doc);
}

static void test_extract_points_header(void) {
  const char *text = "## Tildelingskriterier\n"
                     "\n"
                     "| Kriterium | Poeng |\n"
                     "|---|---|\n"
                     "| Pris | 6 |\n"
                     "| Miljø | 4 |\n";
  ck_doc *doc = text_doc(text, CK_LANG_NB);
  INT_EQ(doc->ncriteria, 2, "points table");
  if (doc->ncriteria == 2) {
    INT_EQ(doc->criteria[0].weight_kind, CK_WEIGHT_POINTS, "unit from the header");
    ck_env_weight w = ck_env_weight_compute(doc->criteria, doc->ncriteria, 30);
    NUM_EQ(w.share, 40, "4 of 10 points");
    OK(w.compliant, "compliant");
  }
  ck_doc_free(doc);
}

static void test_extract_nynorsk_and_headings(void) {
  const char *nn = "## Tildelingskriterium\n"
                   "\n"
                   "| Kriterium | Vekt |\n"
                   "|---|---|\n"
                   "| Pris | 75 % |\n"
                   "| Berekraft og miljø | 25 % |\n";
  ck_doc *doc = text_doc(nn, CK_LANG_NN);
  INT_EQ(doc->ncriteria, 2, "nynorsk table");
  if (doc->ncriteria == 2) {
    OK(env(&doc->criteria[1]), "berekraft is environmental");
    ck_env_weight w = ck_env_weight_compute(doc->criteria, doc->ncriteria, 30);
    INT_EQ(w.way, CK_ENV_TOO_LOW, "25 % too low");
  }
  ck_doc_free(doc);

  const char *headed = "# 4 Tildelingskriterier\n"
                       "\n"
                       "## 4.1 Pris (70 %)\n"
                       "\n"
                       "Pris etter prisskjemaet.\n"
                       "\n"
                       "## 4.2 Miljø (30 %)\n"
                       "\n"
                       "Klimagassutslipp fra transport vurderes, se vedlegg 3 og 4.\n";
  doc = text_doc(headed, CK_LANG_NB);
  INT_EQ(doc->ncriteria, 2, "weights in the award sub-headings");
  if (doc->ncriteria == 2) {
    STR_EQ(doc->criteria[0].name, "Pris", "numbering stripped");
    STR_EQ(doc->criteria[1].name, "Miljø", "second heading");
    INT_EQ(doc->criteria[1].line, 7, "heading line");
  }
  ck_doc_free(doc);
}

static void test_extract_ranges_and_fragments(void) {
  const char *text = "# Tildelingskriterier\n"
                     "\n"
                     "Miljø 20-30 %, kvalitet 1 000 poeng.\n";
  ck_doc *doc = text_doc(text, CK_LANG_NB);
  /* the range is no weight; the lone points item does not add up to a
     percentage table but is a readable run of points */
  for (size_t i = 0; i < doc->ncriteria; i++)
    OK(strcmp(doc->criteria[i].name, "Miljø") != 0, "the range is not a weight");
  ck_doc_free(doc);

  /* no award section and no table: nothing */
  doc = text_doc("Leveransen skal skje innen 30 dager.\n", CK_LANG_NB);
  INT_EQ(doc->ncriteria, 0, "a delivery time is not a weight");
  ck_doc_free(doc);
}

/* The four ways of writing weights that real tenders use and that once
   read wrong: a table flattened to one cell per line, a name next to
   another criterion's weight, a long English name, and points out of a
   stated total. */
static void test_extract_real_wordings(void) {
  ck_doc *doc = text_doc("## Tildelingskriterier\n\nKriterium\nVekt\nPris\n50 %\n"
                         "Gjennomføring\n20 %\nKlima og miljø\n30 %\n",
                         CK_LANG_NB);
  INT_EQ(doc->ncriteria, 3, "a flattened table: three criteria");
  if (doc->ncriteria == 3) {
    STR_EQ(doc->criteria[2].name, "Klima og miljø", "each weight pairs with the line above it");
    NUM_EQ(doc->criteria[2].weight, 30, "environment weighs 30, not 20");
  }
  ck_doc_free(doc);
  doc = text_doc("## Tildelingskriterier\n\nPris\n\n50 %\n\nGjennomføring\n\n20 %\n\n"
                 "Klima og miljø\n\n30 %\n",
                 CK_LANG_NB);
  INT_EQ(doc->ncriteria, 3, "a table flattened to paragraphs: three criteria");
  if (doc->ncriteria == 3) {
    STR_EQ(doc->criteria[2].name, "Klima og miljø", "paragraph pairs");
    NUM_EQ(doc->criteria[2].weight, 30, "environment weighs 30");
  }
  ck_doc_free(doc);
  doc = text_doc("# Award criteria\n\nEnvironment 20 %, quality 30 % and price 50 %.\n",
                 CK_LANG_EN);
  INT_EQ(doc->ncriteria, 3, "three criteria in one sentence");
  if (doc->ncriteria == 3) {
    STR_EQ(doc->criteria[0].name, "Environment", "the name before its own weight");
    NUM_EQ(doc->criteria[0].weight, 20, "environment weighs 20, not the 30 after it");
    ck_env_weight w = ck_env_weight_compute(doc->criteria, doc->ncriteria, 30);
    INT_EQ(w.way, CK_ENV_TOO_LOW, "20 % is too low");
  }
  ck_doc_free(doc);
  doc = text_doc("# Award criteria\n\n- Price: 65 %\n"
                 "- Environmental and circular characteristics 35 %\n",
                 CK_LANG_EN);
  INT_EQ(doc->ncriteria, 2, "two list items");
  if (doc->ncriteria == 2) {
    OK(env(&doc->criteria[1]), "'environmental and circular characteristics' is environmental");
    ck_env_weight w = ck_env_weight_compute(doc->criteria, doc->ncriteria, 30);
    INT_EQ(w.way, CK_ENV_BY_WEIGHT, "35 % complies");
    NUM_EQ(w.share, 35, "share");
  }
  ck_doc_free(doc);
  doc = text_doc("# Award criteria\n\nEnvironment: 40 points of a maximum total of 100 points.\n",
                 CK_LANG_EN);
  INT_EQ(doc->ncriteria, 1, "points out of a stated total");
  if (doc->ncriteria == 1) {
    NUM_EQ(doc->criteria[0].weight, 40, "40 of 100 points is 40 %");
    INT_EQ(doc->criteria[0].weight_kind, CK_WEIGHT_PERCENT, "as a share");
    ck_env_weight w = ck_env_weight_compute(doc->criteria, doc->ncriteria, 30);
    INT_EQ(w.way, CK_ENV_BY_WEIGHT, "40 % complies");
  }
  ck_doc_free(doc);
  doc = text_doc("## Tildelingskriterier\n\nPris gir 80 poeng og miljø gir 20 poeng av maksimalt "
                 "100 poeng.\n",
                 CK_LANG_NB);
  INT_EQ(doc->ncriteria, 2, "Norwegian points");
  if (doc->ncriteria == 2) {
    STR_EQ(doc->criteria[1].name, "miljø", "the verb is not part of the name");
    NUM_EQ(doc->criteria[1].weight, 20, "20 of 100 points");
  }
  ck_doc_free(doc);
}

int main(void) {
  test_extract_real_wordings();
  test_percent();
  test_percent_sum_not_100();
  test_points_and_decimals();
  test_ranks();
  test_withheld();
  test_codes();
  test_absent_and_mixed();
  test_way_names();
  test_environmental_names();
  test_environmental_codes_and_descriptions();
  test_extract_table_pass();
  test_extract_list_fail();
  test_extract_sentence_en();
  test_extract_not_outside_award();
  test_extract_lines_sum_100();
  test_extract_points_header();
  test_extract_nynorsk_and_headings();
  test_extract_ranges_and_fragments();
  return ck_test_report();
}

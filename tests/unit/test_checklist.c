/* Tests of clause checklists (checklist.c): which packs a checklist covers
 * (always-on packs, packs named, packs chosen by a CPV code with or without
 * its check digit), which rules give way to a category's rule, the level's
 * figures in clauses, the grouping by where a clause belongs, the five forms
 * and the errors. The packs are fixture_packs.h's, written to a temporary
 * folder, so the test does not depend on the built-in packs. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fixture_packs.h"
#include "harness.h"
#include "report.h"

#define HAS(hay, needle) OK(strstr((hay), (needle)) != NULL, "missing: %s", (needle))
#define LACKS(hay, needle) OK(strstr((hay), (needle)) == NULL, "unexpected: %s", (needle))

static void write_file(const char *name, const char *text) {
  FILE *f = fopen(name, "w");
  OK(f != NULL, "cannot write %s", name);
  if (!f)
    exit(1);
  fputs(text, f);
  fclose(f);
}

static size_t count(const char *hay, const char *needle) {
  size_t n = 0, len = strlen(needle);
  for (const char *p = strstr(hay, needle); p; p = strstr(p + len, needle))
    n++;
  return n;
}

static char *checklist(const ck_ruleset *rs, const char *const *packs, size_t npacks,
                       const char *cpv, ck_level level, ck_msg_lang lang, ck_report_format f,
                       ck_status want, ck_diags *d) {
  ck_checklist_options o = ck_checklist_options_default();
  o.packs = packs;
  o.npacks = npacks;
  o.cpv = cpv;
  o.level = level;
  o.lang = lang;
  char *out = (char *)"unset";
  size_t len = 99;
  ck_status st = ck_checklist_render(rs, &o, f, &out, &len, d);
  INT_EQ(st, want, "checklist status");
  if (st != CK_OK) {
    OK(out == NULL && len == 0, "no output on error");
    return NULL;
  }
  INT_EQ(strlen(out), len, "checklist length");
  return out;
}

/* The five forms of the list, the packs chosen by name and by CPV code, and
   the errors. */
static void test_forms(const ck_ruleset *rs) {
  ck_diags d = CK_DIAGS_INIT;
  const char *beta[] = {"beta"};

  /* Only the always-on pack. */
  char *s = checklist(rs, NULL, 0, NULL, CK_LEVEL_BASIC, CK_MSG_EN, CK_REPORT_TEXT, CK_OK, &d);
  STR_EQ(s,
         "Checklist of circular requirements\n\nPacks: Alpha (alpha)\nLevel: basic\n\n"
         "Clauses to put in the tender documents, grouped by where they belong. The figures "
         "are those of level basic.\n\nContract terms\n--------------\n\n"
         "[ ] Take-back for reuse or recycling (alpha.take-back)\n"
         "    The supplier shall take the products back.\n    Verification: not stated\n",
         "text checklist of the always-on pack");
  free(s);
  INT_EQ(d.n, 0, "no diagnostics");

  /* beta supersedes alpha's take-back; groups in placement order. */
  s = checklist(rs, beta, 1, NULL, CK_LEVEL_ADVANCED, CK_MSG_NB, CK_REPORT_MD, CK_OK, &d);
  HAS(s, "# Sjekkliste for sirkulære krav\n\nRegelpakker: Alfa (alpha), Beta (beta) · nivå: "
         "**avansert**\n");
  LACKS(s, "alpha.take-back");
  const char *q = strstr(s, "## Kvalifikasjonskrav"), *sp = strstr(s, "## Kravspesifikasjon"),
             *c = strstr(s, "## Kontraktsvilkår");
  OK(q && sp && c && q < sp && sp < c, "groups in placement order");
  LACKS(s, "## Tildelingskriterier");
  HAS(s, "- [ ] **Garantitid** (`beta.warranty`)\n\n  Møblene skal ha minst 7,5 år garanti (nivå "
         "avansert).\n\n  - Krav: **minst 7,5 år**\n  - Dokumentasjon: Garantivilkår for "
         "Garanti.\n");
  HAS(s, "- [ ] **Tilbaketaking for ombruk eller gjenvinning** (`beta.take-back`)");
  free(s);

  /* A CPV code with a check digit selects beta; a short one too. */
  s = checklist(rs, NULL, 0, "39130000-2", CK_LEVEL_BASIC, CK_MSG_EN, CK_REPORT_CSV, CK_OK, &d);
  HAS(s, "\"placement\",\"pack\",\"rule\",\"criterion\",");
  HAS(s, "\r\n\"specification\",\"beta\",\"beta.warranty\",\"lifetime.warranty\",\"lifetime\","
         "\"Warranty period\",\"clause.beta.warranty\",\"Furniture shall carry at least 5 years "
         "of warranty.\",\"5\",\"year\",\"at least 5 years\",\"\"\r\n");
  INT_EQ(count(s, "\r\n"), 4, "header and three items");
  free(s);
  s = checklist(rs, NULL, 0, "39", CK_LEVEL_BASIC, CK_MSG_EN, CK_REPORT_JSON, CK_OK, &d);
  HAS(s, "\"packs\": [\n    \"alpha\",\n    \"beta\"\n  ],");
  HAS(s, "\"placement\": \"qualification\",\n      \"label\": \"qualification requirements\",");
  HAS(s,
      "\"required\": 5,\n            \"unit\": \"year\",\n            \"compare\": \"at-least\",");
  free(s);
  INT_EQ(d.n, 0, "no diagnostics for matching codes");

  /* A code no product pack has: a note, and the always-on clauses. */
  s = checklist(rs, NULL, 0, "45000000", CK_LEVEL_BASIC, CK_MSG_EN, CK_REPORT_HTML, CK_OK, &d);
  INT_EQ(d.n, 1, "one note");
  if (d.n) {
    INT_EQ(d.items[0].level, CK_DIAG_NOTE, "a note, not an error");
    STR_EQ(d.items[0].msg,
           "no product pack for CPV 45000000; the checklist has the clauses for every purchase "
           "only",
           "note text");
  }
  ck_diags_free(&d);
  HAS(s, "<input type=\"checkbox\" id=\"clause.alpha.take-back-done\" />\n<label "
         "for=\"clause.alpha.take-back-done\">Take-back for reuse or recycling</label>");
  HAS(s, "<h2 id=\"g-contract\">Contract terms</h2>");
  LACKS(s, "http");
  free(s);

  /* Several codes, by comma or space: the packs of each; a code without a
     pack among them is named in a note of its own. */
  s = checklist(rs, NULL, 0, " 45000000, 39130000-2 ", CK_LEVEL_BASIC, CK_MSG_EN,
                CK_REPORT_JSON, CK_OK, &d);
  HAS(s, "\"packs\": [\n    \"alpha\",\n    \"beta\"\n  ],");
  OK(d.n == 1 && strcmp(d.items[0].msg, "no product pack for CPV 45000000") == 0,
     "a note for the code without a pack");
  ck_diags_free(&d);
  free(s);
  s = checklist(rs, NULL, 0, "45000000 39", CK_LEVEL_BASIC, CK_MSG_EN, CK_REPORT_JSON, CK_OK,
                &d);
  HAS(s, "\"beta\"");
  ck_diags_free(&d);
  free(s);
  checklist(rs, NULL, 0, "39130000,39x", CK_LEVEL_BASIC, CK_MSG_EN, CK_REPORT_TEXT,
            CK_ERR_USAGE, &d);
  OK(d.n == 1 && strstr(d.items[0].msg, "invalid CPV code '39x'"), "a bad code among good ones");
  ck_diags_free(&d);

  /* Errors. */
  checklist(rs, NULL, 0, "39x", CK_LEVEL_BASIC, CK_MSG_EN, CK_REPORT_TEXT, CK_ERR_USAGE, &d);
  OK(d.n == 1 && strstr(d.items[0].msg, "invalid CPV code '39x'"), "bad CPV code reported");
  ck_diags_free(&d);
  checklist(rs, NULL, 0, "3", CK_LEVEL_BASIC, CK_MSG_EN, CK_REPORT_TEXT, CK_ERR_USAGE, &d);
  ck_diags_free(&d);
  const char *nope[] = {"nope"};
  checklist(rs, nope, 1, NULL, CK_LEVEL_BASIC, CK_MSG_EN, CK_REPORT_TEXT, CK_ERR_USAGE, &d);
  OK(d.n == 1 && strcmp(d.items[0].msg, "unknown pack 'nope'") == 0, "unknown pack reported");
  ck_diags_free(&d);
  checklist(rs, NULL, 0, NULL, CK_LEVEL_BASIC, CK_MSG_EN, CK_REPORT_SARIF, CK_ERR_USAGE, &d);
  OK(d.n == 1 && strstr(d.items[0].msg, "cannot be written as sarif"), "format refused");
  ck_diags_free(&d);
  OK(!ck_checklist_format_available(CK_REPORT_JUNIT), "no JUnit checklist");
  OK(ck_checklist_format_available(CK_REPORT_MD), "Markdown checklist");
}

/* The level decides the figure in a clause and in its requirement line; the
   same rule at basic and advanced differs only there. */
static void test_levels(const ck_ruleset *rs) {
  ck_diags d = CK_DIAGS_INIT;
  const char *beta[] = {"beta"};
  char *basic = checklist(rs, beta, 1, NULL, CK_LEVEL_BASIC, CK_MSG_EN, CK_REPORT_TEXT, CK_OK, &d);
  char *adv =
      checklist(rs, beta, 1, NULL, CK_LEVEL_ADVANCED, CK_MSG_EN, CK_REPORT_TEXT, CK_OK, &d);
  HAS(basic, "Furniture shall carry at least 5 years of warranty.");
  HAS(adv, "Furniture shall carry at least 7.5 years of warranty.");
  HAS(basic, "Level: basic");
  HAS(adv, "Level: advanced");
  LACKS(basic, "7.5");
  /* Rules without a figure read the same at every level. */
  HAS(basic, "Products shall carry the Nordic Swan or equivalent.");
  HAS(adv, "Products shall carry the Nordic Swan or equivalent.");
  INT_EQ(count(basic, "[ ] "), 3, "three clauses at basic");
  INT_EQ(count(adv, "[ ] "), 3, "three clauses at advanced");
  free(basic);
  free(adv);
  ck_diags_free(&d);
}

/* A category's rule of a criterion takes the place of the always-on pack's
   rule of the same criterion; without the category, the general rule stays. */
static void test_supersede(const ck_ruleset *rs) {
  ck_diags d = CK_DIAGS_INIT;
  const char *beta[] = {"beta"};
  char *with = checklist(rs, beta, 1, NULL, CK_LEVEL_BASIC, CK_MSG_EN, CK_REPORT_CSV, CK_OK, &d);
  char *without =
      checklist(rs, NULL, 0, NULL, CK_LEVEL_BASIC, CK_MSG_EN, CK_REPORT_CSV, CK_OK, &d);
  INT_EQ(count(with, "\"reuse.take-back\""), 1, "one take-back clause with beta");
  HAS(with, "\"beta.take-back\"");
  LACKS(with, "\"alpha.take-back\"");
  INT_EQ(count(without, "\"reuse.take-back\""), 1, "one take-back clause without beta");
  HAS(without, "\"alpha.take-back\"");
  free(with);
  free(without);
  ck_diags_free(&d);
}

int main(void) {
  char dir[] = "/tmp/ck-checklist-XXXXXX";
  if (!mkdtemp(dir) || chdir(dir) != 0) {
    perror("temporary folder");
    return 1;
  }
  write_file("alpha.xml", alpha_xml);
  write_file("beta.xml", beta_xml);
  const char *paths[] = {"alpha.xml", "beta.xml"};
  ck_ruleset *rs = NULL;
  ck_diags d = CK_DIAGS_INIT;
  INT_EQ(ck_ruleset_load(false, paths, 2, &rs, &d), CK_OK, "load test packs");
  for (size_t i = 0; i < d.n; i++)
    fprintf(stderr, "%s\n", d.items[i].msg);
  ck_diags_free(&d);
  if (!rs)
    return 1;

  test_forms(rs);
  test_levels(rs);
  test_supersede(rs);

  ck_ruleset_free(rs);
  unlink("alpha.xml");
  unlink("beta.xml");
  if (chdir("/") == 0)
    rmdir(dir);
  return ck_test_report();
}

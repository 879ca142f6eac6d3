/* Tests of the guide (guide.c) on the two fixture packs (fixture_packs.h):
 * the HTML page groups criteria by category with every rule's figures per
 * level, its clause in both languages, its passing examples and its source;
 * a search keeps only the criteria with every word (any case) and is shown
 * escaped; the JSON catalogue has every pack and rule with figures and
 * clauses per language and level; other formats are refused. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "circheck.h"
#include "fixture_packs.h"
#include "harness.h"

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

static char *guide(const ck_ruleset *rs, ck_msg_lang lang, const char *query,
                   ck_report_format f) {
  ck_guide_options o = ck_guide_options_default();
  o.lang = lang;
  o.query = query;
  ck_diags d = CK_DIAGS_INIT;
  char *out = NULL;
  size_t len = 0;
  ck_status st = ck_guide_render(rs, &o, f, &out, &len, &d);
  INT_EQ(st, CK_OK, "guide status");
  INT_EQ(d.n, 0, "no diagnostics");
  ck_diags_free(&d);
  if (out)
    INT_EQ(strlen(out), len, "guide length");
  return out;
}

static void test_page(const ck_ruleset *rs) {
  char *html = guide(rs, CK_MSG_EN, NULL, CK_REPORT_HTML);
  if (!html)
    return;
  /* every criterion with a rule, under its category */
  HAS(html, "<section class=\"guide-criterion\" id=\"lifetime.warranty\"");
  HAS(html, "<section class=\"guide-criterion\" id=\"reuse.take-back\"");
  HAS(html, "<section class=\"guide-criterion\" id=\"material.ecolabel\"");
  LACKS(html, "id=\"waste.food\""); /* no rule of the fixture packs judges it */
  HAS(html, "<h2 id=\"cat-lifetime\">");
  /* figures per level: the advanced one, and spearhead inheriting it */
  HAS(html, "<td>at least 5 years</td><td>at least 7.5 years</td><td>at least 7.5 years</td>");
  /* the clause in both languages, filled with the basic figure */
  HAS(html, "Furniture shall carry at least 5 years of warranty.");
  HAS(html, "Møblene skal ha minst 5 år garanti");
  /* both take-back rules are shown under their criterion */
  HAS(html, "<code>alpha.take-back</code>");
  HAS(html, "<code>beta.take-back</code>");
  /* what counts as evidence: the passing example; the source */
  HAS(html, "Leverandøren skal gi 5 års garanti.");
  HAS(html, "<dd>test</dd>");
  HAS(html, "<input type=\"search\" id=\"guide-search\" name=\"q\" value=\"\" />");
  free(html);

  char *nb = guide(rs, CK_MSG_NB, NULL, CK_REPORT_HTML);
  if (nb) {
    HAS(nb, "<html lang=\"nb\">");
    HAS(nb, "Veileder for sirkulære anskaffelser");
    HAS(nb, "Furniture shall carry at least 5 years of warranty."); /* every language */
    free(nb);
  }
}

static void test_search(const ck_ruleset *rs) {
  /* any case, words of the clause in another language, all words needed */
  char *hit = guide(rs, CK_MSG_EN, "GARANTI", CK_REPORT_HTML);
  if (hit) {
    HAS(hit, "id=\"lifetime.warranty\"");
    LACKS(hit, "id=\"reuse.take-back\"");
    LACKS(hit, "id=\"material.ecolabel\"");
    free(hit);
  }
  char *both = guide(rs, CK_MSG_EN, "furniture take", CK_REPORT_HTML);
  if (both) {
    HAS(both, "id=\"reuse.take-back\"");
    LACKS(both, "id=\"lifetime.warranty\"");
    free(both);
  }
  char *none = guide(rs, CK_MSG_EN, "<b>\"nothing\"", CK_REPORT_HTML);
  if (none) {
    HAS(none, "No criterion matches the search.");
    HAS(none, "value=\"&lt;b&gt;&quot;nothing&quot;\"");
    LACKS(none, "<b>\"nothing\"");
    free(none);
  }
}

static void test_json(const ck_ruleset *rs) {
  char *json = guide(rs, CK_MSG_EN, NULL, CK_REPORT_JSON);
  if (!json)
    return;
  HAS(json, "\"levels\": [\n    \"basic\",\n    \"advanced\",\n    \"spearhead\"\n  ]");
  HAS(json, "\"id\": \"alpha\"");
  HAS(json, "\"always\": true");
  HAS(json, "\"id\": \"beta.warranty\"");
  HAS(json, "\"advanced\": 7.5");
  HAS(json, "\"basic\": \"Møblene skal ha minst 5 år garanti (nivå basis).\"");
  HAS(json, "\"text\": \"Leverandøren skal ta tilbake møbler.\"");
  HAS(json, "\"cpv\": [\n        \"391\"\n      ]");
  free(json);

  ck_guide_options o = ck_guide_options_default();
  ck_diags d = CK_DIAGS_INIT;
  char *out = (char *)"unset";
  size_t len = 9;
  INT_EQ(ck_guide_render(rs, &o, CK_REPORT_SARIF, &out, &len, &d), CK_ERR_USAGE, "sarif refused");
  OK(out == NULL && len == 0, "nothing written");
  INT_EQ(d.n, 1, "one diagnostic");
  ck_diags_free(&d);
}

int main(void) {
  char dir[] = "/tmp/ck-guide-XXXXXX";
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
  ck_diags_free(&d);
  if (!rs)
    return 1;
  test_page(rs);
  test_search(rs);
  test_json(rs);
  ck_ruleset_free(rs);
  unlink("alpha.xml");
  unlink("beta.xml");
  if (chdir("/") == 0)
    rmdir(dir);
  return ck_test_report();
}

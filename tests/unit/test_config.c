/* Tests of configuration files and waivers: dates, finding the nearest
 * .circheck.yml by walking up (absolute and relative paths, folders, "-"),
 * resolving settings and waivers for a file through overrides and globs,
 * and reading waivers from comments (positions across CRLF and multi-byte
 * characters, and one clear error for a mistyped one). */
#define _DEFAULT_SOURCE /* mkdtemp */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "harness.h"
#include "waivers.h"

static void write_file(const char *path, const char *text) {
  FILE *f = fopen(path, "w");
  if (!f) {
    perror(path);
    exit(2);
  }
  fputs(text, f);
  fclose(f);
}

static char *join(const char *a, const char *b) {
  char *out = malloc(strlen(a) + strlen(b) + 2);
  sprintf(out, "%s/%s", a, b);
  return out;
}

static void test_dates(void) {
  OK(ck_date_valid("2027-06-30", 10), "an ordinary date");
  OK(ck_date_valid("2028-02-29", 10), "a leap day");
  OK(!ck_date_valid("2027-02-29", 10), "no leap day in 2027");
  OK(!ck_date_valid("2100-02-29", 10), "no leap day in 2100");
  OK(!ck_date_valid("2027-13-01", 10), "month 13");
  OK(!ck_date_valid("2027-6-30", 9), "one-digit month");
  OK(!ck_date_valid("30.06.2027", 10), "a Norwegian date");
  OK(ck_date_passed("2000-01-01"), "2000 is past");
  OK(!ck_date_passed("2999-12-31"), "2999 is not");
}

static void test_find(const char *root) {
  char *a = join(root, "a"), *ab = join(root, "a/b"), *abc = join(root, "a/b/c");
  mkdir(a, 0777);
  mkdir(ab, 0777);
  mkdir(abc, 0777);
  char *file = join(abc, "tender.txt");
  write_file(file, "Anbud\n");
  char *found = ck_config_find(file);
  OK(found == NULL, "no configuration anywhere above: got %s", found ? found : "(null)");
  free(found);

  char *top = join(root, CK_CONFIG_NAME);
  write_file(top, "level: advanced\n");
  found = ck_config_find(file);
  STR_EQ(found, top, "three folders up");
  free(found);

  char *near = join(ab, CK_CONFIG_NAME);
  write_file(near, "level: spearhead\n");
  found = ck_config_find(file);
  STR_EQ(found, near, "the nearest one wins");
  free(found);
  found = ck_config_find(ab);
  STR_EQ(found, near, "a folder's own");
  free(found);
  found = ck_config_find(a);
  STR_EQ(found, top, "a folder above the nearer one");
  free(found);

  /* relative paths stay relative, above the current folder too */
  char cwd[4096];
  if (!getcwd(cwd, sizeof cwd) || chdir(abc) != 0) {
    perror("chdir");
    exit(2);
  }
  found = ck_config_find("tender.txt");
  STR_EQ(found, "../.circheck.yml", "relative, one up");
  free(found);
  found = ck_config_find("-");
  STR_EQ(found, "../.circheck.yml", "standard input: from the current folder");
  free(found);
  unlink(near);
  found = ck_config_find("./tender.txt");
  STR_EQ(found, "../../../.circheck.yml", "relative, three up");
  free(found);
  if (chdir(cwd) != 0)
    exit(2);

  free(a);
  free(ab);
  free(abc);
  free(file);
  free(top);
  free(near);
}

static void test_resolve(const char *root) {
  char *path = join(root, "resolve.yml");
  write_file(path, "level: advanced\n"
                   "languages: [nn, en, nn]\n"
                   "packs: furniture\n"
                   "fail-on: never\n"
                   "exclude: [\"*.draft.txt\", arkiv]\n"
                   "waivers:\n"
                   "  - criterion: reuse.disassembly\n"
                   "    reason: glued\n"
                   "    paths: [\"stoler/*\"]\n"
                   "  - rule: core.ecolabel\n"
                   "    reason: \"none exists\"\n"
                   "    expires: 2999-12-31\n"
                   "overrides:\n"
                   "  - paths: [\"stoler/*\"]\n"
                   "    level: spearhead\n"
                   "  - paths: [\"stoler/kontor/*\"]\n"
                   "    packs: [ict, furniture]\n"
                   "    fail-on: partial\n");
  ck_diags diags = CK_DIAGS_INIT;
  ck_config *cfg = NULL;
  INT_EQ(ck_config_load(path, &cfg, &diags), CK_OK, "loads");
  INT_EQ(diags.n, 0, "no diagnostics");
  if (!cfg)
    return;

  char *plain = join(root, "bord.txt"), *chair = join(root, "stoler/kontor/stol.txt");
  char *folder = join(root, "stoler");
  mkdir(folder, 0777);
  char *office = join(root, "stoler/kontor");
  mkdir(office, 0777);
  write_file(plain, "x\n");
  write_file(chair, "x\n");

  ck_config_settings set;
  const ck_waiver **w = NULL;
  size_t nw = 0;
  ck_config_for_file(cfg, plain, &set, &w, &nw);
  OK(set.has_level && set.level == CK_LEVEL_ADVANCED, "top level");
  OK(set.has_packs && set.npacks == 1 && strcmp(set.packs[0], "furniture") == 0,
     "one name for a list of one");
  OK(set.has_fail_on && set.fail_on == CK_RESULT_STATUS_COUNT, "never");
  OK(!set.has_lang && !set.has_doc_lang, "unset keys stay unset");
  OK(set.has_languages && set.nlanguages == 2 && set.languages[0] == CK_LANG_NN &&
         set.languages[1] == CK_LANG_EN,
     "languages in order, each once");
  INT_EQ(nw, 1, "only the waiver without paths");
  OK(nw == 1 && strcmp(w[0]->id, "core.ecolabel") == 0 && w[0]->is_rule, "the rule waiver");
  free(w);

  ck_config_for_file(cfg, chair, &set, &w, &nw);
  OK(set.level == CK_LEVEL_SPEARHEAD, "the first override");
  OK(set.npacks == 2 && strcmp(set.packs[0], "ict") == 0, "the second override's packs");
  OK(set.fail_on == CK_STATUS_PARTIAL, "the second override's fail-on");
  INT_EQ(nw, 2, "both waivers");
  OK(nw == 2 && strcmp(w[0]->id, "reuse.disassembly") == 0 && !w[0]->is_rule &&
         strcmp(w[0]->reason, "glued") == 0 && w[0]->at.line == 7 && w[0]->at.col == 5,
     "the criterion waiver, with its position");
  free(w);

  char *draft = join(root, "x.draft.txt"), *archived = join(root, "arkiv/old.txt");
  char *archive = join(root, "arkiv");
  mkdir(archive, 0777);
  free(archive);
  write_file(archived, "x\n");
  OK(ck_config_excludes(cfg, draft), "excluded by file name");
  OK(ck_config_excludes(cfg, archived), "excluded by folder");
  OK(!ck_config_excludes(cfg, plain), "not excluded");
  ck_config_free(cfg);
  ck_diags_free(&diags);
  free(path);
  free(plain);
  free(chair);
  free(folder);
  free(office);
  free(draft);
  free(archived);
}

static void test_scan(void) {
  const char *text = "# Tittel\r\n\r\nÆØÅ <!-- circheck: waive core.ecolabel until 2027-06-30:\r\n"
                     "  finnes ikke -->\r\n<!-- an ordinary comment -->\n"
                     "<!--circheck:waive furniture.warranty: Rammeavtalen-->\n<!-- unclosed";
  ck_waiver *w = NULL;
  size_t n = 0;
  ck_diags diags = CK_DIAGS_INIT;
  INT_EQ(ck_waivers_scan("t.md", text, strlen(text), &w, &n, &diags), CK_OK, "scans");
  INT_EQ(n, 2, "two waivers");
  if (n == 2) {
    STR_EQ(w[0].id, "core.ecolabel", "first id");
    STR_EQ(w[0].expires, "2027-06-30", "until");
    STR_EQ(w[0].reason, "finnes ikke", "reason across a line break, trimmed");
    INT_EQ(w[0].at.line, 3, "line after CRLF");
    INT_EQ(w[0].at.col, 5, "column in characters, not bytes");
    OK(w[0].in_source, "in the document");
    STR_EQ(w[1].id, "furniture.warranty", "without spaces");
    STR_EQ(w[1].reason, "Rammeavtalen", "second reason");
    INT_EQ(w[1].at.line, 6, "second line");
    OK(w[1].expires[0] == '\0', "no expiry");
  }
  ck_waivers_free(w, n);

  static const struct {
    const char *text;
    unsigned line, col;
  } bad[] = {
      {"x\n  <!-- circheck: wave core.ecolabel: r -->", 2, 3},
      {"<!-- circheck: waive : r -->", 1, 1},
      {"<!-- circheck: waive core.ecolabel -->", 1, 1},
      {"<!-- circheck: waive core.ecolabel:   -->", 1, 1},
      {"<!-- circheck: waive core.ecolabel until 2027-02-30: r -->", 1, 1},
  };
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    w = NULL;
    n = 0;
    ck_diags d = CK_DIAGS_INIT;
    INT_EQ(ck_waivers_scan("b.md", bad[i].text, strlen(bad[i].text), &w, &n, &d), CK_ERR_INPUT,
           bad[i].text);
    OK(d.n == 1 && d.items[0].line == bad[i].line && d.items[0].col == bad[i].col,
       "one error at %u:%u for %s", bad[i].line, bad[i].col, bad[i].text);
    ck_waivers_free(w, n);
    ck_diags_free(&d);
  }
  ck_diags_free(&diags);
}

int main(void) {
  char tmpl[] = "/tmp/circheck-config-XXXXXX";
  char *root = mkdtemp(tmpl);
  if (!root) {
    perror("mkdtemp");
    return 2;
  }
  test_dates();
  test_find(root);
  test_resolve(root);
  test_scan();
  char cmd[256];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
  if (system(cmd) != 0)
    fprintf(stderr, "could not remove %s\n", root);
  return ck_test_report();
}

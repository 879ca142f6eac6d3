/* Tests of the report (report.c): which files a folder gives, in what order;
 * what a file that cannot be checked does to the report; the status
 * threshold behind the exit code; atomic output files. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "eval.h"
#include "harness.h"

static void write_file(const char *path, const char *text) {
  FILE *f = fopen(path, "wb");
  if (!f || fputs(text, f) == EOF || fclose(f) != 0) {
    perror(path);
    exit(2);
  }
}

static char *read_file(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return NULL;
  char *buf = calloc(1, 4096);
  size_t n = buf ? fread(buf, 1, 4095, f) : 0;
  (void)n;
  fclose(f);
  return buf;
}

static void free_files(char **files, size_t n) {
  for (size_t i = 0; i < n; i++)
    free(files[i]);
  free(files);
}

/* A folder gives its regular files, sorted, recursively; hidden entries are
   skipped without a word, a symbolic link with a warning unless links are
   followed, and a loop of links, followed, ends the walk with a warning
   instead of recursing. */
static void test_collect(void) {
  mkdir("tender", 0700);
  mkdir("tender/b-vedlegg", 0700);
  mkdir("tender/.git", 0700);
  write_file("tender/c.txt", "c");
  write_file("tender/a.md", "a");
  write_file("tender/b-vedlegg/krav.txt", "k");
  write_file("tender/.git/config", "x");
  write_file("tender/.skjult.txt", "x");
  OK(symlink("..", "tender/b-vedlegg/loop") == 0 || errno == EEXIST, "a link back up");

  char **files = NULL;
  size_t n = 0, cap = 0;
  ck_diags d = CK_DIAGS_INIT;
  for (unsigned flags = 0; flags <= CK_WALK_FOLLOW_LINKS; flags += CK_WALK_FOLLOW_LINKS) {
    INT_EQ(ck_collect_paths_with("tender", flags, &files, &n, &cap, &d), CK_OK,
           "walk the folder");
    INT_EQ(n, 3, "three files: hidden ones and the loop left out");
    if (n == 3) {
      STR_EQ(files[0], "tender/a.md", "sorted by name");
      STR_EQ(files[1], "tender/b-vedlegg/krav.txt", "a subfolder in its place");
      STR_EQ(files[2], "tender/c.txt", "last");
    }
    INT_EQ(d.n, 1, "one diagnostic: the link");
    if (d.n == 1) {
      INT_EQ(d.items[0].level, CK_DIAG_WARNING, "a warning");
      STR_EQ(d.items[0].file, "tender/b-vedlegg/loop", "names the link");
      STR_EQ(d.items[0].msg,
             flags ? "skipped: the folder is one it is in (a loop)"
                   : "skipped: a symbolic link (--follow follows links)",
             "says why it was skipped");
    }
    ck_diags_free(&d);
    free_files(files, n);
    files = NULL;
    n = cap = 0;
  }
  /* a file and '-' go through as they are; a missing path too (reading it
     reports what is wrong) */
  INT_EQ(ck_collect_paths("tender/c.txt", &files, &n, &cap, &d), CK_OK, "a file");
  INT_EQ(ck_collect_paths("-", &files, &n, &cap, &d), CK_OK, "standard input");
  INT_EQ(ck_collect_paths("nowhere.txt", &files, &n, &cap, &d), CK_OK, "a missing path");
  INT_EQ(n, 3, "appended");
  if (n == 3)
    STR_EQ(files[2], "nowhere.txt", "kept as given");
  ck_diags_free(&d);
  free_files(files, n);
}

/* What the progress function saw: every call's 'done' and 'total'. */
typedef struct progress_seen {
  size_t calls, last_done, total;
  bool in_order; /* each call one more than the one before */
} progress_seen;

static void note_progress(void *ctx, size_t done, size_t total) {
  progress_seen *p = ctx;
  if (done != p->last_done + 1)
    p->in_order = false;
  p->calls++;
  p->last_done = done;
  p->total = total;
}

/* A file that cannot be checked adds nothing and says why; the others are
   checked and kept in the order given, whatever the number of threads. The
   progress function hears of every file, failed ones too, once, in order. */
static void test_check_files(const ck_ruleset *rs) {
  write_file("ok1.txt", "# Kontraktsvilkår\n\nLeverandøren skal ta tilbake emballasjen.\n");
  write_file("ok2.txt", "# Kravspesifikasjon\n\nLeverandøren bør ta tilbake emballasjen.\n");
  write_file("binary.txt", "PK\x03\x04\x01\x02\x03");
  char *files[] = {"ok1.txt", "missing.txt", "binary.txt", "ok2.txt"};
  for (unsigned jobs = 1; jobs <= 3; jobs += 2) {
    ck_check_options o = ck_check_options_default();
    ck_report *r = ck_report_new(rs, &o);
    ck_diags d = CK_DIAGS_INIT;
    progress_seen seen = {.in_order = true};
    ck_report_set_progress(r, note_progress, &seen);
    ck_status st = ck_report_check_files(r, files, 4, jobs, &d);
    OK(seen.calls == 4, "jobs %u: one progress call per file, got %zu", jobs, seen.calls);
    OK(seen.last_done == 4 && seen.total == 4, "jobs %u: 4 of 4 done at the end, got %zu of %zu",
       jobs, seen.last_done, seen.total);
    OK(seen.in_order, "jobs %u: done rises by one each call", jobs);
    OK(st != CK_OK, "jobs %u: the first failure is returned (%s)", jobs, ck_status_name(st));
    INT_EQ(ck_report_document_count(r), 2, "two documents checked");
    INT_EQ(d.n >= 2, 1, "a diagnostic for each file that could not be checked");
    if (d.n >= 2) {
      STR_EQ(d.items[0].file, "missing.txt", "in the order given");
      STR_EQ(d.items[1].file, "binary.txt", "then the next");
      INT_EQ(d.items[0].level, CK_DIAG_ERROR, "an error");
    }
    /* the take-back rule passes in ok1 and is a wish in ok2: the worst is
       a partial, and with a fail threshold nothing fails on it */
    OK(ck_report_has_status_at_or_above(r, CK_STATUS_PARTIAL), "a partial is there");
    OK(!ck_report_has_status_at_or_above(r, CK_STATUS_ERROR), "nothing could not be judged");
    ck_diags_free(&d);
    ck_report_free(r);
  }
}

/* Renders the one-document report of 'path' read from disk, or of its bytes
   handed over in memory under the same name. */
static char *json_of(const ck_ruleset *rs, const char *path, const char *data, size_t len,
                     ck_status *st, ck_diags *d) {
  ck_check_options o = ck_check_options_default();
  ck_report *r = ck_report_new(rs, &o);
  *st = data ? ck_report_check_buffer(r, path, data, len, d) : ck_report_check_file(r, path, d);
  ck_render_options ro = {.fail_on = CK_STATUS_FAIL};
  size_t n;
  char *out = ck_report_render(r, CK_REPORT_JSON, &ro, &n);
  ck_report_free(r);
  return out;
}

/* A document in memory gives the report a file of the same bytes gives,
   for text, XML, Word, OpenDocument and PDF; its problems read the same;
   the name labels it and is never opened. */
static void test_check_buffer(const ck_ruleset *rs) {
  const char *samples[] = {"furniture-en.md", "ict-nb.xml", "canteen-nn.txt",
                           "office/furniture-en.docx", "office/cleaning-nb.odt",
                           "office/ict-en.pdf"};
  for (size_t i = 0; i < sizeof samples / sizeof *samples; i++) {
    char rel[256], path[4096];
    snprintf(rel, sizeof rel, "samples/%s", samples[i]);
    size_t len = 0;
    char *bytes = ck_test_fixture(rel, &len);
    snprintf(path, sizeof path, "%s/%s", getenv("CIRCHECK_SOURCE_DIR"), rel);
    ck_diags d1 = CK_DIAGS_INIT, d2 = CK_DIAGS_INIT;
    ck_status s1, s2;
    char *from_file = json_of(rs, path, NULL, 0, &s1, &d1);
    char *from_memory = json_of(rs, path, bytes, len, &s2, &d2);
    OK(s1 == CK_OK && s2 == CK_OK, "%s: checked both ways", samples[i]);
    OK(from_file && from_memory && strcmp(from_memory, from_file) == 0,
       "%s: the same JSON report from memory as from the file", samples[i]);
    OK(d2.n == d1.n, "%s: the same diagnostics", samples[i]);
    free(from_file);
    free(from_memory);
    free(bytes);
    ck_diags_free(&d1);
    ck_diags_free(&d2);
  }
  /* the name is only a label: a path that does not exist checks fine */
  ck_check_options o = ck_check_options_default();
  ck_report *r = ck_report_new(rs, &o);
  ck_diags d = CK_DIAGS_INIT;
  const char *text = "# Kontraktsvilkår\n\nLeverandøren skal ta tilbake emballasjen.\n";
  INT_EQ(ck_report_check_buffer(r, "no/such/dir/draft.txt", text, strlen(text), &d), CK_OK,
         "a name that is no file");
  INT_EQ(ck_report_document_count(r), 1, "checked");
  /* bad bytes: one error naming the label, line and column, nothing added */
  INT_EQ(ck_report_check_buffer(r, "bad.xml", "<a><b></a>", 10, &d), CK_ERR_INPUT,
         "malformed XML");
  INT_EQ(ck_report_document_count(r), 1, "nothing added");
  INT_EQ(d.n, 1, "one diagnostic");
  if (d.n == 1) {
    STR_EQ(d.items[0].file, "bad.xml", "labelled with the name");
    OK(d.items[0].line == 1 && d.items[0].col > 0, "with a position");
  }
  ck_diags_free(&d);
  ck_report_free(r);
  /* the input cap holds for memory as for files */
  o.limits.max_input_bytes = 16;
  r = ck_report_new(rs, &o);
  INT_EQ(ck_report_check_buffer(r, "big.txt", text, strlen(text), &d), CK_ERR_LIMIT,
         "over the input cap");
  ck_diags_free(&d);
  ck_report_free(r);
}

static bool write_all(void *f, const char *s) { return ck_atomic_file_write(f, s, strlen(s)); }

/* An output file appears whole or not at all, and a failed run leaves the
   old one as it was. */
static void test_atomic_file(void) {
  write_file("report.json", "old");
  ck_diags d = CK_DIAGS_INIT;
  ck_atomic_file *f = ck_atomic_file_open("report.json", &d);
  OK(f != NULL, "opened");
  if (f) {
    OK(write_all(f, "{\"new\": "), "first part");
    char *mid = read_file("report.json");
    STR_EQ(mid, "old", "the old report stays until the new one is complete");
    free(mid);
    OK(write_all(f, "true}\n"), "second part");
    INT_EQ(ck_atomic_file_commit(f, &d), CK_OK, "committed");
    char *done = read_file("report.json");
    STR_EQ(done, "{\"new\": true}\n", "the new report in place");
    free(done);
  }
  f = ck_atomic_file_open("report.json", &d);
  if (f) {
    write_all(f, "half");
    ck_atomic_file_abort(f);
    char *kept = read_file("report.json");
    STR_EQ(kept, "{\"new\": true}\n", "an aborted write leaves the file as it was");
    free(kept);
  }
  OK(ck_atomic_file_open("no-such-folder/report.json", &d) == NULL, "an unwritable path");
  INT_EQ(d.n, 1, "says so");
  if (d.n)
    STR_EQ(d.items[0].file, "no-such-folder/report.json", "naming the path");
  ck_diags_free(&d);
  remove("report.json");
}

int main(void) {
  char dir[] = "/tmp/circheck-report-XXXXXX";
  if (!mkdtemp(dir) || chdir(dir) != 0) {
    perror("temporary folder");
    return 1;
  }
  ck_ruleset *rs = NULL;
  ck_diags d = CK_DIAGS_INIT;
  INT_EQ(ck_ruleset_load(true, NULL, 0, &rs, &d), CK_OK, "built-in packs");
  ck_diags_free(&d);
  if (!rs)
    return 1;

  test_collect();
  test_check_files(rs);
  test_check_buffer(rs);
  test_atomic_file();

  ck_ruleset_free(rs);
  const char *const left[] = {"tender/b-vedlegg/loop", "tender/b-vedlegg/krav.txt",
                              "tender/.git/config", "tender/.skjult.txt", "tender/a.md",
                              "tender/c.txt", "ok1.txt", "ok2.txt", "binary.txt"};
  for (size_t i = 0; i < sizeof left / sizeof *left; i++)
    remove(left[i]);
  rmdir("tender/b-vedlegg");
  rmdir("tender/.git");
  rmdir("tender");
  if (chdir("/") != 0 || rmdir(dir) != 0)
    perror("removing the temporary folder");
  return ck_test_report();
}

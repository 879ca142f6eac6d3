/* Counting for circheck stats: the intervals against published figures,
   groups and their views, the most-missing order, and the line reader the
   JSON Lines input goes through. */
#include <stdint.h>
#include <stdio.h>
#include <unistd.h>

#include "harness.h"
#include "line_reader.h"
#include "proportion.h"
#include "stats.h"

static void test_intervals(void) {
  /* Newcombe, Statistics in Medicine 17 (1998): 81/263 gives Wilson's
     0.2553-0.3662; 56/70 against 48/80 a difference of 0.2000 with the
     hybrid score interval 0.0524-0.3339 (method 10). */
  ck_interval w = ck_wilson(81, 263, CK_Z95);
  OK(fabs(w.low - 0.2553) < 5e-5 && fabs(w.high - 0.3662) < 5e-5, "Wilson 81/263: %.4f-%.4f",
     w.low, w.high);
  ck_interval d = ck_newcombe(48, 80, 56, 70, CK_Z95);
  OK(fabs(d.estimate - 0.2) < 1e-12 && fabs(d.low - 0.0524) < 5e-5 && fabs(d.high - 0.3339) < 5e-5,
     "Newcombe 56/70 - 48/80: %.4f (%.4f, %.4f)", d.estimate, d.low, d.high);
  ck_interval none = ck_wilson(0, 10, CK_Z95), all = ck_wilson(10, 10, CK_Z95);
  OK(none.low == 0 && none.high > 0.27 && none.high < 0.28, "0/10: from exactly 0");
  OK(all.high == 1 && all.low > 0.72 && all.low < 0.73, "10/10: up to exactly 1");
  ck_interval empty = ck_wilson(0, 0, CK_Z95);
  OK(empty.low == 0 && empty.high == 1, "no observations: all of [0, 1]");
}

static ck_stats *fixture(void) {
  ck_stats *s = calloc(1, sizeof *s);
  const char *ids[] = {"a.one", "b.two", "award.environment-weight"};
  s->ncriteria = 3;
  s->criteria = calloc(3, sizeof *s->criteria);
  s->categories = calloc(3, sizeof *s->categories);
  for (int i = 0; i < 3; i++) {
    s->criteria[i] = strdup(ids[i]);
    s->categories[i] = strdup(ids[i]);
    s->categories[i][1] = '\0';
  }
  return s;
}

static void count(ck_stats *s, const char *date, const char *cpv, ck_result_status a,
                  ck_result_status b, ck_result_status env) {
  const char *packs[] = {"core", "core", "x"};
  ck_result_status status[] = {a, b, env};
  ck_stats_doc doc = {.buyer = "  Kommune\t A ", .date = date, .cpv = cpv, .packs = packs,
                      .npacks = 3, .status = status};
  ck_stats_count(s, &doc);
}

static void test_groups(void) {
  ck_stats *s = fixture();
  count(s, "2023-12-31", "45000000", CK_STATUS_PASS, CK_STATUS_FAIL, CK_STATUS_PASS);
  count(s, "2024-01", "4", CK_STATUS_FAIL, CK_STATUS_FAIL, CK_STATUS_PARTIAL);
  count(s, "2024-13-01", NULL, CK_STATUS_NOT_APPLICABLE, CK_STATUS_PARTIAL, CK_STATUS_ERROR);
  count(s, "20240201", "x5", CK_STATUS_FAIL, CK_RESULT_STATUS_COUNT, CK_STATUS_FAIL);
  INT_EQ(ck_stats_documents(s), 4, "documents");
  size_t n;
  ck_stats_group *g = ck_stats_view(s, CK_BY_PACK, &n);
  OK(n == 2 && strcmp(g[0].key, "core") == 0 && g[0].documents == 4 && g[1].documents == 4,
     "a pack named twice counts once");
  ck_stats_view_free(s, g, n);
  g = ck_stats_view(s, CK_BY_BUYER, &n);
  OK(n == 1 && strcmp(g[0].key, "Kommune A") == 0, "buyer names: spaces made one, ends trimmed");
  ck_stats_view_free(s, g, n);
  g = ck_stats_view(s, CK_BY_CPV, &n);
  OK(n == 2 && strcmp(g[0].key, "45") == 0 && strcmp(g[1].key, "none") == 0 &&
         g[1].documents == 3,
     "CPV divisions: two digits or none");
  ck_stats_view_free(s, g, n);
  g = ck_stats_view(s, CK_BY_MONTH, &n);
  OK(n == 3 && strcmp(g[0].key, "2023-12") == 0 && strcmp(g[1].key, "2024-01") == 0 &&
         strcmp(g[2].key, "unknown") == 0 && g[2].documents == 2,
     "months; month 13 and an undashed date are unknown");
  ck_stats_view_free(s, g, n);
  g = ck_stats_view(s, CK_BY_QUARTER, &n);
  OK(n == 3 && strcmp(g[0].key, "2023-Q4") == 0 && strcmp(g[1].key, "2024-Q1") == 0,
     "quarters from months");
  ck_stats_view_free(s, g, n);
  g = ck_stats_view(s, CK_BY_ALL, &n);
  ck_stats_share a = ck_stats_share_of(s, &g[0], 0), b = ck_stats_share_of(s, &g[0], 1);
  OK(a.applicable == 3 && a.found == 1 && a.missing == 2, "a.one: 1 of 3 found");
  OK(b.applicable == 3 && b.found == 1 && b.pass == 0, "b.two: a missing status is n/a");
  INT_EQ(g[0].counts[1 * CK_RESULT_STATUS_COUNT + CK_STATUS_NOT_APPLICABLE], 1,
         "not named: not-applicable");
  size_t top[3];
  size_t k = ck_stats_most_missing(s, &g[0], 3, top);
  /* a.one 2/3 and b.two 2/3 tie on share and count: table order; env 1/3 */
  OK(k == 3 && top[0] == 0 && top[1] == 1 && top[2] == 2, "most missing order");
  k = ck_stats_most_missing(s, &g[0], 1, top);
  OK(k == 1 && top[0] == 0, "only the top one");
  INT_EQ(ck_stats_env_criterion(s), 2, "the § 7-9 criterion");
  ck_stats_view_free(s, g, n);
  ck_stats_free(s);
}

static void test_line_reader(void) {
  char path[] = "/tmp/ck-lines-XXXXXX";
  int fd = mkstemp(path);
  FILE *f = fdopen(fd, "w");
  fputs("one\r\n\n", f);
  for (int i = 0; i < 3000; i++)
    fputs("long-line-", f);
  fputs("\nlast", f);
  fclose(f);
  ck_line_reader r;
  INT_EQ(ck_line_reader_open(&r, path, 1000), 0, "open");
  const char *text;
  size_t len;
  INT_EQ(ck_line_reader_next(&r, &text, &len), CK_LINE_OK, "line 1");
  OK(len == 3 && strcmp(text, "one") == 0, "CR dropped");
  INT_EQ(ck_line_reader_next(&r, &text, &len), CK_LINE_OK, "line 2");
  INT_EQ(len, 0, "an empty line");
  INT_EQ(ck_line_reader_next(&r, &text, &len), CK_LINE_TOO_LONG, "line 3 is over the cap");
  INT_EQ(r.line, 3, "and counted");
  INT_EQ(ck_line_reader_next(&r, &text, &len), CK_LINE_OK, "a last line without a break");
  OK(strcmp(text, "last") == 0 && r.line == 4, "line 4");
  INT_EQ(ck_line_reader_next(&r, &text, &len), CK_LINE_END, "end");
  ck_line_reader_close(&r);
  unlink(path);
}

int main(void) {
  test_intervals();
  test_groups();
  test_line_reader();
  return ck_test_report();
}

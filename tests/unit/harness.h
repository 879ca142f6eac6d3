/* A tiny test harness: CHECK-style assertions that count, and a closing
 * "N passed, N failed" line that CI parsers read. */
#ifndef CK_TEST_HARNESS_H
#define CK_TEST_HARNESS_H

#include <math.h>
#include <stdio.h>
#include <string.h>

static int ck_test_passed, ck_test_failed;

#define OK(cond, ...)                                                                         \
  do {                                                                                        \
    if (cond) {                                                                               \
      ck_test_passed++;                                                                       \
    } else {                                                                                  \
      ck_test_failed++;                                                                       \
      fprintf(stderr, "%s:%d: FAILED: ", __FILE__, __LINE__);                                 \
      fprintf(stderr, __VA_ARGS__);                                                           \
      fputc('\n', stderr);                                                                    \
    }                                                                                         \
  } while (0)

#define INT_EQ(got, want, what)                                                               \
  OK((long long)(got) == (long long)(want), "%s: got %lld, want %lld", (what),               \
     (long long)(got), (long long)(want))

#define NUM_EQ(got, want, what)                                                               \
  OK(fabs((double)(got) - (double)(want)) < 1e-9, "%s: got %g, want %g", (what),             \
     (double)(got), (double)(want))

#define STR_EQ(got, want, what)                                                               \
  OK((got) != NULL && strcmp((got), (want)) == 0, "%s: got \"%s\", want \"%s\"", (what),     \
     (got) ? (got) : "(null)", (want))

static inline int ck_test_report(void) {
  printf("%d passed, %d failed\n", ck_test_passed, ck_test_failed);
  return ck_test_failed ? 1 : 0;
}

#endif

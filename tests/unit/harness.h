/* A tiny test harness: CHECK-style assertions that count, and a closing
 * "N passed, N failed" line that CI parsers read. */
#ifndef CK_TEST_HARNESS_H
#define CK_TEST_HARNESS_H

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
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

/* STR_EQ for a string the call returns and the caller frees. */
#define STR_EQ_OWNED(got, want, what)                                                         \
  do {                                                                                        \
    char *ck_test_owned = (got);                                                              \
    STR_EQ(ck_test_owned, want, what);                                                        \
    free(ck_test_owned);                                                                      \
  } while (0)

/* Reads 'rel' (a path inside the source tree, found through
 * $CIRCHECK_SOURCE_DIR that ctest sets) into a NUL-terminated buffer the
 * caller frees; exits the test run with 2 when the fixture is missing. */
static inline char *ck_test_fixture(const char *rel, size_t *len) {
  const char *root = getenv("CIRCHECK_SOURCE_DIR");
  char path[4096];
  snprintf(path, sizeof path, "%s/%s", root ? root : ".", rel);
  FILE *f = fopen(path, "rb");
  if (!f) {
    fprintf(stderr, "cannot open fixture %s (is CIRCHECK_SOURCE_DIR set?)\n", path);
    exit(2);
  }
  size_t cap = 4096, n = 0, got;
  char *data = malloc(cap + 1);
  while (data && (got = fread(data + n, 1, cap - n, f)) > 0) {
    n += got;
    if (n == cap)
      data = realloc(data, (cap *= 2) + 1);
  }
  fclose(f);
  if (!data) {
    fprintf(stderr, "out of memory reading %s\n", path);
    exit(2);
  }
  data[n] = '\0';
  *len = n;
  return data;
}

static inline int ck_test_report(void) {
  printf("%d passed, %d failed\n", ck_test_passed, ck_test_failed);
  return ck_test_failed ? 1 : 0;
}

#endif

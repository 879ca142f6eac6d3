/* Open addressing with linear probing, at most half full, so a lookup
 * compares about one string. */
#include "strindex.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

static uint64_t hash_of(const char *s) {
  uint64_t h = 1469598103934665603ULL; /* FNV-1a */
  for (; *s; s++)
    h = (h ^ (unsigned char)*s) * 1099511628211ULL;
  return h ^ (h >> 29);
}

static void put(ck_strindex *ix, uint64_t h, size_t pos) {
  size_t mask = ix->cap - 1;
  size_t i = (size_t)h & mask;
  while (ix->slots[i])
    i = (i + 1) & mask;
  ix->slots[i] = (uint32_t)(pos + 1);
}

/* Makes room for n + 1 strings, rebuilding the index from the array. */
static void reserve(ck_strindex *ix, char *const *arr, size_t n) {
  if (2 * (n + 1) <= ix->cap)
    return;
  size_t cap = ix->cap ? ix->cap : 16;
  while (2 * (n + 1) > cap)
    cap *= 2;
  free(ix->slots);
  ix->slots = ck_xcalloc(cap, sizeof *ix->slots);
  ix->cap = cap;
  for (size_t i = 0; i < n; i++)
    put(ix, hash_of(arr[i]), i);
}

bool ck_strindex_seen(ck_strindex *ix, char *const *arr, size_t n, const char *s) {
  if (n >= UINT32_MAX)
    ck_fatal("too many strings for an index", n);
  reserve(ix, arr, n);
  uint64_t h = hash_of(s);
  size_t mask = ix->cap - 1;
  for (size_t i = (size_t)h & mask; ix->slots[i]; i = (i + 1) & mask) {
    ix->compares++;
    if (strcmp(arr[ix->slots[i] - 1], s) == 0)
      return true;
  }
  put(ix, h, n);
  return false;
}

void ck_strindex_free(ck_strindex *ix) {
  free(ix->slots);
  ix->slots = NULL;
  ix->cap = 0;
}

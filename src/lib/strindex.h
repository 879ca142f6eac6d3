/* A hash index over an array of strings that a caller grows in insertion
 * order, for lists kept without duplicates (a document's CPV codes, a
 * lot's green codes). The array stays the caller's and keeps its order; the
 * index only answers "is it there already?" in constant time, where a
 * search of the array made a document with thousands of codes quadratic. */
#ifndef CK_STRINDEX_H
#define CK_STRINDEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct ck_strindex {
  uint32_t *slots; /* position in the array + 1; 0 for an empty slot */
  size_t cap;      /* a power of two, or 0 before the first use */
  size_t compares; /* string comparisons made so far (tests count the work) */
} ck_strindex;

#define CK_STRINDEX_INIT {NULL, 0, 0}

/* True when 's' equals one of arr[0, n). Otherwise records that 's' will be
 * arr[n] and returns false: the caller then appends it. 'arr' must hold
 * exactly the strings given to this index before, in that order. */
bool ck_strindex_seen(ck_strindex *ix, char *const *arr, size_t n, const char *s);

/* Frees the index (not the array). */
void ck_strindex_free(ck_strindex *ix);

#endif

/* The literal prefilter's first half: every rule's patterns reduced to
 * words that any match must contain. ac.h finds all of them in a document
 * in one pass, and the evaluator then runs PCRE2 only on the sentences that
 * hold a candidate word, instead of scanning the whole text once per
 * pattern.
 *
 * Matching folds case like the rules do (ASCII and the Latin-1 letters, so
 * "MØBLER" holds "møbler"). A pattern whose required words cannot be worked
 * out is "unfilterable" and is scanned in full, as before. */
#ifndef CK_LITERALS_H
#define CK_LITERALS_H

#include <stdbool.h>
#include <stddef.h>

#include "ac.h"

/* A list of owned strings. */
typedef struct ck_strlist {
  char **items;
  size_t n, cap;
} ck_strlist;

void ck_strlist_add(ck_strlist *l, const char *s, size_t len);
void ck_strlist_free(ck_strlist *l);

/* Adds to 'out' lower-cased words such that every match of the PCRE2
 * 'pattern' contains at least one of them. Returns false (and leaves 'out'
 * as it was) when no such set of words of at least two bytes is known. */
bool ck_required_literals(const char *pattern, ck_strlist *out);

#endif

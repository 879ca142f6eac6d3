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

/* Marks a word that must match with its case as written (it comes from a
 * "(?-i:...)" group): the byte before the word's text. */
#define CK_EXACT_MARK '\x01'
/* Marks a word that starts a word of the text (it follows "\b" and begins
 * with a letter or digit): the first byte, before any CK_EXACT_MARK. Only
 * ck_required_literal_sets() gives it. */
#define CK_START_MARK '\x02'

/* Adds to 'out' words such that every match of the PCRE2 'pattern'
 * contains at least one of them: lower-cased, or CK_EXACT_MARK and the
 * word in its own case. Returns false (and leaves 'out' as it was) when no
 * such set of words of at least two bytes is known. */
bool ck_required_literals(const char *pattern, ck_strlist *out);

/* For one branch without a top-level '|' (ck_split_branches): the words of
 * ck_required_literals() in 'out' (with CK_START_MARK where it applies),
 * and in 'second' the next best set of
 * words of which every match also contains one, from another part of the
 * branch ("\bheve (?:avtale|kontrakt)\w*": "avtale", "kontrakt" and then
 * "heve"); 'second' stays empty when there is none of four bytes or more.
 * Returns false, adding nothing, when the branch has an alternation at the
 * top or no required words. */
bool ck_required_literal_sets(const char *pattern, ck_strlist *out, ck_strlist *second);

/* Splits 'pattern' at its top-level '|' into branches, appended to 'out'
 * in order. Matching the branches one by one and taking the leftmost match
 * (the earliest branch on a tie) finds what the whole pattern finds, so a
 * sentence can be matched against only the branches whose words it holds.
 * When the pattern uses something that ties branches together (back
 * references, recursion, "(?i)" for the rest of the pattern, verbs), it is
 * appended whole and false is returned. */
bool ck_split_branches(const char *pattern, ck_strlist *out);

#endif

/* The literal prefilter: every rule's patterns reduced to words that any
 * match must contain, and one Aho-Corasick automaton that finds all of them
 * in a document in a single pass. The evaluator then runs PCRE2 only on the
 * sentences that hold a candidate word, instead of scanning the whole text
 * once per pattern.
 *
 * Matching folds case like the rules do (ASCII and the Latin-1 letters, so
 * "MØBLER" holds "møbler"). A pattern whose required words cannot be worked
 * out is "unfilterable" and is scanned in full, as before. */
#ifndef CK_LITERALS_H
#define CK_LITERALS_H

#include <stdbool.h>
#include <stddef.h>

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

/* Folds one UTF-8 text position for matching: ASCII A-Z and Latin-1
 * upper-case letters to lower case. 'prev' is the byte before 'c'. */
static inline unsigned char ck_fold_byte(unsigned char prev, unsigned char c) {
  if (c >= 'A' && c <= 'Z')
    return (unsigned char)(c + 0x20);
  if (prev == 0xC3 && c >= 0x80 && c <= 0x9E && c != 0x97)
    return (unsigned char)(c + 0x20);
  return c;
}

/* An Aho-Corasick automaton over byte strings, as a full transition table:
 * one lookup per input byte. Immutable after ck_ac_build(); shareable
 * between threads. */
typedef struct ck_ac ck_ac;

/* Builds the automaton for 'n' words (already folded). Word i is reported
 * with id i. */
ck_ac *ck_ac_build(char *const *words, size_t n);
void ck_ac_free(ck_ac *ac);

/* Calls 'hit' for every occurrence of every word in text[0, len), folded
 * as above, with the word id and the offset just past the occurrence. */
void ck_ac_scan(const ck_ac *ac, const char *text, size_t len,
                void (*hit)(void *ctx, size_t word, size_t end), void *ctx);

#endif

/* The Aho-Corasick automaton of the literal prefilter: finds every
 * occurrence of many words in one pass over a text, folding case like the
 * rules do. */
#ifndef CK_AC_H
#define CK_AC_H

#include <stdbool.h>
#include <stddef.h>

/* Folds one UTF-8 text position for matching: ASCII A-Z and Latin-1
 * upper-case letters to lower case. 'prev' is the byte before 'c'. */
static inline unsigned char ck_fold_byte(unsigned char prev, unsigned char c) {
  if (c >= 'A' && c <= 'Z')
    return (unsigned char)(c + 0x20);
  if (prev == 0xC3 && c >= 0x80 && c <= 0x9E && c != 0x97)
    return (unsigned char)(c + 0x20);
  return c;
}

/* An Aho-Corasick automaton over byte strings: one class lookup and one
 * table lookup per input byte, in a table with one column per byte that
 * occurs in some word (ac.c). The table is made once the texts scanned add
 * up to 64 KiB; before, texts are scanned on the trie with
 * its failure links, which finds the same. What it finds does not change
 * after ck_ac_build(); it is shared between threads (the table is made
 * under a lock of its own). */
typedef struct ck_ac ck_ac;

/* Builds the automaton for 'n' words (already folded). Word i is reported
 * with id i. */
ck_ac *ck_ac_build(char *const *words, size_t n);
void ck_ac_free(ck_ac *ac);

/* Calls 'hit' for every occurrence of every word in text[0, len), folded
 * as above, with the word id and the offset just past the occurrence. */
void ck_ac_scan(const ck_ac *ac, const char *text, size_t len,
                void (*hit)(void *ctx, size_t word, size_t end), void *ctx);

/* Makes the transition table now, if it is not made yet; and whether it
 * is. For tests: the scans after it use the table whatever their length. */
void ck_ac_make_table(const ck_ac *ac);
bool ck_ac_has_table(const ck_ac *ac);

/* Size figures, for tests and measurements: states, byte classes (distinct
 * word bytes plus one for all other bytes), and the transition table's
 * bytes, made or not (2 per entry below 65,537 states, else 4). */
size_t ck_ac_states(const ck_ac *ac);
size_t ck_ac_classes(const ck_ac *ac);
size_t ck_ac_table_bytes(const ck_ac *ac);

#endif

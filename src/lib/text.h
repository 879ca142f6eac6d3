/* UTF-8 text: stepping over code points, telling word characters and
 * spaces, folding case (ASCII and the Latin-1 Supplement, where Norwegian's
 * Æ Ø Å live), and matching lower-case phrases against tender text. Shared
 * by the scanners of numbers, modality, award weights, subjects and the
 * evaluator, so that every one of them sees the same words.
 *
 * A word character is an ASCII letter or digit or any non-ASCII code point
 * except spaces, dashes, quotes and other punctuation (NBSP, U+2000-U+206F,
 * Latin-1 signs, the guillemets). An apostrophe between two word characters
 * ("can't", "supplier’s") joins them into one word. */
#ifndef CK_TEXT_H
#define CK_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* An ASCII letter or digit. */
static inline bool ck_ascii_alnum(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* Latin-1 Supplement letters are two bytes, 0xC3 and a second byte; the
   capitals' second bytes are 0x80-0x9E except 0x97 (×), and their small
   letters lie 0x20 above. */
static inline bool ck_latin1_capital(unsigned char second) {
  return second >= 0x80 && second <= 0x9E && second != 0x97;
}
/* The second byte of the small letter for 'second' (itself when it is none). */
static inline unsigned char ck_latin1_fold(unsigned char second) {
  return ck_latin1_capital(second) ? (unsigned char)(second + 0x20) : second;
}
/* Whether s[0, n) starts with a capital letter: ASCII or Latin-1 (Æ Ø Å É). */
static inline bool ck_text_upper_at(const unsigned char *s, size_t n) {
  if (n >= 1 && s[0] >= 'A' && s[0] <= 'Z')
    return true;
  return n >= 2 && s[0] == 0xC3 && ck_latin1_capital(s[1]);
}

/* Lower-cases ASCII and the Latin-1 capitals (Æ Ø Å É ...) of text[0, len)
 * into 'out', NUL-terminated and cut to 'cap' - 1 bytes at a character
 * edge; every character keeps its length, so 'out' may be 'text' itself
 * (with 'cap' = len + 1) and offsets into the copy are offsets into the
 * text. Returns the bytes written. */
size_t ck_text_fold(const char *text, size_t len, char *out, size_t cap);

/* Decodes the code point at 'pos' and its length in '*n'. A malformed or
 * truncated sequence counts as one byte decoding to U+FFFD, which is a
 * letter: stray bytes must not invent word boundaries. */
unsigned ck_text_decode(const char *text, size_t len, size_t pos, size_t *n);
/* Whether code point 'cp' is a word character (see above). */
bool ck_text_word_cp(unsigned cp);

/* True when a word character starts at 'pos' (false at or past 'len'). */
bool ck_text_word_at(const char *text, size_t len, size_t pos);
/* True when the code point that ends just before 'pos' is a word character. */
bool ck_text_word_before(const char *text, size_t pos);
/* The offset just past the word (letters, digits, joining apostrophes) that
 * starts at 'pos'; 'pos' itself when no word starts there. */
size_t ck_text_word_end(const char *text, size_t len, size_t pos);
/* The byte length of the space character at 'pos' (ASCII white space, NBSP,
 * U+2000-U+200A, U+202F, U+205F), 0 when there is none. */
size_t ck_text_space_len(const char *text, size_t len, size_t pos);
/* Matches 'pattern' at 'pos', case-folded (ASCII and Latin-1, so "Å" matches
 * "å"; U+2019 matches "'"). The pattern is lower-case words separated by
 * single spaces, each matching one or more spaces in the text; a word ending
 * in '*' matches any word with that prefix; "?" matches any one word. Every
 * word must end at a word boundary. Returns the offset just past the match,
 * 0 when it does not match. The caller checks the boundary before 'pos'. */
size_t ck_text_match_phrase(const char *text, size_t len, size_t pos, const char *pattern);

/* True when the word goes on at 'pos': 'pos' is no word boundary. */
bool ck_text_continues_word(const char *text, size_t len, size_t pos);
/* The offset past the spaces (ck_text_space_len) that start at 'pos'. */
size_t ck_text_skip_spaces(const char *text, size_t len, size_t pos);
/* Compares the 'n' bytes of the lower-case 'pat' with the text at 'pos',
 * folding ASCII and Latin-1 capitals and reading U+2019 as an apostrophe; a
 * space in 'pat' matches one or more spaces. Returns the text bytes
 * consumed, 0 on a mismatch. */
size_t ck_text_fold_prefix(const char *text, size_t len, size_t pos, const char *pat, size_t n);

#endif

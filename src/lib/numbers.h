/* Finding quantities in a sentence: "5 år", "tre (3) år", "fem års",
 * "60 måneder", "ten years", "30 %", "30 prosent", "12,5 percent".
 *
 * Offsets are byte offsets into the text that was scanned. */
#ifndef CK_NUMBERS_H
#define CK_NUMBERS_H

#include <stdbool.h>
#include <stddef.h>

#include "doc.h"
#include "rules.h"

typedef struct ck_quantity {
  double value;        /* as written: 60 for "60 måneder"; the lower bound of a
                          range ("3-5 år" is 3); the total of an option sum
                          ("2 + 2 år" is 4); the digits of "fem (5) år" */
  ck_unit unit;        /* CK_UNIT_YEAR, CK_UNIT_MONTH or CK_UNIT_PERCENT */
  size_t start, end;   /* the whole expression, "tre (3) år" */
  bool duration;       /* belongs to the contract period, an option sum
                          ("2 + 2 år", "avtalen har en varighet på 4 år",
                          "the contract term is 3 years"); never a criterion's figure */
} ck_quantity;

/* Scans 'text' for quantities with a unit and stores up to 'max' of them in
 * 'out' in text order. Number words are read in the language 'lang' (so "to"
 * is two only in Norwegian; "en"/"ett"/"one" count only right before a
 * unit); units in any language. A quantity is a duration when it is an
 * option sum, or when a contract-period word (varighet, avtaleperiode,
 * løpetid, opsjon, forlenge..., duration, contract term, option, extension,
 * renewal) stands in the six words before it, or a "lasts" phrase (gjelder
 * i, løper, inngås for, for a period of, valid for, term) with the agreement
 * named earlier in the sentence; a criterion word (garanti, levetid,
 * reservedel, warranty, lifetime, spare ...) in those words or right after
 * the unit cancels it ("forlenget garanti på 5 år"). Returns how many were
 * found (may exceed 'max'; only 'max' are stored). */
size_t ck_find_quantities(const char *text, size_t len, ck_lang lang, ck_quantity *out,
                          size_t max);

/* Converts 'q' to 'want': months to years (/12) and back; percent only to
 * percent. Returns false when the units do not convert. */
bool ck_quantity_as(const ck_quantity *q, ck_unit want, double *value);

/* Parses one number written as digits ("5", "12,5", "1 000") or as a number
 * word in 'lang' ("fem", "ti", "seven"). Returns the bytes consumed, 0 when
 * 'text' does not start with a number. */
size_t ck_parse_number(const char *text, size_t len, ck_lang lang, double *value);

/* --- word scanning shared with modality.c ------------------------------------
 *
 * A word character is an ASCII letter or digit or any non-ASCII code point
 * except spaces, dashes, quotes and other punctuation (NBSP, U+2000-U+206F,
 * Latin-1 signs, the guillemets). An apostrophe between two word characters
 * ("can't", "supplier’s") joins them into one word. */

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

#endif

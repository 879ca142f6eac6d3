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

#endif

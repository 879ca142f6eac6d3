/* The weights table of a text tender (weights.c). */
#ifndef CK_WEIGHTS_H
#define CK_WEIGHTS_H

#include "doc.h"

/* Finds the weights table of a text tender (rows or list items such as
 * "Pris | 70 %", "Miljø 30 %", "Price 60 %, Environment 40 %" under an award
 * heading, or anywhere when they sum to 100) and stores it in doc->criteria.
 * Called by read_document.c for every document that is not a notice (a
 * notice's criteria come from its fields). */
void ck_doc_extract_weights(ck_doc *doc);

#endif

/* The subject of the contract: the sentences that say what is bought.
 *
 * Real notices and tenders state what they buy rather than require it:
 * "Leie av gravemaskin", "Rammeavtale på service og vedlikehold av
 * sprinkleranlegg", "The contract covers the repair of ...". A rule marked
 * subject="true" reads only these sentences, and when what is bought is
 * itself circular (rental, repair, maintenance, used goods) the criterion is
 * met by the subject of the contract. */
#ifndef CK_SUBJECT_H
#define CK_SUBJECT_H

#include <stdbool.h>
#include <stddef.h>

#include "doc.h"

/* Why a sentence belongs to the subject of the contract. */
typedef enum {
  CK_SUBJECT_NONE,    /* any other sentence */
  CK_SUBJECT_TITLE,   /* the title: the first line or heading, a notice's or lot's title */
  CK_SUBJECT_OPENING, /* the first sentence of the first paragraph after the title */
  CK_SUBJECT_SCOPE,   /* under a scope heading ("Omfang", "Om anskaffelsen", "Scope") */
  CK_SUBJECT_LEAD_IN, /* opens with what is bought ("Konkurransen gjelder", "The contract covers") */
} ck_subject_kind;

/* The answers for one document, worked out sentence by sentence as they are
 * asked for and kept: an evaluation asks about the sentences its subject
 * rules found, each once, in time linear in the document. Not shared
 * between threads. */
typedef struct ck_subject_map ck_subject_map;

ck_subject_map *ck_subject_map_new(const ck_doc *doc);
void ck_subject_map_free(ck_subject_map *m);

/* Whether sentence 'sentence' says what the contract buys, and why. */
ck_subject_kind ck_subject_of(ck_subject_map *m, size_t sentence);

/* Whether a heading text names the scope of the purchase ("2 Omfang",
 * "Om anskaffelsen", "Description of the procurement"). */
bool ck_subject_scope_heading(const char *text, size_t len);

#endif

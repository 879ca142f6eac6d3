/* How strongly a sentence states something: binding (skal, må, shall, must,
 * minimum requirement), a wish (bør, ønskes, should, preferably, will be
 * evaluated), a permission (kan, may), or nothing; and whether it is negated.
 *
 * The classifier works on one sentence at a time and on the position of the
 * words a rule matched, so "Det stilles ikke krav om garanti" negates the
 * warranty while "Leverandøren skal ikke bruke engangsemballasje" binds. */
#ifndef CK_MODALITY_H
#define CK_MODALITY_H

#include <stdbool.h>
#include <stddef.h>

#include "doc.h"

typedef enum {
  CK_MODALITY_NONE,       /* a plain statement or mention */
  CK_MODALITY_BINDING,
  CK_MODALITY_WISH,
  CK_MODALITY_PERMISSION,
  CK_MODALITY_COUNT
} ck_modality;

const char *ck_modality_name(ck_modality m); /* "none", "binding", "wish", "permission" */

typedef struct ck_sentence_mode {
  ck_modality modality;
  /* "Det stilles ikke krav om ...", "ingen krav til", "kreves ikke", "gjelder ikke",
     "no requirement for", "is not required", "does not apply": the requirement
     itself is waived. */
  bool waived;
  /* A negation word (ikke, ingen, uten, not, no, without, never, ...) stands
     within a few words before the matched words, or between the modal verb
     and them ("skal ikke være brukte"). */
  bool negated;
  size_t cue_start, cue_end; /* the modal or negation words, for highlighting; 0,0 if none */
} ck_sentence_mode;

/* Classifies 'sentence' (UTF-8) for the rule match at [match_start,
 * match_end). Words are read in the language 'lang'; Norwegian cues are
 * recognised in nb and nn alike. */
ck_sentence_mode ck_classify_sentence(const char *sentence, size_t len, ck_lang lang,
                                      size_t match_start, size_t match_end);

/* Whether the sentence tells a purpose or the buyer's own plan rather than
 * what the supplier must do: "Hensikten er å ...", "Målet med avtalen er
 * ...", "The authority intends to ...", "Kommunen planlegger ...". Such a
 * sentence is background, however it is worded. */
bool ck_sentence_states_purpose(const char *sentence, size_t len);

#endif

/* The rule set's literal prefilter: which words point at which rules, per
 * document language, and the candidate sentences of a document for every
 * rule (literals.h has the matching machinery). */
#ifndef CK_PREFILTER_H
#define CK_PREFILTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "doc.h"
#include "literals.h"

struct ck_ruleset;

/* What a rule's words find: the sentences its 'match' patterns may match,
 * or those its 'contradict' patterns may. */
typedef enum { CK_CHANNEL_MATCH, CK_CHANNEL_CONTRADICT, CK_CHANNEL_COUNT } ck_channel;

typedef struct ck_prefilter_owner {
  uint32_t rule;   /* index into ck_ruleset.rules */
  uint8_t lang;    /* ck_lang */
  uint8_t channel; /* ck_channel */
} ck_prefilter_owner;

typedef struct ck_prefilter {
  ck_ac *ac;                  /* NULL when no rule is filterable */
  size_t nwords;
  size_t *owner_start;        /* word i owns owners[owner_start[i] .. owner_start[i + 1]) */
  ck_prefilter_owner *owners;
  bool *filterable;           /* [(rule * CK_CHANNEL_COUNT + channel) * CK_LANG_COUNT + lang] */
  size_t nrules;
} ck_prefilter;

/* Builds the prefilter of a sealed rule set (rules in their final order).
 * The caller frees it with ck_prefilter_free(). */
ck_prefilter *ck_prefilter_build(const struct ck_ruleset *rs);
void ck_prefilter_free(ck_prefilter *pf);

/* Whether rule 'rule' (its index) in language 'lang' takes the sentences of
 * 'channel' from the prefilter. */
bool ck_prefilter_covers(const ck_prefilter *pf, size_t rule, ck_channel channel, ck_lang lang);

/* Per rule and channel, the sentences of 'doc' that hold one of its words,
 * ascending and without repeats; index rule * CK_CHANNEL_COUNT + channel. */
typedef struct ck_candidates {
  size_t **sentences;
  size_t *n, *cap;
  size_t nlists;
} ck_candidates;

/* One pass over the document text for all rules. */
void ck_prefilter_scan(const ck_prefilter *pf, const ck_doc *doc, ck_candidates *out);
void ck_candidates_free(ck_candidates *c);

#endif

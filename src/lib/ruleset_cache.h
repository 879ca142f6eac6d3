/* What a loaded rule set makes on first use, and the locks for it.
 *
 * Doing all of a rule set's work at load was most of a run's start-up, and
 * a run needs only part of it: the patterns its documents' words point at,
 * the prefilter of the languages it meets, the texts of the rules it
 * reports. So that work waits for its first use. This module makes it,
 * once each:
 *
 *   - a pattern's compiled and JIT-compiled code (ck_pattern_ready);
 *   - the prefilter's part for one document language (ck_lazy_part) and
 *     each branch's compiled code (ck_lazy_code, through ck_branch_code);
 *   - a rule's clause and message texts filled without a figure
 *     (ck_rule_texts, through ck_clause_shared and ck_message_shared).
 *
 * The prefilter keeps its parts and its branches' code in cells of its
 * own and asks the cache to fill each once; the cache knows nothing of
 * what a part holds (the prefilter says how to build one). So the cache
 * sits below the prefilter and the rule set's other modules, and needs
 * only the rule model (rules.h).
 *
 * A ck_ruleset_cache belongs to one rule set (ck_ruleset.cache) and holds
 * its locks. Everything here is made once and then only read, so threads
 * sharing a const rule set get one copy: code and prefilter parts are made
 * under a lock (two threads never compile the same pattern twice); a text is
 * cheap, so two threads may fill it at once and the first to keep it wins.
 *
 * The lazily made things live here or in cells behind pointers, never
 * inside the rule set's own structs, with one exception: ck_pattern.code,
 * which the evaluator reads directly. ck_ruleset_seal() numbers the rule set's
 * patterns and gives the cache write access to them; the cache writes
 * nothing else of a pattern, and only before it publishes the pattern as
 * ready. */
#ifndef CK_RULESET_CACHE_H
#define CK_RULESET_CACHE_H

#include <stdatomic.h>
#include <stdbool.h>

#include "rules.h"

typedef struct ck_ruleset_cache ck_ruleset_cache;

/* An empty cache, for a new rule set; freed with ck_ruleset_cache_free().
 * What it made is freed with what holds it: a pattern's code with the
 * pattern, a rule's texts with the rule, a prefilter part and its branches'
 * code with the prefilter. */
ck_ruleset_cache *ck_ruleset_cache_new(void);
void ck_ruleset_cache_free(ck_ruleset_cache *c);

/* Part of ck_ruleset_seal(), before threads share the rule set: numbers
 * every pattern of 'rs' for ck_pattern_ready(), and gives every rule its
 * text slots. Code already compiled and texts already filled are kept: they
 * belong to their pattern and rule. (The prefilter parts made for the rule
 * set as it was go with its old prefilter, which sealing replaces.) */
void ck_ruleset_cache_seal(ck_ruleset_cache *c, ck_ruleset *rs);

/* The one way a pattern or a branch is compiled, at load or on first use:
 * UTF, Unicode properties, caseless. NULL with PCRE2's error code and
 * offset when it does not compile. The caller frees the code. */
pcre2_code *ck_pattern_compile(const char *src, int *errcode, PCRE2_SIZE *erroff);

/* The code of one prefilter branch, compiled and JIT-compiled on first use.
 * A cell lives in its prefilter part (ck_prefilter_lang.codes), zeroed. */
typedef struct ck_lazy_code {
  pcre2_code *code; /* owned; NULL until made, or when the text does not compile */
  atomic_bool done;
} ck_lazy_code;

/* The code of 'src' kept in 'cell', compiled once under the rule set's
 * lock; NULL when 'src' does not compile alone. */
const pcre2_code *ck_lazy_code_get(ck_ruleset_cache *c, ck_lazy_code *cell, const char *src);

/* A part made on first use: what 'made' points at, owned by the cell's
 * owner (the prefilter, one cell per document language, zeroed), who frees
 * it. */
typedef struct ck_lazy_part {
  _Atomic(void *) made; /* NULL until made */
} ck_lazy_part;

/* The part kept in 'cell', made with make(arg) on first use, once, under
 * the rule set's lock. 'make' returns the part, never NULL, and asks for no
 * part itself (the lock is held while it runs). */
const void *ck_lazy_part_get(ck_ruleset_cache *c, ck_lazy_part *cell,
                             void *(*make)(const void *arg), const void *arg);

/* One text slot: NULL until a text is kept in it. */
typedef _Atomic(char *) ck_text_slot;

/* A rule's texts filled without a figure (messages.c), per report language
 * and level, shared by every result that shows them. Given to the rule by
 * ck_ruleset_cache_seal() and freed with the rule (ck_rule_texts_free). */
typedef struct ck_rule_texts {
  ck_text_slot clause[2][CK_MSG_LANG_COUNT][CK_LEVEL_COUNT]; /* [0] text, [1] verify */
  ck_text_slot message[CK_REASON_COUNT][CK_MSG_LANG_COUNT][CK_LEVEL_COUNT];
} ck_rule_texts;

void ck_rule_texts_free(ck_rule_texts *t);

/* The text kept in 'slot', or NULL when none is yet. */
const char *ck_text_slot_get(ck_text_slot *slot);
/* Keeps 'text' (owned) in 'slot', unless another thread kept one first:
 * then 'text' is freed. Returns the text the slot keeps. */
const char *ck_text_slot_keep(ck_text_slot *slot, char *text);

#endif

/* What a loaded rule set makes on first use (ruleset_cache.h). */
#include "ruleset_cache.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* A pattern the cache may write the code of, and whether it has. */
typedef struct pattern_slot {
  ck_pattern *pattern;
  atomic_bool ready; /* compiled and JIT-compiled */
} pattern_slot;

struct ck_ruleset_cache {
  /* Three locks, as there are three kinds of work: a thread building the
     Norwegian prefilter need not hold up one compiling an English pattern. */
  pthread_mutex_t pattern_lock, branch_lock, part_lock;
  pattern_slot *patterns; /* [ck_pattern.slot], set by ck_ruleset_cache_seal */
  size_t npatterns, cap_patterns;
};

ck_ruleset_cache *ck_ruleset_cache_new(void) {
  ck_ruleset_cache *c = ck_xcalloc(1, sizeof *c);
  pthread_mutex_init(&c->pattern_lock, NULL);
  pthread_mutex_init(&c->branch_lock, NULL);
  pthread_mutex_init(&c->part_lock, NULL);
  return c;
}

void ck_ruleset_cache_free(ck_ruleset_cache *c) {
  if (!c)
    return;
  free(c->patterns);
  pthread_mutex_destroy(&c->pattern_lock);
  pthread_mutex_destroy(&c->branch_lock);
  pthread_mutex_destroy(&c->part_lock);
  free(c);
}

/* ===== sealing ================================================================= */

static void number_list(ck_ruleset_cache *c, ck_pattern_list *list) {
  CK_GROW(c->patterns, c->cap_patterns, c->npatterns + list->n);
  for (size_t i = 0; i < list->n; i++) {
    ck_pattern *p = &list->items[i];
    p->cache = c;
    p->slot = (uint32_t)c->npatterns;
    pattern_slot *s = &c->patterns[c->npatterns++];
    s->pattern = p;
    atomic_init(&s->ready, false);
  }
}

static void number_patterns(ck_ruleset_cache *c, ck_lang_patterns *lp) {
  for (int l = 0; l < CK_LANG_COUNT; l++) {
    number_list(c, &lp->by_lang[l].all);
    number_list(c, &lp->by_lang[l].any);
    number_list(c, &lp->by_lang[l].none);
  }
}

void ck_ruleset_cache_seal(ck_ruleset_cache *c, ck_ruleset *rs) {
  c->npatterns = 0;
  for (size_t i = 0; i < rs->nrules; i++) {
    ck_rule *r = rs->rules[i];
    number_patterns(c, &r->match);
    number_patterns(c, &r->contradict);
    number_patterns(c, &r->alternative);
    number_patterns(c, &r->when);
    number_patterns(c, &r->qualifier);
    if (!r->texts)
      r->texts = ck_xcalloc(1, sizeof *r->texts);
  }
  for (size_t i = 0; i < rs->npacks; i++)
    number_patterns(c, &rs->packs[i]->subject);
}

/* ===== code ==================================================================== */

pcre2_code *ck_pattern_compile(const char *src, int *errcode, PCRE2_SIZE *erroff) {
  return pcre2_compile((PCRE2_SPTR)src, PCRE2_ZERO_TERMINATED,
                       PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS | PCRE2_NEVER_BACKSLASH_C |
                           PCRE2_USE_OFFSET_LIMIT,
                       errcode, erroff, NULL);
}

/* Compiles 'src' unless 'code' already holds its code (a --rules pattern),
 * then JIT-compiles it. Without JIT (some platforms, W^X policies) the
 * interpreter still works. */
static pcre2_code *compile_with_jit(pcre2_code *code, const char *src) {
  if (!code) {
    int errcode;
    PCRE2_SIZE erroff;
    code = ck_pattern_compile(src, &errcode, &erroff);
  }
  if (code)
    (void)pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
  return code;
}

void ck_pattern_ready(const ck_pattern *p) {
  ck_ruleset_cache *c = p->cache;
  if (!c)
    return; /* not sealed yet: see rules.h */
  pattern_slot *s = &c->patterns[p->slot];
  if (atomic_load_explicit(&s->ready, memory_order_acquire))
    return;
  pthread_mutex_lock(&c->pattern_lock);
  if (!atomic_load_explicit(&s->ready, memory_order_relaxed)) {
    /* A built-in pattern is compiled here. ctest compiles every one of
       them (ck_ruleset_check_builtin), so this does not fail; if it did,
       the code stays NULL and pcre2_match refuses it, which eval treats
       like a pattern stopped by PCRE2's limits. */
    s->pattern->code = compile_with_jit(s->pattern->code, s->pattern->src);
    atomic_store_explicit(&s->ready, true, memory_order_release);
  }
  pthread_mutex_unlock(&c->pattern_lock);
}

const pcre2_code *ck_lazy_code_get(ck_ruleset_cache *c, ck_lazy_code *cell, const char *src) {
  if (atomic_load_explicit(&cell->done, memory_order_acquire))
    return cell->code;
  pthread_mutex_lock(&c->branch_lock);
  if (!atomic_load_explicit(&cell->done, memory_order_relaxed)) {
    cell->code = compile_with_jit(NULL, src);
    atomic_store_explicit(&cell->done, true, memory_order_release);
  }
  pthread_mutex_unlock(&c->branch_lock);
  return cell->code;
}

/* ===== parts ======================================================================= */

const void *ck_lazy_part_get(ck_ruleset_cache *c, ck_lazy_part *cell,
                             void *(*make)(const void *arg), const void *arg) {
  void *part = atomic_load_explicit(&cell->made, memory_order_acquire);
  if (part)
    return part;
  pthread_mutex_lock(&c->part_lock);
  part = atomic_load_explicit(&cell->made, memory_order_relaxed);
  if (!part) {
    part = make(arg);
    atomic_store_explicit(&cell->made, part, memory_order_release);
  }
  pthread_mutex_unlock(&c->part_lock);
  return part;
}

/* ===== texts ======================================================================= */

void ck_rule_texts_free(ck_rule_texts *t) {
  if (!t)
    return;
  for (int l = 0; l < CK_MSG_LANG_COUNT; l++)
    for (int k = 0; k < CK_LEVEL_COUNT; k++) {
      for (int v = 0; v < 2; v++)
        free(atomic_load_explicit(&t->clause[v][l][k], memory_order_relaxed));
      for (int r = 0; r < CK_REASON_COUNT; r++)
        free(atomic_load_explicit(&t->message[r][l][k], memory_order_relaxed));
    }
  free(t);
}

const char *ck_text_slot_get(ck_text_slot *slot) {
  return atomic_load_explicit(slot, memory_order_acquire);
}

const char *ck_text_slot_keep(ck_text_slot *slot, char *text) {
  char *none = NULL;
  if (atomic_compare_exchange_strong_explicit(slot, &none, text, memory_order_acq_rel,
                                              memory_order_acquire))
    return text;
  free(text);
  return none; /* the other thread's, now in the slot */
}

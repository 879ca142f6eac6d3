/* A rule set's life: made with its criteria table, given packs one by one
 * (a pack with an error is not taken at all, so a rule set never holds half
 * a pack), sealed, looked up in, freed. What the sealed rule set makes on
 * first use is in its cache (ruleset_cache.c). */
#include <stdlib.h>
#include <string.h>

#include "prefilter.h"
#include "rules_load.h"
#include "ruleset_cache.h"

/* ===== freeing =============================================================== */

static void pattern_list_free(ck_pattern_list *l) {
  for (size_t i = 0; i < l->n; i++) {
    pcre2_code_free(l->items[i].code);
    free(l->items[i].src);
  }
  free(l->items);
  memset(l, 0, sizeof *l);
}

static void lang_patterns_free(ck_lang_patterns *lp) {
  for (int l = 0; l < CK_LANG_COUNT; l++) {
    pattern_list_free(&lp->by_lang[l].all);
    pattern_list_free(&lp->by_lang[l].any);
    pattern_list_free(&lp->by_lang[l].none);
  }
}

static void rule_free(ck_rule *r) {
  if (!r)
    return;
  free(r->id);
  for (int l = 0; l < CK_MSG_LANG_COUNT; l++) {
    free(r->name[l]);
    free(r->clause.text[l]);
    free(r->clause.verify[l]);
    for (int k = 0; k < CK_REASON_COUNT; k++)
      free(r->message[k][l]);
  }
  ck_rule_texts_free(r->texts);
  free(r->source);
  lang_patterns_free(&r->match);
  lang_patterns_free(&r->contradict);
  lang_patterns_free(&r->alternative);
  lang_patterns_free(&r->when);
  lang_patterns_free(&r->qualifier);
  for (size_t i = 0; i < r->nexamples; i++) {
    free(r->examples[i].text);
    free(r->examples[i].section);
  }
  free(r->examples);
  free(r->file);
  free(r);
}

void ck_pack_free(ck_pack *p) {
  if (!p)
    return;
  free(p->id);
  for (int l = 0; l < CK_MSG_LANG_COUNT; l++)
    free(p->name[l]);
  free(p->file);
  for (size_t i = 0; i < p->ncpv; i++)
    free(p->cpv[i]);
  free(p->cpv);
  lang_patterns_free(&p->subject);
  for (size_t i = 0; i < p->nrules; i++)
    rule_free(p->rules[i]);
  free(p->rules);
  free(p);
}

void ck_ruleset_free(ck_ruleset *rs) {
  if (!rs)
    return;
  for (size_t i = 0; i < rs->ncriteria; i++) {
    free(rs->criteria[i].id);
    free(rs->criteria[i].category);
    for (int l = 0; l < CK_MSG_LANG_COUNT; l++)
      free(rs->criteria[i].name[l]);
  }
  free(rs->criteria);
  for (size_t i = 0; i < rs->npacks; i++)
    ck_pack_free(rs->packs[i]);
  free(rs->packs);
  free(rs->rules);
  ck_prefilter_free(rs->prefilter);
  ck_ruleset_cache_free(rs->cache);
  free(rs);
}

/* ===== making and sealing ====================================================== */

ck_status ck_ruleset_new(const char *criteria_csv, size_t len, const char *name,
                         ck_ruleset **out, ck_diags *diags) {
  ck_ruleset *rs = ck_xcalloc(1, sizeof *rs);
  rs->cache = ck_ruleset_cache_new();
  *out = NULL;
  if (ck_criteria_load(rs, criteria_csv, len, name, diags) != CK_OK) {
    ck_ruleset_free(rs);
    return CK_ERR_RULES;
  }
  *out = rs;
  return CK_OK;
}

static int cmp_pack(const void *a, const void *b) {
  return strcmp((*(ck_pack *const *)a)->id, (*(ck_pack *const *)b)->id);
}

static int cmp_rule(const void *a, const void *b) {
  return strcmp((*(ck_rule *const *)a)->id, (*(ck_rule *const *)b)->id);
}

void ck_ruleset_seal(ck_ruleset *rs) {
  if (rs->npacks > 1)
    qsort(rs->packs, rs->npacks, sizeof *rs->packs, cmp_pack);
  if (rs->nrules > 1)
    qsort(rs->rules, rs->nrules, sizeof *rs->rules, cmp_rule);
  for (size_t i = 0; i < rs->nrules; i++)
    rs->rules[i]->index = i;
  ck_ruleset_cache_seal(rs->cache, rs);
  ck_prefilter_free(rs->prefilter);
  rs->prefilter = ck_prefilter_build(rs);
}

/* ===== lookups ================================================================ */

const ck_criterion *ck_ruleset_criterion(const ck_ruleset *rs, const char *id) {
  for (size_t i = 0; i < rs->ncriteria; i++)
    if (strcmp(rs->criteria[i].id, id) == 0)
      return &rs->criteria[i];
  return NULL;
}

/* Index of the pack with this id, or -1. Packs are few; a linear scan works
 * before and after sealing alike. */
static long pack_index(const ck_ruleset *rs, const char *id) {
  for (size_t i = 0; i < rs->npacks; i++)
    if (strcmp(rs->packs[i]->id, id) == 0)
      return (long)i;
  return -1;
}

const ck_pack *ck_ruleset_pack(const ck_ruleset *rs, const char *id) {
  long i = pack_index(rs, id);
  return i < 0 ? NULL : rs->packs[i];
}

bool ck_ruleset_has_pack(const ck_ruleset *rs, const char *id) {
  return rs && id && pack_index(rs, id) >= 0;
}

size_t ck_ruleset_pack_count(const ck_ruleset *rs) { return rs ? rs->npacks : 0; }

const char *ck_ruleset_pack_id(const ck_ruleset *rs, size_t i) {
  return rs && i < rs->npacks ? rs->packs[i]->id : NULL;
}

const char *ck_ruleset_pack_name(const ck_ruleset *rs, size_t i, ck_msg_lang lang) {
  return rs && i < rs->npacks && lang < CK_MSG_LANG_COUNT ? rs->packs[i]->name[lang] : NULL;
}

bool ck_ruleset_pack_always(const ck_ruleset *rs, size_t i) {
  return rs && i < rs->npacks && rs->packs[i]->always;
}

const ck_pattern_set *ck_lang_patterns_get(const ck_lang_patterns *lp, ck_lang lang) {
  if (lp->has[lang])
    return &lp->by_lang[lang];
  /* Bokmål and nynorsk share most of the words rules look for. */
  if (lang == CK_LANG_NN && lp->has[CK_LANG_NB])
    return &lp->by_lang[CK_LANG_NB];
  if (lang == CK_LANG_NB && lp->has[CK_LANG_NN])
    return &lp->by_lang[CK_LANG_NN];
  return NULL;
}

/* ===== taking a pack ============================================================ */

static void duplicate_rule(ck_diags *diags, const ck_rule *dup, const ck_rule *first) {
  ck_diags_add(diags, CK_DIAG_ERROR, dup->file, dup->line, dup->col, "duplicate rule id '%s'",
               dup->id);
  ck_diags_add(diags, CK_DIAG_NOTE, first->file, first->line, first->col,
               "rule '%s' is first defined here", first->id);
}

/* Orders by id, then by position so that the first definition comes first. */
static int cmp_rule_pos(const void *a, const void *b) {
  const ck_rule *x = *(ck_rule *const *)a, *y = *(ck_rule *const *)b;
  int c = strcmp(x->id, y->id);
  if (c)
    return c;
  if (x->line != y->line)
    return x->line < y->line ? -1 : 1;
  return x->col < y->col ? -1 : x->col > y->col;
}

/* Reports rule ids of 'p' that repeat within it or that another pack of
 * 'rs' (not the one 'p' replaces) already uses, and returns how many.
 * Sorting the new rules once keeps this at n log n however many rules are
 * loaded. */
static size_t check_rule_ids(const ck_ruleset *rs, const ck_pack *p, const ck_pack *replaced,
                             ck_diags *diags) {
  if (!p->nrules)
    return 0;
  size_t errors = 0;
  ck_rule **sorted = ck_xmalloc(p->nrules * sizeof *sorted);
  memcpy(sorted, p->rules, p->nrules * sizeof *sorted);
  qsort(sorted, p->nrules, sizeof *sorted, cmp_rule_pos);
  for (size_t i = 1; i < p->nrules; i++)
    if (strcmp(sorted[i]->id, sorted[i - 1]->id) == 0) {
      duplicate_rule(diags, sorted[i], sorted[i - 1]);
      errors++;
    }
  for (size_t i = 0; i < rs->nrules; i++) {
    const ck_rule *old = rs->rules[i];
    if (old->pack == replaced)
      continue;
    const ck_rule key = {.id = old->id};
    const ck_rule *kp = &key;
    ck_rule **hit = bsearch(&kp, sorted, p->nrules, sizeof *sorted, cmp_rule);
    if (!hit)
      continue;
    /* bsearch may land on any of equal ids; report the first in the file. */
    while (hit > sorted && strcmp(hit[-1]->id, old->id) == 0)
      hit--;
    duplicate_rule(diags, *hit, old);
    errors++;
  }
  free(sorted);
  return errors;
}

/* Puts a checked pack into the set, replacing the loaded pack of the same
 * id (and dropping its rules) if there is one. */
static void commit_pack(ck_ruleset *rs, ck_pack *p, long replace) {
  if (replace >= 0) {
    ck_pack *old = rs->packs[replace];
    size_t kept = 0;
    for (size_t i = 0; i < rs->nrules; i++)
      if (rs->rules[i]->pack != old)
        rs->rules[kept++] = rs->rules[i];
    rs->nrules = kept;
    ck_pack_free(old);
    rs->packs[replace] = p;
  } else {
    CK_GROW(rs->packs, rs->cap_packs, rs->npacks + 1);
    rs->packs[rs->npacks++] = p;
  }
  CK_GROW(rs->rules, rs->cap_rules, rs->nrules + p->nrules);
  for (size_t i = 0; i < p->nrules; i++)
    rs->rules[rs->nrules++] = p->rules[i];
}

ck_status ck_ruleset_take_pack(ck_ruleset *rs, ck_pack *p, size_t errors, ck_diags *diags) {
  long replace = pack_index(rs, p->id);
  errors += check_rule_ids(rs, p, replace >= 0 ? rs->packs[replace] : NULL, diags);
  if (errors) {
    ck_pack_free(p);
    return CK_ERR_RULES;
  }
  commit_pack(rs, p, replace);
  return CK_OK;
}

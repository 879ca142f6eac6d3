/* Building the rule set's prefilter and scanning a document with it. */
#include "prefilter.h"

#include <stdlib.h>
#include <string.h>

#include "rules.h"
#include "util.h"

typedef struct entry {
  char *word;
  ck_prefilter_owner owner;
} entry;

static int entry_cmp(const void *a, const void *b) {
  const entry *x = a, *y = b;
  int c = strcmp(x->word, y->word);
  if (c)
    return c;
  if (x->owner.rule != y->owner.rule)
    return x->owner.rule < y->owner.rule ? -1 : 1;
  if (x->owner.channel != y->owner.channel)
    return (int)x->owner.channel - (int)y->owner.channel;
  return (int)x->owner.lang - (int)y->owner.lang;
}

/* The patterns a rule's sentences are found through (eval.c uses the same
   choice): its 'any' list, or its first 'all' pattern. */
static ck_pattern_list driver_of(const ck_pattern_set *ps) {
  if (ps->any.n == 0 && ps->all.n > 0)
    return (ck_pattern_list){ps->all.items, 1, 1};
  return ps->any;
}

ck_prefilter *ck_prefilter_build(const ck_ruleset *rs) {
  ck_prefilter *pf = ck_xcalloc(1, sizeof *pf);
  pf->nrules = rs->nrules;
  pf->filterable =
      ck_xcalloc(rs->nrules * CK_CHANNEL_COUNT * CK_LANG_COUNT + 1, sizeof *pf->filterable);
  entry *entries = NULL;
  size_t n = 0, cap = 0;
  for (size_t r = 0; r < rs->nrules; r++)
    for (int ch = 0; ch < CK_CHANNEL_COUNT; ch++)
      for (int lang = 0; lang < CK_LANG_COUNT; lang++) {
        const ck_lang_patterns *lp =
            ch == CK_CHANNEL_MATCH ? &rs->rules[r]->match : &rs->rules[r]->contradict;
        const ck_pattern_set *ps = ck_lang_patterns_get(lp, (ck_lang)lang);
        if (!ps)
          continue;
        ck_pattern_list list = ch == CK_CHANNEL_MATCH ? driver_of(ps) : ps->any;
        ck_strlist words = {0};
        bool ok = list.n > 0;
        for (size_t i = 0; i < list.n && ok; i++)
          ok = ck_required_literals(list.items[i].src, &words);
        if (ok) {
          pf->filterable[(r * CK_CHANNEL_COUNT + (size_t)ch) * CK_LANG_COUNT + (size_t)lang] = true;
          for (size_t w = 0; w < words.n; w++) {
            CK_GROW(entries, cap, n + 1);
            entries[n++] = (entry){words.items[w], {(uint32_t)r, (uint8_t)lang, (uint8_t)ch}};
            words.items[w] = NULL;
          }
        }
        ck_strlist_free(&words);
      }
  qsort(entries, n, sizeof *entries, entry_cmp);
  /* One automaton word per distinct word; its owners in a run. */
  char **words = ck_xcalloc(n + 1, sizeof *words);
  pf->owner_start = ck_xcalloc(n + 2, sizeof *pf->owner_start);
  pf->owners = ck_xcalloc(n + 1, sizeof *pf->owners);
  size_t nowners = 0;
  for (size_t i = 0; i < n; i++) {
    /* Compare with the kept copy: repeats are freed as they are passed. */
    bool new_word = pf->nwords == 0 || strcmp(entries[i].word, words[pf->nwords - 1]) != 0;
    if (new_word) {
      pf->owner_start[pf->nwords] = nowners;
      words[pf->nwords++] = entries[i].word;
    } else {
      free(entries[i].word);
    }
    /* Sorted entries put one word's repeated owners next to each other. */
    if (new_word || pf->owners[nowners - 1].rule != entries[i].owner.rule ||
        pf->owners[nowners - 1].lang != entries[i].owner.lang ||
        pf->owners[nowners - 1].channel != entries[i].owner.channel)
      pf->owners[nowners++] = entries[i].owner;
  }
  pf->owner_start[pf->nwords] = nowners;
  if (pf->nwords)
    pf->ac = ck_ac_build(words, pf->nwords);
  for (size_t i = 0; i < pf->nwords; i++)
    free(words[i]);
  free(words);
  free(entries);
  return pf;
}

void ck_prefilter_free(ck_prefilter *pf) {
  if (!pf)
    return;
  ck_ac_free(pf->ac);
  free(pf->owner_start);
  free(pf->owners);
  free(pf->filterable);
  free(pf);
}

bool ck_prefilter_covers(const ck_prefilter *pf, size_t rule, ck_channel channel, ck_lang lang) {
  return pf && pf->ac && rule < pf->nrules &&
         pf->filterable[(rule * CK_CHANNEL_COUNT + channel) * CK_LANG_COUNT + lang];
}

typedef struct scan_state {
  const ck_prefilter *pf;
  const ck_doc *doc;
  ck_candidates *out;
  size_t sentence; /* the sentence of the last hit, to avoid a search per hit */
} scan_state;

/* The sentence holding text offset 'off', or (size_t)-1 (a heading); hits
   come in text order, so the last sentence is the first guess. */
static size_t sentence_of(scan_state *st, size_t off) {
  size_t s = ck_doc_sentence_at(st->doc, off, st->sentence);
  if (s != (size_t)-1)
    st->sentence = s;
  return s;
}

static void on_hit(void *ctx, size_t word, size_t end) {
  scan_state *st = ctx;
  size_t s = sentence_of(st, end - 1);
  if (s == (size_t)-1)
    return;
  const ck_prefilter *pf = st->pf;
  ck_candidates *c = st->out;
  for (size_t k = pf->owner_start[word]; k < pf->owner_start[word + 1]; k++) {
    const ck_prefilter_owner *o = &pf->owners[k];
    if (o->lang != st->doc->lang)
      continue;
    size_t r = (size_t)o->rule * CK_CHANNEL_COUNT + o->channel;
    if (c->n[r] && c->sentences[r][c->n[r] - 1] == s)
      continue; /* hits come in text order: a repeat is always the last one */
    CK_GROW(c->sentences[r], c->cap[r], c->n[r] + 1);
    c->sentences[r][c->n[r]++] = s;
  }
}

void ck_prefilter_scan(const ck_prefilter *pf, const ck_doc *doc, ck_candidates *out) {
  out->nlists = pf->nrules * CK_CHANNEL_COUNT;
  out->sentences = ck_xcalloc(out->nlists + 1, sizeof *out->sentences);
  out->n = ck_xcalloc(out->nlists + 1, sizeof *out->n);
  out->cap = ck_xcalloc(out->nlists + 1, sizeof *out->cap);
  if (!pf->ac)
    return;
  scan_state st = {pf, doc, out, 0};
  ck_ac_scan(pf->ac, ck_buf_cstr(&doc->text), doc->text.len, on_hit, &st);
}

void ck_candidates_free(ck_candidates *c) {
  for (size_t r = 0; r < c->nlists; r++)
    free(c->sentences[r]);
  free(c->sentences);
  free(c->n);
  free(c->cap);
  memset(c, 0, sizeof *c);
}

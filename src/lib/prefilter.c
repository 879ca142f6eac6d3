/* Building the rule set's prefilter and scanning a document with it. */
#include "prefilter.h"

#include <stdlib.h>
#include <string.h>

#include "rules.h"
#include "ruleset_cache.h"
#include "util.h"

typedef struct entry {
  char *word;  /* folded, as the automaton sees it */
  char *exact; /* the word in its case when it must match exactly, else NULL */
  uint32_t branch;
  uint32_t list; /* the branch's */
  bool second;   /* of the branch's second set */
  bool word_start; /* the match has it at the start of a word of the text */
} entry;

/* Entries of one word that differ only in the branch, within
   one list, come next to each other: they become one owner with the
   branches' bits together. */
static int entry_cmp(const void *a, const void *b) {
  const entry *x = a, *y = b;
  int c = strcmp(x->word, y->word);
  if (c)
    return c;
  if (x->list != y->list)
    return x->list < y->list ? -1 : 1;
  if (x->second != y->second)
    return x->second ? 1 : -1;
  if (x->word_start != y->word_start)
    return x->word_start ? 1 : -1;
  c = strcmp(x->exact ? x->exact : "", y->exact ? y->exact : "");
  if (c)
    return c;
  return x->branch < y->branch ? -1 : x->branch > y->branch;
}

/* entry_cmp for an array of pointers to entries: the sort moves a pointer,
   not the entry, at each step. */
static int entry_ptr_cmp(const void *a, const void *b) {
  return entry_cmp(*(const entry *const *)a, *(const entry *const *)b);
}

/* An entry for 'word' as ck_required_literals() gives it (owned). */
static entry make_entry(char *word, uint32_t branch, uint32_t list, bool second) {
  bool word_start = word[0] == CK_START_MARK;
  if (word_start)
    memmove(word, word + 1, strlen(word)); /* the NUL too */
  if (word[0] != CK_EXACT_MARK)
    return (entry){word, NULL, branch, list, second, word_start};
  size_t len = strlen(word + 1);
  char *folded = ck_xmalloc(len + 1);
  unsigned char prev = 0;
  for (size_t i = 0; i < len; i++) {
    folded[i] = (char)ck_fold_byte(prev, (unsigned char)word[i + 1]);
    prev = (unsigned char)word[i + 1];
  }
  folded[len] = '\0';
  memmove(word, word + 1, len + 1);
  return (entry){folded, word, branch, list, second, word_start};
}

/* The patterns a rule's sentences are found through (rule_eval.c uses the same
   choice): its 'any' list, or its first 'all' pattern. */
static ck_pattern_list driver_of(const ck_pattern_set *ps) {
  if (ps->any.n == 0 && ps->all.n > 0)
    return (ck_pattern_list){ps->all.items, 1, 1};
  return ps->any;
}

/* The pattern list of 'channel' for rule or pack 'owner' in 'lang'. */
static ck_pattern_list list_of(const ck_ruleset *rs, ck_channel channel, size_t owner,
                               ck_lang lang) {
  const ck_pattern_set *ps = NULL;
  switch (channel) {
  case CK_CHANNEL_MATCH:
    ps = ck_lang_patterns_get(&rs->rules[owner]->match, lang);
    return ps ? driver_of(ps) : (ck_pattern_list){0};
  case CK_CHANNEL_CONTRADICT:
    ps = ck_lang_patterns_get(&rs->rules[owner]->contradict, lang);
    break;
  case CK_CHANNEL_ALL:
    ps = ck_lang_patterns_get(&rs->rules[owner]->match, lang);
    return ps ? ps->all : (ck_pattern_list){0};
  case CK_CHANNEL_NONE:
    ps = ck_lang_patterns_get(&rs->rules[owner]->match, lang);
    return ps ? ps->none : (ck_pattern_list){0};
  case CK_CHANNEL_WHEN:
    ps = rs->rules[owner]->has_when ? ck_lang_patterns_get(&rs->rules[owner]->when, lang) : NULL;
    break;
  case CK_CHANNEL_SUBJECT:
    ps = ck_lang_patterns_get(&rs->packs[owner]->subject, lang);
    break;
  default:
    break;
  }
  return ps ? ps->any : (ck_pattern_list){0};
}

size_t ck_prefilter_list_index(const ck_prefilter *pf, ck_channel channel, size_t owner) {
  if (channel == CK_CHANNEL_SUBJECT)
    return pf->nrules * CK_CHANNEL_SUBJECT + owner;
  return owner * CK_CHANNEL_SUBJECT + channel;
}

/* Splits every pattern of one list into branches with their words; false
   (and nothing kept) when some branch has no safe words. */
static bool add_list(ck_prefilter_lang *pl, const ck_pattern_list *list, size_t li,
                     ck_channel ch, ck_lang lang, entry **entries, size_t *n, size_t *cap,
                     size_t *cap_branches) {
  if (list->n == 0)
    return false;
  size_t first = pl->nbranches;
  size_t first_entry = *n;
  uint64_t needs_second = 0;
  bool ok = true;
  for (size_t i = 0; i < list->n && ok; i++) {
    ck_strlist parts = {0};
    ck_split_branches(list->items[i].src, &parts);
    for (size_t b = 0; b < parts.n && ok; b++) {
      ck_strlist words = {0}, second = {0};
      /* A pattern kept whole has alternatives at the top: one set only. */
      ok = ck_required_literal_sets(parts.items[b], &words, &second) ||
           ck_required_literals(parts.items[b], &words);
      if (ok) {
        uint32_t id = (uint32_t)pl->nbranches;
        size_t k = id - first;
        CK_GROW(pl->branches, *cap_branches, pl->nbranches + 1);
        pl->branches[pl->nbranches++] = (ck_branch){
            .src = parts.items[b], .whole = &list->items[i], .list = (uint32_t)li,
            .pattern = (uint32_t)i, .lang = (uint8_t)lang, .bit = (uint8_t)(k < 63 ? k : 63),
            .by_block = ch >= CK_CHANNEL_WHEN};
        parts.items[b] = NULL;
        for (size_t w = 0; w < words.n; w++) {
          CK_GROW(*entries, *cap, *n + 1);
          (*entries)[(*n)++] = make_entry(words.items[w], id, (uint32_t)li, false);
          words.items[w] = NULL;
        }
        /* Branches from the 64th on share one bit: they go without a
           second set rather than share its requirement. */
        if (second.n && k < 63) {
          needs_second |= (uint64_t)1 << k;
          for (size_t w = 0; w < second.n; w++) {
            CK_GROW(*entries, *cap, *n + 1);
            (*entries)[(*n)++] = make_entry(second.items[w], id, (uint32_t)li, true);
            second.items[w] = NULL;
          }
        }
      }
      ck_strlist_free(&words);
      ck_strlist_free(&second);
    }
    ck_strlist_free(&parts);
  }
  if (!ok) { /* undo: this list is matched whole */
    for (size_t b = first; b < pl->nbranches; b++)
      free(pl->branches[b].src);
    pl->nbranches = first;
    for (size_t e = first_entry; e < *n; e++) {
      free((*entries)[e].word);
      free((*entries)[e].exact);
    }
    *n = first_entry;
    return false;
  }
  pl->ranges[li] = (ck_branch_range){.covered = true,
                                     .first = (uint32_t)first,
                                     .n = (uint32_t)(pl->nbranches - first),
                                     .needs_second = needs_second};
  return true;
}

/* The part of 'pf' for documents in 'lang'. */
static ck_prefilter_lang *lang_build(const ck_prefilter *pf, ck_lang lang) {
  const ck_ruleset *rs = pf->rs;
  ck_prefilter_lang *pl = ck_xcalloc(1, sizeof *pl);
  pl->ranges = ck_xcalloc(pf->nlists + 1, sizeof *pl->ranges);
  entry *entries = NULL;
  size_t n = 0, cap = 0, cap_branches = 0;
  for (size_t li = 0; li < pf->nlists; li++) {
    ck_channel ch = li >= rs->nrules * CK_CHANNEL_SUBJECT ? CK_CHANNEL_SUBJECT
                                                          : (ck_channel)(li % CK_CHANNEL_SUBJECT);
    size_t owner = ch == CK_CHANNEL_SUBJECT ? li - rs->nrules * CK_CHANNEL_SUBJECT
                                            : li / CK_CHANNEL_SUBJECT;
    ck_pattern_list list = list_of(rs, ch, owner, lang);
    add_list(pl, &list, li, ch, lang, &entries, &n, &cap, &cap_branches);
  }
  /* The branch array has its final place now. */
  for (size_t li = 0; li < pf->nlists; li++)
    if (pl->ranges[li].covered)
      pl->ranges[li].branches = pl->branches + pl->ranges[li].first;
  pl->codes = ck_xcalloc(pl->nbranches + 1, sizeof *pl->codes);
  for (size_t b = 0; b < pl->nbranches; b++) {
    atomic_init(&pl->codes[b].done, false);
    pl->branches[b].code = &pl->codes[b];
  }
  /* A pack whose patterns give no word leaves no entries and 'entries'
     NULL, which qsort may not be given even with nothing to sort. */
  entry **sorted = ck_xmalloc((n + 1) * sizeof *sorted);
  for (size_t i = 0; i < n; i++)
    sorted[i] = &entries[i];
  if (n > 1)
    qsort(sorted, n, sizeof *sorted, entry_ptr_cmp);
  /* One automaton word per distinct word, with its owners in a run, which
     the sort puts together. */
  pl->words = ck_xcalloc(n + 1, sizeof *pl->words);
  pl->owner_start = ck_xcalloc(n + 2, sizeof *pl->owner_start);
  pl->owners = ck_xcalloc(n + 1, sizeof *pl->owners);
  pl->exact = ck_xcalloc(n + 1, sizeof *pl->exact);
  for (size_t i = 0; i < n; i++) {
    entry *e = sorted[i];
    /* Compare with the kept copy: repeats are freed as they are passed. */
    bool new_word = pl->nwords == 0 || strcmp(e->word, pl->words[pl->nwords - 1]) != 0;
    if (new_word) {
      pl->owner_start[pl->nwords] = pl->nowners;
      pl->words[pl->nwords++] = e->word;
    } else {
      free(e->word);
    }
    /* Sorted entries put one word's branches of one list, alike but for
       the branch, next to each other: one owner takes them all. */
    ck_word_owner *last = pl->nowners ? &pl->owners[pl->nowners - 1] : NULL;
    const ck_branch *br = &pl->branches[e->branch];
    const char *last_exact = last ? pl->exact[pl->nowners - 1] : NULL;
    uint8_t flags = (uint8_t)((br->by_block ? CK_OWNER_BY_BLOCK : 0) |
                              (e->second ? CK_OWNER_SECOND : 0) |
                              (e->word_start ? CK_OWNER_WORD_START : 0) |
                              (e->exact ? CK_OWNER_EXACT : 0));
    if (new_word || last->list != e->list || last->flags != flags ||
        strcmp(last_exact ? last_exact : "", e->exact ? e->exact : "") != 0) {
      size_t len = strlen(pl->words[pl->nwords - 1]);
      pl->exact[pl->nowners] = e->exact;
      pl->owners[pl->nowners++] = (ck_word_owner){
          .list = e->list,
          .bits = (uint64_t)1 << br->bit,
          .flags = flags,
          .len = (uint16_t)(len < UINT16_MAX ? len : UINT16_MAX)};
    } else {
      last->bits |= (uint64_t)1 << br->bit;
      free(e->exact);
    }
  }
  pl->owner_start[pl->nwords] = pl->nowners;
  free(sorted);
  free(entries);
  if (pl->nwords)
    pl->ac = ck_ac_build(pl->words, pl->nwords);
  return pl;
}

static void lang_free(ck_prefilter_lang *pl) {
  if (!pl)
    return;
  ck_ac_free(pl->ac);
  for (size_t i = 0; i < pl->nwords; i++)
    free(pl->words[i]);
  free(pl->words);
  for (size_t b = 0; b < pl->nbranches; b++) {
    free(pl->branches[b].src);
    pcre2_code_free(pl->codes[b].code);
  }
  free(pl->branches);
  free(pl->codes);
  free(pl->ranges);
  for (size_t o = 0; o < pl->nowners; o++)
    free(pl->exact[o]);
  free(pl->exact);
  free(pl->owners);
  free(pl->owner_start);
  free(pl);
}

ck_prefilter *ck_prefilter_build(const ck_ruleset *rs) {
  ck_prefilter *pf = ck_xcalloc(1, sizeof *pf);
  pf->rs = rs;
  pf->nrules = rs->nrules;
  pf->npacks = rs->npacks;
  pf->nlists = rs->nrules * CK_CHANNEL_SUBJECT + rs->npacks;
  pf->parts = ck_xcalloc(CK_LANG_COUNT, sizeof *pf->parts);
  for (int l = 0; l < CK_LANG_COUNT; l++)
    atomic_init(&pf->parts[l].made, NULL);
  return pf;
}

void ck_prefilter_free(ck_prefilter *pf) {
  if (!pf)
    return;
  for (int l = 0; l < CK_LANG_COUNT; l++)
    lang_free(atomic_load_explicit(&pf->parts[l].made, memory_order_relaxed));
  free(pf->parts);
  free(pf);
}

/* What the cache needs to build a part (ck_lazy_part_get takes one argument). */
typedef struct part_request {
  const ck_prefilter *pf;
  ck_lang lang;
} part_request;

static void *make_part(const void *arg) {
  const part_request *req = arg;
  return lang_build(req->pf, req->lang);
}

/* The part of 'lang', built on its first use. */
static const ck_prefilter_lang *lang_part(const ck_prefilter *pf, ck_lang lang) {
  part_request req = {pf, lang};
  return ck_lazy_part_get(pf->rs->cache, &pf->parts[lang], make_part, &req);
}

ck_branch_range ck_prefilter_range(const ck_prefilter *pf, size_t list, ck_lang lang) {
  if (!pf || list >= pf->nlists)
    return (ck_branch_range){0};
  const ck_prefilter_lang *pl = lang_part(pf, lang);
  if (!pl->ac)
    return (ck_branch_range){0};
  return pl->ranges[list];
}

const pcre2_code *ck_branch_code(const ck_branch *b) {
  /* The branch's pattern belongs to the rule set whose cache keeps the
     code. A branch that does not compile alone (a group name used across
     branches) is matched through its whole pattern: that finds the
     pattern's leftmost match, which is what the branches together would
     find. */
  const pcre2_code *code = ck_lazy_code_get(b->whole->cache, b->code, b->src);
  if (code)
    return code;
  ck_pattern_ready(b->whole);
  return b->whole->code;
}

/* A list's unit that is still open while scanning: hits come in text
   order, so a list has at most one, and it is settled (kept or dropped)
   when a hit in a later unit comes or the scan ends. The open units of all
   lists sit together, apart from the lists' arrays, which are written only
   for the units kept (about one in five at 16 MiB). */
typedef struct open_unit {
  uint32_t unit;    /* NO_UNIT: none */
  uint64_t mask;    /* the branches whose words it holds */
  uint64_t seconds; /* the branches whose second words it holds */
  uint64_t needs;   /* the branches of the list that have a second set */
} open_unit;

enum { NO_UNIT = UINT32_MAX };

typedef struct scan_state {
  const ck_prefilter_lang *pl; /* the document language's part */
  const ck_doc *doc;
  const char *text;
  ck_candidates *out;
  open_unit *open; /* [list] */
  size_t sentence; /* the sentence of the last hit, to avoid a search per hit */
  size_t s_start, s_end; /* its range; empty before the first */
  size_t block;    /* the same for blocks */
  size_t b_start, b_end; /* the block's range up to the next block's start */
} scan_state;

/* The sentence holding text offset 'off', or (size_t)-1 (a heading); hits
   come in text order, so the last sentence is the first guess. */
static size_t sentence_of(scan_state *st, size_t off) {
  if (off >= st->s_start && off < st->s_end)
    return st->sentence;
  size_t s = ck_doc_sentence_at(st->doc, off, st->sentence);
  if (s != (size_t)-1) {
    st->sentence = s;
    st->s_start = st->doc->sentences[s].start;
    st->s_end = st->doc->sentences[s].end;
  }
  return s;
}

static size_t block_of(scan_state *st, size_t off) {
  if (off >= st->b_start && off < st->b_end)
    return st->block;
  const ck_doc *doc = st->doc;
  size_t b = st->block;
  /* hits come in text order: the next block or two, else a search */
  while (b + 1 < doc->nblocks && doc->blocks[b + 1].start <= off && b < st->block + 4)
    b++;
  if (!(b < doc->nblocks && doc->blocks[b].start <= off &&
        (b + 1 == doc->nblocks || off < doc->blocks[b + 1].start)))
    b = ck_doc_block_at(doc, off);
  st->block = b;
  st->b_start = doc->blocks[b].start;
  st->b_end = b + 1 < doc->nblocks ? doc->blocks[b + 1].start : SIZE_MAX;
  if (st->b_start > off) /* before the first block: not cached */
    st->b_start = st->b_end = 0;
  return b;
}

/* Settles the open unit of list 'li', which no later hit can reach: of a
   branch with a second set, it keeps the bit only when the unit holds a
   word of that set too; a unit left with no branch is dropped, so the
   list holds real candidates only. */
static void settle(scan_state *st, size_t li) {
  open_unit *u = &st->open[li];
  uint64_t m = u->mask & (u->seconds | ~u->needs);
  if (u->unit != NO_UNIT && m) {
    ck_candidate_list *c = &st->out->lists[li];
    if (c->n == c->cap) {
      c->cap = c->cap ? c->cap * 2 : 16;
      c->units = ck_xrealloc(c->units, c->cap * sizeof *c->units);
      if (c->mask_bytes)
        c->masks = ck_xrealloc(c->masks, c->cap * c->mask_bytes);
    }
    switch (c->mask_bytes) {
    case 0:
      break;
    case 1:
      ((uint8_t *)c->masks)[c->n] = (uint8_t)m;
      break;
    case 2:
      ((uint16_t *)c->masks)[c->n] = (uint16_t)m;
      break;
    case 4:
      ((uint32_t *)c->masks)[c->n] = (uint32_t)m;
      break;
    default:
      ((uint64_t *)c->masks)[c->n] = m;
      break;
    }
    c->units[c->n++] = u->unit;
  }
  u->unit = NO_UNIT;
  u->mask = u->seconds = 0;
}

static bool is_ascii_word_byte(char ch) {
  unsigned char c = (unsigned char)ch;
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

static void on_hit(void *ctx, size_t word, size_t end) {
  scan_state *st = ctx;
  const ck_prefilter_lang *pl = st->pl;
  size_t sentence = (size_t)-2; /* looked up when a branch needs it */
  size_t first = pl->owner_start[word], last = pl->owner_start[word + 1];
  /* "\bfor" does not match the "for" of "informasjon": an ASCII letter,
     digit or '_' before the word is a word character for certain (a byte
     of a UTF-8 letter is not looked at: it might be punctuation). All
     owners of a word have its length. */
  size_t wlen = pl->owners[first].len;
  uint8_t skip = end > wlen && is_ascii_word_byte(st->text[end - wlen - 1]) ? CK_OWNER_WORD_START
                                                                              : 0;
  for (size_t k = first; k < last; k++) {
    const ck_word_owner *o = &pl->owners[k];
    if (o->flags & skip)
      continue;
    if (o->flags & CK_OWNER_EXACT) {
      const char *exact = pl->exact[k];
      size_t len = strlen(exact);
      if (memcmp(st->text + end - len, exact, len) != 0)
        continue; /* "en" where the pattern wants "EN" */
    }
    size_t unit;
    if (!(o->flags & CK_OWNER_BY_BLOCK)) {
      if (sentence == (size_t)-2)
        sentence = sentence_of(st, end - 1);
      unit = sentence;
    } else {
      unit = st->doc->nblocks ? block_of(st, end - 1) : (size_t)-1;
    }
    if (unit == (size_t)-1)
      continue;
    open_unit *u = &st->open[o->list];
    if (u->unit != unit) {
      settle(st, o->list);
      u->unit = (uint32_t)unit;
    }
    if (o->flags & CK_OWNER_SECOND)
      u->seconds |= o->bits;
    else
      u->mask |= o->bits;
  }
}

void ck_prefilter_scan(const ck_prefilter *pf, const ck_doc *doc, ck_candidates *out) {
  out->nlists = pf->nlists;
  out->lists = ck_xcalloc(out->nlists + 1, sizeof *out->lists);
  const ck_prefilter_lang *pl = lang_part(pf, doc->lang);
  if (!pl->ac)
    return;
  open_unit *open = ck_xmalloc((out->nlists + 1) * sizeof *open);
  for (size_t li = 0; li < out->nlists; li++) {
    open[li] = (open_unit){.unit = NO_UNIT, .needs = pl->ranges[li].needs_second};
    uint32_t nb = pl->ranges[li].n; /* bits 0 .. min(nb, 64) - 1 */
    out->lists[li].mask_bytes = nb <= 1 ? 0 : nb <= 8 ? 1 : nb <= 16 ? 2 : nb <= 32 ? 4 : 8;
  }
  scan_state st = {pl, doc, ck_buf_cstr(&doc->text), out, open, 0, 0, 0, 0, 0, 0};
  ck_ac_scan(pl->ac, st.text, doc->text.len, on_hit, &st);
  for (size_t li = 0; li < out->nlists; li++)
    settle(&st, li);
  free(open);
}

void ck_candidates_free(ck_candidates *c) {
  for (size_t r = 0; r < c->nlists; r++) {
    free(c->lists[r].units);
    free(c->lists[r].masks);
  }
  free(c->lists);
  memset(c, 0, sizeof *c);
}

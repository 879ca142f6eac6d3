/* Judging one rule over one document (evaluate.c runs every rule).
 *
 * A rule's patterns run where the prefilter (prefilter.h) saw their words:
 * on those sentences only, and only the branches whose words are there; a
 * pattern the prefilter cannot cover runs once over the whole text. Each
 * hit is mapped to its sentence, the sentence is judged (modality,
 * negation, section, figure), and the best judgement becomes the rule's
 * result. The table of judgements is in docs/rule-language.md. */
#include "eval.h"

#include <math.h>
#include <stdint.h>
#include <time.h>
#include <stdlib.h>
#include <string.h>

#include "messages.h"
#include "modality.h"
#include "numbers.h"
#include "text.h"
#include "prefilter.h"
#include "subject.h"

/* Figures farther than this many words from the matched words are not
   taken when a rule does not set its own window. */
#define DEFAULT_VALUE_WINDOW 12
/* A figure separated from the matched words by a comma or semicolon counts
   as this many words farther away: it usually belongs to another clause. */
#define CLAUSE_BREAK_PENALTY 3
/* Quantities read from one sentence; a longer list is cut. */
#define MAX_QUANTITIES 32
/* Evidence sentences kept per result. */
#define MAX_EVIDENCE 3
/* Caps on one PCRE2 match, so that a rule author's catastrophic pattern
   ("(a+)+$") cannot hang a run: beyond them the match counts as failed. */
#define PCRE2_MATCH_LIMIT 1000000
/* Steps of a match allowed per byte of a long subject (see find_code). */
#define MATCH_STEPS_PER_BYTE 8
#define PCRE2_DEPTH_LIMIT 100000
#define PCRE2_HEAP_LIMIT_KIB (64 * 1024)
/* The largest JIT stack one evaluation may grow. */
#define JIT_STACK_MAX (1024 * 1024)

typedef struct hit {
  size_t sentence;
  size_t ms, me; /* match, absolute offsets in doc->text */
} hit;

typedef struct hits {
  hit *items;
  size_t n, cap;
} hits;

/* How one sentence stands towards a rule. Higher score is better evidence
   for the document; ties go to the earlier sentence. */
typedef struct judgement {
  int score;
  ck_result_status status;
  ck_reason reason;
  bool has_found;
  double found;
  hit where;
} judgement;

static const int reason_score[CK_REASON_COUNT] = {
    [CK_REASON_MET] = 100,          [CK_REASON_BELOW_THRESHOLD] = 80,
    [CK_REASON_NO_FIGURE] = 75,     [CK_REASON_UNVERIFIED] = 72,
    [CK_REASON_NO_EQUIVALENT] = 72, [CK_REASON_WRONG_SECTION] = 65,
    [CK_REASON_WISH_ONLY] = 60,     [CK_REASON_PERMISSION_ONLY] = 50,
    [CK_REASON_NOT_BINDING] = 40,   [CK_REASON_NEGATED] = 20,
    [CK_REASON_BACKGROUND_ONLY] = 10, [CK_REASON_ABSENT] = 0,
    [CK_REASON_CONTRADICTED] = 0,   [CK_REASON_PACK_NOT_SELECTED] = 0,
    [CK_REASON_CONDITION_NOT_MET] = 0, [CK_REASON_SUBJECT] = 100,
    [CK_REASON_SUBJECT_ALTERNATIVE] = 70, [CK_REASON_NOT_SUBJECT] = 0,
    [CK_REASON_OTHER_CATEGORY] = 90, [CK_REASON_CATEGORY_RULE] = 0,
};

static ck_result_status status_of(ck_reason r) {
  switch (r) {
  case CK_REASON_MET:
  case CK_REASON_SUBJECT:
  case CK_REASON_OTHER_CATEGORY:
    return CK_STATUS_PASS;
  case CK_REASON_BELOW_THRESHOLD:
  case CK_REASON_NO_FIGURE:
  case CK_REASON_UNVERIFIED:
  case CK_REASON_NO_EQUIVALENT:
  case CK_REASON_WISH_ONLY:
  case CK_REASON_PERMISSION_ONLY:
  case CK_REASON_NOT_BINDING:
  case CK_REASON_WRONG_SECTION:
  case CK_REASON_SUBJECT_ALTERNATIVE:
    return CK_STATUS_PARTIAL;
  case CK_REASON_PACK_NOT_SELECTED:
  case CK_REASON_CONDITION_NOT_MET:
  case CK_REASON_NOT_SUBJECT:
  case CK_REASON_CATEGORY_RULE:
    return CK_STATUS_NOT_APPLICABLE;
  default:
    return CK_STATUS_FAIL;
  }
}

struct ck_match_space {
  pcre2_match_data *md;
  pcre2_match_context *mc;
  pcre2_jit_stack *jit_stack;
};

ck_match_space *ck_match_space_new(void) {
  ck_match_space *s = ck_xcalloc(1, sizeof *s);
  s->md = pcre2_match_data_create(1, NULL);
  s->mc = pcre2_match_context_create(NULL);
  if (!s->md || !s->mc) /* PCRE2 could not allocate a few bytes */
    ck_fatal("out of memory making PCRE2 match data", sizeof *s);
  /* PCRE2's default JIT stack (32 KiB) stops ordinary patterns such as
     "(?:a|b)*c" on a long word; a larger one keeps them working, and the
     limits below still bound the work. */
  s->jit_stack = pcre2_jit_stack_create(32 * 1024, JIT_STACK_MAX, NULL);
  if (s->jit_stack)
    pcre2_jit_stack_assign(s->mc, NULL, s->jit_stack);
  pcre2_set_match_limit(s->mc, PCRE2_MATCH_LIMIT);
  pcre2_set_depth_limit(s->mc, PCRE2_DEPTH_LIMIT);
  pcre2_set_heap_limit(s->mc, PCRE2_HEAP_LIMIT_KIB);
  return s;
}

void ck_match_space_free(ck_match_space *s) {
  if (!s)
    return;
  pcre2_match_data_free(s->md);
  pcre2_match_context_free(s->mc);
  pcre2_jit_stack_free(s->jit_stack);
  free(s);
}

/* Per-evaluation state; nothing here is shared between threads. */
struct ck_rule_eval {
  const ck_ruleset *rs;
  const ck_doc *doc;
  const ck_eval_options *opts;
  ck_msg_lang msg_lang;
  ck_match_space *space;      /* opts->space, or own_space */
  ck_match_space *own_space;  /* made for this evaluation alone */
  pcre2_match_data *md;       /* the space's */
  pcre2_match_context *mc;    /* the space's */
  const int *block_lot; /* lot index of each block, -1 for the procedure; NULL: no lots */
  int lot;              /* the lot being evaluated */
  hits scratch;
  /* Patterns stopped by PCRE2's limits on this document: not run again,
     so one bad pattern costs one limit's worth of time, not one per sentence. */
  const pcre2_code **stopped;
  size_t nstopped, cap_stopped;
  bool scanned;         /* 'candidates' holds the prefilter's pass over the document */
  ck_candidates candidates;
  /* With lots, what each rule's patterns find in the whole document, worked
     out once and filtered for each lot: the procedure's texts are seen by
     every lot, and matching them again per lot made a notice's time grow
     with lots times text. [rule index]; NULL without lots. */
  struct rule_cache *cache;
  bool cache_limited;   /* a cached answer used for this rule was cut short by PCRE2's limits */
  bool cache_timed_out; /* ... or by a time budget */
  /* Time budgets (CLOCK_MONOTONIC, nanoseconds; 0 = none). PCRE2's match
     limit holds per call, so a pattern that nearly reaches it on every
     sentence costs time linear in the sentences: the clock is read every
     few calls, and once a budget is spent no pattern runs again for the
     rule (or, for the document's, for any rule). */
  uint64_t rule_deadline, doc_deadline;
  unsigned calls_since_clock;
  bool out_of_time;     /* the current rule's budget (or the document's) is spent */
  bool doc_out_of_time; /* the document's budget is spent */
  /* Which sentences say what is bought, made when a subject rule first
     needs it. */
  ck_subject_map *subjects;
  /* Per sentence that introduces a list: -1 not yet known, else whether it
     binds (its items inherit that); made with the evaluator. */
  signed char *lead_binds;
  bool title_line; /* ck_doc_title_line(doc): the first block is the title */
};

/* What one rule's patterns find in the whole document. */
typedef struct rule_cache {
  bool has_hits[CK_CHANNEL_ALL]; /* MATCH, CONTRADICT */
  hits hits[CK_CHANNEL_ALL];
  /* For the lots of a notice: whether the hits are in sentence order, and
     then the positions (in 'hits') of those in the procedure's blocks,
     which every lot sees. */
  bool has_lot_index[CK_CHANNEL_ALL];
  bool in_order[CK_CHANNEL_ALL];
  size_t *procedure_hits[CK_CHANNEL_ALL];
  size_t nprocedure_hits[CK_CHANNEL_ALL];
  bool has_when;
  size_t *when_blocks; /* blocks where the condition matches, ascending */
  size_t nwhen, cap_when;
  bool limited;
  bool timed_out;
} rule_cache;
typedef struct ck_rule_eval evaluator;

/* Whether block 'b' is part of what is being evaluated: everything without
   lots; with lots, the lot's own blocks and the procedure's. */
static bool block_visible(const evaluator *ev, size_t b) {
  return !ev->block_lot || ev->block_lot[b] < 0 || ev->block_lot[b] == ev->lot;
}

static uint64_t now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* The deadline 'ms' milliseconds from now, 0 (none) for 0. */
static uint64_t deadline_in(unsigned ms) { return ms ? now_ns() + (uint64_t)ms * 1000000u : 0; }

static bool clock_says_out_of_time(evaluator *ev);

/* Reads the clock every CLOCK_EVERY calls of PCRE2 (one read costs about
   as much as the cheapest call) and marks the budgets that are spent. */
enum { CLOCK_EVERY = 8 };
static bool out_of_time(evaluator *ev) {
  if (ev->out_of_time)
    return true;
  if ((!ev->rule_deadline && !ev->doc_deadline) || ++ev->calls_since_clock < CLOCK_EVERY)
    return false;
  return clock_says_out_of_time(ev);
}

/* Reads the clock now and marks the budgets that are spent. */
static bool clock_says_out_of_time(evaluator *ev) {
  ev->calls_since_clock = 0;
  uint64_t now = now_ns();
  if (ev->doc_deadline && now >= ev->doc_deadline)
    ev->doc_out_of_time = true;
  ev->out_of_time = ev->doc_out_of_time || (ev->rule_deadline && now >= ev->rule_deadline);
  return ev->out_of_time;
}

/* Finds the next match of 'code' in s[from, len); false when there is
   none, when the code has been stopped by PCRE2's limits, or when a time
   budget is spent. */
static bool find_code(const evaluator *ev_const, const pcre2_code *code, const char *s,
                      size_t len, size_t from, size_t *ms, size_t *me) {
  /* The evaluator is logically const to its callers; the list of stopped
     patterns is a cache of what PCRE2 already refused. */
  evaluator *ev = (evaluator *)(uintptr_t)ev_const;
  if (from > len || out_of_time(ev))
    return false;
  for (size_t i = 0; i < ev->nstopped; i++)
    if (ev->stopped[i] == code)
      return false;
  /* Document text is valid UTF-8 by construction (readers decode and
     validate it), so PCRE2 need not check it again on every call: it would
     re-read the rest of the text each time. */
  /* The match limit bounds backtracking per start, but a lazy scan such as
     the "^(?=[\s\S]*?word)" of a condition spends a step or two per byte
     of the subject without backtracking at all: on a paragraph of some
     megabytes a fixed limit would stop an ordinary pattern. The budget
     grows with the subject, so the work stays linear in it. */
  size_t rest = len - from;
  pcre2_set_match_limit(ev->mc, rest > PCRE2_MATCH_LIMIT / MATCH_STEPS_PER_BYTE
                                    ? (uint32_t)(rest > UINT32_MAX / MATCH_STEPS_PER_BYTE
                                                     ? UINT32_MAX
                                                     : rest * MATCH_STEPS_PER_BYTE)
                                    : PCRE2_MATCH_LIMIT);
  int rc;
  for (;;) {
    /* A search over a long text goes a window at a time: PCRE2 looks for
       a match that starts in [from, from + WINDOW] (it may end beyond, so
       the answer is the one a single call gives), and the clock is read
       between windows. One call over a whole document with a pattern that
       backtracks at every position would otherwise run to its end
       however long that takes: the match limit holds per start. */
    enum { WINDOW = 4096 };
    bool windowed = len - from > WINDOW && (ev->rule_deadline || ev->doc_deadline);
    if (windowed)
      pcre2_set_offset_limit(ev->mc, from + WINDOW);
    rc = pcre2_match(code, (PCRE2_SPTR)s, len, from, PCRE2_NO_UTF_CHECK, ev->md, ev->mc);
    if (!windowed)
      break;
    pcre2_set_offset_limit(ev->mc, PCRE2_UNSET);
    if (rc != PCRE2_ERROR_NOMATCH)
      break;
    from += WINDOW; /* no match starts in the window: on past it */
    while (from < len && ((unsigned char)s[from] & 0xC0) == 0x80)
      from++;
    if (clock_says_out_of_time(ev))
      return false;
  }
  if (rc < 0 && rc != PCRE2_ERROR_NOMATCH) {
    /* A match, depth, heap or JIT stack limit (or any other failure of
       PCRE2 on valid input): the pattern is stopped for this document. */
    CK_GROW(ev->stopped, ev->cap_stopped, ev->nstopped + 1);
    ev->stopped[ev->nstopped++] = code;
    return false;
  }
  if (rc < 0)
    return false; /* no match */
  PCRE2_SIZE *ov = pcre2_get_ovector_pointer(ev->md);
  *ms = ov[0];
  *me = ov[1];
  return true;
}

/* Where the next search in s[0, len) starts after the match [ms, me): at
   its end, or one whole character on after an empty match (a
   lookahead-only pattern, or a rule file's pattern with an empty branch).
   PCRE2 is told the text is valid UTF-8 (PCRE2_NO_UTF_CHECK), so a start
   inside a character is not merely a wrong answer but undefined behaviour
   in its JIT code. Past the end (len + 1), find_code finds nothing. */
static size_t after_match(const char *s, size_t len, size_t ms, size_t me) {
  if (me > ms)
    return me;
  if (ms >= len)
    return len + 1;
  size_t p = ms + 1;
  while (p < len && ((unsigned char)s[p] & 0xC0) == 0x80)
    p++;
  return p;
}

static bool find(const evaluator *ev, const ck_pattern *p, const char *s, size_t len,
                 size_t from, size_t *ms, size_t *me) {
  ck_pattern_ready(p);
  return find_code(ev, p->code, s, len, from, ms, me);
}

/* The first match in s[from, len) of the branches of 'range' that 'mask'
   names, restricted to those of pattern 'pattern' unless it is
   (uint32_t)-1: the leftmost, the earliest branch on a tie, as the whole
   pattern (or list of patterns) would find it. */
static bool find_branches(const evaluator *ev, ck_branch_range range, uint64_t mask,
                          uint32_t pattern, const char *s, size_t len, size_t from, size_t *ms,
                          size_t *me) {
  bool found = false;
  for (uint32_t k = 0; k < range.n; k++) {
    const ck_branch *b = &range.branches[k];
    if (!ck_mask_has(mask, k) || (pattern != (uint32_t)-1 && b->pattern != pattern))
      continue;
    size_t s0, e0;
    if (find_code(ev, ck_branch_code(b), s, len, from, &s0, &e0) && (!found || s0 < *ms)) {
      found = true;
      *ms = s0;
      *me = e0;
    }
  }
  return found;
}

/* The prefilter's candidates of list 'li', scanning the document on first use. */
static const ck_candidate_list *candidates_of(ck_rule_eval *ev, size_t li) {
  if (!ev->scanned) {
    ck_prefilter_scan(ev->rs->prefilter, ev->doc, &ev->candidates);
    ev->scanned = true;
  }
  return &ev->candidates.lists[li];
}

static bool matches_in(const evaluator *ev, const ck_pattern *p, const char *s, size_t len) {
  size_t ms, me;
  return find(ev, p, s, len, 0, &ms, &me);
}

static int hit_cmp(const void *a, const void *b) {
  const hit *x = a, *y = b;
  if (x->sentence != y->sentence)
    return x->sentence < y->sentence ? -1 : 1;
  if (x->ms != y->ms)
    return x->ms < y->ms ? -1 : 1;
  return 0;
}

/* Every sentence in which some pattern of 'list' matches, with its first
   match, in document order. */
static void collect_hits(const evaluator *ev, const ck_pattern_list *list, hits *out) {
  const char *text = ck_buf_cstr(&ev->doc->text);
  size_t len = ev->doc->text.len;
  out->n = 0;
  for (size_t i = 0; i < list->n; i++) {
    size_t pos = 0, ms, me;
    size_t last_sentence = (size_t)-1;
    while (find(ev, &list->items[i], text, len, pos, &ms, &me)) {
      size_t s = ck_doc_sentence_at(ev->doc, ms, (size_t)-1);
      if (s != (size_t)-1 && s != last_sentence &&
          block_visible(ev, ev->doc->sentences[s].block)) {
        CK_GROW(out->items, out->cap, out->n + 1);
        size_t end = ev->doc->sentences[s].end;
        out->items[out->n++] = (hit){s, ms, me < end ? me : end};
        last_sentence = s;
      }
      pos = after_match(text, len, ms, me);
    }
  }
  if (out->n > 1) {
    qsort(out->items, out->n, sizeof *out->items, hit_cmp);
    size_t w = 1;
    for (size_t r = 1; r < out->n; r++)
      if (out->items[r].sentence != out->items[w - 1].sentence)
        out->items[w++] = out->items[r];
    out->n = w;
  }
}

/* Like collect_hits(), for a list the prefilter covers: only the
   sentences that hold one of the list's words are matched, each on its own
   and only against the branches whose words it holds. */
static void collect_candidate_hits(ck_rule_eval *ev, size_t li, ck_branch_range range,
                                   hits *out) {
  const ck_candidate_list *c = candidates_of(ev, li);
  const char *text = ck_buf_cstr(&ev->doc->text);
  out->n = 0;
  for (size_t k = 0; k < c->n; k++) {
    size_t si = c->units[k];
    const ck_sentence *s = &ev->doc->sentences[si];
    if (!block_visible(ev, s->block))
      continue;
    size_t ms, me;
    if (find_branches(ev, range, ck_candidate_mask(c, k), (uint32_t)-1, text + s->start,
                      s->end - s->start, 0, &ms, &me)) {
      CK_GROW(out->items, out->cap, out->n + 1);
      out->items[out->n++] = (hit){si, s->start + ms, s->start + me};
    }
  }
}

/* The sentences of 'list' (channel 'channel' of rule 'rule'), through the
   prefilter when it covers the list. */
static void collect_rule_hits_uncached(ck_rule_eval *ev, size_t rule, ck_channel channel,
                                       const ck_pattern_list *list, hits *out) {
  const ck_prefilter *pf = ev->rs->prefilter;
  size_t li = ck_prefilter_list_index(pf, channel, rule);
  ck_branch_range range = ck_prefilter_range(pf, li, ev->doc->lang);
  if (range.covered)
    collect_candidate_hits(ev, li, range, out);
  else
    collect_hits(ev, list, out);
}

/* Runs 'fill' for the whole document, as if there were no lots, and
   records in the rule's cache whether PCRE2 cut it short. */
#define WITHOUT_LOTS(ev, rc, fill)                                                    \
  do {                                                                               \
    const int *saved_lots = (ev)->block_lot;                                         \
    size_t stopped_before = (ev)->nstopped;                                          \
    (ev)->block_lot = NULL;                                                          \
    fill;                                                                            \
    (ev)->block_lot = saved_lots;                                                    \
    (rc)->limited = (rc)->limited || (ev)->nstopped > stopped_before;                \
    (rc)->timed_out = (rc)->timed_out || (ev)->out_of_time;                          \
  } while (0)

static size_t hit_block(const evaluator *ev, const hits *all, size_t i) {
  return ev->doc->sentences[all->items[i].sentence].block;
}

static bool proc_is(const evaluator *ev, const hits *all, size_t i) {
  return ev->block_lot[hit_block(ev, all, i)] < 0;
}

/* The first of the hits all->items[from, to), in sentence order, whose
   block is at least 'block'. */
static size_t first_hit_from_block(const evaluator *ev, const hits *all, size_t from, size_t to,
                                   size_t block) {
  while (from < to) {
    size_t mid = from + (to - from) / 2;
    if (hit_block(ev, all, mid) < block)
      from = mid + 1;
    else
      to = mid;
  }
  return from;
}

/* The hits of the whole document that lot ev->lot sees, in their order:
   those in the procedure's blocks and those in the lot's own. Filtering
   every hit for every lot grew with lots times hits, quadratic in a notice
   whose lots each add hits; the procedure's hits are listed once, and a
   lot's own are found by a binary search of its range of blocks. Hits
   that are not in sentence order (a list the prefilter does not cover
   gives them pattern by pattern) are filtered one by one. */
static void lot_hits(const evaluator *ev, rule_cache *rc, ck_channel channel, hits *out) {
  const hits *all = &rc->hits[channel];
  if (!rc->has_lot_index[channel]) {
    rc->has_lot_index[channel] = true;
    rc->in_order[channel] = true;
    for (size_t i = 1; i < all->n && rc->in_order[channel]; i++)
      rc->in_order[channel] = all->items[i - 1].sentence <= all->items[i].sentence;
    size_t cap = 0;
    for (size_t i = 0; rc->in_order[channel] && i < all->n; i++)
      if (ev->block_lot[hit_block(ev, all, i)] < 0) {
        CK_GROW(rc->procedure_hits[channel], cap, rc->nprocedure_hits[channel] + 1);
        rc->procedure_hits[channel][rc->nprocedure_hits[channel]++] = i;
      }
  }
  if (!rc->in_order[channel]) {
    for (size_t i = 0; i < all->n; i++)
      if (block_visible(ev, hit_block(ev, all, i))) {
        CK_GROW(out->items, out->cap, out->n + 1);
        out->items[out->n++] = all->items[i];
      }
    return;
  }
  const ck_lot *lot = &ev->doc->lots[ev->lot];
  size_t i = first_hit_from_block(ev, all, 0, all->n, lot->block_start);
  size_t end = first_hit_from_block(ev, all, i, all->n, lot->block_end);
  const size_t *proc = rc->procedure_hits[channel];
  size_t np = rc->nprocedure_hits[channel], p = 0;
  /* merge the two runs of positions, both ascending */
  while (p < np || i < end) {
    size_t k;
    if (i >= end || (p < np && proc[p] < i)) {
      k = proc[p++];
    } else {
      k = i++;
      if (proc_is(ev, all, k))
        continue; /* a procedure block inside the range: taken from 'proc' */
      if (!block_visible(ev, hit_block(ev, all, k)))
        continue;
    }
    CK_GROW(out->items, out->cap, out->n + 1);
    out->items[out->n++] = all->items[k];
  }
}

static void collect_rule_hits(ck_rule_eval *ev, size_t rule, ck_channel channel,
                              const ck_pattern_list *list, hits *out) {
  if (!ev->cache) {
    collect_rule_hits_uncached(ev, rule, channel, list, out);
    return;
  }
  rule_cache *rc = &ev->cache[rule];
  if (!rc->has_hits[channel]) {
    WITHOUT_LOTS(ev, rc, collect_rule_hits_uncached(ev, rule, channel, list, &rc->hits[channel]));
    rc->has_hits[channel] = true;
  }
  ev->cache_limited = ev->cache_limited || rc->limited;
  ev->cache_timed_out = ev->cache_timed_out || rc->timed_out;
  out->n = 0;
  const hits *all = &rc->hits[channel];
  if (ev->block_lot && ev->lot >= 0 && (size_t)ev->lot < ev->doc->nlots) {
    lot_hits(ev, rc, channel, out);
    return;
  }
  for (size_t i = 0; i < all->n; i++)
    if (block_visible(ev, ev->doc->sentences[all->items[i].sentence].block)) {
      CK_GROW(out->items, out->cap, out->n + 1);
      out->items[out->n++] = all->items[i];
    }
}

static bool any_matches(const evaluator *ev, const ck_pattern_list *list, const char *s,
                        size_t len) {
  for (size_t i = 0; i < list->n; i++)
    if (matches_in(ev, &list->items[i], s, len))
      return true;
  return false;
}

/* The branches of list 'li' whose words 'sentence' holds (0: none of
   them), from the prefilter's candidates. */
static uint64_t sentence_mask(ck_rule_eval *ev, size_t li, size_t sentence) {
  const ck_candidate_list *c = candidates_of(ev, li);
  size_t lo = 0, hi = c->n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (c->units[mid] < sentence)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo < c->n && c->units[lo] == sentence ? ck_candidate_mask(c, lo) : 0;
}

/* Whether some pattern of 'list' (channel 'channel' of rule 'rule') matches
   in 'sentence', or with 'every', whether each of them does. Through the
   prefilter when it covers the list: a pattern whose words the sentence
   lacks fails without a call to PCRE2, and one that has them runs only the
   branches with words there. */
/* Whether pattern 'i' of 'list' (channel 'channel' of rule 'rule') matches
   in 'sentence': through the prefilter when it covers the list (a pattern
   whose words the sentence lacks fails without a call to PCRE2, and one that
   has them runs only the branches with words there). */
static bool pattern_in_sentence(ck_rule_eval *ev, size_t rule, ck_channel channel,
                                const ck_pattern_list *list, size_t i, size_t sentence) {
  const ck_sentence *s = &ev->doc->sentences[sentence];
  const char *text = ck_buf_cstr(&ev->doc->text) + s->start;
  size_t len = s->end - s->start, ms, me;
  const ck_prefilter *pf = ev->rs->prefilter;
  size_t li = ck_prefilter_list_index(pf, channel, rule);
  ck_branch_range range = ck_prefilter_range(pf, li, ev->doc->lang);
  if (!range.covered)
    return matches_in(ev, &list->items[i], text, len);
  uint64_t mask = sentence_mask(ev, li, sentence);
  return mask && find_branches(ev, range, mask, (uint32_t)i, text, len, 0, &ms, &me);
}

/* Whether some pattern of 'list' matches in 'sentence', or with 'every',
   whether each of them does. */
static bool list_in_sentence(ck_rule_eval *ev, size_t rule, ck_channel channel,
                             const ck_pattern_list *list, bool every, size_t sentence) {
  for (size_t i = 0; i < list->n; i++)
    if (pattern_in_sentence(ev, rule, channel, list, i, sentence) != every)
      return !every;
  return every;
}

/* Items after a lead-in that the 'all' part may look into. */
#define LIST_CONTEXT_ITEMS 50

/* Whether each 'all' pattern matches in the sentence or in its list
   context: the lead-in of an item, or the items of a lead-in. "The supplier
   shall report the following:" and "- the share of reused devices" state one
   requirement in two sentences. */
static bool all_in_context(ck_rule_eval *ev, size_t rule, const ck_pattern_list *all,
                           size_t sentence) {
  const ck_doc *doc = ev->doc;
  const ck_sentence *s = &doc->sentences[sentence];
  bool leads = sentence + 1 < doc->nsentences &&
               doc->sentences[sentence + 1].lead == (int32_t)sentence;
  for (size_t i = 0; i < all->n; i++) {
    if (pattern_in_sentence(ev, rule, CK_CHANNEL_ALL, all, i, sentence))
      continue;
    bool found = s->lead >= 0 &&
                 pattern_in_sentence(ev, rule, CK_CHANNEL_ALL, all, i, (size_t)s->lead);
    for (size_t k = sentence + 1; leads && !found && k < doc->nsentences &&
                                  k <= sentence + LIST_CONTEXT_ITEMS &&
                                  doc->sentences[k].lead == (int32_t)sentence;
         k++)
      found = pattern_in_sentence(ev, rule, CK_CHANNEL_ALL, all, i, k);
    if (!found)
      return false;
  }
  return true;
}

/* Whether a sentence with a hit also satisfies the 'all' and 'none' parts. */
static bool sentence_qualifies(ck_rule_eval *ev, size_t rule, const ck_pattern_set *ps,
                               size_t sentence) {
  return all_in_context(ev, rule, &ps->all, sentence) &&
         !list_in_sentence(ev, rule, CK_CHANNEL_NONE, &ps->none, false, sentence);
}

static bool is_word_byte(unsigned char c) { return c >= 0x80 || c == '_' || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'); }

/* Words strictly between byte offsets a < b of 's', with a penalty when a
   comma or semicolon separates them. */
static unsigned word_distance(const char *s, size_t a, size_t b) {
  unsigned words = 0;
  bool in_word = false, clause_break = false;
  for (size_t i = a; i < b; i++) {
    unsigned char c = (unsigned char)s[i];
    if (is_word_byte(c)) {
      if (!in_word)
        words++;
      in_word = true;
    } else {
      in_word = false;
      if (c == ',' || c == ';' || c == '|')
        clause_break = true;
    }
  }
  return words + (clause_break ? CLAUSE_BREAK_PENALTY : 0);
}

/* The figure that belongs to the matched words: the nearest quantity in the
   rule's unit within its window, never a contract duration. */
static bool figure_for(const evaluator *ev, const ck_rule *rule, const char *text, size_t len,
                       size_t ms, size_t me, double *value) {
  ck_quantity qs[MAX_QUANTITIES];
  size_t n = ck_find_quantities(text, len, ev->doc->lang, qs, MAX_QUANTITIES);
  if (n > MAX_QUANTITIES)
    n = MAX_QUANTITIES;
  unsigned window = rule->value.window ? rule->value.window : DEFAULT_VALUE_WINDOW;
  bool found = false;
  unsigned best = 0;
  for (size_t i = 0; i < n; i++) {
    double v;
    if (qs[i].duration || !ck_quantity_as(&qs[i], rule->value.unit, &v))
      continue;
    unsigned d;
    if (qs[i].end <= ms)
      d = word_distance(text, qs[i].end, ms);
    else if (qs[i].start >= me)
      d = word_distance(text, me, qs[i].start);
    else
      d = 0; /* the figure is inside the matched words, "5-årsgaranti" */
    if (d > window)
      continue;
    if (!found || d < best) {
      found = true;
      best = d;
      *value = v;
    }
  }
  return found;
}

static bool meets(const ck_value_spec *v, double found, double required) {
  const double eps = 1e-9;
  return v->compare == CK_COMPARE_AT_LEAST ? found + eps >= required : found - eps <= required;
}

static bool in_scope(const ck_rule *rule, ck_section_kind kind) {
  return (rule->scope & (1u << kind)) != 0;
}

/* Words that name the buyer. "Oppdragsgiver kan kreve dagmulkt" gives the
   buyer a right, which binds the supplier as much as a "skal" does; only a
   supplier's "kan" is a mere permission. */
static const char *const buyer_words[] = {
    "oppdragsgiver*", "oppdragsgjevar*", "kunden", "innkjøper*", "byggherre*", "kommunen", "fylkeskommunen",
    "the contracting authority", "the contracting entity", "the buyer", "the client",
    "the customer", "the purchaser", "the authority", "the employer",
};

static bool buyer_at(const char *text, size_t len, size_t pos, size_t must_end) {
  for (size_t i = 0; i < sizeof buyer_words / sizeof *buyer_words; i++) {
    size_t end = ck_text_match_phrase(text, len, pos, buyer_words[i]);
    if (end && (must_end == (size_t)-1 || end == must_end))
      return true;
  }
  return false;
}

/* True when the buyer is the subject of the modal cue at [cs, ce): right
   after it ("kan oppdragsgiver kreve") or in the three words before it
   ("the contracting authority may"). */
static bool buyer_holds_right(const char *text, size_t len, size_t cs, size_t ce) {
  size_t after = ce;
  while (after < len && ck_text_space_len(text, len, after))
    after += ck_text_space_len(text, len, after);
  if (buyer_at(text, len, after, (size_t)-1))
    return true;
  size_t before_end = cs;
  while (before_end > 0 && text[before_end - 1] == ' ')
    before_end--;
  size_t pos = before_end;
  for (int words = 0; words < 3 && pos > 0; words++) {
    while (pos > 0 && ck_text_word_before(text, pos)) {
      pos--;
      while (pos > 0 && ((unsigned char)text[pos] & 0xC0) == 0x80)
        pos--; /* back to the first byte of the character */
    }
    if (buyer_at(text, len, pos, before_end))
      return true;
    while (pos > 0 && text[pos - 1] == ' ')
      pos--;
  }
  return false;
}

/* Judges one sentence that the rule's patterns matched. */
/* Whether a sentence holds a dot leader ("Garanti ........ 4", "…… 12"): a
   line of a table of contents names a chapter, it requires nothing. */
static bool contents_line(const ck_doc *doc, size_t sentence) {
  const ck_sentence *s = &doc->sentences[sentence];
  const char *t = doc->text.ptr;
  size_t dots = 0;
  for (size_t i = s->start; i < s->end; i++) {
    if (t[i] == '.')
      dots++;
    else if (i + 2 < s->end && (unsigned char)t[i] == 0xE2 && (unsigned char)t[i + 1] == 0x80 &&
             (unsigned char)t[i + 2] == 0xA6) /* … */
      dots += 3, i += 2;
    else
      dots = 0;
    if (dots >= 4)
      return true;
  }
  return false;
}

/* Whether the sentence that introduces a list binds ("Leverandøren skal
   tilby følgende:"), worked out once however many items and rules ask. */
static bool lead_binds(const evaluator *ev, size_t lead) {
  if (ev->lead_binds[lead] < 0) {
    const ck_sentence *l = &ev->doc->sentences[lead];
    size_t len = l->end - l->start;
    ck_sentence_mode m =
        ck_classify_sentence(ck_buf_cstr(&ev->doc->text) + l->start, len, ev->doc->lang, 0, len);
    ev->lead_binds[lead] = m.modality == CK_MODALITY_BINDING && !m.waived && !m.negated;
  }
  return ev->lead_binds[lead] == 1;
}

static judgement judge(const evaluator *ev, const ck_rule *rule, const hit *h) {
  const ck_doc *doc = ev->doc;
  const ck_sentence *s = &doc->sentences[h->sentence];
  const char *text = ck_buf_cstr(&doc->text) + s->start;
  size_t len = s->end - s->start;
  size_t ms = h->ms - s->start, me = h->me - s->start;
  ck_section_kind section = ck_doc_block_section_kind(doc, s->block);
  judgement j = {0};
  j.where = *h;

  ck_reason reason;
  ck_sentence_mode mode = ck_classify_sentence(text, len, doc->lang, ms, me);
  ck_modality modality = mode.modality;
  if (modality == CK_MODALITY_PERMISSION && !mode.waived && !mode.negated &&
      buyer_holds_right(text, len, mode.cue_start, mode.cue_end))
    modality = CK_MODALITY_BINDING;
  /* A list item without a modal verb of its own is as binding as its
     lead-in: "Leverandøren skal tilby følgende:" then "- sikker sletting". */
  if (modality == CK_MODALITY_NONE && s->lead >= 0 && lead_binds(ev, (size_t)s->lead))
    modality = CK_MODALITY_BINDING;
  /* Headings give sentences without a modal verb their force: a plain
     statement under "Kravspesifikasjon" is a requirement; under
     "Tildelingskriterier" it earns points, which binds only rules about the
     award criteria themselves ("Miljø 30 %"). */
  if (modality == CK_MODALITY_NONE) {
    if (section == CK_SECTION_REQUIREMENTS || section == CK_SECTION_QUALIFICATION ||
        section == CK_SECTION_CONTRACT)
      modality = CK_MODALITY_BINDING;
    else if (section == CK_SECTION_AWARD)
      modality = in_scope(rule, CK_SECTION_AWARD) ? CK_MODALITY_BINDING : CK_MODALITY_WISH;
  }

  if (section == CK_SECTION_BACKGROUND || ck_sentence_states_purpose(text, len))
    reason = CK_REASON_BACKGROUND_ONLY;
  else if (mode.waived || (mode.negated && !rule->prohibition))
    reason = CK_REASON_NEGATED;
  else if (modality == CK_MODALITY_WISH)
    reason = CK_REASON_WISH_ONLY;
  else if (modality == CK_MODALITY_PERMISSION)
    reason = CK_REASON_PERMISSION_ONLY;
  else if (modality == CK_MODALITY_NONE)
    reason = CK_REASON_NOT_BINDING;
  else if (!in_scope(rule, section))
    reason = CK_REASON_WRONG_SECTION;
  else
    reason = CK_REASON_MET;

  /* A figure is read whenever the sentence says something positive, so a
     wish for "3 års garanti" still shows the 3 years. */
  if (rule->value.present && reason != CK_REASON_BACKGROUND_ONLY &&
      reason != CK_REASON_NEGATED) {
    double v;
    if (figure_for(ev, rule, text, len, ms, me, &v)) {
      j.has_found = true;
      j.found = v;
      if (reason == CK_REASON_MET &&
          !meets(&rule->value, v, rule->value.threshold[ev->opts->level]))
        reason = CK_REASON_BELOW_THRESHOLD;
    } else if (reason == CK_REASON_MET) {
      reason = CK_REASON_NO_FIGURE;
    }
  }

  if (reason == CK_REASON_MET && rule->has_qualifier) {
    /* The qualifier ("eller tilsvarende", how it is documented) may stand
       anywhere in the block, not only in the matched sentence. */
    const ck_pattern_set *q = ck_lang_patterns_get(&rule->qualifier, doc->lang);
    const ck_block *b = &doc->blocks[s->block];
    size_t end = s->end > b->end ? s->end : b->end;
    const char *btext = ck_buf_cstr(&doc->text) + b->start;
    if (q && !any_matches(ev, &q->any, btext, end - b->start))
      reason = rule->qualifier_reason;
  }

  j.reason = reason;
  j.status = status_of(reason);
  j.score = reason_score[reason];
  return j;
}

/* Judges a sentence of the subject of the contract for a subject rule: what
   is bought is itself the criterion ("Leie av gravemaskin"), or one option
   of several ("leasing eller kjøp", "ny eller brukt", "kan tilbys"). A
   negated or background mention is no evidence at all (score -1). */
static judgement judge_subject(const evaluator *ev, const ck_rule *rule, const hit *h) {
  const ck_doc *doc = ev->doc;
  const ck_sentence *s = &doc->sentences[h->sentence];
  const char *text = ck_buf_cstr(&doc->text) + s->start;
  size_t len = s->end - s->start;
  judgement j = {.score = -1, .where = *h};
  ck_subject_kind kind = ck_subject_of(ev->subjects, h->sentence);
  ck_section_kind section = ck_doc_block_section_kind(doc, s->block);
  const ck_pattern_set *alt = ck_lang_patterns_get(&rule->alternative, doc->lang);
  /* Outside the subject, only an option about what is bought counts, and
     wherever it is written: "Maskinen skal være ny eller lite brukt",
     "leasing eller kjøp". */
  bool alternative_only = false;
  if (kind == CK_SUBJECT_NONE) {
    if (section == CK_SECTION_BACKGROUND || !alt || !any_matches(ev, &alt->any, text, len))
      return j;
    alternative_only = true;
  }
  /* "Ved kjøp av ..." inside the requirements opens a requirement about
     something else, not the scope of the purchase */
  if (kind == CK_SUBJECT_LEAD_IN && section != CK_SECTION_NONE &&
      section != CK_SECTION_BACKGROUND)
    return j;
  ck_sentence_mode mode =
      ck_classify_sentence(text, len, doc->lang, h->ms - s->start, h->me - s->start);
  if (mode.waived || mode.negated)
    return j;
  /* "ønsker å leie" is the buyer's wish, which is what it buys; a
     supplier's "kan tilbys" only opens the door */
  bool option = alternative_only || (mode.modality == CK_MODALITY_PERMISSION &&
                                     !buyer_holds_right(text, len, mode.cue_start, mode.cue_end));
  if (!option && alt && any_matches(ev, &alt->any, text, len))
    option = true;
  j.reason = option ? CK_REASON_SUBJECT_ALTERNATIVE : CK_REASON_SUBJECT;
  j.status = status_of(j.reason);
  j.score = reason_score[j.reason];
  return j;
}

/* The first sentence, outside background sections and not negated, that
   says what contradicts the rule ("Kun nye møbler aksepteres"). */
static bool find_contradiction(ck_rule_eval *ev, const ck_rule *rule, hits *scratch,
                               hit *out) {
  const ck_pattern_set *cs = ck_lang_patterns_get(&rule->contradict, ev->doc->lang);
  if (!cs || cs->any.n == 0)
    return false;
  collect_rule_hits(ev, rule->index, CK_CHANNEL_CONTRADICT, &cs->any, scratch);
  for (size_t i = 0; i < scratch->n; i++) {
    const hit *h = &scratch->items[i];
    const ck_sentence *s = &ev->doc->sentences[h->sentence];
    if (ck_doc_block_section_kind(ev->doc, s->block) == CK_SECTION_BACKGROUND ||
        ev->doc->blocks[s->block].kind == CK_BLOCK_HEADING)
      continue;
    const char *text = ck_buf_cstr(&ev->doc->text) + s->start;
    ck_sentence_mode mode = ck_classify_sentence(text, s->end - s->start, ev->doc->lang,
                                                 h->ms - s->start, h->me - s->start);
    if (mode.waived || mode.negated || mode.modality == CK_MODALITY_WISH ||
        mode.modality == CK_MODALITY_PERMISSION)
      continue;
    *out = *h;
    return true;
  }
  return false;
}

/* Whether some pattern of 'list' matches in the visible part of the text. */
static bool visible_match(const evaluator *ev, const ck_pattern_list *list) {
  const char *text = ck_buf_cstr(&ev->doc->text);
  for (size_t i = 0; i < list->n; i++) {
    size_t pos = 0, ms, me;
    while (find(ev, &list->items[i], text, ev->doc->text.len, pos, &ms, &me)) {
      if (ev->doc->nblocks && block_visible(ev, ck_doc_block_at(ev->doc, ms)))
        return true;
      pos = after_match(text, ev->doc->text.len, ms, me);
    }
  }
  return false;
}

/* The same for a list the prefilter covers: only the visible blocks that
   hold one of its words are matched, with the text before them in view for
   lookbehinds, as in a scan of the whole text. */
static bool visible_candidate_match(ck_rule_eval *ev, size_t li, ck_branch_range range) {
  const ck_candidate_list *c = candidates_of(ev, li);
  const char *text = ck_buf_cstr(&ev->doc->text);
  for (size_t k = 0; k < c->n; k++) {
    const ck_block *b = &ev->doc->blocks[c->units[k]];
    size_t ms, me;
    if (block_visible(ev, c->units[k]) &&
        find_branches(ev, range, ck_candidate_mask(c, k), (uint32_t)-1, text, b->end, b->start, &ms, &me))
      return true;
  }
  return false;
}

/* Every block where the condition of 'rule' matches, for the cache. */
static void when_blocks(ck_rule_eval *ev, const ck_rule *rule, const ck_pattern_list *list,
                        rule_cache *rc) {
  const ck_prefilter *pf = ev->rs->prefilter;
  size_t li = ck_prefilter_list_index(pf, CK_CHANNEL_WHEN, rule->index);
  ck_branch_range range = ck_prefilter_range(pf, li, ev->doc->lang);
  const char *text = ck_buf_cstr(&ev->doc->text);
  size_t ms, me;
  if (range.covered) {
    const ck_candidate_list *c = candidates_of(ev, li);
    for (size_t k = 0; k < c->n; k++) {
      const ck_block *b = &ev->doc->blocks[c->units[k]];
      if (find_branches(ev, range, ck_candidate_mask(c, k), (uint32_t)-1, text, b->end, b->start, &ms, &me)) {
        CK_GROW(rc->when_blocks, rc->cap_when, rc->nwhen + 1);
        rc->when_blocks[rc->nwhen++] = c->units[k];
      }
    }
    return;
  }
  for (size_t i = 0; i < list->n; i++) {
    size_t pos = 0;
    while (find(ev, &list->items[i], text, ev->doc->text.len, pos, &ms, &me)) {
      size_t b = ck_doc_block_at(ev->doc, ms);
      if (!rc->nwhen || rc->when_blocks[rc->nwhen - 1] != b) {
        CK_GROW(rc->when_blocks, rc->cap_when, rc->nwhen + 1);
        rc->when_blocks[rc->nwhen++] = b;
      }
      pos = after_match(text, ev->doc->text.len, ms, me);
    }
  }
}

static bool when_holds(ck_rule_eval *ev, const ck_rule *rule) {
  const ck_pattern_set *ws = ck_lang_patterns_get(&rule->when, ev->doc->lang);
  if (!ws)
    return false;
  if (ev->cache && ev->doc->nblocks) {
    rule_cache *rc = &ev->cache[rule->index];
    if (!rc->has_when) {
      WITHOUT_LOTS(ev, rc, when_blocks(ev, rule, &ws->any, rc));
      rc->has_when = true;
    }
    ev->cache_limited = ev->cache_limited || rc->limited;
    ev->cache_timed_out = ev->cache_timed_out || rc->timed_out;
    for (size_t i = 0; i < rc->nwhen; i++)
      if (block_visible(ev, rc->when_blocks[i]))
        return true;
    return false;
  }
  const ck_prefilter *pf = ev->rs->prefilter;
  size_t li = ck_prefilter_list_index(pf, CK_CHANNEL_WHEN, rule->index);
  ck_branch_range range = ck_prefilter_range(pf, li, ev->doc->lang);
  if (range.covered)
    return visible_candidate_match(ev, li, range);
  return visible_match(ev, &ws->any);
}

static void make_evidence(const evaluator *ev, const hit *h, ck_evidence *e) {
  const ck_doc *doc = ev->doc;
  const ck_sentence *s = &doc->sentences[h->sentence];
  const char *text = ck_buf_cstr(&doc->text);
  size_t last = s->end > s->start ? s->end - 1 : s->start;
  while (last > s->start && ((unsigned char)text[last] & 0xC0) == 0x80)
    last--; /* the first byte of the last character */
  ck_doc_position(doc, s->start, &e->line, &e->col);
  ck_doc_position(doc, last, &e->end_line, &e->end_col);
  e->end_col++;
  e->section = ck_doc_block_section_path(doc, s->block);
  const char *xpath = doc->blocks[s->block].xpath;
  e->xpath = xpath ? ck_xstrdup(xpath) : NULL;
  /* a list item is quoted with the lead-in that gives it its force */
  size_t lead_len = 0;
  ck_buf quote = CK_BUF_INIT;
  if (s->lead >= 0) {
    const ck_sentence *l = &doc->sentences[s->lead];
    ck_buf_put(&quote, text + l->start, l->end - l->start);
    ck_buf_putc(&quote, ' ');
    lead_len = quote.len;
  }
  ck_buf_put(&quote, text + s->start, s->end - s->start);
  e->text = ck_buf_detach(&quote);
  e->hl_start = lead_len + h->ms - s->start;
  e->hl_end = lead_len + h->me - s->start;
}

static char *fill(const evaluator *ev, const ck_rule *rule, const char *tmpl,
                  const ck_result *r) {
  ck_msg_lang lang = ev->msg_lang;
  ck_buf found = CK_BUF_INIT, required = CK_BUF_INIT, out = CK_BUF_INIT;
  double unit_value = 2;
  if (r->has_found) {
    ck_format_number(lang, r->found, &found);
    unit_value = r->found;
  }
  if (rule->value.present) {
    ck_format_number(lang, r->required, &required);
    if (!r->has_found)
      unit_value = r->required;
  }
  ck_template_values v = {
      .name = rule->name[lang],
      .found = ck_buf_cstr(&found),
      .required = ck_buf_cstr(&required),
      .unit = ck_unit_label(lang, rule->value.unit, unit_value),
      .level = ck_level_label(lang, ev->opts->level),
      .category = rule->pack ? rule->pack->name[lang] : NULL,
  };
  ck_fill_template(tmpl, &v, &out);
  ck_buf_free(&found);
  ck_buf_free(&required);
  return ck_buf_detach(&out);
}

static void finish_result(const evaluator *ev, ck_result *r) {
  const ck_rule *rule = r->rule;
  ck_msg_lang lang = ev->msg_lang;
  if (rule->value.present) {
    r->has_value = true;
    r->required = rule->value.threshold[ev->opts->level];
  }
  const char *tmpl = rule->message[r->reason][lang];
  if (!tmpl)
    tmpl = ck_reason_message(lang, r->reason);
  /* Most results found no figure: their message is the same in every
     document, and a report of a thousand documents shares one copy. */
  r->message = r->has_found ? NULL : ck_message_shared(rule, r->reason, lang, ev->opts->level);
  r->message_owned = r->message == NULL;
  if (!r->message)
    r->message = fill(ev, rule, tmpl, r);
  /* A rule of a pack not chosen tells what the text says, but its clause is
     written for its own product category (an EPD clause for buildings in a
     furniture tender): it proposes none. */
  if ((r->status == CK_STATUS_PARTIAL || r->status == CK_STATUS_FAIL) && !r->other_pack)
    ck_rule_eval_set_clause(ev, r);
}

void ck_rule_eval_set_clause(const ck_rule_eval *ev, ck_result *r) {
  /* A report of a thousand documents shows each rule's clause hundreds of
     times: results share one copy unless the text names the figure found. */
  const ck_rule *rule = r->rule;
  ck_msg_lang lang = ev->msg_lang;
  ck_level level = ev->opts->level;
  const char *text = rule->clause.text[lang], *verify = rule->clause.verify[lang];
  const char *shared_text = ck_clause_shared(rule, lang, level, false);
  const char *shared_verify = ck_clause_shared(rule, lang, level, true);
  if ((shared_text || !text) && (shared_verify || !verify)) {
    r->clause = shared_text;
    r->verify = shared_verify;
    r->clause_owned = false;
    return;
  }
  r->clause = text ? fill(ev, rule, text, r) : NULL;
  r->verify = verify ? fill(ev, rule, verify, r) : NULL;
  r->clause_owned = true;
}

static void add_evidence(const evaluator *ev, ck_result *r, const hit *h) {
  if (r->nevidence >= MAX_EVIDENCE)
    return;
  if (!r->evidence)
    r->evidence = ck_xcalloc(MAX_EVIDENCE, sizeof *r->evidence);
  make_evidence(ev, h, &r->evidence[r->nevidence++]);
}

/* A rule of a pack that was not chosen gives evidence only: what it found
   counts, what it did not find is no failure of this purchase. A binding
   requirement with a figure passes, whatever the figure, since the pack's
   figure is for its own category; the message names both figures. Anything
   else found stays as judged. */
static void evidence_only(ck_result *r) {
  if (r->status == CK_STATUS_PASS || r->status == CK_STATUS_PARTIAL) {
    if (r->reason == CK_REASON_BELOW_THRESHOLD ||
        (r->reason == CK_REASON_MET && r->has_found && r->rule->value.present)) {
      r->reason = CK_REASON_OTHER_CATEGORY;
      r->status = CK_STATUS_PASS;
    }
    return;
  }
  /* a failure, not-applicable, or an error the rule's own category would
     need: none of them concerns this purchase */
  ck_result_clear(r);
  r->has_found = false;
  r->limited = false;
  r->reason = CK_REASON_PACK_NOT_SELECTED;
  r->status = CK_STATUS_NOT_APPLICABLE;
}

void ck_rule_eval_withdraw(ck_rule_eval *ev, ck_result *r, ck_reason reason) {
  r->status = CK_STATUS_NOT_APPLICABLE;
  evidence_only(r);
  r->reason = reason;
  finish_result(ev, r);
}

/* Between two equally good sentences the one with the stronger figure
   speaks for the document: "5 years" over "2 years" when both fall short. */
static bool stronger_figure(const ck_rule *rule, const judgement *a, const judgement *b) {
  if (!a->has_found || !b->has_found)
    return a->has_found && !b->has_found;
  return rule->value.compare == CK_COMPARE_AT_LEAST ? a->found > b->found : a->found < b->found;
}

void ck_rule_eval_rule(ck_rule_eval *ev, const ck_rule *rule, bool pack_chosen,
                       ck_result *r) {
  hits *scratch = &ev->scratch;
  size_t stopped_before = ev->nstopped;
  ev->cache_limited = false;
  ev->cache_timed_out = false;
  ev->out_of_time = ev->doc_out_of_time;
  ev->rule_deadline = deadline_in(ev->opts->rule_time_ms);
  memset(r, 0, sizeof *r);
  r->rule = rule;
  r->other_pack = !pack_chosen;
  if (!pack_chosen && rule->category_only) {
    r->reason = CK_REASON_PACK_NOT_SELECTED;
  } else {
    judgement best = {.score = -1, .reason = CK_REASON_ABSENT};
    const ck_pattern_set *ps = ck_lang_patterns_get(&rule->match, ev->doc->lang);
    if (ps) {
      /* Sentences are found through the 'any' patterns, or the first 'all'
         pattern when a rule has only 'all'. */
      ck_pattern_list driver = ps->any;
      if (driver.n == 0 && ps->all.n > 0)
        driver = (ck_pattern_list){ps->all.items, 1, 1};
      collect_rule_hits(ev, rule->index, CK_CHANNEL_MATCH, &driver, scratch);
      if (rule->subject && !ev->subjects)
        ev->subjects = ck_subject_map_new(ev->doc);
      for (size_t i = 0; i < scratch->n; i++) {
        const hit *h = &scratch->items[i];
        /* a title or heading names what is bought; it binds no one */
        size_t block = ev->doc->sentences[h->sentence].block;
        bool title = !rule->subject && (ev->doc->blocks[block].kind == CK_BLOCK_HEADING ||
                                        (block == 0 && ev->title_line));
        if (title || contents_line(ev->doc, h->sentence) ||
            !sentence_qualifies(ev, rule->index, ps, h->sentence))
          continue;
        judgement j = rule->subject ? judge_subject(ev, rule, h) : judge(ev, rule, h);
        if (j.score > best.score || (j.score == best.score && stronger_figure(rule, &j, &best)))
          best = j;
        /* Nothing later can beat a met requirement without a figure to
           compare (the first of equals is kept): a long document stops
           judging here. */
        if (best.score == reason_score[CK_REASON_MET] && !rule->value.present)
          break;
      }
    }
    hit contra;
    if (!rule->subject && find_contradiction(ev, rule, scratch, &contra)) {
      r->reason = CK_REASON_CONTRADICTED;
      add_evidence(ev, r, &contra);
      if (best.score >= 0 && best.where.sentence != contra.sentence)
        add_evidence(ev, r, &best.where);
    } else if (best.score >= 0) {
      r->reason = best.reason;
      r->has_found = best.has_found;
      r->found = best.found;
      add_evidence(ev, r, &best.where);
    } else if (rule->has_when && !when_holds(ev, rule)) {
      /* The condition says where a missing requirement is a failure; what
         a rule finds counts wherever it is written. */
      r->reason = pack_chosen ? CK_REASON_CONDITION_NOT_MET : CK_REASON_PACK_NOT_SELECTED;
    } else {
      r->reason = rule->subject ? CK_REASON_NOT_SUBJECT : CK_REASON_ABSENT;
    }
  }
  bool timed_out = ev->out_of_time || ev->cache_timed_out;
  r->limited = ev->nstopped > stopped_before || ev->cache_limited || timed_out;
  /* A pattern stopped by PCRE2's limits, or a spent time budget, leaves the
     rule unjudged: what was found may be incomplete, so the result is an
     error, not a guess. */
  if (r->limited)
    r->reason = timed_out ? CK_REASON_TIME_LIMIT : CK_REASON_PATTERN_LIMIT;
  /* Outside a rule (choosing packs, the subject map) only the document's
     budget counts. */
  ev->rule_deadline = 0;
  ev->out_of_time = ev->doc_out_of_time;
  r->status = r->limited ? CK_STATUS_ERROR : status_of(r->reason);
  if (!pack_chosen)
    evidence_only(r);
  finish_result(ev, r);
}

/* --- pack choice ----------------------------------------------------------------- */

static bool cpv_matches(const ck_pack *p, const char *code) {
  for (size_t i = 0; i < p->ncpv; i++)
    if (strncmp(code, p->cpv[i], strlen(p->cpv[i])) == 0)
      return true;
  return false;
}

/* Whether 'code' is a broader code above part of the pack: its division or
   group ("34000000" transport equipment, trailing zeros dropped) is the start
   of one of the pack's codes ("341" motor vehicles). Such a code says the
   purchase may fall in the pack, not that it does. */
static bool cpv_broader(const ck_pack *p, const char *code) {
  size_t n = strlen(code);
  while (n > 2 && code[n - 1] == '0')
    n--;
  for (size_t i = 0; i < p->ncpv; i++)
    if (strlen(p->cpv[i]) > n && strncmp(code, p->cpv[i], n) == 0)
      return true;
  return false;
}

/* The first subject word of 'p' found in s[0, len), copied into 'word'. */
static bool subject_in(const evaluator *ev, const ck_pack *p, const char *s, size_t len,
                       ck_buf *word) {
  const ck_pattern_set *ss = ck_lang_patterns_get(&p->subject, ev->doc->lang);
  if (!ss)
    return false;
  for (size_t i = 0; i < ss->any.n; i++) {
    size_t ms, me;
    if (find(ev, &ss->any.items[i], s, len, 0, &ms, &me)) {
      ck_buf_reset(word);
      ck_buf_put(word, s + ms, me - ms);
      return true;
    }
  }
  return false;
}

/* Counts a match of a pack's subject words at text[ms, me) when its block
   is visible; the first one counted is copied into 'word'. */
static void count_subject(const evaluator *ev, size_t block, size_t ms, size_t me, size_t *n,
                          ck_buf *word) {
  if (!block_visible(ev, block))
    return;
  if ((*n)++ == 0 && word) {
    ck_buf_reset(word);
    ck_buf_put(word, ck_buf_cstr(&ev->doc->text) + ms, me - ms);
  }
}

/* Subject words of 'p' in the visible text, counted up to 'enough', pattern
   by pattern in text order; the first one found is copied into 'word'. */
static size_t subject_count(ck_rule_eval *ev, const ck_pack *p, size_t enough, ck_buf *word) {
  const ck_pattern_set *ss = ck_lang_patterns_get(&p->subject, ev->doc->lang);
  if (!ss || !ev->doc->nblocks)
    return 0;
  const ck_prefilter *pf = ev->rs->prefilter;
  size_t pack = 0;
  while (pack < ev->rs->npacks && ev->rs->packs[pack] != p)
    pack++;
  size_t li = ck_prefilter_list_index(pf, CK_CHANNEL_SUBJECT, pack);
  ck_branch_range range =
      pack < ev->rs->npacks ? ck_prefilter_range(pf, li, ev->doc->lang) : (ck_branch_range){0};
  const char *text = ck_buf_cstr(&ev->doc->text);
  size_t n = 0;
  for (size_t i = 0; i < ss->any.n && n < enough; i++) {
    size_t ms, me;
    if (range.covered) {
      const ck_candidate_list *c = candidates_of(ev, li);
      for (size_t k = 0; k < c->n && n < enough; k++) {
        const ck_block *b = &ev->doc->blocks[c->units[k]];
        size_t pos = b->start;
        while (n < enough && find_branches(ev, range, ck_candidate_mask(c, k), (uint32_t)i, text, b->end,
                                           pos, &ms, &me)) {
          count_subject(ev, c->units[k], ms, me, &n, word);
          pos = after_match(text, b->end, ms, me);
        }
      }
    } else {
      size_t pos = 0;
      while (n < enough && find(ev, &ss->any.items[i], text, ev->doc->text.len, pos, &ms, &me)) {
        count_subject(ev, ck_doc_block_at(ev->doc, ms), ms, me, &n, word);
        pos = after_match(text, ev->doc->text.len, ms, me);
      }
    }
  }
  return n;
}

char *ck_rule_eval_pack_reason(ck_rule_eval *ev, const ck_pack *p, char *const *cpv,
                               size_t ncpv, const char *title) {
  ck_msg_lang lang = ev->msg_lang;
  ck_buf why = CK_BUF_INIT, word = CK_BUF_INIT;
  if (p->always) {
    ck_buf_puts(&why, ck_msg(lang, CK_MSG_PACK_ALWAYS));
  } else if (ev->opts->npacks || ev->opts->only_rule) {
    bool forced = ev->opts->only_rule && ev->opts->only_rule->pack == p;
    for (size_t i = 0; i < ev->opts->npacks; i++)
      forced = forced || strcmp(ev->opts->packs[i], p->id) == 0;
    if (forced)
      ck_buf_puts(&why, ck_msg(lang, CK_MSG_PACK_FORCED));
  } else if (ncpv > 0) {
    /* The main code decides first; an additional code only together with
       subject words (a hospital fit-out with one furniture code is no
       furniture purchase). */
    if (cpv_matches(p, cpv[0])) {
      ck_msg_fill(lang, CK_MSG_PACK_CPV, cpv[0], &why);
    } else {
      for (size_t i = 1; i < ncpv && !why.len; i++)
        if (cpv_matches(p, cpv[i]) && subject_count(ev, p, 2, NULL) >= 2)
          ck_msg_fill(lang, CK_MSG_PACK_CPV_ADDITIONAL, cpv[i], &why);
    }
    /* the title names what is bought even when the codes say otherwise
       ("Rammeavtale møbelsnekker" under a craft-services code) */
    if (!why.len && title && subject_in(ev, p, title, strlen(title), &word))
      ck_msg_fill(lang, CK_MSG_PACK_SUBJECT, ck_buf_cstr(&word), &why);
    /* a broader main code ("34000000") with one subject word in the text */
    if (!why.len && cpv_broader(p, cpv[0]) && subject_count(ev, p, 1, NULL) >= 1)
      ck_msg_fill(lang, CK_MSG_PACK_CPV_BROADER, cpv[0], &why);
  } else if (title && subject_in(ev, p, title, strlen(title), &word)) {
    ck_msg_fill(lang, CK_MSG_PACK_SUBJECT, ck_buf_cstr(&word), &why);
  } else if (subject_count(ev, p, 2, &word) >= 2) {
    /* Without codes or a telling title, words repeated in the text decide. */
    ck_msg_fill(lang, CK_MSG_PACK_SUBJECT, ck_buf_cstr(&word), &why);
  }
  ck_buf_free(&word);
  if (!why.len) {
    ck_buf_free(&why);
    return NULL;
  }
  return ck_buf_detach(&why);
}

/* --- the evaluator ---------------------------------------------------------------- */

ck_rule_eval *ck_rule_eval_new(const ck_ruleset *rs, const ck_doc *doc,
                               const ck_eval_options *opts, ck_msg_lang msg_lang) {
  ck_rule_eval *ev = ck_xcalloc(1, sizeof *ev);
  ev->rs = rs;
  ev->doc = doc;
  ev->opts = opts;
  ev->msg_lang = msg_lang;
  ev->space = opts->space;
  if (!ev->space)
    ev->space = ev->own_space = ck_match_space_new();
  ev->md = ev->space->md;
  ev->mc = ev->space->mc;
  ev->lot = -1;
  size_t n = doc->nsentences ? doc->nsentences : 1;
  ev->lead_binds = ck_xmalloc(n);
  memset(ev->lead_binds, -1, n);
  ev->title_line = ck_doc_title_line(doc);
  ev->doc_deadline = deadline_in(opts->document_time_ms);
  return ev;
}

static void free_cache(ck_rule_eval *ev) {
  if (!ev->cache)
    return;
  for (size_t r = 0; r < ev->rs->nrules; r++) {
    for (int ch = 0; ch < CK_CHANNEL_ALL; ch++) {
      free(ev->cache[r].hits[ch].items);
      free(ev->cache[r].procedure_hits[ch]);
    }
    free(ev->cache[r].when_blocks);
  }
  free(ev->cache);
  ev->cache = NULL;
}

void ck_rule_eval_set_lot(ck_rule_eval *ev, const int *block_lot, int lot) {
  if (block_lot && !ev->cache)
    ev->cache = ck_xcalloc(ev->rs->nrules + 1, sizeof *ev->cache);
  else if (!block_lot)
    free_cache(ev);
  ev->block_lot = block_lot;
  ev->lot = lot;
}

char *ck_rule_eval_fill(const ck_rule_eval *ev, const ck_rule *rule, const char *tmpl,
                        const ck_result *r) {
  return fill(ev, rule, tmpl, r);
}

void ck_rule_eval_free(ck_rule_eval *ev) {
  if (!ev)
    return;
  ck_match_space_free(ev->own_space);
  free(ev->scratch.items);
  free(ev->stopped);
  if (ev->scanned)
    ck_candidates_free(&ev->candidates);
  free_cache(ev);
  ck_subject_map_free(ev->subjects);
  free(ev->lead_binds);
  free(ev);
}

void ck_result_clear(ck_result *r) {
  for (size_t e = 0; e < r->nevidence; e++) {
    free(r->evidence[e].section);
    free(r->evidence[e].xpath);
    free(r->evidence[e].text);
  }
  free(r->evidence);
  if (r->waiver) {
    free(r->waiver->reason);
    free(r->waiver->file);
    free(r->waiver);
    r->waiver = NULL;
  }
  if (r->message_owned)
    free((char *)(uintptr_t)r->message);
  if (r->clause_owned) {
    free((char *)(uintptr_t)r->clause);
    free((char *)(uintptr_t)r->verify);
  }
  r->evidence = NULL;
  r->nevidence = 0;
  r->message = r->clause = r->verify = NULL;
  r->message_owned = r->clause_owned = false;
}

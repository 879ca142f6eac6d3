/* The Aho-Corasick automaton of the literal prefilter (ac.h).
 *
 * It has two forms. The trie with its failure links (sparse: each state
 * lists its children) is built with the automaton and costs little: one
 * state per byte of the words. The transition table (dense: one entry per
 * state and byte class, failure links folded in, so the scan never
 * backtracks) is what a long text wants, but it has one row per state for
 * every class: with the rules' words (about 1,400 words, 45 classes, 12,000
 * states) it is about a megabyte and five million instructions to fill,
 * more than checking a small document costs in all. So the table is made
 * only once the texts scanned add up to more than SPARSE_BUDGET bytes (or
 * one text is that long); the texts before it are scanned on the trie.
 * Both forms pass through the same states, so they report the same words
 * at the same offsets in the same order.
 *
 * The table is compact: input bytes are first mapped to byte classes (every
 * byte that occurs in some word has a class of its own, all others share
 * class 0), so a row has one entry per class instead of 256. Case folding
 * is folded into that map too: there is one map for bytes that follow 0xC3
 * and one for all other bytes, so scanning needs no fold step. State
 * numbers are 16-bit when they fit, which halves the table again. With
 * about 1,000 rule words (43 distinct bytes, 8,000 states) the table takes
 * about 0.7 MB instead of 8.4 MB, and more of it stays in the cache. */
#include "ac.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* Bytes scanned on the trie before the table is made. The trie takes about
   70 instructions a byte more than the table (a child looked up in a list,
   failure links followed), and the rules' table costs about five million
   to make: past this budget a run pays at most about as much again as the
   table would have cost, and before it a small check pays nothing for it. */
enum { SPARSE_BUDGET = 64 * 1024 };

/* The transition table, with the states renumbered so that exactly those
   from 'first_out' on report a word (their own or one of a suffix): the
   scan checks one comparison per byte and touches 'word' and 'out_link'
   only on a hit. */
typedef struct ac_table {
  size_t first_out;
  uint16_t *next16;   /* [state * nclasses + class], when nstates <= 65536 */
  uint32_t *next32;   /* the same, otherwise */
  int32_t *word;      /* the word ending in this state, -1 if none */
  uint32_t *out_link; /* nearest proper suffix state with a word, 0 if none */
} ac_table;

struct ck_ac {
  /* [after_c3][byte] -> class; after_c3 is 1 when the previous byte was 0xC3 */
  uint8_t cls[2][256];
  size_t nclasses;
  size_t nstates;
  size_t max_len; /* the longest word, in bytes: the trie's depth */
  /* The trie, in the order it creates its states (the root is 0; 0 also
     means "none", since no edge leads back to the root). */
  uint32_t *root_next;   /* [class] -> the root's child */
  uint32_t *first_child; /* a state's children, linked by 'sibling' */
  uint32_t *sibling;
  uint8_t *edge;         /* the class of the edge into a state */
  uint32_t *fail;        /* the longest proper suffix that is a state */
  uint32_t *order;       /* the states but the root, breadth first */
  int32_t *word;         /* as in ac_table, in the trie's numbering */
  uint32_t *out_link;
  /* The table, once made; made under 'lock' by the first scan that needs
     it, whichever thread that is. */
  _Atomic(ac_table *) table;
  atomic_size_t sparse_bytes; /* scanned on the trie so far */
  pthread_mutex_t lock;
};

/* Gives every byte of the words its own class in 'of_byte' (0 for the
 * others) and fills the scan's maps, which fold the text byte first. Returns
 * the number of classes (one more than the number of distinct bytes). */
static size_t build_classes(ck_ac *ac, char *const *words, size_t n, uint8_t of_byte[256]) {
  size_t ncls = 1;
  for (size_t i = 0; i < n; i++)
    for (const unsigned char *p = (const unsigned char *)words[i]; *p; p++)
      if (!of_byte[*p])
        of_byte[*p] = (uint8_t)ncls++;
  /* Words are NUL-terminated, so at most 255 distinct bytes and 256
     classes: a class always fits in a byte. */
  for (unsigned b = 0; b < 256; b++) {
    ac->cls[0][b] = of_byte[ck_fold_byte(0, (unsigned char)b)];
    ac->cls[1][b] = of_byte[ck_fold_byte(0xC3, (unsigned char)b)];
  }
  return ncls;
}

/* The child of state 's' over class 'c' in the trie, 0 if none. */
static uint32_t child(const ck_ac *ac, uint32_t s, size_t c) {
  if (s == 0)
    return ac->root_next[c];
  for (uint32_t t = ac->first_child[s]; t; t = ac->sibling[t])
    if (ac->edge[t] == c)
      return t;
  return 0;
}

/* Where the automaton goes from state 's' over class 'c': the child, or
   the failure links' child, or the root. */
static uint32_t step(const ck_ac *ac, uint32_t s, size_t c) {
  for (;;) {
    uint32_t t = child(ac, s, c);
    if (t || s == 0)
      return t;
    s = ac->fail[s];
  }
}

ck_ac *ck_ac_build(char *const *words, size_t n) {
  ck_ac *ac = ck_xcalloc(1, sizeof *ac);
  uint8_t of_byte[256] = {0};
  size_t ncls = build_classes(ac, words, n, of_byte);
  ac->nclasses = ncls;
  size_t cap = 1;
  for (size_t i = 0; i < n; i++) {
    size_t len = strlen(words[i]);
    cap += len;
    if (len > ac->max_len)
      ac->max_len = len;
  }
  ac->root_next = ck_xcalloc(ncls, sizeof *ac->root_next);
  ac->first_child = ck_xcalloc(cap, sizeof *ac->first_child);
  ac->sibling = ck_xcalloc(cap, sizeof *ac->sibling);
  ac->edge = ck_xcalloc(cap, sizeof *ac->edge);
  ac->word = ck_xmalloc(cap * sizeof *ac->word);
  size_t nstates = 1;
  ac->word[0] = -1;
  for (size_t i = 0; i < n; i++) {
    uint32_t s = 0;
    for (const unsigned char *p = (const unsigned char *)words[i]; *p; p++) {
      /* The word's own byte, unfolded: an upper-case byte in a word has a
         class that folded text never maps to, so it never matches, as with
         a full table. */
      size_t c = of_byte[*p];
      uint32_t t = child(ac, s, c);
      if (!t) {
        t = (uint32_t)nstates++;
        ac->word[t] = -1;
        ac->edge[t] = (uint8_t)c;
        if (s == 0) {
          ac->root_next[c] = t;
        } else {
          ac->sibling[t] = ac->first_child[s];
          ac->first_child[s] = t;
        }
      }
      s = t;
    }
    if (ac->word[s] < 0)
      ac->word[s] = (int32_t)i;
  }
  ac->nstates = nstates;
  /* Breadth first, so that a state's failure link is settled before the
     state's children need it. */
  ac->fail = ck_xcalloc(nstates, sizeof *ac->fail);
  ac->out_link = ck_xcalloc(nstates, sizeof *ac->out_link);
  ac->order = ck_xmalloc(nstates * sizeof *ac->order);
  size_t head = 0, tail = 0;
  for (size_t c = 0; c < ncls; c++)
    if (ac->root_next[c])
      ac->order[tail++] = ac->root_next[c];
  while (head < tail) {
    uint32_t s = ac->order[head++];
    uint32_t f = ac->fail[s];
    ac->out_link[s] = ac->word[f] >= 0 && f ? f : ac->out_link[f];
    for (uint32_t t = ac->first_child[s]; t; t = ac->sibling[t]) {
      ac->fail[t] = step(ac, f, ac->edge[t]);
      ac->order[tail++] = t;
    }
  }
  atomic_init(&ac->table, NULL);
  atomic_init(&ac->sparse_bytes, 0);
  pthread_mutex_init(&ac->lock, NULL);
  return ac;
}

/* Fills the table from the trie: a state's row is its failure link's row
   with its own children put in; breadth first, that row is ready. */
static ac_table *make_table(const ck_ac *ac) {
  size_t nstates = ac->nstates, ncls = ac->nclasses;
  ac_table *t = ck_xcalloc(1, sizeof *t);
  /* Renumber: states without output first (the root stays 0), then those
     with output, each group in its old order. */
  uint32_t *renum = ck_xmalloc(nstates * sizeof *renum);
  size_t quiet = 0;
  for (size_t s = 0; s < nstates; s++)
    if (s == 0 || (ac->word[s] < 0 && ac->out_link[s] == 0))
      renum[s] = (uint32_t)quiet++;
  t->first_out = quiet;
  for (size_t s = 1, k = quiet; s < nstates; s++)
    if (ac->word[s] >= 0 || ac->out_link[s] != 0)
      renum[s] = (uint32_t)k++;
  t->word = ck_xmalloc(nstates * sizeof *t->word);
  t->out_link = ck_xmalloc(nstates * sizeof *t->out_link);
  for (size_t s = 0; s < nstates; s++) {
    t->word[renum[s]] = s ? ac->word[s] : -1;
    t->out_link[renum[s]] = renum[ac->out_link[s]];
  }
#define AC_FILL(table)                                                                        \
  do {                                                                                        \
    for (size_t c = 0; c < ncls; c++)                                                         \
      (table)[c] = ac->root_next[c] ? renum[ac->root_next[c]] : 0;                            \
    for (size_t i = 0; i + 1 < nstates; i++) {                                                \
      uint32_t s = ac->order[i];                                                              \
      size_t row = (size_t)renum[s] * ncls;                                                   \
      memcpy(&(table)[row], &(table)[(size_t)renum[ac->fail[s]] * ncls],                      \
             ncls * sizeof *(table));                                                         \
      for (uint32_t k = ac->first_child[s]; k; k = ac->sibling[k])                            \
        (table)[row + ac->edge[k]] = renum[k];                                                \
    }                                                                                         \
  } while (0)
  size_t cells = nstates * ncls;
  if (nstates <= 65536) {
    t->next16 = ck_xmalloc(cells * sizeof *t->next16);
    AC_FILL(t->next16);
  } else {
    t->next32 = ck_xmalloc(cells * sizeof *t->next32);
    AC_FILL(t->next32);
  }
#undef AC_FILL
  free(renum);
  return t;
}

/* The table, made now if it is not yet. */
static ac_table *table_of(ck_ac *ac) {
  ac_table *t = atomic_load_explicit(&ac->table, memory_order_acquire);
  if (t)
    return t;
  pthread_mutex_lock(&ac->lock);
  t = atomic_load_explicit(&ac->table, memory_order_relaxed);
  if (!t) {
    t = make_table(ac);
    atomic_store_explicit(&ac->table, t, memory_order_release);
  }
  pthread_mutex_unlock(&ac->lock);
  return t;
}

void ck_ac_make_table(const ck_ac *ac) { table_of((ck_ac *)ac); }

bool ck_ac_has_table(const ck_ac *ac) {
  return atomic_load_explicit(&((ck_ac *)ac)->table, memory_order_acquire) != NULL;
}

void ck_ac_free(ck_ac *ac) {
  if (!ac)
    return;
  ac_table *t = atomic_load_explicit(&ac->table, memory_order_relaxed);
  if (t) {
    free(t->next16);
    free(t->next32);
    free(t->word);
    free(t->out_link);
    free(t);
  }
  pthread_mutex_destroy(&ac->lock);
  free(ac->root_next);
  free(ac->first_child);
  free(ac->sibling);
  free(ac->edge);
  free(ac->fail);
  free(ac->order);
  free(ac->word);
  free(ac->out_link);
  free(ac);
}

size_t ck_ac_states(const ck_ac *ac) { return ac->nstates; }

size_t ck_ac_classes(const ck_ac *ac) { return ac->nclasses; }

size_t ck_ac_table_bytes(const ck_ac *ac) {
  return ac->nstates * ac->nclasses * (ac->nstates <= 65536 ? sizeof(uint16_t) : sizeof(uint32_t));
}

/* Reports every word that ends in state 's' (which has output), through a
   form's 'word' and 'out_link'. */
static void report(const int32_t *word, const uint32_t *out_link, size_t s, size_t end,
                   void (*hit)(void *ctx, size_t word, size_t end), void *ctx) {
  for (size_t o = word[s] >= 0 ? s : out_link[s]; o; o = out_link[o])
    hit(ctx, (size_t)word[o], end);
}

/* The scan of text[0, len) on the trie. */
static void scan_trie(const ck_ac *ac, const char *text, size_t len,
                      void (*hit)(void *ctx, size_t word, size_t end), void *ctx) {
  uint32_t state = 0;
  unsigned char before = 0;
  for (size_t i = 0; i < len; i++) {
    unsigned char b = (unsigned char)text[i];
    state = step(ac, state, ac->cls[before == 0xC3][b]);
    before = b;
    if (state && (ac->word[state] >= 0 || ac->out_link[state]))
      report(ac->word, ac->out_link, state, i + 1, hit, ctx);
  }
}

/* One step of the automaton over byte 'b' after byte 'prev'; the class of
   a byte depends only on the byte before it, never on the state. */
#define AC_STEP(table, s, prev, b) ((table)[(s) * ncls + ac->cls[(prev) == 0xC3][(b)]])

/* The plain scan of text[from, to), from state '*s' after byte '*prev'. */
#define AC_SCAN_RANGE(table)                                                                  \
  do {                                                                                        \
    size_t state = *s;                                                                        \
    unsigned char before = *prev;                                                             \
    for (size_t i = from; i < to; i++) {                                                      \
      unsigned char b = (unsigned char)text[i];                                               \
      state = AC_STEP(table, state, before, b);                                               \
      before = b;                                                                             \
      if (state >= first_out)                                                                 \
        report(t->word, t->out_link, state, i + 1, hit, ctx);                                 \
    }                                                                                         \
    *s = state;                                                                               \
    *prev = before;                                                                           \
  } while (0)

static void scan_range(const ck_ac *ac, const ac_table *t, const char *text, size_t from,
                       size_t to, size_t *s, unsigned char *prev,
                       void (*hit)(void *ctx, size_t word, size_t end), void *ctx) {
  size_t ncls = ac->nclasses, first_out = t->first_out;
  if (t->next16)
    AC_SCAN_RANGE(t->next16);
  else
    AC_SCAN_RANGE(t->next32);
}

/* Bytes per lane and round of the two-lane scan. */
enum { LANE = 1 << 14 };

/* Where a lane saw a state with a word, to report in text order later. */
typedef struct lane_hit {
  uint32_t end; /* offset in the round, one past the hit */
  uint32_t state;
} lane_hit;

/* Two lanes over one round of 2 * LANE bytes at 'base': lane A over
   [base, base + LANE), lane B over [base + LANE, base + 2 * LANE). B starts
   'warm' bytes early from the root: the automaton's state is the longest
   word prefix the text ends in, never longer than the longest word, so
   after those bytes B is where one lane would be. Both take the same number
   of steps, so the loop has no branch but the hit tests; A's steps past its
   half and B's warm-up record hits that are not kept. The two chains of
   table lookups are independent, and the processor runs them side by side.
   Hits are recorded with their end in the round, to be reported in order. */
typedef struct lane_round {
  size_t base, warm;
  lane_hit *hits_a, *hits_b;
  size_t na, nb;
} lane_round;

#define AC_TWO_LANES(table)                                                                   \
  do {                                                                                        \
    size_t sa = *s, sb = 0, steps = LANE + r->warm;                                           \
    unsigned char pa = *prev, pb = (unsigned char)text[r->base + LANE - r->warm - 1];         \
    const unsigned char *ta = (const unsigned char *)text + r->base;                          \
    const unsigned char *tb = (const unsigned char *)text + r->base + LANE - r->warm;         \
    for (size_t i = 0; i < steps; i++) {                                                      \
      unsigned char a = ta[i], b = tb[i];                                                     \
      sa = AC_STEP(table, sa, pa, a);                                                         \
      sb = AC_STEP(table, sb, pb, b);                                                         \
      pa = a;                                                                                 \
      pb = b;                                                                                 \
      if (sa >= first_out)                                                                    \
        r->hits_a[r->na++] = (lane_hit){(uint32_t)(i + 1), (uint32_t)sa};                     \
      if (sb >= first_out)                                                                    \
        r->hits_b[r->nb++] = (lane_hit){(uint32_t)(LANE - r->warm + i + 1), (uint32_t)sb};    \
    }                                                                                         \
    *s = sb;                                                                                  \
    *prev = pb;                                                                               \
  } while (0)

static void two_lanes(const ck_ac *ac, const ac_table *t, const char *text, lane_round *r,
                      size_t *s, unsigned char *prev) {
  size_t ncls = ac->nclasses, first_out = t->first_out;
  r->na = r->nb = 0;
  if (t->next16)
    AC_TWO_LANES(t->next16);
  else
    AC_TWO_LANES(t->next32);
}

/* Whether a text of 'len' bytes is scanned on the trie: while the texts so
   scanned stay within the budget, and the table is not made anyway. */
static bool on_trie(ck_ac *ac, size_t len) {
  if (len > SPARSE_BUDGET || atomic_load_explicit(&ac->table, memory_order_acquire))
    return false;
  size_t before = atomic_fetch_add_explicit(&ac->sparse_bytes, len, memory_order_relaxed);
  return before + len <= SPARSE_BUDGET;
}

void ck_ac_scan(const ck_ac *ac, const char *text, size_t len,
                void (*hit)(void *ctx, size_t word, size_t end), void *ctx) {
  /* The budget and the table are the automaton's cache, not its meaning:
     either form finds the same words. */
  ck_ac *cache = (ck_ac *)ac;
  if (on_trie(cache, len)) {
    scan_trie(ac, text, len, hit, ctx);
    return;
  }
  const ac_table *t = table_of(cache);
  size_t s = 0, pos = 0;
  unsigned char prev = 0;
  /* Short texts, and words too long to warm up within a lane, go plain. */
  if (len >= 4 * (size_t)LANE && ac->max_len > 0 && ac->max_len < LANE / 4) {
    lane_round r = {.warm = ac->max_len};
    r.hits_a = ck_xmalloc((LANE + r.warm) * sizeof *r.hits_a);
    r.hits_b = ck_xmalloc((LANE + r.warm) * sizeof *r.hits_b);
    for (; len - pos >= 2 * (size_t)LANE; pos += 2 * (size_t)LANE) {
      r.base = pos;
      two_lanes(ac, t, text, &r, &s, &prev);
      /* In text order: A's hits in its half, then B's past its warm-up. */
      for (size_t k = 0; k < r.na && r.hits_a[k].end <= LANE; k++)
        report(t->word, t->out_link, r.hits_a[k].state, pos + r.hits_a[k].end, hit, ctx);
      for (size_t k = 0; k < r.nb; k++)
        if (r.hits_b[k].end > LANE)
          report(t->word, t->out_link, r.hits_b[k].state, pos + r.hits_b[k].end, hit, ctx);
    }
    free(r.hits_a);
    free(r.hits_b);
  }
  scan_range(ac, t, text, pos, len, &s, &prev, hit, ctx);
}

/* The Aho-Corasick automaton of the literal prefilter (ac.h).
 *
 * The transition table is compact: input bytes are first mapped to byte
 * classes (every byte that occurs in some word has a class of its own, all
 * others share class 0), so a row has one entry per class instead of 256.
 * Case folding is folded into that map too: there is one map for bytes that
 * follow 0xC3 and one for all other bytes, so scanning needs no fold step.
 * State numbers are 16-bit when they fit, which halves the table again. With
 * about 1,000 rule words (43 distinct bytes, 8,000 states) the table takes
 * about 0.7 MB instead of 8.4 MB, and more of it stays in the cache. */
#include "ac.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

struct ck_ac {
  /* [after_c3][byte] -> class; after_c3 is 1 when the previous byte was 0xC3 */
  uint8_t cls[2][256];
  size_t nclasses;
  size_t nstates;
  /* States are numbered so that exactly those from 'first_out' on report a
     word (their own or one of a suffix): the scan checks one comparison per
     byte and touches 'word' and 'out_link' only on a hit. */
  size_t first_out;
  size_t max_len;     /* the longest word, in bytes: the trie's depth */
  uint16_t *next16; /* [state * nclasses + class], when nstates <= 65536 */
  uint32_t *next32; /* the same, otherwise */
  int32_t *word;      /* the word ending in this state, -1 if none */
  uint32_t *out_link; /* nearest proper suffix state with a word, 0 if none */
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
  /* Built with 32-bit states in the order the trie creates them; renumbered
     and narrowed at the end. */
  uint32_t *next = ck_xcalloc(cap * ncls, sizeof *next);
  int32_t *word = ck_xmalloc(cap * sizeof *word);
  size_t nstates = 1;
  word[0] = -1;
  /* The trie; 0 doubles as "no edge" since no edge leads back to the root. */
  for (size_t i = 0; i < n; i++) {
    uint32_t s = 0;
    for (const unsigned char *p = (const unsigned char *)words[i]; *p; p++) {
      /* The word's own byte, unfolded: an upper-case byte in a word has a
         class that folded text never maps to, so it never matches, as with
         a full table. */
      uint32_t *t = &next[(size_t)s * ncls + of_byte[*p]];
      if (!*t) {
        *t = (uint32_t)nstates;
        word[nstates++] = -1;
      }
      s = *t;
    }
    if (word[s] < 0)
      word[s] = (int32_t)i;
  }
  /* Breadth first: failure links folded into the table, so scanning never
     backtracks. 'fail' is only needed while building. */
  uint32_t *fail = ck_xcalloc(nstates, sizeof *fail);
  uint32_t *out_link = ck_xcalloc(nstates, sizeof *out_link);
  uint32_t *queue = ck_xmalloc(nstates * sizeof *queue);
  size_t head = 0, tail = 0;
  for (size_t c = 0; c < ncls; c++)
    if (next[c])
      queue[tail++] = next[c];
  while (head < tail) {
    uint32_t s = queue[head++];
    uint32_t f = fail[s];
    out_link[s] = word[f] >= 0 && f ? f : out_link[f];
    for (size_t c = 0; c < ncls; c++) {
      uint32_t *t = &next[(size_t)s * ncls + c];
      if (*t) {
        fail[*t] = next[(size_t)f * ncls + c];
        queue[tail++] = *t;
      } else {
        *t = next[(size_t)f * ncls + c];
      }
    }
  }
  free(queue);
  free(fail);
  /* Renumber: states without output first (the root stays 0), then those
     with output, each group in its old order. */
  uint32_t *renum = ck_xmalloc(nstates * sizeof *renum);
  size_t quiet = 0;
  for (size_t s = 0; s < nstates; s++)
    if (s == 0 || (word[s] < 0 && out_link[s] == 0))
      renum[s] = (uint32_t)quiet++;
  ac->first_out = quiet;
  for (size_t s = 1, k = quiet; s < nstates; s++)
    if (word[s] >= 0 || out_link[s] != 0)
      renum[s] = (uint32_t)k++;
  ac->nstates = nstates;
  ac->word = ck_xmalloc(nstates * sizeof *ac->word);
  ac->out_link = ck_xmalloc(nstates * sizeof *ac->out_link);
  for (size_t s = 0; s < nstates; s++) {
    ac->word[renum[s]] = s ? word[s] : -1;
    ac->out_link[renum[s]] = renum[out_link[s]];
  }
  size_t cells = nstates * ncls;
  if (nstates <= 65536) {
    ac->next16 = ck_xmalloc(cells * sizeof *ac->next16);
    for (size_t s = 0; s < nstates; s++)
      for (size_t c = 0; c < ncls; c++)
        ac->next16[(size_t)renum[s] * ncls + c] = (uint16_t)renum[next[s * ncls + c]];
  } else {
    ac->next32 = ck_xmalloc(cells * sizeof *ac->next32);
    for (size_t s = 0; s < nstates; s++)
      for (size_t c = 0; c < ncls; c++)
        ac->next32[(size_t)renum[s] * ncls + c] = renum[next[s * ncls + c]];
  }
  free(renum);
  free(out_link);
  free(word);
  free(next);
  return ac;
}

void ck_ac_free(ck_ac *ac) {
  if (!ac)
    return;
  free(ac->next16);
  free(ac->next32);
  free(ac->word);
  free(ac->out_link);
  free(ac);
}

size_t ck_ac_states(const ck_ac *ac) { return ac->nstates; }

size_t ck_ac_classes(const ck_ac *ac) { return ac->nclasses; }

size_t ck_ac_table_bytes(const ck_ac *ac) {
  return ac->nstates * ac->nclasses * (ac->next16 ? sizeof *ac->next16 : sizeof *ac->next32);
}

/* Reports every word that ends in state 's' (which has output). */
static void report(const ck_ac *ac, size_t s, size_t end,
                   void (*hit)(void *ctx, size_t word, size_t end), void *ctx) {
  for (size_t o = ac->word[s] >= 0 ? s : ac->out_link[s]; o; o = ac->out_link[o])
    hit(ctx, (size_t)ac->word[o], end);
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
        report(ac, state, i + 1, hit, ctx);                                                   \
    }                                                                                         \
    *s = state;                                                                               \
    *prev = before;                                                                           \
  } while (0)

static void scan_range(const ck_ac *ac, const char *text, size_t from, size_t to, size_t *s,
                       unsigned char *prev, void (*hit)(void *ctx, size_t word, size_t end),
                       void *ctx) {
  size_t ncls = ac->nclasses, first_out = ac->first_out;
  if (ac->next16)
    AC_SCAN_RANGE(ac->next16);
  else
    AC_SCAN_RANGE(ac->next32);
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

static void two_lanes(const ck_ac *ac, const char *text, lane_round *r, size_t *s,
                      unsigned char *prev) {
  size_t ncls = ac->nclasses, first_out = ac->first_out;
  r->na = r->nb = 0;
  if (ac->next16)
    AC_TWO_LANES(ac->next16);
  else
    AC_TWO_LANES(ac->next32);
}

void ck_ac_scan(const ck_ac *ac, const char *text, size_t len,
                void (*hit)(void *ctx, size_t word, size_t end), void *ctx) {
  size_t s = 0, pos = 0;
  unsigned char prev = 0;
  /* Short texts, and words too long to warm up within a lane, go plain. */
  if (len >= 4 * (size_t)LANE && ac->max_len > 0 && ac->max_len < LANE / 4) {
    lane_round r = {.warm = ac->max_len};
    r.hits_a = ck_xmalloc((LANE + r.warm) * sizeof *r.hits_a);
    r.hits_b = ck_xmalloc((LANE + r.warm) * sizeof *r.hits_b);
    for (; len - pos >= 2 * (size_t)LANE; pos += 2 * (size_t)LANE) {
      r.base = pos;
      two_lanes(ac, text, &r, &s, &prev);
      /* In text order: A's hits in its half, then B's past its warm-up. */
      for (size_t k = 0; k < r.na && r.hits_a[k].end <= LANE; k++)
        report(ac, r.hits_a[k].state, pos + r.hits_a[k].end, hit, ctx);
      for (size_t k = 0; k < r.nb; k++)
        if (r.hits_b[k].end > LANE)
          report(ac, r.hits_b[k].state, pos + r.hits_b[k].end, hit, ctx);
    }
    free(r.hits_a);
    free(r.hits_b);
  }
  scan_range(ac, text, pos, len, &s, &prev, hit, ctx);
}

/* The Aho-Corasick automaton of the literal prefilter (ac.h). */
#include "ac.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

struct ck_ac {
  uint32_t *next;     /* [state * 256 + byte] */
  int32_t *word;      /* the word ending in this state, -1 if none */
  uint32_t *out_link; /* nearest proper suffix state with a word, 0 if none */
  size_t nstates;
};

ck_ac *ck_ac_build(char *const *words, size_t n) {
  size_t cap = 1;
  for (size_t i = 0; i < n; i++)
    cap += strlen(words[i]);
  ck_ac *ac = ck_xcalloc(1, sizeof *ac);
  ac->next = ck_xcalloc(cap * 256, sizeof *ac->next);
  ac->word = ck_xmalloc(cap * sizeof *ac->word);
  ac->out_link = ck_xcalloc(cap, sizeof *ac->out_link);
  ac->word[0] = -1;
  ac->nstates = 1;
  /* The trie; 0 doubles as "no edge" since no edge leads back to the root. */
  for (size_t i = 0; i < n; i++) {
    uint32_t s = 0;
    for (const unsigned char *p = (const unsigned char *)words[i]; *p; p++) {
      uint32_t *t = &ac->next[(size_t)s * 256 + *p];
      if (!*t) {
        *t = (uint32_t)ac->nstates;
        ac->word[ac->nstates++] = -1;
      }
      s = *t;
    }
    if (ac->word[s] < 0)
      ac->word[s] = (int32_t)i;
  }
  /* Breadth first: failure links folded into the table, so scanning never
     backtracks. 'fail' is only needed while building. */
  uint32_t *fail = ck_xcalloc(ac->nstates, sizeof *fail);
  uint32_t *queue = ck_xmalloc(ac->nstates * sizeof *queue);
  size_t head = 0, tail = 0;
  for (unsigned c = 0; c < 256; c++)
    if (ac->next[c])
      queue[tail++] = ac->next[c];
  while (head < tail) {
    uint32_t s = queue[head++];
    uint32_t f = fail[s];
    ac->out_link[s] = ac->word[f] >= 0 ? f : ac->out_link[f];
    for (unsigned c = 0; c < 256; c++) {
      uint32_t *t = &ac->next[(size_t)s * 256 + c];
      if (*t) {
        fail[*t] = ac->next[(size_t)f * 256 + c];
        queue[tail++] = *t;
      } else {
        *t = ac->next[(size_t)f * 256 + c];
      }
    }
  }
  free(queue);
  free(fail);
  return ac;
}

void ck_ac_free(ck_ac *ac) {
  if (!ac)
    return;
  free(ac->next);
  free(ac->word);
  free(ac->out_link);
  free(ac);
}

void ck_ac_scan(const ck_ac *ac, const char *text, size_t len,
                void (*hit)(void *ctx, size_t word, size_t end), void *ctx) {
  uint32_t s = 0;
  unsigned char prev = 0;
  for (size_t i = 0; i < len; i++) {
    unsigned char b = (unsigned char)text[i];
    s = ac->next[(size_t)s * 256 + ck_fold_byte(prev, b)];
    prev = b;
    for (uint32_t o = ac->word[s] >= 0 ? s : ac->out_link[s]; o; o = ac->out_link[o])
      hit(ctx, (size_t)ac->word[o], i + 1);
  }
}

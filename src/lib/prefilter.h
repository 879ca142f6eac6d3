/* The rule set's literal prefilter: which words point at which patterns,
 * per document language, and the places of a document where each pattern
 * may match (literals.h reads the words out of patterns, ac.h finds them).
 *
 * Every pattern a prefilter covers is split into its top-level branches
 * ("\bgaranti\w*|\bwarrant\w*" has two), each with its own words and its own
 * compiled code. A document is scanned once for all words; for each list of
 * patterns the evaluator then gets the sentences (or blocks) that hold one
 * of its words and, per sentence, which branches those words belong to, and
 * runs only those branches there. A branch may also name a second set of
 * words from another part of it ("heve" beside "avtale|kontrakt"): a
 * sentence is its candidate only when it holds a word of each. A short
 * branch with a known first letter
 * lets PCRE2 skip ahead fast, where the whole alternation of thirty words
 * would be tried at every character. */
#ifndef CK_PREFILTER_H
#define CK_PREFILTER_H

#include <pcre2.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "doc.h"
#include "literals.h"

struct ck_ruleset;
struct ck_pattern;
struct ck_lazy_code; /* ruleset_cache.h */
struct ck_lazy_part; /* ruleset_cache.h */

/* What a list of patterns is for. MATCH (a rule's sentence finders),
 * CONTRADICT, ALL and NONE (what a sentence found must also hold, and must
 * not) work on sentences; WHEN (a rule's applicability condition) and
 * SUBJECT (a pack's subject words) on blocks, headings included. */
typedef enum {
  CK_CHANNEL_MATCH,
  CK_CHANNEL_CONTRADICT,
  CK_CHANNEL_ALL,
  CK_CHANNEL_NONE,
  CK_CHANNEL_WHEN,
  CK_CHANNEL_SUBJECT,
  CK_CHANNEL_COUNT
} ck_channel;

/* One top-level branch of a covered pattern. */
typedef struct ck_branch {
  char *src;            /* the branch's text, owned */
  const struct ck_pattern *whole; /* its pattern: matched instead if the branch alone does not compile */
  struct ck_lazy_code *code; /* its code, made on first use (ck_branch_code): a cell of
                                ck_prefilter_lang.codes */
  uint32_t list;        /* the list it belongs to (ck_prefilter_list_index) */
  uint32_t pattern;     /* index of its pattern in that list */
  uint8_t lang;         /* ck_lang */
  uint8_t bit;          /* its bit in a candidate's mask: its index in the list, at most 63 */
  bool by_block;        /* its list works on blocks, not sentences */
} ck_branch;

/* The branches of one list in one language, ordered by pattern and branch:
 * branches[0 .. n). */
typedef struct ck_branch_range {
  bool covered; /* false: the list has a pattern without safe words, scan it whole */
  uint32_t first, n; /* branches[0] is the language's branch 'first' (set while building,
                        before the array has its final place) */
  const ck_branch *branches;
  uint64_t needs_second; /* bits of the branches that have a second set of words */
} ck_branch_range;

/* The branches of one list that need an automaton word; some need it in
 * its exact case. What a hit needs of them is here, in 16 bytes: a
 * document's scan reads owners one after the other, and a detour to each
 * branch would cost a cache miss per hit. */
enum {
  CK_OWNER_BY_BLOCK = 1,   /* the list works on blocks */
  CK_OWNER_SECOND = 2,     /* the word is of the branch's second set */
  CK_OWNER_WORD_START = 4, /* a match has the word at the start of a word of the text */
  CK_OWNER_EXACT = 8       /* the word must be written as ck_prefilter_lang.exact[owner] */
};
typedef struct ck_word_owner {
  uint64_t bits;  /* the branches' bits */
  uint32_t list;  /* the branches' list */
  uint16_t len;   /* the word's length in bytes (capped) */
  uint8_t flags;  /* CK_OWNER_... */
} ck_word_owner;

/* What the prefilter knows for documents in one language: the branches of
 * every list, the words they need, and one automaton over those words (a
 * Norwegian text is not scanned for "the" or "give"). */
typedef struct ck_prefilter_lang {
  ck_branch *branches;
  size_t nbranches;
  struct ck_lazy_code *codes; /* [branch], owned: the branches' code, made on first use */
  ck_branch_range *ranges;    /* [list] */
  char **words;               /* folded, owned; word i is automaton word i */
  size_t nwords;
  /* The owners of word i are owners[owner_start[i] .. owner_start[i + 1]). */
  size_t *owner_start;
  ck_word_owner *owners;
  char **exact; /* [owner], owned: the word as it must be written, NULL: any case */
  size_t nowners;
  ck_ac *ac;                  /* NULL when no list is covered in the language */
} ck_prefilter_lang;

/* The prefilter of a rule set. Its part for a language is built on the
 * first use of that language (ck_prefilter_range or ck_prefilter_scan), once,
 * through the rule set's cache (ck_lazy_part_get): a run over Norwegian
 * tenders builds the Norwegian part only, which is most of start-up. */
typedef struct ck_prefilter {
  const struct ck_ruleset *rs;
  size_t nrules, npacks, nlists;
  /* [ck_lang], owned: the cells of the parts, each a ck_prefilter_lang
     once made. Behind a pointer, as they are filled while threads share the
     prefilter as const. */
  struct ck_lazy_part *parts;
} ck_prefilter;

/* Makes the prefilter of a sealed rule set (rules and packs in their final
 * order), which must outlive it. The caller frees it, with the parts made
 * for it, with ck_prefilter_free(). */
ck_prefilter *ck_prefilter_build(const struct ck_ruleset *rs);
void ck_prefilter_free(ck_prefilter *pf);

/* The list of 'channel' of rule 'owner' (MATCH ... WHEN), or of
 * pack 'owner' (SUBJECT; its index in ck_ruleset.packs). */
size_t ck_prefilter_list_index(const ck_prefilter *pf, ck_channel channel, size_t owner);

/* The branches of list 'list' in 'lang'; covered is false when the list is
 * to be matched without the prefilter. */
ck_branch_range ck_prefilter_range(const ck_prefilter *pf, size_t list, ck_lang lang);

/* The compiled, JIT-compiled code of a branch: compiled on first use, once,
 * under the rule set's lock, like its patterns (rules.h); the whole
 * pattern's when the branch does not compile alone. */
const pcre2_code *ck_branch_code(const ck_branch *b);

/* Per list, the sentences (MATCH, CONTRADICT) or blocks (WHEN, SUBJECT) of
 * a document that hold one of its words, ascending and without repeats, and
 * for each a mask of the branches whose words it holds (bit 63 stands for
 * branches 63 and after). */
typedef struct ck_candidate_list {
  uint32_t *units;
  void *masks; /* [n] of mask_bytes each (ck_candidate_mask) */
  size_t n, cap;
  /* 0 (a list of one branch: the mask is 1), 1, 2, 4 or 8: the fewest
     bytes that hold the list's branch bits, so a record takes 4 to 12
     bytes (half the memory of 12 each at 16 MiB) */
  unsigned mask_bytes;
} ck_candidate_list;

typedef struct ck_candidates {
  ck_candidate_list *lists; /* [list] */
  size_t nlists;
} ck_candidates;

/* One pass over the document text for all lists. */
void ck_prefilter_scan(const ck_prefilter *pf, const ck_doc *doc, ck_candidates *out);
void ck_candidates_free(ck_candidates *c);

/* The branch mask of candidate 'k' of 'c'. */
static inline uint64_t ck_candidate_mask(const ck_candidate_list *c, size_t k) {
  switch (c->mask_bytes) {
  case 0:
    return 1;
  case 1:
    return ((const uint8_t *)c->masks)[k];
  case 2:
    return ((const uint16_t *)c->masks)[k];
  case 4:
    return ((const uint32_t *)c->masks)[k];
  default:
    return ((const uint64_t *)c->masks)[k];
  }
}

/* Whether branch 'k' of a range (its index from the range's first) is
 * in 'mask'. */
static inline bool ck_mask_has(uint64_t mask, uint32_t k) {
  return (mask >> (k < 63 ? k : 63)) & 1u;
}

#endif

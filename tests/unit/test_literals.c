/* The prefilter's word extraction and matcher: a wrong word would hide
   evidence, so every case states exactly which words a pattern yields. */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "literals.h"
#include "util.h"

/* Appends 'l' as "a|b|c": "^" in front of a word that starts a word of the
   text, "=" in front of one that must keep its case. */
static void put_words(ck_buf *out, const ck_strlist *l) {
  for (size_t i = 0; i < l->n; i++) {
    const char *w = l->items[i];
    if (i)
      ck_buf_putc(out, '|');
    if (*w == CK_START_MARK) {
      ck_buf_putc(out, '^');
      w++;
    }
    if (*w == CK_EXACT_MARK) {
      ck_buf_putc(out, '=');
      w++;
    }
    ck_buf_puts(out, w);
  }
}

/* The words of 'pattern', or "-" when it has none. */
static char *words_of(const char *pattern) {
  ck_strlist l = {0};
  ck_buf out = CK_BUF_INIT;
  if (!ck_required_literals(pattern, &l))
    ck_buf_puts(&out, "-");
  put_words(&out, &l);
  ck_strlist_free(&l);
  return ck_buf_detach(&out);
}

static void extraction(void) {
  static const struct {
    const char *pattern, *want;
  } cases[] = {
      {"garanti", "garanti"},
      {"\\w*garanti\\w*", "garanti"},
      {"\\bwarrant(y|ies)\\b", "warrant"},
      {"(garanti|warranty)\\w*", "garanti|warranty"},
      {"(?:kun|bare) nye møbler", "nye møbler"},
      {"MØBLER", "møbler"},
      {"Ærlig ÅPEN Øy", "ærlig åpen øy"},
      {"(?-i:\\bSVHCs?\\b)", "=SVHC"},
      {"(?-i:\\b(?:NS[- ]?)?EN(?:[ -]ISO)?)[ -]?\\d{3,5}\\b", "=EN"},
      {"(?-i:\\bLCC\\b)|\\blivssyklus\\w*", "=LCC|livssyklus"},
      {"(?-i:A(?i:Bcde))", "bcde"},
      {"(?-i:x(?^:Yzw))", "yzw"},
      {"(?i:TCO)", "tco"},
      {"attvunne?\\w*", "attvunn"},
      {"\\bgjenvunne?t? plast", "gjenvunn"},
      {"reservedel(?:er|ar)?", "reservedel"},
      {"[Gg]aranti", "aranti"},
      {"a+b+", "-"},
      {"(a+)+$", "-"},
      {"\\d+ år", "år"},
      {"foo|\\w+", "-"},
      {"foo|", "-"},
      {"(?=garanti)\\w+", "-"},
      {"(?i)levetid", "levetid"},
      {"ombruk(?:splan)?", "ombruk"},
      {"nye\\s+møbler", "møbler"},
      {"x{2,3}yz", "yz"},
      {"\\x{e6}re", "re"},
      {"(?<navn>tilbake)taking", "tilbake"},
      {"(?<navn>ta)tilbakelevering", "tilbakelevering"},
      {"\\b(?:ta|tar|tas) (?:[^\\s.!?;]+ ){0,4}?tilbake\\b", "tilbake"},
      {"\\bandel\\w* (?:\\S+ )?(?:resirkulert|gjenvunnet)", "resirkulert|gjenvunnet"},
      /* Start-of-pattern settings and verbs match no text. */
      {"(*UTF)garanti", "garanti"},
      {"(*NO_JIT)(*CR)garanti", "garanti"},
      {"(*LIMIT_MATCH=1000)\\bgaranti\\w*", "garanti"},
      {"garanti(*COMMIT)tid", "garanti"},
      {"(*pla:garantitid)\\w+", "-"},
      {"garanti(*ACCEPT)tidsrom", "-"},
      {"(?:a(*ACCEPT)|b)garanti", "-"},
      /* Extended mode: white space and comments are not text. */
      {"(?x) war ranty", "warranty"},
      {"(?x)war # a comment\nranty", "warranty"},
      {"(?x:gar anti)x", "garanti"},
      {"(?x)ab +cdef", "cdef"},
      {"(?#a (b)garanti", "garanti"},
      {"(?-i)GARANTI", "=GARANTI"},
      /* Escapes are read whole, none of them as text. */
      {"\\x41garanti", "garanti"},
      {"\\101bc", "bc"},
      {"\\cAgaranti", "garanti"},
      {"\\pLgaranti", "garanti"},
      {"\\g1garanti", "garanti"},
      {"\\øgaranti", "garanti"},
      {"garanti(?R){0,2}", "garanti"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    char *got = words_of(cases[i].pattern);
    STR_EQ(got, cases[i].want, cases[i].pattern);
    free(got);
  }
}

/* Both sets of a branch as "first / second", "-" for a set that is absent;
   "^" marks a word that starts a word of the text, "=" one in its case. */
static char *sets_of(const char *branch) {
  ck_strlist first = {0}, second = {0};
  ck_buf out = CK_BUF_INIT;
  if (!ck_required_literal_sets(branch, &first, &second))
    ck_buf_puts(&out, "-");
  for (int k = 0; k < 2 && first.n; k++) {
    const ck_strlist *l = k ? &second : &first;
    if (k)
      ck_buf_puts(&out, " / ");
    if (k && l->n == 0)
      ck_buf_puts(&out, "-");
    put_words(&out, l);
  }
  ck_strlist_free(&first);
  ck_strlist_free(&second);
  return ck_buf_detach(&out);
}

/* The second set: another required part of the branch, never the first
   set again, never from an optional or repeated part, and from a
   lookahead at the top (its text lies in the same subject). */
static void second_sets(void) {
  static const struct {
    const char *branch, *want;
  } cases[] = {
      {"\\bheve (?:[^\\s.!?;]+ ){0,2}?(?:avtale|kontrakt|rammeavtale)\\w*",
       "avtale|kontrakt|rammeavtale / ^heve"},
      {"\\bleie(?:avtale|modell|ordning)\\w* (?:[^\\s.!?;]+ ){0,3}?(?:pc|datamaskin)\\w*",
       "avtale|modell|ordning / ^leie"},
      {"garanti", "garanti / -"},
      {"\\bgaranti\\w* på (?:minst )?\\d+ år", "^garanti / -"},
      {"\\bgaranti\\w* (?:reservedel)?", "^garanti / -"},
      {"(?:søm)+tjeneste", "tjeneste / søm"},
      {"(?:søm)*tjeneste", "tjeneste / -"},
      {"\\bgaranti\\w* på \\d+ år", "^garanti / -"},
      {"\\b(?:vedlikehold|verksted)\\w*(?=.*\\b(?:kjøretøy|\\w*bil)\\b)",
       "^vedlikehold|^verksted / ^kjøretøy|bil"},
      {"(?=.*\\bbil)\\bservice", "^service / ^bil"},
      {"\\bservice(?=.*\\bbil)?", "^service / -"},
      {"\\bservice(?!.*\\bbil)", "^service / -"},
      {"\\bservice(?<=bilservice)", "^service / -"},
      {"(?=garanti)\\w+", "-"},
      {"(?-i:\\bEPD) standard", "standard / ^=EPD"},
      {"(?-i:\\bEN) standard", "standard / -"},
      {"vedlikehold av vedlikehold", "vedlikehold av vedlikehold / -"},
      {"foo|bar", "-"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    char *got = sets_of(cases[i].branch);
    STR_EQ(got, cases[i].want, cases[i].branch);
    free(got);
  }
}

typedef struct seen {
  size_t word[16], end[16];
  size_t n;
} seen;

static void record(void *ctx, size_t word, size_t end) {
  seen *s = ctx;
  if (s->n < 16) {
    s->word[s->n] = word;
    s->end[s->n] = end;
  }
  s->n++;
}

static void automaton(void) {
  char *words[] = {"he", "she", "his", "hers", "møbler"};
  ck_ac *ac = ck_ac_build(words, 5);
  seen s = {0};
  const char *text = "USHERS";
  ck_ac_scan(ac, text, strlen(text), record, &s);
  INT_EQ(s.n, 3, "hits in USHERS");
  INT_EQ(s.word[0], 1, "she first");
  INT_EQ(s.end[0], 4, "she ends at 4");
  INT_EQ(s.word[1], 0, "he inside she");
  INT_EQ(s.word[2], 3, "hers");
  s.n = 0;
  text = "Nye MØBLER og møbler";
  ck_ac_scan(ac, text, strlen(text), record, &s);
  INT_EQ(s.n, 2, "møbler twice, upper and lower case");
  INT_EQ(s.end[0], strlen("Nye MØBLER"), "end of the first");
  s.n = 0;
  ck_ac_scan(ac, "", 0, record, &s);
  INT_EQ(s.n, 0, "empty text");
  OK(!ck_ac_has_table(ac), "short texts are scanned on the trie");
  /* A text of more than 64 KiB: the table is
     made, and finds what the trie found. */
  size_t big = 300 * 1024;
  char *long_text = ck_xmalloc(big);
  memset(long_text, '.', big);
  memcpy(long_text + big - 6, "USHERS", 6);
  s.n = 0;
  ck_ac_scan(ac, long_text, big, record, &s);
  OK(ck_ac_has_table(ac), "a long text makes the table");
  INT_EQ(s.n, 3, "hits in USHERS at the end of a long text");
  INT_EQ(s.word[0], 1, "she first, with the table");
  INT_EQ(s.end[0], big - 2, "she ends two bytes before the end");
  free(long_text);
  s.n = 0;
  text = "Nye MØBLER og møbler";
  ck_ac_scan(ac, text, strlen(text), record, &s);
  INT_EQ(s.n, 2, "møbler twice, with the table");
  ck_ac_free(ac);
  ac = ck_ac_build(words, 5);
  char *blank = ck_xcalloc(30 * 1024, 1);
  for (int k = 0; k < 3; k++) {
    OK(!ck_ac_has_table(ac), "no table before text %d of 30 KiB", k + 1);
    ck_ac_scan(ac, blank, 30 * 1024, record, &s);
  }
  OK(ck_ac_has_table(ac), "three texts of 30 KiB make the table");
  free(blank);
  ck_ac_free(ac);

  ck_ac *none = ck_ac_build(NULL, 0);
  s.n = 0;
  ck_ac_scan(none, "anything", 8, record, &s);
  INT_EQ(s.n, 0, "no words, no hits");
  ck_ac_free(none);
}

/* --- the compact automaton against a plain matcher ---------------------------- */

typedef struct hit_list {
  size_t *word, *end;
  size_t n, cap;
} hit_list;

static void collect(void *ctx, size_t word, size_t end) {
  hit_list *h = ctx;
  if (h->n == h->cap) {
    h->cap = h->cap ? h->cap * 2 : 64;
    h->word = ck_xrealloc(h->word, h->cap * sizeof *h->word);
    h->end = ck_xrealloc(h->end, h->cap * sizeof *h->end);
  }
  h->word[h->n] = word;
  h->end[h->n++] = end;
}

/* Orders word ids by their text, equal words by id. */
static char *const *sort_words;
static int by_text(const void *a, const void *b) {
  size_t x = *(const size_t *)a, y = *(const size_t *)b;
  int c = strcmp(sort_words[x], sort_words[y]);
  return c ? c : (x > y) - (x < y);
}

/* The first of the sorted ids whose word equals s[0, len), or n. */
static size_t find_word(char *const *words, const size_t *sorted, size_t n,
                        const unsigned char *s, size_t len) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    const char *w = words[sorted[mid]];
    size_t wl = strlen(w);
    int c = memcmp(w, s, wl < len ? wl : len);
    if (c < 0 || (c == 0 && wl < len))
      lo = mid + 1;
    else
      hi = mid;
  }
  if (lo < n && strlen(words[sorted[lo]]) == len && memcmp(words[sorted[lo]], s, len) == 0)
    return lo;
  return n;
}

/* What the automaton must report: at every end offset, every word (the
   lowest id of equal words) that the folded text ends with, longest first,
   as the failure-link chain gives them. */
static void plain_matches(char *const *words, size_t n, const char *text, size_t len,
                          hit_list *out) {
  unsigned char *folded = ck_xmalloc(len + 1);
  for (size_t i = 0; i < len; i++)
    folded[i] = ck_fold_byte(i ? (unsigned char)text[i - 1] : 0, (unsigned char)text[i]);
  size_t *sorted = ck_xmalloc((n + 1) * sizeof *sorted);
  size_t maxlen = 0;
  for (size_t w = 0; w < n; w++) {
    sorted[w] = w;
    if (strlen(words[w]) > maxlen)
      maxlen = strlen(words[w]);
  }
  sort_words = words;
  qsort(sorted, n, sizeof *sorted, by_text);
  for (size_t end = 1; end <= len; end++)
    for (size_t l = end < maxlen ? end : maxlen; l > 0; l--) {
      size_t k = find_word(words, sorted, n, folded + end - l, l);
      if (k < n)
        collect(out, sorted[k], end);
    }
  free(sorted);
  free(folded);
}

static bool same_hits(const hit_list *a, const hit_list *b) {
  if (a->n != b->n)
    return false;
  for (size_t i = 0; i < a->n; i++)
    if (a->word[i] != b->word[i] || a->end[i] != b->end[i])
      return false;
  return true;
}

/* Both forms of the automaton: a fresh one scans a text of 64 KiB or less
   on its trie (a longer one makes the table at once), then on its
   transition table once that is made (ac.c). */
static void check_against_plain(char *const *words, size_t n, const char *text, size_t len,
                                const char *what) {
  ck_ac *ac = ck_ac_build(words, n);
  hit_list got = {0}, table = {0}, want = {0};
  ck_ac_scan(ac, text, len, collect, &got);
  OK(ck_ac_has_table(ac) == (len > 64 * 1024), "%s: scanned on the trie if short", what);
  ck_ac_make_table(ac);
  ck_ac_scan(ac, text, len, collect, &table);
  plain_matches(words, n, text, len, &want);
  OK(same_hits(&got, &want), "%s: %zu hits on the trie, want %zu", what, got.n, want.n);
  OK(same_hits(&table, &want), "%s: %zu hits with the table, want %zu", what, table.n, want.n);
  free(got.word);
  free(got.end);
  free(table.word);
  free(table.end);
  free(want.word);
  free(want.end);
  ck_ac_free(ac);
}

static uint32_t next_random(uint32_t *state) {
  *state = *state * 1103515245u + 12345u;
  return *state >> 8;
}

static void byte_classes(void) {
  /* 'q', 'z', '9' and '€' (E2 82 AC) occur in one word each; "–" (E2 80 93)
     holds bytes in 0x80..0x9E that only fold after 0xC3; "Ø" in a word is
     upper case, which folded text never matches. */
  char *words[] = {"quiz", "zz9", "bærekraft", "€", "a–b", "møbler", "MØBEL", "øb", "bær",
                   "\xc3\xb8", "\x93"};
  size_t n = sizeof words / sizeof *words;
  ck_ac *ac = ck_ac_build(words, n);
  /* q u i z 9 æ r e k f t € ( E2 82 AC ) – ( 80 93 ) m ø ( C3 B8 ) l b M Ø ( 98 )
     B E L a: the distinct bytes of the words, plus the class of all others */
  size_t distinct[256] = {0}, ndistinct = 0;
  for (size_t w = 0; w < n; w++)
    for (const unsigned char *p = (const unsigned char *)words[w]; *p; p++)
      ndistinct += distinct[*p]++ == 0;
  INT_EQ(ck_ac_classes(ac), ndistinct + 1, "one class per word byte and one for the rest");
  INT_EQ(ck_ac_table_bytes(ac), ck_ac_states(ac) * ck_ac_classes(ac) * 2,
         "16-bit states for a small automaton");
  ck_ac_free(ac);

  const char *texts[] = {
      "QUIZ quiz Quiz zz9 ZZ9 zZ9",
      "BÆREKRAFT og bærekraft, Bærekraft; BÆR",
      "pris 100 € og 5€, a–b A–B a-b",
      "MØBEL møbel Møbler MØBLER øB ØB",
      "\xc3\x93 \xc2\x93 \x93 \xe2\x80\x93",  /* 0x93 after C3, C2, alone, in "–" */
      "xyzzy 123 \xff\xfe\x01 tom",
  };
  for (size_t t = 0; t < sizeof texts / sizeof *texts; t++)
    check_against_plain(words, n, texts[t], strlen(texts[t]), texts[t]);

  /* Random texts over the word bytes, their upper-case forms and a few
     strangers. */
  static const char alphabet[] = "quizQUIZ9bBaAeErRkKfFtTlLmM \xc3\xa6\xb8\x86\x98\xe2\x82\xac\x80\x93-x";
  uint32_t seed = 7;
  char text[400];
  for (int round = 0; round < 200; round++) {
    size_t len = next_random(&seed) % sizeof text;
    for (size_t i = 0; i < len; i++)
      text[i] = alphabet[next_random(&seed) % (sizeof alphabet - 1)];
    check_against_plain(words, n, text, len, "random text");
  }
}

/* Texts of 64 KiB and more are scanned in two lanes, a round of 32 KiB at a
   time (ac.c): words that end just before, on and just after the lanes'
   and rounds' edges must come out once each, in order, as with the plain
   scan; and random long texts must give the same hits. */
static void two_lanes(void) {
  char *words[] = {"bærekraft", "kraft", "ft", "møbler", "a–b", "€", "xyzzy", "y"};
  size_t n = sizeof words / sizeof *words;
  enum { LANE = 1 << 14, LEN = 4 * LANE + 300, MAX = 7 * LANE };
  char *text = ck_xmalloc(MAX);
  static const size_t edges[] = {LANE, 2 * LANE, 3 * LANE, 4 * LANE};
  const char *word = "Bærekraft"; /* 10 bytes, folded on the way */
  size_t wlen = strlen(word);
  for (size_t e = 0; e < sizeof edges / sizeof *edges; e++)
    for (int delta = -12; delta <= 12; delta++) {
      memset(text, '.', LEN);
      size_t end = (size_t)((long)edges[e] + delta);
      memcpy(text + end - wlen, word, wlen);
      char what[64];
      snprintf(what, sizeof what, "a word ending at %zu", end);
      check_against_plain(words, n, text, LEN, what);
    }
  static const char alphabet[] = "bBærRekKfFtTaAmMøØlL \xc3\xa6\xb8\x98xXyYzZ\xe2\x82\xac\x80\x93-.";
  uint32_t seed = 99;
  for (int round = 0; round < 6; round++) {
    size_t len = 4 * LANE + next_random(&seed) % (MAX - 4 * LANE);
    for (size_t i = 0; i < len; i++)
      text[i] = alphabet[next_random(&seed) % (sizeof alphabet - 1)];
    check_against_plain(words, n, text, len, "random long text");
  }
  free(text);
}

/* More than 65,536 states: the table falls back to 32-bit state numbers and
   must still find every word. */
static void many_states(void) {
  size_t n = 20000;
  char **words = ck_xmalloc(n * sizeof *words);
  uint32_t seed = 12345;
  for (size_t w = 0; w < n; w++) {
    size_t len = 5 + next_random(&seed) % 6;
    words[w] = ck_xmalloc(len + 1);
    for (size_t i = 0; i < len; i++)
      words[w][i] = (char)('a' + next_random(&seed) % 26);
    words[w][len] = '\0';
  }
  ck_ac *ac = ck_ac_build(words, n);
  OK(ck_ac_states(ac) > 65536, "many states: %zu", ck_ac_states(ac));
  INT_EQ(ck_ac_classes(ac), 27, "26 letters and the rest");
  INT_EQ(ck_ac_table_bytes(ac), ck_ac_states(ac) * 27 * 4, "32-bit states");
  /* A text of some of the words, upper-cased, between other bytes. */
  ck_buf text = CK_BUF_INIT;
  for (size_t w = 0; w < n; w += 97) {
    for (const char *p = words[w]; *p; p++)
      ck_buf_putc(&text, w % 2 ? (char)(*p - 0x20) : *p);
    ck_buf_puts(&text, w % 3 ? " " : "\xc3\x98.");
  }
  hit_list got = {0};
  ck_ac_scan(ac, text.ptr, text.len, collect, &got);
  size_t found = 0;
  for (size_t w = 0, k = 0; w < n; w += 97) {
    /* the hits of a word end where it does in the text */
    size_t end = 0;
    for (size_t v = 0; v <= w; v += 97)
      end += strlen(words[v]) + (v == w ? 0 : v % 3 ? 1 : 3);
    for (; k < got.n && got.end[k] <= end; k++)
      found += got.end[k] == end && strcmp(words[got.word[k]], words[w]) == 0;
  }
  INT_EQ(found, (n + 96) / 97, "every word of the text found");
  ck_ac_free(ac);
  /* and nothing else */
  check_against_plain(words, n, text.ptr, text.len, "many words, plain matcher");
  ck_buf_free(&text);
  free(got.word);
  free(got.end);
  for (size_t w = 0; w < n; w++)
    free(words[w]);
  free(words);
}

int main(void) {
  extraction();
  second_sets();
  automaton();
  byte_classes();
  two_lanes();
  many_states();
  return ck_test_report();
}

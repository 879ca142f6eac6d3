/* The prefilter's word extraction and matcher: a wrong word would hide
   evidence, so every case states exactly which words a pattern yields. */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "literals.h"
#include "util.h"

/* Joins the words of 'pattern' as "a|b|c", or "-" when it has none. */
static char *words_of(const char *pattern) {
  ck_strlist l = {0};
  ck_buf out = CK_BUF_INIT;
  if (!ck_required_literals(pattern, &l))
    ck_buf_puts(&out, "-");
  for (size_t i = 0; i < l.n; i++) {
    if (i)
      ck_buf_putc(&out, '|');
    ck_buf_puts(&out, l.items[i]);
  }
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
      {"(?-i:\\bSVHCs?\\b)", "svhc"},
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
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    char *got = words_of(cases[i].pattern);
    STR_EQ(got, cases[i].want, cases[i].pattern);
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
  ck_ac_free(ac);

  ck_ac *none = ck_ac_build(NULL, 0);
  s.n = 0;
  ck_ac_scan(none, "anything", 8, record, &s);
  INT_EQ(s.n, 0, "no words, no hits");
  ck_ac_free(none);
}

int main(void) {
  extraction();
  automaton();
  return ck_test_report();
}

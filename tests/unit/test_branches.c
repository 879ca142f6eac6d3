/* Splitting patterns into top-level branches (ck_split_branches). The
   evaluator matches a sentence against only the branches whose words it
   holds, so a wrong split would move or lose evidence: every case states
   the exact branches, and a property check compares the leftmost match of
   the branches with the whole pattern's match on many sentences. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "literals.h"
#include "util.h"

/* The branches of 'pattern' joined by " ~ ", with "!" in front when the
   pattern was kept whole. */
static char *branches_of(const char *pattern) {
  ck_strlist l = {0};
  ck_buf out = CK_BUF_INIT;
  if (!ck_split_branches(pattern, &l))
    ck_buf_putc(&out, '!');
  for (size_t i = 0; i < l.n; i++) {
    if (i)
      ck_buf_puts(&out, " ~ ");
    ck_buf_puts(&out, l.items[i]);
  }
  ck_strlist_free(&l);
  return ck_buf_detach(&out);
}

static void splitting(void) {
  static const struct {
    const char *pattern, *want;
  } cases[] = {
      {"garanti", "garanti"},
      {"\\bgaranti\\w*|\\bwarrant\\w*", "\\bgaranti\\w* ~ \\bwarrant\\w*"},
      {"a|b|c", "a ~ b ~ c"},
      {"(?:kun|bare) nye|nytt", "(?:kun|bare) nye ~ nytt"},
      {"x(a|(b|c))y|z", "x(a|(b|c))y ~ z"},
      {"[|]a|b", "[|]a ~ b"},
      {"[]|]a|b", "[]|]a ~ b"},
      {"[^]|]a|b", "[^]|]a ~ b"},
      {"\\|a|b", "\\|a ~ b"},
      {"a|", "a ~ "},
      {"(?-i:\\bEN)\\d+|\\bholdbar\\w*", "(?-i:\\bEN)\\d+ ~ \\bholdbar\\w*"},
      {"(?<!test )rapport|(?=x)y", "(?<!test )rapport ~ (?=x)y"},
      {"(?<navn>ta)|tilbake", "(?<navn>ta) ~ tilbake"},
      /* Kept whole: the branches are tied together. */
      {"(a)\\1|b", "!(a)\\1|b"},
      {"(?<n>a)\\k<n>|b", "!(?<n>a)\\k<n>|b"},
      {"(?i)a|b", "!(?i)a|b"},
      {"a|(?-i)B", "!a|(?-i)B"},
      {"(?|(a)|(b))|c", "!(?|(a)|(b))|c"},
      {"(*UCP)a|b", "!(*UCP)a|b"},
      {"(a|b(?1))|c", "!(a|b(?1))|c"},
      {"\\Qa|b\\E|c", "!\\Qa|b\\E|c"},
      {"a\\Kb|c", "!a\\Kb|c"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    char *got = branches_of(cases[i].pattern);
    STR_EQ(got, cases[i].want, cases[i].pattern);
    free(got);
  }
}

static pcre2_code *compile(const char *p) {
  int err;
  PCRE2_SIZE off;
  return pcre2_compile((PCRE2_SPTR)p, PCRE2_ZERO_TERMINATED,
                       PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS, &err, &off, NULL);
}

/* Every match of the whole pattern in 's', found one after the other, must
   be the leftmost match of its branches (the earliest branch on a tie) from
   the same place: start and end. */
static void same_matches(const char *pattern, const char *s) {
  ck_strlist parts = {0};
  ck_split_branches(pattern, &parts);
  pcre2_code *whole = compile(pattern);
  pcre2_code **branch = calloc(parts.n, sizeof *branch);
  pcre2_match_data *md = pcre2_match_data_create(1, NULL);
  bool compiled = whole != NULL;
  for (size_t b = 0; b < parts.n; b++)
    compiled = compiled && (branch[b] = compile(parts.items[b])) != NULL;
  OK(compiled, "%s compiles whole and in branches", pattern);
  size_t len = strlen(s), pos = 0;
  while (compiled && pos <= len) {
    size_t ws = 0, we = 0, bs = 0, be = 0;
    bool wfound = pcre2_match(whole, (PCRE2_SPTR)s, len, pos, 0, md, NULL) >= 0;
    if (wfound) {
      ws = pcre2_get_ovector_pointer(md)[0];
      we = pcre2_get_ovector_pointer(md)[1];
    }
    bool bfound = false;
    for (size_t b = 0; b < parts.n; b++)
      if (pcre2_match(branch[b], (PCRE2_SPTR)s, len, pos, 0, md, NULL) >= 0) {
        size_t ms = pcre2_get_ovector_pointer(md)[0];
        if (!bfound || ms < bs) {
          bfound = true;
          bs = ms;
          be = pcre2_get_ovector_pointer(md)[1];
        }
      }
    OK(wfound == bfound && ws == bs && we == be,
       "%s on \"%s\" from %zu: whole %d [%zu,%zu), branches %d [%zu,%zu)", pattern, s, pos,
       wfound, ws, we, bfound, bs, be);
    if (!wfound)
      break;
    pos = we > ws ? we : ws + 1;
  }
  pcre2_match_data_free(md);
  for (size_t b = 0; b < parts.n; b++)
    pcre2_code_free(branch[b]);
  free(branch);
  pcre2_code_free(whole);
  ck_strlist_free(&parts);
}

static void equivalence(void) {
  static const char *patterns[] = {
      "\\w*reparasjon\\w*|\\breparer\\w*|\\blapping\\w*",
      "\\bgaranti|\\bgarantitid\\w*",   /* a branch that is a prefix of another */
      "\\bgarantitid\\w*|\\bgaranti",   /* the same, longer branch first */
      "a|ab|abc",
      "(?-i:\\b(?:NS[- ]?)?EN(?:[ -]ISO)?)[ -]?\\d{3,5}\\b|\\ben\\b",
      "\\b(?:kun|bare) (?:[^\\s.!?;]+ )?nye\\b|\\bnye og ubrukte\\b",
      "(?<!test)rapport\\w*|\\brapport",
      "x*|y",                            /* empty matches */
      "\\bmøbl\\w*|\\w*stol\\w*|\\bpult",
  };
  static const char *sentences[] = {
      "Leverandøren skal tilby møbelreparasjon og reparere stoler; lapping av trekk.",
      "Garantitiden skal være 5 år, og garanti gjelder deler.",
      "abc ab a abcabc",
      "Produktet skal oppfylle NS-EN ISO 12345 og en EN 1335, en stol.",
      "Kun nye møbler, bare helt nye. Nye og ubrukte varer.",
      "Testrapport og rapport; miljørapporten.",
      "xxyxy",
      "Kontorstoler og møbler, en pult og en skrivebordsstol.",
      "",
  };
  for (size_t p = 0; p < sizeof patterns / sizeof *patterns; p++)
    for (size_t s = 0; s < sizeof sentences / sizeof *sentences; s++)
      same_matches(patterns[p], sentences[s]);
}

int main(void) {
  splitting();
  equivalence();
  return ck_test_report();
}

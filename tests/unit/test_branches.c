/* Splitting patterns into top-level branches (ck_split_branches). The
   evaluator matches a sentence against only the branches whose words it
   holds, so a wrong split would move or lose evidence: every case states
   the exact branches, and a property check compares the leftmost match of
   the branches with the whole pattern's match on many sentences. A second
   property covers the words the prefilter requires of each branch (both
   sets, ck_required_literal_sets): on every example passage of the
   built-in rules, a branch that matches must find its words there. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "ac.h"
#include "harness.h"
#include "literals.h"
#include "rules.h"
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

static bool ascii_word_byte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/* Whether 'text' holds one of 'words' as the prefilter would see it: folded
   like the automaton, or in its case for a word marked exact; a word
   marked as a word's start not right after an ASCII letter or digit. */
static bool holds_one(const char *text, const char *folded, const ck_strlist *words) {
  for (size_t i = 0; i < words->n; i++) {
    const char *w = words->items[i];
    bool start = *w == CK_START_MARK;
    w += start;
    bool exact = *w == CK_EXACT_MARK;
    w += exact;
    const char *hay = exact ? text : folded;
    for (const char *at = strstr(hay, w); at; at = strstr(at + 1, w))
      if (!start || at == hay || !ascii_word_byte(at[-1]))
        return true;
  }
  return false;
}

static char *fold(const char *s) {
  size_t n = strlen(s);
  char *out = malloc(n + 1);
  unsigned char prev = 0;
  for (size_t i = 0; i < n; i++) {
    out[i] = (char)ck_fold_byte(prev, (unsigned char)s[i]);
    prev = (unsigned char)s[i];
  }
  out[n] = '\0';
  return out;
}

/* Every branch of every built-in pattern list, on every example passage of
   every built-in rule (about 800 passages in three languages). */
static void required_words_hold(void) {
  ck_ruleset *rs = NULL;
  ck_diags d = CK_DIAGS_INIT;
  INT_EQ(ck_ruleset_load(true, NULL, 0, &rs, &d), CK_OK, "built-in rules load");
  ck_diags_free(&d);
  if (!rs)
    return;
  size_t npassages = 0;
  char **texts = NULL, **folded = NULL;
  for (size_t i = 0; i < rs->nrules; i++)
    for (size_t e = 0; e < rs->rules[i]->nexamples; e++) {
      texts = realloc(texts, (npassages + 1) * sizeof *texts);
      folded = realloc(folded, (npassages + 1) * sizeof *folded);
      texts[npassages] = rs->rules[i]->examples[e].text;
      folded[npassages++] = fold(rs->rules[i]->examples[e].text);
    }
  pcre2_match_data *md = pcre2_match_data_create(1, NULL);
  size_t checked = 0, with_second = 0, failures = 0;
  for (size_t i = 0; i < rs->nrules; i++) {
    const ck_rule *r = rs->rules[i];
    const ck_lang_patterns *sets[] = {&r->match, &r->contradict, &r->when};
    for (size_t k = 0; k < 3; k++)
      for (int lang = 0; lang < CK_LANG_COUNT; lang++) {
        const ck_pattern_set *ps = &sets[k]->by_lang[lang];
        const ck_pattern_list *lists[] = {&ps->any, &ps->all, &ps->none};
        for (size_t l = 0; l < 3; l++)
          for (size_t p = 0; p < lists[l]->n; p++) {
            ck_strlist parts = {0};
            ck_split_branches(lists[l]->items[p].src, &parts);
            for (size_t b = 0; b < parts.n; b++) {
              ck_strlist first = {0}, second = {0};
              if (ck_required_literal_sets(parts.items[b], &first, &second)) {
                pcre2_code *code = compile(parts.items[b]);
                with_second += second.n > 0;
                for (size_t t = 0; code && t < npassages; t++) {
                  if (pcre2_match(code, (PCRE2_SPTR)texts[t], strlen(texts[t]), 0, 0, md,
                                  NULL) < 0)
                    continue;
                  checked++;
                  bool ok = holds_one(texts[t], folded[t], &first) &&
                            (second.n == 0 || holds_one(texts[t], folded[t], &second));
                  if (!ok && failures++ < 10)
                    OK(false, "%s: branch %s matches \"%s\" without its words", r->id,
                       parts.items[b], texts[t]);
                }
                pcre2_code_free(code);
              }
              ck_strlist_free(&first);
              ck_strlist_free(&second);
            }
            ck_strlist_free(&parts);
          }
      }
  }
  INT_EQ(failures, 0, "branches that match without their required words");
  OK(checked > 1000, "%zu matches checked", checked);
  OK(with_second > 100, "%zu branches with a second set", with_second);
  pcre2_match_data_free(md);
  for (size_t t = 0; t < npassages; t++)
    free(folded[t]);
  free(folded);
  free(texts);
  ck_ruleset_free(rs);
}

int main(void) {
  splitting();
  equivalence();
  required_words_hold();
  return ck_test_report();
}

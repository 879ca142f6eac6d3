/* Required words of a pattern, and the Aho-Corasick automaton (literals.h).
 *
 * The pattern reader knows the part of PCRE2's syntax that matters for
 * finding words a match cannot do without: alternation, groups and their
 * quantifiers, classes and escapes. Anything it is unsure of ends the word
 * it is reading, which can only make the prefilter less selective, never
 * wrong; a pattern with no safe word at all is left unfiltered. */
#include "literals.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* Words shorter than this would pick nearly every sentence. */
#define MIN_WORD 2
/* A second requirement is checked on every hit of its words: shorter ones
   ("av", "på", "år") would cost more than they save. In characters. */
#define SECOND_MIN 3

void ck_strlist_add(ck_strlist *l, const char *s, size_t len) {
  CK_GROW(l->items, l->cap, l->n + 1);
  l->items[l->n++] = ck_xstrndup(s, len);
}

void ck_strlist_free(ck_strlist *l) {
  for (size_t i = 0; i < l->n; i++)
    free(l->items[i]);
  free(l->items);
  l->items = NULL;
  l->n = l->cap = 0;
}

/* Appends 's', which the list then owns. */
static void strlist_take(ck_strlist *l, char *s) {
  CK_GROW(l->items, l->cap, l->n + 1);
  l->items[l->n++] = s;
}

/* Moves the strings of 'from' to the end of 'to', leaving 'from' empty:
   what the reader hands on is its own already, and needs no copy. */
static void strlist_move(ck_strlist *to, ck_strlist *from) {
  if (!to->items) {
    *to = *from;
  } else {
    for (size_t i = 0; i < from->n; i++)
      strlist_take(to, from->items[i]);
    free(from->items);
  }
  *from = (ck_strlist){0};
}

/* --- reading a pattern ------------------------------------------------------------------ */

typedef struct reader {
  const char *p;
  bool exact;    /* inside "(?-i:...)" or after "(?-i)": words keep their case */
  bool at_b;     /* right after "\b": a word starting here starts a word of the text */
  bool extended; /* "(?x)": white space and "#" comments are not part of the pattern */
  bool give_up;  /* something makes the words unsafe ("(*ACCEPT)"): no words at all */
} reader;

/* Whether 'c' is white space that extended mode leaves out (ASCII: the
   Unicode spaces it also leaves out end a word, which is only safe). */
static bool x_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/* In extended mode, skips white space and "#" comments (to the end of the
   line) at r->p. */
static void skip_ignored(reader *r) {
  if (!r->extended)
    return;
  for (;;) {
    while (x_space(*r->p))
      r->p++;
    if (*r->p != '#')
      return;
    while (*r->p && *r->p != '\n')
      r->p++;
  }
}

static bool parse_alternation(reader *r, ck_strlist *out);

/* Skips a quantifier after an atom; tells whether the atom may be absent
   ('?', '*', {0,...}) and whether it may repeat. */
static void skip_quantifier(reader *r, bool *optional, bool *repeats) {
  *optional = *repeats = false;
  skip_ignored(r); /* "(?x)ab +": the quantifier still belongs to "b" */
  const char *p = r->p;
  if (*p == '?' || *p == '*') {
    *optional = true;
    *repeats = *p == '*';
    p++;
  } else if (*p == '+') {
    *repeats = true;
    p++;
  } else if (*p == '{' && p[1] >= '0' && p[1] <= '9') {
    const char *q = p + 1;
    unsigned long min = strtoul(q, (char **)&q, 10);
    if (*q == ',') {
      q++;
      while (*q >= '0' && *q <= '9')
        q++;
      *repeats = true;
    }
    if (*q != '}')
      return; /* not a quantifier: PCRE2 reads the brace literally */
    *optional = min == 0;
    *repeats = *repeats || min > 1;
    p = q + 1;
  } else {
    return;
  }
  r->p = p;
  skip_ignored(r); /* "(?x)a* +b": still possessive */
  if (*r->p == '?' || *r->p == '+')
    r->p++; /* lazy or possessive */
}

/* Skips a character class, r->p just past its '['. */
static void skip_class(reader *r) {
  const char *p = r->p;
  if (*p == '^')
    p++;
  if (*p == ']')
    p++;
  while (*p && *p != ']') {
    if (*p == '\\' && p[1])
      p += 2;
    else if (*p == '[' && p[1] == ':') {
      const char *end = strstr(p + 2, ":]");
      p = end ? end + 2 : p + 1;
    } else
      p++;
  }
  r->p = *p ? p + 1 : p;
}

/* Skips a group's contents up to and including its ')'. A comment,
   "(?#...)", may hold parentheses that do not count; so may a "#" comment
   in extended mode, which makes the pattern's words unsafe. */
static void skip_group(reader *r) {
  int depth = 1;
  const char *p = r->p;
  while (*p && depth) {
    if (*p == '\\' && p[1])
      p++;
    else if (*p == '(' && p[1] == '?' && p[2] == '#') {
      const char *end = strchr(p, ')');
      p = end ? end + 1 : p + strlen(p);
      continue;
    } else if (*p == '#' && r->extended) {
      /* A comment, unless an option inside the group turned extended
         mode off: which one is not worked out here. */
      r->give_up = true;
    } else if (*p == '[') {
      r->p = p + 1;
      skip_class(r);
      p = r->p;
      continue;
    } else if (*p == '(')
      depth++;
    else if (*p == ')')
      depth--;
    p++;
  }
  r->p = p;
}

static size_t utf8_len(unsigned char c) {
  return c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
}

/* The best words of one alternative: either its longest literal run, or a
   required group's set of words, whichever has the longer shortest word.
   When asked (the top level of a branch), every required set is also kept
   in 'all', for the next best one: a second, independent requirement. */
typedef struct choice {
  ck_strlist run_best;   /* one word, or empty */
  ck_strlist group_best; /* a set from a group, or empty */
  size_t group_min;
  bool keep_all;
  ck_strlist *all;       /* every required set, in pattern order */
  size_t nall, cap_all;
} choice;

static void keep_set(choice *c, const ck_strlist *set) {
  if (!c->keep_all)
    return;
  CK_GROW(c->all, c->cap_all, c->nall + 1);
  ck_strlist *copy = &c->all[c->nall++];
  *copy = (ck_strlist){0};
  for (size_t i = 0; i < set->n; i++)
    ck_strlist_add(copy, set->items[i], strlen(set->items[i]));
}

/* The shortest word's length in characters (UTF-8 lead bytes). */
static size_t min_chars(const ck_strlist *l) {
  size_t m = SIZE_MAX;
  for (size_t i = 0; i < l->n; i++) {
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)l->items[i]; *p; p++)
      n += (*p & 0xC0) != 0x80 && *p != (unsigned char)CK_EXACT_MARK &&
           *p != (unsigned char)CK_START_MARK;
    if (n < m)
      m = n;
  }
  return l->n ? m : 0;
}

/* A word's length in bytes as the choice of words weighs it: the exact
   mark counts (see flush_run), the start mark does not. */
static size_t word_len(const char *w) { return strlen(w) - (w[0] == CK_START_MARK); }

static size_t min_len(const ck_strlist *l) {
  size_t m = SIZE_MAX;
  for (size_t i = 0; i < l->n; i++) {
    size_t n = word_len(l->items[i]);
    if (n < m)
      m = n;
  }
  return l->n ? m : 0;
}

/* Whether folded text 's' begins with a character \w holds for: an ASCII
   letter or digit, or a Latin-1 letter (lower case after folding). */
static bool starts_word_char(const char *s, size_t len) {
  unsigned char c = (unsigned char)s[0];
  if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'))
    return true;
  unsigned char d = len > 1 ? (unsigned char)s[1] : 0;
  return c == 0xC3 && d >= 0xA0 && d <= 0xBF && d != 0xB7;
}

static void flush_run(ck_buf *run, choice *c, bool exact, bool at_b) {
  /* Trailing or leading spaces are part of the pattern, but shorter words
     are safer against whitespace the document writes differently. */
  size_t start = 0, end = run->len;
  while (start < end && run->ptr[start] == ' ')
    start++;
  while (end > start && run->ptr[end - 1] == ' ')
    end--;
  size_t len = end - start;
  bool better = c->run_best.n == 0 || len > word_len(c->run_best.items[0]);
  if (len >= MIN_WORD && (better || c->keep_all)) {
    /* "\bgaranti": the text has "garanti" at the start of a word. Not
       when spaces were trimmed off the front: the \b was before them. */
    bool start_mark = at_b && start == 0 && starts_word_char(run->ptr, len);
    /* The exact marker makes the word one byte longer: a word that must
       match its case is also the more selective one. */
    size_t marks = (size_t)start_mark + (size_t)exact;
    char *w = ck_xmalloc(marks + len + 1);
    if (start_mark)
      w[0] = CK_START_MARK;
    if (exact)
      w[marks - 1] = CK_EXACT_MARK;
    memcpy(w + marks, run->ptr + start, len);
    w[marks + len] = '\0';
    ck_strlist word = {0};
    strlist_take(&word, w);
    keep_set(c, &word);
    if (better) {
      ck_strlist_free(&c->run_best);
      c->run_best = word;
    } else {
      ck_strlist_free(&word);
    }
  }
  ck_buf_reset(run);
}

/* Whether a group with the option letters q[0, f) ("-i", "i", "x-i")
   matches case exactly, given the setting around it. */
static bool exact_after(const char *q, const char *f, bool exact) {
  bool unset = false;
  for (const char *o = q; o < f; o++) {
    if (*o == '-')
      unset = true;
    else if (*o == '^')
      exact = false; /* "(?^...)" resets the options to the pattern's own */
    else if (*o == 'i')
      exact = unset;
  }
  return exact;
}

/* Whether the option letters q[0, f) leave extended mode on ("x" and "xx"
   set it, "-x" and "^" clear it). */
static bool extended_after(const char *q, const char *f, bool extended) {
  bool unset = false;
  for (const char *o = q; o < f; o++) {
    if (*o == '-')
      unset = true;
    else if (*o == '^')
      extended = false;
    else if (*o == 'x')
      extended = !unset;
  }
  return extended;
}

/* Skips what follows a backslash at r->p (the escape's letter) up to the
   end of the escape, so that none of it is read as literal text. */
static void skip_escape(reader *r) {
  const char *p = r->p;
  char e = *p;
  if (!e)
    return;
  p += utf8_len((unsigned char)e); /* "\ø" is the letter ø: all of it */
  if (e == 'Q') { /* \Q...\E quotes: give up on words, skip the text */
    const char *end = strstr(p, "\\E");
    p = end ? end + 2 : p + strlen(p);
  } else if ((e == 'x' || e == 'o' || e == 'p' || e == 'P' || e == 'N' || e == 'g' ||
              e == 'k') &&
             (*p == '{' || *p == '<' || *p == '\'')) {
    char close = *p == '{' ? '}' : *p == '<' ? '>' : '\'';
    const char *end = strchr(p + 1, close);
    p = end ? end + 1 : p + strlen(p);
  } else if (e == 'x') { /* "\x41": up to two hex digits */
    for (int k = 0; k < 2 && ((*p >= '0' && *p <= '9') || ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'f')); k++)
      p++;
  } else if (e == 'c') { /* "\cA": a control character */
    if (*p)
      p += utf8_len((unsigned char)*p);
  } else if (e == 'p' || e == 'P') { /* "\pL": a one-letter property */
    if (*p)
      p += utf8_len((unsigned char)*p);
  } else if (e >= '0' && e <= '9') { /* back reference or octal "\012", "\101" */
    while (*p >= '0' && *p <= '9')
      p++;
  } else if (e == 'g') { /* "\g1", "\g-1", "\g+1" */
    if (*p == '-' || *p == '+')
      p++;
    while (*p >= '0' && *p <= '9')
      p++;
  }
  r->p = p;
}

/* Reads a "(*...)" at r->p (just past its '('): a backtracking verb or a
   start-of-pattern setting, which match no text ("(*UTF)", "(*NO_JIT)",
   "(*CR)", "(*LIMIT_MATCH=1000)", "(*COMMIT)", "(*MARK:x)"), or an
   assertion written with a name ("(*pla:...)", "(*atomic:...)"), whose
   words are left out like a lookaround's. (A pattern with "(*ACCEPT)" is
   never read: accepts_early.) */
static void skip_verb(reader *r) {
  const char *name = r->p + 1;
  if (*name >= 'a' && *name <= 'z') {
    r->p = name;
    skip_group(r);
    return;
  }
  const char *end = strchr(name, ')');
  r->p = end ? end + 1 : name + strlen(name);
}

static bool same_set(const ck_strlist *a, const ck_strlist *b) {
  if (a->n != b->n)
    return false;
  for (size_t i = 0; i < a->n; i++)
    if (strcmp(a->items[i], b->items[i]) != 0)
      return false;
  return true;
}

/* Reads one alternative up to '|' or ')' or the end. With 'second', also
   the best required set other than the one put in 'out' (left empty when
   there is none of at least SECOND_MIN bytes). */
static bool parse_sequence(reader *r, ck_strlist *out, ck_strlist *second) {
  choice c = {0};
  c.keep_all = second != NULL;
  ck_buf run = CK_BUF_INIT;
  bool optional, repeats;
  bool run_at_b = false; /* the run being read began right after "\b" */
  while (*r->p && *r->p != '|' && *r->p != ')') {
    const char *atom = r->p;
    unsigned char ch = (unsigned char)*atom;
    if (r->extended && (x_space(ch) || ch == '#')) {
      skip_ignored(r); /* "(?x) war ranty" is "warranty": the run goes on */
      continue;
    }
    if (ch == '\\') {
      flush_run(&run, &c, r->exact, run_at_b);
      char e = atom[1];
      r->p = atom + 1;
      skip_escape(r);
      const char *before = r->p;
      skip_quantifier(r, &optional, &repeats);
      /* "\E" alone, or an empty "\Q\E", is nothing: a quantifier after it
         belongs to the atom before, whose words were already taken. */
      if (r->p != before && (e == 'E' || (e == 'Q' && strncmp(atom + 2, "\\E", 2) == 0)))
        r->give_up = true;
      r->at_b = e == 'b' && !optional && !repeats;
    } else if (ch == '[') {
      flush_run(&run, &c, r->exact, run_at_b);
      r->p = atom + 1;
      skip_class(r);
      skip_quantifier(r, &optional, &repeats);
      r->at_b = false;
    } else if (ch == '(') {
      flush_run(&run, &c, r->exact, run_at_b);
      r->p = atom + 1;
      if (r->p[0] == '*') {
        r->at_b = false;
        skip_verb(r);
        skip_quantifier(r, &optional, &repeats);
        continue;
      }
      if (r->p[0] == '?' && r->p[1] == '#') { /* a comment: no text, no nesting */
        const char *end = strchr(r->p, ')');
        r->p = end ? end + 1 : r->p + strlen(r->p);
        r->at_b = false;
        /* A quantifier after a comment would belong to the atom before
           it, whose words were already taken as required. */
        const char *before = r->p;
        skip_quantifier(r, &optional, &repeats);
        if (r->p != before)
          r->give_up = true;
        continue;
      }
      bool lookaround = false, options = false, group_exact = r->exact;
      bool group_extended = r->extended;
      if (r->p[0] == '?') {
        const char *q = r->p + 1;
        if (*q == '=' || *q == '!' || (*q == '<' && (q[1] == '=' || q[1] == '!')))
          lookaround = true;
        else if (*q == ':' || *q == '>' || *q == '|')
          r->p = q + 1;
        else if (*q == '<' || *q == '\'' || (*q == 'P' && q[1] == '<')) {
          const char *end = strchr(q, *q == '\'' ? '\'' : '>');
          if (*q == '\'')
            end = strchr(q + 1, '\'');
          r->p = end ? end + 1 : q;
        } else {
          /* "(?-i:...)" sets options for a group whose text still counts;
             "(?i)" alone sets them for the rest and holds no text. */
          const char *f = q;
          while (*f && strchr("imnsxJU-^", *f))
            f++; /* option letters; "(?R)", "(?C)" are no options */
          /* "(?xx)" leaves spaces out of classes too ("[^ ]" no longer
             ends where it seems to): not read. */
          for (const char *o = q; o + 1 < f; o++)
            if (o[0] == 'x' && o[1] == 'x')
              r->give_up = true;
          if (*f == ':' && f > q) {
            r->p = f + 1;
            group_exact = exact_after(q, f, r->exact);
            group_extended = extended_after(q, f, r->extended);
          } else if (*f == ')' && f > q) {
            /* "(?x)", "(?-i)": for the rest of the enclosing group, later
               alternatives too; the caller of this sequence restores. */
            r->exact = exact_after(q, f, r->exact);
            r->extended = extended_after(q, f, r->extended);
            r->p = f + 1;
            r->at_b = false;
            continue;
          } else {
            if (*q == 'C' && q[1] != ')' && !(q[1] >= '0' && q[1] <= '9'))
              r->give_up = true; /* a callout's string may hold ')' */
            options = true;
          }
        }
      }
      if (lookaround && c.keep_all && r->p[1] == '=') {
        /* A lookahead at the top of a branch: what it asserts lies between
           the match and the end of the subject, which is the sentence or
           block being tried, so its words may serve as the second set.
           Never as the first: a pattern that is all lookahead matches an
           empty string and has nothing to find. */
        r->p += 2;
        ck_strlist inner = {0};
        bool outer_exact = r->exact, outer_extended = r->extended;
        bool ok = parse_alternation(r, &inner);
        r->exact = outer_exact;
        r->extended = outer_extended;
        if (*r->p == ')')
          r->p++;
        else
          ok = false;
        skip_quantifier(r, &optional, &repeats);
        if (ok && !optional && min_len(&inner) >= MIN_WORD)
          keep_set(&c, &inner);
        ck_strlist_free(&inner);
        r->at_b = false;
        continue;
      }
      if (lookaround || options) {
        skip_group(r);
        skip_quantifier(r, &optional, &repeats);
        r->at_b = false;
        continue;
      }
      ck_strlist inner = {0};
      bool outer_exact = r->exact, outer_extended = r->extended;
      r->exact = group_exact;
      r->extended = group_extended;
      bool ok = parse_alternation(r, &inner);
      r->exact = outer_exact;
      r->extended = outer_extended;
      r->at_b = false;
      if (*r->p == ')')
        r->p++;
      else
        ok = false;
      skip_quantifier(r, &optional, &repeats);
      size_t m = min_len(&inner);
      if (ok && !optional && m >= MIN_WORD)
        keep_set(&c, &inner);
      if (ok && !optional && m >= MIN_WORD && m > c.group_min) {
        ck_strlist_free(&c.group_best);
        c.group_best = inner;
        c.group_min = m;
      } else {
        ck_strlist_free(&inner);
      }
    } else if (ch == '.' || ch == '^' || ch == '$') {
      flush_run(&run, &c, r->exact, run_at_b);
      r->p = atom + 1;
      skip_quantifier(r, &optional, &repeats);
      r->at_b = false;
    } else {
      size_t n = utf8_len(ch);
      for (size_t k = 1; k < n; k++)
        if (!atom[k]) {
          n = k;
          break;
        }
      r->p = atom + n;
      skip_quantifier(r, &optional, &repeats);
      bool at_b = r->at_b;
      r->at_b = false;
      if (optional) {
        flush_run(&run, &c, r->exact, run_at_b);
        continue;
      }
      if (run.len == 0)
        run_at_b = at_b;
      unsigned char prev = 0;
      for (size_t k = 0; k < n; k++) {
        unsigned char b = r->exact ? (unsigned char)atom[k] : ck_fold_byte(prev, (unsigned char)atom[k]);
        ck_buf_putc(&run, (char)b);
        prev = (unsigned char)atom[k];
      }
      if (repeats)
        flush_run(&run, &c, r->exact, run_at_b); /* "a+" holds one "a"; what follows may not be adjacent */
    }
  }
  flush_run(&run, &c, r->exact, run_at_b);
  ck_buf_free(&run);
  bool ok = true;
  size_t run_len = c.run_best.n ? strlen(c.run_best.items[0]) : 0;
  ck_strlist *chosen = NULL;
  if (run_len >= MIN_WORD && run_len >= c.group_min)
    chosen = &c.run_best;
  else if (c.group_best.n)
    chosen = &c.group_best;
  else
    ok = false;
  size_t best = SIZE_MAX;
  if (second && chosen) {
    /* The next best: the set with the longest shortest word, other than
       the chosen one (the same words a second time would add nothing). */
    size_t best_min = 0;
    for (size_t i = 0; i < c.nall; i++) {
      size_t m = min_chars(&c.all[i]);
      if (m >= SECOND_MIN && m > best_min && !same_set(&c.all[i], chosen)) {
        best = i;
        best_min = m;
      }
    }
  }
  /* Both are the choice's own, freed below: handed on, not copied. */
  if (chosen)
    strlist_move(out, chosen);
  if (best != SIZE_MAX)
    strlist_move(second, &c.all[best]);
  for (size_t i = 0; i < c.nall; i++)
    ck_strlist_free(&c.all[i]);
  free(c.all);
  ck_strlist_free(&c.run_best);
  ck_strlist_free(&c.group_best);
  return ok;
}

/* Reads alternatives up to ')' or the end: the union of their words, or
   false when one alternative has none. */
static bool parse_alternation(reader *r, ck_strlist *out) {
  bool ok = true, at_b = r->at_b; /* "\b(?:a|b)": each alternative starts after it */
  for (;;) {
    r->at_b = at_b;
    if (!parse_sequence(r, out, NULL))
      ok = false;
    if (*r->p != '|')
      break;
    r->p++;
  }
  return ok;
}

/* "(*ACCEPT)" ends a match where it stands, even inside a group that is
   skipped: what follows it is not required. */
static bool accepts_early(const char *pattern) { return strstr(pattern, "(*ACCEPT") != NULL; }

bool ck_required_literal_sets(const char *pattern, ck_strlist *out, ck_strlist *second) {
  if (accepts_early(pattern))
    return false;
  reader r = {.p = pattern};
  ck_strlist words = {0}, also = {0};
  bool ok = parse_sequence(&r, &words, &also) && *r.p == '\0' && !r.give_up;
  if (ok) {
    strlist_move(out, &words);
    strlist_move(second, &also);
  }
  ck_strlist_free(&words);
  ck_strlist_free(&also);
  return ok;
}

bool ck_required_literals(const char *pattern, ck_strlist *out) {
  if (accepts_early(pattern))
    return false;
  reader r = {.p = pattern};
  ck_strlist words = {0};
  bool ok = parse_alternation(&r, &words) && *r.p == '\0' && !r.give_up;
  if (ok) {
    for (size_t i = 0; i < words.n; i++) {
      char *w = words.items[i];
      if (w[0] == CK_START_MARK)
        memmove(w, w + 1, strlen(w)); /* the NUL too */
    }
    strlist_move(out, &words);
  }
  ck_strlist_free(&words);
  return ok;
}

/* --- top-level branches ------------------------------------------------------------------ */

/* Whether a group opening "(?..." after its '?' at 'q' is one that keeps
   branches independent: non-capturing, atomic, lookaround, named, or an
   option setting scoped to the group ("(?-i:...)"). */
static bool group_is_plain(const char *q) {
  if (*q == ':' || *q == '>' || *q == '=' || *q == '!')
    return true;
  if (*q == '<' && (q[1] == '=' || q[1] == '!'))
    return true;
  if (*q == '<' || *q == '\'' || (*q == 'P' && q[1] == '<'))
    return true; /* a named group */
  const char *f = q;
  while (*f == '-' || *f == '^' || (*f >= 'a' && *f <= 'z') || (*f >= 'A' && *f <= 'Z'))
    f++;
  /* Options with ':' apply to the group; with ')' to the rest of the
     pattern, later branches included. Anything else here is recursion,
     a subroutine call, a branch reset, a condition or a callout. Extended
     mode is kept whole too: its comments may hold '|' and parentheses. */
  return f > q && *f == ':' && !memchr(q, 'x', (size_t)(f - q));
}

/* Whether splitting 'p' at its top-level '|' keeps its meaning. */
static bool splits_safely(const char *p) {
  for (; *p; p++) {
    if (*p == '\\') {
      char e = p[1];
      if ((e >= '1' && e <= '9') || e == 'g' || e == 'k' || e == 'K' || e == 'G' || e == 'Q')
        return false; /* back references, \K and \G, quoted text */
      if (e)
        p++;
    } else if (*p == '[') {
      reader r = {.p = p + 1};
      skip_class(&r);
      p = r.p - 1;
    } else if (*p == '(' && p[1] == '*') {
      return false; /* verbs and start-of-pattern settings */
    } else if (*p == '(' && p[1] == '?' && !group_is_plain(p + 2)) {
      return false;
    }
  }
  return true;
}

bool ck_split_branches(const char *pattern, ck_strlist *out) {
  if (!splits_safely(pattern)) {
    ck_strlist_add(out, pattern, strlen(pattern));
    return false;
  }
  reader r = {.p = pattern};
  const char *start = pattern;
  int depth = 0;
  while (*r.p) {
    char c = *r.p;
    if (c == '\\') {
      r.p += r.p[1] ? 2 : 1;
    } else if (c == '[') {
      r.p++;
      skip_class(&r);
    } else {
      if (c == '(')
        depth++;
      else if (c == ')')
        depth--;
      else if (c == '|' && depth == 0) {
        ck_strlist_add(out, start, (size_t)(r.p - start));
        start = r.p + 1;
      }
      r.p++;
    }
  }
  ck_strlist_add(out, start, (size_t)(r.p - start));
  return true;
}

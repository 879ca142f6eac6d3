/* Quantities in tender sentences: a number (digits or a number word) with a
 * unit of years, months or percent, and whether it describes the contract
 * period rather than a figure a criterion could be judged by.
 *
 * Everything is a hand-written scan over UTF-8 bytes: the vocabularies are
 * small and closed, and a scanner reads a sentence in one pass without any
 * per-call setup. All tables are static and read-only, so the functions are
 * reentrant. */
#include "numbers.h"

#include <string.h>

#include "text.h"

#define COUNT_OF(a) (sizeof(a) / sizeof *(a))

/* Language masks of the word tables: Norwegian words serve nb and nn alike. */
enum { L_NO = 1, L_EN = 2 };

static unsigned lang_mask(ck_lang lang) { return lang == CK_LANG_EN ? L_EN : L_NO; }

/* --- numbers -------------------------------------------------------------------- */

typedef struct {
  const char *word;
  unsigned char value;
  unsigned char langs;
  bool article; /* also the indefinite article: one only right before a unit */
} num_word;

static const num_word num_words[] = {
    {"en", 1, L_NO, true},      {"én", 1, L_NO, true},       {"ei", 1, L_NO, true},
    {"et", 1, L_NO, true},      {"ett", 1, L_NO, true},      {"ein", 1, L_NO, true},
    {"eit", 1, L_NO, true},     {"eitt", 1, L_NO, true},     {"to", 2, L_NO, false},
    {"tre", 3, L_NO, false},    {"fire", 4, L_NO, false},    {"fem", 5, L_NO, false},
    {"seks", 6, L_NO, false},   {"sju", 7, L_NO, false},     {"syv", 7, L_NO, false},
    {"åtte", 8, L_NO, false},   {"ni", 9, L_NO, false},      {"ti", 10, L_NO, false},
    {"elleve", 11, L_NO, false}, {"tolv", 12, L_NO, false},  {"tretten", 13, L_NO, false},
    {"fjorten", 14, L_NO, false}, {"femten", 15, L_NO, false}, {"seksten", 16, L_NO, false},
    {"sytten", 17, L_NO, false}, {"atten", 18, L_NO, false}, {"nitten", 19, L_NO, false},
    {"tjue", 20, L_NO, false},  {"tyve", 20, L_NO, false},   {"tretti", 30, L_NO, false},
    {"tredve", 30, L_NO, false}, {"førti", 40, L_NO, false}, {"femti", 50, L_NO, false},
    {"seksti", 60, L_NO, false}, {"sytti", 70, L_NO, false}, {"åtti", 80, L_NO, false},
    {"nitti", 90, L_NO, false}, {"hundre", 100, L_NO, false},
    {"one", 1, L_EN, true},     {"two", 2, L_EN, false},     {"three", 3, L_EN, false},
    {"four", 4, L_EN, false},   {"five", 5, L_EN, false},    {"six", 6, L_EN, false},
    {"seven", 7, L_EN, false},  {"eight", 8, L_EN, false},   {"nine", 9, L_EN, false},
    {"ten", 10, L_EN, false},   {"eleven", 11, L_EN, false}, {"twelve", 12, L_EN, false},
    {"thirteen", 13, L_EN, false}, {"fourteen", 14, L_EN, false},
    {"fifteen", 15, L_EN, false}, {"sixteen", 16, L_EN, false},
    {"seventeen", 17, L_EN, false}, {"eighteen", 18, L_EN, false},
    {"nineteen", 19, L_EN, false}, {"twenty", 20, L_EN, false}, {"thirty", 30, L_EN, false},
    {"forty", 40, L_EN, false}, {"fifty", 50, L_EN, false},  {"sixty", 60, L_EN, false},
    {"seventy", 70, L_EN, false}, {"eighty", 80, L_EN, false}, {"ninety", 90, L_EN, false},
    {"hundred", 100, L_EN, false},
};

/* Letters after "års" that make a different word, not "N years":
 * årsak (cause), årsverk (man-year), årstid (season), årsdag, årsskifte,
 * årstall, årsrapport, årsregnskap, årsmøte. */
static bool bad_ars_compound(const char *text, size_t len, size_t pos) {
  static const char *const rest[] = {"ak",   "verk",    "tid",       "dag",  "skift",
                                     "tall", "rapport", "regnskap", "møte"};
  for (size_t i = 0; i < COUNT_OF(rest); i++)
    if (ck_text_fold_prefix(text, len, pos, rest[i], strlen(rest[i])))
      return true;
  return false;
}

/* True when a year unit that may close a compound ("års", "årig") starts at
 * 'pos': "fem|årsgaranti", "fem|årig". */
static bool compound_unit_at(const char *text, size_t len, size_t pos) {
  static const char *const units[] = {"års", "aars", "årig", "aarig"};
  for (size_t i = 0; i < COUNT_OF(units); i++) {
    size_t n = ck_text_fold_prefix(text, len, pos, units[i], strlen(units[i]));
    if (n && !(units[i][strlen(units[i]) - 1] == 's' && ck_text_continues_word(text, len, pos + n) &&
               bad_ars_compound(text, len, pos + n)))
      return true;
  }
  return false;
}

/* Whether a number word may end at 'pos': at a word boundary, or (with
 * 'glued') straight into a year compound. Sets '*joined' for the latter. */
static bool word_may_end(const char *text, size_t len, size_t pos, bool glued, bool *joined) {
  *joined = false;
  if (!ck_text_continues_word(text, len, pos))
    return true;
  if (glued && compound_unit_at(text, len, pos)) {
    *joined = true;
    return true;
  }
  return false;
}

/* Reads a number word at 'pos' (the caller checked the boundary before it):
 * the longest table word that ends properly, with a units word after a tens
 * word ("tjuefem", "twenty-five", "twenty five"). Returns the end offset, 0
 * when there is none. */
static size_t read_number_word(const char *text, size_t len, size_t pos, unsigned mask,
                               double *value, bool *article, bool *joined) {
  if (pos >= len)
    return 0;
  unsigned char c = (unsigned char)text[pos];
  if (c >= 'A' && c <= 'Z')
    c += 32;
  if (!strchr("efnostha", c) && c != 0xC3)
    return 0;
  size_t best = 0;
  for (size_t k = 0; k < COUNT_OF(num_words); k++) {
    const num_word *nw = &num_words[k];
    if (!(nw->langs & mask) || (unsigned char)nw->word[0] != c)
      continue;
    if ((unsigned char)nw->word[1] < 0x80 && pos + 1 < len &&
        (text[pos + 1] | 0x20) != nw->word[1])
      continue; /* a cheap second-letter test before the full comparison */
    size_t n = ck_text_fold_prefix(text, len, pos, nw->word, strlen(nw->word));
    if (!n)
      continue;
    size_t end = pos + n;
    double v = nw->value;
    bool art = nw->article, jn;
    if (nw->value >= 20 && nw->value <= 90 && nw->value % 10 == 0) {
      /* tens: a units word may follow, glued on in Norwegian ("tjuefem"),
         after a hyphen or a space in English ("twenty-five") */
      size_t q = end;
      if (mask == L_EN)
        q = q < len && (text[q] == '-' || text[q] == ' ') ? q + 1 : 0;
      size_t best_ones = 0;
      double ones = 0;
      for (size_t m = 0; q && m < COUNT_OF(num_words); m++) {
        const num_word *o = &num_words[m];
        if (!(o->langs & mask) || o->value > 9)
          continue;
        size_t on = ck_text_fold_prefix(text, len, q, o->word, strlen(o->word));
        bool oj;
        if (on > best_ones && word_may_end(text, len, q + on, true, &oj)) {
          best_ones = on;
          ones = o->value;
        }
      }
      if (best_ones) {
        end = q + best_ones;
        v += ones;
      }
    }
    if (!word_may_end(text, len, end, true, &jn))
      continue;
    if (end - pos > best) {
      best = end - pos;
      *value = v;
      *article = art;
      *joined = jn;
    }
  }
  return best ? pos + best : 0;
}

/* Reads digits at 'pos': "5", "12,5", "2.5", "1 000", "1 000 000,5". Groups
 * of thousands are separated by one space, NBSP, thin or narrow space and
 * only when the first group has at most three digits and every later group
 * exactly three. '*plain_int' is set for digits without a separator or a
 * decimal part (a calendar year, perhaps). Returns the end offset or 0. */
static size_t read_digits(const char *text, size_t len, size_t pos, double *value,
                          bool *plain_int) {
  const unsigned char *s = (const unsigned char *)text;
  size_t i = pos;
  double v = 0;
  while (i < len && s[i] >= '0' && s[i] <= '9')
    v = v * 10 + (s[i++] - '0');
  if (i == pos)
    return 0;
  bool plain = true;
  if (i - pos <= 3) {
    for (;;) {
      size_t sp = ck_text_space_len(text, len, i);
      if (!sp || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == '\f' || s[i] == '\v')
        break;
      size_t g = i + sp, k = g;
      while (k < len && s[k] >= '0' && s[k] <= '9' && k - g < 4)
        k++;
      if (k - g != 3 || (k < len && s[k] >= '0' && s[k] <= '9'))
        break;
      for (size_t d = g; d < k; d++)
        v = v * 10 + (s[d] - '0');
      i = k;
      plain = false;
    }
  }
  if (i + 1 < len && (s[i] == ',' || s[i] == '.') && s[i + 1] >= '0' && s[i + 1] <= '9') {
    double scale = 0.1;
    i++;
    while (i < len && s[i] >= '0' && s[i] <= '9') {
      v += (s[i++] - '0') * scale;
      scale /= 10;
    }
    plain = false;
  }
  *value = v;
  if (plain_int)
    *plain_int = plain;
  return i;
}

/* --- units ---------------------------------------------------------------------- */

enum {
  U_COMPOUND = 1, /* may run on into a compound when glued to the number: "5-årsgaranti" */
  U_DOT = 2,      /* an abbreviation that takes an optional full stop: "mnd." */
  U_NEEDDOT = 4,  /* an abbreviation only with its full stop: "md." */
};

typedef struct {
  const char *word;
  ck_unit unit;
  unsigned char flags;
} unit_word;

/* Units are read in every language: an English phrase in a Norwegian tender
 * still states years. "prosentpoeng" and "percentage points" are not here. */
static const unit_word unit_words[] = {
    {"år", CK_UNIT_YEAR, 0},           {"års", CK_UNIT_YEAR, U_COMPOUND},
    {"året", CK_UNIT_YEAR, 0},         {"årene", CK_UNIT_YEAR, 0},
    {"åra", CK_UNIT_YEAR, 0},          {"årig", CK_UNIT_YEAR, 0},
    {"årige", CK_UNIT_YEAR, 0},        {"aar", CK_UNIT_YEAR, 0},
    {"aars", CK_UNIT_YEAR, U_COMPOUND}, {"aarig", CK_UNIT_YEAR, 0},
    {"year", CK_UNIT_YEAR, 0},         {"years", CK_UNIT_YEAR, 0},
    {"year's", CK_UNIT_YEAR, 0},       {"years'", CK_UNIT_YEAR, 0},
    {"yr", CK_UNIT_YEAR, U_DOT},       {"yrs", CK_UNIT_YEAR, U_DOT},
    {"måned", CK_UNIT_MONTH, 0},       {"måneden", CK_UNIT_MONTH, 0},
    {"måneder", CK_UNIT_MONTH, 0},     {"månedene", CK_UNIT_MONTH, 0},
    {"måneders", CK_UNIT_MONTH, 0},    {"månad", CK_UNIT_MONTH, 0},
    {"månaden", CK_UNIT_MONTH, 0},     {"månader", CK_UNIT_MONTH, 0},
    {"månadene", CK_UNIT_MONTH, 0},    {"månaders", CK_UNIT_MONTH, 0},
    {"mnd", CK_UNIT_MONTH, U_DOT},     {"mnds", CK_UNIT_MONTH, U_DOT},
    {"mndr", CK_UNIT_MONTH, U_DOT},    {"md", CK_UNIT_MONTH, U_NEEDDOT},
    {"month", CK_UNIT_MONTH, 0},       {"months", CK_UNIT_MONTH, 0},
    {"month's", CK_UNIT_MONTH, 0},     {"%", CK_UNIT_PERCENT, 0},
    {"prosent", CK_UNIT_PERCENT, 0},   {"percent", CK_UNIT_PERCENT, 0},
    {"per cent", CK_UNIT_PERCENT, 0},  {"pct", CK_UNIT_PERCENT, U_DOT},
    {"pst", CK_UNIT_PERCENT, U_DOT},
};

/* Reads a unit at 'pos'. 'glued' says that nothing but a hyphen (or nothing
 * at all) separates it from the number, which lets "års" run on into a
 * compound. Returns the end offset (past an abbreviation's full stop), 0
 * when there is none. */
static size_t read_unit(const char *text, size_t len, size_t pos, bool glued, ck_unit *unit) {
  size_t best = 0;
  for (size_t k = 0; k < COUNT_OF(unit_words); k++) {
    const unit_word *u = &unit_words[k];
    size_t n = ck_text_fold_prefix(text, len, pos, u->word, strlen(u->word));
    if (!n)
      continue;
    size_t end = pos + n;
    if (u->word[0] == '%') {
      /* "30 %-poeng" is percentage points */
      size_t q = end < len && text[end] == '-' ? end + 1 : end;
      if (ck_text_fold_prefix(text, len, q, "poeng", 5))
        continue;
    } else if (u->flags & U_NEEDDOT) {
      if (end >= len || text[end] != '.')
        continue;
      end++;
    } else if (ck_text_continues_word(text, len, end)) {
      if (!(u->flags & U_COMPOUND) || !glued || bad_ars_compound(text, len, end))
        continue;
      end = ck_text_word_end(text, len, end);
    } else if ((u->flags & U_DOT) && end < len && text[end] == '.') {
      end++;
    }
    if (end - pos > best) {
      best = end - pos;
      *unit = u->unit;
    }
  }
  return best ? pos + best : 0;
}

/* A connector between a number and its unit: spaces, or one hyphen (ASCII or
 * U+2011) with nothing around it, or nothing. Returns the unit's start and
 * says whether the unit is glued on. */
static size_t unit_start(const char *text, size_t len, size_t pos, bool *glued) {
  const unsigned char *s = (const unsigned char *)text;
  size_t q = ck_text_skip_spaces(text, len, pos);
  if (q > pos) {
    *glued = false;
    return q;
  }
  *glued = true;
  if (pos < len && s[pos] == '-')
    return pos + 1;
  if (pos + 2 < len && s[pos] == 0xE2 && s[pos + 1] == 0x80 && s[pos + 2] == 0x91)
    return pos + 3;
  return pos;
}

/* A number at 'pos' that is digits or a number word; articles ("en", "one")
 * only when 'allow_article'. */
static size_t read_number(const char *text, size_t len, size_t pos, unsigned mask,
                          bool allow_article, double *value, bool *is_word, bool *joined) {
  *joined = false;
  size_t e = read_digits(text, len, pos, value, NULL);
  if (e) {
    *is_word = false;
    return e;
  }
  bool art;
  e = read_number_word(text, len, pos, mask, value, &art, joined);
  if (!e || (art && !allow_article && !*joined))
    return 0;
  *is_word = true;
  return e;
}

/* A dash or a range word between two numbers ("3-5", "3–5", "3 til 5",
 * "3 to 5"); returns the offset past it, 0 when there is none. */
static size_t range_separator(const char *text, size_t len, size_t pos, unsigned mask) {
  const unsigned char *s = (const unsigned char *)text;
  if (pos < len && s[pos] == '-')
    return pos + 1;
  if (pos + 2 < len && s[pos] == 0xE2 && s[pos + 1] == 0x80 &&
      (s[pos + 2] == 0x93 || s[pos + 2] == 0x94))
    return pos + 3;
  size_t e = ck_text_match_phrase(text, len, pos, mask == L_EN ? "to" : "til");
  return e;
}

/* --- contract periods ------------------------------------------------------------- */

/* Words that name the contract period, or an option or extension of it. */
static const char *const period_cues[] = {
    "varighet*", "varigheit*", "avtaleperiode*", "kontraktsperiode*", "kontraktperiode*",
    "rammeavtaleperiode*", "avtaletid*", "kontraktstid*", "løpetid*", "opsjon*",
    "forleng*", "duration*", "contract period*", "agreement period*", "contract term*",
    "term of the contract", "term of the agreement", "option", "options", "extension*",
    "extend", "extends", "extended", "renewal*", "renew", "renewed", "renewable",
};

/* Words that say "lasts" or "for a period": a contract period only when the
 * sentence speaks of the agreement ("Rammeavtalen gjelder i 2 år"), not of a
 * warranty ("Garantien gjelder i 5 år"). */
static const char *const weak_period_cues[] = {
    "gjelder i", "gjelder for", "gjeld i", "gjeld for", "løper", "varer", "inngås for",
    "inngås med", "blir inngått for", "vert inngått for", "for en periode", "for ein periode",
    "periode på", "term", "terms", "for a period", "period of", "runs for", "run for",
    "valid for", "is concluded for", "will be concluded for", "lasts", "totalt", "samlet",
    "in total", "a total of",
};

static const char *const contract_words[] = {
    "avtale*", "kontrakt*", "rammeavtale*", "contract*", "agreement*", "framework*",
};

/* The figures circheck judges: a quantity about one of these is never the
 * contract period even if a period word stands nearby ("forlenget garanti på
 * 5 år", "extended warranty of 5 years"). */
static const char *const criterion_words[] = {
    "garanti*",  "reklamasjon*", "levetid*",  "reservedel*", "holdbar*",  "brukstid*",
    "warrant*",  "guarantee*",   "lifetime*", "lifespan*",   "life",      "spare",
    "durab*",
};

static bool any_phrase_at(const char *text, size_t len, size_t pos, const char *const *pats,
                          size_t n) {
  if (pos >= len)
    return false;
  unsigned char c = (unsigned char)text[pos];
  if (c >= 'A' && c <= 'Z')
    c += 32;
  for (size_t i = 0; i < n; i++)
    if ((unsigned char)pats[i][0] == c && ck_text_match_phrase(text, len, pos, pats[i]))
      return true;
  return false;
}

/* The start of the next word at or after 'pos', 'end' when none. */
static size_t next_word(const char *text, size_t len, size_t pos, size_t end) {
  size_t n;
  while (pos < end && !ck_text_word_cp(ck_text_decode(text, len, pos, &n)))
    pos += n;
  return pos;
}

/* The start of the 'words' words before 'pos', not reaching below 'floor'
 * nor across a semicolon. */
static size_t words_back(const char *text, size_t pos, size_t floor, int words) {
  size_t p = pos;
  for (int k = 0; k < words; k++) {
    while (p > floor && !ck_text_word_before(text, p)) {
      if (text[p - 1] == ';')
        return p;
      p--;
    }
    if (p <= floor)
      return floor;
    while (p > floor && ck_text_word_before(text, p))
      p--;
  }
  return p;
}

/* Marks the contract period: an option sum, or a period word in the six
 * words before the number, with a "lasts" word needing the agreement as its
 * subject, and a criterion word in that window or right after the unit
 * cancelling both. 'floor' is the end of the previous quantity, which owns
 * the words before it. */
static bool is_contract_period(const char *text, size_t len, const ck_quantity *q,
                               size_t floor) {
  /* "2 år + 2 år" */
  size_t p = q->start;
  while (p > floor && ck_text_space_len(text, len, p - 1))
    p--;
  if (p > floor && text[p - 1] == '+')
    return true;
  p = ck_text_skip_spaces(text, len, q->end);
  if (p < len && text[p] == '+') {
    size_t d = ck_text_skip_spaces(text, len, p + 1);
    if (d < len && text[d] >= '0' && text[d] <= '9')
      return true;
  }

  size_t ws = words_back(text, q->start, floor, 6);
  bool strong = false, weak = false, contract = false;
  for (size_t i = next_word(text, len, ws, q->start); i < q->start;
       i = next_word(text, len, ck_text_word_end(text, len, i), q->start)) {
    if (any_phrase_at(text, len, i, criterion_words, COUNT_OF(criterion_words)))
      return false;
    if (any_phrase_at(text, len, i, period_cues, COUNT_OF(period_cues)))
      strong = true;
    else if (any_phrase_at(text, len, i, weak_period_cues, COUNT_OF(weak_period_cues)))
      weak = true;
  }
  size_t after = ck_text_skip_spaces(text, len, q->end);
  if (any_phrase_at(text, len, after, criterion_words, COUNT_OF(criterion_words)))
    return false;
  if (strong)
    return true;
  if (!weak)
    return false;
  /* the agreement may be named further back, up to a semicolon */
  size_t cs = q->start;
  while (cs > 0 && text[cs - 1] != ';')
    cs--;
  if (ck_text_word_before(text, cs)) /* 'cs' may fall inside a word after a ';' */
    cs = ck_text_word_end(text, len, cs);
  for (size_t i = next_word(text, len, cs, q->start); i < q->start && !contract;
       i = next_word(text, len, ck_text_word_end(text, len, i), q->start))
    contract = any_phrase_at(text, len, i, contract_words, COUNT_OF(contract_words));
  return contract;
}

/* --- quantities --------------------------------------------------------------------- */

/* Reads one quantity starting at 'pos' (a word start). Returns false when
 * there is no number with a unit there; '*next' is then where to go on. */
static bool read_quantity(const char *text, size_t len, size_t pos, unsigned mask,
                          ck_quantity *q, bool *sum, size_t *next) {
  double v;
  bool is_word, joined = false, plain = false;
  size_t e = read_digits(text, len, pos, &v, &plain);
  bool article = false;
  if (e) {
    is_word = false;
  } else {
    e = read_number_word(text, len, pos, mask, &v, &article, &joined);
    if (!e) {
      *next = ck_text_word_end(text, len, pos);
      return false;
    }
    is_word = true;
    if (joined)
      article = false;
  }
  *next = e;
  *sum = false;

  /* "tre (3) år", "5 (fem) år", "4 (2+1+1) år" */
  size_t p = ck_text_skip_spaces(text, len, e);
  if (p < len && text[p] == '(') {
    size_t r = ck_text_skip_spaces(text, len, p + 1);
    double iv;
    bool iw, ij, inner_sum = false;
    size_t ie = read_number(text, len, r, mask, true, &iv, &iw, &ij);
    if (ie && !ij) {
      for (;;) {
        size_t s = ck_text_skip_spaces(text, len, ie);
        if (s >= len || text[s] != '+')
          break;
        double sv;
        bool sw, sj;
        size_t se = read_number(text, len, ck_text_skip_spaces(text, len, s + 1), mask, false, &sv,
                                &sw, &sj);
        if (!se || sj)
          break;
        ie = se;
        inner_sum = true;
      }
      size_t c = ck_text_skip_spaces(text, len, ie);
      if (c < len && text[c] == ')') {
        if (inner_sum)
          *sum = true;
        else if (is_word && !iw)
          v = iv; /* the digits are what the writer meant to be exact */
        e = c + 1;
        article = false; /* "ett (1) år": the repeat proves it is a number */
      }
    }
  }

  /* "2 + 2 år", "2+1+1 år", "3-5 år", "3 to 5 years" */
  if (!article && !joined) {
    size_t s = ck_text_skip_spaces(text, len, e);
    if (s < len && text[s] == '+') {
      double total = v;
      size_t ee = e;
      for (;;) {
        s = ck_text_skip_spaces(text, len, ee);
        if (s >= len || text[s] != '+')
          break;
        double sv;
        bool sw, sj;
        size_t se = read_number(text, len, ck_text_skip_spaces(text, len, s + 1), mask, false, &sv,
                                &sw, &sj);
        if (!se || sj)
          break;
        total += sv;
        ee = se;
        *sum = true;
      }
      if (*sum) {
        v = total;
        e = ee;
      }
    } else {
      size_t r = range_separator(text, len, s, mask);
      if (r) {
        double v2;
        bool w2, j2;
        size_t e2 = read_number(text, len, ck_text_skip_spaces(text, len, r), mask, false, &v2, &w2, &j2);
        if (e2) {
          if (v2 < v)
            v = v2;
          e = e2;
          plain = false;
        }
      }
    }
  }

  bool glued;
  size_t us = unit_start(text, len, e, &glued);
  ck_unit unit = CK_UNIT_NONE;
  size_t ue = read_unit(text, len, us, glued, &unit);
  if (!ue)
    return false;
  /* a calendar year: "2024-års priser" */
  if (unit == CK_UNIT_YEAR && plain && !is_word && v >= 1900 && v <= 2199)
    return false;
  q->value = v;
  q->unit = unit;
  q->start = pos;
  q->end = ue;
  q->duration = false;
  *next = ue;
  return true;
}

size_t ck_find_quantities(const char *text, size_t len, ck_lang lang, ck_quantity *out,
                          size_t max) {
  unsigned mask = lang_mask(lang);
  size_t count = 0, i = 0, floor = 0;
  while (i < len) {
    size_t n = 1;
    unsigned char c = (unsigned char)text[i];
    if (c < 0x80 ? !ck_ascii_alnum(c) : !ck_text_word_cp(ck_text_decode(text, len, i, &n))) {
      i += n;
      continue;
    }
    if (ck_text_word_before(text, i)) { /* inside a word: "ISO14001", "CO2" */
      i = ck_text_word_end(text, len, i);
      continue;
    }
    ck_quantity q;
    bool sum;
    size_t next;
    if (read_quantity(text, len, i, mask, &q, &sum, &next)) {
      q.duration = sum || is_contract_period(text, len, &q, floor);
      if (count < max)
        out[count] = q;
      count++;
      floor = q.end;
    }
    i = next > i ? next : i + n;
  }
  return count;
}

bool ck_quantity_as(const ck_quantity *q, ck_unit want, double *value) {
  if (q->unit == CK_UNIT_NONE || want == CK_UNIT_NONE)
    return false;
  if (q->unit == want) {
    *value = q->value;
    return true;
  }
  if (q->unit == CK_UNIT_MONTH && want == CK_UNIT_YEAR) {
    *value = q->value / 12.0;
    return true;
  }
  if (q->unit == CK_UNIT_YEAR && want == CK_UNIT_MONTH) {
    *value = q->value * 12.0;
    return true;
  }
  return false;
}

size_t ck_parse_number(const char *text, size_t len, ck_lang lang, double *value) {
  if (!text || !len)
    return 0;
  double v;
  size_t e = read_digits(text, len, 0, &v, NULL);
  if (e) {
    *value = v;
    return e;
  }
  bool art, joined;
  e = read_number_word(text, len, 0, lang_mask(lang), &v, &art, &joined);
  if (!e || joined)
    return 0; /* "femårs" is a compound, not a number word */
  if (art) {
    /* "en" is the article unless a unit follows: "ett år", "one year" */
    bool glued;
    ck_unit unit;
    size_t us = unit_start(text, len, e, &glued);
    if (us == e || !read_unit(text, len, us, glued, &unit))
      return 0;
  }
  *value = v;
  return e;
}

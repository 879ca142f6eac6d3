/* Award criteria: how much climate and environment weigh (FOA § 7-9), which
 * criteria are environmental. The weights table of a text tender is read
 * apart (weights.c).
 *
 * The compliance rule follows Norway's eForms extension: compliant when the
 * environmental criteria weigh at least the threshold, or one of them ranks
 * among the first three, or the notice states that the specification
 * handles it or that an exemption applies. Shares are computed, never read
 * off raw numbers, because notices give points, decimals and ranks as often
 * as percentages. */
#include "award.h"

#include <math.h>
#include <string.h>

#include "numbers.h"
#include "text.h"

#define NO_INDEX ((size_t)-1)


const char *ck_env_way_name(ck_env_way w) {
  static const char *const names[CK_ENV_WAY_COUNT] = {
      "absent", "weight", "rank", "specification", "exemption", "too-low", "withheld"};
  return (unsigned)w < CK_ENV_WAY_COUNT ? names[w] : "absent";
}

/* --- text helpers ------------------------------------------------------------- */

static size_t char_len(const char *t, size_t len, size_t i) {
  size_t n = 1;
  while (i + n < len && ((unsigned char)t[i + n] & 0xC0) == 0x80)
    n++;
  return n;
}

typedef struct span {
  size_t s, e;
} span;

/* The next word at or after 'from'; an empty span at 'len' when none. */
static span next_word(const char *t, size_t len, size_t from) {
  while (from < len && !ck_text_word_at(t, len, from))
    from += char_len(t, len, from);
  return (span){from, from < len ? ck_text_word_end(t, len, from) : len};
}

static bool span_is(const char *t, span w, const char *word) {
  size_t n = strlen(word);
  return w.e - w.s == n && memcmp(t + w.s, word, n) == 0;
}

static bool span_starts(const char *t, span w, const char *prefix) {
  size_t n = strlen(prefix);
  return w.e - w.s >= n && memcmp(t + w.s, prefix, n) == 0;
}

static bool span_in(const char *t, span w, const char *const *words) {
  for (size_t i = 0; words[i]; i++)
    if (span_is(t, w, words[i]))
      return true;
  return false;
}

static bool span_starts_any(const char *t, span w, const char *const *prefixes) {
  for (size_t i = 0; prefixes[i]; i++)
    if (span_starts(t, w, prefixes[i]))
      return true;
  return false;
}

/* True when t[s..e) ends with one of 'suffixes'. */
static bool ends_with_any(const char *t, size_t s, size_t e, const char *const *suffixes) {
  for (size_t i = 0; suffixes[i]; i++) {
    size_t n = strlen(suffixes[i]);
    if (e - s >= n && memcmp(t + e - n, suffixes[i], n) == 0)
      return true;
  }
  return false;
}

/* --- which criteria are environmental --------------------------------------- */

/* Norwegian stems that count wherever they stand in a compound
 * ("klimagassutslipp", "naturmiljø", "fossilfri"). */
static const char *const nor_stems[] = {
    "utslipp",        "utslepp",       "bærekraft",  "berekraft",     "sirkulær",  "gjenbruk",
    "ombruk",         "resirkul",      "gjenvinn",   "fossil",        "forurens",  "svanemerk",
    "energieffektiv", "energiforbruk", "energibruk", "naturmangfold", "klimagass", NULL};

/* English stems that must open a word. "environment" and "climate" are
 * handled apart because of their many non-environmental uses. */
static const char *const eng_stems[] = {
    "environmental",  "sustainab", "emission", "greenhouse", "carbon",    "co2",
    "co\xE2\x82\x82", "ghg",       "circular", "reuse",      "re-use",    "recycl",
    "ecolabel",       "pollut",    "decarbon", "biodivers",  "eco-label", NULL};

/* "… environment" that is a workplace, a school or a computer system. */
static const char *const environment_traps[] = {
    "work",      "working",   "workplace",   "learning",    "it",           "ict",
    "test",      "testing",   "development", "dev",         "production",   "staging",
    "operating", "business",  "hosting",     "cloud",       "computing",    "software",
    "runtime",   "school",    "social",      "home",        "living",       "classroom",
    "virtual",   "technical", "safe",        "secure",      "digital",      "user",
    "system",    "server",    "network",     "application", "psychosocial", "teaching",
    "study",     "care",      "therapeutic", NULL};

static const char *const climate_traps[] = {
    "indoor", "business",       "investment",     "political", "economic", "social", "working",
    "work",   "organisational", "organizational", "school",    "learning", NULL};

/* Compounds of "miljø" that are about people, not nature. */
static const char *const miljo_prefix_traps[] = {
    "arbeids",     "lærings",    "oppvekst",   "skole",      "barnehage", "bo",
    "fag",         "forsknings", "kompetanse", "utviklings", "drifts",    "test",
    "produksjons", "inne",       "sosial",     "studie",     "ungdoms",   "elev",
    "fritids",     "nærings",    "bu",         "it-",        "system",    NULL};
static const char *const miljo_suffix_traps[] = {"terap", "arbeider", "personal", "arbeidar", NULL};
static const char *const miljo_prev_traps[] = {
    "psykososialt", "psykososiale", "sosialt", "sosiale", "faglig", "faglige",      "fagleg",
    "faglege",      "trygt",        "trygge",  "godt",    "gode",   "inkluderende", "inkluderande",
    "it",           "ikt",          "fysisk",  "fysiske", NULL};

static const char *const klima_prefix_traps[] = {
    "inne", "arbeids", "organisasjons", "lærings", "investerings", "forretnings", "skole", NULL};
static const char *const klima_suffix_traps[] = {"anlegg", "tiser", "ks", "kteri", "aks", NULL};

/* True when the occurrence of 'stem' inside word 'w' at 'at' is a
 * climate/environment word and not one of the traps. */
static bool norwegian_hit(const char *t, span w, size_t at, size_t stem_len, bool miljo,
                          bool have_prev, span prev) {
  size_t after = at + stem_len;
  const char *const *pre = miljo ? miljo_prefix_traps : klima_prefix_traps;
  const char *const *suf = miljo ? miljo_suffix_traps : klima_suffix_traps;
  if (at > w.s && ends_with_any(t, w.s, at, pre))
    return false;
  if (at == w.s) {
    span rest = {after, w.e};
    if (span_starts_any(t, rest, suf))
      return false;
    if (miljo && have_prev && span_in(t, prev, miljo_prev_traps))
      return false;
  }
  return true;
}

/* Finds 'stem' anywhere inside word 'w'; returns its offset or NO_INDEX. */
static size_t find_in_word(const char *t, span w, const char *stem, size_t from) {
  size_t n = strlen(stem);
  for (size_t i = from; i + n <= w.e; i++)
    if (memcmp(t + i, stem, n) == 0)
      return i;
  return NO_INDEX;
}

static bool word_is_environmental(const char *t, size_t len, span w, bool have_prev, span prev) {
  static const char *const energy_next[] = {"efficien", "consum", "saving", "use",
                                            "usage",    "label",  NULL};
  if (span_starts_any(t, w, eng_stems))
    return true;
  if (span_starts(t, w, "environment")) {
    bool plain = span_is(t, w, "environment") || span_is(t, w, "environments");
    return !(plain && have_prev && span_in(t, prev, environment_traps));
  }
  if (span_is(t, w, "climate")) {
    span next = next_word(t, len, w.e);
    if (have_prev && span_in(t, prev, climate_traps))
      return false;
    return !(span_starts(t, next, "control"));
  }
  if (span_is(t, w, "energy"))
    return span_starts_any(t, next_word(t, len, w.e), energy_next);
  for (size_t i = 0; nor_stems[i]; i++)
    if (find_in_word(t, w, nor_stems[i], w.s) != NO_INDEX)
      return true;
  static const char *const nor_traps[] = {"miljø", "klima"};
  for (int k = 0; k < 2; k++) {
    size_t n = strlen(nor_traps[k]);
    for (size_t at = find_in_word(t, w, nor_traps[k], w.s); at != NO_INDEX;
         at = find_in_word(t, w, nor_traps[k], at + 1))
      if (norwegian_hit(t, w, at, n, k == 0, have_prev, prev))
        return true;
  }
  return false;
}

/* Scans a folded text word by word for a climate/environment word. */
static bool text_is_environmental(const char *t, size_t len) {
  span prev = {0, 0};
  bool have_prev = false;
  size_t i = 0;
  while (i < len) {
    span w = next_word(t, len, i);
    if (w.s >= len)
      break;
    if (word_is_environmental(t, len, w, have_prev, prev))
      return true;
    prev = w;
    have_prev = true;
    i = w.e;
  }
  return false;
}

/* A name that says price or cost: its description is then not read for
 * environmental words ("Pris, inkludert miljøavgifter" is still price). */
static bool text_is_price(const char *t, size_t len) {
  static const char *const stems[] = {"pris", "price",   "pricing", "kostnad",  "cost", "lcc",
                                      "tco",  "honorar", "rabatt",  "discount", NULL};
  size_t i = 0;
  while (i < len) {
    span w = next_word(t, len, i);
    if (w.s >= len)
      break;
    for (size_t k = 0; stems[k]; k++)
      if (find_in_word(t, w, stems[k], w.s) != NO_INDEX)
        return true;
    i = w.e;
  }
  return false;
}

static bool env_in(const char *s, ck_buf *scratch) {
  ck_buf_reset(scratch);
  ck_buf_put(scratch, s, strlen(s));
  ck_text_fold(scratch->ptr, scratch->len, scratch->ptr, scratch->len + 1);
  return text_is_environmental(scratch->ptr, scratch->len);
}

bool ck_award_is_environmental(const char *type, const char *name, const char *description) {
  if (type && strcmp(type, "quality-nor-env-criteria") == 0)
    return true;
  if (type && strcmp(type, "price") == 0)
    return false;
  ck_buf b = CK_BUF_INIT;
  bool env = false, price = false;
  if (name && *name) {
    env = env_in(name, &b);
    price = !env && text_is_price(b.ptr, b.len);
  }
  if (!env && !price && description && *description)
    env = env_in(description, &b);
  ck_buf_free(&b);
  return env;
}

/* --- the environmental weight ------------------------------------------------------ */

static bool is_spec(const char *type) { return type && strcmp(type, "quality-nor-env-spec") == 0; }

static bool is_exempt(const char *type) {
  return type && (strncmp(type, "quality-nor-env-exempt-", 23) == 0 ||
                  strcmp(type, "quality-nor-env-none") == 0);
}

/* Specification and exemption codes are statements about how § 7-9 is met,
 * not criteria tenders are scored on: they take part in the weighing only
 * if a weight other than the 0 of a marker was (wrongly) given. */
static bool takes_part(const ck_award_criterion *c) {
  if (!is_spec(c->type) && !is_exempt(c->type))
    return true;
  return c->weight_kind != CK_WEIGHT_NONE && c->weight != 0;
}

static bool counts_as_env(const ck_award_criterion *c) {
  if (is_spec(c->type) || is_exempt(c->type))
    return false;
  return ck_award_is_environmental(c->type, c->name, c->description);
}

typedef enum { PART_NONE, PART_OK, PART_LOW, PART_WITHHELD } part_result;

/* Ranked criteria: the best rank of an environmental one decides. */
static part_result judge_ranks(const ck_award_criterion *c, size_t n, ck_env_weight *r,
                               size_t *decisive) {
  int best = 0;
  for (size_t i = 0; i < n; i++) {
    if (!takes_part(&c[i]) || c[i].weight_kind != CK_WEIGHT_RANK || !counts_as_env(&c[i]))
      continue;
    int rank = (int)lround(c[i].weight);
    if (rank >= 1 && (best == 0 || rank < best)) {
      best = rank;
      *decisive = i;
    }
  }
  r->best_rank = best;
  if (best == 0)
    return PART_NONE;
  return best <= 3 ? PART_OK : PART_LOW;
}

/* Numbered criteria of the most used numeric kind: the share of the
 * environmental ones. Percentages are absolute, so a known environmental
 * percentage counts even when other weights are missing; points and
 * decimals need every weight to give a share. */
static part_result judge_numbers(const ck_award_criterion *c, size_t n, double threshold,
                                 ck_env_weight *r, size_t *decisive) {
  size_t count[CK_WEIGHT_KIND_COUNT] = {0};
  for (size_t i = 0; i < n; i++)
    if (takes_part(&c[i]))
      count[c[i].weight_kind]++;
  ck_weight_kind kind = CK_WEIGHT_PERCENT;
  if (count[CK_WEIGHT_POINTS] > count[kind])
    kind = CK_WEIGHT_POINTS;
  if (count[CK_WEIGHT_DECIMAL] > count[kind])
    kind = CK_WEIGHT_DECIMAL;
  double total = 0, env = 0, heaviest = -1;
  size_t missing = 0, env_known = 0, env_unknown = 0, first_unknown = NO_INDEX;
  for (size_t i = 0; i < n; i++) {
    const ck_award_criterion *k = &c[i];
    if (!takes_part(k) || k->weight_kind == CK_WEIGHT_RANK)
      continue;
    bool e = counts_as_env(k);
    if (k->weight_kind == kind && count[kind] > 0) {
      total += k->weight;
      if (e) {
        env += k->weight;
        env_known++;
        if (k->weight > heaviest) {
          heaviest = k->weight;
          *decisive = i;
        }
      }
    } else {
      missing++;
      if (e) {
        env_unknown++;
        if (first_unknown == NO_INDEX)
          first_unknown = i;
      }
    }
  }
  if (env_known + env_unknown == 0) {
    if (count[kind] > 0 && (missing == 0 || kind == CK_WEIGHT_PERCENT)) {
      r->has_share = true;
      r->share = 0;
    }
    return PART_NONE;
  }
  if (kind == CK_WEIGHT_PERCENT && env_known > 0 && total <= 100 + 0.01) {
    /* A percentage is a share already: "Miljø 20 %" alone is 20 %, not all
       of the weights that happen to be written down. Only weights that add
       up to more than 100 are scaled down to their total. */
    r->has_share = true;
    r->share = env;
  } else if (count[kind] > 0 && missing == 0 && total > 0) {
    r->has_share = true;
    r->share = env / total * 100;
  }
  if (r->has_share && r->share >= threshold - 1e-9)
    return PART_OK;
  if (env_unknown > 0 || !r->has_share) {
    if (first_unknown != NO_INDEX)
      *decisive = first_unknown;
    return PART_WITHHELD;
  }
  return PART_LOW;
}

ck_env_weight ck_env_weight_compute(const ck_award_criterion *c, size_t n, double threshold) {
  ck_env_weight r = {.way = CK_ENV_ABSENT, .decisive = NO_INDEX};
  size_t spec = NO_INDEX, exempt = NO_INDEX, parts = 0;
  bool has_percent = false;
  ck_weight_kind kind = CK_WEIGHT_NONE;
  bool one_kind = true;
  for (size_t i = 0; i < n; i++) {
    if (is_spec(c[i].type) && spec == NO_INDEX)
      spec = i;
    if (is_exempt(c[i].type) && exempt == NO_INDEX)
      exempt = i;
    if (c[i].weight_kind == CK_WEIGHT_PERCENT) {
      has_percent = true;
      r.percent_sum += c[i].weight;
    }
    if (!takes_part(&c[i]))
      continue;
    if (parts++ == 0)
      kind = c[i].weight_kind;
    else if (c[i].weight_kind != kind)
      one_kind = false;
  }
  r.weights_complete = parts > 0 && one_kind && kind != CK_WEIGHT_NONE;
  r.sums_to_100 = has_percent && fabs(r.percent_sum - 100) <= 0.01;

  size_t rank_at = NO_INDEX, num_at = NO_INDEX;
  part_result ranks = judge_ranks(c, n, &r, &rank_at);
  part_result nums = judge_numbers(c, n, threshold, &r, &num_at);
  if (ranks == PART_OK) {
    r.way = CK_ENV_BY_RANK;
    r.decisive = rank_at;
  } else if (nums == PART_OK) {
    r.way = CK_ENV_BY_WEIGHT;
    r.decisive = num_at;
  } else if (spec != NO_INDEX) {
    r.way = CK_ENV_BY_SPEC;
    r.decisive = spec;
  } else if (exempt != NO_INDEX) {
    r.way = CK_ENV_EXEMPT;
    r.decisive = exempt;
  } else if (nums == PART_WITHHELD) {
    r.way = CK_ENV_WITHHELD;
    r.decisive = num_at;
  } else if (ranks == PART_LOW || nums == PART_LOW) {
    r.way = CK_ENV_TOO_LOW;
    r.decisive = ranks == PART_LOW ? rank_at : num_at;
  }
  r.compliant = r.way == CK_ENV_BY_WEIGHT || r.way == CK_ENV_BY_RANK || r.way == CK_ENV_BY_SPEC ||
                r.way == CK_ENV_EXEMPT;
  return r;
}

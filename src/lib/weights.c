/* Reading the weights table of a text tender: rows, list items or inline
 * pairs such as "Pris | 70 %", "Miljø 30 %", "Price 60 %, Environment 40 %",
 * points out of a stated total, into the document's award criteria. What
 * the criteria mean for FOA § 7-9 is judged apart, in award.c. */
#include "weights.h"

#include <math.h>
#include <string.h>

#include "numbers.h"
#include "text.h"

/* Longest criterion name a weights row may have, in words: anything longer
 * is a sentence that happens to contain a percentage. */
#define NO_INDEX ((size_t)-1)

#define NAME_MAX_WORDS 6
#define NAME_MAX_BYTES 80

typedef struct span {
  size_t s, e;
} span;

typedef enum { U_BARE, U_PERCENT, U_POINTS } wunit;

typedef struct item {
  size_t name_s, name_e; /* in doc->text */
  size_t desc_s, desc_e; /* empty when there is none */
  double value;
  wunit unit;
  size_t block;
  double out_of; /* points: the total stated with them ("of 100 points"), else 0 */
} item;

/* A run of items from adjacent blocks; 'award' is the outermost award
 * section holding them, -1 outside award sections. */
typedef struct run {
  size_t first, n;
  int award;
  size_t last_block;
  int family;
} run;

typedef struct extractor {
  ck_doc *doc;
  const char *t;
  item *items;
  size_t nitems, cap_items;
  run *runs;
  size_t nruns, cap_runs;
  wunit hint[16]; /* unit named in a table's header row, per column */
  int hint_row;
} extractor;

static size_t skip_spaces(const char *t, size_t e, size_t i) {
  size_t n;
  while (i < e && (n = ck_text_space_len(t, e, i)) > 0)
    i += n;
  return i;
}

/* Block text has its white space collapsed to single ASCII spaces. */
static size_t skip_spaces_back(const char *t, size_t s, size_t i) {
  while (i > s && t[i - 1] == ' ')
    i--;
  return i;
}

/* A dash (hyphen, en or em dash) at 'i': its byte length, else 0. */
static size_t dash_at(const char *t, size_t e, size_t i) {
  if (i < e && t[i] == '-')
    return 1;
  if (i + 3 <= e && (unsigned char)t[i] == 0xE2 && (unsigned char)t[i + 1] == 0x80 &&
      ((unsigned char)t[i + 2] == 0x93 || (unsigned char)t[i + 2] == 0x94))
    return 3;
  return 0;
}

/* A dash that ends just before 'i': its byte length, else 0. */
static size_t dash_before(const char *t, size_t s, size_t i) {
  if (i > s && t[i - 1] == '-')
    return 1;
  if (i >= s + 3 && (unsigned char)t[i - 3] == 0xE2 && (unsigned char)t[i - 2] == 0x80 &&
      ((unsigned char)t[i - 1] == 0x93 || (unsigned char)t[i - 1] == 0x94))
    return 3;
  return 0;
}

static bool word_ci(const char *t, size_t s, size_t e, const char *w) {
  size_t n = strlen(w);
  if (e - s != n)
    return false;
  for (size_t i = 0; i < n; i++) {
    char c = t[s + i];
    if (c >= 'A' && c <= 'Z')
      c = (char)(c + 32);
    if (c != w[i])
      return false;
  }
  return true;
}

static bool word_in_ci(const char *t, size_t s, size_t e, const char *const *words) {
  for (size_t i = 0; words[i]; i++)
    if (word_ci(t, s, e, words[i]))
      return true;
  return false;
}

/* The unit after a number at 'i': '%' or a unit word. Sets '*end' past it. */
static wunit read_unit(const char *t, size_t e, size_t i, size_t *end) {
  static const char *const percent[] = {"prosent", "percent", "pct", "per", NULL};
  static const char *const points[] = {"poeng", "points", "point", "pts", "p", "poäng", NULL};
  size_t j = skip_spaces(t, e, i);
  *end = i;
  if (j < e && t[j] == '%') {
    *end = j + 1;
    return U_PERCENT;
  }
  if (!ck_text_word_at(t, e, j))
    return U_BARE;
  size_t we = ck_text_word_end(t, e, j);
  if (word_in_ci(t, j, we, percent)) {
    if (word_ci(t, j, we, "per")) {
      /* "per cent" */
      size_t k = skip_spaces(t, e, we), ke = ck_text_word_end(t, e, k);
      if (!word_ci(t, k, ke, "cent"))
        return U_BARE;
      we = ke;
    }
    *end = we;
    return U_PERCENT;
  }
  if (word_in_ci(t, j, we, points)) {
    *end = we;
    return U_POINTS;
  }
  return U_BARE;
}

/* The source line of text offset 'off': that of the last position mark at
 * or before it (a new line always gets a mark). Unlike ck_doc_position()
 * this never counts characters, so it stays cheap on long lines. */
static unsigned line_of(const ck_doc *doc, size_t off) {
  if (doc->nmarks == 0)
    return 1;
  return doc->marks[ck_doc_mark_at(doc, off)].line;
}

/* True when what follows a weight at 'i' ends the item: the end of the
 * block, punctuation, "og"/"and", or a new source line. Sets '*desc' where
 * a description after ':' or a dash starts (else 'e'). */
static bool item_ends(const ck_doc *doc, const char *t, size_t e, size_t i, size_t *desc) {
  static const char *const joins[] = {"og", "and", "samt", "eller", "or", NULL};
  *desc = e;
  size_t j = skip_spaces(t, e, i);
  if (j >= e)
    return true;
  char c = t[j];
  if (c == ',' || c == ';' || c == '.' || c == ')' || c == '/' || c == '|')
    return true;
  size_t d = dash_at(t, e, j);
  if (c == ':' || d) {
    *desc = skip_spaces(t, e, j + (d ? d : 1));
    return true;
  }
  if (ck_text_word_at(t, e, j)) {
    size_t we = ck_text_word_end(t, e, j);
    if (word_in_ci(t, j, we, joins))
      return true;
    return j > i && line_of(doc, j) > line_of(doc, i > 0 ? i - 1 : 0);
  }
  return false;
}

/* Words that make a phrase a requirement or a figure, not a criterion name. */
static const char *const not_name_words[] = {
    "skal",   "må",        "bør",      "shall",  "must",   "should", "minst",  "minimum",
    "maks",   "maksimalt", "maksimum", "inntil", "opptil", "least",  "most",   "more",
    "less",   "mer",       "mindre",   "enn",    "than",   "ca",     "cirka",  "approximately",
    "about",  "omtrent",   "rundt",    "over",   "under",  "sum",    "totalt", "total",
    "samlet", "totalsum",  "alt",      NULL};
/* The verb phrase between a name and its figure ("Miljø skal vektes med
   30 %", "Environment shall be weighted 30 %"): skipped, not part of the name. */
static const char *const trailing_words[] = {
    "vektes", "vektet", "vekt",   "vekting", "vekter", "weighted", "weight", "weighting", "teller",
    "counts", "utgjør", "utgjer", "med",     "with",   "er",       "is",     "of",
    "vektast", "vekta",  "skal",   "shall",   "må",     "must",     "bør",    "should",
    "vil",    "will",   "bli",    "be",      "gis",    "given",    "carry",
    "ha",     "have",   "a",      "en",      "ei",     "et",       "gives",  "gir",
    "får",    "receives", "earns", NULL};
static const char *const last_word_traps[] = {"på", "av", "til", "of", "on",  "at",   "by", "for",
                                              "to", "in", "i",   "om", "fra", "from", NULL};
/* Words that a number refers to: "vedlegg 3", "punkt 4", "section 2". */
static const char *const references[] = {
    "vedlegg",  "bilag", "kapittel", "kap",  "punkt", "pkt",         "side", "del",
    "avsnitt",  "nr",    "versjon",  "år",   "lot",   "delkontrakt", "fase", "section",
    "appendix", "annex", "chapter",  "page", "part",  "paragraph",   "item", "no",
    "version",  "year",  "phase",    "step", "trinn", NULL};
static const char *const copulas[] = {"er", "is", "are", "blir", "være", "vere", "be", NULL};
static const char *const name_joins[] = {"og", "and", "samt", "eller", "or", NULL};

static bool boundary_char(const char *t, size_t s, size_t i) {
  char c = t[i];
  if (c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '(' || c == ')' ||
      c == '|' || c == '"')
    return true;
  if (c == '.') /* "5.2" numbers a heading; a full stop ends a sentence */
    return !(i > s && t[i - 1] >= '0' && t[i - 1] <= '9');
  return (unsigned char)c == 0xE2 && t[i + 1] == (char)0x80 && t[i + 2] == (char)0xA2; /* • */
}

/* A token of digits, dots and closing parentheses: list numbering. */
static bool is_numbering(const char *t, size_t s, size_t e) {
  for (size_t i = s; i < e; i++)
    if (!((t[i] >= '0' && t[i] <= '9') || t[i] == '.' || t[i] == ')'))
      return false;
  return e > s;
}

/* Finds the criterion name that ends at 'end' (exclusive) and starts no
 * earlier than 'limit'. Returns false when the words before the number do
 * not read as a short name. */
static bool find_name(const ck_doc *doc, const char *t, size_t limit, size_t end, size_t *ns,
                      size_t *ne) {
  size_t r = skip_spaces_back(t, limit, end);
  size_t d;
  if (r > limit && t[r - 1] == '(')
    r = skip_spaces_back(t, limit, r - 1);
  if (r > limit && (t[r - 1] == ':' || t[r - 1] == '='))
    r = skip_spaces_back(t, limit, r - 1);
  else if ((d = dash_before(t, limit, r)) != 0 && r - d > limit && t[r - d - 1] == ' ')
    r = skip_spaces_back(t, limit, r - d);
  /* collect up to a few words back to a boundary */
  span words[NAME_MAX_WORDS + 4];
  size_t nw = 0, i = r;
  /* a name on a line of its own above its weight (a table flattened to
     lines) is the whole line, "og" and all: "Klima og miljø" / "30 %" */
  bool own_line = r > limit && line_of(doc, r - 1) < line_of(doc, end);
  while (i > limit) {
    size_t j = skip_spaces_back(t, limit, i);
    if (j < i && nw > 0 && line_of(doc, j > 0 ? j - 1 : 0) < line_of(doc, words[nw - 1].s))
      break; /* the name starts on the line of its weight, or a line of its own */
    i = j;
    if (i <= limit || boundary_char(t, limit, i - 1))
      break;
    size_t ws = i;
    /* a word longer than a name can be ends the search, which also keeps
       it bounded on hostile text */
    while (ws > limit && t[ws - 1] != ' ' && !boundary_char(t, limit, ws - 1) &&
           i - ws <= NAME_MAX_BYTES)
      ws--;
    if (i - ws > NAME_MAX_BYTES)
      return false;
    if (ws == i)
      break;
    if (nw > 0 && !own_line && word_in_ci(t, ws, i, name_joins))
      break;
    if (nw == NAME_MAX_WORDS + 3)
      return false;
    words[nw++] = (span){ws, i};
    i = ws;
  }
  /* words[] runs backwards: words[0] is the last word of the name */
  size_t first = 0;
  while (first < nw && word_in_ci(t, words[first].s, words[first].e, trailing_words))
    first++;
  size_t last = nw; /* exclusive, counting from the end of words[] */
  for (size_t k = first; k < nw; k++)
    if (word_in_ci(t, words[k].s, words[k].e, copulas)) {
      last = k;
      break;
    }
  while (last > first && is_numbering(t, words[last - 1].s, words[last - 1].e))
    last--;
  if (last <= first || last - first > NAME_MAX_WORDS)
    return false;
  for (size_t k = first; k < last; k++)
    if (word_in_ci(t, words[k].s, words[k].e, not_name_words))
      return false;
  if (word_in_ci(t, words[first].s, words[first].e, last_word_traps) ||
      word_in_ci(t, words[first].s, words[first].e, name_joins) ||
      word_in_ci(t, words[first].s, words[first].e, references))
    return false;
  *ns = words[last - 1].s;
  *ne = words[first].e;
  while (*ns < *ne && (t[*ns] == '*' || t[*ns] == '_' || t[*ns] == '-'))
    (*ns)++;
  while (*ne > *ns && (t[*ne - 1] == '*' || t[*ne - 1] == '_'))
    (*ne)--;
  bool letter = false;
  for (size_t k = *ns; k < *ne; k++)
    if ((t[k] | 0x20) >= 'a' && (t[k] | 0x20) <= 'z')
      letter = true;
    else if ((unsigned char)t[k] >= 0xC0)
      letter = true;
  return letter && *ne - *ns <= NAME_MAX_BYTES;
}

/* Appends an item found in block 'block'; blocks first..last are what it
 * was read from (one block, or the cells of a table row), for telling
 * whether it continues the current run. */
static void add_item(extractor *x, size_t block, size_t first, size_t last, int family, size_t ns,
                     size_t ne, size_t ds, size_t de, double value, wunit unit) {
  const ck_doc *doc = x->doc;
  int award = -1;
  if (ck_doc_block_section_kind(doc, block) == CK_SECTION_AWARD)
    for (int s = doc->blocks[block].section; s >= 0; s = doc->sections[s].parent)
      if (doc->sections[s].kind == CK_SECTION_AWARD)
        award = s;
  run *r = x->nruns ? &x->runs[x->nruns - 1] : NULL;
  bool joins = r && r->award == award && r->family == family &&
               (r->last_block == last || r->last_block + 1 == first);
  if (!joins) {
    CK_GROW(x->runs, x->cap_runs, x->nruns + 1);
    r = &x->runs[x->nruns++];
    *r = (run){.first = x->nitems, .n = 0, .award = award, .family = family};
  }
  /* A description runs to the end of its block or to the next item's name. */
  if (x->nitems > 0) {
    item *prev = &x->items[x->nitems - 1];
    if (prev->block == block && prev->desc_e > ns) {
      prev->desc_e = ns;
      while (prev->desc_e > prev->desc_s &&
             (x->t[prev->desc_e - 1] == ' ' || x->t[prev->desc_e - 1] == ','))
        prev->desc_e--;
      if (prev->desc_e <= prev->desc_s)
        prev->desc_s = prev->desc_e = 0;
    }
  }
  while (de > ds && (x->t[de - 1] == ' ' || x->t[de - 1] == '.'))
    de--;
  CK_GROW(x->items, x->cap_items, x->nitems + 1);
  x->items[x->nitems++] = (item){ns, ne, ds < de ? ds : 0, ds < de ? de : 0, value, unit, block, 0};
  r->n++;
  r->last_block = last;
}

/* True when the number at 'p' is a fragment: the second half of a range
 * ("20-30 %") or a group of a larger number. */
static bool number_is_fragment(const char *t, size_t s, size_t p) {
  if (p > s && (t[p - 1] == ',' || t[p - 1] == '.' || (t[p - 1] >= '0' && t[p - 1] <= '9')))
    return true;
  size_t q = skip_spaces_back(t, s, p);
  size_t d = dash_before(t, s, q);
  if (d) {
    size_t b = skip_spaces_back(t, s, q - d);
    return b > s && t[b - 1] >= '0' && t[b - 1] <= '9';
  }
  return false;
}

/* True when a range goes on after the number that ends at 'i' ("20-30 %"). */
static bool range_follows(const char *t, size_t e, size_t i) {
  size_t q = skip_spaces(t, e, i);
  size_t d = dash_at(t, e, q);
  if (!d)
    return false;
  q = skip_spaces(t, e, q + d);
  return q < e && t[q] >= '0' && t[q] <= '9';
}

/* A total that points are counted against, after the points at 'i': "of a
 * maximum total of 100 points", "out of 10", "av maksimalt 100 poeng", "av 10
 * mulige poeng". Sets '*total' and '*end' (past the total and its unit). */
static bool read_out_of(ck_lang lang, const char *t, size_t e, size_t i, double *total,
                        size_t *end) {
  static const char *const fillers[] = {"out", "a", "maximum", "max", "maks", "maksimalt",
                                        "totalt", "total", "possible", "mulige", "moglege",
                                        "til", "sammen", NULL};
  static const char *const ofs[] = {"of", "av", NULL};
  bool of = false;
  size_t j = skip_spaces(t, e, i);
  for (int n = 0; n < 6 && j < e && (t[j] < '0' || t[j] > '9') && ck_text_word_at(t, e, j); n++) {
    size_t we = ck_text_word_end(t, e, j);
    if (word_in_ci(t, j, we, ofs))
      of = true;
    else if (!word_in_ci(t, j, we, fillers))
      return false;
    j = skip_spaces(t, e, we);
  }
  if (!of || j >= e || t[j] < '0' || t[j] > '9')
    return false;
  size_t ne = j + ck_parse_number(t + j, e - j, lang, total);
  if (ne == j || *total <= 0)
    return false;
  *end = ne;
  static const char *const possible[] = {"possible", "mulige", "moglege", NULL};
  size_t k = skip_spaces(t, e, ne);
  if (k < e && ck_text_word_at(t, e, k) && word_in_ci(t, k, ck_text_word_end(t, e, k), possible))
    k = ck_text_word_end(t, e, k);
  size_t ue;
  if (read_unit(t, e, k, &ue) == U_POINTS)
    *end = ue;
  return true;
}

/* Finds "Name 30 %" items in t[s..e) of block 'b'. */
static void scan_inline(extractor *x, size_t b, int family, size_t s, size_t e) {
  const char *t = x->t;
  size_t limit = s;
  for (size_t p = s; p < e; p++) {
    if (t[p] < '0' || t[p] > '9')
      continue;
    if (number_is_fragment(t, s, p)) {
      while (p + 1 < e && t[p + 1] >= '0' && t[p + 1] <= '9')
        p++;
      continue;
    }
    double v;
    size_t ne = p + ck_parse_number(t + p, e - p, x->doc->lang, &v);
    if (ne == p)
      continue;
    size_t after, desc, ns, nme;
    wunit unit = read_unit(t, e, ne, &after);
    if (range_follows(t, e, unit == U_BARE ? ne : after)) {
      p = ne - 1;
      continue;
    }
    /* "40 points of a maximum total of 100 points": the total is the
       scale for every criterion of the run (see store) */
    double out_of = 0;
    size_t total_end;
    if (unit == U_POINTS && read_out_of(x->doc->lang, t, e, after, &out_of, &total_end) &&
        v <= out_of)
      after = total_end;
    else
      out_of = 0;
    size_t close = skip_spaces(t, e, after);
    if (close < e && t[close] == ')')
      after = close + 1;
    /* In running text a bare number is too often something else ("se
       vedlegg 3"); there a weight needs its unit. */
    if (unit == U_BARE && family == 0) {
      p = ne - 1;
      continue;
    }
    if (item_ends(x->doc, t, e, after, &desc) && find_name(x->doc, t, limit, p, &ns, &nme)) {
      add_item(x, b, b, b, family, ns, nme, desc, e, v, unit);
      x->items[x->nitems - 1].out_of = out_of;
      limit = after;
    }
    p = ne - 1;
  }
}

/* A cell that holds nothing but a weight: "30 %", "(30 %)", "30". */
static bool pure_weight(const extractor *x, size_t s, size_t e, double *v, wunit *unit) {
  const char *t = x->t;
  size_t i = skip_spaces(t, e, s);
  if (i < e && t[i] == '(')
    i = skip_spaces(t, e, i + 1);
  if (i >= e || t[i] < '0' || t[i] > '9')
    return false;
  size_t ne = i + ck_parse_number(t + i, e - i, x->doc->lang, v);
  if (ne == i)
    return false;
  size_t after;
  *unit = read_unit(t, e, ne, &after);
  after = skip_spaces(t, e, after);
  if (after < e && t[after] == ')')
    after = skip_spaces(t, e, after + 1);
  if (after < e && t[after] == '.')
    after++;
  return skip_spaces(t, e, after) >= e;
}

static bool has_letter(const char *t, size_t s, size_t e) {
  for (size_t i = s; i < e; i++)
    if (((t[i] | 0x20) >= 'a' && (t[i] | 0x20) <= 'z') || (unsigned char)t[i] >= 0xC0)
      return true;
  return false;
}

/* The unit a header cell names: "Vekt (%)", "Poeng", "Weight %". */
static wunit header_unit(const char *t, size_t s, size_t e) {
  ck_buf b = CK_BUF_INIT;
  ck_buf_put(&b, t + s, e - s);
  ck_text_fold(b.ptr, b.len, b.ptr, b.len + 1);
  wunit u = U_BARE;
  if (memchr(b.ptr, '%', b.len) || strstr(b.ptr, "prosent") || strstr(b.ptr, "percent") ||
      strstr(b.ptr, "vekt") || strstr(b.ptr, "weight"))
    u = U_PERCENT;
  if (strstr(b.ptr, "poeng") || strstr(b.ptr, "point"))
    u = U_POINTS;
  ck_buf_free(&b);
  return u;
}

/* One table row (blocks first..last inclusive): a name cell and a weight
 * cell make an item; a row without a weight may be the header that names
 * the unit of each column. */
static void scan_row(extractor *x, size_t first, size_t last) {
  const ck_doc *doc = x->doc;
  const char *t = x->t;
  size_t weight_cell = NO_INDEX;
  double v = 0;
  wunit unit = U_BARE;
  for (size_t b = first; b <= last; b++) {
    double cv;
    wunit cu;
    if (pure_weight(x, doc->blocks[b].start, doc->blocks[b].end, &cv, &cu)) {
      if (weight_cell == NO_INDEX || (unit == U_BARE && cu != U_BARE)) {
        weight_cell = b;
        v = cv;
        unit = cu;
      }
    }
  }
  int row = doc->blocks[first].row;
  if (weight_cell == NO_INDEX) {
    bool header = first == 0 || doc->blocks[first - 1].kind != CK_BLOCK_TABLE_CELL;
    if (header || x->hint_row < 0 || x->hint_row + 1 != row) {
      for (size_t k = 0; k < sizeof x->hint / sizeof *x->hint; k++)
        x->hint[k] = U_BARE;
      for (size_t b = first; b <= last && b - first < sizeof x->hint / sizeof *x->hint; b++)
        x->hint[b - first] = header_unit(t, doc->blocks[b].start, doc->blocks[b].end);
    }
    x->hint_row = row;
    for (size_t b = first; b <= last; b++)
      scan_inline(x, b, 3, doc->blocks[b].start, doc->blocks[b].end);
    return;
  }
  x->hint_row = row;
  size_t col = weight_cell - first;
  if (unit == U_BARE && col < sizeof x->hint / sizeof *x->hint)
    unit = x->hint[col];
  size_t name = NO_INDEX, desc = NO_INDEX;
  for (size_t b = first; b <= last; b++) {
    if (b == weight_cell || !has_letter(t, doc->blocks[b].start, doc->blocks[b].end))
      continue;
    if (name == NO_INDEX)
      name = b;
    else if (desc == NO_INDEX)
      desc = b;
  }
  if (name == NO_INDEX)
    return;
  size_t ns = doc->blocks[name].start, ne = doc->blocks[name].end;
  while (ns < ne && (t[ns] == '*' || t[ns] == '_'))
    ns++;
  while (ne > ns && (t[ne - 1] == '*' || t[ne - 1] == '_' || t[ne - 1] == ':'))
    ne--;
  /* "Sum", "Totalt": the row that adds the others up */
  static const char *const totals[] = {"sum",      "totalt",   "total",       "samlet", "i alt",
                                       "totalsum", "sum vekt", "totalt vekt", NULL};
  if (word_in_ci(t, ns, ne, totals))
    return;
  size_t ds = desc == NO_INDEX ? 0 : doc->blocks[desc].start;
  size_t de = desc == NO_INDEX ? 0 : doc->blocks[desc].end;
  add_item(x, weight_cell, first, last, 3, ns, ne, ds, de, v, unit);
}

typedef struct verdict {
  bool valid, sums;
  ck_weight_kind kind;
} verdict;

/* Decides how the numbers of items [first, first+n) are to be read. */
static verdict judge(const extractor *x, size_t first, size_t n, bool award) {
  verdict v = {false, false, CK_WEIGHT_NONE};
  size_t pct = 0, pts = 0;
  double sum = 0, max = 0;
  for (size_t i = first; i < first + n; i++) {
    const item *it = &x->items[i];
    pct += it->unit == U_PERCENT;
    pts += it->unit == U_POINTS;
    sum += it->value;
    if (it->value > max)
      max = it->value;
  }
  if (n == 0 || (pct && pts))
    return v;
  if (pts) {
    v.kind = CK_WEIGHT_POINTS;
    v.sums = true;
  } else if (pct) {
    v.kind = CK_WEIGHT_PERCENT;
    v.sums = fabs(sum - 100) <= 0.5;
  } else if (fabs(sum - 100) <= 0.5) {
    v.kind = CK_WEIGHT_PERCENT;
    v.sums = true;
  } else if (max <= 1 && fabs(sum - 1) <= 0.005) {
    v.kind = CK_WEIGHT_DECIMAL;
    v.sums = true;
  } else {
    return v;
  }
  /* Outside an award section only a full set of weights is believed. */
  v.valid = award ? true : (n >= 2 && v.sums && v.kind != CK_WEIGHT_POINTS);
  return v;
}

static char *dup_range(const char *t, size_t s, size_t e) {
  return e > s ? ck_xstrndup(t + s, e - s) : NULL;
}

static void store(extractor *x, size_t first, size_t n, ck_weight_kind kind) {
  ck_doc *doc = x->doc;
  /* Points out of a stated total are shares of it, even when only some
     criteria are listed ("Miljø: 40 av maksimalt 100 poeng"). */
  double out_of = 0;
  for (size_t i = first; kind == CK_WEIGHT_POINTS && i < first + n; i++)
    if (x->items[i].out_of > out_of)
      out_of = x->items[i].out_of;
  CK_GROW(doc->criteria, doc->cap_criteria, doc->ncriteria + n);
  for (size_t i = first; i < first + n; i++) {
    const item *it = &x->items[i];
    ck_award_criterion *c = &doc->criteria[doc->ncriteria++];
    *c = (ck_award_criterion){0};
    c->name = dup_range(x->t, it->name_s, it->name_e);
    c->description = dup_range(x->t, it->desc_s, it->desc_e);
    c->weight_kind = out_of > 0 ? CK_WEIGHT_PERCENT : kind;
    c->weight = out_of > 0 ? it->value * 100 / out_of : it->value;
    ck_doc_position(doc, it->name_s, &c->line, &c->col);
    c->xpath = doc->blocks[it->block].xpath;
  }
}

/* Picks the weights table: in the first award section that has items, the
 * whole section's items when they add up, else its first run that adds up,
 * else its first readable run; without award sections, the first run
 * elsewhere whose percentages add up to 100. */
static void choose(extractor *x) {
  size_t i = 0;
  while (i < x->nruns) {
    const run *r = &x->runs[i];
    if (r->award < 0) {
      i++;
      continue;
    }
    size_t j = i;
    while (j < x->nruns && x->runs[j].award == r->award)
      j++;
    size_t first = r->first, n = x->runs[j - 1].first + x->runs[j - 1].n - first;
    verdict all = judge(x, first, n, true);
    if (all.valid && all.sums) {
      store(x, first, n, all.kind);
      return;
    }
    for (size_t k = i; k < j; k++) {
      verdict v = judge(x, x->runs[k].first, x->runs[k].n, true);
      if (v.valid && v.sums) {
        store(x, x->runs[k].first, x->runs[k].n, v.kind);
        return;
      }
    }
    for (size_t k = i; k < j; k++) {
      verdict v = judge(x, x->runs[k].first, x->runs[k].n, true);
      if (v.valid) {
        store(x, x->runs[k].first, x->runs[k].n, v.kind);
        return;
      }
    }
    i = j;
  }
  for (i = 0; i < x->nruns; i++) {
    verdict v = judge(x, x->runs[i].first, x->runs[i].n, false);
    if (x->runs[i].award < 0 && v.valid) {
      store(x, x->runs[i].first, x->runs[i].n, v.kind);
      return;
    }
  }
}

/* A table flattened to paragraphs, one cell each: a short name, then its
 * weight alone ("Pris" / "50 %"). Adds the pair and returns true. */
static bool scan_flat_pair(extractor *x, size_t b) {
  const ck_doc *doc = x->doc;
  const ck_block *wb = &doc->blocks[b], *nb = &doc->blocks[b - 1];
  const char *t = x->t;
  if (wb->kind != CK_BLOCK_PARAGRAPH || nb->kind != CK_BLOCK_PARAGRAPH ||
      nb->section != wb->section)
    return false;
  double v;
  wunit unit;
  if (!pure_weight(x, wb->start, wb->end, &v, &unit))
    return false;
  if (unit == U_BARE && ck_doc_block_section_kind(doc, b) != CK_SECTION_AWARD)
    return false;
  size_t ns = skip_spaces(t, nb->end, nb->start), ne = nb->end;
  while (ne > ns && (t[ne - 1] == ' ' || t[ne - 1] == ':'))
    ne--;
  if (ne <= ns || ne - ns > NAME_MAX_BYTES || !has_letter(t, ns, ne))
    return false;
  size_t words = 0;
  for (size_t i = ns; i < ne;) {
    if (t[i] >= '0' && t[i] <= '9')
      return false;
    if (t[i] == ' ') {
      i++;
      continue;
    }
    size_t we = i;
    while (we < ne && t[we] != ' ')
      we++;
    if (++words > NAME_MAX_WORDS || word_in_ci(t, i, we, not_name_words))
      return false;
    i = we;
  }
  add_item(x, b, b - 1, b, 0, ns, ne, 0, 0, v, unit);
  return true;
}

void ck_doc_extract_weights(ck_doc *doc) {
  if (doc->ncriteria > 0 || doc->nblocks == 0)
    return;
  extractor x = {.doc = doc, .t = doc->text.ptr, .hint_row = -1};
  for (size_t b = 0; b < doc->nblocks; b++) {
    const ck_block *bl = &doc->blocks[b];
    if (bl->kind == CK_BLOCK_TABLE_CELL) {
      size_t last = b;
      while (last + 1 < doc->nblocks && doc->blocks[last + 1].kind == CK_BLOCK_TABLE_CELL &&
             doc->blocks[last + 1].row == bl->row)
        last++;
      scan_row(&x, b, last);
      b = last;
      continue;
    }
    if (bl->kind == CK_BLOCK_HEADING && ck_doc_block_section_kind(doc, b) != CK_SECTION_AWARD)
      continue;
    if (b > 0 && scan_flat_pair(&x, b))
      continue;
    int family = bl->kind == CK_BLOCK_LIST_ITEM ? 1 : bl->kind == CK_BLOCK_HEADING ? 2 : 0;
    /* Cheap test first: most blocks hold no digit at all. */
    if (memchr(x.t + bl->start, '%', bl->end - bl->start) ||
        ck_doc_block_section_kind(doc, b) == CK_SECTION_AWARD || bl->kind == CK_BLOCK_LIST_ITEM)
      scan_inline(&x, b, family, bl->start, bl->end);
  }
  choose(&x);
  free(x.items);
  free(x.runs);
}

/* Counting documents into groups. Each grouping is a small hash table of
   groups by key; a group holds a status count per criterion. */
#include "stats.h"

#include <stdlib.h>
#include <string.h>

#include "rules.h"

static const char *const by_names[CK_BY_COUNT] = {"all",   "pack",    "cpv", "buyer",
                                                  "month", "quarter", "year"};

const char *ck_stats_by_name(ck_stats_by by) { return by < CK_BY_COUNT ? by_names[by] : "?"; }

bool ck_stats_by_parse(const char *name, ck_stats_by *out) {
  for (int b = 0; b < CK_BY_COUNT; b++)
    if (strcmp(name, by_names[b]) == 0) {
      *out = (ck_stats_by)b;
      return true;
    }
  return false;
}

ck_stats *ck_stats_new(const ck_ruleset *rs) {
  ck_stats *s = ck_xcalloc(1, sizeof *s);
  s->ncriteria = rs->ncriteria;
  s->criteria = ck_xcalloc(rs->ncriteria ? rs->ncriteria : 1, sizeof *s->criteria);
  s->categories = ck_xcalloc(rs->ncriteria ? rs->ncriteria : 1, sizeof *s->categories);
  for (size_t i = 0; i < rs->ncriteria; i++) {
    s->criteria[i] = ck_xstrdup(rs->criteria[i].id);
    s->categories[i] = ck_xstrdup(rs->criteria[i].category);
  }
  return s;
}

void ck_stats_free(ck_stats *s) {
  if (!s)
    return;
  for (int b = 0; b < CK_STORED_BY; b++) {
    ck_stats_table *t = &s->tables[b];
    for (size_t i = 0; i < t->n; i++) {
      free(t->groups[i].key);
      free(t->groups[i].counts);
    }
    free(t->groups);
    free(t->slots);
  }
  for (size_t i = 0; i < s->ncriteria; i++) {
    free(s->criteria[i]);
    free(s->categories[i]);
  }
  free(s->criteria);
  free(s->categories);
  free(s);
}

size_t ck_stats_documents(const ck_stats *s) {
  const ck_stats_table *all = &s->tables[CK_BY_ALL];
  return all->n ? (size_t)all->groups[0].documents : 0;
}

long ck_stats_criterion(const ck_stats *s, const char *id) {
  for (size_t i = 0; i < s->ncriteria; i++)
    if (strcmp(s->criteria[i], id) == 0)
      return (long)i;
  return -1;
}

long ck_stats_env_criterion(const ck_stats *s) {
  return ck_stats_criterion(s, "award.environment-weight");
}

static size_t hash(const char *key) {
  size_t h = 1469598103934665603u; /* FNV-1a */
  for (const unsigned char *p = (const unsigned char *)key; *p; p++)
    h = (h ^ *p) * 1099511628211u;
  return h;
}

static void rehash(ck_stats_table *t) {
  size_t nslots = t->nslots ? t->nslots * 2 : 64;
  size_t *slots = ck_xcalloc(nslots, sizeof *slots);
  for (size_t i = 0; i < t->n; i++) {
    size_t at = hash(t->groups[i].key) & (nslots - 1);
    while (slots[at])
      at = (at + 1) & (nslots - 1);
    slots[at] = i + 1;
  }
  free(t->slots);
  t->slots = slots;
  t->nslots = nslots;
}

ck_stats_group *ck_stats_group_of(ck_stats *s, ck_stats_by by, const char *key) {
  ck_stats_table *t = &s->tables[by];
  if (2 * (t->n + 1) > t->nslots)
    rehash(t);
  size_t at = hash(key) & (t->nslots - 1);
  while (t->slots[at]) {
    ck_stats_group *g = &t->groups[t->slots[at] - 1];
    if (strcmp(g->key, key) == 0)
      return g;
    at = (at + 1) & (t->nslots - 1);
  }
  CK_GROW(t->groups, t->cap, t->n + 1);
  ck_stats_group *g = &t->groups[t->n++];
  g->key = ck_xstrdup(key);
  g->documents = 0;
  g->counts = ck_xcalloc(s->ncriteria * CK_RESULT_STATUS_COUNT + 1, sizeof *g->counts);
  t->slots[at] = t->n;
  return g;
}

static void add_to(const ck_stats *s, ck_stats_group *g, const ck_stats_doc *doc) {
  g->documents++;
  for (size_t c = 0; c < s->ncriteria; c++) {
    ck_result_status st = doc->status[c];
    if (st >= CK_RESULT_STATUS_COUNT)
      st = CK_STATUS_NOT_APPLICABLE;
    g->counts[c * CK_RESULT_STATUS_COUNT + st]++;
  }
}

static bool digits(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (s[i] < '0' || s[i] > '9')
      return false;
  return true;
}

/* "2020-09" from "2020-09-03" or "2020-09", else "unknown". */
static void month_of(const char *date, char out[8]) {
  if (date && strlen(date) >= 7 && digits(date, 4) && date[4] == '-' && digits(date + 5, 2) &&
      (date[7] == '\0' || date[7] == '-' || date[7] == 'T') && date[5] <= '1' &&
      !(date[5] == '0' && date[6] == '0') && !(date[5] == '1' && date[6] > '2')) {
    memcpy(out, date, 7);
    out[7] = '\0';
  } else {
    strcpy(out, "unknown");
  }
}

/* A buyer's name with its runs of spaces made one and its ends trimmed. */
static char *buyer_key(const char *buyer) {
  ck_buf b = CK_BUF_INIT;
  bool space = false;
  for (const char *p = buyer ? buyer : ""; *p; p++) {
    if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
      space = b.len > 0;
      continue;
    }
    if (space)
      ck_buf_putc(&b, ' ');
    space = false;
    ck_buf_putc(&b, *p);
  }
  if (b.len == 0)
    ck_buf_puts(&b, "unknown");
  return ck_buf_detach(&b);
}

void ck_stats_count(ck_stats *s, const ck_stats_doc *doc) {
  add_to(s, ck_stats_group_of(s, CK_BY_ALL, "all"), doc);
  for (size_t i = 0; i < doc->npacks; i++) {
    /* a pack named twice counts once */
    bool seen = false;
    for (size_t k = 0; k < i && !seen; k++)
      seen = strcmp(doc->packs[k], doc->packs[i]) == 0;
    if (!seen)
      add_to(s, ck_stats_group_of(s, CK_BY_PACK, doc->packs[i]), doc);
  }
  if (doc->npacks == 0)
    add_to(s, ck_stats_group_of(s, CK_BY_PACK, "none"), doc);
  char division[3] = "";
  if (doc->cpv && strlen(doc->cpv) >= 2 && digits(doc->cpv, 2)) {
    division[0] = doc->cpv[0];
    division[1] = doc->cpv[1];
    division[2] = '\0';
  }
  add_to(s, ck_stats_group_of(s, CK_BY_CPV, division[0] ? division : "none"), doc);
  char *buyer = buyer_key(doc->buyer);
  add_to(s, ck_stats_group_of(s, CK_BY_BUYER, buyer), doc);
  free(buyer);
  char month[8];
  month_of(doc->date, month);
  add_to(s, ck_stats_group_of(s, CK_BY_MONTH, month), doc);
}

static int by_key(const void *a, const void *b) {
  const ck_stats_group *x = a, *y = b;
  /* "unknown" and "none" go last */
  bool xu = strcmp(x->key, "unknown") == 0 || strcmp(x->key, "none") == 0;
  bool yu = strcmp(y->key, "unknown") == 0 || strcmp(y->key, "none") == 0;
  if (xu != yu)
    return xu ? 1 : -1;
  return strcmp(x->key, y->key);
}

static ck_stats_group copy_group(const ck_stats *s, const ck_stats_group *g, const char *key) {
  size_t n = s->ncriteria * CK_RESULT_STATUS_COUNT + 1;
  ck_stats_group c = {.key = ck_xstrdup(key), .documents = g->documents};
  c.counts = ck_xmalloc(n * sizeof *c.counts);
  memcpy(c.counts, g->counts, n * sizeof *c.counts);
  return c;
}

ck_stats_group *ck_stats_view(const ck_stats *s, ck_stats_by by, size_t *n) {
  const ck_stats_table *t = &s->tables[(int)by < CK_STORED_BY ? by : CK_BY_MONTH];
  ck_stats_group *out = ck_xcalloc(t->n + 1, sizeof *out);
  size_t k = 0;
  for (size_t i = 0; i < t->n; i++) {
    const ck_stats_group *g = &t->groups[i];
    char key[24];
    const char *use = g->key;
    if (by == CK_BY_QUARTER && strcmp(g->key, "unknown") != 0) {
      int month = atoi(g->key + 5) % 100;
      snprintf(key, sizeof key, "%.4s-Q%d", g->key, (month + 2) / 3);
      use = key;
    } else if (by == CK_BY_YEAR && strcmp(g->key, "unknown") != 0) {
      snprintf(key, sizeof key, "%.4s", g->key);
      use = key;
    }
    size_t j = 0;
    while (j < k && strcmp(out[j].key, use) != 0)
      j++;
    if (j == k) {
      out[k++] = copy_group(s, g, use);
      continue;
    }
    out[j].documents += g->documents;
    for (size_t c = 0; c < s->ncriteria * CK_RESULT_STATUS_COUNT; c++)
      out[j].counts[c] += g->counts[c];
  }
  qsort(out, k, sizeof *out, by_key);
  *n = k;
  return out;
}

void ck_stats_view_free(const ck_stats *s, ck_stats_group *groups, size_t n) {
  (void)s;
  for (size_t i = 0; i < n; i++) {
    free(groups[i].key);
    free(groups[i].counts);
  }
  free(groups);
}

ck_stats_share ck_stats_share_of(const ck_stats *s, const ck_stats_group *g, size_t c) {
  (void)s;
  const uint64_t *k = &g->counts[c * CK_RESULT_STATUS_COUNT];
  ck_stats_share r = {.pass = k[CK_STATUS_PASS],
                      .found = k[CK_STATUS_PASS] + k[CK_STATUS_PARTIAL],
                      .missing = k[CK_STATUS_FAIL]};
  r.applicable = r.found + r.missing;
  return r;
}

size_t ck_stats_most_missing(const ck_stats *s, const ck_stats_group *g, size_t top,
                             size_t *out) {
  size_t n = 0;
  for (size_t c = 0; c < s->ncriteria; c++) {
    ck_stats_share sc = ck_stats_share_of(s, g, c);
    if (sc.missing == 0)
      continue;
    /* insert by share (cross-multiplied, exact), then count, then order */
    size_t at = n;
    while (at > 0) {
      ck_stats_share so = ck_stats_share_of(s, g, out[at - 1]);
      uint64_t lhs = sc.missing * so.applicable; /* exact below 4e9 documents */
      uint64_t rhs = so.missing * sc.applicable;
      if (lhs > rhs || (lhs == rhs && sc.missing > so.missing))
        at--;
      else
        break;
    }
    if (at >= top)
      continue;
    size_t last = n < top ? n : top - 1;
    for (size_t k = last; k > at; k--)
      out[k] = out[k - 1];
    out[at] = c;
    if (n < top)
      n++;
  }
  return n;
}

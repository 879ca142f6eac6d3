/* circheck stats as text, CSV and JSON. Every figure is made from the raw
   counts and the options, nothing else, so merged shards render the bytes of
   one run. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "json_writer.h"
#include "proportion.h"
#include "report.h"
#include "stats.h"
#include "stats_groups.h"
#include "stats_html.h"

ck_stats_options ck_stats_options_default(void) {
  return (ck_stats_options){.by = CK_BY_PACK, .min_group = 30, .top_missing = 3};
}

bool ck_stats_format_available(ck_report_format f) {
  return f == CK_REPORT_TEXT || f == CK_REPORT_CSV || f == CK_REPORT_JSON ||
         f == CK_REPORT_HTML;
}

/* 12.3 for 0.1234; "-" when there is nothing to share. */
static void put_pct(ck_buf *b, uint64_t x, uint64_t n) {
  if (n == 0)
    ck_buf_puts(b, "-");
  else
    ck_buf_printf(b, "%.1f", 100.0 * (double)x / (double)n);
}

static void put_interval(ck_buf *b, ck_interval iv) {
  ck_buf_printf(b, "%.1f-%.1f", 100.0 * iv.low, 100.0 * iv.high);
}

/* A cell padded to 'width' columns (characters, not bytes). */
static void put_cell(ck_buf *b, const char *text, size_t width, bool right) {
  size_t chars = 0;
  for (const char *p = text; *p; p++)
    chars += ((unsigned char)*p & 0xC0) != 0x80;
  if (right)
    for (size_t i = chars; i < width; i++)
      ck_buf_putc(b, ' ');
  ck_buf_puts(b, text);
  if (!right)
    for (size_t i = chars; i < width; i++)
      ck_buf_putc(b, ' ');
}

static void cellf(ck_buf *b, size_t width, bool right, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void cellf(ck_buf *b, size_t width, bool right, const char *fmt, ...) {
  ck_buf t = CK_BUF_INIT;
  va_list ap;
  va_start(ap, fmt);
  ck_buf_vprintf(&t, fmt, ap);
  va_end(ap);
  put_cell(b, ck_buf_cstr(&t), width, right);
  ck_buf_free(&t);
}

static void pct_cell(ck_buf *b, uint64_t x, uint64_t n, size_t width) {
  ck_buf t = CK_BUF_INIT;
  put_pct(&t, x, n);
  put_cell(b, ck_buf_cstr(&t), width, true);
  ck_buf_free(&t);
}

static void text_criteria(const ck_stats *s, const ck_stats_group *all, ck_buf *b) {
  ck_buf_puts(b, "Criteria over all documents (found: pass or partial; missing: fail; "
                 "not-applicable left out)\n");
  put_cell(b, "criterion", 28, false);
  ck_buf_puts(b, "  applicable  found  missing  found %  95 % CI     missing %\n");
  for (size_t c = 0; c < s->ncriteria; c++) {
    ck_stats_share sh = ck_stats_share_of(s, all, c);
    put_cell(b, s->criteria[c], 28, false);
    cellf(b, 12, true, "%llu", (unsigned long long)sh.applicable);
    cellf(b, 7, true, "%llu", (unsigned long long)sh.found);
    cellf(b, 9, true, "%llu", (unsigned long long)sh.missing);
    pct_cell(b, sh.found, sh.applicable, 9);
    ck_buf_puts(b, "  ");
    ck_buf t = CK_BUF_INIT;
    if (sh.applicable)
      put_interval(&t, ck_wilson(sh.found, sh.applicable, CK_Z95));
    else
      ck_buf_puts(&t, "-");
    put_cell(b, ck_buf_cstr(&t), 11, false);
    ck_buf_free(&t);
    pct_cell(b, sh.missing, sh.applicable, 10);
    ck_buf_putc(b, '\n');
  }
  ck_stats_totals t = ck_stats_totals_of(s, all);
  ck_buf_printf(b, "\nEnvironment weighs at least 30 %% (FOA § 7-9): %llu of %llu compliant",
                (unsigned long long)t.env_compliant, (unsigned long long)t.env_applicable);
  if (t.env_applicable) {
    ck_buf_puts(b, ", ");
    put_pct(b, t.env_compliant, t.env_applicable);
    ck_buf_puts(b, " % (95 % CI ");
    put_interval(b, ck_wilson(t.env_compliant, t.env_applicable, CK_Z95));
    ck_buf_puts(b, ")");
  }
  ck_buf_puts(b, "\n");
}

static void text_groups(const ck_stats *s, const ck_stats_options *o, const ck_stats_group *g,
                        size_t n, ck_buf *b) {
  ck_buf_printf(b, "\nBy %s (* fewer than %u documents: read with care)\n",
                ck_stats_by_name(o->by), o->min_group);
  size_t width = 10;
  for (size_t i = 0; i < n; i++) {
    size_t len = 0;
    for (const char *p = g[i].key; *p; p++)
      len += ((unsigned char)*p & 0xC0) != 0x80;
    if (len + 2 > width)
      width = len + 2 > 48 ? 48 : len + 2;
  }
  put_cell(b, "group", width, false);
  ck_buf_puts(b, "  documents  § 7-9 %  found %  most often missing (missing %)\n");
  size_t *top = ck_xcalloc(o->top_missing + 1, sizeof *top);
  for (size_t i = 0; i < n; i++) {
    ck_stats_totals t = ck_stats_totals_of(s, &g[i]);
    ck_buf key = CK_BUF_INIT;
    ck_buf_printf(&key, "%s%s", g[i].key, g[i].documents < o->min_group ? " *" : "");
    put_cell(b, ck_buf_cstr(&key), width, false);
    ck_buf_free(&key);
    cellf(b, 11, true, "%llu", (unsigned long long)g[i].documents);
    pct_cell(b, t.env_compliant, t.env_applicable, 9);
    pct_cell(b, t.found, t.applicable, 9);
    ck_buf_puts(b, "  ");
    size_t k = ck_stats_most_missing(s, &g[i], o->top_missing, top);
    for (size_t j = 0; j < k; j++) {
      ck_stats_share sh = ck_stats_share_of(s, &g[i], top[j]);
      ck_buf_printf(b, "%s%s (", j ? ", " : "", s->criteria[top[j]]);
      put_pct(b, sh.missing, sh.applicable);
      ck_buf_puts(b, ")");
    }
    if (k == 0)
      ck_buf_puts(b, "-");
    ck_buf_putc(b, '\n');
  }
  free(top);
}

static void text_compare_row(ck_buf *b, const char *label, const ck_stats_compared *r) {
  put_cell(b, label, 28, false);
  cellf(b, 11, true, "%llu/%llu", (unsigned long long)r->xa, (unsigned long long)r->na);
  pct_cell(b, r->xa, r->na, 7);
  ck_buf_puts(b, "  ");
  ck_buf t = CK_BUF_INIT;
  put_interval(&t, r->a);
  put_cell(b, ck_buf_cstr(&t), 11, false);
  ck_buf_reset(&t);
  cellf(b, 11, true, "%llu/%llu", (unsigned long long)r->xb, (unsigned long long)r->nb);
  pct_cell(b, r->xb, r->nb, 7);
  ck_buf_puts(b, "  ");
  put_interval(&t, r->b);
  put_cell(b, ck_buf_cstr(&t), 11, false);
  ck_buf_reset(&t);
  if (r->na && r->nb) {
    cellf(b, 8, true, "%+.1f", 100.0 * r->change.estimate);
    ck_buf_puts(b, "  ");
    ck_buf_printf(&t, "%+.1f to %+.1f", 100.0 * r->change.low, 100.0 * r->change.high);
  } else {
    put_cell(b, "-", 8, true);
    ck_buf_puts(b, "  ");
    ck_buf_puts(&t, "-");
  }
  /* the last column is not padded: no spaces at the ends of lines */
  bool flags = r->clear || r->small;
  put_cell(b, ck_buf_cstr(&t), flags ? 16 : 0, false);
  ck_buf_free(&t);
  ck_buf_printf(b, "%s%s\n", r->clear ? "  clear" : "", r->small ? "  small" : "");
}

static void text_compare(const ck_stats *s, const ck_stats_options *o, const ck_stats_group *a,
                         const ck_stats_group *bg, ck_buf *b) {
  ck_buf_printf(b,
                "\nComparison by %s: A = %s (%llu documents), B = %s (%llu documents)\n"
                "Shares found (pass or partial) with 95 %% Wilson intervals; the change B - A "
                "in percentage points with Newcombe's interval.\nclear: the interval of the "
                "change leaves out 0; small: fewer than %u applicable in A or B.\n",
                ck_stats_by_name(o->by), a->key, (unsigned long long)a->documents, bg->key,
                (unsigned long long)bg->documents, o->min_group);
  put_cell(b, "criterion", 28, false);
  ck_buf_puts(b, "    A found      %  95 % CI       B found      %  95 % CI     change  95 % CI\n");
  ck_stats_compared r;
  for (size_t c = 0; c < s->ncriteria; c++) {
    ck_stats_comparison_row(s, a, bg, (long)c, o->min_group, &r);
    text_compare_row(b, s->criteria[c], &r);
  }
  ck_stats_comparison_row(s, a, bg, -1, o->min_group, &r);
  text_compare_row(b, "FOA § 7-9 compliant", &r);
}

static void render_text(const ck_stats *s, const ck_stats_options *o, const ck_stats_group *all,
                        const ck_stats_group *g, size_t n, const ck_stats_group *cmp[2],
                        ck_buf *b) {
  ck_buf_printf(b, "circheck stats: %llu documents\n\n",
                (unsigned long long)(all ? all->documents : 0));
  if (!all)
    return;
  text_criteria(s, all, b);
  text_groups(s, o, g, n, b);
  if (cmp[0])
    text_compare(s, o, cmp[0], cmp[1], b);
}

/* --- CSV ----------------------------------------------------------------------------- */

static void csv_row(ck_buf *b, const char *const *cells, size_t n) {
  for (size_t i = 0; i < n; i++) {
    if (i)
      ck_buf_putc(b, ',');
    ck_csv_field(b, cells[i], strlen(cells[i]));
  }
  ck_buf_puts(b, "\r\n");
}

static void csv_groups(const ck_stats *s, ck_stats_by by, unsigned min_group,
                       const ck_stats_group *g, size_t n, ck_buf *b) {
  for (size_t i = 0; i < n; i++)
    for (size_t c = 0; c < s->ncriteria; c++) {
      const uint64_t *k = &g[i].counts[c * CK_RESULT_STATUS_COUNT];
      ck_stats_share sh = ck_stats_share_of(s, &g[i], c);
      char num[9][24], share[3][16];
      snprintf(num[0], sizeof num[0], "%llu", (unsigned long long)g[i].documents);
      for (int st = 0; st < CK_RESULT_STATUS_COUNT; st++)
        snprintf(num[1 + st], sizeof num[1], "%llu", (unsigned long long)k[st]);
      snprintf(num[6], sizeof num[6], "%llu", (unsigned long long)sh.applicable);
      snprintf(num[7], sizeof num[7], "%llu", (unsigned long long)sh.found);
      snprintf(num[8], sizeof num[8], "%llu", (unsigned long long)sh.missing);
      ck_interval iv = ck_wilson(sh.found, sh.applicable, CK_Z95);
      if (sh.applicable) {
        snprintf(share[0], sizeof share[0], "%.4f", iv.estimate);
        snprintf(share[1], sizeof share[1], "%.4f", iv.low);
        snprintf(share[2], sizeof share[2], "%.4f", iv.high);
      } else {
        share[0][0] = share[1][0] = share[2][0] = '\0';
      }
      const char *cells[] = {ck_stats_by_name(by), g[i].key, num[0],
                             g[i].documents < min_group ? "yes" : "no", s->criteria[c],
                             s->categories[c], num[1], num[2], num[3], num[4], num[5], num[6],
                             num[7], num[8], share[0], share[1], share[2]};
      csv_row(b, cells, sizeof cells / sizeof *cells);
    }
}

static void render_csv(const ck_stats *s, const ck_stats_options *o, const ck_stats_group *all,
                       const ck_stats_group *g, size_t n, ck_buf *b) {
  const char *head[] = {"by",      "group",       "documents",      "small",      "criterion",
                        "category", "pass",       "partial",        "fail",       "error",
                        "not_applicable", "applicable", "found",    "missing",    "found_share",
                        "found_low", "found_high"};
  csv_row(b, head, sizeof head / sizeof *head);
  if (all)
    csv_groups(s, CK_BY_ALL, o->min_group, all, 1, b);
  if (o->by != CK_BY_ALL)
    csv_groups(s, o->by, o->min_group, g, n, b);
}

/* --- JSON ---------------------------------------------------------------------------- */

static void json_share(ck_json *j, const char *key, double v) {
  ck_json_key(j, key);
  ck_json_number(j, round(v * 1e4) / 1e4);
}

static void json_interval(ck_json *j, ck_interval iv, bool known) {
  if (!known) {
    ck_json_key(j, "share");
    ck_json_null(j);
    return;
  }
  json_share(j, "share", iv.estimate);
  json_share(j, "low", iv.low);
  json_share(j, "high", iv.high);
}

static void json_counts(const ck_stats *s, ck_json *j, const ck_stats_group *g) {
  ck_json_object(j);
  ck_json_kv(j, "key", g->key);
  ck_json_key(j, "documents");
  ck_json_uint(j, g->documents);
  ck_json_key(j, "counts");
  ck_json_object(j);
  for (size_t c = 0; c < s->ncriteria; c++) {
    ck_json_key(j, s->criteria[c]);
    j->compact = true; /* five numbers on one line */
    ck_json_array(j);
    for (int st = 0; st < CK_RESULT_STATUS_COUNT; st++)
      ck_json_uint(j, g->counts[c * CK_RESULT_STATUS_COUNT + (size_t)st]);
    ck_json_end_array(j);
    j->compact = false;
  }
  ck_json_end_object(j);
  ck_json_end_object(j);
}

static void json_indicators(const ck_stats *s, const ck_stats_options *o, ck_json *j,
                            const ck_stats_group *g) {
  ck_stats_totals t = ck_stats_totals_of(s, g);
  ck_json_object(j);
  ck_json_kv(j, "key", g->key);
  ck_json_key(j, "documents");
  ck_json_uint(j, g->documents);
  ck_json_key(j, "small");
  ck_json_bool(j, g->documents < o->min_group);
  ck_json_key(j, "compliance");
  ck_json_object(j);
  ck_json_key(j, "compliant");
  ck_json_uint(j, t.env_compliant);
  ck_json_key(j, "applicable");
  ck_json_uint(j, t.env_applicable);
  json_interval(j, ck_wilson(t.env_compliant, t.env_applicable, CK_Z95), t.env_applicable > 0);
  ck_json_end_object(j);
  ck_json_key(j, "criteria");
  ck_json_array(j);
  for (size_t c = 0; c < s->ncriteria; c++) {
    ck_stats_share sh = ck_stats_share_of(s, g, c);
    ck_json_object(j);
    ck_json_kv(j, "id", s->criteria[c]);
    ck_json_key(j, "applicable");
    ck_json_uint(j, sh.applicable);
    ck_json_key(j, "found");
    ck_json_uint(j, sh.found);
    ck_json_key(j, "missing");
    ck_json_uint(j, sh.missing);
    json_interval(j, ck_wilson(sh.found, sh.applicable, CK_Z95), sh.applicable > 0);
    ck_json_end_object(j);
  }
  ck_json_end_array(j);
  ck_json_key(j, "most_missing");
  ck_json_array(j);
  size_t *top = ck_xcalloc(o->top_missing + 1, sizeof *top);
  size_t k = ck_stats_most_missing(s, g, o->top_missing, top);
  for (size_t i = 0; i < k; i++)
    ck_json_string(j, s->criteria[top[i]]);
  free(top);
  ck_json_end_array(j);
  ck_json_end_object(j);
}

static void json_compare_row(ck_json *j, const char *id, const ck_stats_compared *r) {
  ck_json_object(j);
  ck_json_kv(j, "id", id);
  const char *side[2] = {"a", "b"};
  for (int k = 0; k < 2; k++) {
    ck_json_key(j, side[k]);
    ck_json_object(j);
    ck_json_key(j, "found");
    ck_json_uint(j, k ? r->xb : r->xa);
    ck_json_key(j, "applicable");
    ck_json_uint(j, k ? r->nb : r->na);
    json_interval(j, k ? r->b : r->a, (k ? r->nb : r->na) > 0);
    ck_json_end_object(j);
  }
  ck_json_key(j, "change");
  ck_json_object(j);
  bool known = r->na && r->nb;
  if (known) {
    json_share(j, "estimate", r->change.estimate);
    json_share(j, "low", r->change.low);
    json_share(j, "high", r->change.high);
  } else {
    ck_json_key(j, "estimate");
    ck_json_null(j);
  }
  ck_json_end_object(j);
  ck_json_key(j, "clear");
  ck_json_bool(j, r->clear);
  ck_json_key(j, "small");
  ck_json_bool(j, r->small);
  ck_json_end_object(j);
}

static void render_json(const ck_stats *s, const ck_stats_options *o, const ck_stats_group *all,
                        const ck_stats_group *g, size_t n, const ck_stats_group *cmp[2],
                        ck_buf *b) {
  ck_json j;
  ck_json_init(&j, b);
  ck_json_object(&j);
  ck_json_key(&j, "tool");
  ck_json_object(&j);
  ck_json_kv(&j, "name", "circheck");
  ck_json_kv(&j, "version", ck_version());
  ck_json_end_object(&j);
  /* the raw counts: what --merge adds up */
  ck_json_key(&j, "statistics");
  ck_json_object(&j);
  ck_json_key(&j, "statuses");
  j.compact = true;
  ck_json_array(&j);
  for (int st = 0; st < CK_RESULT_STATUS_COUNT; st++)
    ck_json_string(&j, ck_result_status_name((ck_result_status)st));
  ck_json_end_array(&j);
  j.compact = false;
  ck_json_key(&j, "groups");
  ck_json_object(&j);
  for (int by = 0; by < CK_STORED_BY; by++) {
    size_t k;
    ck_stats_group *view = ck_stats_view(s, (ck_stats_by)by, &k);
    ck_json_key(&j, ck_stats_by_name((ck_stats_by)by));
    ck_json_array(&j);
    for (size_t i = 0; i < k; i++)
      json_counts(s, &j, &view[i]);
    ck_json_end_array(&j);
    ck_stats_view_free(s, view, k);
  }
  ck_json_end_object(&j);
  ck_json_end_object(&j);
  /* what they say */
  ck_json_key(&j, "indicators");
  ck_json_object(&j);
  ck_json_kv(&j, "by", ck_stats_by_name(o->by));
  ck_json_key(&j, "min_group");
  ck_json_uint(&j, o->min_group);
  ck_json_key(&j, "confidence");
  ck_json_number(&j, 0.95);
  ck_json_key(&j, "all");
  if (all)
    json_indicators(s, o, &j, all);
  else
    ck_json_null(&j);
  ck_json_key(&j, "groups");
  ck_json_array(&j);
  for (size_t i = 0; i < n; i++)
    json_indicators(s, o, &j, &g[i]);
  ck_json_end_array(&j);
  ck_json_end_object(&j);
  if (cmp[0]) {
    ck_json_key(&j, "comparison");
    ck_json_object(&j);
    ck_json_kv(&j, "by", ck_stats_by_name(o->by));
    ck_json_kv(&j, "a", cmp[0]->key);
    ck_json_kv(&j, "b", cmp[1]->key);
    ck_json_key(&j, "criteria");
    ck_json_array(&j);
    ck_stats_compared r;
    for (size_t c = 0; c < s->ncriteria; c++) {
      ck_stats_comparison_row(s, cmp[0], cmp[1], (long)c, o->min_group, &r);
      json_compare_row(&j, s->criteria[c], &r);
    }
    ck_json_end_array(&j);
    ck_json_key(&j, "compliance");
    ck_stats_comparison_row(s, cmp[0], cmp[1], -1, o->min_group, &r);
    json_compare_row(&j, "award.environment-weight", &r);
    ck_json_end_object(&j);
  }
  ck_json_end_object(&j);
}

ck_status ck_stats_render(const ck_stats *s, ck_report_format format,
                          const ck_stats_options *o, char **out, size_t *len,
                          ck_diags *diags) {
  *out = NULL;
  *len = 0;
  if (!ck_stats_format_available(format)) {
    ck_diags_add(diags, CK_DIAG_ERROR, NULL, 0, 0,
                 "format '%s' has no statistics form (text, csv, json, html)",
                 ck_report_format_name(format));
    return CK_ERR_USAGE;
  }
  size_t n, nall;
  ck_stats_group *g = ck_stats_view(s, o->by, &n);
  ck_stats_group *all = ck_stats_view(s, CK_BY_ALL, &nall);
  const ck_stats_group *cmp[2] = {NULL, NULL};
  for (int k = 0; k < 2 && o->compare[0]; k++) {
    cmp[k] = ck_stats_find(g, n, o->compare[k]);
    if (!cmp[k]) {
      ck_diags_add(diags, CK_DIAG_ERROR, NULL, 0, 0,
                   "--compare: no documents in %s group '%s'", ck_stats_by_name(o->by),
                   o->compare[k]);
      ck_stats_view_free(s, g, n);
      ck_stats_view_free(s, all, nall);
      return CK_ERR_USAGE;
    }
  }
  ck_buf b = CK_BUF_INIT;
  const ck_stats_group *whole = nall ? &all[0] : NULL;
  switch (format) {
  case CK_REPORT_TEXT:
    render_text(s, o, whole, g, n, cmp, &b);
    break;
  case CK_REPORT_CSV:
    render_csv(s, o, whole, g, n, &b);
    break;
  case CK_REPORT_JSON:
    render_json(s, o, whole, g, n, cmp, &b);
    break;
  default:
    ck_stats_render_html(s, o, whole, g, n, cmp, &b);
    break;
  }
  ck_stats_view_free(s, g, n);
  ck_stats_view_free(s, all, nall);
  *len = b.len;
  *out = ck_buf_detach(&b);
  return CK_OK;
}

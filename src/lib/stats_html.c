/* circheck stats as one self-contained HTML page: tables and inline SVG
   charts (bars per criterion, bars per group, a line per criterion over the
   months). No script and nothing fetched: it reads the same offline, printed
   or mailed. */
#include <string.h>

#include "report.h"
#include "stats_groups.h"
#include "stats_html.h"

static const char *const palette[] = {"#1b6b3a", "#2b6cb0", "#b7791f", "#9b2c2c", "#6b46c1",
                                      "#2c7a7b", "#c05621", "#4a5568", "#b83280", "#276749"};
enum { PALETTE = sizeof palette / sizeof *palette };

static void esc(ck_buf *b, const char *s) { ck_escape_xml(s, strlen(s), b); }

static void pct(ck_buf *b, uint64_t x, uint64_t n) {
  if (n == 0)
    ck_buf_puts(b, "–");
  else
    ck_buf_printf(b, "%.1f %%", 100.0 * (double)x / (double)n);
}

static void interval(ck_buf *b, ck_interval iv, bool known) {
  if (!known)
    ck_buf_puts(b, "–");
  else
    ck_buf_printf(b, "%.1f–%.1f", 100.0 * iv.low, 100.0 * iv.high);
}

/* Horizontal bars: one row per label, the share found (pass dark, partial
   light when 'split'), the figure after the bar. */
typedef struct bar {
  const char *label;
  uint64_t pass, found, applicable;
  bool small;
} bar;

static void bar_chart(ck_buf *b, const char *title, const bar *rows, size_t n, bool split) {
  const int label_w = 230, bar_w = 380, row_h = 20, top = 28;
  int height = top + (int)n * row_h + 24;
  ck_buf_printf(b,
                "<figure><svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"%d\" "
                "height=\"%d\" viewBox=\"0 0 %d %d\"><title>",
                label_w + bar_w + 90, height, label_w + bar_w + 90, height);
  esc(b, title);
  ck_buf_puts(b, "</title>");
  for (int t = 0; t <= 100; t += 25) {
    int x = label_w + bar_w * t / 100;
    ck_buf_printf(b,
                  "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#ddd\"/>"
                  "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%d %%</text>",
                  x, top - 6, x, top + (int)n * row_h, x, top - 10, t);
  }
  for (size_t i = 0; i < n; i++) {
    int y = top + (int)i * row_h;
    const bar *r = &rows[i];
    double found = r->applicable ? (double)r->found / (double)r->applicable : 0;
    double pass = r->applicable ? (double)r->pass / (double)r->applicable : 0;
    ck_buf_printf(b, "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"end\">",
                  label_w - 6, y + 14);
    esc(b, r->label);
    ck_buf_printf(b, "%s</text>", r->small ? " *" : "");
    ck_buf_printf(b,
                  "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>",
                  label_w, y + 3, bar_w * found, row_h - 6, split ? "#9ae6b4" : "#2b6cb0");
    if (split)
      ck_buf_printf(b, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"#1b6b3a\"/>",
                    label_w, y + 3, bar_w * pass, row_h - 6);
    ck_buf_printf(b, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\">", label_w + bar_w * found + 4,
                  y + 14);
    pct(b, r->found, r->applicable);
    ck_buf_printf(b, " (%llu)</text>", (unsigned long long)r->applicable);
  }
  ck_buf_puts(b, "</svg><figcaption>");
  esc(b, title);
  ck_buf_puts(b, "</figcaption></figure>\n");
}

/* A line per criterion found at least once, over the months (unknown
   months left out), with a legend. */
static void time_chart(const ck_stats *s, ck_buf *b) {
  size_t n;
  ck_stats_group *months = ck_stats_view(s, CK_BY_MONTH, &n);
  size_t known = 0;
  while (known < n && strcmp(months[known].key, "unknown") != 0)
    known++;
  if (known < 2) {
    ck_buf_puts(b, "<p>Fewer than two months with a known date: no chart over time.</p>\n");
    ck_stats_view_free(s, months, n);
    return;
  }
  const int left = 50, width = 560, top = 20, height = 260;
  size_t shown = 0;
  for (size_t c = 0; c < s->ncriteria; c++) {
    uint64_t found = 0;
    for (size_t m = 0; m < known; m++)
      found += ck_stats_share_of(s, &months[m], c).found;
    shown += found > 0;
  }
  int legend_h = (int)shown * 16 + 10;
  int total_h = top + height + 40 + legend_h;
  ck_buf_printf(b,
                "<figure><svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"%d\" "
                "height=\"%d\" viewBox=\"0 0 %d %d\"><title>Share found per criterion by "
                "month</title>",
                left + width + 40, total_h, left + width + 40, total_h);
  for (int t = 0; t <= 100; t += 25) {
    int y = top + height - height * t / 100;
    ck_buf_printf(b,
                  "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#ddd\"/>"
                  "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"end\">%d %%</text>",
                  left, y, left + width, y, left - 4, y + 4, t);
  }
  for (size_t m = 0; m < known; m++) {
    int x = left + (int)((double)width * (double)m / (double)(known - 1));
    ck_buf_printf(b, "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">", x,
                  top + height + 16);
    esc(b, months[m].key);
    ck_buf_printf(b, "</text><text x=\"%d\" y=\"%d\" font-size=\"10\" "
                     "text-anchor=\"middle\" fill=\"#666\">n=%llu</text>",
                  x, top + height + 30, (unsigned long long)months[m].documents);
  }
  size_t line = 0;
  for (size_t c = 0; c < s->ncriteria; c++) {
    uint64_t found = 0;
    for (size_t m = 0; m < known; m++)
      found += ck_stats_share_of(s, &months[m], c).found;
    if (!found)
      continue;
    const char *colour = palette[line % PALETTE];
    const char *dash = line / PALETTE % 2 ? " stroke-dasharray=\"5 3\"" : "";
    ck_buf_printf(b, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s points=\"",
                  colour, dash);
    for (size_t m = 0; m < known; m++) {
      ck_stats_share sh = ck_stats_share_of(s, &months[m], c);
      double share = sh.applicable ? (double)sh.found / (double)sh.applicable : 0;
      ck_buf_printf(b, "%s%.1f,%.1f", m ? " " : "",
                    left + (double)width * (double)m / (double)(known - 1),
                    top + height - height * share);
    }
    ck_buf_puts(b, "\"/>");
    int ly = top + height + 48 + (int)line * 16;
    ck_buf_printf(b,
                  "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" "
                  "stroke-width=\"2\"%s/><text x=\"%d\" y=\"%d\" font-size=\"11\">",
                  left, ly - 4, left + 24, ly - 4, colour, dash, left + 30, ly);
    esc(b, s->criteria[c]);
    ck_buf_puts(b, "</text>");
    line++;
  }
  ck_buf_puts(b, "</svg><figcaption>Share found (pass or partial) per criterion, by month; "
                 "criteria never found are left out.</figcaption></figure>\n");
  ck_stats_view_free(s, months, n);
}

static void criteria_table(const ck_stats *s, const ck_stats_group *all, ck_buf *b) {
  ck_buf_puts(b, "<table><thead><tr><th>Criterion</th><th>Applicable</th><th>Pass</th>"
                 "<th>Partial</th><th>Missing</th><th>Found</th><th>95 % CI</th></tr></thead>"
                 "<tbody>\n");
  for (size_t c = 0; c < s->ncriteria; c++) {
    ck_stats_share sh = ck_stats_share_of(s, all, c);
    ck_buf_puts(b, "<tr><td>");
    esc(b, s->criteria[c]);
    ck_buf_printf(b, "</td><td>%llu</td><td>%llu</td><td>%llu</td><td>%llu</td><td>",
                  (unsigned long long)sh.applicable, (unsigned long long)sh.pass,
                  (unsigned long long)(sh.found - sh.pass), (unsigned long long)sh.missing);
    pct(b, sh.found, sh.applicable);
    ck_buf_puts(b, "</td><td>");
    interval(b, ck_wilson(sh.found, sh.applicable, CK_Z95), sh.applicable > 0);
    ck_buf_puts(b, "</td></tr>\n");
  }
  ck_buf_puts(b, "</tbody></table>\n");
}

static void groups_table(const ck_stats *s, const ck_stats_options *o, const ck_stats_group *g,
                         size_t n, ck_buf *b) {
  ck_buf_puts(b, "<table><thead><tr><th>Group</th><th>Documents</th><th>§ 7-9 compliant</th>"
                 "<th>Found</th><th>Most often missing</th></tr></thead><tbody>\n");
  size_t *top = ck_xcalloc(o->top_missing + 1, sizeof *top);
  for (size_t i = 0; i < n; i++) {
    ck_stats_totals t = ck_stats_totals_of(s, &g[i]);
    bool small = g[i].documents < o->min_group;
    ck_buf_printf(b, "<tr%s><td>", small ? " class=\"small\"" : "");
    esc(b, g[i].key);
    ck_buf_printf(b, "%s</td><td>%llu</td><td>", small ? " *" : "",
                  (unsigned long long)g[i].documents);
    pct(b, t.env_compliant, t.env_applicable);
    ck_buf_puts(b, "</td><td>");
    pct(b, t.found, t.applicable);
    ck_buf_puts(b, "</td><td>");
    size_t k = ck_stats_most_missing(s, &g[i], o->top_missing, top);
    for (size_t j = 0; j < k; j++) {
      ck_stats_share sh = ck_stats_share_of(s, &g[i], top[j]);
      if (j)
        ck_buf_puts(b, ", ");
      esc(b, s->criteria[top[j]]);
      ck_buf_puts(b, " (");
      pct(b, sh.missing, sh.applicable);
      ck_buf_puts(b, ")");
    }
    ck_buf_puts(b, "</td></tr>\n");
  }
  free(top);
  ck_buf_puts(b, "</tbody></table>\n");
}

static void compare_row(ck_buf *b, const char *label, const ck_stats_compared *r) {
  ck_buf_printf(b, "<tr%s><td>", r->small ? " class=\"small\"" : "");
  esc(b, label);
  ck_buf_printf(b, "</td><td>%llu/%llu</td><td>", (unsigned long long)r->xa,
                (unsigned long long)r->na);
  pct(b, r->xa, r->na);
  ck_buf_puts(b, " (");
  interval(b, r->a, r->na > 0);
  ck_buf_printf(b, ")</td><td>%llu/%llu</td><td>", (unsigned long long)r->xb,
                (unsigned long long)r->nb);
  pct(b, r->xb, r->nb);
  ck_buf_puts(b, " (");
  interval(b, r->b, r->nb > 0);
  ck_buf_puts(b, ")</td><td>");
  if (r->na && r->nb)
    ck_buf_printf(b, "%+.1f (%+.1f to %+.1f)", 100.0 * r->change.estimate,
                  100.0 * r->change.low, 100.0 * r->change.high);
  else
    ck_buf_puts(b, "–");
  ck_buf_printf(b, "</td><td>%s%s</td></tr>\n", r->clear ? "clear " : "",
                r->small ? "small" : "");
}

void ck_stats_render_html(const ck_stats *s, const ck_stats_options *o, const ck_stats_group *all,
                          const ck_stats_group *g, size_t n, const ck_stats_group *cmp[2],
                          ck_buf *b) {
  ck_buf_puts(b,
              "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
              "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
              "<title>circheck stats</title><style>\n"
              "body{font-family:system-ui,sans-serif;margin:2em auto;max-width:62em;"
              "padding:0 1em;color:#1a202c}\n"
              "table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #cbd5e0;"
              "padding:.25em .5em;text-align:left;font-size:.9em}\n"
              "td:nth-child(n+2){text-align:right}td:last-child{text-align:left}"
              "tr.small{color:#718096}\n"
              "figure{margin:1.5em 0}figcaption{font-size:.9em;color:#4a5568}\n"
              "@media print{body{margin:0}figure,table{break-inside:avoid}}\n"
              "</style></head><body>\n<h1>circheck stats</h1>\n");
  uint64_t docs = all ? all->documents : 0;
  ck_buf_printf(b, "<p>%llu documents. Found: the criterion passes or is partial; missing: it "
                   "fails; documents where it does not apply are left out. Intervals are 95 %% "
                   "Wilson intervals. Groups of fewer than %u documents are marked * and "
                   "grey.</p>\n",
                (unsigned long long)docs, o->min_group);
  if (!all) {
    ck_buf_puts(b, "</body></html>\n");
    return;
  }
  ck_stats_totals t = ck_stats_totals_of(s, all);
  ck_buf_printf(b, "<p><strong>Environment weighs at least 30 %% (FOA § 7-9):</strong> %llu of "
                   "%llu compliant, ",
                (unsigned long long)t.env_compliant, (unsigned long long)t.env_applicable);
  pct(b, t.env_compliant, t.env_applicable);
  ck_buf_puts(b, " (95 % CI ");
  interval(b, ck_wilson(t.env_compliant, t.env_applicable, CK_Z95), t.env_applicable > 0);
  ck_buf_puts(b, ").</p>\n<h2 id=\"criteria\">Criteria</h2>\n");
  bar *rows = ck_xcalloc(s->ncriteria + n + 1, sizeof *rows);
  for (size_t c = 0; c < s->ncriteria; c++) {
    ck_stats_share sh = ck_stats_share_of(s, all, c);
    rows[c] = (bar){s->criteria[c], sh.pass, sh.found, sh.applicable, false};
  }
  bar_chart(b, "Share of documents where each criterion is found (dark: pass, light: partial)",
            rows, s->ncriteria, true);
  criteria_table(s, all, b);
  ck_buf_printf(b, "<h2 id=\"groups\">By %s</h2>\n", ck_stats_by_name(o->by));
  size_t shown = n < 40 ? n : 40;
  for (size_t i = 0; i < shown; i++) {
    ck_stats_totals gt = ck_stats_totals_of(s, &g[i]);
    rows[i] = (bar){g[i].key, 0, gt.found, gt.applicable, g[i].documents < o->min_group};
  }
  ck_buf bar_title = CK_BUF_INIT;
  ck_buf_printf(&bar_title, "Share of applicable criteria found, by %s%s",
                ck_stats_by_name(o->by), shown < n ? " (the first 40 groups)" : "");
  bar_chart(b, ck_buf_cstr(&bar_title), rows, shown, false);
  ck_buf_free(&bar_title);
  free(rows);
  groups_table(s, o, g, n, b);
  ck_buf_puts(b, "<h2 id=\"over-time\">Over time</h2>\n");
  time_chart(s, b);
  if (cmp[0]) {
    ck_buf_printf(b, "<h2 id=\"comparison\">Comparison by %s: A = ", ck_stats_by_name(o->by));
    esc(b, cmp[0]->key);
    ck_buf_puts(b, ", B = ");
    esc(b, cmp[1]->key);
    ck_buf_puts(b, "</h2>\n<p>Change B − A in percentage points with Newcombe's 95 % interval; "
                   "clear: the interval leaves out 0; small: fewer applicable than the "
                   "threshold in A or B.</p>\n<table><thead><tr><th>Criterion</th><th>A found</th>"
                   "<th>A share (CI)</th><th>B found</th><th>B share (CI)</th><th>Change (CI)</th>"
                   "<th>Note</th></tr></thead><tbody>\n");
    ck_stats_compared r;
    for (size_t c = 0; c < s->ncriteria; c++) {
      ck_stats_comparison_row(s, cmp[0], cmp[1], (long)c, o->min_group, &r);
      compare_row(b, s->criteria[c], &r);
    }
    ck_stats_comparison_row(s, cmp[0], cmp[1], -1, o->min_group, &r);
    compare_row(b, "FOA § 7-9 compliant", &r);
    ck_buf_puts(b, "</tbody></table>\n");
  }
  ck_buf_puts(b, "</body></html>\n");
}

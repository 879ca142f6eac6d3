/* The CSV report, for spreadsheets and scripts: a header row, then one row
 * per rule result of every document and of every lot of a notice
 * (not-applicable ones too, so a filter can count them). Fields go through
 * libcsv's writer, which quotes each one; rows end in CRLF as RFC 4180 asks.
 * Column names are stable identifiers (like JSON keys); statuses and reasons
 * are their machine names, the message and clause are in the report
 * language. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render_parts.h"
#include "report.h"

/* The first nine are the contract; later ones may be added, never moved. */
static const char *const columns[] = {
    "document", "lot",       "rule",      "criterion",    "status",  "reason",
    "line",     "evidence",  "clause_id", "column",       "section", "category",
    "message",  "placement", "clause",    "verification", "xpath",     "superseded_by",
    "fix_rank", "fix",      "waiver_reason", "baseline",
};

static void field(ck_buf *out, const char *s, bool first) {
  if (!first)
    ck_buf_putc(out, ',');
  ck_csv_field(out, s, strlen(s));
}

/* The position of 'r' in the list of what to fix first (1 = most urgent)
   when it decides its criterion's verdict, else 0; 'order' holds the
   criteria's indices as ck_fix_first() gives them. */
static size_t fix_rank(const ck_criterion_result *criteria, const size_t *order, size_t n,
                       const ck_result *r, ck_fix_kind *kind) {
  for (size_t k = 0; k < n; k++)
    if (criteria[order[k]].best == r) {
      *kind = ck_criterion_fix_kind(&criteria[order[k]]);
      return k + 1;
    }
  return 0;
}

static void row(ck_buf *out, const ck_doc_result *dr, const char *lot, const ck_result *r,
                const ck_criterion_result *criteria, const size_t *order, size_t nfix) {
  const ck_evidence *e = r->nevidence ? &r->evidence[0] : NULL;
  char line[16] = "", col[16] = "";
  if (e) {
    snprintf(line, sizeof line, "%u", e->line);
    snprintf(col, sizeof col, "%u", e->col);
  }
  ck_buf clause_id = CK_BUF_INIT;
  if (r->clause)
    ck_put_clause_id(&clause_id, r->rule);
  field(out, dr->path, true);
  field(out, lot, false);
  field(out, r->rule->id, false);
  field(out, r->rule->criterion->id, false);
  field(out, ck_result_shown_status(r), false);
  field(out, ck_reason_name(r->reason), false);
  field(out, line, false);
  field(out, e ? e->text : "", false);
  field(out, ck_buf_cstr(&clause_id), false);
  field(out, col, false);
  field(out, e ? e->section : "", false);
  field(out, r->rule->criterion->category, false);
  field(out, r->message, false);
  field(out, r->clause ? ck_placement_name(r->rule->clause.placement) : "", false);
  field(out, r->clause ? r->clause : "", false);
  field(out, r->verify ? r->verify : "", false);
  field(out, e && e->xpath ? e->xpath : "", false);
  field(out, r->superseded_by ? r->superseded_by->rule->id : "", false);
  ck_fix_kind kind = CK_FIX_NONE;
  size_t rank = fix_rank(criteria, order, nfix, r, &kind);
  char rank_text[24] = "";
  if (rank)
    snprintf(rank_text, sizeof rank_text, "%zu", rank);
  field(out, rank_text, false);
  field(out, rank ? ck_fix_kind_name(kind) : "", false);
  field(out, r->waiver ? r->waiver->reason : "", false);
  field(out, ck_baseline_state_name(r->baseline), false);
  ck_buf_puts(out, "\r\n");
  ck_buf_free(&clause_id);
}

/* A document's own rows have an empty lot; with lots they roll the lots
   up, and each lot's rows follow with its id. */
static void document_part(const ck_report *report, size_t d, const void *ctx, ck_buf *part) {
  (void)ctx;
  const ck_doc_result *dr = report->docs[d];
  size_t *order = ck_xcalloc(dr->ncriteria ? dr->ncriteria : 1, sizeof *order);
  size_t nfix = ck_fix_first(dr->criteria, dr->ncriteria, order);
  for (size_t i = 0; i < dr->nresults; i++)
    row(part, dr, "", &dr->results[i], dr->criteria, order, nfix);
  for (size_t l = 0; l < dr->nlots; l++) {
    const ck_lot_result *lr = &dr->lots[l];
    nfix = ck_fix_first(lr->criteria, lr->ncriteria, order);
    for (size_t i = 0; i < lr->nresults; i++)
      row(part, dr, lr->id, &lr->results[i], lr->criteria, order, nfix);
  }
  free(order);
}

void ck_render_csv(const ck_report *report, const ck_render_options *opts,
                   ck_render_out *to) {
  ck_buf *out = &to->buf;
  for (size_t i = 0; i < sizeof columns / sizeof *columns; i++)
    field(out, columns[i], i == 0);
  ck_buf_puts(out, "\r\n");
  ck_render_parts(report, opts->jobs, document_part, NULL, NULL, NULL, to);
}

/* The text report: compiler-style lines ("file:line:col: partial: criterion:
 * message [rule]") that editors and CI logs link to, the evidence sentence,
 * the clause to add, and a summary table per document. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "messages.h"
#include "render_parts.h"
#include "report.h"

#define ANSI_RESET "\033[0m"
#define ANSI_BOLD "\033[1m"

static const char *const status_colour[CK_RESULT_STATUS_COUNT] = {
    [CK_STATUS_PASS] = "\033[32m", [CK_STATUS_PARTIAL] = "\033[33m",
    [CK_STATUS_FAIL] = "\033[31m", [CK_STATUS_ERROR] = "\033[1;31m",
    [CK_STATUS_NOT_APPLICABLE] = "\033[2m"};

#define ANSI_WAIVED "\033[36m"

static void put_status(ck_buf *out, const ck_result *r, bool colour) {
  if (colour)
    ck_buf_puts(out, r->waiver ? ANSI_WAIVED : status_colour[r->status]);
  ck_buf_puts(out, ck_result_shown_status(r));
  if (colour)
    ck_buf_puts(out, ANSI_RESET);
}

/* "    waiver (.circheck.yml:4:5, until 2027-06-30): reason" */
static void waiver_text(ck_buf *out, ck_msg_lang lang, const ck_result_waiver *w) {
  ck_buf_printf(out, "    %s (%s:%u:%u", ck_msg(lang, CK_MSG_WAIVER), w->file, w->line, w->col);
  if (w->expires[0])
    ck_buf_printf(out, ", %s %s", lang == CK_MSG_EN ? "until" : "til", w->expires);
  ck_buf_printf(out, "): %s\n", w->reason);
}

static size_t display_width(const char *s) {
  size_t n = 0;
  for (; *s; s++)
    n += ((unsigned char)*s & 0xC0) != 0x80;
  return n;
}

static void pad(ck_buf *out, const char *s, size_t width) {
  ck_buf_puts(out, s);
  for (size_t w = display_width(s); w < width; w++)
    ck_buf_putc(out, ' ');
}

static void evidence_text(ck_buf *out, const ck_evidence *e, bool colour) {
  ck_buf_puts(out, "    | ");
  /* Bidirectional controls are shown as "<U+202E>": quoted evidence must
     not reorder itself on the reader's screen. */
  if (colour) {
    ck_put_visible(out, e->text, e->hl_start);
    ck_buf_puts(out, ANSI_BOLD);
    ck_put_visible(out, e->text + e->hl_start, e->hl_end - e->hl_start);
    ck_buf_puts(out, ANSI_RESET);
    ck_put_visible(out, e->text + e->hl_end, strlen(e->text + e->hl_end));
  } else {
    ck_put_visible(out, e->text, strlen(e->text));
  }
  ck_buf_putc(out, '\n');
}

/* 'path' is the document's path as shown (ck_buf_put_printable): a name
   with a newline must not forge a line of the report. */
static void result_text(ck_buf *out, const ck_doc_result *dr, const char *path,
                        const ck_result *r, bool colour) {
  ck_msg_lang lang = dr->msg_lang;
  const ck_evidence *first = r->nevidence ? &r->evidence[0] : NULL;
  ck_buf_puts(out, path);
  if (first)
    ck_buf_printf(out, ":%u:%u", first->line, first->col);
  ck_buf_puts(out, ": ");
  if (r->superseded_by) {
    /* not the verdict: the criterion is met better by another rule */
    ck_buf_printf(out, "note: %s: %s [%s]; ", r->rule->criterion->id, r->message, r->rule->id);
    ck_msg_fill(lang, CK_MSG_SUPERSEDED, r->superseded_by->rule->id, out);
    ck_buf_printf(out, " (%s)\n", ck_status_label(lang, r->superseded_by->status));
  } else {
    put_status(out, r, colour);
    ck_buf_printf(out, ": %s: %s [%s]\n", r->rule->criterion->id, r->message, r->rule->id);
  }
  if (r->waiver)
    waiver_text(out, lang, r->waiver);
  for (size_t e = 0; e < r->nevidence; e++) {
    const ck_evidence *ev = &r->evidence[e];
    if (e > 0)
      ck_buf_printf(out, "    %s:%u:%u:\n", path, ev->line, ev->col);
    evidence_text(out, ev, colour);
    if (ev->section[0])
      ck_buf_printf(out, "    %s: %s\n", ck_msg(lang, CK_MSG_SECTION), ev->section);
  }
}

/* What to change, most urgent first (ck_fix_first), each with its clause:
   what an officer reads before the lines that point into the document. */
static void fix_first_text(ck_buf *out, const ck_doc_result *dr,
                           const ck_criterion_result *criteria, size_t ncriteria, bool colour) {
  ck_msg_lang lang = dr->msg_lang;
  size_t *order = ck_xcalloc(ncriteria ? ncriteria : 1, sizeof *order);
  size_t n = ck_fix_first(criteria, ncriteria, order);
  if (n)
    ck_buf_printf(out, "%s (%zu):\n", ck_msg(lang, CK_MSG_FIX_FIRST), n);
  for (size_t k = 0; k < n; k++) {
    const ck_criterion_result *c = &criteria[order[k]];
    const ck_result *r = c->best;
    ck_buf_printf(out, "%3zu. %s: ", k + 1, ck_fix_label(lang, ck_criterion_fix_kind(c)));
    put_status(out, r, colour);
    ck_buf_printf(out, ": %s: %s [%s]\n", c->criterion->id, r->message, r->rule->id);
    if (r->clause) {
      ck_buf_printf(out, "     %s (%s): %s\n", ck_msg(lang, CK_MSG_SUGGESTED_CLAUSE),
                    ck_placement_label(lang, r->rule->clause.placement), r->clause);
      if (r->verify)
        ck_buf_printf(out, "     %s: %s\n", ck_msg(lang, CK_MSG_VERIFICATION), r->verify);
    }
  }
  if (n)
    ck_buf_putc(out, '\n');
  free(order);
}

static int by_position(const void *a, const void *b) {
  const ck_result *x = *(const ck_result *const *)a, *y = *(const ck_result *const *)b;
  bool xe = x->nevidence > 0, ye = y->nevidence > 0;
  if (xe != ye)
    return xe ? -1 : 1;
  if (xe) {
    const ck_evidence *p = &x->evidence[0], *q = &y->evidence[0];
    if (p->line != q->line)
      return p->line < q->line ? -1 : 1;
    if (p->col != q->col)
      return p->col < q->col ? -1 : 1;
  }
  return strcmp(x->rule->id, y->rule->id);
}

/* Findings with evidence come first in the order of the document, like a
   compiler's; then what is missing, by rule id. */
static void results_text(ck_buf *out, const ck_doc_result *dr, const char *path,
                         const ck_result *results, size_t nresults, const ck_render_options *o) {
  const ck_result **order = ck_xcalloc(nresults ? nresults : 1, sizeof *order);
  size_t n = 0, in_baseline = 0;
  for (size_t i = 0; i < nresults; i++) {
    const ck_result *r = &results[i];
    if (r->baseline == CK_BASELINE_UNCHANGED)
      in_baseline++; /* reported before: only what is new or worse is shown */
    else if (r->status != CK_STATUS_NOT_APPLICABLE || o->show_all)
      order[n++] = r;
  }
  qsort(order, n, sizeof *order, by_position);
  for (size_t i = 0; i < n; i++)
    result_text(out, dr, path, order[i], o->color);
  free(order);
  if (in_baseline) {
    char count[32];
    snprintf(count, sizeof count, "%zu", in_baseline);
    ck_buf_puts(out, "    ");
    ck_template_values v = {.found = count};
    ck_fill_template(ck_msg(dr->msg_lang, CK_MSG_BASELINE_HIDDEN), &v, out);
    ck_buf_putc(out, '\n');
  }
}

static void findings_text(ck_buf *out, const char *path, const ck_finding *f, size_t n,
                          bool colour) {
  for (size_t i = 0; i < n; i++) {
    ck_buf_puts(out, path);
    if (f[i].line)
      ck_buf_printf(out, ":%u:%u", f[i].line, f[i].col ? f[i].col : 1);
    ck_buf_printf(out, ": %swarning%s: %s: %s\n", colour ? "\033[35m" : "",
                  colour ? ANSI_RESET : "", ck_finding_kind_name(f[i].kind), f[i].message);
  }
}

static void document_text(ck_buf *out, const ck_doc_result *dr, const ck_render_options *o) {
  ck_msg_lang lang = dr->msg_lang;
  ck_buf shown = CK_BUF_INIT;
  ck_buf_put_printable(&shown, dr->path);
  const char *path = ck_buf_cstr(&shown);
  ck_buf_printf(out, "%s: %s, %s, %s %s, %s %s\n", path, ck_input_format_name(dr->format),
                dr->encoding, ck_msg(lang, CK_MSG_LANGUAGE), ck_doc_result_language(dr),
                ck_msg(lang, CK_MSG_LEVEL), ck_level_label(lang, dr->level));
  ck_buf_printf(out, "  %s:", ck_msg(lang, CK_MSG_PACKS));
  for (size_t i = 0; i < dr->npacks; i++)
    ck_buf_printf(out, "%s %s (%s)", i ? "," : "", dr->packs[i].pack->id, dr->packs[i].why);
  ck_buf_puts(out, "\n\n");
  fix_first_text(out, dr, dr->criteria, dr->ncriteria, o->color);

  if (dr->nlots == 0) {
    results_text(out, dr, path, dr->results, dr->nresults, o);
  } else {
    for (size_t l = 0; l < dr->nlots; l++) {
      const ck_lot_result *lr = &dr->lots[l];
      ck_buf_printf(out, "== %s %s%s%s\n", ck_msg(lang, CK_MSG_LOT), lr->id,
                    lr->title ? ": " : "", lr->title ? lr->title : "");
      ck_buf_printf(out, "  %s:", ck_msg(lang, CK_MSG_PACKS));
      for (size_t i = 0; i < lr->npacks; i++)
        ck_buf_printf(out, "%s %s (%s)", i ? "," : "", lr->packs[i].pack->id, lr->packs[i].why);
      ck_buf_putc(out, '\n');
      findings_text(out, path, lr->findings, lr->nfindings, o->color);
      results_text(out, dr, path, lr->results, lr->nresults, o);
      ck_buf_putc(out, '\n');
    }
  }
  findings_text(out, path, dr->findings, dr->nfindings, o->color);
  size_t hidden = dr->counts[CK_STATUS_NOT_APPLICABLE];
  if (hidden && !o->show_all) {
    char count[32];
    snprintf(count, sizeof count, "%zu", hidden);
    ck_msg_fill(lang, CK_MSG_NOT_APPLICABLE_HIDDEN, count, out);
    ck_buf_putc(out, '\n');
  }

  /* The per-criterion table: what a buyer reads first. */
  const size_t w1 = 28, w2 = 16;
  ck_buf_putc(out, '\n');
  pad(out, ck_msg(lang, CK_MSG_CRITERION), w1);
  pad(out, ck_msg(lang, CK_MSG_STATUS), w2);
  ck_buf_printf(out, "%s\n", ck_msg(lang, CK_MSG_RULE));
  for (size_t i = 0; i < dr->ncriteria; i++) {
    const ck_criterion_result *c = &dr->criteria[i];
    if (c->status == CK_STATUS_NOT_APPLICABLE && !o->show_all)
      continue;
    pad(out, c->criterion->id, w1);
    bool waived = c->best && c->best->waiver;
    if (o->color)
      ck_buf_puts(out, waived ? ANSI_WAIVED : status_colour[c->status]);
    pad(out, waived ? ck_msg(lang, CK_MSG_WAIVED) : ck_status_label(lang, c->status), w2);
    if (o->color)
      ck_buf_puts(out, ANSI_RESET);
    ck_buf_printf(out, "%s\n", c->best ? c->best->rule->id : "-");
  }
  /* The summary counts the verdicts of the table above, one per criterion
     (a waived criterion is counted apart). */
  size_t counts[CK_RESULT_STATUS_COUNT] = {0}, waived = 0;
  for (size_t i = 0; i < dr->ncriteria; i++) {
    const ck_criterion_result *c = &dr->criteria[i];
    if (c->best && c->best->waiver)
      waived++;
    else
      counts[c->status]++;
  }
  ck_buf_printf(out, "%s: %zu %s, %zu %s, %zu %s, ", ck_msg(lang, CK_MSG_SUMMARY_CRITERIA),
                counts[CK_STATUS_PASS], ck_status_label(lang, CK_STATUS_PASS),
                counts[CK_STATUS_PARTIAL], ck_status_label(lang, CK_STATUS_PARTIAL),
                counts[CK_STATUS_FAIL], ck_status_label(lang, CK_STATUS_FAIL));
  /* Criteria that could not be judged are rare: named only when there are some. */
  if (counts[CK_STATUS_ERROR])
    ck_buf_printf(out, "%zu %s, ", counts[CK_STATUS_ERROR], ck_status_label(lang, CK_STATUS_ERROR));
  if (waived)
    ck_buf_printf(out, "%zu %s, ", waived, ck_msg(lang, CK_MSG_WAIVED));
  ck_buf_printf(out, "%zu %s\n", counts[CK_STATUS_NOT_APPLICABLE],
                ck_status_label(lang, CK_STATUS_NOT_APPLICABLE));
  ck_buf_free(&shown);
}

static void document_part(const ck_report *report, size_t d, const void *opts, ck_buf *part) {
  if (d > 0)
    ck_buf_putc(part, '\n');
  document_text(part, report->docs[d], opts);
}

void ck_render_text(const ck_report *report, const ck_render_options *opts,
                    ck_render_out *to) {
  ck_render_parts(report, opts->jobs, document_part, opts, NULL, NULL, to);
}

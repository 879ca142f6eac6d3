/* circheck check --format jsonl (ck_check_stream): each document's object of
 * the JSON report on one line, written as soon as the pipeline of
 * each_document.c hands the document on, so memory stays flat. */
#include <stdlib.h>

#include "each_document.h"
#include "json_writer.h"
#include "report.h"

typedef struct line_writer {
  ck_report_sink sink;
  void *ctx;
  ck_stream_outcome *outcome;
  ck_buf line;
} line_writer;

static bool write_line(void *ctx, ck_doc_result *dr) {
  line_writer *w = ctx;
  ck_buf_reset(&w->line);
  ck_json j;
  ck_json_init_compact(&j, &w->line);
  ck_render_json_document(&j, dr);
  w->outcome->documents++;
  /* what the exit status follows: the verdicts, as ck_report_fails reads them */
  for (size_t i = 0; i < dr->nresults; i++) {
    const ck_result *r = &dr->results[i];
    if (!r->superseded_by && !r->waiver)
      w->outcome->seen[r->status] = true;
  }
  ck_doc_result_free(dr);
  return w->sink(w->ctx, w->line.ptr, w->line.len);
}

ck_status ck_check_stream(const ck_ruleset *rs, const ck_check_options *opts,
                          char *const *files, const bool *walked, size_t nfiles, unsigned jobs,
                          ck_report_sink sink, void *sink_ctx, ck_stream_outcome *outcome,
                          ck_diag_fn on_diag, void *diag_ctx, ck_diags *diags) {
  *outcome = (ck_stream_outcome){0};
  line_writer w = {.sink = sink, .ctx = sink_ctx, .outcome = outcome, .line = CK_BUF_INIT};
  ck_each_sink each = {
      .document = write_line, .ctx = &w, .on_diag = on_diag, .diag_ctx = diag_ctx};
  ck_status rc = ck_each_document(rs, opts, files, walked, nfiles, jobs, &each, diags);
  ck_buf_free(&w.line);
  outcome->seen[CK_STATUS_NOT_APPLICABLE] = false;
  return rc;
}

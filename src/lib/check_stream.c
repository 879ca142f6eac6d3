/* circheck check --format jsonl and --format json, written as documents are
 * checked (ck_check_stream, ck_check_stream_report): each document's part
 * of the report is rendered on the thread that checked it, as soon as it is
 * checked, and handed on in input order by the pipeline of
 * each_document.c; the document's results are then freed, so memory does
 * not grow with the number of documents. */
#include <stdlib.h>

#include "each_document.h"
#include "json_writer.h"
#include "report.h"

typedef struct stream_writer {
  ck_report_format format;
  const ck_baseline *baseline; /* NULL: none */
  ck_render_out to;            /* the sink, and what is not yet handed on */
  ck_json json;                /* the JSON report's writer (CK_REPORT_JSON) */
  ck_json proto;               /* a copy taken before any document, to fork from */
  ck_stream_outcome *outcome;
  char **skipped, **skipped_kind; /* files a folder walk found and did not read */
  size_t nskipped, cap_skipped, cap_skipped_kind;
} stream_writer;

/* On a checking thread: the document's part of the report. */
static void prepare(const void *ctx, ck_doc_result *dr, ck_buf *out) {
  const stream_writer *w = ctx;
  if (w->baseline)
    ck_baseline_mark(w->baseline, dr);
  ck_json j;
  if (w->format == CK_REPORT_JSONL)
    ck_json_init_compact(&j, out);
  else
    ck_json_fork(&w->proto, &j, out);
  ck_render_json_document(&j, dr);
}

/* What the exit status follows, as ck_report_fails and
   ck_report_has_status_at_or_above read a whole report. */
static void count(ck_stream_outcome *o, const ck_doc_result *dr) {
  o->documents++;
  for (size_t i = 0; i < dr->nresults; i++)
    if (ck_result_counts(&dr->results[i]))
      o->seen[dr->results[i].status] = true;
  o->fails = o->fails || ck_doc_result_fails(dr);
}

/* In input order: writes the part and frees the document. */
static bool write_document(void *ctx, ck_doc_result *dr, const ck_buf *part) {
  stream_writer *w = ctx;
  count(w->outcome, dr);
  ck_doc_result_free(dr);
  if (w->to.failed)
    return false;
  if (part->len == 0)
    return true;
  if (w->format == CK_REPORT_JSONL) {
    /* a line is handed on at once: a reader of the stream sees each
       document as soon as it is checked */
    if (!w->to.sink(w->to.sink_ctx, part->ptr, part->len))
      w->to.failed = true;
  } else {
    size_t skip = ck_json_join(&w->json, part);
    ck_render_out_put(&w->to, part->ptr + skip, part->len - skip);
  }
  return !w->to.failed;
}

static void note_skipped(void *ctx, const char *path, const char *kind) {
  stream_writer *w = ctx;
  CK_GROW(w->skipped, w->cap_skipped, w->nskipped + 1);
  CK_GROW(w->skipped_kind, w->cap_skipped_kind, w->nskipped + 1);
  w->skipped[w->nskipped] = ck_display_name(path);
  w->skipped_kind[w->nskipped++] = ck_xstrdup(kind);
}

ck_status ck_check_stream_report(const ck_ruleset *rs, const ck_check_options *opts,
                                 char *const *files, const bool *walked, size_t nfiles,
                                 unsigned jobs, const ck_stream_request *req, ck_report_sink sink,
                                 void *sink_ctx, ck_stream_outcome *outcome, ck_diags *diags) {
  *outcome = (ck_stream_outcome){0};
  ck_baseline *baseline = NULL;
  if (req->baseline) {
    ck_status rc = ck_baseline_load(req->baseline, &baseline, diags);
    if (rc != CK_OK)
      return rc;
  }
  stream_writer w = {.format = req->format,
                     .baseline = baseline,
                     .to = {.buf = CK_BUF_INIT, .sink = sink, .sink_ctx = sink_ctx},
                     .outcome = outcome};
  if (req->format == CK_REPORT_JSON) {
    /* the head waits in the buffer until a document follows it */
    ck_json_init(&w.json, &w.to.buf);
    ck_render_json_head(&w.json);
    w.proto = w.json;
  }
  ck_each_sink each = {.document = write_document,
                       .prepare = prepare,
                       .ctx = &w,
                       .on_diag = req->on_diag,
                       .diag_ctx = req->diag_ctx,
                       .progress = req->progress,
                       .progress_ctx = req->progress_ctx};
  if (req->format == CK_REPORT_JSON)
    each.skipped = note_skipped;
  ck_status rc = ck_each_document_configured(rs, opts, req->opts_of, files, walked, nfiles,
                                             jobs, &each, diags);
  if (req->format == CK_REPORT_JSON && outcome->documents > 0 && !w.to.failed) {
    ck_render_json_tail(&w.json, w.skipped, w.skipped_kind, w.nskipped);
    ck_render_out_flush(&w.to, true);
  }
  if (w.to.failed && rc == CK_OK)
    rc = CK_ERR_IO;
  for (size_t i = 0; i < w.nskipped; i++) {
    free(w.skipped[i]);
    free(w.skipped_kind[i]);
  }
  free(w.skipped);
  free(w.skipped_kind);
  ck_buf_free(&w.to.buf);
  ck_baseline_free(baseline);
  outcome->seen[CK_STATUS_NOT_APPLICABLE] = false;
  return rc;
}

ck_status ck_check_stream(const ck_ruleset *rs, const ck_check_options *opts,
                          char *const *files, const bool *walked, size_t nfiles, unsigned jobs,
                          ck_report_sink sink, void *sink_ctx, ck_stream_outcome *outcome,
                          ck_diag_fn on_diag, void *diag_ctx, ck_diags *diags) {
  ck_stream_request req = {
      .format = CK_REPORT_JSONL, .on_diag = on_diag, .diag_ctx = diag_ctx};
  return ck_check_stream_report(rs, opts, files, walked, nfiles, jobs, &req, sink, sink_ctx,
                                outcome, diags);
}

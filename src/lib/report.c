/* The report object of the public API: documents in, results out. */
#include "report.h"

#include <pthread.h>
#include <stdatomic.h>

#include <libxml/parser.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "check_document.h"
#include "diag.h"
#include "each_document.h"
#include "folder.h"
#include "source.h"
#include "read_document.h"
#include "waivers.h"

const char *ck_version(void) { return CIRCHECK_VERSION; }

ck_check_options ck_check_options_default(void) {
  ck_check_options o = {0};
  o.level = CK_LEVEL_BASIC;
  o.limits = ck_limits_default();
  o.fail_on = CK_STATUS_FAIL;
  return o;
}

ck_report *ck_report_new(const ck_ruleset *rs, const ck_check_options *opts) {
  ck_report *r = ck_xcalloc(1, sizeof *r);
  r->rs = rs;
  r->opts = *opts;
  if (opts->npacks) {
    r->packs = ck_xcalloc(opts->npacks, sizeof *r->packs);
    for (size_t i = 0; i < opts->npacks; i++)
      r->packs[i] = ck_xstrdup(opts->packs[i]);
    r->opts.packs = (const char *const *)r->packs;
  }
  return r;
}

void ck_report_free(ck_report *r) {
  if (!r)
    return;
  for (size_t i = 0; i < r->ndocs; i++)
    ck_doc_result_free(r->docs[i]);
  free(r->docs);
  for (size_t i = 0; i < r->opts.npacks; i++)
    free(r->packs[i]);
  free(r->packs);
  for (size_t i = 0; i < r->nskipped; i++) {
    free(r->skipped[i]);
    free(r->skipped_kind[i]);
  }
  free(r->skipped);
  free(r->skipped_kind);
  free(r);
}

/* Reads and evaluates one file ('walked': found in a folder, so read only
   if it is a regular file) with options 'o' (NULL: the report's); touches
   nothing shared but the read-only rule set, so several can run at once,
   each with its own 'space' (NULL: the evaluation makes one). */
static ck_status check_one(const ck_report *report, const ck_check_options *o,
                           const char *path, bool walked, ck_match_space *space,
                           ck_doc_result **out, ck_diags *diags) {
  return ck_check_path(report->rs, o ? o : &report->opts, path, walked, space, out, diags);
}

static void add_result(ck_report *report, ck_doc_result *dr) {
  CK_GROW(report->docs, report->cap_docs, report->ndocs + 1);
  report->docs[report->ndocs++] = dr;
}

static ck_status check_and_add(ck_report *report, const ck_check_options *opts,
                               const char *path, bool walked, ck_match_space *space,
                               ck_diags *diags) {
  ck_doc_result *dr;
  ck_status rc = check_one(report, opts, path, walked, space, &dr, diags);
  if (rc == CK_OK)
    add_result(report, dr);
  return rc;
}

ck_status ck_report_check_file(ck_report *report, const char *path, ck_diags *diags) {
  return check_and_add(report, NULL, path, false, NULL, diags);
}

void ck_report_set_progress(ck_report *report, ck_progress_fn fn, void *ctx) {
  report->progress = fn;
  report->progress_ctx = ctx;
}

ck_status ck_report_check_buffer(ck_report *report, const char *name, const void *data,
                                size_t len, ck_diags *diags) {
  ck_doc *doc = NULL;
  ck_doc_result *dr = NULL;
  const ck_check_options *o = &report->opts;
  ck_status rc = ck_document_load_buffer(name, data, len, &o->limits, o->doc_lang_set,
                                         o->doc_lang, &doc, diags);
  if (rc == CK_OK) {
    rc = ck_check_document(report->rs, o, doc, name, NULL, &dr, diags);
    ck_doc_free(doc);
  }
  if (rc == CK_OK)
    add_result(report, dr);
  return rc;
}

/* A batch shared by the worker threads: each takes the next file index,
   and writes only its own slot, so output order does not depend on timing. */
typedef struct batch {
  const ck_report *report;
  char *const *files;
  const bool *walked; /* NULL: none */
  const ck_check_options *const *opts; /* per file; NULL: the report's */
  size_t nfiles;
  atomic_size_t next;
  ck_doc_result **results;
  ck_diags *diags;   /* one list per file */
  ck_status *status; /* one per file */
  /* Files finished, counted under the lock so that the progress function
     sees one call at a time and 'done' in order, whichever thread ends. */
  pthread_mutex_t progress_lock;
  size_t done;
} batch;

static void batch_file_done(batch *b) {
  const ck_report *r = b->report;
  if (!r->progress)
    return;
  pthread_mutex_lock(&b->progress_lock);
  r->progress(r->progress_ctx, ++b->done, b->nfiles);
  pthread_mutex_unlock(&b->progress_lock);
}

static void *batch_worker(void *arg) {
  batch *b = arg;
  ck_match_space *space = ck_match_space_new();
  for (;;) {
    size_t i = atomic_fetch_add(&b->next, 1);
    if (i >= b->nfiles)
      break;
    b->status[i] = check_one(b->report, b->opts ? b->opts[i] : NULL, b->files[i],
                             b->walked && b->walked[i], space, &b->results[i], &b->diags[i]);
    batch_file_done(b);
  }
  ck_match_space_free(space);
  return NULL;
}

/* A walked file of an unsupported type: its error becomes one warning and
   an entry in the skipped list; the run goes on as if it were not there.
   'from' is where the file's diagnostics start in 'diags'. */
static ck_status settle_walked(ck_report *report, const char *path, bool walked, ck_status rc,
                               ck_diags *diags, size_t from) {
  if (rc != CK_ERR_UNSUPPORTED || !walked)
    return rc;
  const char *prefix = "unsupported file type: ";
  for (size_t d = from; d < diags->n; d++) {
    ck_diag *e = &diags->items[d];
    if (e->level != CK_DIAG_ERROR)
      continue;
    const char *kind = strncmp(e->msg, prefix, strlen(prefix)) == 0 ? e->msg + strlen(prefix)
                                                                     : e->msg;
    CK_GROW(report->skipped, report->cap_skipped, report->nskipped + 1);
    CK_GROW(report->skipped_kind, report->cap_skipped_kind, report->nskipped + 1);
    report->skipped[report->nskipped] = ck_display_name(path);
    report->skipped_kind[report->nskipped++] = ck_xstrdup(kind);
    ck_buf msg = CK_BUF_INIT;
    ck_buf_printf(&msg, "skipped: %s", kind);
    free(e->msg);
    e->msg = ck_buf_detach(&msg);
    e->level = CK_DIAG_WARNING;
    break;
  }
  return CK_OK;
}

size_t ck_report_skipped_count(const ck_report *report) { return report->nskipped; }
const char *ck_report_skipped_path(const ck_report *report, size_t i) {
  return i < report->nskipped ? report->skipped[i] : NULL;
}
const char *ck_report_skipped_kind(const ck_report *report, size_t i) {
  return i < report->nskipped ? report->skipped_kind[i] : NULL;
}

ck_status ck_report_check_files(ck_report *report, char *const *files, size_t nfiles,
                                unsigned jobs, ck_diags *diags) {
  return ck_report_check_walked(report, files, NULL, nfiles, jobs, diags);
}

static bool take_document(void *report, ck_doc_result *dr, const ck_buf *prepared) {
  (void)prepared;
  add_result(report, dr);
  return true;
}

static ck_status check_run(ck_report *report, char *const *files, const bool *walked,
                           const ck_check_options *const *opts, size_t nfiles, unsigned jobs,
                           ck_diags *diags);

ck_status ck_report_check_walked(ck_report *report, char *const *files, const bool *walked,
                                 size_t nfiles, unsigned jobs, ck_diags *diags) {
  return ck_report_check_configured(report, files, walked, NULL, nfiles, jobs, diags);
}

ck_status ck_report_check_configured(ck_report *report, char *const *files, const bool *walked,
                                     const ck_check_options *const *opts, size_t nfiles,
                                     unsigned jobs, ck_diags *diags) {
  /* Runs of ordinary files go as they always have; a JSON Lines file of
     notices adds one document a record, in order. */
  ck_status first = CK_OK;
  size_t i = 0;
  while (i < nfiles) {
    size_t k = i;
    while (k < nfiles && !ck_path_is_jsonl(files[k]))
      k++;
    ck_status rc = CK_OK;
    if (k > i) {
      rc = check_run(report, files + i, walked ? walked + i : NULL, opts ? opts + i : NULL, k - i,
                     jobs, diags);
    } else {
      const ck_check_options *o = opts && opts[i] ? opts[i] : &report->opts;
      ck_each_sink sink = {.document = take_document, .ctx = report};
      rc = ck_each_document(report->rs, o, files + i, NULL, 1, jobs, &sink, diags);
      k = i + 1;
    }
    if (rc != CK_OK && first == CK_OK)
      first = rc;
    i = k;
  }
  return first;
}

static ck_status check_run(ck_report *report, char *const *files, const bool *walked,
                           const ck_check_options *const *opts, size_t nfiles, unsigned jobs,
                           ck_diags *diags) {
  ck_status first = CK_OK;
  if (jobs <= 1 || nfiles <= 1) {
    ck_match_space *space = ck_match_space_new();
    for (size_t i = 0; i < nfiles; i++) {
      size_t from = diags->n;
      ck_status rc = check_and_add(report, opts ? opts[i] : NULL, files[i], walked && walked[i],
                                   space, diags);
      rc = settle_walked(report, files[i], walked && walked[i], rc, diags, from);
      if (rc != CK_OK && first == CK_OK)
        first = rc;
      if (report->progress)
        report->progress(report->progress_ctx, i + 1, nfiles);
    }
    ck_match_space_free(space);
    return first;
  }
  if (jobs > nfiles)
    jobs = (unsigned)nfiles;
  /* libxml2 sets up its global tables on first use; do it before threads. */
  xmlInitParser();
  batch b = {.report = report, .files = files, .walked = walked, .opts = opts, .nfiles = nfiles};
  atomic_init(&b.next, 0);
  pthread_mutex_init(&b.progress_lock, NULL);
  b.results = ck_xcalloc(nfiles, sizeof *b.results);
  b.diags = ck_xcalloc(nfiles, sizeof *b.diags);
  b.status = ck_xcalloc(nfiles, sizeof *b.status);
  pthread_t *threads = ck_xcalloc(jobs, sizeof *threads);
  unsigned started = 0;
  for (; started < jobs; started++)
    if (pthread_create(&threads[started], NULL, batch_worker, &b) != 0)
      break; /* fewer threads than asked: the ones running take the rest */
  if (started == 0)
    batch_worker(&b);
  for (unsigned t = 0; t < started; t++)
    pthread_join(threads[t], NULL);
  for (size_t i = 0; i < nfiles; i++) {
    size_t from = diags->n;
    for (size_t d = 0; d < b.diags[i].n; d++) {
      /* Move the entries over in file order. */
      CK_GROW(diags->items, diags->cap, diags->n + 1);
      diags->items[diags->n++] = b.diags[i].items[d];
    }
    free(b.diags[i].items);
    b.status[i] = settle_walked(report, files[i], walked && walked[i], b.status[i], diags, from);
    if (b.status[i] == CK_OK && b.results[i])
      add_result(report, b.results[i]);
    else if (first == CK_OK)
      first = b.status[i];
  }
  pthread_mutex_destroy(&b.progress_lock);
  free(threads);
  free(b.results);
  free(b.diags);
  free(b.status);
  return first;
}

size_t ck_report_document_count(const ck_report *report) { return report->ndocs; }

bool ck_result_counts(const ck_result *r) { return !r->superseded_by && !r->waiver; }

bool ck_doc_result_fails(const ck_doc_result *dr) {
  for (size_t i = 0; i < dr->nresults; i++) {
    const ck_result *r = &dr->results[i];
    if (ck_result_counts(r) && r->status != CK_STATUS_NOT_APPLICABLE &&
        r->status >= dr->fail_on && r->baseline != CK_BASELINE_UNCHANGED)
      return true;
  }
  return false;
}

bool ck_report_fails(const ck_report *report) {
  for (size_t d = 0; d < report->ndocs; d++)
    if (ck_doc_result_fails(report->docs[d]))
      return true;
  return false;
}

bool ck_report_has_status_at_or_above(const ck_report *report, ck_result_status threshold) {
  for (size_t d = 0; d < report->ndocs; d++)
    for (size_t i = 0; i < report->docs[d]->nresults; i++) {
      const ck_result *r = &report->docs[d]->results[i];
      ck_result_status s = r->status;
      /* a rule superseded by a better one of its criterion is not the
         verdict; a waived one is accepted */
      if (s != CK_STATUS_NOT_APPLICABLE && s >= threshold && ck_result_counts(r))
        return true;
    }
  return false;
}

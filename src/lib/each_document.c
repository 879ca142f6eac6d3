/* The batch pipeline of ck_each_document: the calling thread reads up to
   BATCH_PER_JOB items a thread (a file's path, or a JSON Lines record's
   text), the threads take items by an atomic counter and fill their own
   slots, and the calling thread then hands the slots on in order and frees
   them. Memory is a batch's worth whatever the number of documents. */
#include "each_document.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "json_writer.h"
#include "jsonl.h"
#include "line_reader.h"
#include "notice.h"
#include "check_document.h"
#include "util.h"

enum { BATCH_PER_JOB = 32 };

typedef struct item {
  const char *path; /* borrowed from the caller's list */
  const ck_check_options *opts;
  bool walked;
  size_t line;      /* 0: the whole file is the document; else a JSON Lines record */
  char *text;       /* the record's text, owned */
  size_t len;
  /* filled by the worker */
  ck_status status;
  ck_doc_result *dr;
  json_object *report_record; /* a document of an earlier report */
  ck_diags diags;
  ck_buf prepared;   /* what the sink's 'prepare' wrote */
  char *skipped;     /* a walked file of a type not read: its kind, owned */
} item;

typedef struct pipeline {
  const ck_ruleset *rs;
  const ck_check_options *opts;
  const ck_each_sink *sink;
  unsigned jobs;
  ck_match_space **spaces; /* one per thread, kept across batches */
  item *items;
  size_t n, cap;
  atomic_size_t next;
  ck_diags *diags;
  ck_status first;
  bool stopped;      /* the sink asked to stop */
  size_t nfiles, files_done; /* for the progress callback */
} pipeline;

static void check_record(const pipeline *p, item *it, ck_match_space *space) {
  json_object *record;
  it->status = ck_jsonl_parse(it->path, it->line, it->text, it->len, &record, &it->diags);
  if (it->status != CK_OK || !record)
    return; /* an error, or a blank line */
  if (ck_jsonl_is_report_document(record)) {
    if (p->sink->report_document) {
      it->report_record = record;
      return;
    }
    ck_diags_add(&it->diags, CK_DIAG_ERROR, it->path, (unsigned)it->line, 1,
                 "a document of a circheck report, not a notice (circheck stats reads "
                 "reports)");
    it->status = CK_ERR_INPUT;
    json_object_put(record);
    return;
  }
  ck_doc *doc = NULL;
  ck_notice_meta meta;
  it->status = ck_notice_document(it->path, it->line, record, it->opts, &doc, &meta, &it->diags);
  json_object_put(record);
  if (it->status != CK_OK)
    return;
  it->dr = ck_check_loaded(p->rs, it->opts, doc, meta.name, space, &it->diags);
  ck_doc_free(doc);
  if (!it->dr) {
    it->status = CK_ERR_INPUT;
    ck_notice_meta_free(&meta);
    return;
  }
  if (meta.title) {
    /* the notice names itself; the reader's guess at a title line is second best */
    free(it->dr->title);
    it->dr->title = meta.title;
    meta.title = NULL;
  }
  it->dr->buyer = meta.buyer;
  it->dr->date = meta.date;
  meta.buyer = meta.date = NULL;
  ck_notice_meta_free(&meta);
}

static void work(const pipeline *p, item *it, ck_match_space *space) {
  if (it->line) {
    check_record(p, it, space);
    return;
  }
  it->status =
      ck_check_path(p->rs, it->opts, it->path, it->walked, space, &it->dr, &it->diags);
  if (it->status == CK_ERR_UNSUPPORTED && it->walked) {
    /* a folder's image or spreadsheet: said, and left out */
    for (size_t d = 0; d < it->diags.n; d++) {
      ck_diag *e = &it->diags.items[d];
      if (e->level != CK_DIAG_ERROR)
        continue;
      e->level = CK_DIAG_WARNING;
      if (p->sink->skipped && !it->skipped) {
        static const char prefix[] = "unsupported file type: ";
        const char *kind =
            strncmp(e->msg, prefix, sizeof prefix - 1) == 0 ? e->msg + sizeof prefix - 1 : e->msg;
        it->skipped = ck_xstrdup(kind);
        ck_buf msg = CK_BUF_INIT;
        ck_buf_printf(&msg, "skipped: %s", kind);
        free(e->msg);
        e->msg = ck_buf_detach(&msg);
        break; /* as a report says it: the first error only */
      }
    }
    it->status = CK_OK;
  }
}

static void work_and_prepare(const pipeline *p, item *it, ck_match_space *space) {
  work(p, it, space);
  if (it->dr && p->sink->prepare)
    p->sink->prepare(p->sink->ctx, it->dr, &it->prepared);
}

typedef struct worker {
  pipeline *p;
  unsigned index;
} worker;

static void *run_worker(void *arg) {
  worker *w = arg;
  pipeline *p = w->p;
  for (;;) {
    size_t i = atomic_fetch_add(&p->next, 1);
    if (i >= p->n)
      break;
    work_and_prepare(p, &p->items[i], p->spaces[w->index]);
  }
  return NULL;
}

/* Checks the batch, hands it on in order and empties it. */
static void flush(pipeline *p) {
  if (p->n == 0)
    return;
  atomic_store(&p->next, 0);
  unsigned threads = p->jobs < p->n ? p->jobs : (unsigned)p->n;
  if (threads <= 1) {
    worker w = {p, 0};
    run_worker(&w);
  } else {
    pthread_t tid[256];
    worker ws[256];
    unsigned started = 0;
    for (; started < threads; started++) {
      ws[started] = (worker){p, started};
      if (pthread_create(&tid[started], NULL, run_worker, &ws[started]) != 0)
        break; /* the threads running take the rest */
    }
    if (started == 0) {
      worker w = {p, 0};
      run_worker(&w);
    }
    for (unsigned t = 0; t < started; t++)
      pthread_join(tid[t], NULL);
  }
  for (size_t i = 0; i < p->n; i++) {
    item *it = &p->items[i];
    for (size_t d = 0; d < it->diags.n; d++) {
      CK_GROW(p->diags->items, p->diags->cap, p->diags->n + 1);
      p->diags->items[p->diags->n++] = it->diags.items[d];
    }
    free(it->diags.items);
    if (it->status != CK_OK && p->first == CK_OK)
      p->first = it->status;
    if (it->skipped && !p->stopped)
      p->sink->skipped(p->sink->ctx, it->path, it->skipped);
    free(it->skipped);
    if (it->dr) {
      /* handed on, the document is the receiver's whatever it answers */
      if (p->stopped)
        ck_doc_result_free(it->dr);
      else if (!p->sink->document(p->sink->ctx, it->dr,
                                  p->sink->prepare ? &it->prepared : NULL))
        p->stopped = true;
    }
    ck_buf_free(&it->prepared);
    if (it->report_record) {
      size_t before = p->diags->n;
      if (!p->stopped && !p->sink->report_document(p->sink->ctx, it->path, it->line,
                                                   it->report_record, p->diags))
        p->stopped = true;
      for (size_t d = before; d < p->diags->n && p->first == CK_OK; d++)
        if (p->diags->items[d].level == CK_DIAG_ERROR)
          p->first = CK_ERR_INPUT;
      json_object_put(it->report_record);
    }
    free(it->text);
    if (!it->line && p->sink->progress)
      p->sink->progress(p->sink->progress_ctx, ++p->files_done, p->nfiles);
  }
  p->n = 0;
  ck_diags_hand_on(p->diags, p->sink->on_diag, p->sink->diag_ctx);
}

void ck_diags_hand_on(ck_diags *diags, ck_diag_fn on_diag, void *ctx) {
  if (!on_diag)
    return;
  for (size_t i = 0; i < diags->n; i++)
    on_diag(ctx, &diags->items[i]);
  ck_diags_free(diags);
}

static void add(pipeline *p, item it) {
  CK_GROW(p->items, p->cap, p->n + 1);
  p->items[p->n++] = it;
  if (p->n >= (size_t)p->jobs * BATCH_PER_JOB)
    flush(p);
}

/* Queues every record of the JSON Lines file 'path'. */
static void add_records(pipeline *p, const char *path, const ck_check_options *opts) {
  ck_line_reader r;
  int err = ck_line_reader_open(&r, path, opts->limits.max_input_bytes);
  if (err) {
    flush(p); /* the diagnostic goes after those of the inputs before */
    ck_diags_add(p->diags, CK_DIAG_ERROR, path, 0, 0, "cannot open: %s", strerror(err));
    if (p->first == CK_OK)
      p->first = CK_ERR_IO;
    return;
  }
  for (;;) {
    const char *text;
    size_t len;
    ck_line_result got = ck_line_reader_next(&r, &text, &len);
    if (got == CK_LINE_END || p->stopped)
      break;
    if (got == CK_LINE_OK) {
      add(p, (item){.path = path,
                    .opts = opts,
                    .line = r.line,
                    .text = ck_xstrndup(text, len),
                    .len = len});
      continue;
    }
    flush(p);
    if (got == CK_LINE_TOO_LONG) {
      ck_diags_add(p->diags, CK_DIAG_ERROR, path, (unsigned)r.line, 1,
                   "line longer than the limit of %zu bytes", opts->limits.max_input_bytes);
      if (p->first == CK_OK)
        p->first = CK_ERR_LIMIT;
      continue;
    }
    ck_diags_add(p->diags, CK_DIAG_ERROR, path, (unsigned)r.line + 1, 0, "cannot read: %s",
                 strerror(r.error));
    if (p->first == CK_OK)
      p->first = CK_ERR_IO;
    break;
  }
  ck_line_reader_close(&r);
}

ck_status ck_each_document(const ck_ruleset *rs, const ck_check_options *opts,
                           char *const *files, const bool *walked, size_t nfiles,
                           unsigned jobs, const ck_each_sink *sink, ck_diags *diags) {
  return ck_each_document_configured(rs, opts, NULL, files, walked, nfiles, jobs, sink, diags);
}

ck_status ck_each_document_configured(const ck_ruleset *rs, const ck_check_options *opts,
                                      const ck_check_options *const *opts_of, char *const *files,
                                      const bool *walked, size_t nfiles, unsigned jobs,
                                      const ck_each_sink *sink, ck_diags *diags) {
  if (jobs < 1)
    jobs = 1;
  if (jobs > 256)
    jobs = 256;
  if (jobs > 1)
    xmlInitParser(); /* libxml2 sets up its global tables on first use */
  pipeline p = {
      .rs = rs, .opts = opts, .sink = sink, .jobs = jobs, .diags = diags, .nfiles = nfiles};
  p.spaces = ck_xcalloc(jobs, sizeof *p.spaces);
  for (unsigned t = 0; t < jobs; t++)
    p.spaces[t] = ck_match_space_new();
  for (size_t i = 0; i < nfiles && !p.stopped; i++) {
    const ck_check_options *o = opts_of && opts_of[i] ? opts_of[i] : opts;
    if (ck_path_is_jsonl(files[i]))
      add_records(&p, files[i], o);
    else
      add(&p, (item){.path = files[i], .opts = o, .walked = walked && walked[i]});
  }
  flush(&p);
  ck_diags_hand_on(diags, sink->on_diag, sink->diag_ctx);
  for (unsigned t = 0; t < jobs; t++)
    ck_match_space_free(p.spaces[t]);
  free(p.spaces);
  free(p.items);
  if (p.stopped && p.first == CK_OK)
    p.first = CK_ERR_IO;
  return p.first;
}

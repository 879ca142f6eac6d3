/* The pipeline of ck_each_document: the calling thread reads items (a
   file's path, or a JSON Lines record's text) into a ring of
   RING_PER_JOB slots a thread; the threads take them in order, check them
   and fill their own slots, and the calling thread hands the slots on in
   input order as they are finished and frees them, while the threads go
   on with the next. Memory is a ring's worth whatever the number of
   documents. */
#include "each_document.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "json_writer.h"
#include "jsonl.h"
#include "line_reader.h"
#include "notice.h"
#include "check_document.h"
#include "util.h"

enum { RING_PER_JOB = 32 };

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
  ck_match_space **spaces; /* one per thread */
  item *ring;
  bool *finished;          /* per slot: its item is checked */
  size_t nslots;
  size_t added;            /* items put into the ring so far */
  size_t taken;            /* items a thread has taken */
  size_t handed;           /* items handed on and freed */
  bool closing;            /* no more items will come: threads may end */
  pthread_mutex_t lock;
  pthread_cond_t more;     /* an item was added, or closing */
  pthread_cond_t done;     /* the item the calling thread waits for is finished */
  pthread_t *threads;
  unsigned started;        /* threads running; 0: the calling thread checks */
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
  pthread_mutex_lock(&p->lock);
  for (;;) {
    while (p->taken == p->added && !p->closing)
      pthread_cond_wait(&p->more, &p->lock);
    if (p->taken == p->added)
      break; /* closing, and nothing left */
    size_t i = p->taken++;
    pthread_mutex_unlock(&p->lock);
    work_and_prepare(p, &p->ring[i % p->nslots], p->spaces[w->index]);
    pthread_mutex_lock(&p->lock);
    p->finished[i % p->nslots] = true;
    if (i == p->handed)
      pthread_cond_signal(&p->done);
  }
  pthread_mutex_unlock(&p->lock);
  return NULL;
}

/* Hands on the oldest item of the ring (finished) and frees its slot. */
static void hand_on(pipeline *p, item *it) {
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
    else if (!p->sink->document(p->sink->ctx, it->dr, p->sink->prepare ? &it->prepared : NULL))
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
  ck_diags_hand_on(p->diags, p->sink->on_diag, p->sink->diag_ctx);
}

/* Hands on the items of the ring in order: all of them (waiting for the
   threads) when 'all', else only until there is a free slot. */
static void drain(pipeline *p, bool all) {
  while (p->handed < p->added && (all || p->added - p->handed >= p->nslots)) {
    size_t slot = p->handed % p->nslots;
    if (p->started) {
      pthread_mutex_lock(&p->lock);
      while (!p->finished[slot])
        pthread_cond_wait(&p->done, &p->lock);
      p->finished[slot] = false;
      pthread_mutex_unlock(&p->lock);
    }
    hand_on(p, &p->ring[slot]);
    if (p->started) {
      pthread_mutex_lock(&p->lock);
      p->handed++;
      pthread_mutex_unlock(&p->lock);
    } else {
      p->handed++;
    }
  }
}

/* Hands on every item added so far, in order. */
static void flush(pipeline *p) { drain(p, true); }

void ck_diags_hand_on(ck_diags *diags, ck_diag_fn on_diag, void *ctx) {
  if (!on_diag)
    return;
  for (size_t i = 0; i < diags->n; i++)
    on_diag(ctx, &diags->items[i]);
  ck_diags_free(diags);
}

static void add(pipeline *p, item it) {
  drain(p, false); /* a free slot */
  size_t slot = p->added % p->nslots;
  p->ring[slot] = it;
  if (!p->started) {
    /* one thread: checked here, handed on at once */
    work_and_prepare(p, &p->ring[slot], p->spaces[0]);
    p->added++;
    flush(p);
    return;
  }
  pthread_mutex_lock(&p->lock);
  p->added++;
  pthread_cond_signal(&p->more);
  pthread_mutex_unlock(&p->lock);
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
  p.nslots = (size_t)jobs * RING_PER_JOB;
  p.ring = ck_xcalloc(p.nslots, sizeof *p.ring);
  p.finished = ck_xcalloc(p.nslots, sizeof *p.finished);
  pthread_mutex_init(&p.lock, NULL);
  pthread_cond_init(&p.more, NULL);
  pthread_cond_init(&p.done, NULL);
  worker *ws = NULL;
  if (jobs > 1) {
    p.threads = ck_xcalloc(jobs, sizeof *p.threads);
    ws = ck_xcalloc(jobs, sizeof *ws);
    for (; p.started < jobs; p.started++) {
      ws[p.started] = (worker){&p, p.started};
      if (pthread_create(&p.threads[p.started], NULL, run_worker, &ws[p.started]) != 0)
        break; /* the threads running take the rest; none: this thread checks */
    }
  }
  for (size_t i = 0; i < nfiles && !p.stopped; i++) {
    const ck_check_options *o = opts_of && opts_of[i] ? opts_of[i] : opts;
    if (ck_path_is_jsonl(files[i]))
      add_records(&p, files[i], o);
    else
      add(&p, (item){.path = files[i], .opts = o, .walked = walked && walked[i]});
  }
  flush(&p);
  pthread_mutex_lock(&p.lock);
  p.closing = true;
  pthread_cond_broadcast(&p.more);
  pthread_mutex_unlock(&p.lock);
  for (unsigned t = 0; t < p.started; t++)
    pthread_join(p.threads[t], NULL);
  ck_diags_hand_on(diags, sink->on_diag, sink->diag_ctx);
  for (unsigned t = 0; t < jobs; t++)
    ck_match_space_free(p.spaces[t]);
  free(p.spaces);
  free(p.threads);
  free(ws);
  free(p.ring);
  free(p.finished);
  pthread_cond_destroy(&p.done);
  pthread_cond_destroy(&p.more);
  pthread_mutex_destroy(&p.lock);
  if (p.stopped && p.first == CK_OK)
    p.first = CK_ERR_IO;
  return p.first;
}

/* Document parts rendered in parallel, joined in order (render_parts.h). */
#include "render_parts.h"

#include <pthread.h>
#include <stdlib.h>

/* Parts in flight per thread: the ring holds this many per thread, so the
   memory taken beyond the output is a few dozen documents' parts, and a
   thread rarely waits for the joiner to free a slot. */
enum { SLOTS_PER_THREAD = 16 };

/* The threads render documents in order of a shared counter into a ring
   of slots (document d into slot d % nslots); the calling thread joins
   them in document order as they are finished and frees each slot for the
   document nslots further on. */
typedef struct pipeline {
  const ck_report *report;
  ck_render_part_fn render;
  const void *ctx;
  size_t ndocs, nslots;
  ck_buf *parts;     /* the ring */
  size_t *ready;     /* per slot: 1 + the document finished in it, 0 while none */
  size_t next;       /* the next document to take */
  size_t joined;     /* documents joined so far; slot of d is free once d - nslots is */
  bool stop;         /* the sink failed: take no more documents */
  pthread_mutex_t lock;
  pthread_cond_t finished; /* a part was finished: the joiner may go on */
  pthread_cond_t freed;    /* a slot was freed: a waiting renderer may go on */
} pipeline;

static void *render_worker(void *arg) {
  pipeline *p = arg;
  pthread_mutex_lock(&p->lock);
  for (;;) {
    if (p->stop || p->next >= p->ndocs)
      break;
    size_t d = p->next++;
    while (!p->stop && d >= p->joined + p->nslots)
      pthread_cond_wait(&p->freed, &p->lock);
    if (p->stop)
      break;
    ck_buf *part = &p->parts[d % p->nslots];
    pthread_mutex_unlock(&p->lock);
    ck_buf_reset(part);
    p->render(p->report, d, p->ctx, part);
    pthread_mutex_lock(&p->lock);
    p->ready[d % p->nslots] = d + 1;
    pthread_cond_signal(&p->finished);
  }
  pthread_mutex_unlock(&p->lock);
  return NULL;
}

static void join_part(ck_render_join_fn join, void *join_ctx, const ck_buf *part,
                      ck_render_out *to) {
  size_t skip = join ? join(join_ctx, part) : 0;
  if (part->len > skip) /* an empty part may have no storage at all */
    ck_render_out_put(to, part->ptr + skip, part->len - skip);
}

/* One thread: one scratch buffer, reused, and the same joins. */
static void render_here(const ck_report *report, ck_render_part_fn render, const void *ctx,
                        ck_render_join_fn join, void *join_ctx, ck_render_out *to) {
  ck_buf part = CK_BUF_INIT;
  for (size_t d = 0; d < report->ndocs && !to->failed; d++) {
    ck_buf_reset(&part);
    render(report, d, ctx, &part);
    join_part(join, join_ctx, &part, to);
  }
  ck_buf_free(&part);
}

void ck_render_parts(const ck_report *report, unsigned jobs, ck_render_part_fn render,
                     const void *ctx, ck_render_join_fn join, void *join_ctx,
                     ck_render_out *to) {
  if (jobs <= 1 || report->ndocs <= 1) {
    render_here(report, render, ctx, join, join_ctx, to);
    return;
  }
  pipeline p = {.report = report, .render = render, .ctx = ctx, .ndocs = report->ndocs};
  p.nslots = (size_t)jobs * SLOTS_PER_THREAD;
  if (p.nslots > p.ndocs)
    p.nslots = p.ndocs;
  p.parts = ck_xcalloc(p.nslots, sizeof *p.parts);
  p.ready = ck_xcalloc(p.nslots, sizeof *p.ready);
  pthread_mutex_init(&p.lock, NULL);
  pthread_cond_init(&p.finished, NULL);
  pthread_cond_init(&p.freed, NULL);
  pthread_t *threads = ck_xcalloc(jobs, sizeof *threads);
  unsigned started = 0;
  for (; started < jobs; started++)
    if (pthread_create(&threads[started], NULL, render_worker, &p) != 0)
      break;
  if (started == 0) {
    /* No thread at all: render here, as with one job. */
    render_here(report, render, ctx, join, join_ctx, to);
  } else {
    /* The joiner: in document order, wait for each part, join it outside
       the lock, and free its slot. */
    for (size_t d = 0; d < p.ndocs; d++) {
      size_t slot = d % p.nslots;
      pthread_mutex_lock(&p.lock);
      while (p.ready[slot] != d + 1)
        pthread_cond_wait(&p.finished, &p.lock);
      pthread_mutex_unlock(&p.lock);
      join_part(join, join_ctx, &p.parts[slot], to);
      pthread_mutex_lock(&p.lock);
      p.ready[slot] = 0;
      p.joined = d + 1;
      p.stop = to->failed;
      pthread_cond_broadcast(&p.freed);
      pthread_mutex_unlock(&p.lock);
      if (to->failed)
        break;
    }
  }
  for (unsigned t = 0; t < started; t++)
    pthread_join(threads[t], NULL);
  for (size_t i = 0; i < p.nslots; i++)
    ck_buf_free(&p.parts[i]);
  pthread_cond_destroy(&p.freed);
  pthread_cond_destroy(&p.finished);
  pthread_mutex_destroy(&p.lock);
  free(threads);
  free(p.ready);
  free(p.parts);
}

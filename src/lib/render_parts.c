/* Document parts rendered in parallel, joined in order (render_parts.h). */
#include "render_parts.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>

/* Documents rendered per round and thread. The parts of one round are
   held at the same time, so this bounds the extra memory to a few dozen
   documents' output, while keeping the threads busy between joins. */
enum { DOCS_PER_THREAD_ROUND = 16 };

typedef struct round {
  const ck_report *report;
  ck_render_part_fn render;
  const void *ctx;
  size_t first, count; /* documents [first, first + count) */
  atomic_size_t next;  /* index into parts of the next one to take */
  ck_buf *parts;
} round;

static void *round_worker(void *arg) {
  round *r = arg;
  for (;;) {
    size_t i = atomic_fetch_add(&r->next, 1);
    if (i >= r->count)
      break;
    r->render(r->report, r->first + i, r->ctx, &r->parts[i]);
  }
  return NULL;
}

static void join_part(ck_render_join_fn join, void *join_ctx, const ck_buf *part,
                      ck_render_out *to) {
  if (join)
    join(join_ctx, part, &to->buf);
  else
    ck_buf_put(&to->buf, part->ptr, part->len);
  ck_render_out_flush(to, false);
}

void ck_render_parts(const ck_report *report, unsigned jobs, ck_render_part_fn render,
                     const void *ctx, ck_render_join_fn join, void *join_ctx,
                     ck_render_out *to) {
  size_t ndocs = report->ndocs;
  if (jobs <= 1 || ndocs <= 1) {
    /* One scratch buffer, reused: the same joins as with threads. */
    ck_buf part = CK_BUF_INIT;
    for (size_t d = 0; d < ndocs && !to->failed; d++) {
      ck_buf_reset(&part);
      render(report, d, ctx, &part);
      join_part(join, join_ctx, &part, to);
    }
    ck_buf_free(&part);
    return;
  }
  size_t per_round = (size_t)jobs * DOCS_PER_THREAD_ROUND;
  if (per_round > ndocs)
    per_round = ndocs;
  ck_buf *parts = ck_xcalloc(per_round, sizeof *parts);
  pthread_t *threads = ck_xcalloc(jobs - 1, sizeof *threads);
  for (size_t first = 0; first < ndocs && !to->failed; first += per_round) {
    round r = {.report = report,
               .render = render,
               .ctx = ctx,
               .first = first,
               .count = ndocs - first < per_round ? ndocs - first : per_round,
               .parts = parts};
    atomic_init(&r.next, 0);
    /* This thread is one of the 'jobs'; a thread that cannot be started
       leaves its share to the others. */
    unsigned started = 0;
    for (; started < jobs - 1; started++)
      if (pthread_create(&threads[started], NULL, round_worker, &r) != 0)
        break;
    round_worker(&r);
    for (unsigned t = 0; t < started; t++)
      pthread_join(threads[t], NULL);
    for (size_t i = 0; i < r.count; i++) {
      join_part(join, join_ctx, &parts[i], to);
      ck_buf_reset(&parts[i]);
    }
  }
  for (size_t i = 0; i < per_round; i++)
    ck_buf_free(&parts[i]);
  free(threads);
  free(parts);
}

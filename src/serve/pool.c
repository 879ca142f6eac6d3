/* The checks run on a pool of worker threads (serve.h), not on the
 * connections' threads. The pool caps how many run at once, and it keeps the
 * memory a check needs in the few workers' malloc arenas: with a thread per
 * connection doing checks, every connection's arena would grow to the
 * largest document it had seen, and resident memory would creep up for a
 * long while under load. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "serve.h"

long long serve_now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void *worker(void *arg) {
  check_pool *p = arg;
  pthread_mutex_lock(&p->lock);
  for (;;) {
    while (!p->head && !p->stopping)
      pthread_cond_wait(&p->work, &p->lock);
    if (!p->head)
      break; /* stopping, and nothing left to do */
    check_job *job = p->head;
    p->head = job->next;
    if (!p->head)
      p->tail = NULL;
    p->queued--;
    p->idle--;
    job->started = true;
    pthread_mutex_unlock(&p->lock);
    job->run(job->arg);
    pthread_mutex_lock(&p->lock);
    job->done = true;
    p->idle++;
    pthread_cond_broadcast(&p->finished);
  }
  pthread_mutex_unlock(&p->lock);
  return NULL;
}

bool check_pool_start(check_pool *p, unsigned workers, unsigned max_queued) {
  pthread_mutex_init(&p->lock, NULL);
  pthread_cond_init(&p->work, NULL);
  pthread_condattr_t attr;
  pthread_condattr_init(&attr);
  /* deadlines are on the monotonic clock, which a clock change leaves alone */
  pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
  pthread_cond_init(&p->finished, &attr);
  pthread_condattr_destroy(&attr);
  p->head = p->tail = NULL;
  p->queued = 0;
  p->max_queued = max_queued;
  p->stopping = false;
  p->threads = calloc(workers, sizeof *p->threads);
  p->nthreads = 0;
  p->idle = 0;
  if (!p->threads)
    return false;
  for (unsigned i = 0; i < workers; i++) {
    pthread_mutex_lock(&p->lock);
    p->idle++;
    pthread_mutex_unlock(&p->lock);
    if (pthread_create(&p->threads[i], NULL, worker, p) != 0) {
      pthread_mutex_lock(&p->lock);
      p->idle--;
      pthread_mutex_unlock(&p->lock);
      break;
    }
    p->nthreads++;
  }
  return p->nthreads > 0;
}

void check_pool_stop(check_pool *p) {
  pthread_mutex_lock(&p->lock);
  p->stopping = true;
  pthread_cond_broadcast(&p->work);
  pthread_mutex_unlock(&p->lock);
  for (unsigned i = 0; i < p->nthreads; i++)
    pthread_join(p->threads[i], NULL);
  free(p->threads);
  pthread_cond_destroy(&p->work);
  pthread_cond_destroy(&p->finished);
  pthread_mutex_destroy(&p->lock);
}

void check_pool_counts(check_pool *p, unsigned *running, unsigned *waiting) {
  pthread_mutex_lock(&p->lock);
  *running = p->nthreads - p->idle;
  *waiting = p->queued;
  pthread_mutex_unlock(&p->lock);
}

bool check_pool_run(check_pool *p, check_job *job, long long deadline_ms) {
  job->next = NULL;
  job->started = job->done = false;
  pthread_mutex_lock(&p->lock);
  /* a free worker takes it at once; otherwise it may wait in a queue of
     at most max_queued */
  if (p->stopping || (p->idle <= p->queued && p->queued >= p->max_queued)) {
    pthread_mutex_unlock(&p->lock);
    return false;
  }
  if (p->tail)
    p->tail->next = job;
  else
    p->head = job;
  p->tail = job;
  p->queued++;
  pthread_cond_signal(&p->work);
  struct timespec until = {.tv_sec = (time_t)(deadline_ms / 1000),
                           .tv_nsec = (long)(deadline_ms % 1000) * 1000000L};
  /* workers broadcast when a job finishes, which is when a queued one can
     start; one taken by an idle worker at once is seen done */
  while (!job->started) {
    if (pthread_cond_timedwait(&p->finished, &p->lock, &until) == ETIMEDOUT &&
        !job->started) {
      /* waited its whole time for a turn: out of the queue, not run */
      check_job **at = &p->head, *prev = NULL;
      while (*at != job) {
        prev = *at;
        at = &(*at)->next;
      }
      *at = job->next;
      if (p->tail == job)
        p->tail = prev;
      p->queued--;
      pthread_mutex_unlock(&p->lock);
      return false;
    }
  }
  while (!job->done)
    pthread_cond_wait(&p->finished, &p->lock);
  pthread_mutex_unlock(&p->lock);
  return true;
}

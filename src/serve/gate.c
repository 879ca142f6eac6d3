/* The cap on concurrent checks (serve.h): a check is the one costly thing the
 * server does, so at most a few run at once and a bounded number wait. */
#include <errno.h>
#include <time.h>

#include "serve.h"

long long serve_now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void check_gate_init(check_gate *g, unsigned max_running, unsigned max_waiting) {
  pthread_mutex_init(&g->lock, NULL);
  pthread_condattr_t attr;
  pthread_condattr_init(&attr);
  /* deadlines are on the monotonic clock, which a clock change leaves alone */
  pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
  pthread_cond_init(&g->turn, &attr);
  pthread_condattr_destroy(&attr);
  g->running = g->waiting = 0;
  g->max_running = max_running ? max_running : 1;
  g->max_waiting = max_waiting;
}

void check_gate_destroy(check_gate *g) {
  pthread_cond_destroy(&g->turn);
  pthread_mutex_destroy(&g->lock);
}

bool check_gate_enter(check_gate *g, long long deadline_ms) {
  pthread_mutex_lock(&g->lock);
  if (g->running < g->max_running) {
    g->running++;
    pthread_mutex_unlock(&g->lock);
    return true;
  }
  if (g->waiting >= g->max_waiting) {
    pthread_mutex_unlock(&g->lock);
    return false;
  }
  g->waiting++;
  struct timespec until = {.tv_sec = (time_t)(deadline_ms / 1000),
                           .tv_nsec = (long)(deadline_ms % 1000) * 1000000L};
  bool got = false;
  for (;;) {
    if (g->running < g->max_running) {
      g->running++;
      got = true;
      break;
    }
    if (pthread_cond_timedwait(&g->turn, &g->lock, &until) == ETIMEDOUT)
      break;
  }
  g->waiting--;
  pthread_mutex_unlock(&g->lock);
  return got;
}

void check_gate_leave(check_gate *g) {
  pthread_mutex_lock(&g->lock);
  g->running--;
  pthread_cond_signal(&g->turn);
  pthread_mutex_unlock(&g->lock);
}

/* circheck serve: a local web app over the engine's public API (circheck.h).
 *
 * The server is a front end like the command line: it never reaches into the
 * library's internals, keeps uploads in memory only, and answers with the
 * same reports `circheck check` writes. docs/serve.md describes it. */
#ifndef CK_SERVE_H
#define CK_SERVE_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>

#include "circheck.h"

/* The command `circheck serve [options]`; argv[0] is "serve". Returns the
 * exit code: 0 after a clean stop on SIGTERM or SIGINT, 2 on bad options or
 * when the server cannot start. */
int ck_serve_main(int argc, char **argv);

/* What `serve` is told on its command line. */
typedef struct serve_config {
  const char *bind;         /* address to listen on; default 127.0.0.1 */
  unsigned port;            /* 0: any free port (the one taken is logged) */
  size_t max_upload;        /* bytes of one request body */
  unsigned max_checks;      /* checks running at once */
  unsigned max_queue;       /* checks waiting for a turn before 503 */
  unsigned timeout_s;       /* per request: receiving, waiting for a turn */
  size_t max_header_bytes;  /* request line and headers together */
  unsigned max_connections; /* open connections */
} serve_config;

/* A piece of work for the check pool: 'run' is called with 'arg' on a
 * worker thread. */
typedef struct check_job {
  void (*run)(void *arg);
  void *arg;
  bool started, done;
  struct check_job *next;
} check_job;

/* The checks run on a pool of worker threads (pool.c says why): at most
 * 'nthreads' at once, and at most 'max_queued' waiting for a worker. */
typedef struct check_pool {
  pthread_mutex_t lock;
  pthread_cond_t work;     /* a job was queued, or the pool stops */
  pthread_cond_t finished; /* a job started or finished */
  check_job *head, *tail;
  unsigned queued, max_queued, idle;
  bool stopping;
  pthread_t *threads;
  unsigned nthreads;
} check_pool;

/* Starts 'workers' threads; false when none could be started. */
bool check_pool_start(check_pool *p, unsigned workers, unsigned max_queued);
/* Lets the workers finish what is queued, then joins them. */
void check_pool_stop(check_pool *p);
/* How many checks run now, and how many wait for a worker. */
void check_pool_counts(check_pool *p, unsigned *running, unsigned *waiting);
/* Runs 'job' on a worker and returns true once it is done; returns false,
 * without running it, when the queue is full or no worker took it before
 * 'deadline_ms' (CLOCK_MONOTONIC). */
bool check_pool_run(check_pool *p, check_job *job, long long deadline_ms);

/* Everything a request handler may read; shared by every thread. */
typedef struct serve_app {
  const ck_ruleset *rs;
  serve_config cfg;
  check_pool pool;
  atomic_uint in_flight; /* requests begun and not yet answered and logged */
  atomic_bool started;   /* the daemon runs: its own messages are logged */
} serve_app;

/* Milliseconds on CLOCK_MONOTONIC. */
long long serve_now_ms(void);

#endif

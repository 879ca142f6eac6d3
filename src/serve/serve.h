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

/* The cap on checks running at once: a check waits for a turn while fewer
 * than 'max_queue' wait, for at most the request's time limit; otherwise it
 * is refused (503 with Retry-After). */
typedef struct check_gate {
  pthread_mutex_t lock;
  pthread_cond_t turn;
  unsigned running, waiting, max_running, max_waiting;
} check_gate;

void check_gate_init(check_gate *g, unsigned max_running, unsigned max_waiting);
void check_gate_destroy(check_gate *g);
/* True when the caller may run a check now (call check_gate_leave after);
 * false when the queue is full or 'deadline_ms' (CLOCK_MONOTONIC) passed. */
bool check_gate_enter(check_gate *g, long long deadline_ms);
void check_gate_leave(check_gate *g);

/* Everything a request handler may read; shared by every thread. */
typedef struct serve_app {
  const ck_ruleset *rs;
  serve_config cfg;
  check_gate gate;
  atomic_uint in_flight; /* requests begun and not yet answered and logged */
} serve_app;

/* Milliseconds on CLOCK_MONOTONIC. */
long long serve_now_ms(void);

#endif

/* `circheck serve`: options, the daemon's life, a graceful stop.
 *
 * libmicrohttpd runs a thread per connection (the check itself blocks, and a
 * slow one must not hold up the pages); the main thread only waits for
 * SIGTERM or SIGINT, then stops accepting, lets the requests in flight
 * finish, and exits 0. */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "http.h"
#include "mhd_library.h"

static const char usage[] =
    "usage: circheck serve [options]\n\n"
    "A local web app: check a draft, build a checklist, read the guide, and an API\n"
    "(POST /api/check, GET /api/rules, GET /api/checklist). Uploads are checked in\n"
    "memory and never written to disk. Stops cleanly on SIGTERM or SIGINT, letting\n"
    "requests in flight finish. One log line per request on standard error.\n\n"
    "options:\n"
    "  --port N              port to listen on (default 8080; 0 = any free port)\n"
    "  --bind ADDR           address to listen on (default 127.0.0.1, this machine only;\n"
    "                        see docs/serve.md before exposing it)\n"
    "  --max-upload SIZE     largest request body, in bytes or with K/M (default 50M)\n"
    "  --max-checks N        checks running at once, on as many worker threads (default 4)\n"
    "  --queue N             checks waiting for a turn before 503 (default 32)\n"
    "  --timeout SECONDS     per request: receiving it and waiting for a turn (default 60)\n"
    "  --max-header-bytes N  request line and headers together (default 16384)\n"
    "  --rules PATH          extra rule file or folder (repeatable)\n"
    "  -h, --help            show this help\n";

static int usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int usage_error(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fputs("circheck: error: ", stderr);
  vfprintf(stderr, fmt, ap);
  fputs(" (see 'circheck serve --help')\n", stderr);
  va_end(ap);
  return 2;
}

/* A whole number within [min, max], with an optional K or M suffix when
   'sizes'. */
static bool parse_number(const char *s, bool sizes, unsigned long long min,
                         unsigned long long max, unsigned long long *out) {
  char *end;
  errno = 0;
  if (!s || !*s || *s == '-')
    return false;
  unsigned long long v = strtoull(s, &end, 10);
  if (errno || end == s)
    return false;
  if (sizes && (*end == 'K' || *end == 'k')) {
    v *= 1024;
    end++;
  } else if (sizes && (*end == 'M' || *end == 'm')) {
    v *= 1024 * 1024;
    end++;
  }
  if (*end || v < min || v > max)
    return false;
  *out = v;
  return true;
}

/* libmicrohttpd's own messages, with the server's prefix. */
static void mhd_log(void *cls, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
static void mhd_log(void *cls, const char *fmt, va_list ap) {
  /* before the daemon runs, a failure to start is said once, below */
  if (!atomic_load((atomic_bool *)cls))
    return;
  char line[512];
  vsnprintf(line, sizeof line, fmt, ap);
  size_t n = strlen(line);
  while (n && line[n - 1] == '\n')
    line[--n] = '\0';
  fprintf(stderr, "circheck serve: %s\n", line);
}

int ck_serve_main(int argc, char **argv) {
  serve_config cfg = {.bind = "127.0.0.1",
                      .port = 8080,
                      .max_upload = (size_t)50 << 20,
                      .max_checks = 4,
                      .max_queue = 32,
                      .timeout_s = 60,
                      .max_header_bytes = 16384,
                      .max_connections = 256};
  const char **rules = NULL;
  size_t nrules = 0;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    const char *value = i + 1 < argc ? argv[i + 1] : NULL;
    unsigned long long n;
    if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
      fputs(usage, stdout);
      free(rules);
      return 0;
    }
    bool takes_value = strcmp(a, "--port") == 0 || strcmp(a, "--bind") == 0 ||
                       strcmp(a, "--max-upload") == 0 || strcmp(a, "--max-checks") == 0 ||
                       strcmp(a, "--queue") == 0 || strcmp(a, "--timeout") == 0 ||
                       strcmp(a, "--max-header-bytes") == 0 || strcmp(a, "--rules") == 0;
    if (!takes_value) {
      free(rules);
      return usage_error("unknown option '%s'", a);
    }
    if (!value) {
      free(rules);
      return usage_error("option '%s' needs a value", a);
    }
    i++;
    bool ok = true;
    if (strcmp(a, "--port") == 0)
      ok = parse_number(value, false, 0, 65535, &n) && ((cfg.port = (unsigned)n), true);
    else if (strcmp(a, "--bind") == 0)
      cfg.bind = value;
    else if (strcmp(a, "--max-upload") == 0)
      ok = parse_number(value, true, 1, (unsigned long long)1 << 32, &n) &&
           ((cfg.max_upload = (size_t)n), true);
    else if (strcmp(a, "--max-checks") == 0)
      ok = parse_number(value, false, 1, 256, &n) && ((cfg.max_checks = (unsigned)n), true);
    else if (strcmp(a, "--queue") == 0)
      ok = parse_number(value, false, 0, 10000, &n) && ((cfg.max_queue = (unsigned)n), true);
    else if (strcmp(a, "--timeout") == 0)
      ok = parse_number(value, false, 1, 3600, &n) && ((cfg.timeout_s = (unsigned)n), true);
    else if (strcmp(a, "--max-header-bytes") == 0)
      ok = parse_number(value, true, 1024, 1 << 20, &n) &&
           ((cfg.max_header_bytes = (size_t)n), true);
    else {
      rules = realloc(rules, (nrules + 1) * sizeof *rules);
      if (!rules)
        return usage_error("out of memory");
      rules[nrules++] = value;
    }
    if (!ok) {
      free(rules);
      return usage_error("bad value '%s' for %s", value, a);
    }
  }

  union {
    struct sockaddr sa;
    struct sockaddr_in v4;
    struct sockaddr_in6 v6;
  } addr;
  memset(&addr, 0, sizeof addr);
  bool v6 = strchr(cfg.bind, ':') != NULL;
  if (v6) {
    addr.v6.sin6_family = AF_INET6;
    addr.v6.sin6_port = htons((uint16_t)cfg.port);
    if (inet_pton(AF_INET6, cfg.bind, &addr.v6.sin6_addr) != 1) {
      free(rules);
      return usage_error("--bind needs an IPv4 or IPv6 address, not '%s'", cfg.bind);
    }
  } else {
    addr.v4.sin_family = AF_INET;
    addr.v4.sin_port = htons((uint16_t)cfg.port);
    if (inet_pton(AF_INET, cfg.bind, &addr.v4.sin_addr) != 1) {
      free(rules);
      return usage_error("--bind needs an IPv4 or IPv6 address, not '%s'", cfg.bind);
    }
  }

  /* libmicrohttpd is opened here, not linked (mhd_library.h): a machine
     without it can still check files, and says so only when asked to serve. */
  const char *why = NULL;
  const serve_mhd_api *mhd = serve_mhd_load(&why);
  if (!mhd) {
    fprintf(stderr, "circheck: error: %s\n", why);
    free(rules);
    return 2;
  }

  ck_diags diags = CK_DIAGS_INIT;
  ck_ruleset *rs = NULL;
  ck_ruleset_load(true, rules, nrules, &rs, &diags);
  free(rules);
  for (size_t i = 0; i < diags.n; i++)
    ck_diag_print(&diags.items[i], stderr);
  ck_diags_free(&diags);
  if (!rs)
    return 2;

  /* The stop signals are taken by sigwait() in this thread only: block them
     before any thread starts (the check workers too), so every thread
     inherits the mask; a worker that did not would take a SIGTERM sent
     before this thread waits for it, and die of it. A client that goes
     away must not kill the server with SIGPIPE. */
  sigset_t stop;
  sigemptyset(&stop);
  sigaddset(&stop, SIGTERM);
  sigaddset(&stop, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop, NULL);
  signal(SIGPIPE, SIG_IGN);

  serve_app app = {.rs = rs, .cfg = cfg};
  atomic_init(&app.in_flight, 0);
  atomic_init(&app.started, false);
  if (!check_pool_start(&app.pool, cfg.max_checks, cfg.max_queue)) {
    fprintf(stderr, "circheck: error: cannot start the check workers\n");
    ck_ruleset_free(rs);
    return 2;
  }

  unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_THREAD_PER_CONNECTION |
                   MHD_USE_ITC | MHD_USE_POLL | MHD_USE_ERROR_LOG;
  if (v6)
    flags |= MHD_USE_IPv6;
  struct MHD_Daemon *d = mhd->start_daemon(
      flags, (uint16_t)cfg.port, NULL, NULL, serve_on_request, &app,
      MHD_OPTION_EXTERNAL_LOGGER, mhd_log, &app.started,
      MHD_OPTION_SOCK_ADDR, &addr.sa,
      MHD_OPTION_CONNECTION_LIMIT, cfg.max_connections,
      MHD_OPTION_CONNECTION_TIMEOUT, cfg.timeout_s,
      MHD_OPTION_CONNECTION_MEMORY_LIMIT, cfg.max_header_bytes,
      MHD_OPTION_NOTIFY_COMPLETED, serve_on_completed, &app,
      MHD_OPTION_END);
  if (!d) {
    fprintf(stderr, "circheck: error: cannot listen on %s port %u: %s\n", cfg.bind, cfg.port,
            strerror(errno));
    check_pool_stop(&app.pool);
    ck_ruleset_free(rs);
    return 2;
  }
  atomic_store(&app.started, true);
  const union MHD_DaemonInfo *info = mhd->get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
  unsigned port = info ? info->port : cfg.port;
  fprintf(stderr, "circheck serve: listening on http://%s%s%s:%u/\n", v6 ? "[" : "", cfg.bind,
          v6 ? "]" : "", port);

  int sig = 0;
  while (sigwait(&stop, &sig) != 0) {
  }
  fprintf(stderr, "circheck serve: %s: finishing %u request(s) in flight\n",
          sig == SIGTERM ? "SIGTERM" : "SIGINT", atomic_load(&app.in_flight));
  /* Stop accepting: the listening socket is ours to close from here. */
  MHD_socket listener = mhd->quiesce_daemon(d);
  if (listener != MHD_INVALID_SOCKET)
    close(listener);
  /* Requests already begun finish (an upload under way included); a
     connection that sends nothing more is closed by the daemon's timeout. */
  long long give_up = serve_now_ms() + (long long)cfg.timeout_s * 1000 + 5000;
  while (atomic_load(&app.in_flight) > 0 && serve_now_ms() < give_up) {
    struct timespec pause = {0, 20 * 1000000L};
    nanosleep(&pause, NULL);
  }
  mhd->stop_daemon(d);
  check_pool_stop(&app.pool);
  ck_ruleset_free(rs);
  fprintf(stderr, "circheck serve: stopped\n");
  return 0;
}

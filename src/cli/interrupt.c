/* Removing the temporary file of -o on SIGINT, SIGTERM and SIGHUP
 * (interrupt.h). The handler does only what is async-signal-safe: unlink()
 * of a path stored beforehand, then the default action by re-raising. */
#include "interrupt.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const int handled[] = {SIGINT, SIGTERM, SIGHUP};
enum { NHANDLED = sizeof handled / sizeof *handled };

/* Set and cleared only while the signals are held, so the handler never
   sees a half-written pointer or a path being freed. */
static char *volatile temp_path;

static void on_signal(int sig) {
  char *path = temp_path;
  if (path)
    unlink(path);
  /* The default action, now: the signal is blocked inside its handler, so
     it is delivered as soon as the handler returns. */
  signal(sig, SIG_DFL);
  raise(sig);
}

static void handled_set(sigset_t *set) {
  sigemptyset(set);
  for (int i = 0; i < NHANDLED; i++)
    sigaddset(set, handled[i]);
}

void interrupt_install(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_signal;
  handled_set(&sa.sa_mask); /* one handler at a time */
  for (int i = 0; i < NHANDLED; i++) {
    struct sigaction was;
    /* A signal ignored when circheck started (nohup, a background job of a
       shell without job control) stays ignored. */
    if (sigaction(handled[i], NULL, &was) == 0 && was.sa_handler == SIG_IGN)
      continue;
    sigaction(handled[i], &sa, NULL);
  }
}

void interrupt_hold(sigset_t *old) {
  sigset_t set;
  handled_set(&set);
  pthread_sigmask(SIG_BLOCK, &set, old);
}

void interrupt_release(const sigset_t *old) { pthread_sigmask(SIG_SETMASK, old, NULL); }

void interrupt_remember(const char *path) {
  char *was = temp_path;
  temp_path = path ? strdup(path) : NULL;
  free(was);
}

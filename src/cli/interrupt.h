/* Removing the temporary file of -o when the run is interrupted (SIGINT,
 * SIGTERM, SIGHUP), then ending by the same signal, so the shell and any
 * parent see an interrupted run (status 130, 143, 129). */
#ifndef CIRCHECK_INTERRUPT_H
#define CIRCHECK_INTERRUPT_H

#include <signal.h>

/* Installs the handlers; call once, before any temporary file is made. */
void interrupt_install(void);

/* Holds the signals back (saving the mask in 'old') while a temporary file
 * is made, remembered, committed or forgotten, so none of those steps is cut
 * in half; interrupt_release delivers what came meanwhile. */
void interrupt_hold(sigset_t *old);
void interrupt_release(const sigset_t *old);

/* The temporary file an interruption removes ('path' is copied; NULL:
 * none). Call between interrupt_hold and interrupt_release. */
void interrupt_remember(const char *path);

#endif

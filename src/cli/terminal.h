/* The command line's manners on a terminal: whether to colour, and the
 * progress line on standard error. Nothing here is written when the output
 * is redirected, so logs and reports stay plain. */
#ifndef CK_CLI_TERMINAL_H
#define CK_CLI_TERMINAL_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

/* --color=WHEN */
typedef enum { COLOUR_AUTO, COLOUR_ALWAYS, COLOUR_NEVER } colour_when;

/* Parses "auto", "always" or "never"; false for anything else. */
bool colour_when_parse(const char *s, colour_when *out);

/* Whether output to 'fd' gets colour: always or never as asked; with auto,
   when 'fd' is a terminal, NO_COLOR is unset or empty, and TERM is not
   "dumb". */
bool colour_for_fd(colour_when when, int fd);

/* The progress line: "circheck: 12/340 files checked", rewritten in place
   on standard error. It appears only when standard error is a terminal and
   the run has taken more than a second, and is erased by progress_end(), so
   nothing of it stays on the screen or reaches a redirected stream. */
typedef struct progress_line {
  bool enabled;           /* standard error is a terminal */
  bool shown;             /* something is on the screen now */
  size_t width;           /* characters of what is on the screen */
  struct timespec start;  /* when the run began */
  struct timespec drawn;  /* when the line was last written */
} progress_line;

/* Starts timing a run; the line stays off unless standard error is a terminal. */
void progress_begin(progress_line *p);
/* A ck_progress_fn: 'done' of 'total' files checked. */
void progress_update(void *line, size_t done, size_t total);
/* Erases the line if it was shown, leaving the cursor where the line began. */
void progress_end(progress_line *p);

#endif

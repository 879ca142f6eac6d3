/* Colour choice and the progress line (terminal.h). */
#include "terminal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* A run shorter than this shows no progress at all: a line that flashes
   and vanishes is noise. */
#define PROGRESS_DELAY_MS 1000
/* The line is redrawn at most this often, so thousands of small files do
   not turn into thousands of terminal writes. */
#define PROGRESS_REDRAW_MS 100

bool colour_when_parse(const char *s, colour_when *out) {
  static const struct {
    const char *name;
    colour_when when;
  } names[] = {{"auto", COLOUR_AUTO}, {"always", COLOUR_ALWAYS}, {"never", COLOUR_NEVER}};
  for (size_t i = 0; i < sizeof names / sizeof *names; i++)
    if (strcmp(s, names[i].name) == 0) {
      *out = names[i].when;
      return true;
    }
  return false;
}

bool colour_for_fd(colour_when when, int fd) {
  if (when != COLOUR_AUTO)
    return when == COLOUR_ALWAYS;
  /* https://no-color.org: present and not empty turns colour off by default;
     an explicit --color=always still wins. */
  const char *no_colour = getenv("NO_COLOR");
  if (no_colour && *no_colour)
    return false;
  const char *term = getenv("TERM");
  if (term && strcmp(term, "dumb") == 0)
    return false;
  return isatty(fd) == 1;
}

static long elapsed_ms(const struct timespec *from, const struct timespec *to) {
  return (long)(to->tv_sec - from->tv_sec) * 1000 + (to->tv_nsec - from->tv_nsec) / 1000000;
}

void progress_begin(progress_line *p) {
  memset(p, 0, sizeof *p);
  p->enabled = isatty(STDERR_FILENO) == 1;
  clock_gettime(CLOCK_MONOTONIC, &p->start);
}

/* Writes "\r", the text, and spaces over whatever was longer before; plain
   characters only, so a terminal without escape sequences shows it too. */
static void draw(progress_line *p, const char *text) {
  size_t len = strlen(text);
  fputc('\r', stderr);
  fputs(text, stderr);
  for (size_t i = len; i < p->width; i++)
    fputc(' ', stderr);
  fflush(stderr);
  if (len > p->width)
    p->width = len;
}

void progress_update(void *line, size_t done, size_t total) {
  progress_line *p = line;
  if (!p->enabled || done >= total)
    return; /* the last file: the line is about to go anyway */
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  if (elapsed_ms(&p->start, &now) < PROGRESS_DELAY_MS)
    return;
  if (p->shown && elapsed_ms(&p->drawn, &now) < PROGRESS_REDRAW_MS)
    return;
  char text[96];
  snprintf(text, sizeof text, "circheck: %zu/%zu files checked", done, total);
  draw(p, text);
  p->shown = true;
  p->drawn = now;
}

void progress_end(progress_line *p) {
  if (!p->shown)
    return;
  fputc('\r', stderr);
  for (size_t i = 0; i < p->width; i++)
    fputc(' ', stderr);
  fputc('\r', stderr);
  fflush(stderr);
  p->shown = false;
  p->width = 0;
}

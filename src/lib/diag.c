#include "diag.h"

#include <assert.h>
#include <stdarg.h>
#include <stdlib.h>

static const char *const status_names[] = {
    [CK_OK] = "ok",       [CK_ERR_IO] = "io",       [CK_ERR_INPUT] = "input",
    [CK_ERR_RULES] = "rules", [CK_ERR_USAGE] = "usage", [CK_ERR_LIMIT] = "limit",
    [CK_ERR_UNSUPPORTED] = "unsupported",
};
static_assert(sizeof status_names / sizeof *status_names == CK_STATUS_COUNT,
              "status_names out of sync with ck_status");

static const char *const level_names[] = {
    [CK_DIAG_ERROR] = "error", [CK_DIAG_WARNING] = "warning", [CK_DIAG_NOTE] = "note"};

const char *ck_status_name(ck_status s) {
  return (unsigned)s < CK_STATUS_COUNT ? status_names[s] : "unknown";
}

void ck_diags_add(ck_diags *d, ck_diag_level level, const char *file, unsigned line,
                  unsigned col, const char *fmt, ...) {
  CK_GROW(d->items, d->cap, d->n + 1);
  ck_diag *e = &d->items[d->n++];
  e->level = level;
  e->file = file ? ck_xstrdup(file) : NULL;
  e->line = line;
  e->col = line ? col : 0;
  ck_buf msg = CK_BUF_INIT;
  va_list ap;
  va_start(ap, fmt);
  ck_buf_vprintf(&msg, fmt, ap);
  va_end(ap);
  /* A diagnostic is one line: fold any line break a library message carried,
     and write other control characters (from a rule id, a name in a
     document) as escapes, so that none reaches a terminal or a log. */
  for (size_t i = 0; i < msg.len; i++)
    if (msg.ptr[i] == '\n' || msg.ptr[i] == '\r')
      msg.ptr[i] = ' ';
  while (msg.len && msg.ptr[msg.len - 1] == ' ')
    msg.ptr[--msg.len] = '\0';
  ck_buf shown = CK_BUF_INIT;
  ck_buf_put_printable(&shown, ck_buf_cstr(&msg));
  ck_buf_free(&msg);
  e->msg = ck_buf_detach(&shown);
}

size_t ck_diags_errors(const ck_diags *d) {
  size_t n = 0;
  for (size_t i = 0; i < d->n; i++)
    n += d->items[i].level == CK_DIAG_ERROR;
  return n;
}

/* Colours as compilers use them on a terminal: the place in bold, the level
   in bold red, magenta or cyan, the message plain. */
static const char *const level_colours[] = {
    [CK_DIAG_ERROR] = "\033[1;31m", [CK_DIAG_WARNING] = "\033[1;35m",
    [CK_DIAG_NOTE] = "\033[1;36m"};
#define DIAG_BOLD "\033[1m"
#define DIAG_RESET "\033[0m"

static void format_diag(const ck_diag *diag, bool colour, ck_buf *out) {
  if (diag->file) {
    if (colour)
      ck_buf_puts(out, DIAG_BOLD);
    /* A file name may hold a newline, which would forge a second line. */
    ck_buf_put_printable(out, diag->file);
    if (diag->line) {
      ck_buf_printf(out, ":%u", diag->line);
      if (diag->col)
        ck_buf_printf(out, ":%u", diag->col);
    }
    ck_buf_puts(out, ":");
    if (colour)
      ck_buf_puts(out, DIAG_RESET);
    ck_buf_puts(out, " ");
  }
  if (colour)
    ck_buf_printf(out, "%s%s:%s %s", level_colours[diag->level], level_names[diag->level],
                  DIAG_RESET, diag->msg);
  else
    ck_buf_printf(out, "%s: %s", level_names[diag->level], diag->msg);
}

void ck_diag_format(const ck_diag *diag, ck_buf *out) { format_diag(diag, false, out); }

void ck_diag_print(const ck_diag *diag, FILE *out) { ck_diag_print_styled(diag, false, out); }

void ck_diag_print_styled(const ck_diag *diag, bool colour, FILE *out) {
  ck_buf line = CK_BUF_INIT;
  format_diag(diag, colour, &line);
  ck_buf_putc(&line, '\n');
  fwrite(line.ptr, 1, line.len, out);
  ck_buf_free(&line);
}

void ck_diags_free(ck_diags *d) {
  for (size_t i = 0; i < d->n; i++) {
    free(d->items[i].file);
    free(d->items[i].msg);
  }
  free(d->items);
  d->items = NULL;
  d->n = d->cap = 0;
}

/* Status codes and diagnostics.
 *
 * Two channels: a function's ck_status says whether it worked; problems with
 * the user's input (a document or a rule file) are collected as ck_diag
 * entries with a position, and the CLI prints them with ck_diag_format(). The
 * library never prints. */
#ifndef CK_DIAG_H
#define CK_DIAG_H

#include <stddef.h>

#include "util.h"

typedef enum {
  CK_OK = 0,
  CK_ERR_IO,    /* a file could not be read or written */
  CK_ERR_INPUT, /* a document is empty, binary, badly encoded or malformed */
  CK_ERR_RULES, /* a rule file is invalid */
  CK_ERR_USAGE, /* the caller asked for something that makes no sense */
  CK_ERR_LIMIT, /* an input exceeded a configured limit */
  CK_STATUS_COUNT
} ck_status;

/* Returns a stable lower-case name such as "io" or "rules". */
const char *ck_status_name(ck_status s);

typedef enum { CK_DIAG_ERROR, CK_DIAG_WARNING, CK_DIAG_NOTE } ck_diag_level;

typedef struct ck_diag {
  ck_diag_level level;
  char *file;    /* owned; may be NULL */
  unsigned line; /* 1-based; 0 when unknown */
  unsigned col;  /* 1-based; 0 when unknown */
  char *msg;     /* owned */
} ck_diag;

typedef struct ck_diags {
  ck_diag *items;
  size_t n, cap;
} ck_diags;

#define CK_DIAGS_INIT {NULL, 0, 0}

/* Appends a diagnostic; 'file' is copied. */
void ck_diags_add(ck_diags *d, ck_diag_level level, const char *file, unsigned line,
                  unsigned col, const char *fmt, ...) __attribute__((format(printf, 6, 7)));
/* Number of entries at level CK_DIAG_ERROR. */
size_t ck_diags_errors(const ck_diags *d);
/* The one formatter: "file:line:col: error: msg" (parts that are unknown are
 * left out). Appends to 'out' without a trailing newline. */
void ck_diag_format(const ck_diag *diag, ck_buf *out);
/* Frees every entry and leaves 'd' empty and reusable. */
void ck_diags_free(ck_diags *d);

#endif

/* Internal side of diagnostics: the one formatter. The types and the
 * functions callers use are in circheck.h. */
#ifndef CK_DIAG_H
#define CK_DIAG_H

#include "circheck.h"
#include "util.h"

/* The one formatter: "file:line:col: error: msg" (parts that are unknown are
 * left out). Appends to 'out' without a trailing newline. */
void ck_diag_format(const ck_diag *diag, ck_buf *out);

#endif

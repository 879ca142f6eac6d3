/* The PDF reader: the text layer of every page (poppler-glib), rebuilt into
 * the document model. A position in a PDF is page:character, the character
 * counted from the start of the page's text. Running headers and footers
 * are left out; a PDF without a text layer (a scan) is an error. */
#ifndef CK_READ_PDF_H
#define CK_READ_PDF_H

#include <stdbool.h>
#include <stddef.h>

#include "doc.h"
#include "source.h"

/* Whether 'data' is a PDF ("%PDF-" within its first KiB). */
bool ck_pdf_magic(const char *data, size_t len);

ck_status ck_read_pdf(const ck_source *src, const ck_limits *limits, ck_doc **out,
                      ck_diags *diags);

#endif

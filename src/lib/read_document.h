/* Loading one document: read the bytes, decode them, pick the reader by
 * content and build the finished document model (read_document.c). The
 * layer between the readers (readers.h) and evaluation (eval.h). */
#ifndef CK_READ_DOCUMENT_H
#define CK_READ_DOCUMENT_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "doc.h"

/* Loads one document from 'path' ("-" = standard input): read, decode, pick
 * the reader from the format, build the model. With 'regular_only' (a file
 * a folder walk found) only a regular file is read (ck_source_read_regular). */
ck_status ck_document_load(const char *path, const ck_limits *limits, bool regular_only,
                           bool lang_set, ck_lang lang, ck_doc **out, ck_diags *diags);

/* The same for bytes held in memory, labelled 'name' in diagnostics and
 * reports; nothing is opened or written. */
ck_status ck_document_load_buffer(const char *name, const void *data, size_t len,
                                  const ck_limits *limits, bool lang_set, ck_lang lang,
                                  ck_doc **out, ck_diags *diags);

/* Builds a document from a text in memory, as the rules test does for
 * examples; 'name' labels it. Returns NULL when the text cannot be read. */
ck_doc *ck_document_from_text(const char *name, const char *text, size_t len, ck_lang lang,
                              ck_diags *diags);

#endif

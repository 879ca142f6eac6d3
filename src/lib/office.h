/* Building the document model paragraph by paragraph, shared by the Word
 * and OpenDocument readers and used by the PDF and HTML readers for their
 * paragraphs and table rows (office.c). */
#ifndef CK_OFFICE_H
#define CK_OFFICE_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "doc.h"
#include "util.h"

/* Builds the document paragraph by paragraph. */
typedef struct ck_office_builder {
  ck_doc *doc;
  const ck_limits *limits;
  ck_diags *diags;
  const char *file;
  unsigned paragraph; /* the number of the last paragraph given */
  ck_buf text;        /* the paragraph being collected */
  bool failed;        /* a limit was hit; stop */
} ck_office_builder;

void ck_office_builder_init(ck_office_builder *b, ck_doc *doc, const ck_limits *limits,
                            ck_diags *diags);
void ck_office_builder_free(ck_office_builder *b);
/* Adds the collected text as one block of 'kind' ('level' for headings);
 * a plain paragraph that reads as a numbered or capitalised heading becomes
 * one. Empties the text. */
void ck_office_paragraph(ck_office_builder *b, ck_block_kind kind, int level);
/* A table row: ck_office_cell() per cell (its collected text), in order. */
int ck_office_row(ck_office_builder *b);
void ck_office_cell(ck_office_builder *b, int row);

/* The heading level a plain paragraph's text shows ("4.3 Klima og miljø" is
 * 2, "KRAVSPESIFIKASJON" is 1), 0 when it reads as ordinary text. */
int ck_office_plain_heading(const char *text, size_t len);

#endif

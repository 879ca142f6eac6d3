/* Readers of office documents: Word (.docx, Office Open XML) and
 * OpenDocument text (.odt). Both are zip archives of XML parts; both give
 * the document model the text and XML readers fill (doc.h), so every rule,
 * report and the checklist work on them unchanged.
 *
 * Positions: a document has no lines, so "line" is the paragraph number,
 * counted from 1 over the body in reading order (a table cell counts as
 * one, whatever paragraphs it holds; text boxes, list items and footnotes
 * are paragraphs, a note right after the paragraph that cites it), and
 * "column" the character
 * within that paragraph.
 *
 * What is document text: paragraphs, headings (Word's heading styles and
 * outline levels, ODF's text:h), list items, table cells (a row reads as one
 * sentence, like a table anywhere), text boxes and footnotes; with tracked
 * changes, inserted text counts and deleted text does not. Comments are not
 * document text. A plain paragraph that is a numbered or capitalised
 * heading ("4.3 Klima og miljø", "DEL 2 KRAVSPESIFIKASJON") is a heading, as
 * in the text reader. */
#ifndef CK_READ_OFFICE_H
#define CK_READ_OFFICE_H

#include "doc.h"
#include "source.h"

/* Which office format the raw bytes of 'src' are: CK_FORMAT_DOCX,
 * CK_FORMAT_ODT, or CK_FORMAT_COUNT when they are no office document (a zip
 * of something else is reported by the readers). */
ck_input_format ck_office_sniff(const ck_source *src);

ck_status ck_read_docx(const ck_source *src, const ck_limits *limits, ck_doc **out,
                       ck_diags *diags);
ck_status ck_read_odt(const ck_source *src, const ck_limits *limits, ck_doc **out,
                      ck_diags *diags);

/* --- shared by the two readers (office.c) ------------------------------------ */

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

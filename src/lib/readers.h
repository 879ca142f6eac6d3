/* The readers: one entry point per input format, each turning a read
 * source (source.h) into a finished document model (doc.h) or an error
 * status with diagnostics; '*out' is NULL on error. read_document.c picks
 * among them; nothing else calls them but tests.
 *
 * Every reader fills the same model, so every rule, report and the
 * checklist work on every format unchanged. */
#ifndef CK_READERS_H
#define CK_READERS_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "doc.h"
#include "source.h"

/* --- plain text and Markdown (read_text.c) ------------------------------------ */

ck_status ck_read_text(const ck_source *src, ck_input_format format, const ck_limits *limits,
                       ck_doc **out, ck_diags *diags);
/* The same, giving the decoded text back as it is read (ck_source_release_text())
 * and dropping it before the document is finished, so the text and the
 * document's copy of it are not both held whole. 'src->text' is NULL
 * afterwards, whatever the result. */
ck_status ck_read_text_take(ck_source *src, ck_input_format format, const ck_limits *limits,
                            ck_doc **out, ck_diags *diags);
/* --- XML and eForms notices (read_xml.c, read_eforms.c) ---------------------- */

/* XML from 'src->raw' (libxml2 decodes it); never loads a DTD, never expands
 * an entity, never touches the network; a DOCTYPE that declares entities is
 * rejected. */
ck_status ck_read_xml(const ck_source *src, const ck_limits *limits, ck_doc **out,
                      ck_diags *diags);
/* eForms notices (ContractNotice, PriorInformationNotice, ContractAwardNotice)
 * and UBL/EHF CallForTenders from 'src->raw' (read_eforms.c): procedure and
 * lot texts as blocks, lots with CPV codes, green codes and award criteria.
 * Parsed as safely as ck_read_xml(); any other XML is handed to it. */
ck_status ck_read_eforms(const ck_source *src, const ck_limits *limits, ck_doc **out,
                         ck_diags *diags);

/* --- Word and OpenDocument (read_docx.c, read_odt.c, office.c) -------------- */

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

/* Which office format the raw bytes of 'src' are: CK_FORMAT_DOCX,
 * CK_FORMAT_ODT, or CK_FORMAT_COUNT when they are no office document (a zip
 * of something else is reported by the readers). */
ck_input_format ck_office_sniff(const ck_source *src);

ck_status ck_read_docx(const ck_source *src, const ck_limits *limits, ck_doc **out,
                       ck_diags *diags);
ck_status ck_read_odt(const ck_source *src, const ck_limits *limits, ck_doc **out,
                      ck_diags *diags);

/* --- PDF (read_pdf.c) ---------------------------------------------------------- */

/* The PDF reader: the text layer of every page (poppler-glib), rebuilt into
 * the document model. A position in a PDF is page:character, the character
 * counted from the start of the page's text. Running headers and footers
 * are left out; a PDF without a text layer (a scan) is an error. */

/* Whether 'data' is a PDF ("%PDF-" within its first KiB). */
bool ck_pdf_magic(const char *data, size_t len);

ck_status ck_read_pdf(const ck_source *src, const ck_limits *limits, ck_doc **out,
                      ck_diags *diags);

/* --- HTML (read_html.c) -------------------------------------------------------- */

/* The HTML reader: a saved web page or a portal export (libxml2's HTML
 * parser, no network), into the document model. A page that is well-formed
 * XML (XHTML) is read by the XML reader; this one takes the rest. */

/* Whether 'data' opens like an HTML page ("<!DOCTYPE html" or "<html"). */
bool ck_html_looks(const char *data, size_t len);

ck_status ck_read_html(const ck_source *src, const ck_limits *limits, ck_doc **out,
                       ck_diags *diags);

#endif

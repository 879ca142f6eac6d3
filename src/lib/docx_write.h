/* A minimal Word document (.docx) written from headings and paragraphs.
 *
 * What circheck hands a buyer to paste from: a title, headings of two
 * levels and plain paragraphs, one clause each. The package holds only the
 * four parts Word and LibreOffice need ([Content_Types].xml, _rels/.rels,
 * word/document.xml, word/styles.xml with the Title and Heading 1/2 styles),
 * all written here; libzip packs them in memory. Member times are fixed, so
 * the same document gives the same bytes. */
#ifndef CK_DOCX_WRITE_H
#define CK_DOCX_WRITE_H

#include <stdbool.h>

#include "circheck.h"
#include "util.h"

typedef struct ck_docx ck_docx;

/* A new, empty document whose text is in 'lang' (Word's spelling check
   and hyphenation go by it). */
ck_docx *ck_docx_new(ck_msg_lang lang);

/* Level 0 is the document's title, 1 and 2 the heading levels. */
void ck_docx_heading(ck_docx *d, int level, const char *text);
void ck_docx_paragraph(ck_docx *d, const char *text);

/* Packs the document and appends the .docx bytes to 'out'; frees 'd' either
   way. False when libzip could not build the archive (out of memory) or
   cannot be loaded (ck_docx_available). */
bool ck_docx_finish(ck_docx *d, ck_buf *out);

/* Whether a .docx can be written here: libzip is opened on first use
   (zip_library.h); when it cannot be, '*why' names the package and what
   went wrong, to follow "needs" ("libzip4 (...)"). */
bool ck_docx_available(const char **why);

#endif

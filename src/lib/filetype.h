/* Files of types circheck does not read, told by their first bytes: images,
 * spreadsheets, presentations, archives, programs. A folder of tender
 * documents often holds a logo or a price sheet beside the texts; such a
 * file is named for what it is, so that a folder walk can skip it. */
#ifndef CK_FILETYPE_H
#define CK_FILETYPE_H

#include <stddef.h>

/* What the bytes are, as a phrase ("a PNG image", "a spreadsheet (.xlsx)"),
 * when they are a known type that is no tender document; NULL otherwise
 * (text, XML, Word, OpenDocument text, PDF, a damaged zip, or bytes of no
 * known type). */
const char *ck_unsupported_type(const char *data, size_t len);

#endif

/* Members of a zip archive held in memory, read with limits (libzip).
 *
 * Office documents (.docx, .odt) are zip archives of XML parts. A reader
 * asks for the parts it knows by name, so a member's own path ("../x") is
 * never used to write anything. Every read is bounded: an uncompressed size
 * over the caller's limit or a compression ratio no document has (a zip
 * bomb) stops it, and so does encryption, each with one clear diagnostic. */
#ifndef CK_ZIPREAD_H
#define CK_ZIPREAD_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

/* Uncompressed bytes per compressed byte beyond which a member is taken for
 * a zip bomb. XML compresses about 10:1; a run of one repeated byte, 1000:1. */
#define CK_ZIP_MAX_RATIO 200
/* Below this size the ratio is not looked at: tiny parts compress oddly. */
#define CK_ZIP_RATIO_FLOOR (1u << 20)

typedef struct ck_zip ck_zip;

/* Whether libzip can be loaded (zip_library.h); when not, '*why' names the
 * package and what went wrong, to follow "needs" ("libzip4 (...)"). */
bool ck_zip_available(const char **why);

/* Whether 'data' starts like a zip archive ("PK\3\4", or an empty one). */
bool ck_zip_magic(const char *data, size_t len);

/* Opens the archive in data[0, len) (borrowed: it must outlive the ck_zip).
 * 'file' names it in diagnostics. CK_ERR_INPUT when it is no readable zip. */
ck_status ck_zip_open(const char *data, size_t len, const char *file, ck_zip **out,
                      ck_diags *diags);
void ck_zip_close(ck_zip *z);

/* Whether the archive has a member called 'name'. */
bool ck_zip_has(ck_zip *z, const char *name);

/* Reads member 'name' whole into a NUL-terminated buffer the caller frees.
 * At most 'max' bytes uncompressed (CK_ERR_LIMIT beyond, or beyond the
 * ratio above); an encrypted member or a corrupt stream is CK_ERR_INPUT;
 * a missing member is CK_ERR_INPUT when 'required', else CK_OK with '*out'
 * NULL. */
ck_status ck_zip_read(ck_zip *z, const char *name, size_t max, bool required, char **out,
                      size_t *len, ck_diags *diags);

#endif

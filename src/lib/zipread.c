/* Zip members in memory through libzip (zipread.h), opened on first use
 * (zip_library.c). */
#include "zipread.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "zip_library.h"

struct ck_zip {
  const ck_zip_api *zip;
  zip_t *za;
  const char *file; /* borrowed, for diagnostics */
};

bool ck_zip_available(const char **why) { return ck_zip_library(why) != NULL; }

bool ck_zip_magic(const char *data, size_t len) {
  return len >= 4 && data[0] == 'P' && data[1] == 'K' &&
         ((data[2] == 3 && data[3] == 4) || (data[2] == 5 && data[3] == 6));
}

ck_status ck_zip_open(const char *data, size_t len, const char *file, ck_zip **out,
                      ck_diags *diags) {
  *out = NULL;
  const char *why = NULL;
  const ck_zip_api *zip = ck_zip_library(&why);
  if (!zip) {
    ck_diags_add(diags, CK_DIAG_ERROR, file, 0, 0,
                 "reading Word and OpenDocument files needs %s", why);
    return CK_ERR_IO;
  }
  zip_error_t err;
  zip->error_init(&err);
  zip_source_t *src = zip->source_buffer_create(data, len, 0, &err);
  zip_t *za = src ? zip->open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &err) : NULL;
  if (!za) {
    ck_diags_add(diags, CK_DIAG_ERROR, file, 0, 0, "not a readable zip archive: %s",
                 zip->error_strerror(&err));
    if (src)
      zip->source_free(src);
    zip->error_fini(&err);
    return CK_ERR_INPUT;
  }
  zip->error_fini(&err);
  ck_zip *z = ck_xcalloc(1, sizeof *z);
  z->zip = zip;
  z->za = za;
  z->file = file;
  *out = z;
  return CK_OK;
}

void ck_zip_close(ck_zip *z) {
  if (!z)
    return;
  z->zip->discard(z->za); /* read-only: nothing to write back */
  free(z);
}

bool ck_zip_has(ck_zip *z, const char *name) { return z->zip->name_locate(z->za, name, 0) >= 0; }

ck_status ck_zip_read(ck_zip *z, const char *name, size_t max, bool required, char **out,
                      size_t *len, ck_diags *diags) {
  *out = NULL;
  *len = 0;
  zip_int64_t index = z->zip->name_locate(z->za, name, 0);
  if (index < 0) {
    if (!required)
      return CK_OK;
    ck_diags_add(diags, CK_DIAG_ERROR, z->file, 0, 0, "the archive has no %s", name);
    return CK_ERR_INPUT;
  }
  zip_stat_t st;
  z->zip->stat_init(&st);
  if (z->zip->stat_index(z->za, (zip_uint64_t)index, 0, &st) != 0) {
    ck_diags_add(diags, CK_DIAG_ERROR, z->file, 0, 0, "cannot read %s in the archive", name);
    return CK_ERR_INPUT;
  }
  if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE) {
    ck_diags_add(diags, CK_DIAG_ERROR, z->file, 0, 0,
                 "the document is encrypted (password protected); save an unprotected copy");
    return CK_ERR_INPUT;
  }
  /* The sizes in the archive's directory may lie; the read below stops at
     the limits whatever they say. */
  zip_uint64_t comp = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0;
  size_t ratio_cap = comp > 0 && comp < (zip_uint64_t)(SIZE_MAX / CK_ZIP_MAX_RATIO)
                         ? (size_t)comp * CK_ZIP_MAX_RATIO
                         : SIZE_MAX;
  size_t cap = max;
  if (ratio_cap < cap && ratio_cap >= CK_ZIP_RATIO_FLOOR)
    cap = ratio_cap;
  else if (ratio_cap < CK_ZIP_RATIO_FLOOR && CK_ZIP_RATIO_FLOOR < cap)
    cap = CK_ZIP_RATIO_FLOOR;
  zip_file_t *f = z->zip->fopen_index(z->za, (zip_uint64_t)index, 0);
  if (!f) {
    ck_diags_add(diags, CK_DIAG_ERROR, z->file, 0, 0, "cannot open %s in the archive: %s",
                 name, z->zip->archive_strerror(z->za));
    return CK_ERR_INPUT;
  }
  ck_buf b = CK_BUF_INIT;
  char chunk[65536];
  ck_status rc = CK_OK;
  for (;;) {
    zip_int64_t n = z->zip->file_read(f, chunk, sizeof chunk);
    if (n < 0) {
      ck_diags_add(diags, CK_DIAG_ERROR, z->file, 0, 0, "%s in the archive is corrupt: %s",
                   name, z->zip->file_strerror(f));
      rc = CK_ERR_INPUT;
      break;
    }
    if (n == 0)
      break;
    if (b.len + (size_t)n > cap) {
      if (cap < max)
        ck_diags_add(diags, CK_DIAG_ERROR, z->file, 0, 0,
                     "%s expands more than %d times: refused as a zip bomb", name,
                     CK_ZIP_MAX_RATIO);
      else
        ck_diags_add(diags, CK_DIAG_ERROR, z->file, 0, 0,
                     "%s is larger than the limit of %zu bytes", name, max);
      rc = CK_ERR_LIMIT;
      break;
    }
    ck_buf_put(&b, chunk, (size_t)n);
  }
  z->zip->file_close(f);
  if (rc != CK_OK) {
    ck_buf_free(&b);
    return rc;
  }
  *len = b.len;
  *out = ck_buf_detach(&b);
  return CK_OK;
}

/* Known file types that are no tender documents (filetype.h). */
#include "filetype.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "zipread.h"

static bool starts(const char *data, size_t len, const char *magic, size_t n) {
  return len >= n && memcmp(data, magic, n) == 0;
}

/* A zip's kind by the parts it has, or by OpenDocument's mimetype. */
static const char *zip_kind(const char *data, size_t len) {
  ck_diags quiet = CK_DIAGS_INIT;
  ck_zip *z = NULL;
  const char *kind = NULL;
  if (ck_zip_open(data, len, "", &z, &quiet) == CK_OK) {
    if (ck_zip_has(z, "word/document.xml")) {
      kind = NULL; /* Word: read */
    } else if (ck_zip_has(z, "xl/workbook.xml")) {
      kind = "a spreadsheet (.xlsx)";
    } else if (ck_zip_has(z, "ppt/presentation.xml")) {
      kind = "a presentation (.pptx)";
    } else {
      char *mime = NULL;
      size_t mlen = 0;
      kind = "a zip archive";
      if (ck_zip_read(z, "mimetype", 256, false, &mime, &mlen, &quiet) == CK_OK && mime &&
          strncmp(mime, "application/vnd.oasis.opendocument.", 35) == 0) {
        const char *sub = mime + 35;
        if (strncmp(sub, "text", 4) == 0)
          kind = NULL; /* OpenDocument text: read */
        else if (strncmp(sub, "spreadsheet", 11) == 0)
          kind = "a spreadsheet (.ods)";
        else if (strncmp(sub, "presentation", 12) == 0)
          kind = "a presentation (.odp)";
        else if (strncmp(sub, "graphics", 8) == 0)
          kind = "a drawing (.odg)";
      }
      free(mime);
    }
    ck_zip_close(z);
  }
  ck_diags_free(&quiet);
  return kind;
}

const char *ck_unsupported_type(const char *data, size_t len) {
  static const struct {
    const char *magic;
    size_t n;
    const char *kind;
  } magics[] = {
      {"\x89PNG\r\n\x1a\n", 8, "a PNG image"},
      {"\xFF\xD8\xFF", 3, "a JPEG image"},
      {"GIF87a", 6, "a GIF image"},
      {"GIF89a", 6, "a GIF image"},
      {"II*\0", 4, "a TIFF image"},
      {"MM\0*", 4, "a TIFF image"},
      {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8, "an older Office file (.doc, .xls, .ppt)"},
      {"\x1F\x8B", 2, "a gzip archive"},
      {"7z\xBC\xAF\x27\x1C", 6, "a 7-Zip archive"},
      {"Rar!\x1A\x07", 6, "a RAR archive"},
      {"\x7F" "ELF", 4, "a program"},
  };
  for (size_t i = 0; i < sizeof magics / sizeof *magics; i++)
    if (magics[i].kind && starts(data, len, magics[i].magic, magics[i].n))
      return magics[i].kind;
  if (len >= 12 && memcmp(data, "RIFF", 4) == 0 && memcmp(data + 8, "WEBP", 4) == 0)
    return "a WebP image";
  if (len >= 12 && memcmp(data + 4, "ftyp", 4) == 0)
    return "a video or image (ISO media)";
  if (ck_zip_magic(data, len))
    return zip_kind(data, len);
  return NULL;
}

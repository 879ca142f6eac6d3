/* Converting text to UTF-8 with iconv (transcode.h). */
#include "transcode.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>

ck_transcode_result ck_transcode(const char *from, const char *in, size_t len, char *out,
                                 size_t cap, size_t *out_len, size_t *in_used) {
  *out_len = *in_used = 0;
  if (cap == 0)
    return CK_TRANSCODE_NO_ROOM;
  iconv_t cd = iconv_open("UTF-8", from);
  if (cd == (iconv_t)-1)
    return CK_TRANSCODE_UNKNOWN;
  char *ip = (char *)(uintptr_t)in; /* iconv's prototype is not const-correct */
  char *op = out;
  size_t ileft = len, oleft = cap - 1;
  ck_transcode_result result = CK_TRANSCODE_OK;
  if (iconv(cd, &ip, &ileft, &op, &oleft) == (size_t)-1)
    result = errno == EILSEQ   ? CK_TRANSCODE_INVALID
             : errno == EINVAL ? CK_TRANSCODE_INCOMPLETE
                               : CK_TRANSCODE_NO_ROOM;
  iconv_close(cd);
  *op = '\0';
  *out_len = (size_t)(op - out);
  *in_used = len - ileft;
  return result;
}

size_t ck_transcode_utf16_room(const unsigned char *in, size_t len, bool big) {
  size_t room = 1;
  for (size_t i = 0; i + 1 < len; i += 2) {
    unsigned u = big ? (unsigned)in[i] << 8 | in[i + 1] : (unsigned)in[i + 1] << 8 | in[i];
    /* a surrogate is half of a four-byte character */
    room += u < 0x80 ? 1 : u < 0x800 ? 2 : (u >= 0xD800 && u <= 0xDFFF) ? 2 : 3;
  }
  return room;
}

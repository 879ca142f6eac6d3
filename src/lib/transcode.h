/* Converting text in a named encoding to UTF-8 (transcode.c), through the C
 * library's iconv: the one decoder circheck uses, for UTF-16 and
 * Windows-1252 sources (source.c) and the encodings XML files declare
 * (read_xml.c). What is around it (which encoding a file is in, where an
 * error is in lines and columns) stays with the callers. */
#ifndef CK_TRANSCODE_H
#define CK_TRANSCODE_H

#include <stdbool.h>
#include <stddef.h>

typedef enum {
  CK_TRANSCODE_OK,
  CK_TRANSCODE_UNKNOWN,    /* the C library knows no such encoding */
  CK_TRANSCODE_INVALID,    /* a byte sequence that is no character of the encoding */
  CK_TRANSCODE_INCOMPLETE, /* the input ends inside a character */
  CK_TRANSCODE_NO_ROOM     /* 'cap' was too small */
} ck_transcode_result;

/* Converts 'len' bytes at 'in' from encoding 'from' into 'out', which has
 * room for 'cap' bytes; a NUL follows what is written (so 'cap' must leave
 * a byte for it). '*out_len' gets the bytes written and '*in_used' the bytes
 * of 'in' converted; on INVALID or INCOMPLETE, 'in + *in_used' is where the
 * bad or cut-off character starts and everything before it is in 'out'. */
ck_transcode_result ck_transcode(const char *from, const char *in, size_t len, char *out,
                                 size_t cap, size_t *out_len, size_t *in_used);

/* Room enough for ck_transcode() of 'len' bytes of UTF-16 ('big' endian or
 * little), its NUL included: each unit counted by the UTF-8 bytes it gives. */
size_t ck_transcode_utf16_room(const unsigned char *in, size_t len, bool big);

#endif

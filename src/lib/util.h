/* Memory and growable byte buffers shared by every module.
 *
 * Allocation failure is not recoverable in circheck: the ck_x* functions abort
 * with a message instead of returning NULL, so call sites never check. */
#ifndef CK_UTIL_H
#define CK_UTIL_H

#include <stdarg.h>
#include <stddef.h>

void *ck_xmalloc(size_t size);
void *ck_xcalloc(size_t count, size_t size);
void *ck_xrealloc(void *ptr, size_t size);
char *ck_xstrdup(const char *s);
char *ck_xstrndup(const char *s, size_t len);
/* Stops the process with a message, for what no caller could handle either
 * (a document text beyond what 32-bit offsets address). */
_Noreturn void ck_fatal(const char *what, size_t size);

/* A copy of the file name 'name' that is valid UTF-8: each byte that does
 * not belong to a valid UTF-8 sequence written as "\xNN" (Linux allows any
 * bytes in a name; every report must stay valid UTF-8). The caller frees
 * it. */
char *ck_display_name(const char *name);

/* Number of UTF-8 characters in s[0, len): the bytes that are not
 * continuation bytes (10xxxxxx). Eight bytes at a time. */
size_t ck_utf8_count(const char *s, size_t len);

/* Continuation bytes (10xxxxxx) among the eight bytes of 'w'. */
static inline unsigned ck_swar_continuations(unsigned long long w) {
  unsigned long long cont = w & ~(w << 1) & 0x8080808080808080ULL;
  /* one bit per byte at bit 7: gather them into the top byte */
  return (unsigned)(((cont >> 7) * 0x0101010101010101ULL) >> 56);
}

/* Grows '*items' (of '*cap' elements of 'elem' bytes) so that it holds at
 * least 'need' elements. */
void ck_grow(void **items, size_t *cap, size_t need, size_t elem);
#define CK_GROW(arr, cap, need) ck_grow((void **)&(arr), &(cap), (need), sizeof *(arr))

/* A growable byte buffer; 'ptr' is always NUL-terminated once anything was
 * added. Pass it by pointer: functions never hand back a new buffer. */
typedef struct ck_buf {
  char *ptr;
  size_t len, cap;
} ck_buf;

#define CK_BUF_INIT {NULL, 0, 0}

void ck_buf_put(ck_buf *b, const char *s, size_t len);
void ck_buf_puts(ck_buf *b, const char *s);
/* One byte: inline, for the scanners that build texts a byte at a time. */
static inline void ck_buf_putc(ck_buf *b, char c) {
  if (b->len + 2 <= b->cap) {
    b->ptr[b->len++] = c;
    b->ptr[b->len] = '\0';
  } else {
    ck_buf_put(b, &c, 1);
  }
}
void ck_buf_printf(ck_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void ck_buf_vprintf(ck_buf *b, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
/* Makes 'b' empty but keeps its storage. */
void ck_buf_reset(ck_buf *b);
/* Returns the contents (never NULL) and leaves 'b' empty. The caller frees the result. */
char *ck_buf_detach(ck_buf *b);
/* Replaces in 'b' each byte that does not belong to a valid UTF-8
 * sequence with U+FFFD; leaves a valid buffer as it is. */
void ck_utf8_repair(ck_buf *b);
/* Releases the storage. Does nothing for an empty buffer. */
void ck_buf_free(ck_buf *b);
/* Returns the contents as a C string, "" when nothing was added. */
const char *ck_buf_cstr(const ck_buf *b);
/* Appends 's' with its control characters written as escapes, for text
 * that goes to a terminal or a log one line per item (a file name in a
 * diagnostic or the text report): newline, carriage return and tab as \n,
 * \r and \t, other C0 characters and DEL as \xHH, C1 characters (U+0080 to
 * U+009F, which some terminals obey as commands) as \u0080. Everything
 * else, bytes that are not UTF-8 too, is copied as it is. */
void ck_buf_put_printable(ck_buf *b, const char *s);

#endif

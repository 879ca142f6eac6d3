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
void ck_buf_putc(ck_buf *b, char c);
void ck_buf_printf(ck_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void ck_buf_vprintf(ck_buf *b, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
/* Makes 'b' empty but keeps its storage. */
void ck_buf_reset(ck_buf *b);
/* Returns the contents (never NULL) and leaves 'b' empty. The caller frees the result. */
char *ck_buf_detach(ck_buf *b);
/* Releases the storage. Does nothing for an empty buffer. */
void ck_buf_free(ck_buf *b);
/* Returns the contents as a C string, "" when nothing was added. */
const char *ck_buf_cstr(const ck_buf *b);

#endif

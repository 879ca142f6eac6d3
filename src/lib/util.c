#include "util.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Out of memory is the one condition the library does not report as a
 * status: no caller could do anything useful with it. */
static void out_of_memory(size_t size) {
  fprintf(stderr, "circheck: out of memory allocating %zu bytes\n", size);
  abort();
}

_Noreturn void ck_fatal(const char *what, size_t size) {
  fprintf(stderr, "circheck: %s (%zu bytes)\n", what, size);
  abort();
}

void *ck_xmalloc(size_t size) {
  void *p = malloc(size ? size : 1);
  if (!p)
    out_of_memory(size);
  return p;
}

void *ck_xcalloc(size_t count, size_t size) {
  void *p = calloc(count ? count : 1, size ? size : 1);
  if (!p)
    out_of_memory(count * size);
  return p;
}

void *ck_xrealloc(void *ptr, size_t size) {
  void *p = realloc(ptr, size ? size : 1);
  if (!p)
    out_of_memory(size);
  return p;
}

char *ck_xstrdup(const char *s) { return ck_xstrndup(s, strlen(s)); }

char *ck_xstrndup(const char *s, size_t len) {
  char *p = ck_xmalloc(len + 1);
  memcpy(p, s, len);
  p[len] = '\0';
  return p;
}

size_t ck_utf8_count(const char *s, size_t len) {
  size_t n = len, i = 0;
  for (; i + 8 <= len; i += 8) {
    unsigned long long w;
    memcpy(&w, s + i, 8);
    n -= ck_swar_continuations(w);
  }
  for (; i < len; i++)
    n -= ((unsigned char)s[i] & 0xC0) == 0x80;
  return n;
}

void ck_grow(void **items, size_t *cap, size_t need, size_t elem) {
  if (need <= *cap)
    return;
  size_t n = *cap ? *cap : 8;
  while (n < need)
    n *= 2;
  *items = ck_xrealloc(*items, n * elem);
  *cap = n;
}

static void buf_reserve(ck_buf *b, size_t extra) {
  size_t need = b->len + extra + 1;
  if (need <= b->cap)
    return;
  size_t n = b->cap ? b->cap : 64;
  while (n < need)
    n *= 2;
  b->ptr = ck_xrealloc(b->ptr, n);
  b->cap = n;
}

void ck_buf_put(ck_buf *b, const char *s, size_t len) {
  buf_reserve(b, len);
  if (len)
    memcpy(b->ptr + b->len, s, len);
  b->len += len;
  b->ptr[b->len] = '\0';
}

void ck_buf_puts(ck_buf *b, const char *s) { ck_buf_put(b, s, strlen(s)); }

void ck_buf_vprintf(ck_buf *b, const char *fmt, va_list ap) {
  va_list copy;
  va_copy(copy, ap);
  int n = vsnprintf(NULL, 0, fmt, copy);
  va_end(copy);
  if (n < 0)
    return;
  buf_reserve(b, (size_t)n);
  vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
  b->len += (size_t)n;
}

void ck_buf_printf(ck_buf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  ck_buf_vprintf(b, fmt, ap);
  va_end(ap);
}

void ck_buf_reset(ck_buf *b) {
  b->len = 0;
  if (b->ptr)
    b->ptr[0] = '\0';
}

char *ck_buf_detach(ck_buf *b) {
  char *p = b->ptr ? b->ptr : ck_xstrdup("");
  b->ptr = NULL;
  b->len = b->cap = 0;
  return p;
}

void ck_buf_free(ck_buf *b) {
  free(b->ptr);
  b->ptr = NULL;
  b->len = b->cap = 0;
}

const char *ck_buf_cstr(const ck_buf *b) { return b->ptr ? b->ptr : ""; }

/* True at a control character: C0 and DEL (one byte; NUL ends the text),
   or a C1 character (0xC2 0x80 to 0xC2 0x9F in UTF-8). */
static bool is_control(const unsigned char *p) {
  return *p < 0x20 || *p == 0x7f || (p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f);
}

void ck_buf_put_printable(ck_buf *b, const char *s) {
  const unsigned char *p = (const unsigned char *)s;
  while (*p) {
    /* the longest run that needs nothing, copied at once */
    size_t n = 0;
    while (!is_control(p + n))
      n++;
    ck_buf_put(b, (const char *)p, n);
    p += n;
    if (!*p)
      break;
    if (*p == '\n')
      ck_buf_puts(b, "\\n");
    else if (*p == '\r')
      ck_buf_puts(b, "\\r");
    else if (*p == '\t')
      ck_buf_puts(b, "\\t");
    else if (*p == 0xc2) {
      ck_buf_printf(b, "\\u%04x", p[1]);
      p++;
    } else
      ck_buf_printf(b, "\\x%02x", *p);
    p++;
  }
}

/* The length of the valid UTF-8 sequence at p[0, len) (no overlong forms,
   no surrogates, nothing above U+10FFFF), 0 when there is none. */
static size_t utf8_sequence(const unsigned char *p, size_t len) {
  unsigned char c = p[0];
  if (c < 0x80)
    return 1;
  size_t n = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
  if (n == 0 || n > len)
    return 0;
  for (size_t k = 1; k < n; k++)
    if ((p[k] & 0xC0) != 0x80)
      return 0;
  if ((c == 0xE0 && p[1] < 0xA0) || (c == 0xED && p[1] > 0x9F) || (c == 0xF0 && p[1] < 0x90) ||
      (c == 0xF4 && p[1] > 0x8F))
    return 0;
  return n;
}

char *ck_display_name(const char *name) {
  ck_buf out = CK_BUF_INIT;
  const unsigned char *p = (const unsigned char *)name;
  size_t len = strlen(name);
  for (size_t i = 0; i < len;) {
    size_t n = utf8_sequence(p + i, len - i);
    if (n) {
      ck_buf_put(&out, name + i, n);
      i += n;
    } else {
      ck_buf_printf(&out, "\\x%02X", p[i]);
      i++;
    }
  }
  char *s = ck_buf_detach(&out);
  return s ? s : ck_xstrdup("");
}

void ck_utf8_repair(ck_buf *b) {
  const unsigned char *p = (const unsigned char *)b->ptr;
  size_t i = 0;
  while (i < b->len) {
    size_t n = utf8_sequence(p + i, b->len - i);
    if (!n)
      break;
    i += n;
  }
  if (i >= b->len)
    return; /* the usual case: valid, nothing copied */
  ck_buf fixed = CK_BUF_INIT;
  ck_buf_put(&fixed, b->ptr, i);
  while (i < b->len) {
    size_t n = utf8_sequence(p + i, b->len - i);
    if (n) {
      ck_buf_put(&fixed, b->ptr + i, n);
      i += n;
    } else {
      ck_buf_puts(&fixed, "\xEF\xBF\xBD");
      i++;
    }
  }
  ck_buf_free(b);
  *b = fixed;
}

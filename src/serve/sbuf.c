/* The answer buffer and its encodings (sbuf.h). */
#include "sbuf.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void *serve_xmalloc(size_t n) {
  void *p = malloc(n ? n : 1);
  if (!p) {
    fputs("circheck serve: out of memory\n", stderr);
    abort();
  }
  return p;
}

void *serve_xrealloc(void *p, size_t n) {
  void *q = realloc(p, n ? n : 1);
  if (!q) {
    fputs("circheck serve: out of memory\n", stderr);
    abort();
  }
  return q;
}

char *serve_xstrndup(const char *s, size_t n) {
  char *d = serve_xmalloc(n + 1);
  memcpy(d, s, n);
  d[n] = '\0';
  return d;
}

static void reserve(sbuf *b, size_t more) {
  if (b->len + more + 1 <= b->cap)
    return;
  size_t cap = b->cap ? b->cap : 256;
  while (cap < b->len + more + 1)
    cap *= 2;
  b->ptr = serve_xrealloc(b->ptr, cap);
  b->cap = cap;
}

void sbuf_put(sbuf *b, const void *data, size_t len) {
  reserve(b, len);
  if (len)
    memcpy(b->ptr + b->len, data, len);
  b->len += len;
  b->ptr[b->len] = '\0';
}

void sbuf_puts(sbuf *b, const char *s) { sbuf_put(b, s, strlen(s)); }

void sbuf_printf(sbuf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n <= 0)
    return;
  reserve(b, (size_t)n);
  va_start(ap, fmt);
  vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
  va_end(ap);
  b->len += (size_t)n;
}

void sbuf_html(sbuf *b, const char *s) {
  for (; *s; s++) {
    switch (*s) {
    case '&': sbuf_puts(b, "&amp;"); break;
    case '<': sbuf_puts(b, "&lt;"); break;
    case '>': sbuf_puts(b, "&gt;"); break;
    case '"': sbuf_puts(b, "&quot;"); break;
    case '\'': sbuf_puts(b, "&#39;"); break;
    default: sbuf_put(b, s, 1);
    }
  }
}

void sbuf_url(sbuf *b, const char *s) {
  static const char hex[] = "0123456789ABCDEF";
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    unsigned char c = *p;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
        c == '-' || c == '_' || c == '.' || c == '~') {
      sbuf_put(b, &c, 1);
    } else {
      char esc[3] = {'%', hex[c >> 4], hex[c & 15]};
      sbuf_put(b, esc, 3);
    }
  }
}

void sbuf_json(sbuf *b, const char *s) {
  sbuf_puts(b, "\"");
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    if (*p == '"' || *p == '\\')
      sbuf_printf(b, "\\%c", *p);
    else if (*p == '\n')
      sbuf_puts(b, "\\n");
    else if (*p < 0x20)
      sbuf_printf(b, "\\u%04x", *p);
    else
      sbuf_put(b, p, 1);
  }
  sbuf_puts(b, "\"");
}

void sbuf_base64(sbuf *b, const void *data, size_t len) {
  static const char abc[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  const unsigned char *p = data;
  reserve(b, (len + 2) / 3 * 4);
  char *o = b->ptr + b->len;
  size_t i = 0;
  for (; i + 3 <= len; i += 3) {
    uint32_t v = (uint32_t)p[i] << 16 | (uint32_t)p[i + 1] << 8 | p[i + 2];
    *o++ = abc[v >> 18];
    *o++ = abc[(v >> 12) & 63];
    *o++ = abc[(v >> 6) & 63];
    *o++ = abc[v & 63];
  }
  if (i < len) {
    uint32_t v = (uint32_t)p[i] << 16 | (i + 1 < len ? (uint32_t)p[i + 1] << 8 : 0);
    *o++ = abc[v >> 18];
    *o++ = abc[(v >> 12) & 63];
    *o++ = i + 1 < len ? abc[(v >> 6) & 63] : '=';
    *o++ = '=';
  }
  b->len = (size_t)(o - b->ptr);
  b->ptr[b->len] = '\0';
}

char *sbuf_detach(sbuf *b, size_t *len) {
  if (!b->ptr)
    sbuf_put(b, "", 0);
  char *p = b->ptr;
  if (len)
    *len = b->len;
  b->ptr = NULL;
  b->len = b->cap = 0;
  return p;
}

void sbuf_free(sbuf *b) {
  free(b->ptr);
  b->ptr = NULL;
  b->len = b->cap = 0;
}

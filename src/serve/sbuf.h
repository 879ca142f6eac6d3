/* A growing byte buffer for building answers, and the encodings pages need:
 * HTML escaping, URL query encoding, base64. */
#ifndef CK_SERVE_SBUF_H
#define CK_SERVE_SBUF_H

#include <stddef.h>

typedef struct sbuf {
  char *ptr; /* NUL-terminated while not NULL */
  size_t len, cap;
} sbuf;

#define SBUF_INIT {NULL, 0, 0}

void sbuf_put(sbuf *b, const void *data, size_t len);
void sbuf_puts(sbuf *b, const char *s);
void sbuf_printf(sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Text with & < > " ' escaped, for element content and quoted attributes. */
void sbuf_html(sbuf *b, const char *s);
/* A query-string value: unreserved bytes as they are, the rest as %XX. */
void sbuf_url(sbuf *b, const char *s);
/* A JSON string with its quotes. */
void sbuf_json(sbuf *b, const char *s);
void sbuf_base64(sbuf *b, const void *data, size_t len);
/* Hands over the bytes (never NULL: an empty buffer gives ""). */
char *sbuf_detach(sbuf *b, size_t *len);
void sbuf_free(sbuf *b);

/* malloc that ends the process on failure, as the library's does: a server
 * out of memory has no better way on. */
void *serve_xmalloc(size_t n);
void *serve_xrealloc(void *p, size_t n);
char *serve_xstrndup(const char *s, size_t n);

#endif

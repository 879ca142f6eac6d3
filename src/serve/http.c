/* The libmicrohttpd side of the server: a request is read within the caps
 * (body size, time), handed to the routes, and answered with the security
 * headers every answer carries; one log line per request when it is done. */
#include "http.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "mhd_library.h"
#include "sha256.h"

const serve_field *serve_field_find(const serve_request *r, const char *name) {
  for (size_t i = 0; i < r->nfields; i++)
    if (strcmp(r->fields[i].name, name) == 0)
      return &r->fields[i];
  return NULL;
}

const char *serve_field_get(const serve_request *r, const char *name) {
  const serve_field *f = serve_field_find(r, name);
  return f ? f->data : NULL;
}

static serve_field *add_field(serve_request *r, const char *name, const char *filename) {
  if (r->nfields == r->cap_fields) {
    r->cap_fields = r->cap_fields ? r->cap_fields * 2 : 8;
    r->fields = serve_xrealloc(r->fields, r->cap_fields * sizeof *r->fields);
  }
  serve_field *f = &r->fields[r->nfields++];
  f->name = serve_xstrndup(name, strlen(name));
  f->filename = filename ? serve_xstrndup(filename, strlen(filename)) : NULL;
  f->data = serve_xstrndup("", 0);
  f->len = 0;
  return f;
}

static enum MHD_Result on_query_arg(void *cls, enum MHD_ValueKind kind, const char *key,
                                    const char *value) {
  (void)kind;
  serve_field *f = add_field(cls, key, NULL);
  if (value) {
    free(f->data);
    f->len = strlen(value);
    f->data = serve_xstrndup(value, f->len);
  }
  return MHD_YES;
}

/* Form fields arrive in pieces; a piece at offset 0 starts a field. */
static enum MHD_Result on_form_piece(void *cls, enum MHD_ValueKind kind, const char *key,
                                     const char *filename, const char *content_type,
                                     const char *transfer_encoding, const char *data,
                                     uint64_t off, size_t size) {
  (void)kind;
  (void)content_type;
  (void)transfer_encoding;
  serve_request *r = cls;
  serve_field *f = r->nfields ? &r->fields[r->nfields - 1] : NULL;
  if (off == 0 || !f || strcmp(f->name, key) != 0)
    f = add_field(r, key, filename ? filename : NULL);
  if (size) {
    f->data = serve_xrealloc(f->data, f->len + size + 1);
    memcpy(f->data + f->len, data, size);
    f->len += size;
    f->data[f->len] = '\0';
  }
  return MHD_YES;
}

static void free_request(serve_request *r) {
  if (r->post)
    serve_mhd()->destroy_post_processor(r->post);
  for (size_t i = 0; i < r->nfields; i++) {
    free(r->fields[i].name);
    free(r->fields[i].filename);
    free(r->fields[i].data);
  }
  free(r->fields);
  sbuf_free(&r->body);
  free(r->method);
  free(r->path);
  free(r);
}

/* The script-src of a page: its own scripts from /assets, and each inline
   <script> by the SHA-256 of its text, so that nothing else may run. */
static void script_sources(const serve_answer *a, sbuf *out) {
  sbuf_puts(out, "script-src 'self'");
  if (!a->body || strncmp(a->type, "text/html", 9) != 0)
    return;
  const char *p = a->body, *end = a->body + a->len;
  for (;;) {
    const char *open = strstr(p, "<script>");
    if (!open || open >= end)
      break;
    const char *text = open + strlen("<script>");
    const char *close = strstr(text, "</script>");
    if (!close)
      break;
    unsigned char digest[32];
    sha256(text, (size_t)(close - text), digest);
    sbuf_puts(out, " 'sha256-");
    sbuf_base64(out, digest, sizeof digest);
    sbuf_puts(out, "'");
    p = close;
  }
}

static enum MHD_Result send_answer(serve_request *r, serve_answer *a) {
  const serve_mhd_api *mhd = serve_mhd();
  struct MHD_Response *resp =
      mhd->create_response_from_buffer(a->len, a->body ? a->body : (char *)"",
                                      a->body ? MHD_RESPMEM_MUST_FREE : MHD_RESPMEM_PERSISTENT);
  if (!resp) {
    free(a->body);
    free(a->disposition);
    return MHD_NO;
  }
  sbuf csp = SBUF_INIT;
  sbuf_puts(&csp, "default-src 'none'; ");
  script_sources(a, &csp);
  /* the report's bar chart sets widths in style attributes; styles cannot
     run code, scripts are what the policy holds tight */
  sbuf_puts(&csp, "; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                  "form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
  mhd->add_response_header(resp, "Content-Type", a->type);
  mhd->add_response_header(resp, "Content-Security-Policy", csp.ptr);
  mhd->add_response_header(resp, "X-Content-Type-Options", "nosniff");
  mhd->add_response_header(resp, "X-Frame-Options", "DENY");
  mhd->add_response_header(resp, "Referrer-Policy", "no-referrer");
  mhd->add_response_header(resp, "Cross-Origin-Resource-Policy", "same-origin");
  mhd->add_response_header(resp, "Cache-Control", a->cache ? "public, max-age=3600" : "no-store");
  if (a->disposition)
    mhd->add_response_header(resp, "Content-Disposition", a->disposition);
  if (a->allow)
    mhd->add_response_header(resp, "Allow", a->allow);
  if (a->retry_after) {
    char secs[16];
    snprintf(secs, sizeof secs, "%u", a->retry_after);
    mhd->add_response_header(resp, "Retry-After", secs);
  }
  sbuf_free(&csp);
  free(a->disposition);
  enum MHD_Result rc = mhd->queue_response(r->conn, a->status, resp);
  mhd->destroy_response(resp);
  if (rc == MHD_YES) {
    r->status = a->status;
    r->bytes = a->len;
    r->answered = true;
  }
  return rc;
}

/* A short plain answer the request plumbing gives itself (too large, too
   slow, a malformed form) in the shape the routes use for errors. */
static enum MHD_Result send_plain(serve_request *r, unsigned status, const char *msg) {
  bool api = strncmp(r->path, "/api/", 5) == 0;
  sbuf b = SBUF_INIT;
  serve_answer a = {.status = status};
  if (api) {
    sbuf_puts(&b, "{\"error\": \"");
    sbuf_puts(&b, msg); /* the callers' messages need no JSON escaping */
    sbuf_puts(&b, "\"}\n");
    a.type = "application/json";
  } else {
    sbuf_puts(&b, msg);
    sbuf_puts(&b, "\n");
    a.type = "text/plain; charset=utf-8";
  }
  a.body = sbuf_detach(&b, &a.len);
  return send_answer(r, &a);
}

static bool content_type_is(struct MHD_Connection *c, const char *type) {
  const char *ct = serve_mhd()->lookup_connection_value(c, MHD_HEADER_KIND, "Content-Type");
  return ct && strncasecmp(ct, type, strlen(type)) == 0;
}

enum MHD_Result serve_on_request(void *cls, struct MHD_Connection *conn, const char *url,
                                 const char *method, const char *version,
                                 const char *upload_data, size_t *upload_data_size,
                                 void **con_cls) {
  (void)version;
  const serve_mhd_api *mhd = serve_mhd();
  serve_app *app = cls;
  serve_request *r = *con_cls;
  if (!r) {
    /* the headers are in: set the request up, and refuse at once a body
       that says it is larger than the cap */
    r = calloc(1, sizeof *r);
    if (!r)
      return MHD_NO;
    atomic_fetch_add(&app->in_flight, 1);
    *con_cls = r;
    r->app = app;
    r->conn = conn;
    r->start_ms = serve_now_ms();
    r->method = serve_xstrndup(method, strlen(method));
    size_t plen = strcspn(url, "?");
    r->path = serve_xstrndup(url, plen);
    mhd->get_connection_values(conn, MHD_GET_ARGUMENT_KIND, on_query_arg, r);
    const char *length = mhd->lookup_connection_value(conn, MHD_HEADER_KIND, "Content-Length");
    if (length && strtoull(length, NULL, 10) > app->cfg.max_upload) {
      r->too_big = true;
      char msg[128];
      snprintf(msg, sizeof msg, "the upload is larger than the limit of %zu bytes",
               app->cfg.max_upload);
      return send_plain(r, MHD_HTTP_CONTENT_TOO_LARGE, msg);
    }
    /* The API takes a raw body whatever its type says (curl --data-binary
       calls it urlencoded); only multipart is a form there. */
    bool api = strncmp(r->path, "/api/", 5) == 0;
    if (strcmp(method, "POST") == 0 &&
        (content_type_is(conn, "multipart/form-data") ||
         (!api && content_type_is(conn, "application/x-www-form-urlencoded")))) {
      r->form = true;
      r->post = mhd->create_post_processor(conn, 64 * 1024, on_form_piece, r);
      if (!r->post)
        r->bad_form = true; /* e.g. multipart without a boundary */
    }
    return MHD_YES;
  }
  if (r->answered) {
    *upload_data_size = 0; /* answered early: the rest of the body is dropped */
    return MHD_YES;
  }
  if (*upload_data_size) {
    size_t n = *upload_data_size;
    *upload_data_size = 0;
    r->received += n;
    if (r->received > app->cfg.max_upload) {
      /* a body without a length that grows past the cap; libmicrohttpd takes
         no answer in the middle of a body, so the connection is closed */
      r->too_big = true;
      return MHD_NO;
    }
    if (serve_now_ms() - r->start_ms > (long long)app->cfg.timeout_s * 1000) {
      r->too_slow = true; /* a client that trickles its upload is cut off */
      return MHD_NO;
    }
    if (r->form) {
      if (r->post && !r->bad_form && mhd->post_process(r->post, upload_data, n) != MHD_YES)
        r->bad_form = true;
    } else {
      sbuf_put(&r->body, upload_data, n);
    }
    return MHD_YES;
  }
  if (r->bad_form)
    return send_plain(r, MHD_HTTP_BAD_REQUEST, "the form could not be read (malformed multipart body)");
  serve_answer a = {0};
  serve_route(r, &a);
  return send_answer(r, &a);
}

void serve_on_completed(void *cls, struct MHD_Connection *conn, void **con_cls,
                        enum MHD_RequestTerminationCode toe) {
  (void)conn;
  serve_app *app = cls;
  serve_request *r = *con_cls;
  if (!r)
    return;
  *con_cls = NULL;
  long long ms = serve_now_ms() - r->start_ms;
  /* one line per request: method, path, status, bytes, milliseconds; a
     connection cut before an answer shows status 0 and why */
  if (r->answered)
    fprintf(stderr, "%s %s %u %zu %lldms\n", r->method, r->path, r->status, r->bytes, ms);
  else
    fprintf(stderr, "%s %s 0 0 %lldms (%s)\n", r->method, r->path, ms,
            r->too_slow                               ? "too slow"
            : r->too_big                              ? "upload too large"
            : toe == MHD_REQUEST_TERMINATED_TIMEOUT_REACHED ? "timed out"
                                                            : "connection closed");
  free_request(r);
  atomic_fetch_sub(&app->in_flight, 1);
}

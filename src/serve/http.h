/* One HTTP request as the handlers see it, and the answer they give
 * (http.c owns the libmicrohttpd side: reading bodies within the caps,
 * security headers, the request log). */
#ifndef CK_SERVE_HTTP_H
#define CK_SERVE_HTTP_H

#include <microhttpd.h>
#include <stdbool.h>
#include <stddef.h>

#include "sbuf.h"
#include "serve.h"

/* A query argument or a form field; 'filename' is set for an uploaded file. */
typedef struct serve_field {
  char *name;
  char *filename; /* NULL unless the field is a file */
  char *data;     /* NUL-terminated, 'len' bytes */
  size_t len;
} serve_field;

typedef struct serve_request {
  serve_app *app;
  struct MHD_Connection *conn;
  char *method;
  char *path;          /* the URL path, without the query */
  long long start_ms;
  serve_field *fields; /* query arguments, then form fields, in order */
  size_t nfields, cap_fields;
  sbuf body;           /* the raw body when it is not a form */
  bool form;           /* multipart/form-data or urlencoded: fields, not body */
  struct MHD_PostProcessor *post;
  size_t received;     /* body bytes so far */
  bool too_big, too_slow, bad_form, answered;
  unsigned status;     /* of the answer, for the log */
  size_t bytes;        /* of the answer's body, for the log */
} serve_request;

typedef struct serve_answer {
  unsigned status;
  const char *type;      /* Content-Type */
  char *body;            /* malloc()ed, owned; may be NULL for an empty body */
  size_t len;
  char *disposition;     /* Content-Disposition, owned, may be NULL */
  unsigned retry_after;  /* seconds; 0 for none */
  const char *allow;     /* Allow header of a 405, or NULL */
  bool cache;            /* an asset that may be cached; otherwise no-store */
} serve_answer;

/* The first field named 'name' (NULL when none). */
const serve_field *serve_field_find(const serve_request *r, const char *name);
/* Its value, or NULL. */
const char *serve_field_get(const serve_request *r, const char *name);

/* The routes (routes.c): fills 'ans' for 'req'. */
void serve_route(serve_request *req, serve_answer *ans);

/* The libmicrohttpd callbacks (http.c). */
enum MHD_Result serve_on_request(void *cls, struct MHD_Connection *conn, const char *url,
                                 const char *method, const char *version,
                                 const char *upload_data, size_t *upload_data_size,
                                 void **con_cls);
void serve_on_completed(void *cls, struct MHD_Connection *conn, void **con_cls,
                        enum MHD_RequestTerminationCode toe);

#endif

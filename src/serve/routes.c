/* Which handler answers which method and path. Only these paths exist; an
 * asset is looked up by name in the table compiled into the binary, so no
 * path a client names is ever opened. */
#include <string.h>

#include "pages.h"

/* The assets of assets/, embedded by scripts/embed.cmake. */
struct ck_builtin_file {
  const char *name;
  const char *data;
  size_t size;
};
extern const struct ck_builtin_file ck_serve_assets[];

static bool asset(const char *path, serve_answer *ans) {
  const char *prefix = "/assets/";
  if (strncmp(path, prefix, strlen(prefix)) != 0)
    return false;
  const char *name = path + strlen(prefix);
  for (const struct ck_builtin_file *f = ck_serve_assets; f->name; f++) {
    if (strcmp(f->name, name) != 0)
      continue;
    const char *dot = strrchr(name, '.');
    ans->status = MHD_HTTP_OK;
    ans->type = dot && strcmp(dot, ".css") == 0  ? "text/css; charset=utf-8"
                : dot && strcmp(dot, ".js") == 0 ? "text/javascript; charset=utf-8"
                                                 : "application/octet-stream";
    ans->body = serve_xstrndup(f->data, f->size);
    ans->len = f->size;
    ans->cache = true;
    return true;
  }
  return false;
}

typedef struct route {
  const char *method;
  const char *path;
  void (*handler)(serve_request *, serve_answer *);
} route;

static const route routes[] = {
    {"GET", "/", page_check_form},
    {"POST", "/check", page_check_post},
    {"POST", "/api/check", api_check},
    {"GET", "/checklist", page_checklist},
    {"GET", "/api/checklist", api_checklist},
    {"GET", "/api/rules", api_rules},
    {"GET", "/guide", page_guide},
};

/* Alive, and how busy: monitoring and tests read the pool's counts. */
static void health(serve_request *req, serve_answer *ans) {
  unsigned running, waiting;
  check_pool_counts(&req->app->pool, &running, &waiting);
  sbuf b = SBUF_INIT;
  sbuf_printf(&b, "{\"status\": \"ok\", \"checks_running\": %u, \"checks_waiting\": %u}\n",
              running, waiting);
  ans->status = MHD_HTTP_OK;
  ans->type = "application/json";
  ans->body = sbuf_detach(&b, &ans->len);
}

void serve_route(serve_request *req, serve_answer *ans) {
  bool get = strcmp(req->method, "GET") == 0 || strcmp(req->method, "HEAD") == 0;
  if (get && strcmp(req->path, "/healthz") == 0) {
    health(req, ans);
    return;
  }
  if (get && asset(req->path, ans))
    return;
  if (get && strcmp(req->path, "/favicon.ico") == 0) {
    ans->status = MHD_HTTP_NO_CONTENT; /* browsers ask for it; there is none */
    ans->type = "image/x-icon";
    return;
  }
  const char *allowed = NULL;
  for (size_t i = 0; i < sizeof routes / sizeof *routes; i++) {
    if (strcmp(routes[i].path, req->path) != 0)
      continue;
    if (strcmp(routes[i].method, req->method) == 0 ||
        (strcmp(req->method, "HEAD") == 0 && strcmp(routes[i].method, "GET") == 0)) {
      routes[i].handler(req, ans);
      return;
    }
    allowed = routes[i].method;
  }
  if (allowed) {
    answer_error(ans, req, MHD_HTTP_METHOD_NOT_ALLOWED, "this address does not take that method");
    ans->allow = allowed;
    return;
  }
  answer_error(ans, req, MHD_HTTP_NOT_FOUND, "there is no such page");
}

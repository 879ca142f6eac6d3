/* The frame of the server's pages: head, navigation, foot. The style sheet
 * and the little script are assets (assets/), never inline. */
#include <stdlib.h>
#include <string.h>

#include "pages.h"

static void nav(sbuf *out, nav_tab tab) {
  static const char *const href[] = {"/", "/checklist", "/guide"};
  static const char *const label[] = {"Check a draft", "Build a checklist", "The guide"};
  sbuf_puts(out, "<nav class=\"serve-nav\" aria-label=\"circheck\">\n"
                 "<span class=\"serve-brand\">circheck</span>\n");
  for (int i = 0; i < 3; i++)
    sbuf_printf(out, "<a href=\"%s\"%s>%s</a>\n", href[i],
                (int)tab == i ? " aria-current=\"page\"" : "", label[i]);
  sbuf_puts(out, "</nav>\n");
}

void page_begin(sbuf *out, const char *title, nav_tab tab) {
  sbuf_puts(out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n"
                 "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n"
                 "<title>");
  sbuf_html(out, title);
  sbuf_puts(out, " \xE2\x80\x93 circheck</title>\n"
                 "<link rel=\"stylesheet\" href=\"/assets/serve.css\" />\n"
                 "<script src=\"/assets/serve.js\" defer=\"defer\"></script>\n"
                 "</head>\n<body class=\"serve\">\n");
  nav(out, tab);
  sbuf_puts(out, "<main class=\"serve-main\">\n<h1>");
  sbuf_html(out, title);
  sbuf_puts(out, "</h1>\n");
}

void page_end(sbuf *out) {
  sbuf_printf(out, "</main>\n<footer class=\"serve-foot\">circheck %s \xC2\xB7 "
                   "checks run on this machine; nothing you upload is kept</footer>\n"
                   "</body>\n</html>\n",
              ck_version());
}

char *page_insert_bar(char *html, size_t len, nav_tab tab, const char *extra, size_t *out_len) {
  const char *body = strstr(html, "<body>\n");
  size_t at = body ? (size_t)(body - html) + strlen("<body>\n") : 0;
  sbuf out = SBUF_INIT;
  sbuf_put(&out, html, at);
  sbuf_puts(&out, "<div class=\"serve-bar\">\n"
                  "<link rel=\"stylesheet\" href=\"/assets/serve.css\" />\n"
                  "<script src=\"/assets/serve.js\" defer=\"defer\"></script>\n");
  nav(&out, tab);
  if (extra)
    sbuf_puts(&out, extra);
  sbuf_puts(&out, "</div>\n");
  sbuf_put(&out, html + at, len - at);
  free(html);
  return sbuf_detach(&out, out_len);
}

void answer_html(serve_answer *ans, unsigned status, sbuf *page) {
  ans->status = status;
  ans->type = "text/html; charset=utf-8";
  ans->body = sbuf_detach(page, &ans->len);
}

void answer_json(serve_answer *ans, unsigned status, char *body, size_t len) {
  ans->status = status;
  ans->type = "application/json";
  ans->body = body;
  ans->len = len;
}

void answer_error(serve_answer *ans, const serve_request *req, unsigned status, const char *msg) {
  sbuf b = SBUF_INIT;
  if (strncmp(req->path, "/api/", 5) == 0) {
    sbuf_puts(&b, "{\"error\": ");
    sbuf_json(&b, msg);
    sbuf_puts(&b, "}\n");
    size_t len;
    char *body = sbuf_detach(&b, &len);
    answer_json(ans, status, body, len);
    return;
  }
  page_begin(&b, status >= 500 ? "The server is busy" : "This could not be done", NAV_NONE);
  sbuf_puts(&b, "<p class=\"serve-error\" role=\"alert\">");
  sbuf_html(&b, msg);
  sbuf_puts(&b, "</p>\n<p><a href=\"/\">Check a draft</a></p>\n");
  page_end(&b);
  answer_html(ans, status, &b);
}

/* Checking a draft: the form, its answer (the HTML report `check --format
 * html` writes, with the other formats to download), and POST /api/check
 * (the JSON report `check --format json` writes). The document is checked
 * from memory and dropped with the answer; no file is written or opened. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pages.h"

/* What a check was asked to do, read from query arguments or form fields. */
typedef struct check_request {
  ck_check_options opts;
  const char **packs;
  size_t npacks;
  char name[256];      /* the document's label in the report */
  const char *data;    /* the document's bytes (borrowed from the request) */
  size_t len;
} check_request;

/* The last part of a client's file name, as a label only: it is never opened.
   Empty, "." and ".." become 'fallback'. */
static void label_from(const char *given, const char *fallback, char out[256]) {
  const char *base = given ? given : "";
  for (const char *p = base; *p; p++)
    if (*p == '/' || *p == '\\')
      base = p + 1;
  if (!*base || strcmp(base, ".") == 0 || strcmp(base, "..") == 0)
    base = fallback;
  size_t n = strlen(base);
  if (n > 255)
    n = 255;
  memcpy(out, base, n);
  out[n] = '\0';
  for (size_t i = 0; i < n; i++)
    if ((unsigned char)out[i] < 0x20)
      out[i] = '_';
}

/* Reads level, lang and pack; on a bad value writes the message (the words
   of the command line's) and returns false. */
static bool read_options(const serve_request *req, check_request *c, char *msg, size_t cap) {
  c->opts = ck_check_options_default();
  const char *level = serve_field_get(req, "level");
  if (level && *level && !ck_level_parse(level, &c->opts.level)) {
    snprintf(msg, cap, "unknown level '%s' (basic, advanced, spearhead)", level);
    return false;
  }
  const char *lang = serve_field_get(req, "lang");
  if (lang && *lang && strcmp(lang, "auto") != 0) {
    if (!ck_msg_lang_parse(lang, &c->opts.msg_lang)) {
      snprintf(msg, cap, "unknown report language '%s' (nb, nn, en)", lang);
      return false;
    }
    c->opts.msg_lang_set = true;
  }
  for (size_t i = 0; i < req->nfields; i++) {
    const serve_field *f = &req->fields[i];
    if (strcmp(f->name, "pack") != 0 || !*f->data || strcmp(f->data, "auto") == 0)
      continue;
    if (!ck_ruleset_has_pack(req->app->rs, f->data)) {
      snprintf(msg, cap, "unknown pack '%s' (GET /api/rules lists the packs)", f->data);
      return false;
    }
    c->packs = serve_xrealloc(c->packs, (c->npacks + 1) * sizeof *c->packs);
    c->packs[c->npacks++] = f->data;
  }
  c->opts.packs = c->packs;
  c->opts.npacks = c->npacks;
  return true;
}

/* The diagnostics as the command line prints them, one per line, without
   the last newline. */
static char *diag_lines(ck_diags *d) {
  char *text = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&text, &len);
  if (!f)
    return serve_xstrndup("the document could not be checked", 33);
  for (size_t i = 0; i < d->n; i++)
    if (d->items[i].level == CK_DIAG_ERROR)
      ck_diag_print(&d->items[i], f);
  fclose(f);
  while (len && text[len - 1] == '\n')
    text[--len] = '\0';
  return text;
}

/* The HTTP status for a document that could not be checked. */
static unsigned status_for(ck_status st) {
  switch (st) {
  case CK_ERR_LIMIT: return MHD_HTTP_CONTENT_TOO_LARGE;
  case CK_ERR_UNSUPPORTED: return MHD_HTTP_UNSUPPORTED_MEDIA_TYPE;
  case CK_ERR_USAGE: return MHD_HTTP_BAD_REQUEST;
  case CK_ERR_INPUT: return MHD_HTTP_UNPROCESSABLE_CONTENT;
  default: return MHD_HTTP_INTERNAL_SERVER_ERROR;
  }
}

static const ck_render_options render_options = {.fail_on = CK_STATUS_FAIL, .jobs = 1};

/* A check and the reports it is rendered to, done on a worker of the pool:
   everything the check allocates lives and dies there. */
typedef struct check_work {
  const ck_ruleset *rs;
  const check_request *c;
  const ck_report_format *formats; /* to render */
  size_t nformats;
  ck_status status;
  ck_diags diags;
  char *out[5];      /* one rendering per format */
  size_t len[5];
} check_work;

static void do_check(void *arg) {
  check_work *w = arg;
  ck_report *report = ck_report_new(w->rs, &w->c->opts);
  w->status = ck_report_check_buffer(report, w->c->name, w->c->data, w->c->len, &w->diags);
  for (size_t i = 0; w->status == CK_OK && i < w->nformats; i++)
    w->out[i] = ck_report_render(report, w->formats[i], &render_options, &w->len[i]);
  ck_report_free(report);
}

/* Checks the document on the pool and renders it in each of 'formats' (at
   most five) into 'w'; false with 'ans' holding the error. */
static bool run_check(serve_request *req, const check_request *c, const ck_report_format *formats,
                      size_t nformats, check_work *w, serve_answer *ans) {
  serve_app *app = req->app;
  *w = (check_work){.rs = app->rs, .c = c, .formats = formats, .nformats = nformats};
  ck_diags empty = CK_DIAGS_INIT;
  w->diags = empty;
  check_job job = {.run = do_check, .arg = w};
  long long deadline = req->start_ms + (long long)app->cfg.timeout_s * 1000;
  if (!check_pool_run(&app->pool, &job, deadline)) {
    answer_error(ans, req, MHD_HTTP_SERVICE_UNAVAILABLE,
                 "too many checks at once; try again in a few seconds");
    ans->retry_after = 5;
    return false;
  }
  if (w->status != CK_OK) {
    char *msg = diag_lines(&w->diags);
    answer_error(ans, req, status_for(w->status), msg);
    free(msg);
  }
  ck_diags_free(&w->diags);
  return w->status == CK_OK;
}

void page_check_form(serve_request *req, serve_answer *ans) {
  const ck_ruleset *rs = req->app->rs;
  sbuf b = SBUF_INIT;
  page_begin(&b, "Check a draft", NAV_CHECK);
  sbuf_puts(&b,
            "<p class=\"lead\">Upload a tender document, or paste its text, and see criterion by "
            "criterion what it asks for on lifetime, reuse, materials and waste, and the clause "
            "to add where something is missing. The check runs on this machine; nothing is "
            "kept.</p>\n"
            "<form method=\"post\" action=\"/check\" enctype=\"multipart/form-data\" "
            "class=\"serve-form\" id=\"check-form\">\n"
            "<fieldset><legend>The draft</legend>\n"
            "<p><label for=\"file\">A file</label> "
            "<input type=\"file\" id=\"file\" name=\"file\" "
            "accept=\".txt,.md,.markdown,.xml,.html,.htm,.docx,.odt,.pdf\" />\n"
            "<span class=\"hint\">text, Markdown, XML, eForms notices, HTML, Word (.docx), "
            "OpenDocument (.odt), PDF</span></p>\n"
            "<p><label for=\"text\">or paste the text</label>\n"
            "<textarea id=\"text\" name=\"text\" rows=\"8\" cols=\"80\"></textarea></p>\n"
            "</fieldset>\n<fieldset><legend>How to check</legend>\n"
            "<p><label for=\"level\">Ambition level</label> <select id=\"level\" name=\"level\">"
            "<option value=\"basic\">basic</option><option value=\"advanced\">advanced</option>"
            "<option value=\"spearhead\">spearhead</option></select></p>\n"
            "<p><label for=\"lang\">Report language</label> <select id=\"lang\" name=\"lang\">"
            "<option value=\"auto\">the document's</option><option value=\"nb\">norsk "
            "bokm\xC3\xA5l</option><option value=\"nn\">norsk nynorsk</option>"
            "<option value=\"en\">English</option></select></p>\n"
            "<p><label for=\"pack\">Categories</label> "
            "<select id=\"pack\" name=\"pack\" multiple=\"multiple\" size=\"6\">\n");
  for (size_t i = 0; i < ck_ruleset_pack_count(rs); i++) {
    if (ck_ruleset_pack_always(rs, i))
      continue; /* core applies to every purchase anyway */
    sbuf_puts(&b, "<option value=\"");
    sbuf_html(&b, ck_ruleset_pack_id(rs, i));
    sbuf_puts(&b, "\">");
    sbuf_html(&b, ck_ruleset_pack_name(rs, i, CK_MSG_EN));
    sbuf_puts(&b, "</option>\n");
  }
  sbuf_puts(&b, "</select> <span class=\"hint\">none chosen: picked from the document, as "
                "<code>circheck check</code> does</span></p>\n</fieldset>\n"
                "<p><button type=\"submit\">Check</button></p>\n</form>\n");
  page_end(&b);
  answer_html(ans, MHD_HTTP_OK, &b);
}

/* Reads the document of a form: the uploaded file, or else the pasted text. */
static bool form_document(const serve_request *req, check_request *c) {
  const serve_field *file = serve_field_find(req, "file");
  if (file && file->len) {
    label_from(file->filename, "upload", c->name);
    c->data = file->data;
    c->len = file->len;
    return true;
  }
  const serve_field *text = serve_field_find(req, "text");
  if (text && text->len) {
    label_from("pasted.txt", "pasted.txt", c->name);
    c->data = text->data;
    c->len = text->len;
    return true;
  }
  return false;
}

/* A download link holding the report itself, so nothing waits on the server. */
static void download_link(sbuf *bar, char *data, size_t len, const char *type,
                          const char *stem, const char *ext, const char *label) {
  sbuf_puts(bar, "<a class=\"serve-download\" download=\"");
  sbuf_html(bar, stem);
  sbuf_printf(bar, ".%s\" href=\"data:%s;base64,", ext, type);
  sbuf_base64(bar, data, len);
  sbuf_printf(bar, "\">%s</a>\n", label);
  free(data);
}

void page_check_post(serve_request *req, serve_answer *ans) {
  check_request c = {0};
  char msg[512];
  if (!read_options(req, &c, msg, sizeof msg)) {
    answer_error(ans, req, MHD_HTTP_BAD_REQUEST, msg);
    free(c.packs);
    return;
  }
  if (!form_document(req, &c)) {
    answer_error(ans, req, MHD_HTTP_BAD_REQUEST, "choose a file or paste the text to check");
    free(c.packs);
    return;
  }
  static const ck_report_format formats[] = {CK_REPORT_HTML, CK_REPORT_JSON, CK_REPORT_SARIF,
                                             CK_REPORT_CSV, CK_REPORT_MD};
  check_work w;
  bool ok = run_check(req, &c, formats, 5, &w, ans);
  free(c.packs);
  if (!ok)
    return;
  char stem[256];
  memcpy(stem, c.name, sizeof stem);
  char *dot = strrchr(stem, '.');
  if (dot && dot != stem)
    *dot = '\0';
  sbuf bar = SBUF_INIT;
  sbuf_puts(&bar, "<p class=\"serve-downloads\">Download the report: ");
  download_link(&bar, w.out[1], w.len[1], "application/json", stem, "json", "JSON");
  download_link(&bar, w.out[2], w.len[2], "application/sarif+json", stem, "sarif", "SARIF");
  download_link(&bar, w.out[3], w.len[3], "text/csv", stem, "csv", "CSV");
  download_link(&bar, w.out[4], w.len[4], "text/markdown", stem, "md", "Markdown");
  sbuf_puts(&bar, "<a class=\"serve-again\" href=\"/\">Check another draft</a></p>\n");
  char *html = w.out[0];
  size_t len = w.len[0];
  ans->status = MHD_HTTP_OK;
  ans->type = "text/html; charset=utf-8";
  ans->body = page_insert_bar(html, len, NAV_CHECK, bar.ptr, &ans->len);
  sbuf_free(&bar);
}

void api_check(serve_request *req, serve_answer *ans) {
  check_request c = {0};
  char msg[512];
  if (!read_options(req, &c, msg, sizeof msg)) {
    answer_error(ans, req, MHD_HTTP_BAD_REQUEST, msg);
    free(c.packs);
    return;
  }
  if (req->form) {
    const serve_field *file = serve_field_find(req, "file");
    if (!file) {
      answer_error(ans, req, MHD_HTTP_BAD_REQUEST, "the form has no field named 'file'");
      free(c.packs);
      return;
    }
    label_from(file->filename, "upload", c.name);
    c.data = file->data;
    c.len = file->len;
  } else {
    label_from(serve_field_get(req, "name"), "document", c.name);
    c.data = req->body.ptr ? req->body.ptr : "";
    c.len = req->body.len;
  }
  static const ck_report_format json[] = {CK_REPORT_JSON};
  check_work w;
  bool ok = run_check(req, &c, json, 1, &w, ans);
  free(c.packs);
  if (ok)
    answer_json(ans, MHD_HTTP_OK, w.out[0], w.len[0]);
}

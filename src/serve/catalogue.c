/* The pages and API answers made from the rule packs alone: the checklist
 * (GET /checklist, GET /api/checklist), the guide (GET /guide) and the rule
 * catalogue (GET /api/rules). Nothing is uploaded; every choice is a query
 * argument, so a checklist or a guide search is a link one can keep. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pages.h"

/* The checklist's choices from the query; false with a message when one is
   not understood. */
static bool checklist_options(const serve_request *req, ck_checklist_options *co,
                              const char ***packs, char *msg, size_t cap) {
  *co = ck_checklist_options_default();
  const char *level = serve_field_get(req, "level");
  if (level && *level && !ck_level_parse(level, &co->level)) {
    snprintf(msg, cap, "unknown level '%s' (basic, advanced, spearhead)", level);
    return false;
  }
  const char *lang = serve_field_get(req, "lang");
  if (lang && *lang && !ck_msg_lang_parse(lang, &co->lang)) {
    snprintf(msg, cap, "unknown report language '%s' (nb, nn, en)", lang);
    return false;
  }
  const char *cpv = serve_field_get(req, "cpv");
  co->cpv = cpv && *cpv ? cpv : NULL;
  for (size_t i = 0; i < req->nfields; i++) {
    const serve_field *f = &req->fields[i];
    if (strcmp(f->name, "pack") != 0 || !*f->data)
      continue;
    if (!ck_ruleset_has_pack(req->app->rs, f->data)) {
      snprintf(msg, cap, "unknown pack '%s' (GET /api/rules lists the packs)", f->data);
      return false;
    }
    *packs = serve_xrealloc(*packs, (co->npacks + 1) * sizeof **packs);
    (*packs)[co->npacks++] = f->data;
  }
  co->packs = *packs;
  return true;
}

/* The checklist in 'format'; NULL with the error answered. */
static char *render_checklist(serve_request *req, serve_answer *ans, ck_report_format format,
                              size_t *len) {
  ck_checklist_options co;
  const char **packs = NULL;
  char msg[512];
  if (!checklist_options(req, &co, &packs, msg, sizeof msg)) {
    answer_error(ans, req, MHD_HTTP_BAD_REQUEST, msg);
    free(packs);
    return NULL;
  }
  ck_diags diags = CK_DIAGS_INIT;
  char *out = NULL;
  ck_status st = ck_checklist_render(req->app->rs, &co, format, &out, len, &diags);
  free(packs);
  if (st != CK_OK) {
    answer_error(ans, req, MHD_HTTP_BAD_REQUEST,
                 diags.n ? diags.items[0].msg : "the checklist could not be made");
    ck_diags_free(&diags);
    return NULL;
  }
  ck_diags_free(&diags);
  return out;
}

/* The query string of the checklist's choices, for links to its downloads. */
static void choices_query(const serve_request *req, sbuf *q) {
  static const char *const keys[] = {"pack", "cpv", "level", "lang"};
  for (size_t i = 0; i < req->nfields; i++)
    for (size_t k = 0; k < sizeof keys / sizeof *keys; k++)
      if (strcmp(req->fields[i].name, keys[k]) == 0 && req->fields[i].len) {
        sbuf_puts(q, q->len ? "&amp;" : "");
        sbuf_puts(q, keys[k]);
        sbuf_puts(q, "=");
        sbuf_url(q, req->fields[i].data);
      }
}

static void checklist_form(serve_request *req, serve_answer *ans) {
  const ck_ruleset *rs = req->app->rs;
  sbuf b = SBUF_INIT;
  page_begin(&b, "Build a checklist", NAV_CHECKLIST);
  sbuf_puts(&b, "<p class=\"lead\">The clauses to put in a tender, grouped by where they belong "
                "(qualification, specification, award criteria, contract terms), with the "
                "figures of the level you choose. The clauses for every purchase are always "
                "included; add product categories by name or by CPV code.</p>\n"
                "<form method=\"get\" action=\"/checklist\" class=\"serve-form\" "
                "id=\"checklist-form\">\n<fieldset><legend>Categories</legend>\n");
  for (size_t i = 0; i < ck_ruleset_pack_count(rs); i++) {
    if (ck_ruleset_pack_always(rs, i))
      continue;
    const char *id = ck_ruleset_pack_id(rs, i);
    sbuf_puts(&b, "<p><input type=\"checkbox\" name=\"pack\" id=\"pack-");
    sbuf_html(&b, id);
    sbuf_puts(&b, "\" value=\"");
    sbuf_html(&b, id);
    sbuf_puts(&b, "\" /> <label for=\"pack-");
    sbuf_html(&b, id);
    sbuf_puts(&b, "\">");
    sbuf_html(&b, ck_ruleset_pack_name(rs, i, CK_MSG_EN));
    sbuf_puts(&b, "</label></p>\n");
  }
  sbuf_puts(&b, "<p><label for=\"cpv\">or CPV codes</label> <input type=\"text\" id=\"cpv\" "
                "name=\"cpv\" placeholder=\"39130000, 30200000\" size=\"24\" />"
                "<span class=\"hint\">commas or spaces between codes</span></p>\n</fieldset>\n"
                "<fieldset><legend>Level and language</legend>\n"
                "<p><label for=\"level\">Ambition level</label> <select id=\"level\" "
                "name=\"level\"><option value=\"basic\">basic</option><option "
                "value=\"advanced\">advanced</option><option value=\"spearhead\">spearhead"
                "</option></select></p>\n"
                "<p><label for=\"lang\">Language</label> <select id=\"lang\" name=\"lang\">"
                "<option value=\"en\">English</option><option value=\"nb\">norsk bokm\xC3\xA5l"
                "</option><option value=\"nn\">norsk nynorsk</option></select></p>\n</fieldset>\n"
                "<p><button type=\"submit\" name=\"show\" value=\"1\">Show the checklist"
                "</button></p>\n</form>\n");
  page_end(&b);
  answer_html(ans, MHD_HTTP_OK, &b);
}

void page_checklist(serve_request *req, serve_answer *ans) {
  if (req->nfields == 0) {
    checklist_form(req, ans);
    return;
  }
  size_t len;
  char *html = render_checklist(req, ans, CK_REPORT_HTML, &len);
  if (!html)
    return;
  sbuf q = SBUF_INIT, bar = SBUF_INIT;
  choices_query(req, &q);
  sbuf_puts(&bar, "<p class=\"serve-downloads\">Download the checklist: ");
  static const char *const formats[][2] = {{"md", "Markdown"}, {"csv", "CSV"}, {"html", "HTML"}};
  for (size_t i = 0; i < 3; i++)
    sbuf_printf(&bar, "<a class=\"serve-download\" href=\"/api/checklist?%s%sformat=%s\">%s</a>\n",
                q.ptr ? q.ptr : "", q.len ? "&amp;" : "", formats[i][0], formats[i][1]);
  sbuf_puts(&bar, "<a class=\"serve-again\" href=\"/checklist\">Choose again</a></p>\n");
  ans->status = MHD_HTTP_OK;
  ans->type = "text/html; charset=utf-8";
  ans->body = page_insert_bar(html, len, NAV_CHECKLIST, bar.ptr, &ans->len);
  sbuf_free(&q);
  sbuf_free(&bar);
}

void api_checklist(serve_request *req, serve_answer *ans) {
  const char *name = serve_field_get(req, "format");
  ck_report_format format = CK_REPORT_JSON;
  if (name && *name &&
      (!ck_report_format_parse(name, &format) || !ck_checklist_format_available(format))) {
    char msg[256];
    snprintf(msg, sizeof msg, "format '%s' has no checklist form (json, md, csv, html, text)",
             name);
    answer_error(ans, req, MHD_HTTP_BAD_REQUEST, msg);
    return;
  }
  size_t len;
  char *out = render_checklist(req, ans, format, &len);
  if (!out)
    return;
  static const struct {
    ck_report_format format;
    const char *type, *ext;
  } kinds[] = {{CK_REPORT_JSON, "application/json", "json"},
               {CK_REPORT_MD, "text/markdown; charset=utf-8", "md"},
               {CK_REPORT_CSV, "text/csv; charset=utf-8", "csv"},
               {CK_REPORT_HTML, "text/html; charset=utf-8", "html"},
               {CK_REPORT_TEXT, "text/plain; charset=utf-8", "txt"}};
  ans->status = MHD_HTTP_OK;
  ans->body = out;
  ans->len = len;
  for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++)
    if (kinds[i].format == format) {
      ans->type = kinds[i].type;
      if (format != CK_REPORT_JSON) {
        /* a download to keep, not a page to show in the API's place */
        sbuf d = SBUF_INIT;
        sbuf_printf(&d, "attachment; filename=\"checklist.%s\"", kinds[i].ext);
        ans->disposition = sbuf_detach(&d, NULL);
      }
    }
}

void api_rules(serve_request *req, serve_answer *ans) {
  ck_guide_options go = ck_guide_options_default();
  ck_diags diags = CK_DIAGS_INIT;
  char *out = NULL;
  size_t len = 0;
  ck_guide_render(req->app->rs, &go, CK_REPORT_JSON, &out, &len, &diags);
  ck_diags_free(&diags);
  answer_json(ans, MHD_HTTP_OK, out, len);
}

void page_guide(serve_request *req, serve_answer *ans) {
  ck_guide_options go = ck_guide_options_default();
  const char *lang = serve_field_get(req, "lang");
  if (lang && *lang && !ck_msg_lang_parse(lang, &go.lang)) {
    char msg[256];
    snprintf(msg, sizeof msg, "unknown language '%s' (nb, nn, en)", lang);
    answer_error(ans, req, MHD_HTTP_BAD_REQUEST, msg);
    return;
  }
  const char *q = serve_field_get(req, "q");
  go.query = q && *q ? q : NULL;
  ck_diags diags = CK_DIAGS_INIT;
  char *html = NULL;
  size_t len = 0;
  ck_guide_render(req->app->rs, &go, CK_REPORT_HTML, &html, &len, &diags);
  ck_diags_free(&diags);
  const char *other = go.lang == CK_MSG_EN ? "nb" : "en";
  sbuf bar = SBUF_INIT;
  sbuf_printf(&bar, "<p class=\"serve-downloads\"><a href=\"/guide?lang=%s\" hreflang=\"%s\">%s"
                    "</a></p>\n",
              other, other, go.lang == CK_MSG_EN ? "P\xC3\xA5 norsk" : "In English");
  ans->status = MHD_HTTP_OK;
  ans->type = "text/html; charset=utf-8";
  ans->body = page_insert_bar(html, len, NAV_GUIDE, bar.ptr, &ans->len);
  sbuf_free(&bar);
}

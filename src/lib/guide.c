/* The guide: every criterion, grouped by category, with what counts as
 * evidence, the figures per level and pack, the clause in every language and
 * the source of each figure; and the same catalogue as JSON. Both are made
 * from the loaded rule set, so they never drift from what `check` judges. */
#include <stdlib.h>
#include <string.h>

#include "json_writer.h"
#include "messages.h"
#include "report.h"
#include "text.h"

/* The guide's own words, in the report languages (nb, en). */
typedef enum {
  G_TITLE,
  G_INTRO,
  G_SEARCH,
  G_SEARCH_BUTTON,
  G_NOTHING,
  G_EVIDENCE,
  G_FIGURES,
  G_CLAUSE,
  G_NO_FIGURE,
  G_SUBJECT,
  G_SHOWN,
  G_COUNT
} guide_word;

static const char *const words[G_COUNT][CK_MSG_LANG_COUNT] = {
    [G_TITLE] = {"Veileder for sirkul\u00E6re anskaffelser", "Guide to circular procurement"},
    [G_INTRO] = {"Alle kriteriene circheck vurderer, etter kategori: hva som teller som "
                 "dokumentasjon, tallene per niv\u00E5 og produktkategori, klausulen p\u00E5 "
                 "hvert spr\u00E5k og kilden til hvert tall. Laget fra regelpakkene.",
                 "Every criterion circheck judges, by category: what counts as evidence, the "
                 "figures per level and product category, the clause in every language and "
                 "the source of each figure. Made from the rule packs."},
    [G_SEARCH] = {"S\u00F8k i veilederen", "Search the guide"},
    [G_SEARCH_BUTTON] = {"S\u00F8k", "Search"},
    [G_NOTHING] = {"Ingen kriterier passer til s\u00F8ket.", "No criterion matches the search."},
    [G_EVIDENCE] = {"dette teller som oppfylt", "what counts as evidence"},
    [G_FIGURES] = {"tall per niv\u00E5", "figures per level"},
    [G_CLAUSE] = {"klausul", "clause"},
    [G_NO_FIGURE] = {"ingen tallkrav", "no figure"},
    [G_SUBJECT] = {"oppfylt n\u00E5r det som kj\u00F8pes, selv er dette",
                   "met when what is bought is itself this"},
    [G_SHOWN] = {"kriterier", "criteria"},
};

static const char *const lang_names[CK_MSG_LANG_COUNT] = {"norsk bokm\u00E5l", "English"};

static void esc(ck_buf *out, const char *s) { ck_escape_xml(s, strlen(s), out); }

static void esc_cap(ck_buf *out, const char *s) {
  ck_buf tmp = CK_BUF_INIT;
  ck_put_capitalised(&tmp, s);
  esc(out, ck_buf_cstr(&tmp));
  ck_buf_free(&tmp);
}

/* The rules of criterion 'c' in rule-id order (subject rules too). */
static size_t rules_of(const ck_ruleset *rs, const ck_criterion *c, const ck_rule **out) {
  size_t n = 0;
  for (size_t i = 0; i < rs->nrules; i++)
    if (rs->rules[i]->criterion == c)
      out[n++] = rs->rules[i];
  return n;
}

/* Everything the search looks in for one criterion, case-folded. */
static char *search_text(const ck_criterion *c, const ck_rule *const *rules, size_t n) {
  ck_buf b = CK_BUF_INIT;
  ck_buf_printf(&b, "%s %s", c->id, c->category);
  for (int l = 0; l < CK_MSG_LANG_COUNT; l++) {
    ck_buf_printf(&b, " %s %s", c->name[l] ? c->name[l] : "",
                  ck_category_label((ck_msg_lang)l, c->category));
    for (size_t i = 0; i < n; i++) {
      const ck_rule *r = rules[i];
      ck_buf_printf(&b, " %s %s %s ", r->id, r->name[l] ? r->name[l] : "",
                    r->pack->name[l] ? r->pack->name[l] : "");
      ck_clause_fill(r, (ck_msg_lang)l, CK_LEVEL_BASIC, false, &b);
    }
  }
  char *text = ck_buf_detach(&b);
  size_t len = strlen(text);
  ck_text_fold(text, len, text, len + 1);
  return text;
}

/* True when every word of 'query' is in 'text' (both folded). */
static bool matches(const char *text, const char *query) {
  if (!query)
    return true;
  size_t qlen = strlen(query);
  char *q = ck_xstrndup(query, qlen);
  ck_text_fold(q, qlen, q, qlen + 1);
  bool all = true;
  char *save = NULL; /* strtok_r: guides are rendered on several threads at once */
  for (char *word = strtok_r(q, " \t\r\n", &save); word && all;
       word = strtok_r(NULL, " \t\r\n", &save))
    all = strstr(text, word) != NULL;
  free(q);
  return all;
}

/* --- HTML --------------------------------------------------------------------------- */

static void figure_cells(ck_buf *out, const ck_rule *r, ck_msg_lang lang) {
  for (int lv = 0; lv < CK_LEVEL_COUNT; lv++) {
    ck_buf_puts(out, "<td>");
    if (r->value.present) {
      ck_buf req = CK_BUF_INIT;
      ck_put_requirement(&req, r, lang, r->value.threshold[lv]);
      esc(out, ck_buf_cstr(&req));
      ck_buf_free(&req);
    } else {
      esc(out, words[G_NO_FIGURE][lang]);
    }
    ck_buf_puts(out, "</td>");
  }
}

static void html_rule(ck_buf *out, const ck_rule *r, ck_msg_lang lang) {
  ck_buf_puts(out, "<article class=\"guide-rule\">\n<h4>");
  esc(out, r->pack->name[lang]);
  ck_buf_puts(out, ": ");
  esc(out, r->name[lang]);
  ck_buf_puts(out, " <code>");
  esc(out, r->id);
  ck_buf_puts(out, "</code></h4>\n<dl>\n<dt>");
  esc_cap(out, ck_msg(lang, CK_MSG_BELONGS_IN));
  ck_buf_puts(out, "</dt><dd>");
  esc(out, ck_placement_label(lang, r->clause.placement));
  ck_buf_puts(out, "</dd>\n<dt>");
  esc_cap(out, words[G_EVIDENCE][lang]);
  ck_buf_puts(out, "</dt><dd>\n");
  if (r->subject) {
    ck_buf_puts(out, "<p>");
    esc_cap(out, words[G_SUBJECT][lang]);
    ck_buf_puts(out, "</p>\n");
  }
  size_t shown = 0;
  for (size_t e = 0; e < r->nexamples && shown < 2; e++) {
    const ck_example *ex = &r->examples[e];
    if (ex->expect != CK_STATUS_PASS)
      continue;
    if (!shown++)
      ck_buf_puts(out, "<ul class=\"guide-examples\">\n");
    ck_buf_printf(out, "<li lang=\"%s\"><q>", ck_lang_name(ex->lang));
    esc(out, ex->text);
    ck_buf_puts(out, "</q></li>\n");
  }
  if (shown)
    ck_buf_puts(out, "</ul>\n");
  ck_buf verify = CK_BUF_INIT;
  if (ck_clause_fill(r, lang, CK_LEVEL_BASIC, true, &verify)) {
    ck_buf_puts(out, "<p>");
    esc_cap(out, ck_msg(lang, CK_MSG_VERIFICATION));
    ck_buf_puts(out, ": ");
    esc(out, ck_buf_cstr(&verify));
    ck_buf_puts(out, "</p>\n");
  }
  ck_buf_free(&verify);
  ck_buf_puts(out, "</dd>\n");
  if (r->value.present) {
    ck_buf_puts(out, "<dt>");
    esc_cap(out, words[G_FIGURES][lang]);
    ck_buf_puts(out, "</dt><dd><table class=\"guide-figures\"><tr>");
    for (int lv = 0; lv < CK_LEVEL_COUNT; lv++) {
      ck_buf_puts(out, "<th scope=\"col\">");
      esc(out, ck_level_label(lang, (ck_level)lv));
      ck_buf_puts(out, "</th>");
    }
    ck_buf_puts(out, "</tr><tr>");
    figure_cells(out, r, lang);
    ck_buf_puts(out, "</tr></table></dd>\n");
  }
  for (int l = 0; l < CK_MSG_LANG_COUNT; l++) {
    ck_buf text = CK_BUF_INIT;
    if (!ck_clause_fill(r, (ck_msg_lang)l, CK_LEVEL_BASIC, false, &text)) {
      ck_buf_free(&text);
      continue;
    }
    ck_buf_puts(out, "<dt>");
    esc_cap(out, words[G_CLAUSE][lang]);
    ck_buf_printf(out, " (%s)</dt><dd>\n<p class=\"clause-text\" lang=\"%s\" id=\"guide-",
                  lang_names[l], ck_msg_lang_name((ck_msg_lang)l));
    esc(out, r->id);
    ck_buf_printf(out, "-%s\">", ck_msg_lang_name((ck_msg_lang)l));
    esc(out, ck_buf_cstr(&text));
    ck_buf_puts(out, "</p>\n");
    ck_buf id = CK_BUF_INIT;
    ck_buf_printf(&id, "guide-%s-%s", r->id, ck_msg_lang_name((ck_msg_lang)l));
    ck_html_copy_button(out, lang, ck_buf_cstr(&id));
    ck_buf_free(&id);
    ck_buf_free(&text);
    ck_buf_puts(out, "</dd>\n");
  }
  if (r->source) {
    ck_buf_puts(out, "<dt>");
    esc_cap(out, ck_msg(lang, CK_MSG_SOURCE));
    ck_buf_puts(out, "</dt><dd>");
    esc(out, r->source);
    ck_buf_puts(out, "</dd>\n");
  }
  ck_buf_puts(out, "</dl>\n</article>\n");
}

static void render_html(const ck_ruleset *rs, const ck_guide_options *o, ck_buf *out) {
  ck_msg_lang lang = o->lang;
  ck_html_begin(out, lang, words[G_TITLE][lang]);
  ck_buf_puts(out, "<header class=\"masthead\"><div>\n<p class=\"brand\">circheck</p>\n<h1>");
  esc(out, words[G_TITLE][lang]);
  ck_buf_puts(out, "</h1>\n<p class=\"intro\">");
  esc(out, words[G_INTRO][lang]);
  ck_buf_puts(out, "</p>\n</div></header>\n<main>\n<div class=\"doc\">\n"
                   "<form method=\"get\" class=\"guide-search\" role=\"search\">\n"
                   "<label for=\"guide-search\">");
  esc(out, words[G_SEARCH][lang]);
  ck_buf_puts(out, "</label>\n<input type=\"search\" id=\"guide-search\" name=\"q\" value=\"");
  esc(out, o->query ? o->query : "");
  ck_buf_printf(out, "\" />\n<input type=\"hidden\" name=\"lang\" value=\"%s\" />\n"
                     "<button type=\"submit\">",
                ck_msg_lang_name(lang));
  esc(out, words[G_SEARCH_BUTTON][lang]);
  ck_buf_puts(out, "</button>\n<span id=\"guide-count\" aria-live=\"polite\"></span>\n</form>\n");
  const ck_rule **rules = ck_xcalloc(rs->nrules ? rs->nrules : 1, sizeof *rules);
  size_t shown = 0;
  /* categories in the order the criteria table first names them */
  for (size_t c = 0; c < rs->ncriteria; c++) {
    const char *cat = rs->criteria[c].category;
    bool first = true;
    for (size_t k = 0; k < c && first; k++)
      first = strcmp(rs->criteria[k].category, cat) != 0;
    if (!first)
      continue;
    bool opened = false;
    for (size_t k = c; k < rs->ncriteria; k++) {
      const ck_criterion *crit = &rs->criteria[k];
      if (strcmp(crit->category, cat) != 0)
        continue;
      size_t n = rules_of(rs, crit, rules);
      if (!n)
        continue;
      char *text = search_text(crit, rules, n);
      if (!matches(text, o->query)) {
        free(text);
        continue;
      }
      if (!opened) {
        ck_buf_printf(out, "<section class=\"guide-category\" aria-labelledby=\"cat-%s\">\n"
                           "<h2 id=\"cat-%s\">",
                      cat, cat);
        esc_cap(out, ck_category_label(lang, cat));
        ck_buf_puts(out, "</h2>\n");
        opened = true;
      }
      ck_buf_puts(out, "<section class=\"guide-criterion\" id=\"");
      esc(out, crit->id);
      ck_buf_puts(out, "\" data-guide-text=\"");
      esc(out, text);
      ck_buf_puts(out, "\">\n<h3>");
      esc(out, crit->name[lang]);
      ck_buf_puts(out, " <code>");
      esc(out, crit->id);
      ck_buf_puts(out, "</code></h3>\n");
      for (size_t i = 0; i < n; i++)
        html_rule(out, rules[i], lang);
      ck_buf_puts(out, "</section>\n");
      free(text);
      shown++;
    }
    if (opened)
      ck_buf_puts(out, "</section>\n");
  }
  free(rules);
  if (!shown) {
    ck_buf_puts(out, "<p class=\"guide-nothing\">");
    esc(out, words[G_NOTHING][lang]);
    ck_buf_puts(out, "</p>\n");
  }
  ck_buf_puts(out, "</div>\n</main>\n");
  ck_html_end(out, lang);
}

/* --- JSON ---------------------------------------------------------------------------- */

static void json_names(ck_json *j, const char *key, char *const names[CK_MSG_LANG_COUNT]) {
  ck_json_key(j, key);
  ck_json_object(j);
  for (int l = 0; l < CK_MSG_LANG_COUNT; l++)
    ck_json_kv(j, ck_msg_lang_name((ck_msg_lang)l), names[l]);
  ck_json_end_object(j);
}

static void json_rule(ck_json *j, const ck_rule *r) {
  ck_json_object(j);
  ck_json_kv(j, "id", r->id);
  ck_json_kv(j, "criterion", r->criterion->id);
  ck_json_kv(j, "category", r->criterion->category);
  json_names(j, "name", r->name);
  ck_json_kv(j, "placement", ck_placement_name(r->clause.placement));
  ck_json_key(j, "subject");
  ck_json_bool(j, r->subject);
  ck_json_kv(j, "source", r->source);
  ck_json_key(j, "value");
  if (r->value.present) {
    ck_json_object(j);
    ck_json_kv(j, "unit", ck_unit_name(r->value.unit));
    ck_json_kv(j, "compare", r->value.compare == CK_COMPARE_AT_MOST ? "at-most" : "at-least");
    ck_json_key(j, "levels");
    ck_json_object(j);
    for (int lv = 0; lv < CK_LEVEL_COUNT; lv++) {
      ck_json_key(j, ck_level_name((ck_level)lv));
      ck_json_number(j, r->value.threshold[lv]);
    }
    ck_json_end_object(j);
    ck_json_end_object(j);
  } else {
    ck_json_null(j);
  }
  for (int verify = 0; verify < 2; verify++) {
    ck_json_key(j, verify ? "verification" : "clause");
    ck_json_object(j);
    for (int l = 0; l < CK_MSG_LANG_COUNT; l++) {
      ck_json_key(j, ck_msg_lang_name((ck_msg_lang)l));
      ck_json_object(j);
      for (int lv = 0; lv < CK_LEVEL_COUNT; lv++) {
        ck_buf text = CK_BUF_INIT;
        bool has = ck_clause_fill(r, (ck_msg_lang)l, (ck_level)lv, verify, &text);
        ck_json_kv(j, ck_level_name((ck_level)lv), has ? ck_buf_cstr(&text) : NULL);
        ck_buf_free(&text);
      }
      ck_json_end_object(j);
    }
    ck_json_end_object(j);
  }
  ck_json_key(j, "evidence");
  ck_json_array(j);
  for (size_t e = 0; e < r->nexamples; e++) {
    const ck_example *ex = &r->examples[e];
    if (ex->expect != CK_STATUS_PASS)
      continue;
    ck_json_object(j);
    ck_json_kv(j, "lang", ck_lang_name(ex->lang));
    ck_json_kv(j, "text", ex->text);
    ck_json_end_object(j);
  }
  ck_json_end_array(j);
  ck_json_end_object(j);
}

static void render_json(const ck_ruleset *rs, ck_buf *out) {
  ck_json j;
  ck_json_init(&j, out);
  ck_json_object(&j);
  ck_json_key(&j, "tool");
  ck_json_object(&j);
  ck_json_kv(&j, "name", "circheck");
  ck_json_kv(&j, "version", ck_version());
  ck_json_end_object(&j);
  ck_json_key(&j, "levels");
  ck_json_array(&j);
  for (int lv = 0; lv < CK_LEVEL_COUNT; lv++)
    ck_json_string(&j, ck_level_name((ck_level)lv));
  ck_json_end_array(&j);
  ck_json_key(&j, "criteria");
  ck_json_array(&j);
  for (size_t c = 0; c < rs->ncriteria; c++) {
    ck_json_object(&j);
    ck_json_kv(&j, "id", rs->criteria[c].id);
    ck_json_kv(&j, "category", rs->criteria[c].category);
    json_names(&j, "name", rs->criteria[c].name);
    ck_json_end_object(&j);
  }
  ck_json_end_array(&j);
  ck_json_key(&j, "packs");
  ck_json_array(&j);
  for (size_t p = 0; p < rs->npacks; p++) {
    const ck_pack *pack = rs->packs[p];
    ck_json_object(&j);
    ck_json_kv(&j, "id", pack->id);
    json_names(&j, "name", pack->name);
    ck_json_key(&j, "always");
    ck_json_bool(&j, pack->always);
    ck_json_key(&j, "cpv");
    ck_json_array(&j);
    for (size_t i = 0; i < pack->ncpv; i++)
      ck_json_string(&j, pack->cpv[i]);
    ck_json_end_array(&j);
    ck_json_key(&j, "rules");
    ck_json_array(&j);
    for (size_t r = 0; r < pack->nrules; r++)
      json_rule(&j, pack->rules[r]);
    ck_json_end_array(&j);
    ck_json_end_object(&j);
  }
  ck_json_end_array(&j);
  ck_json_end_object(&j);
  ck_buf_putc(out, '\n');
}

ck_guide_options ck_guide_options_default(void) {
  ck_guide_options o = {.lang = CK_MSG_EN, .query = NULL};
  return o;
}

ck_status ck_guide_render(const ck_ruleset *rs, const ck_guide_options *opts,
                          ck_report_format format, char **out, size_t *len, ck_diags *diags) {
  *out = NULL;
  *len = 0;
  if (format != CK_REPORT_HTML && format != CK_REPORT_JSON) {
    ck_diags_add(diags, CK_DIAG_ERROR, NULL, 0, 0,
                 "format '%s' has no guide form (html, json)", ck_report_format_name(format));
    return CK_ERR_USAGE;
  }
  ck_buf b = CK_BUF_INIT;
  if (format == CK_REPORT_HTML)
    render_html(rs, opts, &b);
  else
    render_json(rs, &b);
  *len = b.len;
  *out = ck_buf_detach(&b);
  return CK_OK;
}

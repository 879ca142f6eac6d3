/* Clause checklists: what a buyer starting a tender should write into it.
 *
 * The rules of the chosen packs are turned into items (the clause filled with
 * the level's figures, its criterion, the figure and how it is verified),
 * grouped by where the clause goes and ordered as the criteria table is.
 * Six forms share the one list: text, Markdown (GitHub task lists), HTML
 * (the report's style sheet, real checkboxes), CSV, JSON and Word (a
 * heading per placement and per criterion, each clause a paragraph). */
#include <stdlib.h>
#include <string.h>

#include "docx_write.h"
#include "json_writer.h"
#include "messages.h"
#include "report.h"

typedef struct item {
  const ck_rule *rule;
  char *clause;      /* filled for the level */
  char *verify;      /* filled, NULL when the rule says nothing */
  char *requirement; /* "minst 7 år", NULL for a rule without a figure */
  char *id;          /* "clause.furniture.warranty" */
} item;

typedef struct checklist {
  const ck_ruleset *rs;
  const ck_checklist_options *o;
  bool *chosen; /* per pack of rs */
  item *items;  /* by placement, then criterion, then rule id */
  size_t nitems;
} checklist;

ck_checklist_options ck_checklist_options_default(void) {
  ck_checklist_options o = {0};
  o.level = CK_LEVEL_BASIC;
  o.lang = CK_MSG_NB;
  return o;
}

bool ck_checklist_format_available(ck_report_format f) {
  return f == CK_REPORT_TEXT || f == CK_REPORT_MD || f == CK_REPORT_HTML || f == CK_REPORT_CSV ||
         f == CK_REPORT_JSON || f == CK_REPORT_DOCX;
}

/* The digits of a CPV code without its check digit ("39130000-2"), or false
   when it is not one. Prefixes of 2 to 8 digits are accepted, as in packs. */
static bool cpv_digits(const char *code, char digits[9]) {
  size_t n = 0;
  const char *p = code;
  while (*p >= '0' && *p <= '9' && n < 8)
    digits[n++] = *p++;
  digits[n] = '\0';
  if (*p == '-' && p[1] >= '0' && p[1] <= '9' && p[2] == '\0')
    p += 2;
  return *p == '\0' && n >= 2;
}

/* A pack fits a code when the code starts with one of its prefixes, or, for
   a short code, when a prefix starts with the code. */
static bool pack_fits_cpv(const ck_pack *p, const char *digits) {
  size_t n = strlen(digits);
  for (size_t i = 0; i < p->ncpv; i++) {
    size_t m = strlen(p->cpv[i]);
    if (strncmp(digits, p->cpv[i], n < m ? n : m) == 0)
      return true;
  }
  return false;
}

static ck_status choose_packs(checklist *cl, ck_diags *diags) {
  const ck_ruleset *rs = cl->rs;
  const ck_checklist_options *o = cl->o;
  cl->chosen = ck_xcalloc(rs->npacks ? rs->npacks : 1, sizeof *cl->chosen);
  for (size_t i = 0; i < rs->npacks; i++)
    cl->chosen[i] = rs->packs[i]->always;
  for (size_t k = 0; k < o->npacks; k++) {
    size_t i = 0;
    while (i < rs->npacks && strcmp(rs->packs[i]->id, o->packs[k]) != 0)
      i++;
    if (i == rs->npacks) {
      ck_diags_add(diags, CK_DIAG_ERROR, NULL, 0, 0, "unknown pack '%s'", o->packs[k]);
      return CK_ERR_USAGE;
    }
    cl->chosen[i] = true;
  }
  /* One code or several, separated by commas or spaces ("39130000, 30200000"),
     as a buyer types them into a form. */
  static const char separators[] = ", \t\r\n";
  size_t ncodes = 0;
  for (const char *p = o->cpv; p && *(p += strspn(p, separators)); p += strcspn(p, separators))
    ncodes++;
  for (const char *p = o->cpv; p && *p;) {
    p += strspn(p, separators);
    size_t n = strcspn(p, separators);
    if (!n)
      break;
    char code[32], digits[9];
    bool fits = n < sizeof code;
    if (fits) {
      memcpy(code, p, n);
      code[n] = '\0';
      fits = cpv_digits(code, digits);
    }
    if (!fits) {
      ck_diags_add(diags, CK_DIAG_ERROR, NULL, 0, 0,
                   "invalid CPV code '%.*s' (2 to 8 digits, optionally with -check digit)",
                   (int)(n < 40 ? n : 40), p);
      return CK_ERR_USAGE;
    }
    bool any = false;
    for (size_t i = 0; i < rs->npacks; i++)
      if (!rs->packs[i]->always && pack_fits_cpv(rs->packs[i], digits)) {
        cl->chosen[i] = true;
        any = true;
      }
    if (!any && ncodes == 1)
      ck_diags_add(diags, CK_DIAG_NOTE, NULL, 0, 0,
                   "no product pack for CPV %s; the checklist has the clauses for every "
                   "purchase only",
                   digits);
    else if (!any)
      ck_diags_add(diags, CK_DIAG_NOTE, NULL, 0, 0, "no product pack for CPV %s", digits);
    p += n;
  }
  return CK_OK;
}

static bool pack_chosen(const checklist *cl, const ck_pack *p) {
  for (size_t i = 0; i < cl->rs->npacks; i++)
    if (cl->rs->packs[i] == p)
      return cl->chosen[i];
  return false;
}

/* A general rule gives way to a chosen product pack's rule on the same
   criterion: the buyer needs one clause about take-back, the specific one. */
static bool superseded(const checklist *cl, const ck_rule *rule) {
  if (!rule->pack->always)
    return false;
  for (size_t i = 0; i < cl->rs->nrules; i++) {
    const ck_rule *other = cl->rs->rules[i];
    if (other->criterion == rule->criterion && !other->pack->always && !other->subject &&
        pack_chosen(cl, other->pack))
      return true;
  }
  return false;
}

static int item_cmp(const void *a, const void *b) {
  const ck_rule *x = ((const item *)a)->rule, *y = ((const item *)b)->rule;
  if (x->clause.placement != y->clause.placement)
    return x->clause.placement < y->clause.placement ? -1 : 1;
  /* Criteria live in one array, in criteria.csv order. */
  if (x->criterion != y->criterion)
    return x->criterion < y->criterion ? -1 : 1;
  return strcmp(x->id, y->id);
}

static void build(checklist *cl) {
  const ck_ruleset *rs = cl->rs;
  ck_msg_lang lang = cl->o->lang;
  cl->items = ck_xcalloc(rs->nrules ? rs->nrules : 1, sizeof *cl->items);
  for (size_t i = 0; i < rs->nrules; i++) {
    const ck_rule *rule = rs->rules[i];
    /* A subject rule recognises what is bought; it is no clause to paste. */
    if (rule->subject || !pack_chosen(cl, rule->pack) || superseded(cl, rule))
      continue;
    item *it = &cl->items[cl->nitems++];
    it->rule = rule;
    ck_buf b = CK_BUF_INIT;
    ck_clause_fill(rule, lang, cl->o->level, false, &b);
    it->clause = ck_buf_detach(&b);
    if (ck_clause_fill(rule, lang, cl->o->level, true, &b))
      it->verify = ck_buf_detach(&b);
    if (rule->value.present) {
      ck_put_requirement(&b, rule, lang, rule->value.threshold[cl->o->level]);
      it->requirement = ck_buf_detach(&b);
    }
    ck_put_clause_id(&b, rule);
    it->id = ck_buf_detach(&b);
  }
  qsort(cl->items, cl->nitems, sizeof *cl->items, item_cmp);
}

static void free_checklist(checklist *cl) {
  for (size_t i = 0; i < cl->nitems; i++) {
    free(cl->items[i].clause);
    free(cl->items[i].verify);
    free(cl->items[i].requirement);
    free(cl->items[i].id);
  }
  free(cl->items);
  free(cl->chosen);
}

/* "Felles krav for alle anskaffelser (core), Møbler (furniture)". */
static void pack_names(const checklist *cl, ck_buf *out) {
  bool first = true;
  for (size_t i = 0; i < cl->rs->npacks; i++) {
    if (!cl->chosen[i])
      continue;
    const ck_pack *p = cl->rs->packs[i];
    ck_buf_printf(out, "%s%s (%s)", first ? "" : ", ", p->name[cl->o->lang], p->id);
    first = false;
  }
}

/* Items [*from, end) of the placement of items[*from]. */
static size_t group_end(const checklist *cl, size_t from) {
  size_t end = from;
  while (end < cl->nitems &&
         cl->items[end].rule->clause.placement == cl->items[from].rule->clause.placement)
    end++;
  return end;
}

static void intro_text(const checklist *cl, ck_buf *out) {
  ck_template_values v = {.level = ck_level_label(cl->o->lang, cl->o->level)};
  ck_fill_template(ck_msg(cl->o->lang, CK_MSG_CHECKLIST_INTRO), &v, out);
}

/* --- text ----------------------------------------------------------------------- */

static size_t width(const char *s) {
  size_t n = 0;
  for (; *s; s++)
    n += ((unsigned char)*s & 0xC0) != 0x80;
  return n;
}

static void render_text(const checklist *cl, ck_buf *out) {
  ck_msg_lang lang = cl->o->lang;
  ck_buf_printf(out, "%s\n\n", ck_msg(lang, CK_MSG_CHECKLIST_TITLE));
  ck_put_capitalised(out, ck_msg(lang, CK_MSG_PACKS));
  ck_buf_puts(out, ": ");
  pack_names(cl, out);
  ck_buf_putc(out, '\n');
  ck_put_capitalised(out, ck_msg(lang, CK_MSG_LEVEL));
  ck_buf_printf(out, ": %s\n\n", ck_level_label(lang, cl->o->level));
  intro_text(cl, out);
  ck_buf_putc(out, '\n');
  if (!cl->nitems)
    ck_buf_printf(out, "\n%s\n", ck_msg(lang, CK_MSG_CHECKLIST_EMPTY));
  for (size_t g = 0; g < cl->nitems; g = group_end(cl, g)) {
    ck_buf head = CK_BUF_INIT;
    ck_put_capitalised(&head, ck_placement_label(lang, cl->items[g].rule->clause.placement));
    ck_buf_printf(out, "\n%s\n", ck_buf_cstr(&head));
    for (size_t k = width(ck_buf_cstr(&head)); k > 0; k--)
      ck_buf_putc(out, '-');
    ck_buf_putc(out, '\n');
    ck_buf_free(&head);
    for (size_t i = g; i < group_end(cl, g); i++) {
      const item *it = &cl->items[i];
      ck_buf_printf(out, "\n[ ] %s (%s)\n    %s\n", it->rule->criterion->name[lang], it->rule->id,
                    it->clause);
      if (it->requirement) {
        ck_buf_puts(out, "    ");
        ck_put_capitalised(out, ck_msg(lang, CK_MSG_REQUIRED));
        ck_buf_printf(out, ": %s\n", it->requirement);
      }
      ck_buf_puts(out, "    ");
      ck_put_capitalised(out, ck_msg(lang, CK_MSG_VERIFICATION));
      ck_buf_printf(out, ": %s\n", it->verify ? it->verify : ck_msg(lang, CK_MSG_NOT_STATED));
    }
  }
}

/* --- Markdown ------------------------------------------------------------------- */

static void md(ck_buf *out, const char *s) { ck_escape_md(s, strlen(s), out); }

static void md_cap(ck_buf *out, const char *s) {
  ck_buf tmp = CK_BUF_INIT;
  ck_put_capitalised(&tmp, s);
  md(out, ck_buf_cstr(&tmp));
  ck_buf_free(&tmp);
}

static void render_md(const checklist *cl, ck_buf *out) {
  ck_msg_lang lang = cl->o->lang;
  ck_buf tmp = CK_BUF_INIT;
  ck_buf_puts(out, "# ");
  md(out, ck_msg(lang, CK_MSG_CHECKLIST_TITLE));
  ck_buf_puts(out, "\n\n");
  md_cap(out, ck_msg(lang, CK_MSG_PACKS));
  ck_buf_puts(out, ": ");
  pack_names(cl, &tmp);
  md(out, ck_buf_cstr(&tmp));
  ck_buf_reset(&tmp);
  ck_buf_puts(out, " \u00B7 ");
  md(out, ck_msg(lang, CK_MSG_LEVEL));
  ck_buf_puts(out, ": **");
  md(out, ck_level_label(lang, cl->o->level));
  ck_buf_puts(out, "**\n\n");
  intro_text(cl, &tmp);
  md(out, ck_buf_cstr(&tmp));
  ck_buf_free(&tmp);
  ck_buf_puts(out, "\n");
  if (!cl->nitems) {
    ck_buf_puts(out, "\n");
    md(out, ck_msg(lang, CK_MSG_CHECKLIST_EMPTY));
    ck_buf_puts(out, "\n");
  }
  for (size_t g = 0; g < cl->nitems; g = group_end(cl, g)) {
    ck_buf_puts(out, "\n## ");
    md_cap(out, ck_placement_label(lang, cl->items[g].rule->clause.placement));
    ck_buf_puts(out, "\n");
    for (size_t i = g; i < group_end(cl, g); i++) {
      const item *it = &cl->items[i];
      ck_buf_puts(out, "\n- [ ] **");
      md(out, it->rule->criterion->name[lang]);
      ck_buf_printf(out, "** (`%s`)\n\n  ", it->rule->id);
      md(out, it->clause);
      ck_buf_puts(out, "\n\n");
      if (it->requirement) {
        ck_buf_puts(out, "  - ");
        md_cap(out, ck_msg(lang, CK_MSG_REQUIRED));
        ck_buf_puts(out, ": **");
        md(out, it->requirement);
        ck_buf_puts(out, "**\n");
      }
      ck_buf_puts(out, "  - ");
      md_cap(out, ck_msg(lang, CK_MSG_VERIFICATION));
      ck_buf_puts(out, ": ");
      md(out, it->verify ? it->verify : ck_msg(lang, CK_MSG_NOT_STATED));
      ck_buf_puts(out, "\n");
    }
  }
}

/* --- HTML ----------------------------------------------------------------------- */

static void esc(ck_buf *out, const char *s) { ck_escape_xml(s, strlen(s), out); }

static void esc_cap(ck_buf *out, const char *s) {
  ck_buf tmp = CK_BUF_INIT;
  ck_put_capitalised(&tmp, s);
  esc(out, ck_buf_cstr(&tmp));
  ck_buf_free(&tmp);
}

static void html_item(ck_buf *out, ck_msg_lang lang, const item *it) {
  ck_buf_puts(out, "<li class=\"item\">\n<input type=\"checkbox\" id=\"");
  esc(out, it->id);
  ck_buf_puts(out, "-done\" />\n<label for=\"");
  esc(out, it->id);
  ck_buf_puts(out, "-done\">");
  esc(out, it->rule->criterion->name[lang]);
  ck_buf_puts(out, "</label>\n<div class=\"body\">\n<p class=\"clause-text\" id=\"");
  esc(out, it->id);
  ck_buf_puts(out, "\">");
  esc(out, it->clause);
  ck_buf_puts(out, "</p>\n<dl>\n");
  if (it->requirement) {
    ck_buf_puts(out, "<dt>");
    esc_cap(out, ck_msg(lang, CK_MSG_REQUIRED));
    ck_buf_puts(out, "</dt><dd>");
    esc(out, it->requirement);
    ck_buf_puts(out, "</dd>\n");
  }
  ck_buf_puts(out, "<dt>");
  esc_cap(out, ck_msg(lang, CK_MSG_VERIFICATION));
  ck_buf_puts(out, "</dt><dd>");
  esc(out, it->verify ? it->verify : ck_msg(lang, CK_MSG_NOT_STATED));
  ck_buf_puts(out, "</dd>\n<dt>");
  esc_cap(out, ck_msg(lang, CK_MSG_RULE));
  ck_buf_puts(out, "</dt><dd><code>");
  esc(out, it->rule->id);
  ck_buf_puts(out, "</code> \u00B7 ");
  esc(out, it->rule->name[lang]);
  ck_buf_puts(out, "</dd>\n</dl>\n");
  ck_html_copy_button(out, lang, it->id);
  ck_buf_puts(out, "</div>\n</li>\n");
}

static void render_html(const checklist *cl, ck_buf *out) {
  ck_msg_lang lang = cl->o->lang;
  ck_html_begin(out, lang, ck_msg(lang, CK_MSG_CHECKLIST_TITLE));
  ck_buf_puts(out, "<header class=\"masthead\"><div>\n<p class=\"brand\">circheck</p>\n<h1>");
  esc(out, ck_msg(lang, CK_MSG_CHECKLIST_TITLE));
  ck_buf_puts(out, "</h1>\n<p class=\"intro\">");
  ck_buf tmp = CK_BUF_INIT;
  intro_text(cl, &tmp);
  esc(out, ck_buf_cstr(&tmp));
  ck_buf_reset(&tmp);
  ck_buf_puts(out, "</p>\n</div></header>\n<main>\n<div class=\"doc\">\n<dl class=\"meta\">\n<dt>");
  esc_cap(out, ck_msg(lang, CK_MSG_PACKS));
  ck_buf_puts(out, "</dt><dd>");
  pack_names(cl, &tmp);
  esc(out, ck_buf_cstr(&tmp));
  ck_buf_free(&tmp);
  ck_buf_puts(out, "</dd>\n<dt>");
  esc_cap(out, ck_msg(lang, CK_MSG_LEVEL));
  ck_buf_puts(out, "</dt><dd>");
  esc(out, ck_level_label(lang, cl->o->level));
  ck_buf_puts(out, "</dd>\n</dl>\n");
  if (!cl->nitems) {
    ck_buf_puts(out, "<p>");
    esc(out, ck_msg(lang, CK_MSG_CHECKLIST_EMPTY));
    ck_buf_puts(out, "</p>\n");
  }
  for (size_t g = 0; g < cl->nitems; g = group_end(cl, g)) {
    const char *place = ck_placement_name(cl->items[g].rule->clause.placement);
    ck_buf_printf(out,
                  "<section class=\"checklist-group\" aria-labelledby=\"g-%s\">\n"
                  "<h2 id=\"g-%s\">",
                  place, place);
    esc_cap(out, ck_placement_label(lang, cl->items[g].rule->clause.placement));
    ck_buf_puts(out, "</h2>\n<ul class=\"items\">\n");
    for (size_t i = g; i < group_end(cl, g); i++)
      html_item(out, lang, &cl->items[i]);
    ck_buf_puts(out, "</ul>\n</section>\n");
  }
  ck_buf_puts(out, "</div>\n</main>\n");
  ck_html_end(out, lang);
}

/* --- CSV and JSON ------------------------------------------------------------- */

static const char *const csv_columns[] = {
    "placement", "pack",   "rule",     "criterion", "category",    "criterion_name",
    "clause_id", "clause", "required", "unit",      "requirement", "verification",
};

static void csv_field(ck_buf *out, const char *s, bool first) {
  if (!first)
    ck_buf_putc(out, ',');
  ck_csv_field(out, s, strlen(s));
}

static void render_csv(const checklist *cl, ck_buf *out) {
  ck_msg_lang lang = cl->o->lang;
  for (size_t i = 0; i < sizeof csv_columns / sizeof *csv_columns; i++)
    csv_field(out, csv_columns[i], i == 0);
  ck_buf_puts(out, "\r\n");
  for (size_t i = 0; i < cl->nitems; i++) {
    const item *it = &cl->items[i];
    const ck_rule *r = it->rule;
    ck_buf num = CK_BUF_INIT;
    if (r->value.present)
      ck_buf_printf(&num, "%g", r->value.threshold[cl->o->level]);
    csv_field(out, ck_placement_name(r->clause.placement), true);
    csv_field(out, r->pack->id, false);
    csv_field(out, r->id, false);
    csv_field(out, r->criterion->id, false);
    csv_field(out, r->criterion->category, false);
    csv_field(out, r->criterion->name[lang], false);
    csv_field(out, it->id, false);
    csv_field(out, it->clause, false);
    csv_field(out, ck_buf_cstr(&num), false);
    csv_field(out, r->value.present ? ck_unit_name(r->value.unit) : "", false);
    csv_field(out, it->requirement ? it->requirement : "", false);
    csv_field(out, it->verify ? it->verify : "", false);
    ck_buf_puts(out, "\r\n");
    ck_buf_free(&num);
  }
}

static void render_json(const checklist *cl, ck_buf *out) {
  ck_msg_lang lang = cl->o->lang;
  ck_json j;
  ck_json_init(&j, out);
  ck_json_object(&j);
  ck_json_key(&j, "tool");
  ck_json_object(&j);
  ck_json_kv(&j, "name", "circheck");
  ck_json_kv(&j, "version", ck_version());
  ck_json_end_object(&j);
  ck_json_kv(&j, "language", ck_msg_lang_name(lang));
  ck_json_kv(&j, "level", ck_level_name(cl->o->level));
  ck_json_key(&j, "packs");
  ck_json_array(&j);
  for (size_t i = 0; i < cl->rs->npacks; i++)
    if (cl->chosen[i])
      ck_json_string(&j, cl->rs->packs[i]->id);
  ck_json_end_array(&j);
  ck_json_key(&j, "groups");
  ck_json_array(&j);
  for (size_t g = 0; g < cl->nitems; g = group_end(cl, g)) {
    ck_placement place = cl->items[g].rule->clause.placement;
    ck_json_object(&j);
    ck_json_kv(&j, "placement", ck_placement_name(place));
    ck_json_kv(&j, "label", ck_placement_label(lang, place));
    ck_json_key(&j, "items");
    ck_json_array(&j);
    for (size_t i = g; i < group_end(cl, g); i++) {
      const item *it = &cl->items[i];
      const ck_rule *r = it->rule;
      ck_json_object(&j);
      ck_json_kv(&j, "rule", r->id);
      ck_json_kv(&j, "pack", r->pack->id);
      ck_json_kv(&j, "name", r->name[lang]);
      ck_json_kv(&j, "criterion", r->criterion->id);
      ck_json_kv(&j, "category", r->criterion->category);
      ck_json_kv(&j, "criterion_name", r->criterion->name[lang]);
      ck_json_kv(&j, "clause_id", it->id);
      ck_json_kv(&j, "clause", it->clause);
      ck_json_kv(&j, "verification", it->verify);
      if (r->value.present) {
        ck_json_key(&j, "value");
        ck_json_object(&j);
        ck_json_key(&j, "required");
        ck_json_number(&j, r->value.threshold[cl->o->level]);
        ck_json_kv(&j, "unit", ck_unit_name(r->value.unit));
        ck_json_kv(&j, "compare", r->value.compare == CK_COMPARE_AT_MOST ? "at-most" : "at-least");
        ck_json_kv(&j, "text", it->requirement);
        ck_json_end_object(&j);
      }
      ck_json_end_object(&j);
    }
    ck_json_end_array(&j);
    ck_json_end_object(&j);
  }
  ck_json_end_array(&j);
  ck_json_end_object(&j);
}

/* --- Word ----------------------------------------------------------------------- */

/* Headings a buyer can navigate by: the placement, then the criterion; the
   clause alone in its paragraph, then what is required and how it is
   verified, each in a paragraph of its own. */
static bool render_docx(const checklist *cl, ck_buf *out) {
  ck_msg_lang lang = cl->o->lang;
  ck_docx *d = ck_docx_new(lang);
  ck_docx_heading(d, 0, ck_msg(lang, CK_MSG_CHECKLIST_TITLE));
  ck_buf tmp = CK_BUF_INIT;
  ck_put_capitalised(&tmp, ck_msg(lang, CK_MSG_PACKS));
  ck_buf_puts(&tmp, ": ");
  pack_names(cl, &tmp);
  ck_docx_paragraph(d, ck_buf_cstr(&tmp));
  ck_buf_reset(&tmp);
  ck_put_capitalised(&tmp, ck_msg(lang, CK_MSG_LEVEL));
  ck_buf_printf(&tmp, ": %s", ck_level_label(lang, cl->o->level));
  ck_docx_paragraph(d, ck_buf_cstr(&tmp));
  ck_buf_reset(&tmp);
  intro_text(cl, &tmp);
  ck_docx_paragraph(d, ck_buf_cstr(&tmp));
  ck_buf_reset(&tmp);
  if (!cl->nitems)
    ck_docx_paragraph(d, ck_msg(lang, CK_MSG_CHECKLIST_EMPTY));
  for (size_t g = 0; g < cl->nitems; g = group_end(cl, g)) {
    ck_put_capitalised(&tmp, ck_placement_label(lang, cl->items[g].rule->clause.placement));
    ck_docx_heading(d, 1, ck_buf_cstr(&tmp));
    ck_buf_reset(&tmp);
    for (size_t i = g; i < group_end(cl, g); i++) {
      const item *it = &cl->items[i];
      ck_docx_heading(d, 2, it->rule->criterion->name[lang]);
      ck_docx_paragraph(d, it->clause);
      if (it->requirement) {
        ck_put_capitalised(&tmp, ck_msg(lang, CK_MSG_REQUIRED));
        ck_buf_printf(&tmp, ": %s", it->requirement);
        ck_docx_paragraph(d, ck_buf_cstr(&tmp));
        ck_buf_reset(&tmp);
      }
      ck_put_capitalised(&tmp, ck_msg(lang, CK_MSG_VERIFICATION));
      ck_buf_printf(&tmp, ": %s", it->verify ? it->verify : ck_msg(lang, CK_MSG_NOT_STATED));
      ck_docx_paragraph(d, ck_buf_cstr(&tmp));
      ck_buf_reset(&tmp);
    }
  }
  ck_buf_free(&tmp);
  return ck_docx_finish(d, out);
}

ck_status ck_checklist_render(const ck_ruleset *rs, const ck_checklist_options *opts,
                              ck_report_format format, char **out, size_t *len, ck_diags *diags) {
  *out = NULL;
  *len = 0;
  if (!ck_checklist_format_available(format)) {
    ck_diags_add(diags, CK_DIAG_ERROR, NULL, 0, 0,
                 "a checklist cannot be written as %s (text, md, html, csv, json, docx)",
                 ck_report_format_name(format));
    return CK_ERR_USAGE;
  }
  checklist cl = {.rs = rs, .o = opts};
  ck_status rc = choose_packs(&cl, diags);
  if (rc != CK_OK) {
    free_checklist(&cl);
    return rc;
  }
  build(&cl);
  ck_buf b = CK_BUF_INIT;
  switch (format) {
  case CK_REPORT_MD:
    render_md(&cl, &b);
    break;
  case CK_REPORT_HTML:
    render_html(&cl, &b);
    break;
  case CK_REPORT_CSV:
    render_csv(&cl, &b);
    break;
  case CK_REPORT_JSON:
    render_json(&cl, &b);
    break;
  case CK_REPORT_DOCX:
    if (!render_docx(&cl, &b)) {
      free_checklist(&cl);
      ck_buf_free(&b);
      const char *why = NULL;
      if (!ck_docx_available(&why))
        ck_diags_add(diags, CK_DIAG_ERROR, NULL, 0, 0, "writing Word files needs %s", why);
      else
        ck_diags_add(diags, CK_DIAG_ERROR, NULL, 0, 0,
                     "cannot build the Word file: out of memory");
      return CK_ERR_IO;
    }
    break;
  default:
    render_text(&cl, &b);
    break;
  }
  free_checklist(&cl);
  *len = b.len;
  *out = ck_buf_detach(&b);
  return CK_OK;
}

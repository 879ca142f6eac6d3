/* The HTML report: one self-contained page a procurement officer can read,
 * print on A4 and send by e-mail. Style and script are inline and nothing is
 * fetched, so it works offline. Status is always spelled out in words next to
 * its colour and symbol, headings and tables carry the structure for screen
 * readers, and the markup is also well-formed XML (void elements closed,
 * no '<' or '&' in the script) so any XML tool can read it. */
#include <stdio.h>
#include <string.h>

#include "messages.h"
#include "render_parts.h"
#include "report.h"

static void esc(ck_buf *out, const char *s) { ck_escape_xml(s, strlen(s), out); }

/* Class names used by the style sheet, one per status. */
static const char *const status_class[CK_RESULT_STATUS_COUNT] = {
    [CK_STATUS_PASS] = "pass",
    [CK_STATUS_PARTIAL] = "partial",
    [CK_STATUS_FAIL] = "fail",
    [CK_STATUS_ERROR] = "error",
    [CK_STATUS_NOT_APPLICABLE] = "na",
};

/* Symbols that tell the statuses apart without colour (and in greyscale print). */
static const char *const status_symbol[CK_RESULT_STATUS_COUNT] = {
    [CK_STATUS_PASS] = "\u2713",
    [CK_STATUS_PARTIAL] = "\u25D0",
    [CK_STATUS_FAIL] = "\u2717",
    [CK_STATUS_ERROR] = "!",
    [CK_STATUS_NOT_APPLICABLE] = "\u2013",
};

/* Kept short and in one piece so the page stays one file; every colour pair
   meets WCAG AA contrast. */
static const char style_sheet[] =
    ":root{--ink:#1c2422;--muted:#56625d;--line:#d3dbd7;--paper:#fff;--wash:#f3f6f4;"
    "--brand:#1d5a46;--brand-wash:#eef5f2;--pass:#1a6b38;--pass-bg:#e0f1e6;--partial:#7a4d00;"
    "--partial-bg:#fcefcf;--fail:#a3241b;--fail-bg:#fbe3df;"
    "--error:#6d1f66;--error-bg:#f5e1f2;--na:#56625d;"
    "--na-bg:#e9ecea}\n"
    "*{box-sizing:border-box}\n"
    "html{-webkit-text-size-adjust:100%}\n"
    "body{margin:0;background:var(--wash);color:var(--ink);"
    "font:16px/1.55 system-ui,-apple-system,\"Segoe UI\",Roboto,\"Noto Sans\",\"DejaVu Sans\","
    "sans-serif}\n"
    "[hidden]{display:none!important}\n"
    "code{font-family:ui-monospace,\"DejaVu Sans Mono\",Menlo,Consolas,monospace;font-size:.88em}\n"
    ".skip{position:absolute;left:-9999px;top:0}\n"
    ".skip:focus{left:1rem;top:1rem;z-index:1;background:#fff;color:var(--brand);"
    "padding:.5rem 1rem;border-radius:6px}\n"
    ".vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);"
    "white-space:nowrap}\n"
    ".masthead{background:var(--brand);color:#fff;padding:2rem 1.5rem 1.75rem}\n"
    ".masthead>div{max-width:59rem;margin:0 auto}\n"
    "main,.page-foot{max-width:62rem;margin:0 auto}\n"
    ".brand{margin:0;font-size:.78rem;font-weight:700;letter-spacing:.14em;"
    "text-transform:uppercase;opacity:.85}\n"
    "h1{margin:.2rem 0 .5rem;font-size:2rem;line-height:1.2}\n"
    ".intro{margin:0;max-width:46rem;opacity:.92}\n"
    "main{padding:1.5rem}\n"
    ".toc{background:var(--paper);border:1px solid var(--line);border-radius:10px;"
    "padding:1rem 1.5rem;margin:0 0 1.5rem}\n"
    ".toc h2{font-size:1rem;margin:0 0 .5rem}\n"
    ".toc ol{margin:0;padding-left:1.25rem}\n"
    "a{color:var(--brand)}\n"
    "a:focus-visible,button:focus-visible,input:focus-visible,summary:focus-visible{"
    "outline:3px solid #e0a800;outline-offset:2px}\n"
    ".doc{background:var(--paper);border:1px solid var(--line);border-radius:10px;"
    "padding:1.75rem 2rem;margin:0 0 2rem}\n"
    ".doc h2{margin:0;font-size:1.6rem;line-height:1.25}\n"
    ".path{margin:.25rem 0 1rem;color:var(--muted)}\n"
    ".meta{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:.2rem 1.25rem;"
    "margin:0 0 1.75rem;font-size:.95rem}\n"
    ".meta dt{color:var(--muted)}\n"
    ".meta dd{margin:0}\n"
    "h3{font-size:1.25rem;margin:0 0 .75rem}\n"
    ".overview{display:grid;grid-template-columns:13rem minmax(0,1fr);gap:2rem;"
    "align-items:start;margin:0 0 2.25rem}\n"
    /* A table wider than a phone scrolls inside its own box, not the page. */
    ".table-scroll{overflow-x:auto;max-width:100%}\n"
    ".score{background:var(--brand-wash);border-radius:10px;padding:1.1rem 1.25rem}\n"
    ".score-num{margin:0;font-size:2.6rem;font-weight:700;line-height:1;color:var(--brand)}\n"
    ".score-num span{font-size:1.3rem;font-weight:600;color:var(--muted)}\n"
    ".score-text{margin:.4rem 0 .8rem;font-weight:600}\n"
    ".tally{list-style:none;margin:0;padding:0;display:grid;gap:.35rem}\n"
    "table{border-collapse:collapse;width:100%;font-size:.95rem}\n"
    "caption{text-align:left;font-weight:700;font-size:1.05rem;padding:0 0 .5rem}\n"
    "th,td{padding:.45rem .6rem;border-bottom:1px solid var(--line);text-align:left;"
    "vertical-align:middle}\n"
    "thead th{font-size:.78rem;text-transform:uppercase;letter-spacing:.05em;"
    "color:var(--muted);font-weight:600}\n"
    "tfoot th,tfoot td{font-weight:700;border-bottom:0}\n"
    ".num{text-align:right;font-variant-numeric:tabular-nums;width:4.5rem}\n"
    ".bar{display:flex;height:.85rem;min-width:7rem;border-radius:999px;overflow:hidden;"
    "background:var(--na-bg)}\n"
    ".bar span{display:block}\n"
    ".bar .pass{background:var(--pass)}\n"
    ".bar .partial{background:repeating-linear-gradient(135deg,#b97f00 0 3px,#e3b347 3px 6px)}\n"
    ".bar .fail{background:repeating-linear-gradient(90deg,var(--fail) 0 4px,#d0574c 4px 6px)}\n"
    ".bar .error{background:var(--error)}\n"
    ".badge{display:inline-block;padding:.08rem .65rem;border:1px solid currentColor;"
    "border-radius:999px;font-size:.85rem;font-weight:700;white-space:nowrap}\n"
    ".badge.pass{color:var(--pass);background:var(--pass-bg)}\n"
    ".badge.partial{color:var(--partial);background:var(--partial-bg)}\n"
    ".badge.fail{color:var(--fail);background:var(--fail-bg)}\n"
    ".badge.error{color:var(--error);background:var(--error-bg)}\n"
    ".badge.na{color:var(--na);background:var(--na-bg)}\n"
    ".category{margin:2rem 0 0}\n"
    ".category h4{font-size:1.1rem;margin:0 0 .25rem;padding-bottom:.3rem;"
    "border-bottom:2px solid var(--brand)}\n"
    ".finding{border:1px solid var(--line);border-left:6px solid var(--na);border-radius:8px;"
    "padding:1rem 1.25rem;margin:1rem 0;background:var(--paper)}\n"
    ".finding.pass{border-left-color:var(--pass)}\n"
    ".finding.partial{border-left-color:#c48a00}\n"
    ".finding.fail{border-left-color:var(--fail)}\n"
    ".finding.error{border-left-color:var(--error)}\n"
    ".finding-head{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:baseline;"
    "justify-content:space-between}\n"
    ".finding h5{margin:0;font-size:1.08rem}\n"
    ".rule{margin:.15rem 0 .6rem;color:var(--muted);font-size:.85rem}\n"
    ".message{margin:.5rem 0}\n"
    ".figures{display:flex;flex-wrap:wrap;gap:.25rem 1.5rem;margin:.4rem 0;font-size:.92rem}\n"
    ".evidence{margin:.75rem 0 0}\n"
    ".evidence blockquote{margin:0;padding:.6rem .9rem;background:var(--wash);"
    "border-left:3px solid var(--line);border-radius:0 6px 6px 0}\n"
    ".evidence blockquote p{margin:0}\n"
    "mark{background:#ffe98a;color:inherit;font-weight:700;padding:0 .1em;border-radius:2px}\n"
    ".evidence figcaption{margin:.3rem 0 0;color:var(--muted);font-size:.85rem}\n"
    ".clause{margin:1rem 0 0;padding:.8rem 1rem;border:1px dashed var(--brand);"
    "border-radius:8px;background:var(--brand-wash)}\n"
    ".clause-label{margin:0 0 .35rem;font-size:.88rem;color:var(--brand)}\n"
    ".clause-text{margin:0 0 .4rem;font-size:1.02rem}\n"
    ".verify{margin:0;font-size:.9rem;color:var(--muted)}\n"
    "button.copy{font:inherit;font-size:.85rem;font-weight:600;margin:.6rem 0 0;"
    "padding:.3rem .85rem;border:1px solid var(--brand);border-radius:6px;background:#fff;"
    "color:var(--brand);cursor:pointer}\n"
    "button.copy:hover{background:var(--brand);color:#fff}\n"
    ".na-list{margin:2rem 0 0;color:var(--muted)}\n"
    ".notes{margin:0 0 2rem;padding:.9rem 1.2rem;border:1px solid #c48a00;border-radius:8px;"
    "background:var(--partial-bg)}\n"
    ".notes ul{margin:.25rem 0 0;padding-left:1.1rem}\n"
    ".notes li{margin:.3rem 0}\n"
    ".fix-first{margin:0 0 2rem}\n"
    ".fix-first ol{margin:.25rem 0 0;padding-left:1.4rem}\n"
    ".fix-first li{margin:.35rem 0}\n"
    ".fix-kind{color:var(--muted);font-size:.9em}\n"
    ".lot{margin:2.5rem 0 0;padding-top:1.5rem;border-top:3px solid var(--brand)}\n"
    ".lot h3{font-size:1.35rem}\n"
    ".lot h4{font-size:1.15rem;margin:0 0 .75rem}\n"
    ".lot .category h5{font-size:1.05rem;margin:0 0 .25rem;padding-bottom:.3rem;"
    "border-bottom:2px solid var(--brand)}\n"
    ".finding h6{margin:0;font-size:1.05rem}\n"
    ".na-list summary{cursor:pointer;font-weight:600}\n"
    ".na-list ul{margin:.5rem 0 0;columns:2 18rem}\n"
    ".checklist-group{margin:0 0 2rem}\n"
    ".checklist-group h2{font-size:1.3rem;margin:0 0 .75rem;padding-bottom:.3rem;"
    "border-bottom:2px solid var(--brand)}\n"
    ".items{list-style:none;margin:0;padding:0}\n"
    ".item{display:grid;grid-template-columns:1.75rem minmax(0,1fr);gap:.25rem .5rem;"
    "background:var(--paper);border:1px solid var(--line);border-radius:8px;"
    "padding:.9rem 1.1rem;margin:0 0 .75rem}\n"
    ".item input{width:1.15rem;height:1.15rem;margin:.2rem 0 0;accent-color:var(--brand)}\n"
    ".item label{font-weight:700}\n"
    ".item .body{grid-column:2}\n"
    ".item dl{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:.15rem 1rem;margin:.5rem 0 0;"
    "font-size:.92rem}\n"
    ".item dt{color:var(--muted)}\n"
    ".item dd{margin:0}\n"
    ".page-foot{padding:0 1.5rem 2rem;color:var(--muted);font-size:.85rem}\n"
    "@media (max-width:44rem){.overview{grid-template-columns:minmax(0,1fr);gap:1.25rem}"
    ".doc{padding:1.25rem}.meta{grid-template-columns:minmax(0,1fr)}}\n"
    /* A phone (360 to 585 px): narrower margins, and the category table's
       columns give up their fixed widths and its bars, so it fits without
       scrolling. */
    "@media (max-width:37rem){.masthead{padding:1.25rem 1rem}h1{font-size:1.6rem}"
    ".doc{overflow-wrap:break-word}code{overflow-wrap:anywhere}"
    "main{padding:1rem .6rem}.doc{padding:1rem .85rem}.page-foot{padding:0 .6rem 1.5rem}"
    "table{font-size:.88rem}th,td{padding:.4rem .25rem}thead th{letter-spacing:0;font-size:.68rem}"
    /* a long category name breaks rather than push the counts out */
    "tbody th{overflow-wrap:anywhere}"
    ".num{width:auto}.finding{padding:.85rem .9rem}"
    /* the bars repeat the counts beside them: on a phone the counts do */
    ".categories tr>:last-child:not(.num){display:none}"
    ".item{padding:.8rem .75rem;grid-template-columns:1.5rem minmax(0,1fr)}"
    ".item dl{grid-template-columns:minmax(0,1fr)}}\n"
    "@page{size:A4;margin:16mm 15mm 18mm}\n"
    "@media print{body{background:#fff;font-size:10pt}"
    "*{-webkit-print-color-adjust:exact;print-color-adjust:exact}"
    ".masthead{background:none;color:var(--ink);padding:0 0 8pt;margin:0 0 12pt;"
    "border-bottom:2pt solid var(--brand)}"
    ".skip,button.copy,.toc{display:none!important}"
    "main{padding:0}"
    ".table-scroll{overflow:visible}"
    ".doc{border:0;border-radius:0;padding:0;margin:0}"
    ".doc+.doc{break-before:page}"
    ".finding,.item,.overview,tr{break-inside:avoid}"
    "h2,h3,h4,h5{break-after:avoid}"
    ".finding{border-width:1pt 1pt 1pt 4pt}"
    "a{color:inherit;text-decoration:none}"
    ".page-foot{padding:12pt 0 0}}\n";

/* The copy buttons: shown only when this runs, so without scripts the page
   simply has no buttons. Written without '<' and '&' to stay valid XML. */
static const char script[] =
    "(function(){\n"
    "function pick(el){var r=document.createRange();r.selectNodeContents(el);"
    "var s=window.getSelection();s.removeAllRanges();s.addRange(r);"
    "try{return document.execCommand('copy')}catch(e){return false}}\n"
    "Array.prototype.forEach.call(document.querySelectorAll('button.copy'),function(b){\n"
    "b.hidden=false;\n"
    "b.addEventListener('click',function(){\n"
    "var el=document.getElementById(b.getAttribute('data-target'));\n"
    "var done=function(){b.textContent=b.getAttribute('data-done')};\n"
    "if(navigator.clipboard){navigator.clipboard.writeText(el.textContent).then(done,"
    "function(){if(pick(el))done()})}else if(pick(el)){done()}\n"
    "})});\n"
    "})();\n";

void ck_html_begin(ck_buf *out, ck_msg_lang lang, const char *title) {
  ck_buf_printf(out,
                "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\" />\n"
                "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n"
                "<meta name=\"generator\" content=\"circheck %s\" />\n<title>",
                ck_msg_lang_name(lang), ck_version());
  esc(out, title);
  ck_buf_puts(out, "</title>\n<style>\n");
  ck_buf_puts(out, style_sheet);
  ck_buf_puts(out, "</style>\n</head>\n<body>\n");
}

void ck_html_end(ck_buf *out, ck_msg_lang lang) {
  ck_buf_puts(out, "<footer class=\"page-foot\"><p>");
  ck_buf made = CK_BUF_INIT;
  ck_msg_fill(lang, CK_MSG_MADE_WITH, ck_version(), &made);
  esc(out, ck_buf_cstr(&made));
  ck_buf_free(&made);
  ck_buf_puts(out, "</p></footer>\n<script>\n");
  ck_buf_puts(out, script);
  ck_buf_puts(out, "</script>\n</body>\n</html>\n");
}

void ck_html_copy_button(ck_buf *out, ck_msg_lang lang, const char *target) {
  ck_buf_puts(out, "<button type=\"button\" class=\"copy\" data-target=\"");
  esc(out, target);
  ck_buf_puts(out, "\" data-done=\"");
  esc(out, ck_msg(lang, CK_MSG_COPIED));
  ck_buf_puts(out, "\" hidden=\"hidden\">");
  esc(out, ck_msg(lang, CK_MSG_COPY));
  ck_buf_puts(out, "</button>\n");
}

static void badge(ck_buf *out, ck_msg_lang lang, ck_result_status s) {
  ck_buf_printf(out, "<span class=\"badge %s\"><span aria-hidden=\"true\">%s</span> ",
                status_class[s], status_symbol[s]);
  ck_buf label = CK_BUF_INIT;
  ck_put_capitalised(&label, ck_status_label(lang, s));
  esc(out, ck_buf_cstr(&label));
  ck_buf_free(&label);
  ck_buf_puts(out, "</span>");
}

/* Capitalised catalogue text, escaped. */
static void esc_cap(ck_buf *out, const char *s) {
  ck_buf tmp = CK_BUF_INIT;
  ck_put_capitalised(&tmp, s);
  esc(out, ck_buf_cstr(&tmp));
  ck_buf_free(&tmp);
}

/* What one block of results shows: a whole document, or one lot of it. The
   same summary and findings serve both; 'id' prefixes every element id and
   'h' is the heading level of the block's own sections. */
typedef struct view {
  ck_msg_lang lang;
  const ck_criterion_result *criteria;
  size_t ncriteria;
  const char *id; /* "d1", "d1-l2" */
  int h;
} view;

/* Criteria of one category (all of them for NULL), by status. */
typedef struct tally {
  size_t n[CK_RESULT_STATUS_COUNT];
  size_t applicable;
} tally;

static tally count_category(const view *v, const char *category) {
  tally t = {{0}, 0};
  for (size_t i = 0; i < v->ncriteria; i++) {
    const ck_criterion_result *c = &v->criteria[i];
    if (category && strcmp(c->criterion->category, category) != 0)
      continue;
    t.n[c->status]++;
    if (c->status != CK_STATUS_NOT_APPLICABLE)
      t.applicable++;
  }
  return t;
}

/* True when the category of criterion 'i' first appears there (categories
   keep the order of criteria.csv). */
static bool first_of_category(const view *v, size_t i) {
  for (size_t k = 0; k < i; k++)
    if (strcmp(v->criteria[k].criterion->category, v->criteria[i].criterion->category) == 0)
      return false;
  return true;
}

static void bar(ck_buf *out, const tally *t) {
  ck_buf_puts(out, "<div class=\"bar\" aria-hidden=\"true\">");
  for (int s = CK_STATUS_PASS; s <= CK_STATUS_ERROR; s++)
    if (t->n[s] && t->applicable)
      ck_buf_printf(out, "<span class=\"%s\" style=\"width:%.1f%%\"></span>", status_class[s],
                    100.0 * (double)t->n[s] / (double)t->applicable);
  ck_buf_puts(out, "</div>");
}

/* The statuses shown as columns and badges, from pass to 'last': error only
   when some criterion could not be judged, which is rare. */
static void tally_row(ck_buf *out, const tally *t, const char *label, bool foot,
                      ck_result_status last) {
  ck_buf_puts(out, "<tr><th scope=\"row\">");
  esc(out, label);
  ck_buf_puts(out, "</th>");
  for (int s = CK_STATUS_PASS; s <= (int)last; s++)
    ck_buf_printf(out, "<td class=\"num\">%zu</td>", t->n[s]);
  ck_buf_puts(out, foot ? "<td></td>" : "<td>");
  if (!foot) {
    bar(out, t);
    ck_buf_puts(out, "</td>");
  }
  ck_buf_puts(out, "</tr>\n");
}

/* The score, the tally with badges and the table of categories with bars. */
static void overview(ck_buf *out, const view *v) {
  ck_msg_lang lang = v->lang;
  tally all = count_category(v, NULL);
  ck_result_status last = all.n[CK_STATUS_ERROR] ? CK_STATUS_ERROR : CK_STATUS_FAIL;
  ck_buf_printf(out, "<section class=\"overview\" aria-labelledby=\"%s-summary\">\n", v->id);
  ck_buf_printf(out, "<div class=\"score\">\n<h%d id=\"%s-summary\">", v->h, v->id);
  esc_cap(out, ck_msg(lang, CK_MSG_SUMMARY));
  ck_buf_printf(out,
                "</h%d>\n<p class=\"score-num\" aria-hidden=\"true\">%zu<span> / %zu</span>"
                "</p>\n",
                v->h, all.n[CK_STATUS_PASS], all.applicable);
  char met[32], of[32];
  snprintf(met, sizeof met, "%zu", all.n[CK_STATUS_PASS]);
  snprintf(of, sizeof of, "%zu", all.applicable);
  ck_buf score = CK_BUF_INIT;
  ck_fill_template(ck_msg(lang, CK_MSG_SCORE), &(ck_template_values){.found = met, .required = of},
                   &score);
  ck_buf_puts(out, "<p class=\"score-text\">");
  esc(out, ck_buf_cstr(&score));
  ck_buf_free(&score);
  ck_buf_puts(out, "</p>\n<ul class=\"tally\">\n");
  for (int s = CK_STATUS_PASS; s <= (int)last; s++) {
    ck_buf_printf(out, "<li><strong>%zu</strong> ", all.n[s]);
    badge(out, lang, (ck_result_status)s);
    ck_buf_puts(out, "</li>\n");
  }
  ck_buf_puts(out, "</ul>\n</div>\n<div class=\"table-scroll\">\n<table class=\"categories\">\n"
                   "<caption>");
  esc(out, ck_msg(lang, CK_MSG_CATEGORY_SUMMARY));
  ck_buf_puts(out, "</caption>\n<thead><tr><th scope=\"col\">");
  esc_cap(out, ck_msg(lang, CK_MSG_CATEGORY));
  ck_buf_puts(out, "</th>");
  for (int s = CK_STATUS_PASS; s <= (int)last; s++) {
    ck_buf_puts(out, "<th scope=\"col\" class=\"num\">");
    esc_cap(out, ck_status_label(lang, (ck_result_status)s));
    ck_buf_puts(out, "</th>");
  }
  ck_buf_puts(out, "<th scope=\"col\">");
  esc_cap(out, ck_msg(lang, CK_MSG_DISTRIBUTION));
  ck_buf_puts(out, "</th></tr></thead>\n<tbody>\n");
  for (size_t i = 0; i < v->ncriteria; i++) {
    if (!first_of_category(v, i))
      continue;
    const char *cat = v->criteria[i].criterion->category;
    tally t = count_category(v, cat);
    if (t.applicable)
      tally_row(out, &t, ck_category_label(lang, cat), false, last);
  }
  ck_buf_puts(out, "</tbody>\n<tfoot>\n");
  ck_buf label = CK_BUF_INIT;
  ck_put_capitalised(&label, ck_msg(lang, CK_MSG_TOTAL));
  tally_row(out, &all, ck_buf_cstr(&label), true, last);
  ck_buf_free(&label);
  ck_buf_puts(out, "</tfoot>\n</table>\n</div>\n</section>\n");
}

static void evidence_html(ck_buf *out, ck_msg_lang lang, const ck_evidence *e) {
  ck_buf_puts(out, "<figure class=\"evidence\">\n<blockquote><p>");
  ck_escape_xml(e->text, e->hl_start, out);
  ck_buf_puts(out, "<mark>");
  ck_escape_xml(e->text + e->hl_start, e->hl_end - e->hl_start, out);
  ck_buf_puts(out, "</mark>");
  esc(out, e->text + e->hl_end);
  ck_buf_puts(out, "</p></blockquote>\n<figcaption>");
  ck_buf where = CK_BUF_INIT;
  ck_put_line_col(&where, lang, e->line, e->col);
  esc_cap(out, ck_buf_cstr(&where));
  ck_buf_free(&where);
  if (e->section[0]) {
    ck_buf_puts(out, " \u00B7 ");
    esc(out, ck_msg(lang, CK_MSG_SECTION));
    ck_buf_putc(out, ' ');
    esc(out, e->section);
  }
  if (e->xpath) {
    ck_buf_puts(out, " \u00B7 <code>");
    esc(out, e->xpath);
    ck_buf_puts(out, "</code>");
  }
  ck_buf_puts(out, "</figcaption>\n</figure>\n");
}

static void figures_html(ck_buf *out, ck_msg_lang lang, const ck_result *r) {
  if (!r->has_value)
    return;
  ck_buf_puts(out, "<p class=\"figures\">");
  ck_buf tmp = CK_BUF_INIT;
  if (r->has_found) {
    ck_buf_puts(out, "<span>");
    esc_cap(out, ck_msg(lang, CK_MSG_IN_DOCUMENT));
    ck_buf_puts(out, ": <strong>");
    ck_put_figure(&tmp, r->rule, lang, r->found);
    esc(out, ck_buf_cstr(&tmp));
    ck_buf_puts(out, "</strong></span> ");
    ck_buf_reset(&tmp);
  }
  ck_buf_puts(out, "<span>");
  esc_cap(out, ck_msg(lang, CK_MSG_REQUIRED));
  ck_buf_puts(out, ": <strong>");
  ck_put_requirement(&tmp, r->rule, lang, r->required);
  esc(out, ck_buf_cstr(&tmp));
  ck_buf_free(&tmp);
  ck_buf_puts(out, "</strong></span></p>\n");
}

static void clause_html(ck_buf *out, ck_msg_lang lang, const ck_result *r, const char *id) {
  ck_buf_puts(out, "<div class=\"clause\">\n<p class=\"clause-label\"><strong>");
  esc_cap(out, ck_msg(lang, CK_MSG_SUGGESTED_CLAUSE));
  ck_buf_puts(out, "</strong> \u00B7 ");
  esc(out, ck_msg(lang, CK_MSG_BELONGS_IN));
  ck_buf_puts(out, " <strong>");
  esc(out, ck_placement_label(lang, r->rule->clause.placement));
  ck_buf_puts(out, "</strong></p>\n<p class=\"clause-text\" id=\"");
  esc(out, id);
  ck_buf_puts(out, "\">");
  esc(out, r->clause);
  ck_buf_puts(out, "</p>\n");
  if (r->verify) {
    ck_buf_puts(out, "<p class=\"verify\"><strong>");
    esc_cap(out, ck_msg(lang, CK_MSG_VERIFICATION));
    ck_buf_puts(out, ":</strong> ");
    esc(out, r->verify);
    ck_buf_puts(out, "</p>\n");
  }
  ck_html_copy_button(out, lang, id);
  ck_buf_puts(out, "</div>\n");
}

/* One criterion: what decided it, the words that count, and what to add. */
static void finding(ck_buf *out, const view *v, const ck_criterion_result *c) {
  ck_msg_lang lang = v->lang;
  const ck_result *r = c->best;
  int h = v->h + 2;
  ck_buf id = CK_BUF_INIT;
  ck_buf_printf(&id, "%s-%s", v->id, c->criterion->id);
  ck_buf_printf(out, "<article class=\"finding %s\" id=\"", status_class[c->status]);
  esc(out, ck_buf_cstr(&id));
  ck_buf_puts(out, "\" aria-labelledby=\"");
  esc(out, ck_buf_cstr(&id));
  ck_buf_printf(out, "-h\">\n<div class=\"finding-head\"><h%d id=\"", h);
  esc(out, ck_buf_cstr(&id));
  ck_buf_puts(out, "-h\">");
  esc(out, c->criterion->name[lang]);
  ck_buf_printf(out, "</h%d> ", h);
  badge(out, lang, c->status);
  if (r->waiver) {
    ck_buf_puts(out, " <span class=\"badge waived\"><span aria-hidden=\"true\">\u2611</span> ");
    esc_cap(out, ck_msg(lang, CK_MSG_WAIVED));
    ck_buf_puts(out, "</span>");
  }
  ck_buf_puts(out, "</div>\n<p class=\"rule\">");
  esc_cap(out, ck_msg(lang, CK_MSG_RULE));
  ck_buf_puts(out, " <code>");
  esc(out, r->rule->id);
  ck_buf_puts(out, "</code> \u00B7 ");
  esc(out, r->rule->name[lang]);
  ck_buf_puts(out, "</p>\n<p class=\"message\">");
  esc(out, r->message);
  ck_buf_puts(out, "</p>\n");
  if (r->waiver) {
    ck_buf_puts(out, "<p class=\"waiver\"><strong>");
    esc_cap(out, ck_msg(lang, CK_MSG_WAIVER));
    ck_buf_puts(out, ":</strong> ");
    esc(out, r->waiver->reason);
    if (r->waiver->expires[0])
      ck_buf_printf(out, " (%s)", r->waiver->expires);
    ck_buf_puts(out, "</p>\n");
  }
  figures_html(out, lang, r);
  for (size_t e = 0; e < r->nevidence; e++)
    evidence_html(out, lang, &r->evidence[e]);
  if (r->clause) {
    ck_buf_puts(&id, "-clause");
    clause_html(out, lang, r, ck_buf_cstr(&id));
  }
  ck_buf_free(&id);
  ck_buf_puts(out, "</article>\n");
}

/* What to change, most urgent first: each item links to its criterion
   below, where the clause is ready to copy. */
static void fix_first_html(ck_buf *out, const view *v) {
  size_t *order = ck_xcalloc(v->ncriteria ? v->ncriteria : 1, sizeof *order);
  size_t n = ck_fix_first(v->criteria, v->ncriteria, order);
  if (n) {
    ck_buf_printf(out, "<section class=\"fix-first\" aria-labelledby=\"%s-fix\">\n<h%d id=\"%s-fix\">",
                  v->id, v->h, v->id);
    esc_cap(out, ck_msg(v->lang, CK_MSG_FIX_FIRST));
    ck_buf_printf(out, "</h%d>\n<ol>\n", v->h);
    for (size_t k = 0; k < n; k++) {
      const ck_criterion_result *c = &v->criteria[order[k]];
      ck_buf_printf(out, "<li><a href=\"#%s-", v->id);
      esc(out, c->criterion->id);
      ck_buf_puts(out, "\">");
      esc(out, c->criterion->name[v->lang]);
      ck_buf_puts(out, "</a> ");
      badge(out, v->lang, c->status);
      ck_buf_puts(out, " <span class=\"fix-kind\">");
      esc(out, ck_fix_label(v->lang, ck_criterion_fix_kind(c)));
      ck_buf_puts(out, "</span></li>\n");
    }
    ck_buf_puts(out, "</ol>\n</section>\n");
  }
  free(order);
}

static void results_html(ck_buf *out, const view *v) {
  ck_msg_lang lang = v->lang;
  ck_buf_printf(out, "<section aria-labelledby=\"%s-results\">\n<h%d id=\"%s-results\">", v->id,
                v->h, v->id);
  esc(out, ck_msg(lang, CK_MSG_RESULTS_BY_CRITERION));
  ck_buf_printf(out, "</h%d>\n", v->h);
  for (size_t i = 0; i < v->ncriteria; i++) {
    if (!first_of_category(v, i))
      continue;
    const char *cat = v->criteria[i].criterion->category;
    if (count_category(v, cat).applicable == 0)
      continue;
    ck_buf_printf(out, "<section class=\"category\" aria-labelledby=\"%s-cat-", v->id);
    esc(out, cat);
    ck_buf_printf(out, "\">\n<h%d id=\"%s-cat-", v->h + 1, v->id);
    esc(out, cat);
    ck_buf_puts(out, "\">");
    esc(out, ck_category_label(lang, cat));
    ck_buf_printf(out, "</h%d>\n", v->h + 1);
    for (size_t k = i; k < v->ncriteria; k++) {
      const ck_criterion_result *c = &v->criteria[k];
      if (c->best && strcmp(c->criterion->category, cat) == 0)
        finding(out, v, c);
    }
    ck_buf_puts(out, "</section>\n");
  }

  size_t na = count_category(v, NULL).n[CK_STATUS_NOT_APPLICABLE];
  if (na) {
    ck_buf_puts(out, "<details class=\"na-list\">\n<summary>");
    esc(out, ck_msg(lang, CK_MSG_SHOW_NOT_APPLICABLE));
    ck_buf_printf(out, " (%zu)</summary>\n<ul>\n", na);
    for (size_t i = 0; i < v->ncriteria; i++) {
      const ck_criterion_result *c = &v->criteria[i];
      if (c->status != CK_STATUS_NOT_APPLICABLE)
        continue;
      ck_buf_puts(out, "<li>");
      esc(out, c->criterion->name[lang]);
      ck_buf_puts(out, "</li>\n");
    }
    ck_buf_puts(out, "</ul>\n</details>\n");
  }
  ck_buf_puts(out, "</section>\n");
}

/* Consistency findings: what does not add up, as warnings beside the
   criteria. */
static void notes_html(ck_buf *out, const view *v, const ck_doc_result *dr, const ck_finding *f,
                       size_t n) {
  if (!n)
    return;
  ck_buf_printf(out,
                "<section class=\"notes\" aria-labelledby=\"%s-notes\">\n<h%d id=\"%s-notes\">",
                v->id, v->h, v->id);
  esc(out, ck_msg(v->lang, CK_MSG_NOTES));
  ck_buf_printf(out, "</h%d>\n<ul>\n", v->h);
  for (size_t i = 0; i < n; i++) {
    ck_buf_puts(out, "<li><strong>");
    esc(out, ck_finding_title(v->lang, f[i].kind));
    ck_buf_puts(out, ":</strong> ");
    esc(out, f[i].message);
    if (f[i].line) {
      ck_buf where = CK_BUF_INIT;
      ck_put_line_col(&where, v->lang, f[i].line, f[i].col ? f[i].col : 1);
      ck_buf_puts(out, " <span class=\"where\">(");
      esc(out, dr->path);
      ck_buf_puts(out, ", ");
      esc(out, ck_buf_cstr(&where));
      ck_buf_puts(out, ")</span>");
      ck_buf_free(&where);
    }
    ck_buf_puts(out, "</li>\n");
  }
  ck_buf_puts(out, "</ul>\n</section>\n");
}

static void lot_html(ck_buf *out, const ck_doc_result *dr, const ck_lot_result *lr,
                     const char *doc_id, size_t l) {
  ck_msg_lang lang = dr->msg_lang;
  ck_buf id = CK_BUF_INIT;
  ck_buf_printf(&id, "%s-l%zu", doc_id, l);
  view v = {lang, lr->criteria, lr->ncriteria, ck_buf_cstr(&id), 4};
  ck_buf_printf(out,
                "<section class=\"lot\" id=\"%s\" aria-labelledby=\"%s-title\">\n"
                "<h3 id=\"%s-title\">",
                v.id, v.id, v.id);
  esc_cap(out, ck_msg(lang, CK_MSG_LOT));
  ck_buf_putc(out, ' ');
  esc(out, lr->id);
  if (lr->title) {
    ck_buf_puts(out, ": ");
    esc(out, lr->title);
  }
  ck_buf_puts(out, "</h3>\n<p class=\"path\">");
  esc_cap(out, ck_msg(lang, CK_MSG_PACKS));
  ck_buf_puts(out, ": ");
  for (size_t i = 0; i < lr->npacks; i++) {
    ck_buf_puts(out, i ? ", " : "");
    esc(out, lr->packs[i].pack->name[lang]);
    ck_buf_puts(out, " (");
    esc(out, lr->packs[i].why);
    ck_buf_putc(out, ')');
  }
  ck_buf_puts(out, "</p>\n");
  notes_html(out, &v, dr, lr->findings, lr->nfindings);
  overview(out, &v);
  results_html(out, &v);
  ck_buf_puts(out, "</section>\n");
  ck_buf_free(&id);
}

static void meta_row(ck_buf *out, ck_msg_lang lang, ck_msg_id label, const char *value) {
  ck_buf_puts(out, "<dt>");
  esc_cap(out, ck_msg(lang, label));
  ck_buf_puts(out, "</dt><dd>");
  esc(out, value);
  ck_buf_puts(out, "</dd>\n");
}

static void document_html(ck_buf *out, const ck_doc_result *dr, size_t d) {
  ck_msg_lang lang = dr->msg_lang;
  char id[32];
  snprintf(id, sizeof id, "d%zu", d);
  view v = {lang, dr->criteria, dr->ncriteria, id, 3};
  ck_buf_printf(out, "<article class=\"doc\" id=\"%s\" lang=\"%s\" aria-labelledby=\"%s-title\">\n",
                id, ck_msg_lang_name(lang), id);
  ck_buf_printf(out, "<header>\n<h2 id=\"%s-title\">", id);
  esc(out, dr->title ? dr->title : dr->path);
  ck_buf_puts(out, "</h2>\n<p class=\"path\"><code>");
  esc(out, dr->path);
  ck_buf_puts(out, "</code></p>\n<dl class=\"meta\">\n");

  ck_buf b = CK_BUF_INIT;
  for (size_t i = 0; i < dr->npacks; i++)
    ck_buf_printf(&b, "%s%s (%s)", i ? ", " : "", dr->packs[i].pack->name[lang], dr->packs[i].why);
  meta_row(out, lang, CK_MSG_PACKS, ck_buf_cstr(&b));
  meta_row(out, lang, CK_MSG_LEVEL, ck_level_label(lang, dr->level));
  if (dr->ncpv) {
    ck_buf_reset(&b);
    for (size_t i = 0; i < dr->ncpv; i++)
      ck_buf_printf(&b, "%s%s", i ? ", " : "", dr->cpv[i]);
    meta_row(out, lang, CK_MSG_CPV, ck_buf_cstr(&b));
  }
  meta_row(out, lang, CK_MSG_LANGUAGE, ck_doc_result_language(dr));
  ck_buf_reset(&b);
  ck_buf_printf(&b, "%s, %s", ck_input_format_name(dr->format), dr->encoding);
  meta_row(out, lang, CK_MSG_FORMAT, ck_buf_cstr(&b));
  ck_buf_free(&b);
  ck_buf_puts(out, "</dl>\n</header>\n");

  notes_html(out, &v, dr, dr->findings, dr->nfindings);
  overview(out, &v);
  /* With lots, the document's summary rolls them up and each lot shows its
     own criteria. */
  if (dr->nlots)
    for (size_t l = 0; l < dr->nlots; l++)
      lot_html(out, dr, &dr->lots[l], id, l + 1);
  else {
    fix_first_html(out, &v);
    results_html(out, &v);
  }
  ck_buf_puts(out, "</article>\n");
}

static void document_part(const ck_report *report, size_t d, const void *ctx, ck_buf *part) {
  (void)ctx;
  document_html(part, report->docs[d], d + 1);
}

void ck_render_html(const ck_report *report, const ck_render_options *opts,
                    ck_render_out *to) {
  ck_buf *out = &to->buf;
  ck_msg_lang lang = ck_report_lang(report);
  ck_buf title = CK_BUF_INIT;
  ck_buf_puts(&title, ck_msg(lang, CK_MSG_REPORT_TITLE));
  if (report->ndocs == 1) {
    const ck_doc_result *dr = report->docs[0];
    ck_buf_printf(&title, " \u2013 %s", dr->title ? dr->title : dr->path);
  }
  ck_html_begin(out, lang, ck_buf_cstr(&title));
  ck_buf_free(&title);

  ck_buf_puts(out, "<a class=\"skip\" href=\"#d1\">");
  esc(out, ck_msg(lang, CK_MSG_SKIP_TO_RESULTS));
  ck_buf_puts(out, "</a>\n<header class=\"masthead\"><div>\n<p class=\"brand\">circheck</p>\n<h1>");
  esc(out, ck_msg(lang, CK_MSG_REPORT_TITLE));
  ck_buf_puts(out, "</h1>\n<p class=\"intro\">");
  esc(out, ck_msg(lang, CK_MSG_REPORT_INTRO));
  ck_buf_puts(out, "</p>\n</div></header>\n<main>\n");

  if (report->ndocs > 1) {
    ck_buf_puts(out, "<nav class=\"toc\" aria-labelledby=\"toc-h\">\n<h2 id=\"toc-h\">");
    esc_cap(out, ck_msg(lang, CK_MSG_DOCUMENTS));
    ck_buf_puts(out, "</h2>\n<ol>\n");
    for (size_t d = 0; d < report->ndocs; d++) {
      const ck_doc_result *dr = report->docs[d];
      ck_buf_printf(out, "<li><a href=\"#d%zu\">", d + 1);
      esc(out, dr->title ? dr->title : dr->path);
      ck_buf_puts(out, "</a> <code>");
      esc(out, dr->path);
      ck_buf_puts(out, "</code></li>\n");
    }
    ck_buf_puts(out, "</ol>\n</nav>\n");
  }
  ck_render_parts(report, opts->jobs, document_part, NULL, NULL, NULL, to);
  ck_buf_puts(out, "</main>\n");
  ck_html_end(out, lang);
}

/* The Markdown report, written to be posted as a pull-request or merge-request
 * comment (GitHub, GitLab): a summary table per document, then each criterion
 * that is not met with its evidence quoted and the clause to add in a fenced
 * block (which both sites give a copy button), and the met criteria folded
 * away. Every text from the document or the rules is escaped, so a tender
 * cannot inject markup, mentions or links into the comment. */
#include <stdio.h>
#include <string.h>

#include "messages.h"
#include "render_parts.h"
#include "report.h"

/* Emoji next to the status word, never instead of it. */
static const char *const status_emoji[CK_RESULT_STATUS_COUNT] = {
    [CK_STATUS_PASS] = "\u2705",
    [CK_STATUS_PARTIAL] = "\u26A0\uFE0F",
    [CK_STATUS_FAIL] = "\u274C",
    [CK_STATUS_ERROR] = "\u2757",
    [CK_STATUS_NOT_APPLICABLE] = "\u2796"};

static void md(ck_buf *out, const char *s) { ck_escape_md(s, strlen(s), out); }

static void md_cap(ck_buf *out, const char *s) {
  ck_buf tmp = CK_BUF_INIT;
  ck_put_capitalised(&tmp, s);
  md(out, ck_buf_cstr(&tmp));
  ck_buf_free(&tmp);
}

/* The sentence with its matched words in bold. Spaces at the edges of the
   match stay outside the asterisks, or Markdown would not read them. */
static void evidence_md(ck_buf *out, const ck_evidence *e) {
  size_t a = e->hl_start, b = e->hl_end;
  while (a < b && e->text[a] == ' ')
    a++;
  while (b > a && e->text[b - 1] == ' ')
    b--;
  ck_escape_md(e->text, a, out);
  if (b > a) {
    ck_buf_puts(out, "**");
    ck_escape_md(e->text + a, b - a, out);
    ck_buf_puts(out, "**");
  }
  md(out, e->text + b);
}

/* A fenced block one backtick longer than any run of backticks in 's'. */
static void fenced(ck_buf *out, const char *s) {
  size_t longest = 0, run = 0;
  for (const char *p = s; *p; p++) {
    run = *p == '`' ? run + 1 : 0;
    if (run > longest)
      longest = run;
  }
  size_t n = longest >= 3 ? longest + 1 : 3;
  for (size_t i = 0; i < n; i++)
    ck_buf_putc(out, '`');
  ck_buf_puts(out, "text\n");
  for (const char *p = s; *p; p++)
    ck_buf_putc(out, *p == '\r' ? ' ' : *p);
  ck_buf_putc(out, '\n');
  for (size_t i = 0; i < n; i++)
    ck_buf_putc(out, '`');
  ck_buf_puts(out, "\n\n");
}

static void status_words(ck_buf *out, ck_msg_lang lang, ck_result_status s) {
  ck_buf_printf(out, "%s ", status_emoji[s]);
  md_cap(out, ck_status_label(lang, s));
}

/* The score and the table of categories of one document or lot. */
static void summary_md(ck_buf *out, ck_msg_lang lang, const ck_criterion_result *criteria,
                       size_t ncriteria) {
  size_t total[CK_RESULT_STATUS_COUNT] = {0};
  for (size_t i = 0; i < ncriteria; i++)
    total[criteria[i].status]++;
  size_t applicable = ncriteria - total[CK_STATUS_NOT_APPLICABLE];
  char met[32], of[32];
  snprintf(met, sizeof met, "%zu", total[CK_STATUS_PASS]);
  snprintf(of, sizeof of, "%zu", applicable);
  ck_buf score = CK_BUF_INIT;
  ck_fill_template(ck_msg(lang, CK_MSG_SCORE), &(ck_template_values){.found = met, .required = of},
                   &score);
  ck_buf_puts(out, "**");
  md(out, ck_buf_cstr(&score));
  ck_buf_puts(out, "**\n\n| ");
  ck_buf_free(&score);
  md_cap(out, ck_msg(lang, CK_MSG_CATEGORY));
  /* Criteria that could not be judged are rare: their column is there only
     when there are some. */
  ck_result_status last = total[CK_STATUS_ERROR] ? CK_STATUS_ERROR : CK_STATUS_FAIL;
  for (int s = CK_STATUS_PASS; s <= (int)last; s++) {
    ck_buf_puts(out, " | ");
    status_words(out, lang, (ck_result_status)s);
  }
  ck_buf_puts(out, " |\n|:---|");
  for (int s = CK_STATUS_PASS; s <= (int)last; s++)
    ck_buf_puts(out, "---:|");
  ck_buf_putc(out, '\n');
  for (size_t i = 0; i < ncriteria; i++) {
    const char *cat = criteria[i].criterion->category;
    bool first = true;
    for (size_t k = 0; k < i && first; k++)
      first = strcmp(criteria[k].criterion->category, cat) != 0;
    if (!first)
      continue;
    size_t n[CK_RESULT_STATUS_COUNT] = {0};
    for (size_t k = i; k < ncriteria; k++)
      if (strcmp(criteria[k].criterion->category, cat) == 0)
        n[criteria[k].status]++;
    if (n[CK_STATUS_PASS] + n[CK_STATUS_PARTIAL] + n[CK_STATUS_FAIL] + n[CK_STATUS_ERROR] == 0)
      continue;
    ck_buf_puts(out, "| ");
    md(out, ck_category_label(lang, cat));
    for (int s = CK_STATUS_PASS; s <= (int)last; s++)
      ck_buf_printf(out, " | %zu", n[s]);
    ck_buf_puts(out, " |\n");
  }
  ck_buf_puts(out, "| **");
  md_cap(out, ck_msg(lang, CK_MSG_TOTAL));
  ck_buf_puts(out, "**");
  for (int s = CK_STATUS_PASS; s <= (int)last; s++)
    ck_buf_printf(out, " | **%zu**", total[s]);
  ck_buf_puts(out, " |\n\n");
  if (total[CK_STATUS_NOT_APPLICABLE]) {
    char na[32];
    snprintf(na, sizeof na, "%zu", total[CK_STATUS_NOT_APPLICABLE]);
    ck_buf line = CK_BUF_INIT;
    ck_msg_fill(lang, CK_MSG_CRITERIA_NOT_APPLICABLE, na, &line);
    md(out, ck_buf_cstr(&line));
    ck_buf_puts(out, "\n\n");
    ck_buf_free(&line);
  }
}

static void where_md(ck_buf *out, ck_msg_lang lang, const ck_evidence *e) {
  ck_buf w = CK_BUF_INIT;
  ck_put_line_col(&w, lang, e->line, e->col);
  md_cap(out, ck_buf_cstr(&w));
  ck_buf_free(&w);
  if (e->section[0]) {
    ck_buf_puts(out, " \u00B7 ");
    md(out, ck_msg(lang, CK_MSG_SECTION));
    ck_buf_putc(out, ' ');
    md(out, e->section);
  }
  if (e->xpath) {
    ck_buf_puts(out, " \u00B7 `");
    ck_buf_puts(out, e->xpath); /* XPaths hold no backticks */
    ck_buf_putc(out, '`');
  }
}

static void heading(ck_buf *out, int level) {
  for (int i = 0; i < level; i++)
    ck_buf_putc(out, '#');
  ck_buf_putc(out, ' ');
}

static void finding_md(ck_buf *out, ck_msg_lang lang, const ck_criterion_result *c, int h) {
  const ck_result *r = c->best;
  heading(out, h);
  md(out, c->criterion->name[lang]);
  ck_buf_puts(out, " \u2014 ");
  if (r->waiver) {
    ck_buf_puts(out, "\u2611\uFE0F ");
    md_cap(out, ck_msg(lang, CK_MSG_WAIVED));
    ck_buf_puts(out, " (");
    md(out, ck_status_label(lang, c->status));
    ck_buf_putc(out, ')');
  } else {
    status_words(out, lang, c->status);
  }
  ck_buf_puts(out, "\n\n");
  ck_fix_kind kind = ck_criterion_fix_kind(c);
  if (kind != CK_FIX_NONE) {
    ck_buf_puts(out, "**");
    ck_buf t = CK_BUF_INIT;
    ck_put_capitalised(&t, ck_fix_label(lang, kind));
    md(out, ck_buf_cstr(&t));
    ck_buf_free(&t);
    ck_buf_puts(out, "** \u00B7 ");
  }
  ck_buf_printf(out, "`%s` \u00B7 ", r->rule->id);
  md(out, r->rule->name[lang]);
  ck_buf_puts(out, "\n\n");
  md(out, r->message);
  ck_buf_puts(out, "\n\n");
  if (r->waiver) {
    ck_buf_puts(out, "**");
    md_cap(out, ck_msg(lang, CK_MSG_WAIVER));
    ck_buf_puts(out, ":** ");
    md(out, r->waiver->reason);
    if (r->waiver->expires[0])
      ck_buf_printf(out, " (%s)", r->waiver->expires);
    ck_buf_puts(out, "\n\n");
  }
  if (r->has_value) {
    ck_buf fig = CK_BUF_INIT;
    if (r->has_found) {
      md_cap(out, ck_msg(lang, CK_MSG_IN_DOCUMENT));
      ck_put_figure(&fig, r->rule, lang, r->found);
      ck_buf_puts(out, ": **");
      md(out, ck_buf_cstr(&fig));
      ck_buf_puts(out, "** \u00B7 ");
      ck_buf_reset(&fig);
      md(out, ck_msg(lang, CK_MSG_REQUIRED));
    } else {
      md_cap(out, ck_msg(lang, CK_MSG_REQUIRED));
    }
    ck_put_requirement(&fig, r->rule, lang, r->required);
    ck_buf_puts(out, ": **");
    md(out, ck_buf_cstr(&fig));
    ck_buf_puts(out, "**\n\n");
    ck_buf_free(&fig);
  }
  for (size_t e = 0; e < r->nevidence; e++) {
    ck_buf_puts(out, "> ");
    evidence_md(out, &r->evidence[e]);
    ck_buf_puts(out, "\n>\n> \u2014 ");
    where_md(out, lang, &r->evidence[e]);
    ck_buf_puts(out, "\n\n");
  }
  if (r->clause) {
    ck_buf_puts(out, "**");
    md_cap(out, ck_msg(lang, CK_MSG_SUGGESTED_CLAUSE));
    ck_buf_puts(out, "** (");
    md(out, ck_msg(lang, CK_MSG_BELONGS_IN));
    ck_buf_putc(out, ' ');
    md(out, ck_placement_label(lang, r->rule->clause.placement));
    ck_buf_puts(out, "):\n\n");
    fenced(out, r->clause);
    if (r->verify) {
      ck_buf_puts(out, "**");
      md_cap(out, ck_msg(lang, CK_MSG_VERIFICATION));
      ck_buf_puts(out, ":** ");
      md(out, r->verify);
      ck_buf_puts(out, "\n\n");
    }
  }
}

static void met_md(ck_buf *out, ck_msg_lang lang, const ck_criterion_result *criteria,
                   size_t ncriteria) {
  size_t met = 0;
  for (size_t i = 0; i < ncriteria; i++)
    met += criteria[i].status == CK_STATUS_PASS;
  if (!met)
    return;
  ck_buf_puts(out, "<details>\n<summary>");
  md(out, ck_msg(lang, CK_MSG_CRITERIA_MET));
  ck_buf_printf(out, " (%zu)</summary>\n\n", met);
  for (size_t i = 0; i < ncriteria; i++) {
    const ck_criterion_result *c = &criteria[i];
    if (c->status != CK_STATUS_PASS)
      continue;
    ck_buf_printf(out, "- %s **", status_emoji[CK_STATUS_PASS]);
    md(out, c->criterion->name[lang]);
    ck_buf_printf(out, "** (`%s`)", c->best->rule->id);
    if (c->best->nevidence) {
      ck_buf_puts(out, ": ");
      where_md(out, lang, &c->best->evidence[0]);
    }
    ck_buf_putc(out, '\n');
  }
  ck_buf_puts(out, "\n</details>\n\n");
}

/* Consistency findings as a quoted list of warnings. */
static void notes_md(ck_buf *out, ck_msg_lang lang, const ck_finding *f, size_t n) {
  if (!n)
    return;
  ck_buf_printf(out, "> [!WARNING]\n> **");
  md(out, ck_msg(lang, CK_MSG_NOTES));
  ck_buf_puts(out, "**\n");
  for (size_t i = 0; i < n; i++) {
    ck_buf_puts(out, ">\n> - **");
    md(out, ck_finding_title(lang, f[i].kind));
    ck_buf_puts(out, ":** ");
    md(out, f[i].message);
    if (f[i].line) {
      ck_buf w = CK_BUF_INIT;
      ck_put_line_col(&w, lang, f[i].line, f[i].col ? f[i].col : 1);
      ck_buf_puts(out, " (");
      md(out, ck_buf_cstr(&w));
      ck_buf_putc(out, ')');
      ck_buf_free(&w);
    }
    ck_buf_putc(out, '\n');
  }
  ck_buf_putc(out, '\n');
}

/* What to fix in one document or lot, then the met criteria folded away. */
static void criteria_md(ck_buf *out, ck_msg_lang lang, const ck_criterion_result *criteria,
                        size_t ncriteria, int h) {
  heading(out, h);
  md(out, ck_msg(lang, CK_MSG_TO_FIX));
  ck_buf_puts(out, "\n\n");
  /* most urgent first: legal requirements, what the category misses, what
     every purchase misses, what is too weak; a waived criterion is shown
     where it stands, with its waiver */
  size_t *order = ck_xcalloc(ncriteria ? ncriteria : 1, sizeof *order);
  size_t nfix = ck_fix_first(criteria, ncriteria, order);
  for (size_t k = 0; k < nfix; k++)
    finding_md(out, lang, &criteria[order[k]], h + 1);
  free(order);
  bool any = nfix > 0;
  for (size_t i = 0; i < ncriteria; i++) {
    const ck_criterion_result *c = &criteria[i];
    if (c->best && c->best->waiver && c->status != CK_STATUS_PASS &&
        c->status != CK_STATUS_NOT_APPLICABLE && c->best->baseline != CK_BASELINE_UNCHANGED) {
      finding_md(out, lang, c, h + 1);
      any = true;
    }
  }
  if (!any) {
    md(out, ck_msg(lang, CK_MSG_NO_FINDINGS));
    ck_buf_puts(out, "\n\n");
  }
  met_md(out, lang, criteria, ncriteria);
}

static void document_md(ck_buf *out, const ck_doc_result *dr) {
  ck_msg_lang lang = dr->msg_lang;
  ck_buf_puts(out, "## ");
  md(out, dr->title ? dr->title : dr->path);
  ck_buf_puts(out, "\n\n");
  if (strchr(dr->path, '`'))
    md(out, dr->path);
  else
    ck_buf_printf(out, "`%s`", dr->path);
  ck_buf_puts(out, " \u00B7 ");
  md(out, ck_msg(lang, CK_MSG_LEVEL));
  ck_buf_puts(out, " **");
  md(out, ck_level_label(lang, dr->level));
  ck_buf_puts(out, "** \u00B7 ");
  md(out, ck_msg(lang, CK_MSG_PACKS));
  ck_buf_puts(out, ": ");
  for (size_t i = 0; i < dr->npacks; i++) {
    if (i)
      ck_buf_puts(out, ", ");
    md(out, dr->packs[i].pack->name[lang]);
  }
  ck_buf_puts(out, "\n\n");
  notes_md(out, lang, dr->findings, dr->nfindings);
  summary_md(out, lang, dr->criteria, dr->ncriteria);
  if (!dr->nlots) {
    criteria_md(out, lang, dr->criteria, dr->ncriteria, 3);
    return;
  }
  /* With lots, the summary above rolls them up; each lot lists its own. */
  for (size_t l = 0; l < dr->nlots; l++) {
    const ck_lot_result *lr = &dr->lots[l];
    ck_buf_puts(out, "### ");
    md_cap(out, ck_msg(lang, CK_MSG_LOT));
    ck_buf_putc(out, ' ');
    md(out, lr->id);
    if (lr->title) {
      ck_buf_puts(out, ": ");
      md(out, lr->title);
    }
    ck_buf_puts(out, "\n\n");
    notes_md(out, lang, lr->findings, lr->nfindings);
    summary_md(out, lang, lr->criteria, lr->ncriteria);
    criteria_md(out, lang, lr->criteria, lr->ncriteria, 4);
  }
}

static void document_part(const ck_report *report, size_t d, const void *ctx, ck_buf *part) {
  (void)ctx;
  document_md(part, report->docs[d]);
}

void ck_render_md(const ck_report *report, const ck_render_options *opts,
                  ck_render_out *to) {
  ck_buf *out = &to->buf;
  ck_msg_lang lang = ck_report_lang(report);
  /* No top-level heading: in a comment thread it would shout. */
  ck_buf_puts(out, "**");
  md(out, ck_msg(lang, CK_MSG_REPORT_TITLE));
  ck_buf_puts(out, "**\n\n");
  ck_render_parts(report, opts->jobs, document_part, NULL, NULL, NULL, to);
  ck_buf_puts(out, "_");
  ck_buf made = CK_BUF_INIT;
  ck_msg_fill(lang, CK_MSG_MADE_WITH, ck_version(), &made);
  md(out, ck_buf_cstr(&made));
  ck_buf_free(&made);
  ck_buf_puts(out, "_\n");
}

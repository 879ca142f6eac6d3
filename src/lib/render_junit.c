/* The JUnit XML report, for CI test dashboards (GitLab, Jenkins). One
 * testsuite per document, one testcase per rule. A fail is a <failure>; a
 * partial is one only when the run fails on partial (--fail-on partial), and
 * otherwise passes with its message in <system-out>; a rule that could not be
 * judged (status error) is an <error>, counted in 'errors', whatever
 * --fail-on says; a rule that does not apply is <skipped>. Only attributes both GitLab's and
 * Jenkins' readers know are used, and no times, so the output is byte-stable. */
#include <stdlib.h>
#include <string.h>

#include "messages.h"
#include "render_parts.h"
#include "report.h"

static void esc(ck_buf *out, const char *s) { ck_escape_xml(s, strlen(s), out); }

/* A waived result, or one a baseline already has, fails nothing. */
static bool is_failure(const ck_result *r, const ck_render_options *o) {
  if (r->superseded_by)
    return false; /* another rule of its criterion decides, and meets it better */
  if (r->waiver || r->baseline == CK_BASELINE_UNCHANGED)
    return false;
  return r->status == CK_STATUS_FAIL ||
         (r->status == CK_STATUS_PARTIAL && o->fail_on == CK_STATUS_PARTIAL);
}

/* The body of a failure or of system-out: where, the sentence, and the
   clause to add, as plain lines a CI log shows well. */
static void details(ck_buf *out, const ck_doc_result *dr, const ck_result *r) {
  ck_msg_lang lang = dr->msg_lang;
  ck_buf t = CK_BUF_INIT;
  ck_buf_printf(&t, "%s\n", r->message);
  for (size_t e = 0; e < r->nevidence; e++) {
    const ck_evidence *ev = &r->evidence[e];
    ck_buf_printf(&t, "%s:%u:%u: %s\n", dr->path, ev->line, ev->col, ev->text);
    if (ev->section[0])
      ck_buf_printf(&t, "%s: %s\n", ck_msg(lang, CK_MSG_SECTION), ev->section);
  }
  if (r->clause) {
    ck_buf_printf(&t, "%s (%s): %s\n", ck_msg(lang, CK_MSG_SUGGESTED_CLAUSE),
                  ck_placement_label(lang, r->rule->clause.placement), r->clause);
    if (r->verify)
      ck_buf_printf(&t, "%s: %s\n", ck_msg(lang, CK_MSG_VERIFICATION), r->verify);
  }
  ck_escape_xml(t.ptr, t.len, out);
  ck_buf_free(&t);
}

static void testcase(ck_buf *out, const ck_doc_result *dr, const ck_result *r,
                     const ck_render_options *o) {
  ck_buf_puts(out, "    <testcase name=\"");
  esc(out, r->rule->id);
  ck_buf_puts(out, "\" classname=\"");
  esc(out, dr->path);
  ck_buf_puts(out, "\"");
  if (r->status == CK_STATUS_PASS) {
    ck_buf_puts(out, "/>\n");
    return;
  }
  ck_buf_puts(out, ">\n");
  if (r->status == CK_STATUS_NOT_APPLICABLE) {
    ck_buf_puts(out, "      <skipped message=\"");
    esc(out, r->message);
    ck_buf_puts(out, "\"/>\n");
  } else if (r->waiver) {
    /* accepted: skipped, with the reason it was waived */
    ck_buf_puts(out, "      <skipped message=\"waived: ");
    esc(out, r->waiver->reason);
    ck_buf_puts(out, "\"/>\n");
  } else if (r->status == CK_STATUS_ERROR) {
    ck_buf_puts(out, "      <error message=\"");
    esc(out, r->message);
    ck_buf_puts(out, "\" type=\"error\">");
    details(out, dr, r);
    ck_buf_puts(out, "</error>\n");
  } else if (is_failure(r, o)) {
    ck_buf_puts(out, "      <failure message=\"");
    esc(out, r->message);
    ck_buf_printf(out, "\" type=\"%s\">", ck_result_status_name(r->status));
    details(out, dr, r);
    ck_buf_puts(out, "</failure>\n");
  } else {
    ck_buf_puts(out, "      <system-out>");
    details(out, dr, r);
    ck_buf_puts(out, "</system-out>\n");
  }
  ck_buf_puts(out, "    </testcase>\n");
}

/* Consistency findings of the document and its lots are warnings, not
   tests: they go to the suite's output, one line each. */
static void findings_out(ck_buf *out, const ck_doc_result *dr) {
  ck_buf t = CK_BUF_INIT;
  for (size_t l = 0; l <= dr->nlots; l++) {
    const ck_finding *f = l < dr->nlots ? dr->lots[l].findings : dr->findings;
    size_t n = l < dr->nlots ? dr->lots[l].nfindings : dr->nfindings;
    for (size_t i = 0; i < n; i++) {
      ck_buf_puts(&t, dr->path);
      if (f[i].line)
        ck_buf_printf(&t, ":%u:%u", f[i].line, f[i].col ? f[i].col : 1);
      ck_buf_printf(&t, ": warning: %s: %s\n", ck_finding_kind_name(f[i].kind), f[i].message);
    }
  }
  if (t.len) {
    ck_buf_puts(out, "    <system-out>");
    ck_escape_xml(t.ptr, t.len, out);
    ck_buf_puts(out, "</system-out>\n");
  }
  ck_buf_free(&t);
}

static void property(ck_buf *out, const char *name, const char *value) {
  ck_buf_printf(out, "      <property name=\"%s\" value=\"", name);
  esc(out, value);
  ck_buf_puts(out, "\"/>\n");
}

static void testsuite(ck_buf *out, const ck_doc_result *dr, const ck_render_options *o) {
  size_t failures = 0;
  for (size_t i = 0; i < dr->nresults; i++)
    failures += is_failure(&dr->results[i], o);
  ck_buf_puts(out, "  <testsuite name=\"");
  esc(out, dr->path);
  ck_buf_printf(out, "\" tests=\"%zu\" failures=\"%zu\" errors=\"%zu\" skipped=\"%zu\">\n",
                dr->nresults, failures, dr->counts[CK_STATUS_ERROR],
                dr->counts[CK_STATUS_NOT_APPLICABLE] + dr->waived);
  ck_buf_puts(out, "    <properties>\n");
  ck_buf packs = CK_BUF_INIT;
  for (size_t i = 0; i < dr->npacks; i++)
    ck_buf_printf(&packs, "%s%s", i ? " " : "", dr->packs[i].pack->id);
  property(out, "packs", ck_buf_cstr(&packs));
  ck_buf_free(&packs);
  property(out, "level", ck_level_name(dr->level));
  property(out, "language", ck_doc_result_language(dr));
  if (dr->title)
    property(out, "title", dr->title);
  /* the criteria to fix, most urgent first, for a CI summary to show */
  size_t *order = ck_xcalloc(dr->ncriteria ? dr->ncriteria : 1, sizeof *order);
  size_t nfix = ck_fix_first(dr->criteria, dr->ncriteria, order);
  if (nfix) {
    ck_buf fix = CK_BUF_INIT;
    for (size_t k = 0; k < nfix; k++)
      ck_buf_printf(&fix, "%s%s", k ? " " : "", dr->criteria[order[k]].criterion->id);
    property(out, "fix_first", ck_buf_cstr(&fix));
    ck_buf_free(&fix);
  }
  free(order);
  ck_buf_puts(out, "    </properties>\n");
  for (size_t i = 0; i < dr->nresults; i++)
    testcase(out, dr, &dr->results[i], o);
  findings_out(out, dr);
  ck_buf_puts(out, "  </testsuite>\n");
}

static void document_part(const ck_report *report, size_t d, const void *opts, ck_buf *part) {
  testsuite(part, report->docs[d], opts);
}

void ck_render_junit(const ck_report *report, const ck_render_options *opts,
                     ck_render_out *to) {
  ck_buf *out = &to->buf;
  size_t tests = 0, failures = 0, errors = 0;
  for (size_t d = 0; d < report->ndocs; d++) {
    const ck_doc_result *dr = report->docs[d];
    tests += dr->nresults;
    errors += dr->counts[CK_STATUS_ERROR];
    for (size_t i = 0; i < dr->nresults; i++)
      failures += is_failure(&dr->results[i], opts);
  }
  ck_buf_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  ck_buf_printf(out,
                "<testsuites name=\"circheck\" tests=\"%zu\" failures=\"%zu\" errors=\"%zu\">\n",
                tests, failures, errors);
  ck_render_parts(report, opts->jobs, document_part, opts, NULL, NULL, to);
  ck_buf_puts(out, "</testsuites>\n");
}

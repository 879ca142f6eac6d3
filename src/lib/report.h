/* A report: the results of every document checked in one run, in the
 * order they were added. Renderers (render_*.c) read it and never change it. */
#ifndef CK_REPORT_H
#define CK_REPORT_H

#include "circheck.h"
#include "eval.h"
#include "util.h"

struct ck_report {
  const ck_ruleset *rs;
  ck_check_options opts;
  char **packs; /* owned copies of opts.packs */
  ck_doc_result **docs;
  size_t ndocs, cap_docs;
  /* Files a folder walk met that are of a type circheck does not read, and
     what they are ("a PNG image"), in the order given. */
  char **skipped, **skipped_kind;
  size_t nskipped, cap_skipped, cap_skipped_kind;
  ck_progress_fn progress; /* NULL: nobody asked */
  void *progress_ctx;
  /* A baseline was applied (ck_report_apply_baseline): results marked
     CK_BASELINE_UNCHANGED are left out where findings are listed. */
  bool baseline;
};

/* Whether a result is one of the document's verdicts that count: neither
   superseded by a better rule of its criterion nor waived. */
bool ck_result_counts(const ck_result *r);
/* Whether the document fails the run: a counting verdict at or above its
   fail_on that is not unchanged since the baseline (what ck_report_fails
   asks of every document). */
bool ck_doc_result_fails(const ck_doc_result *dr);

/* An earlier report's results for --baseline (baseline.c), read once and
   applied to each document as it is checked. */
typedef struct ck_baseline ck_baseline;
ck_status ck_baseline_load(const char *path, ck_baseline **out, ck_diags *diags);
/* Marks the document's partial, failed and error results new, worse or
   unchanged. Only reads 'b': threads may mark documents at once. */
void ck_baseline_mark(const ck_baseline *b, ck_doc_result *dr);
void ck_baseline_free(ck_baseline *b);

/* One document's object of the JSON report (render_json.c), for the JSON
   Lines forms that write documents one at a time. */
struct ck_json;
void ck_render_json_document(struct ck_json *j, const ck_doc_result *dr);
/* The JSON report written a piece at a time (check_stream.c): what comes
   before the first document, and after the last, with the files a folder
   walk skipped (paths as displayed, and their kinds). */
void ck_render_json_head(struct ck_json *j);
void ck_render_json_tail(struct ck_json *j, char *const *skipped, char *const *kinds, size_t n);

/* Where a renderer writes: a buffer that is either kept whole
   (ck_report_render) or handed to a sink in pieces as documents are
   joined (ck_report_write), so a report of thousands of documents is never
   held in memory at once. */
typedef struct ck_render_out {
  ck_buf buf;          /* rendered and not yet handed on */
  ck_report_sink sink; /* NULL: keep everything in buf */
  void *sink_ctx;
  bool failed;         /* the sink refused a piece: render no further */
} ck_render_out;

/* Hands the buffer to the sink when it holds at least a piece's worth, or
   whatever it holds when 'all'. Does nothing without a sink. */
void ck_render_out_flush(ck_render_out *to, bool all);
/* Writes s[0, len) after what the buffer holds: a large piece goes to the
   sink as it is, without a copy into the buffer (a report of thousands of
   documents is mostly such pieces); a small one is gathered. */
void ck_render_out_put(ck_render_out *to, const char *s, size_t len);

/* One renderer per format; each writes the whole report to 'to'. */
typedef void (*ck_render_fn)(const ck_report *report, const ck_render_options *opts,
                             ck_render_out *to);

void ck_render_text(const ck_report *report, const ck_render_options *opts, ck_render_out *to);
void ck_render_json(const ck_report *report, const ck_render_options *opts, ck_render_out *to);
void ck_render_html(const ck_report *report, const ck_render_options *opts, ck_render_out *to);
void ck_render_sarif(const ck_report *report, const ck_render_options *opts, ck_render_out *to);
void ck_render_junit(const ck_report *report, const ck_render_options *opts, ck_render_out *to);
void ck_render_csv(const ck_report *report, const ck_render_options *opts, ck_render_out *to);
void ck_render_md(const ck_report *report, const ck_render_options *opts, ck_render_out *to);
void ck_render_jsonl(const ck_report *report, const ck_render_options *opts, ck_render_out *to);
void ck_render_docx(const ck_report *report, const ck_render_options *opts, ck_render_out *to);

/* Escaping, one place for every renderer (render.c). */
void ck_escape_json(const char *s, size_t len, ck_buf *out);
void ck_escape_xml(const char *s, size_t len, ck_buf *out);
/* Markdown inline text: backslash before every character Markdown would
 * read as markup, line breaks folded to spaces, so the text renders as
 * written in a paragraph, a quote or a table cell. */
void ck_escape_md(const char *s, size_t len, ck_buf *out);
/* The length of the bidirectional control character (U+061C, U+200E,
 * U+200F, U+202A..U+202E, U+2066..U+2069) that 's' starts with, its code
 * point in '*cp'; 0 when it starts with none. */
size_t ck_bidi_control(const char *s, size_t len, unsigned *cp);
/* Appends s[0, len) with each bidirectional control written as "<U+202E>",
 * so that quoted text cannot reorder itself on screen. */
void ck_put_visible(ck_buf *out, const char *s, size_t len);
/* One CSV field through libcsv (quoted); a field that starts with =, +, -,
 * @, tab or CR gets a leading apostrophe so that no spreadsheet runs it as a
 * formula (CSV injection). */
void ck_csv_field(ck_buf *out, const char *s, size_t len);

/* The "schema_version" of the JSON report (docs/report.schema.json). */
#define CK_JSON_SCHEMA_VERSION 1

/* --- small pieces several renderers share (render.c) --- */

/* Appends the stable fingerprint of a result (16 hex digits) from its rule
 * (or finding) id, the document's path and its criterion (or lot): the
 * SARIF partialFingerprints "circheck/v1", the JSON "fingerprint", and what
 * --baseline matches results by. It does not depend on the text around a
 * result, so a finding keeps its identity while the document is edited. */
void ck_fingerprint(ck_buf *out, const char *rule, const char *path, const char *criterion);

/* The language of what belongs to the whole report rather than one document
 * (page chrome, SARIF rules): --lang, else the first document's. */
ck_msg_lang ck_report_lang(const ck_report *report);
/* The short name of a kind of consistency finding, in 'lang'. */
const char *ck_finding_title(ck_msg_lang lang, ck_finding_kind kind);
/* How urgent a criterion is to fix (ck_fix_kind), as a label in 'lang':
 * "lovkrav", "too weak". */
const char *ck_fix_label(ck_msg_lang lang, ck_fix_kind kind);
/* Appends 's' with its first letter in upper case ("delvis" -> "Delvis"). */
void ck_put_capitalised(ck_buf *out, const char *s);
/* Appends "line 42, column 1" in 'lang'. */
void ck_put_line_col(ck_buf *out, ck_msg_lang lang, unsigned line, unsigned col);
/* Appends the clause id of a rule: "clause.furniture.warranty". */
void ck_put_clause_id(ck_buf *out, const ck_rule *rule);
/* Appends the figure 'value' of 'rule' as a requirement: "minst 5 år",
 * "at most 20 %". Nothing for a rule without a value. */
void ck_put_requirement(ck_buf *out, const ck_rule *rule, ck_msg_lang lang, double value);
/* Appends a figure with its unit: "3 år", "12,5 %". */
void ck_put_figure(ck_buf *out, const ck_rule *rule, ck_msg_lang lang, double value);

/* The frame of an HTML page (report and checklist): doctype, head with the
 * inline style sheet and 'title', then <body>; and the footer with the inline
 * script that enables the copy buttons, then the closing tags. */
void ck_html_begin(ck_buf *out, ck_msg_lang lang, const char *title);
void ck_html_end(ck_buf *out, ck_msg_lang lang);
/* A copy button for the element with id 'target'; hidden until the script
 * shows it, so the page works without scripts. */
void ck_html_copy_button(ck_buf *out, ck_msg_lang lang, const char *target);

#endif

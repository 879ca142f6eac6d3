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
};

/* One renderer per format; each appends the whole report to 'out'. */
typedef void (*ck_render_fn)(const ck_report *report, const ck_render_options *opts, ck_buf *out);

void ck_render_text(const ck_report *report, const ck_render_options *opts, ck_buf *out);
void ck_render_json(const ck_report *report, const ck_render_options *opts, ck_buf *out);

/* Escaping, one place for every renderer (render.c). */
void ck_escape_json(const char *s, size_t len, ck_buf *out);
void ck_escape_xml(const char *s, size_t len, ck_buf *out);

#endif

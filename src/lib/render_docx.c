/* The report as a Word document: for each document (or each lot of a
 * notice), the clauses to add, most urgent first, under a heading for each
 * place in the tender they belong. Each clause is a paragraph of its own, so
 * a buyer pastes them into the tender as they stand. The bytes are a zip
 * archive (docx_write.c), made whole and handed on at the end. */
#include <stdlib.h>
#include <string.h>

#include "docx_write.h"
#include "messages.h"
#include "report.h"

static void heading_cap(ck_docx *d, int level, const char *prefix, const char *text) {
  ck_buf b = CK_BUF_INIT;
  if (prefix) {
    ck_buf_puts(&b, prefix);
    ck_buf_puts(&b, ": ");
  }
  ck_put_capitalised(&b, text);
  ck_docx_heading(d, level, ck_buf_cstr(&b));
  ck_buf_free(&b);
}

/* The clauses of one document or lot, grouped by placement; 'prefix' names
   the lot in each group's heading. */
static void clauses_docx(ck_docx *d, ck_msg_lang lang, const ck_criterion_result *criteria,
                         size_t n, const char *prefix) {
  size_t *order = ck_xcalloc(n ? n : 1, sizeof *order);
  size_t nfix = ck_fix_first(criteria, n, order);
  bool any = false;
  for (int place = 0; place < CK_PLACE_COUNT; place++) {
    bool headed = false;
    for (size_t k = 0; k < nfix; k++) {
      const ck_result *r = criteria[order[k]].best;
      if (!r || !r->clause || (int)r->rule->clause.placement != place)
        continue;
      if (!headed)
        heading_cap(d, 2, prefix, ck_placement_label(lang, (ck_placement)place));
      headed = any = true;
      ck_docx_paragraph(d, r->clause);
    }
  }
  if (!any) {
    if (prefix)
      ck_docx_heading(d, 2, prefix);
    ck_docx_paragraph(d, ck_msg(lang, CK_MSG_NO_FINDINGS));
  }
  free(order);
}

static void document_docx(ck_docx *d, const ck_doc_result *dr) {
  ck_msg_lang lang = dr->msg_lang;
  ck_docx_heading(d, 1, dr->title ? dr->title : dr->path);
  ck_buf meta = CK_BUF_INIT;
  ck_buf_printf(&meta, "%s \u00B7 ", dr->path);
  ck_put_capitalised(&meta, ck_msg(lang, CK_MSG_LEVEL));
  ck_buf_printf(&meta, ": %s", ck_level_label(lang, dr->level));
  ck_docx_paragraph(d, ck_buf_cstr(&meta));
  ck_buf_free(&meta);
  if (!dr->nlots) {
    clauses_docx(d, lang, dr->criteria, dr->ncriteria, NULL);
    return;
  }
  for (size_t l = 0; l < dr->nlots; l++) {
    const ck_lot_result *lr = &dr->lots[l];
    ck_buf lot = CK_BUF_INIT;
    ck_put_capitalised(&lot, ck_msg(lang, CK_MSG_LOT));
    ck_buf_printf(&lot, " %s", lr->id);
    clauses_docx(d, lang, lr->criteria, lr->ncriteria, ck_buf_cstr(&lot));
    ck_buf_free(&lot);
  }
}

void ck_render_docx(const ck_report *report, const ck_render_options *opts,
                    ck_render_out *to) {
  (void)opts; /* one archive, made on this thread: it cannot be joined from parts */
  ck_msg_lang lang = ck_report_lang(report);
  ck_docx *d = ck_docx_new(lang);
  ck_docx_heading(d, 0, ck_msg(lang, CK_MSG_REPORT_TITLE));
  ck_buf made = CK_BUF_INIT;
  ck_msg_fill(lang, CK_MSG_MADE_WITH, ck_version(), &made);
  ck_docx_paragraph(d, ck_buf_cstr(&made));
  ck_buf_free(&made);
  for (size_t i = 0; i < report->ndocs; i++)
    document_docx(d, report->docs[i]);
  if (!ck_docx_finish(d, &to->buf))
    to->failed = true;
}

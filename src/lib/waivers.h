/* Waivers: reading the ones a document writes in its own comments, and
 * applying waivers (the configuration's and the document's) to a document's
 * results (waivers.c). The struct is in config.h. */
#ifndef CK_WAIVERS_H
#define CK_WAIVERS_H

#include "config.h"
#include "diag.h"
#include "eval.h"

/* Finds the waivers written in comments of a Markdown, HTML or XML source:
 *   <!-- circheck: waive ID: reason -->
 *   <!-- circheck: waive ID until 2027-06-30: reason -->
 * where ID is a rule or a criterion. A comment that starts with
 * "circheck:" but is not such a waiver is an error at its line and column
 * (CK_ERR_INPUT); a mistyped waiver never passes silently. Appends to
 * '*out' (freed with ck_waivers_free). */
ck_status ck_waivers_scan(const char *path, const char *raw, size_t len, ck_waiver **out,
                          size_t *n, ck_diags *diags);

/* The same for the text of one comment (a Word comment's text): appends a
 * waiver placed at 'at' when the text starts with "circheck:"; does
 * nothing for any other comment. */
ck_status ck_waiver_from_comment(const char *path, const char *text, size_t len, ck_mark at,
                                 ck_waiver **out, size_t *n, ck_diags *diags);

/* Frees an array of waivers and what each owns. */
void ck_waivers_free(ck_waiver *w, size_t n);

/* Applies waivers to the results of 'dr' and of its lots: a partial or fail
 * result whose rule or criterion a waiver names is marked waived (the
 * document's own waivers first, then 'config' in order). A waiver that
 * would apply but has expired does not, and is a finding of the document
 * instead. A waiver in the document that names no rule or criterion of
 * 'rs' is an error (CK_ERR_INPUT with a diagnostic at it). */
ck_status ck_waivers_apply(ck_doc_result *dr, const ck_ruleset *rs,
                           const ck_waiver *const *config, size_t nconfig,
                           const ck_waiver *in_doc, size_t nin_doc, ck_diags *diags);

#endif

/* Checking one document with a set of options: read it (or take it loaded),
 * evaluate it, apply the waivers, and say which rules could not be judged.
 * The report (report.c), the JSON Lines pipeline (each_document.c) and the
 * web server use it. */
#include "check_document.h"

#include "read_document.h"
#include "waivers.h"

/* Evaluates a loaded document with 'o': the rules, then the waivers of the
   configuration and of the document. A waiver that names no rule or
   criterion is an error: '*out' is NULL then. */
ck_status ck_check_document(const ck_ruleset *rs, const ck_check_options *o, const ck_doc *doc,
                            const char *name, ck_match_space *space, ck_doc_result **out,
                            ck_diags *diags) {
  ck_eval_options eo = {.level = o->level,
                        .msg_lang_set = o->msg_lang_set,
                        .msg_lang = o->msg_lang,
                        .packs = o->packs,
                        .npacks = o->npacks,
                        .space = space,
                        .rule_time_ms = o->limits.rule_time_ms,
                        .document_time_ms = o->limits.document_time_ms};
  ck_doc_result *dr = ck_evaluate(rs, doc, &eo);
  dr->fail_on = o->fail_on;
  ck_status rc = ck_waivers_apply(dr, rs, o->waivers, o->nwaivers, doc->waivers, doc->nwaivers,
                                  diags);
  if (rc != CK_OK) {
    ck_doc_result_free(dr);
    *out = NULL;
    return rc;
  }
  /* The report shows these rules with status error; the diagnostic tells
     whoever runs circheck that the run could not judge everything. The
     results are the document's (lots rolled up), so one line per rule. */
  for (size_t i = 0; i < dr->nresults; i++)
    if (dr->results[i].status == CK_STATUS_ERROR && dr->results[i].reason == CK_REASON_TIME_LIMIT)
      ck_diags_add(diags, CK_DIAG_ERROR, name, 0, 0,
                   "rule %s could not be judged: it ran out of time (rule_time_ms %u, "
                   "document_time_ms %u)",
                   dr->results[i].rule->id, o->limits.rule_time_ms, o->limits.document_time_ms);
    else if (dr->results[i].status == CK_STATUS_ERROR)
      ck_diags_add(diags, CK_DIAG_ERROR, name, 0, 0,
                   "rule %s could not be judged: a pattern exceeded PCRE2's match, depth, heap "
                   "or JIT stack limit",
                   dr->results[i].rule->id);
  *out = dr;
  return CK_OK;
}

ck_doc_result *ck_check_loaded(const ck_ruleset *rs, const ck_check_options *o,
                              const ck_doc *doc, const char *name, ck_match_space *space,
                              ck_diags *diags) {
  ck_doc_result *dr = NULL;
  ck_check_document(rs, o, doc, name, space, &dr, diags);
  return dr;
}

ck_status ck_check_path(const ck_ruleset *rs, const ck_check_options *o, const char *path,
                        bool walked, ck_match_space *space, ck_doc_result **out,
                        ck_diags *diags) {
  ck_doc *doc = NULL;
  *out = NULL;
  ck_status rc =
      ck_document_load(path, &o->limits, walked, o->doc_lang_set, o->doc_lang, &doc, diags);
  if (rc != CK_OK)
    return rc;
  if (!o->doc_lang_set && o->ndoc_langs) {
    /* detected as a language the documents are not written in: a
       misreading of a short or mixed text, so read it as the first one */
    bool allowed = false;
    for (size_t i = 0; i < o->ndoc_langs; i++)
      allowed |= doc->lang == o->doc_langs[i];
    if (!allowed)
      ck_doc_set_lang(doc, o->doc_langs[0]);
  }
  rc = ck_check_document(rs, o, doc, path, space, out, diags);
  ck_doc_free(doc);
  return rc;
}

/* Checking one document with a set of options (check_document.c). */
#ifndef CK_CHECK_DOCUMENT_H
#define CK_CHECK_DOCUMENT_H

#include <stdbool.h>

#include "circheck.h"
#include "doc.h"
#include "eval.h"

/* Reads and evaluates the file 'path' with 'o' (the engine of
   ck_report_check_file, without a report): on CK_OK '*out' is the result
   to free with ck_doc_result_free. 'space' may be NULL. Safe on several
   threads at once, each with its own space. */
ck_status ck_check_path(const ck_ruleset *rs, const ck_check_options *o, const char *path,
                        bool walked, ck_match_space *space, ck_doc_result **out,
                        ck_diags *diags);
/* Evaluates a document already loaded, named 'name' in diagnostics; adds
   one error diagnostic per rule that could not be judged. NULL when a
   waiver written in the document names no rule or criterion (an error in
   'diags'). 'walked' for ck_check_path: found in a folder, so read only if
   it is a regular file. ck_check_document is the same with a status. */
ck_doc_result *ck_check_loaded(const ck_ruleset *rs, const ck_check_options *o,
                              const ck_doc *doc, const char *name, ck_match_space *space,
                              ck_diags *diags);
ck_status ck_check_document(const ck_ruleset *rs, const ck_check_options *o, const ck_doc *doc,
                            const char *name, ck_match_space *space, ck_doc_result **out,
                            ck_diags *diags);

#endif

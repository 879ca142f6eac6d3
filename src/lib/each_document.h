/* Checking documents one after another in bounded memory: files and the
 * notices of JSON Lines files are read, checked on N threads a batch at a
 * time, and handed on in input order, each as soon as the batch it is in is
 * done. What is handed on is the receiver's; nothing is kept. */
#ifndef CK_EACH_DOCUMENT_H
#define CK_EACH_DOCUMENT_H

#include <json-c/json.h>

#include "eval.h"

typedef struct ck_each_sink {
  /* a checked document; the receiver owns it, also when it returns false
     to stop. 'prepared' is what 'prepare' wrote for it (NULL without
     'prepare'). */
  bool (*document)(void *ctx, ck_doc_result *dr, const ck_buf *prepared);
  /* optional: runs on the thread that checked the document, as soon as it
     is checked, with a buffer of the document's own: to render its part of
     a report there, in parallel, rather than on the thread that hands
     documents on. Runs on several threads at once: it may only read 'ctx'. */
  void (*prepare)(const void *ctx, ck_doc_result *dr, ck_buf *out);
  /* optional: a file a folder walk found of a type circheck does not read
     ('kind' as "a PNG image"), in input order. With it, the file's error
     becomes the warning "skipped: KIND", as a report says it; without, the
     error becomes a warning as it is. */
  void (*skipped)(void *ctx, const char *path, const char *kind);
  /* optional: after each file (not each JSON Lines record), with the files
     done and the files in all */
  ck_progress_fn progress;
  void *progress_ctx;
  /* a JSON Lines record that is a document of an earlier circheck report
     (line 'line' of 'path'); borrowed for the call. NULL: such a record is
     an error, as in circheck check. Returns false to stop. */
  bool (*report_document)(void *ctx, const char *path, size_t line, json_object *record,
                          ck_diags *diags);
  void *ctx;
  /* NULL: diagnostics are appended to the caller's list; otherwise each
     batch's are handed here in input order and freed */
  ck_diag_fn on_diag;
  void *diag_ctx;
} ck_each_sink;

/* Hands the entries of 'diags' to 'on_diag' and empties the list; does
   nothing when 'on_diag' is NULL. */
void ck_diags_hand_on(ck_diags *diags, ck_diag_fn on_diag, void *ctx);

/* Goes through 'files' in order: a JSON Lines file (ck_path_is_jsonl) a
   record at a time, any other file as one document. A file found by a folder
   walk ('walked[i]', may be NULL) of a type circheck does not read is one
   warning and skipped. Diagnostics come in input order. Returns CK_OK or the
   status of the first input that could not be checked (the rest are still
   checked); CK_ERR_IO when the sink asked to stop. */
ck_status ck_each_document(const ck_ruleset *rs, const ck_check_options *opts,
                           char *const *files, const bool *walked, size_t nfiles,
                           unsigned jobs, const ck_each_sink *sink, ck_diags *diags);
/* The same with options of each file ('opts_of[i]' for files[i], a JSON
   Lines file's for each of its records; NULL entries and a NULL array mean
   'opts'). */
ck_status ck_each_document_configured(const ck_ruleset *rs, const ck_check_options *opts,
                                      const ck_check_options *const *opts_of, char *const *files,
                                      const bool *walked, size_t nfiles, unsigned jobs,
                                      const ck_each_sink *sink, ck_diags *diags);

#endif

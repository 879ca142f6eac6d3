/* A notice given as a JSON Lines record (title, description, CPV code,
 * buyer, date) made into a document: its texts become a plain text, read
 * by the text reader like any other document. */
#ifndef CK_NOTICE_H
#define CK_NOTICE_H

#include <json-c/json.h>

#include "circheck.h"
#include "doc.h"

/* What the notice says besides its text, for indicators over many tenders. */
typedef struct ck_notice_meta {
  char *name;  /* "FILE#ID", or "FILE#LINE" when it has no id; owned */
  char *title; /* the title field as given (the report's title); owned, may be NULL */
  char *buyer; /* owned; NULL when absent */
  char *date;  /* owned; NULL when absent */
} ck_notice_meta;

void ck_notice_meta_free(ck_notice_meta *m);

/* Makes the document of record 'record' (line 'line' of 'path'), with the
   field names and limits of 'opts'. The text is the title, a blank line, the
   description's paragraphs, and "CPV: code" on a line of its own. A record
   with neither title nor description is CK_ERR_INPUT with a diagnostic at
   path:line. */
ck_status ck_notice_document(const char *path, size_t line, json_object *record,
                             const ck_check_options *opts, ck_doc **doc, ck_notice_meta *meta,
                             ck_diags *diags);

#endif

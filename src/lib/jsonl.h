/* One record of a JSON Lines file, parsed with json-c: a notice to check,
 * or a document of an earlier JSON Lines report. */
#ifndef CK_JSONL_H
#define CK_JSONL_H

#include <stdbool.h>
#include <stddef.h>

#include <json-c/json.h>

#include "diag.h"

/* Parses line 'line' of 'path' (its text without the line break). A line
   that is not one JSON object is CK_ERR_INPUT with one diagnostic at
   path:line:col. A blank line gives CK_OK and '*out' NULL. */
ck_status ck_jsonl_parse(const char *path, size_t line, const char *text, size_t len,
                         json_object **out, ck_diags *diags);

/* True when the record is a document of a circheck report (it has a
   "criteria" array and a "path"), not a notice. */
bool ck_jsonl_is_report_document(json_object *record);

/* Parses a whole JSON text (an earlier JSON report or statistics); the
   same diagnostics, with the line and column of the fault. */
ck_status ck_json_parse_text(const char *path, const char *text, size_t len, json_object **out,
                             ck_diags *diags);

#endif

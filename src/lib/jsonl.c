/* JSON Lines records and whole JSON texts through json-c's tokenizer, which
   says where it stopped, so a fault gets its line and column. */
#include "jsonl.h"

#include <string.h>

#include "circheck.h"
#include "source.h"
#include "util.h"

bool ck_path_is_jsonl(const char *path) {
  size_t n = strlen(path);
  return (n > 6 && strcmp(path + n - 6, ".jsonl") == 0) ||
         (n > 7 && strcmp(path + n - 7, ".ndjson") == 0);
}

/* Line and column (1-based, in characters) of byte 'at' of 'text'. */
static void position(const char *text, size_t at, size_t first_line, size_t *line,
                     size_t *col) {
  *line = first_line;
  *col = 1;
  for (size_t i = 0; i < at; i++) {
    if (text[i] == '\n') {
      (*line)++;
      *col = 1;
    } else if (((unsigned char)text[i] & 0xC0) != 0x80) {
      (*col)++;
    }
  }
}

static bool blank(const char *s, size_t len) {
  for (size_t i = 0; i < len; i++)
    if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
      return false;
  return true;
}

static ck_status parse(const char *path, size_t first_line, const char *text, size_t len,
                       json_object **out, ck_diags *diags) {
  *out = NULL;
  size_t line, col;
  /* JSON is UTF-8 (RFC 8259); json-c would pass other bytes through into
     the text, where a stray FF FE reads as a byte-order mark */
  size_t bad = ck_utf8_invalid_at(text, len);
  if (bad < len) {
    position(text, bad, first_line, &line, &col);
    ck_diags_add(diags, CK_DIAG_ERROR, path, (unsigned)line, (unsigned)col,
                 "not UTF-8: byte 0x%02X (JSON is UTF-8)", (unsigned char)text[bad]);
    return CK_ERR_INPUT;
  }
  json_tokener *tok = json_tokener_new();
  json_object *obj = json_tokener_parse_ex(tok, text, (int)len);
  enum json_tokener_error err = json_tokener_get_error(tok);
  size_t end = json_tokener_get_parse_end(tok);
  json_tokener_free(tok);
  if (!obj || err != json_tokener_success) {
    json_object_put(obj);
    position(text, end, first_line, &line, &col);
    ck_diags_add(diags, CK_DIAG_ERROR, path, (unsigned)line, (unsigned)col,
                 "not valid JSON: %s",
                 err == json_tokener_continue ? "the text ends inside a value"
                                              : json_tokener_error_desc(err));
    return CK_ERR_INPUT;
  }
  if (!blank(text + end, len - end)) {
    json_object_put(obj);
    position(text, end, first_line, &line, &col);
    ck_diags_add(diags, CK_DIAG_ERROR, path, (unsigned)line, (unsigned)col,
                 "more text after the JSON value");
    return CK_ERR_INPUT;
  }
  if (!json_object_is_type(obj, json_type_object)) {
    json_object_put(obj);
    ck_diags_add(diags, CK_DIAG_ERROR, path, (unsigned)first_line, 1,
                 "expected a JSON object");
    return CK_ERR_INPUT;
  }
  *out = obj;
  return CK_OK;
}

ck_status ck_jsonl_parse(const char *path, size_t line, const char *text, size_t len,
                         json_object **out, ck_diags *diags) {
  *out = NULL;
  if (blank(text, len))
    return CK_OK;
  if (len > (size_t)1 << 30) {
    ck_diags_add(diags, CK_DIAG_ERROR, path, (unsigned)line, 1, "line too long");
    return CK_ERR_LIMIT;
  }
  return parse(path, line, text, len, out, diags);
}

ck_status ck_json_parse_text(const char *path, const char *text, size_t len, json_object **out,
                             ck_diags *diags) {
  *out = NULL;
  if (blank(text, len)) {
    ck_diags_add(diags, CK_DIAG_ERROR, path, 1, 1, "empty file, expected a JSON object");
    return CK_ERR_INPUT;
  }
  if (len > (size_t)1 << 30) {
    ck_diags_add(diags, CK_DIAG_ERROR, path, 0, 0, "too large to read as one JSON text");
    return CK_ERR_LIMIT;
  }
  return parse(path, 1, text, len, out, diags);
}

bool ck_jsonl_is_report_document(json_object *record) {
  json_object *criteria, *path;
  return json_object_object_get_ex(record, "criteria", &criteria) &&
         json_object_is_type(criteria, json_type_array) &&
         json_object_object_get_ex(record, "path", &path);
}

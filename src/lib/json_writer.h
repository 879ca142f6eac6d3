/* A small streaming JSON writer with two-space indentation, shared by the
 * JSON report and later the SARIF report. Output is deterministic. */
#ifndef CK_JSON_WRITER_H
#define CK_JSON_WRITER_H

#include <stdbool.h>

#include "util.h"

#define CK_JSON_MAX_DEPTH 32

typedef struct ck_json {
  ck_buf *out;
  int depth;
  bool has_items[CK_JSON_MAX_DEPTH]; /* a value was written at this depth */
  bool after_key;
} ck_json;

void ck_json_init(ck_json *j, ck_buf *out);
void ck_json_object(ck_json *j); /* { */
void ck_json_array(ck_json *j);  /* [ */
void ck_json_end_object(ck_json *j);
void ck_json_end_array(ck_json *j);
void ck_json_key(ck_json *j, const char *key);
void ck_json_string(ck_json *j, const char *s);
void ck_json_string_n(ck_json *j, const char *s, size_t len);
void ck_json_number(ck_json *j, double v);
void ck_json_uint(ck_json *j, unsigned long long v);
void ck_json_bool(ck_json *j, bool v);
void ck_json_null(ck_json *j);
/* Key and string value together; a NULL 's' writes null. */
void ck_json_kv(ck_json *j, const char *key, const char *s);

#endif

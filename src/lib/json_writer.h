/* A small streaming JSON writer with two-space indentation, shared by the
 * JSON and SARIF reports. Output is deterministic. */
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
  bool compact; /* one line: no line breaks or indentation inside; the outermost
                   value still ends with a line break (a JSON Lines record) */
} ck_json;

void ck_json_init(ck_json *j, ck_buf *out);
/* The same for a writer of one-line values ('compact'). */
void ck_json_init_compact(ck_json *j, ck_buf *out);
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

/* Array items written apart (render_parts.h): ck_json_fork() makes 'child'
 * a writer for items of the array 'parent' is in, writing into 'part' as
 * though an item came before; ck_json_join() takes such a part into the
 * parent's array, without the comma when it is the array's first item.
 * Threads fork from a copy of the parent taken before any join, since
 * joining changes the parent. */
void ck_json_fork(const ck_json *parent, ck_json *child, ck_buf *part);
/* 'parent' is a ck_json. Notes that the array now has an item and returns
   how many leading bytes of 'part' to leave out (the comma of a first
   item); the caller then writes the rest where the parent writes. The
   shape is that of ck_render_join_fn. */
size_t ck_json_join(void *parent, const ck_buf *part);

#endif

#include "json_writer.h"

#include <stdio.h>
#include <string.h>

#include "report.h"

/* A report of a large notice has tens of thousands of keys and values, so
   everything written between two values (comma, line break, indentation,
   key, quotes) is put together here and appended with one ck_buf_put. */

/* Indentation for the deepest level: two spaces a level. */
_Static_assert(CK_JSON_MAX_DEPTH == 32, "the spaces below are 2 * CK_JSON_MAX_DEPTH");
static const char spaces[2 * CK_JSON_MAX_DEPTH + 1] =
    "                                                                ";

void ck_json_init(ck_json *j, ck_buf *out) {
  *j = (ck_json){0};
  j->out = out;
}

void ck_json_init_compact(ck_json *j, ck_buf *out) {
  ck_json_init(j, out);
  j->compact = true;
}

/* Writes into 'tmp' what goes before a value: a comma after an earlier
   sibling and a fresh line, unless the value follows its key. Returns the
   length written (at most 2 + 2 * CK_JSON_MAX_DEPTH). */
static size_t before_value(ck_json *j, char *tmp) {
  size_t n = 0;
  if (j->after_key) {
    j->after_key = false;
    return 0;
  }
  if (j->depth > 0) {
    if (j->has_items[j->depth])
      tmp[n++] = ',';
    if (j->compact) {
      j->has_items[j->depth] = true;
      return n;
    }
    tmp[n++] = '\n';
    memcpy(tmp + n, spaces, 2 * (size_t)j->depth);
    n += 2 * (size_t)j->depth;
  }
  j->has_items[j->depth] = true;
  return n;
}

enum { PREFIX_MAX = 2 + 2 * CK_JSON_MAX_DEPTH };

static void open_container(ck_json *j, char c) {
  char tmp[PREFIX_MAX + 1];
  size_t n = before_value(j, tmp);
  tmp[n++] = c;
  ck_buf_put(j->out, tmp, n);
  if (j->depth + 1 < CK_JSON_MAX_DEPTH)
    j->depth++;
  j->has_items[j->depth] = false;
}

static void close_container(ck_json *j, char c) {
  char tmp[PREFIX_MAX + 2];
  size_t n = 0;
  bool had = j->has_items[j->depth];
  if (j->depth > 0)
    j->depth--;
  if (had && !j->compact) {
    tmp[n++] = '\n';
    memcpy(tmp + n, spaces, 2 * (size_t)j->depth);
    n += 2 * (size_t)j->depth;
  }
  tmp[n++] = c;
  if (j->depth == 0)
    tmp[n++] = '\n';
  ck_buf_put(j->out, tmp, n);
}

void ck_json_object(ck_json *j) { open_container(j, '{'); }
void ck_json_array(ck_json *j) { open_container(j, '['); }
void ck_json_end_object(ck_json *j) { close_container(j, '}'); }
void ck_json_end_array(ck_json *j) { close_container(j, ']'); }

/* Keys are short names written by the program; one that needs escaping or
   is long takes the general way. */
enum { KEY_MAX = 64 };

static bool plain_key(const char *key, size_t len) {
  if (len > KEY_MAX)
    return false;
  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)key[i];
    if (c < 0x20 || c == '"' || c == '\\')
      return false;
  }
  return true;
}

void ck_json_key(ck_json *j, const char *key) {
  char tmp[PREFIX_MAX + KEY_MAX + 4];
  size_t len = strlen(key);
  size_t n = before_value(j, tmp);
  tmp[n++] = '"';
  if (plain_key(key, len)) {
    memcpy(tmp + n, key, len);
    n += len;
    memcpy(tmp + n, "\": ", 3);
    ck_buf_put(j->out, tmp, n + (j->compact ? 2 : 3));
  } else {
    ck_buf_put(j->out, tmp, n);
    ck_escape_json(key, len, j->out);
    ck_buf_put(j->out, "\": ", j->compact ? 2 : 3);
  }
  j->after_key = true;
}

void ck_json_string_n(ck_json *j, const char *s, size_t len) {
  char tmp[PREFIX_MAX + 1];
  size_t n = before_value(j, tmp);
  tmp[n++] = '"';
  ck_buf_put(j->out, tmp, n);
  ck_escape_json(s, len, j->out);
  ck_buf_put(j->out, "\"", 1);
}

void ck_json_string(ck_json *j, const char *s) { ck_json_string_n(j, s, strlen(s)); }

/* Appends what goes before a value and then the value's text 'lit'. */
static void put_value(ck_json *j, const char *lit, size_t len) {
  char tmp[PREFIX_MAX + 40];
  size_t n = before_value(j, tmp);
  if (len > sizeof tmp - n) {
    ck_buf_put(j->out, tmp, n);
    ck_buf_put(j->out, lit, len);
    return;
  }
  memcpy(tmp + n, lit, len);
  ck_buf_put(j->out, tmp, n + len);
}

void ck_json_number(ck_json *j, double v) {
  char num[32];
  int n = snprintf(num, sizeof num, "%.10g", v);
  put_value(j, num, n > 0 ? (size_t)n : 0);
}

void ck_json_uint(ck_json *j, unsigned long long v) {
  char num[24];
  size_t n = sizeof num;
  do {
    num[--n] = (char)('0' + v % 10);
    v /= 10;
  } while (v);
  put_value(j, num + n, sizeof num - n);
}

void ck_json_bool(ck_json *j, bool v) {
  put_value(j, v ? "true" : "false", v ? 4 : 5);
}

void ck_json_null(ck_json *j) { put_value(j, "null", 4); }

void ck_json_kv(ck_json *j, const char *key, const char *s) {
  ck_json_key(j, key);
  if (s)
    ck_json_string(j, s);
  else
    ck_json_null(j);
}

void ck_json_fork(const ck_json *parent, ck_json *child, ck_buf *part) {
  *child = *parent;
  child->out = part;
  child->has_items[child->depth] = true;
}

size_t ck_json_join(void *parent_writer, const ck_buf *part) {
  ck_json *parent = parent_writer;
  if (part->len == 0)
    return 0; /* the part wrote no item */
  size_t skip = !parent->has_items[parent->depth] && part->ptr[0] == ',' ? 1 : 0;
  parent->has_items[parent->depth] = true;
  return skip;
}

#include "json_writer.h"

#include <stdio.h>
#include <string.h>

#include "report.h"

void ck_json_init(ck_json *j, ck_buf *out) {
  *j = (ck_json){0};
  j->out = out;
}

static void indent(ck_json *j) {
  ck_buf_putc(j->out, '\n');
  for (int i = 0; i < j->depth; i++)
    ck_buf_puts(j->out, "  ");
}

/* Everything a value needs before it: a comma after an earlier sibling and
   a fresh line, unless it follows its key. */
static void before_value(ck_json *j) {
  if (j->after_key) {
    j->after_key = false;
    return;
  }
  if (j->depth > 0) {
    if (j->has_items[j->depth])
      ck_buf_putc(j->out, ',');
    indent(j);
  }
  j->has_items[j->depth] = true;
}

static void open_container(ck_json *j, char c) {
  before_value(j);
  ck_buf_putc(j->out, c);
  if (j->depth + 1 < CK_JSON_MAX_DEPTH)
    j->depth++;
  j->has_items[j->depth] = false;
}

static void close_container(ck_json *j, char c) {
  bool had = j->has_items[j->depth];
  if (j->depth > 0)
    j->depth--;
  if (had)
    indent(j);
  ck_buf_putc(j->out, c);
  if (j->depth == 0)
    ck_buf_putc(j->out, '\n');
}

void ck_json_object(ck_json *j) { open_container(j, '{'); }
void ck_json_array(ck_json *j) { open_container(j, '['); }
void ck_json_end_object(ck_json *j) { close_container(j, '}'); }
void ck_json_end_array(ck_json *j) { close_container(j, ']'); }

void ck_json_key(ck_json *j, const char *key) {
  before_value(j);
  ck_buf_putc(j->out, '"');
  ck_escape_json(key, strlen(key), j->out);
  ck_buf_puts(j->out, "\": ");
  j->after_key = true;
}

void ck_json_string_n(ck_json *j, const char *s, size_t len) {
  before_value(j);
  ck_buf_putc(j->out, '"');
  ck_escape_json(s, len, j->out);
  ck_buf_putc(j->out, '"');
}

void ck_json_string(ck_json *j, const char *s) { ck_json_string_n(j, s, strlen(s)); }

void ck_json_number(ck_json *j, double v) {
  before_value(j);
  char tmp[32];
  snprintf(tmp, sizeof tmp, "%.10g", v);
  ck_buf_puts(j->out, tmp);
}

void ck_json_uint(ck_json *j, unsigned long long v) {
  before_value(j);
  ck_buf_printf(j->out, "%llu", v);
}

void ck_json_bool(ck_json *j, bool v) {
  before_value(j);
  ck_buf_puts(j->out, v ? "true" : "false");
}

void ck_json_null(ck_json *j) {
  before_value(j);
  ck_buf_puts(j->out, "null");
}

void ck_json_kv(ck_json *j, const char *key, const char *s) {
  ck_json_key(j, key);
  if (s)
    ck_json_string(j, s);
  else
    ck_json_null(j);
}

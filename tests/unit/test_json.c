/* Tests of JSON output: ck_escape_json against a byte-at-a-time reference
 * (every byte value, at every position of a run longer than the eight-byte
 * steps it takes), the writer's layout (indentation, commas, keys,
 * numbers, escaping of keys), and array items written apart on several
 * threads (ck_json_fork/ck_json_join through ck_render_parts), which must
 * give what one writer gives. */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "json_writer.h"
#include "render_parts.h"
#include "report.h"

/* The escaping written out the plain way, to compare with. */
static void reference_escape(const char *s, size_t len, ck_buf *out) {
  static const char hex[] = "0123456789abcdef";
  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == '"')
      ck_buf_puts(out, "\\\"");
    else if (c == '\\')
      ck_buf_puts(out, "\\\\");
    else if (c == '\n')
      ck_buf_puts(out, "\\n");
    else if (c == '\r')
      ck_buf_puts(out, "\\r");
    else if (c == '\t')
      ck_buf_puts(out, "\\t");
    else if (c < 0x20)
      ck_buf_printf(out, "\\u00%c%c", hex[c >> 4], hex[c & 15]);
    else
      ck_buf_putc(out, (char)c);
  }
}

static void test_escape_every_byte(void) {
  size_t failures = 0;
  char text[40];
  for (int c = 0; c < 256; c++)
    for (size_t at = 0; at < sizeof text; at++)
      for (size_t len = at + 1; len <= sizeof text; len += 7) {
        memset(text, 'a', sizeof text);
        text[at] = (char)c;
        if (at + 3 < len)
          text[at + 3] = '"'; /* a second special in the same eight bytes */
        ck_buf got = CK_BUF_INIT, want = CK_BUF_INIT;
        ck_escape_json(text, len, &got);
        reference_escape(text, len, &want);
        if (got.len != want.len || memcmp(ck_buf_cstr(&got), ck_buf_cstr(&want), got.len) != 0)
          failures++;
        ck_buf_free(&got);
        ck_buf_free(&want);
      }
  INT_EQ(failures, 0, "escaping agrees with the reference for every byte and position");

  ck_buf b = CK_BUF_INIT;
  ck_escape_json("plain UTF-8: \xC3\xA6\xC3\xB8\xC3\xA5 and more than eight bytes", 45, &b);
  STR_EQ(ck_buf_cstr(&b), "plain UTF-8: \xC3\xA6\xC3\xB8\xC3\xA5 and more than eight bytes",
         "text without specials is copied");
  ck_buf_reset(&b);
  ck_escape_json("", 0, &b);
  STR_EQ(ck_buf_cstr(&b), "", "empty");
  ck_buf_free(&b);
}

static void test_writer_layout(void) {
  ck_buf out = CK_BUF_INIT;
  ck_json j;
  ck_json_init(&j, &out);
  ck_json_object(&j);
  ck_json_kv(&j, "name", "a \"quoted\"\nline");
  ck_json_kv(&j, "none", NULL);
  ck_json_key(&j, "odd \"key\"");
  ck_json_uint(&j, 0);
  ck_json_key(&j, "big");
  ck_json_uint(&j, 18446744073709551615ull);
  ck_json_key(&j, "ratio");
  ck_json_number(&j, 0.125);
  ck_json_key(&j, "flags");
  ck_json_array(&j);
  ck_json_bool(&j, true);
  ck_json_bool(&j, false);
  ck_json_null(&j);
  ck_json_object(&j);
  ck_json_end_object(&j);
  ck_json_array(&j);
  ck_json_end_array(&j);
  ck_json_string_n(&j, "abc", 2);
  ck_json_end_array(&j);
  ck_json_end_object(&j);
  STR_EQ(ck_buf_cstr(&out),
         "{\n"
         "  \"name\": \"a \\\"quoted\\\"\\nline\",\n"
         "  \"none\": null,\n"
         "  \"odd \\\"key\\\"\": 0,\n"
         "  \"big\": 18446744073709551615,\n"
         "  \"ratio\": 0.125,\n"
         "  \"flags\": [\n"
         "    true,\n"
         "    false,\n"
         "    null,\n"
         "    {},\n"
         "    [],\n"
         "    \"ab\"\n"
         "  ]\n"
         "}\n",
         "layout");
  ck_buf_free(&out);

  /* Deep nesting: indentation stops growing at the writer's depth cap. */
  ck_json_init(&j, &out);
  for (int i = 0; i < CK_JSON_MAX_DEPTH + 3; i++)
    ck_json_array(&j);
  ck_json_uint(&j, 7);
  for (int i = 0; i < CK_JSON_MAX_DEPTH + 3; i++)
    ck_json_end_array(&j);
  OK(strstr(ck_buf_cstr(&out), "\n" /* 31 levels */
                               "                                                              7") !=
         NULL,
     "deepest value indented 31 levels");
  ck_buf_free(&out);

  /* A long key takes the escaping path and is written whole. */
  char key[200];
  memset(key, 'k', sizeof key - 1);
  key[sizeof key - 1] = '\0';
  ck_json_init(&j, &out);
  ck_json_object(&j);
  ck_json_kv(&j, key, "v");
  ck_json_end_object(&j);
  OK(strstr(ck_buf_cstr(&out), key) != NULL && strstr(ck_buf_cstr(&out), "\": \"v\"") != NULL,
     "long key");
  ck_buf_free(&out);
}

/* Items of document 'd': none for every third document, so that parts
   with nothing in them come first, last and in between; otherwise one or
   two objects. */
static size_t items_of(size_t d) { return d % 3 == 0 ? 0 : 1 + d % 2; }

static void write_items(ck_json *j, size_t d) {
  for (size_t i = 0; i < items_of(d); i++) {
    ck_json_object(j);
    ck_json_key(j, "doc");
    ck_json_uint(j, d);
    ck_json_kv(j, "text", "x \"y\"");
    ck_json_end_object(j);
  }
}

static void items_part(const ck_report *report, size_t d, const void *parent, ck_buf *part) {
  (void)report;
  ck_json j;
  ck_json_fork(parent, &j, part);
  write_items(&j, d);
}

/* The same report, once with one writer and once in parts on 'jobs'
   threads, for documents [0, ndocs). */
static void check_parts(size_t ndocs, unsigned jobs) {
  ck_report report = {.ndocs = ndocs};
  ck_buf one = CK_BUF_INIT;
  ck_json j;
  ck_json_init(&j, &one);
  ck_json_object(&j);
  ck_json_key(&j, "results");
  ck_json_array(&j);
  for (size_t d = 0; d < ndocs; d++)
    write_items(&j, d);
  ck_json_end_array(&j);
  ck_json_kv(&j, "after", "z");
  ck_json_end_object(&j);

  ck_render_out to = {.buf = CK_BUF_INIT};
  ck_json_init(&j, &to.buf);
  ck_json_object(&j);
  ck_json_key(&j, "results");
  ck_json_array(&j);
  const ck_json proto = j; /* the threads fork from a copy the joiner leaves alone */
  ck_render_parts(&report, jobs, items_part, &proto, ck_json_join, &j, &to);
  ck_json_end_array(&j);
  ck_json_kv(&j, "after", "z");
  ck_json_end_object(&j);
  char what[64];
  snprintf(what, sizeof what, "%zu documents on %u threads", ndocs, jobs);
  STR_EQ(ck_buf_cstr(&to.buf), ck_buf_cstr(&one), what);
  ck_buf_free(&one);
  ck_buf_free(&to.buf);
}

static void test_items_written_apart(void) {
  /* Up to several rounds of 16 documents a thread, and counts that leave
     a short last round. */
  static const size_t counts[] = {0, 1, 2, 3, 4, 17, 33, 97, 200};
  for (size_t c = 0; c < sizeof counts / sizeof *counts; c++)
    for (unsigned jobs = 0; jobs <= 5; jobs++)
      check_parts(counts[c], jobs);
}

int main(void) {
  test_escape_every_byte();
  test_writer_layout();
  test_items_written_apart();
  return ck_test_report();
}

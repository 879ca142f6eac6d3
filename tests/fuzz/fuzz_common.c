/* Shared pieces of the libFuzzer targets (see fuzz_common.h). */
#include "fuzz_common.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eval.h"
#include "report.h"

static pthread_once_t rules_once = PTHREAD_ONCE_INIT;
static ck_ruleset *builtin_rules;

/* A rule set that does not load is a broken build: stop at once rather than
   let every input look like a crash. */
static void load_rules(void) {
  ck_diags diags = CK_DIAGS_INIT;
  if (ck_ruleset_load(true, NULL, 0, &builtin_rules, &diags) != CK_OK) {
    for (size_t i = 0; i < diags.n; i++)
      ck_diag_print(&diags.items[i], stderr);
    abort();
  }
  ck_diags_free(&diags);
}

const ck_ruleset *ck_fuzz_builtin_rules(void) {
  pthread_once(&rules_once, load_rules);
  return builtin_rules;
}

ck_limits ck_fuzz_limits(void) {
  ck_limits l = ck_limits_default();
  l.max_line_bytes = 4096;
  l.max_blocks = 2000;
  l.max_xml_depth = 64;
  /* Small enough that a few kilobytes pass each cap, counted on the bytes
     or in the parser's callbacks. */
  l.max_xml_elements = 2000;
  l.max_xml_attributes = 40;
  l.max_xml_total_attributes = 1000;
  /* A rule whose pattern backtracks on every sentence runs out of time
     within the fuzzer's 10 s per input, through the windowed search. */
  l.rule_time_ms = 200;
  l.document_time_ms = 2000;
  return l;
}

void ck_fuzz_source(ck_source *src, const char *path, const uint8_t *data, size_t size) {
  memset(src, 0, sizeof *src);
  src->path = ck_xstrdup(path);
  src->raw = ck_xmalloc(size + 1);
  if (size)
    memcpy(src->raw, data, size);
  src->raw[size] = '\0';
  src->raw_len = size;
  src->max_line_bytes = ck_fuzz_limits().max_line_bytes;
}

/* Length of the UTF-8 sequence at 's' (at most 'n' bytes), 0 when it is not
   a valid one: no overlong forms, no surrogates, nothing above U+10FFFF. */
static size_t utf8_seq(const unsigned char *s, size_t n) {
  unsigned char c = s[0];
  if (c < 0x80)
    return 1;
  size_t len;
  unsigned lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF)
    len = 2;
  else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    if (c == 0xE0)
      lo = 0xA0;
    else if (c == 0xED)
      hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    if (c == 0xF0)
      lo = 0x90;
    else if (c == 0xF4)
      hi = 0x8F;
  } else
    return 0;
  if (n < len || s[1] < lo || s[1] > hi)
    return 0;
  for (size_t i = 2; i < len; i++)
    if (s[i] < 0x80 || s[i] > 0xBF)
      return 0;
  return len;
}

void ck_fuzz_check_output(const char *out, size_t len, int is_json) {
  const unsigned char *s = (const unsigned char *)out;
  if (!out || out[len] != '\0' || strlen(out) != len) {
    fprintf(stderr, "fuzz: output length %zu does not match its NUL terminator\n", len);
    abort();
  }
  for (size_t i = 0; i < len;) {
    if (is_json && s[i] < 0x20 && s[i] != '\n') {
      fprintf(stderr, "fuzz: raw control byte 0x%02x at offset %zu of the JSON output\n", s[i], i);
      abort();
    }
    size_t k = utf8_seq(s + i, len - i);
    if (k == 0) {
      fprintf(stderr, "fuzz: invalid UTF-8 at offset %zu of the %s output\n", i,
              is_json ? "JSON" : "text");
      abort();
    }
    i += k;
  }
}

void ck_fuzz_evaluate_and_render(const ck_ruleset *rs, const ck_doc *doc, unsigned variant) {
  /* Forcing every pack runs every rule, whatever the document is about;
     choosing exercises pack selection by CPV codes and subject words. */
  const char *ids[64];
  size_t nids = 0;
  if (variant & 1)
    for (size_t i = 0; i < rs->npacks && nids < sizeof ids / sizeof *ids; i++)
      ids[nids++] = rs->packs[i]->id;
  ck_check_options co = ck_check_options_default();
  co.level = (ck_level)((variant >> 1) % CK_LEVEL_COUNT);
  co.msg_lang_set = (variant >> 3) & 1;
  co.msg_lang = (ck_msg_lang)((variant >> 4) % CK_MSG_LANG_COUNT);
  co.packs = nids ? ids : NULL;
  co.npacks = nids;
  ck_report *report = ck_report_new(rs, &co);
  ck_eval_options eo = {.level = co.level,
                        .msg_lang_set = co.msg_lang_set,
                        .msg_lang = co.msg_lang,
                        .packs = report->opts.packs,
                        .npacks = report->opts.npacks,
                        .rule_time_ms = ck_fuzz_limits().rule_time_ms,
                        .document_time_ms = ck_fuzz_limits().document_time_ms};
  ck_doc_result *dr = ck_evaluate(rs, doc, &eo);
  CK_GROW(report->docs, report->cap_docs, report->ndocs + 1);
  report->docs[report->ndocs++] = dr;

  ck_render_options ro = {.color = (variant >> 5) & 1,
                          .show_all = (variant >> 6) & 1,
                          .fail_on = CK_STATUS_FAIL};
  size_t len = 0;
  char *text = ck_report_render(report, CK_REPORT_TEXT, &ro, &len);
  ck_fuzz_check_output(text, len, 0);
  free(text);
  char *json = ck_report_render(report, CK_REPORT_JSON, &ro, &len);
  ck_fuzz_check_output(json, len, 1);
  free(json);
  ck_report_free(report);
}

/* --baseline: compares a report with an earlier JSON report of circheck, so
 * that a team adopting circheck on an existing folder sees, and fails on,
 * only what is new or has got worse. The earlier report is read with
 * json-c; results are matched by their fingerprint (ck_fingerprint), which
 * does not change when the text around a finding does. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "report.h"

/* A report of thousands of documents is large, but not this large. */
enum { MAX_BASELINE_BYTES = 512 << 20 };

typedef struct known {
  char fp[17];
  int rank; /* 0 pass, 1 partial, 2 fail, 3 error */
} known;

static int by_fp(const void *a, const void *b) {
  return strcmp(((const known *)a)->fp, ((const known *)b)->fp);
}

/* How bad a status is, for "worse than"; -1 for one that does not count. */
static int rank_of(const char *status) {
  static const char *const order[] = {"pass", "partial", "fail", "error"};
  for (int i = 0; i < 4; i++)
    if (strcmp(status, order[i]) == 0)
      return i;
  return -1;
}

static const char *string_field(json_object *obj, const char *key) {
  json_object *v;
  if (!json_object_is_type(obj, json_type_object) || !json_object_object_get_ex(obj, key, &v) ||
      !json_object_is_type(v, json_type_string))
    return NULL;
  return json_object_get_string(v);
}

static json_object *array_field(json_object *obj, const char *key) {
  json_object *v;
  if (!json_object_is_type(obj, json_type_object) || !json_object_object_get_ex(obj, key, &v) ||
      !json_object_is_type(v, json_type_array))
    return NULL;
  return v;
}

static char *slurp(const char *path, size_t *len, ck_diags *diags) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    ck_diags_add(diags, CK_DIAG_ERROR, path, 0, 0, "cannot read the baseline: %s",
                 strerror(errno));
    return NULL;
  }
  ck_buf b = CK_BUF_INIT;
  char chunk[65536];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0 && b.len <= MAX_BASELINE_BYTES)
    ck_buf_put(&b, chunk, n);
  bool error = ferror(f);
  int err = errno;
  fclose(f);
  if (error || b.len > MAX_BASELINE_BYTES) {
    if (error)
      ck_diags_add(diags, CK_DIAG_ERROR, path, 0, 0, "cannot read the baseline: %s",
                   strerror(err));
    else
      ck_diags_add(diags, CK_DIAG_ERROR, path, 0, 0, "the baseline is larger than 512 MiB");
    ck_buf_free(&b);
    return NULL;
  }
  *len = b.len;
  return ck_buf_detach(&b);
}

/* Line and column (characters) of byte 'offset' of 'text'. */
static void position(const char *text, size_t offset, unsigned *line, unsigned *col) {
  *line = 1;
  *col = 1;
  for (size_t i = 0; i < offset; i++) {
    if (text[i] == '\n') {
      (*line)++;
      *col = 1;
    } else if (((unsigned char)text[i] & 0xC0) != 0x80) {
      (*col)++;
    }
  }
}

/* Parses the file into the list of fingerprints with their statuses. */
static ck_status read_baseline(const char *path, known **out, size_t *nout, ck_diags *diags) {
  size_t len = 0;
  char *text = slurp(path, &len, diags);
  if (!text)
    return CK_ERR_IO;
  json_tokener *tok = json_tokener_new_ex(64);
  json_object *root = json_tokener_parse_ex(tok, text, (int)len);
  enum json_tokener_error jerr = json_tokener_get_error(tok);
  if (!root || jerr != json_tokener_success) {
    unsigned line, col;
    position(text, json_tokener_get_parse_end(tok), &line, &col);
    ck_diags_add(diags, CK_DIAG_ERROR, path, line, col, "the baseline is not valid JSON: %s",
                 json_tokener_error_desc(jerr == json_tokener_success ? json_tokener_continue
                                                                      : jerr));
    json_object_put(root);
    json_tokener_free(tok);
    free(text);
    return CK_ERR_INPUT;
  }
  json_tokener_free(tok);
  free(text);
  json_object *tool;
  json_object *docs = array_field(root, "documents");
  const char *name = json_object_object_get_ex(root, "tool", &tool) ? string_field(tool, "name")
                                                                     : NULL;
  if (!docs || !name || strcmp(name, "circheck") != 0) {
    ck_diags_add(diags, CK_DIAG_ERROR, path, 0, 0,
                 "the baseline is not a JSON report of circheck (--format json)");
    json_object_put(root);
    return CK_ERR_INPUT;
  }
  known *list = NULL;
  size_t n = 0, cap = 0;
  for (size_t d = 0; d < json_object_array_length(docs); d++) {
    json_object *doc = json_object_array_get_idx(docs, d);
    const char *doc_path = string_field(doc, "path");
    json_object *results = array_field(doc, "results");
    if (!doc_path || !results)
      continue;
    for (size_t i = 0; i < json_object_array_length(results); i++) {
      json_object *r = json_object_array_get_idx(results, i);
      const char *rule = string_field(r, "rule"), *criterion = string_field(r, "criterion");
      const char *status = string_field(r, "status"), *fp = string_field(r, "fingerprint");
      if (status && strcmp(status, "waived") == 0) {
        json_object *w;
        status = json_object_object_get_ex(r, "waiver", &w) ? string_field(w, "status") : NULL;
      }
      int rank = status ? rank_of(status) : -1;
      if (rank < 0 || ((!rule || !criterion) && !fp))
        continue;
      CK_GROW(list, cap, n + 1);
      ck_buf b = CK_BUF_INIT;
      if (fp)
        ck_buf_puts(&b, fp);
      else
        ck_fingerprint(&b, rule, doc_path, criterion);
      snprintf(list[n].fp, sizeof list[n].fp, "%s", ck_buf_cstr(&b));
      ck_buf_free(&b);
      list[n++].rank = rank;
    }
  }
  json_object_put(root);
  qsort(list, n, sizeof *list, by_fp);
  *out = list;
  *nout = n;
  return CK_OK;
}

static void mark(ck_result *results, size_t n, const char *path, const known *list,
                 size_t nlist) {
  for (size_t i = 0; i < n; i++) {
    ck_result *r = &results[i];
    int rank = rank_of(ck_result_status_name(r->status));
    if (r->status != CK_STATUS_PARTIAL && r->status != CK_STATUS_FAIL &&
        r->status != CK_STATUS_ERROR)
      continue;
    known key = {{0}, 0};
    ck_buf b = CK_BUF_INIT;
    ck_fingerprint(&b, r->rule->id, path, r->rule->criterion->id);
    snprintf(key.fp, sizeof key.fp, "%s", ck_buf_cstr(&b));
    ck_buf_free(&b);
    const known *was = nlist ? bsearch(&key, list, nlist, sizeof *list, by_fp) : NULL;
    if (!was)
      r->baseline = CK_BASELINE_NEW;
    else
      r->baseline = was->rank < rank ? CK_BASELINE_WORSE : CK_BASELINE_UNCHANGED;
  }
}

struct ck_baseline {
  known *list;
  size_t n;
};

ck_status ck_baseline_load(const char *path, ck_baseline **out, ck_diags *diags) {
  *out = NULL;
  known *list = NULL;
  size_t n = 0;
  ck_status rc = read_baseline(path, &list, &n, diags);
  if (rc != CK_OK)
    return rc;
  *out = ck_xcalloc(1, sizeof **out);
  (*out)->list = list;
  (*out)->n = n;
  return CK_OK;
}

void ck_baseline_mark(const ck_baseline *b, ck_doc_result *dr) {
  mark(dr->results, dr->nresults, dr->path, b->list, b->n);
  for (size_t l = 0; l < dr->nlots; l++)
    mark(dr->lots[l].results, dr->lots[l].nresults, dr->path, b->list, b->n);
}

void ck_baseline_free(ck_baseline *b) {
  if (!b)
    return;
  free(b->list);
  free(b);
}

ck_status ck_report_apply_baseline(ck_report *report, const char *path, ck_diags *diags) {
  ck_baseline *b;
  ck_status rc = ck_baseline_load(path, &b, diags);
  if (rc != CK_OK)
    return rc;
  for (size_t d = 0; d < report->ndocs; d++)
    ck_baseline_mark(b, report->docs[d]);
  report->baseline = true;
  ck_baseline_free(b);
  return CK_OK;
}

/* What circheck stats counts: documents it checks (through
   ck_each_document, in bounded memory), documents of earlier JSON and JSON
   Lines reports as they stand, and the raw counts of earlier statistics. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "each_document.h"
#include "jsonl.h"
#include "report.h"
#include "stats.h"

/* --- a checked document ------------------------------------------------------------ */

static bool count_result(void *ctx, ck_doc_result *dr, const ck_buf *prepared) {
  (void)prepared;
  ck_stats *s = ctx;
  ck_result_status *status = ck_xcalloc(s->ncriteria + 1, sizeof *status);
  for (size_t c = 0; c < s->ncriteria; c++)
    status[c] = CK_RESULT_STATUS_COUNT;
  for (size_t i = 0; i < dr->ncriteria; i++) {
    long c = ck_stats_criterion(s, dr->criteria[i].criterion->id);
    if (c >= 0)
      status[c] = dr->criteria[i].status;
  }
  const char **packs = ck_xcalloc(dr->npacks + 1, sizeof *packs);
  for (size_t i = 0; i < dr->npacks; i++)
    packs[i] = dr->packs[i].pack->id;
  ck_stats_doc doc = {.buyer = dr->buyer,
                      .date = dr->date,
                      .cpv = dr->ncpv ? dr->cpv[0] : NULL,
                      .packs = packs,
                      .npacks = dr->npacks,
                      .status = status};
  ck_stats_count(s, &doc);
  free(packs);
  free(status);
  ck_doc_result_free(dr);
  return true;
}

/* --- a document of a report --------------------------------------------------------- */

static const char *string_at(json_object *o, const char *key) {
  json_object *v;
  if (!json_object_object_get_ex(o, key, &v) || !json_object_is_type(v, json_type_string))
    return NULL;
  return json_object_get_string(v);
}

/* Counts one document object of a JSON or JSON Lines report; 'line' places
   a problem (0 in a JSON report, where 'index' names the document). */
static bool count_report_document(ck_stats *s, const char *path, size_t line, size_t index,
                                  json_object *record, ck_diags *diags) {
  json_object *criteria = NULL, *packs = NULL, *cpv = NULL;
  const char *name = string_at(record, "path");
  char where[64];
  if (line)
    snprintf(where, sizeof where, "the document");
  else
    snprintf(where, sizeof where, "document %zu", index + 1);
  if (!name || !json_object_object_get_ex(record, "criteria", &criteria) ||
      !json_object_is_type(criteria, json_type_array)) {
    ck_diags_add(diags, CK_DIAG_ERROR, path, (unsigned)line, line ? 1 : 0,
                 "%s of the report has no path or no criteria array", where);
    return false;
  }
  ck_result_status *status = ck_xcalloc(s->ncriteria + 1, sizeof *status);
  for (size_t c = 0; c < s->ncriteria; c++)
    status[c] = CK_RESULT_STATUS_COUNT;
  bool ok = true;
  size_t n = json_object_array_length(criteria);
  for (size_t i = 0; i < n && ok; i++) {
    json_object *item = json_object_array_get_idx(criteria, i);
    const char *id = string_at(item, "id"), *st = string_at(item, "status");
    long c = id ? ck_stats_criterion(s, id) : -1;
    ck_result_status value;
    if (c < 0) {
      ck_diags_add(diags, CK_DIAG_ERROR, path, (unsigned)line, line ? 1 : 0,
                   "%s (%s): criterion '%s' is not one of this rule set's", where, name,
                   id ? id : "(none)");
      ok = false;
    } else if (!st || !ck_result_status_parse(st, &value)) {
      ck_diags_add(diags, CK_DIAG_ERROR, path, (unsigned)line, line ? 1 : 0,
                   "%s (%s): criterion '%s' has no known status", where, name, id);
      ok = false;
    } else {
      status[c] = value;
    }
  }
  if (ok) {
    const char *pack_ids[64];
    size_t npacks = 0;
    if (json_object_object_get_ex(record, "packs", &packs) &&
        json_object_is_type(packs, json_type_array))
      for (size_t i = 0; i < json_object_array_length(packs) && npacks < 64; i++) {
        json_object *p = json_object_array_get_idx(packs, i);
        if (json_object_is_type(p, json_type_string))
          pack_ids[npacks++] = json_object_get_string(p);
      }
    const char *main_cpv = NULL;
    if (json_object_object_get_ex(record, "cpv", &cpv) &&
        json_object_is_type(cpv, json_type_array) && json_object_array_length(cpv) > 0 &&
        json_object_is_type(json_object_array_get_idx(cpv, 0), json_type_string))
      main_cpv = json_object_get_string(json_object_array_get_idx(cpv, 0));
    ck_stats_doc doc = {.buyer = string_at(record, "buyer"),
                        .date = string_at(record, "date"),
                        .cpv = main_cpv,
                        .packs = pack_ids,
                        .npacks = npacks,
                        .status = status};
    ck_stats_count(s, &doc);
  }
  free(status);
  return ok;
}

static bool count_report_line(void *ctx, const char *path, size_t line, json_object *record,
                              ck_diags *diags) {
  count_report_document(ctx, path, line, 0, record, diags);
  return true; /* a bad record is an error of its own; the rest is counted */
}

/* --- statistics: raw counts to add --------------------------------------------------- */

static bool read_uint(json_object *v, uint64_t *out) {
  if (!json_object_is_type(v, json_type_int) || json_object_get_int64(v) < 0)
    return false;
  *out = (uint64_t)json_object_get_int64(v);
  return true;
}

/* Adds the groups of grouping 'by' of 'groups' (an array). Checks it all
   before adding anything, so a bad file leaves the counts as they were. */
static bool merge_groups(ck_stats *s, ck_stats_by by, json_object *groups, bool apply,
                         const char *path, ck_diags *diags) {
  size_t n = json_object_array_length(groups);
  for (size_t i = 0; i < n; i++) {
    json_object *g = json_object_array_get_idx(groups, i), *docs, *counts;
    const char *key = string_at(g, "key");
    uint64_t ndocs;
    if (!key || !json_object_object_get_ex(g, "documents", &docs) || !read_uint(docs, &ndocs) ||
        !json_object_object_get_ex(g, "counts", &counts) ||
        !json_object_is_type(counts, json_type_object)) {
      ck_diags_add(diags, CK_DIAG_ERROR, path, 0, 0,
                   "statistics: group %zu of '%s' lacks a key, documents or counts", i + 1,
                   ck_stats_by_name(by));
      return false;
    }
    ck_stats_group *into = apply ? ck_stats_group_of(s, by, key) : NULL;
    if (into)
      into->documents += ndocs;
    json_object_object_foreach(counts, id, row) {
      long c = ck_stats_criterion(s, id);
      if (c < 0 || !json_object_is_type(row, json_type_array) ||
          json_object_array_length(row) != CK_RESULT_STATUS_COUNT) {
        ck_diags_add(diags, CK_DIAG_ERROR, path, 0, 0,
                     "statistics: '%s' in group '%s' is not a criterion of this rule set with "
                     "%d counts",
                     id, key, CK_RESULT_STATUS_COUNT);
        return false;
      }
      for (size_t k = 0; k < CK_RESULT_STATUS_COUNT; k++) {
        uint64_t v;
        if (!read_uint(json_object_array_get_idx(row, k), &v)) {
          ck_diags_add(diags, CK_DIAG_ERROR, path, 0, 0,
                       "statistics: a count of '%s' in group '%s' is not a whole number", id,
                       key);
          return false;
        }
        if (into)
          into->counts[(size_t)c * CK_RESULT_STATUS_COUNT + k] += v;
      }
    }
  }
  return true;
}

static bool merge_statistics(ck_stats *s, json_object *stats, const char *path,
                             ck_diags *diags) {
  json_object *groups;
  if (!json_object_object_get_ex(stats, "groups", &groups) ||
      !json_object_is_type(groups, json_type_object)) {
    ck_diags_add(diags, CK_DIAG_ERROR, path, 0, 0, "statistics without groups");
    return false;
  }
  for (int pass = 0; pass < 2; pass++)
    for (int by = 0; by < CK_STORED_BY; by++) {
      json_object *list;
      if (!json_object_object_get_ex(groups, ck_stats_by_name((ck_stats_by)by), &list))
        continue;
      if (!json_object_is_type(list, json_type_array)) {
        ck_diags_add(diags, CK_DIAG_ERROR, path, 0, 0, "statistics: '%s' is not an array",
                     ck_stats_by_name((ck_stats_by)by));
        return false;
      }
      if (!merge_groups(s, (ck_stats_by)by, list, pass == 1, path, diags))
        return false;
    }
  return true;
}

/* --- a .json file: a report or statistics ------------------------------------------- */

static char *read_all(const char *path, size_t *len, ck_diags *diags) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    ck_diags_add(diags, CK_DIAG_ERROR, path, 0, 0, "cannot open: %s", strerror(errno));
    return NULL;
  }
  ck_buf b = CK_BUF_INIT;
  char chunk[65536];
  size_t got;
  while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) {
    if (b.len + got > (size_t)1 << 30) {
      ck_diags_add(diags, CK_DIAG_ERROR, path, 0, 0,
                   "larger than 1 GiB: write the report as JSON Lines (--format jsonl)");
      fclose(f);
      ck_buf_free(&b);
      return NULL;
    }
    ck_buf_put(&b, chunk, got);
  }
  bool bad = ferror(f);
  fclose(f);
  if (bad) {
    ck_diags_add(diags, CK_DIAG_ERROR, path, 0, 0, "cannot read");
    ck_buf_free(&b);
    return NULL;
  }
  *len = b.len;
  return ck_buf_detach(&b);
}

/* 'walked': found in a folder, where a JSON file that is neither a report
   nor statistics (a package.json, an export) is skipped with a warning. */
static ck_status add_json_file(ck_stats *s, const char *path, bool only_statistics, bool walked,
                               ck_diags *diags) {
  size_t len = 0;
  char *text = read_all(path, &len, diags);
  if (!text)
    return CK_ERR_IO;
  json_object *top;
  ck_status rc = ck_json_parse_text(path, text, len, &top, diags);
  free(text);
  if (rc != CK_OK)
    return rc;
  json_object *part;
  if (json_object_object_get_ex(top, "statistics", &part)) {
    rc = merge_statistics(s, part, path, diags) ? CK_OK : CK_ERR_INPUT;
  } else if (only_statistics) {
    ck_diags_add(diags, CK_DIAG_ERROR, path, 0, 0,
                 "not the JSON output of circheck stats (--merge adds only those)");
    rc = CK_ERR_USAGE;
  } else if (json_object_object_get_ex(top, "documents", &part) &&
             json_object_is_type(part, json_type_array)) {
    for (size_t i = 0; i < json_object_array_length(part); i++)
      if (!count_report_document(s, path, 0, i, json_object_array_get_idx(part, i), diags))
        rc = CK_ERR_INPUT;
  } else if (walked) {
    ck_diags_add(diags, CK_DIAG_WARNING, path, 0, 0,
                 "skipped: JSON that is neither a circheck report nor statistics");
  } else {
    ck_diags_add(diags, CK_DIAG_ERROR, path, 0, 0,
                 "neither a circheck JSON report (documents) nor statistics");
    rc = CK_ERR_INPUT;
  }
  json_object_put(top);
  return rc;
}

static bool is_json_name(const char *path) {
  size_t n = strlen(path);
  return n > 5 && strcmp(path + n - 5, ".json") == 0;
}

ck_status ck_stats_add(ck_stats *s, const ck_ruleset *rs, const ck_check_options *opts,
                       char *const *files, const bool *walked, size_t nfiles, unsigned jobs,
                       bool only_statistics, ck_diag_fn on_diag, void *diag_ctx,
                       ck_diags *diags) {
  ck_status first = CK_OK;
  ck_each_sink sink = {.document = count_result,
                       .report_document = count_report_line,
                       .ctx = s,
                       .on_diag = on_diag,
                       .diag_ctx = diag_ctx};
  size_t i = 0;
  while (i < nfiles) {
    ck_status rc;
    if (is_json_name(files[i]) || only_statistics) {
      rc = add_json_file(s, files[i], only_statistics, walked && walked[i], diags);
      ck_diags_hand_on(diags, on_diag, diag_ctx);
      i++;
    } else {
      /* a run of files to check or JSON Lines to read, in bounded memory */
      size_t k = i;
      while (k < nfiles && !is_json_name(files[k]))
        k++;
      rc = ck_each_document(rs, opts, files + i, walked ? walked + i : NULL, k - i, jobs, &sink,
                            diags);
      i = k;
    }
    if (rc != CK_OK && first == CK_OK)
      first = rc;
  }
  return first;
}

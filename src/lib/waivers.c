/* Waivers written in a document's comments, and applying waivers to a
 * document's results. A waived result keeps its status (so a report can
 * still say what was accepted) but is counted apart and never fails the run. */
#include "waivers.h"

#include <stdlib.h>
#include <string.h>

#include "messages.h"
#include "util.h"

/* --- reading comments --------------------------------------------------------------- */

/* Line and column of offset 'to', counting on from ('*line', '*col') at
   offset '*from'; a line ends at LF, CRLF or a lone CR, as in the readers. */
static void advance(const char *raw, size_t *from, size_t to, unsigned *line, unsigned *col) {
  for (size_t i = *from; i < to; i++) {
    unsigned char c = (unsigned char)raw[i];
    if (c == '\n' || (c == '\r' && raw[i + 1] != '\n')) {
      (*line)++;
      *col = 1;
    } else if (c != '\r' && (c & 0xC0) != 0x80) {
      (*col)++;
    }
  }
  *from = to;
}

/* The first 'needle' of 'n' bytes in [p, end), or NULL. */
static const char *find(const char *p, const char *end, const char *needle, size_t n) {
  for (; (size_t)(end - p) >= n; p++) {
    p = memchr(p, needle[0], (size_t)(end - p));
    if (!p || (size_t)(end - p) < n)
      return NULL;
    if (memcmp(p, needle, n) == 0)
      return p;
  }
  return NULL;
}

static bool blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

static bool id_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         c == '.' || c == '-' || c == '_';
}

/* Parses the body of a comment after "circheck:", 'p' to 'end'; fills 'w'
   or returns the problem. */
static const char *parse_waiver(const char *p, const char *end, ck_waiver *w) {
  while (p < end && blank(*p))
    p++;
  if (end - p < 5 || strncmp(p, "waive", 5) != 0 || (p + 5 < end && !blank(p[5])))
    return "a circheck comment must read 'circheck: waive ID: reason' "
           "(ID a rule or criterion)";
  p += 5;
  while (p < end && blank(*p))
    p++;
  const char *id = p;
  while (p < end && id_char(*p))
    p++;
  if (p == id)
    return "the waiver names no rule or criterion ('circheck: waive ID: reason')";
  w->id = ck_xstrndup(id, (size_t)(p - id));
  while (p < end && blank(*p))
    p++;
  if (end - p >= 5 && strncmp(p, "until", 5) == 0) {
    p += 5;
    while (p < end && blank(*p))
      p++;
    if (end - p < 10 || !ck_date_valid(p, 10))
      return "'until' needs a date written YYYY-MM-DD";
    memcpy(w->expires, p, 10);
    w->expires[10] = '\0';
    p += 10;
    while (p < end && blank(*p))
      p++;
  }
  if (p >= end || *p != ':')
    return "the waiver needs a reason after a colon ('circheck: waive ID: reason')";
  p++;
  while (p < end && blank(*p))
    p++;
  while (end > p && blank(end[-1]))
    end--;
  if (p == end)
    return "the waiver needs a reason after a colon ('circheck: waive ID: reason')";
  w->reason = ck_xstrndup(p, (size_t)(end - p));
  return NULL;
}

ck_status ck_waiver_from_comment(const char *path, const char *text, size_t len, ck_mark at,
                                 ck_waiver **out, size_t *n, ck_diags *diags) {
  static const char tag[] = "circheck:";
  const char *t = text, *end = text + len;
  while (t < end && blank(*t))
    t++;
  if ((size_t)(end - t) < sizeof tag - 1 || strncmp(t, tag, sizeof tag - 1) != 0)
    return CK_OK;
  ck_waiver w = {0};
  const char *problem = parse_waiver(t + sizeof tag - 1, end, &w);
  if (problem) {
    free(w.id);
    free(w.reason);
    ck_diags_add(diags, CK_DIAG_ERROR, path, at.line, at.col, "%s", problem);
    return CK_ERR_INPUT;
  }
  w.in_source = true;
  w.file = ck_xstrdup(path);
  w.at = w.id_at = at;
  *out = ck_xrealloc(*out, (*n + 1) * sizeof **out);
  (*out)[(*n)++] = w;
  return CK_OK;
}

ck_status ck_waivers_scan(const char *path, const char *raw, size_t len, ck_waiver **out,
                          size_t *n, ck_diags *diags) {
  static const char open[] = "<!--", close[] = "-->", tag[] = "circheck:";
  size_t done = 0;
  unsigned line = 1, col = 1;
  const char *end = raw + len;
  for (const char *p = raw; p < end;) {
    const char *c = find(p, end, open, 4);
    if (!c)
      break;
    const char *body = c + 4;
    const char *stop = find(body, end, close, 3);
    if (!stop)
      break; /* an unclosed comment is the reader's to report */
    p = stop + 3;
    const char *t = body;
    while (t < stop && blank(*t))
      t++;
    if ((size_t)(stop - t) < sizeof tag - 1 || strncmp(t, tag, sizeof tag - 1) != 0)
      continue;
    advance(raw, &done, (size_t)(c - raw), &line, &col);
    ck_status rc =
        ck_waiver_from_comment(path, body, (size_t)(stop - body), (ck_mark){line, col}, out, n,
                               diags);
    if (rc != CK_OK)
      return rc;
  }
  return CK_OK;
}

void ck_waivers_free(ck_waiver *w, size_t n) {
  for (size_t i = 0; i < n; i++) {
    free(w[i].id);
    free(w[i].reason);
    free(w[i].file);
    for (size_t k = 0; k < w[i].npaths; k++)
      free(w[i].paths[k]);
    free(w[i].paths);
  }
  free(w);
}

/* --- applying ---------------------------------------------------------------------------- */

static bool names_result(const ck_waiver *w, const ck_result *r) {
  bool rule = strcmp(w->id, r->rule->id) == 0;
  bool criterion = strcmp(w->id, r->rule->criterion->id) == 0;
  if (w->in_source)
    return rule || criterion;
  return w->is_rule ? rule : criterion;
}

typedef struct applying {
  ck_doc_result *dr;
  const ck_waiver *const *config;
  size_t nconfig;
  const ck_waiver *in_doc;
  size_t nin_doc;
  const ck_waiver **expired; /* reported once per document each */
  size_t nexpired;
} applying;

static const ck_waiver *waiver_at(const applying *a, size_t i) {
  return i < a->nin_doc ? &a->in_doc[i] : a->config[i - a->nin_doc];
}

static void report_expired(applying *a, const ck_waiver *w) {
  for (size_t i = 0; i < a->nexpired; i++)
    if (a->expired[i] == w)
      return;
  a->expired = ck_xrealloc(a->expired, (a->nexpired + 1) * sizeof *a->expired);
  a->expired[a->nexpired++] = w;
  ck_doc_result *dr = a->dr;
  ck_buf msg = CK_BUF_INIT;
  ck_template_values v = {.name = w->id, .found = w->expires};
  ck_fill_template(ck_msg(dr->msg_lang, CK_MSG_FINDING_WAIVER_EXPIRED), &v, &msg);
  if (!w->in_source)
    ck_buf_printf(&msg, " (%s:%u:%u)", w->file, w->at.line, w->at.col);
  dr->findings = ck_xrealloc(dr->findings, (dr->nfindings + 1) * sizeof *dr->findings);
  dr->findings[dr->nfindings++] =
      (ck_finding){CK_FINDING_WAIVER_EXPIRED, ck_buf_detach(&msg), w->in_source ? w->at.line : 0,
                   w->in_source ? w->at.col : 0, NULL};
}

static void apply_to(applying *a, ck_result *results, size_t n, size_t *counts, size_t *waived) {
  for (size_t i = 0; i < n; i++) {
    ck_result *r = &results[i];
    if (r->status != CK_STATUS_PARTIAL && r->status != CK_STATUS_FAIL)
      continue;
    for (size_t k = 0; k < a->nin_doc + a->nconfig; k++) {
      const ck_waiver *w = waiver_at(a, k);
      if (!names_result(w, r))
        continue;
      if (w->expires[0] && ck_date_passed(w->expires)) {
        report_expired(a, w);
        continue;
      }
      ck_result_waiver *rw = ck_xcalloc(1, sizeof *rw);
      rw->reason = ck_xstrdup(w->reason);
      memcpy(rw->expires, w->expires, sizeof rw->expires);
      rw->in_source = w->in_source;
      rw->file = ck_xstrdup(w->file);
      rw->line = w->at.line;
      rw->col = w->at.col;
      r->waiver = rw;
      counts[r->status]--;
      (*waived)++;
      break;
    }
  }
}

static bool known_id(const ck_ruleset *rs, const char *id) {
  if (ck_ruleset_criterion(rs, id))
    return true;
  for (size_t k = 0; k < rs->nrules; k++)
    if (strcmp(rs->rules[k]->id, id) == 0)
      return true;
  return false;
}

ck_status ck_waivers_apply(ck_doc_result *dr, const ck_ruleset *rs,
                           const ck_waiver *const *config, size_t nconfig,
                           const ck_waiver *in_doc, size_t nin_doc, ck_diags *diags) {
  for (size_t i = 0; i < nin_doc; i++)
    if (!known_id(rs, in_doc[i].id)) {
      ck_diags_add(diags, CK_DIAG_ERROR, in_doc[i].file, in_doc[i].at.line, in_doc[i].at.col,
                   "the waiver names '%s', which is no rule or criterion (circheck rules list "
                   "shows them)",
                   in_doc[i].id);
      return CK_ERR_INPUT;
    }
  applying a = {dr, config, nconfig, in_doc, nin_doc, NULL, 0};
  apply_to(&a, dr->results, dr->nresults, dr->counts, &dr->waived);
  for (size_t l = 0; l < dr->nlots; l++)
    apply_to(&a, dr->lots[l].results, dr->lots[l].nresults, dr->lots[l].counts,
             &dr->lots[l].waived);
  free(a.expired);
  return CK_OK;
}

const char *ck_result_shown_status(const ck_result *r) {
  return r->waiver ? "waived" : ck_result_status_name(r->status);
}

const char *ck_baseline_state_name(ck_baseline_state s) {
  static const char *const names[] = {"", "new", "worse", "unchanged"};
  return names[s];
}

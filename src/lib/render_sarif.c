/* The SARIF 2.1.0 report, for code-scanning dashboards (GitHub, GitLab,
 * Azure DevOps). One run; one reportingDescriptor per rule of the rule set
 * with the clause in help.markdown; one result per rule result that is
 * partial (warning), fail or error (error), plus a warning per consistency
 * finding (with lots, the document's results roll the lots up). A rule that
 * could not be judged (status error) is also a tool execution notification
 * of the run's invocation, which is then not successful; runs without such
 * rules have no invocation, as before. Output is stable:
 * no times, no absolute paths the user did not give, and fingerprints that
 * depend only on the rule, the file and the criterion, so an alert keeps its
 * identity while the text around it changes. */
#include <string.h>

#include "json_writer.h"
#include "messages.h"
#include "render_parts.h"
#include "report.h"

#define SARIF_SCHEMA                                                                               \
  "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

/* Appends 'path' as a URI reference: relative paths stay relative (so that
   code scanning resolves them against the checkout), absolute ones become
   file: URIs, and every byte outside the unreserved and path characters is
   percent-encoded. */
static void put_uri(ck_buf *out, const char *path) {
  static const char hex[] = "0123456789ABCDEF";
  if (path[0] == '/')
    ck_buf_puts(out, "file://");
  for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
    unsigned char c = *p;
    bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                 strchr("-._~/!$&'()*+,;=:@", c) != NULL;
    if (plain) {
      ck_buf_putc(out, (char)c);
    } else {
      ck_buf_putc(out, '%');
      ck_buf_putc(out, hex[c >> 4]);
      ck_buf_putc(out, hex[c & 15]);
    }
  }
}

static void uri_kv(ck_json *j, const char *key, const char *path) {
  ck_buf uri = CK_BUF_INIT;
  put_uri(&uri, path);
  ck_json_kv(j, key, ck_buf_cstr(&uri));
  ck_buf_free(&uri);
}

static const char *mime_type(ck_input_format f) {
  switch (f) {
  case CK_FORMAT_MARKDOWN:
    return "text/markdown";
  case CK_FORMAT_XML:
  case CK_FORMAT_EFORMS:
    return "application/xml";
  case CK_FORMAT_DOCX:
    return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  case CK_FORMAT_ODT:
    return "application/vnd.oasis.opendocument.text";
  case CK_FORMAT_PDF:
    return "application/pdf";
  case CK_FORMAT_HTML:
    return "text/html";
  default:
    return "text/plain";
  }
}

static void text_object(ck_json *j, const char *key, const char *text) {
  ck_json_key(j, key);
  ck_json_object(j);
  ck_json_kv(j, "text", text);
  ck_json_end_object(j);
}

/* The rule's help: its clause filled for the run's level, where it belongs,
   and how it is verified; plain text and Markdown. */
static void rule_help(ck_json *j, const ck_rule *rule, ck_msg_lang lang, ck_level level) {
  ck_buf clause = CK_BUF_INIT, verify = CK_BUF_INIT, text = CK_BUF_INIT, md = CK_BUF_INIT;
  ck_clause_fill(rule, lang, level, false, &clause);
  bool has_verify = ck_clause_fill(rule, lang, level, true, &verify);
  const char *placement = ck_placement_label(lang, rule->clause.placement);

  ck_put_capitalised(&text, ck_msg(lang, CK_MSG_SUGGESTED_CLAUSE));
  ck_buf_printf(&text, " (%s, %s %s): %s", placement, ck_msg(lang, CK_MSG_LEVEL),
                ck_level_label(lang, level), ck_buf_cstr(&clause));
  ck_buf_puts(&md, "**");
  ck_put_capitalised(&md, ck_msg(lang, CK_MSG_SUGGESTED_CLAUSE));
  ck_buf_printf(&md, "** (%s, %s %s):\n\n> ", placement, ck_msg(lang, CK_MSG_LEVEL),
                ck_level_label(lang, level));
  ck_escape_md(clause.ptr, clause.len, &md);
  if (has_verify) {
    ck_buf_putc(&text, '\n');
    ck_put_capitalised(&text, ck_msg(lang, CK_MSG_VERIFICATION));
    ck_buf_printf(&text, ": %s", ck_buf_cstr(&verify));
    ck_buf_puts(&md, "\n\n**");
    ck_put_capitalised(&md, ck_msg(lang, CK_MSG_VERIFICATION));
    ck_buf_puts(&md, ":** ");
    ck_escape_md(verify.ptr, verify.len, &md);
  }
  ck_json_key(j, "help");
  ck_json_object(j);
  ck_json_kv(j, "text", ck_buf_cstr(&text));
  ck_json_kv(j, "markdown", ck_buf_cstr(&md));
  ck_json_end_object(j);
  ck_buf_free(&clause);
  ck_buf_free(&verify);
  ck_buf_free(&text);
  ck_buf_free(&md);
}

static void rule_sarif(ck_json *j, const ck_rule *rule, ck_msg_lang lang, ck_level level) {
  ck_json_object(j);
  ck_json_kv(j, "id", rule->id);
  text_object(j, "shortDescription", rule->name[lang]);
  ck_buf full = CK_BUF_INIT;
  ck_buf_printf(&full, "%s (%s). ", rule->criterion->name[lang], rule->criterion->id);
  ck_put_capitalised(&full, ck_msg(lang, CK_MSG_SOURCE));
  ck_buf_printf(&full, ": %s", rule->source);
  text_object(j, "fullDescription", ck_buf_cstr(&full));
  ck_buf_free(&full);
  /* the rule's row in docs/rules.md, which has an anchor per rule id */
  ck_buf help_uri = CK_BUF_INIT;
  ck_buf_printf(&help_uri, "%s/blob/main/docs/rules.md#%s", CIRCHECK_HOMEPAGE, rule->id);
  ck_json_kv(j, "helpUri", ck_buf_cstr(&help_uri));
  ck_buf_free(&help_uri);
  rule_help(j, rule, lang, level);
  ck_json_key(j, "defaultConfiguration");
  ck_json_object(j);
  ck_json_kv(j, "level", "error");
  ck_json_end_object(j);
  ck_json_key(j, "properties");
  ck_json_object(j);
  ck_json_kv(j, "pack", rule->pack->id);
  ck_json_kv(j, "criterion", rule->criterion->id);
  ck_json_kv(j, "category", rule->criterion->category);
  ck_json_kv(j, "placement", ck_placement_name(rule->clause.placement));
  ck_json_key(j, "tags");
  ck_json_array(j);
  ck_json_string(j, "circular-economy");
  ck_json_string(j, rule->criterion->category);
  ck_json_end_array(j);
  ck_json_end_object(j);
  ck_json_end_object(j);
}

/* The region of a result: its first evidence, or for an absent criterion
   the heading where its clause belongs, else the first line. */
/* Opens a location object and its physicalLocation with the artifact
   (path and index into run.artifacts); the caller adds a region if it has
   one and closes both objects. */
static void open_location(ck_json *j, const char *path, size_t index) {
  ck_json_object(j);
  ck_json_key(j, "physicalLocation");
  ck_json_object(j);
  ck_json_key(j, "artifactLocation");
  ck_json_object(j);
  uri_kv(j, "uri", path);
  ck_json_key(j, "index");
  ck_json_uint(j, index);
  ck_json_end_object(j);
}

static void region(ck_json *j, const ck_doc_result *dr, const ck_result *r) {
  ck_json_key(j, "region");
  ck_json_object(j);
  if (r->nevidence) {
    const ck_evidence *e = &r->evidence[0];
    ck_json_key(j, "startLine");
    ck_json_uint(j, e->line);
    ck_json_key(j, "startColumn");
    ck_json_uint(j, e->col);
    ck_json_key(j, "endLine");
    ck_json_uint(j, e->end_line);
    ck_json_key(j, "endColumn");
    ck_json_uint(j, e->end_col);
    ck_json_key(j, "snippet");
    ck_json_object(j);
    ck_json_kv(j, "text", e->text);
    ck_json_end_object(j);
  } else {
    unsigned line = 1, col = 1;
    ck_doc_result_anchor(dr, r->rule->clause.placement, &line, &col);
    ck_json_key(j, "startLine");
    ck_json_uint(j, line);
    ck_json_key(j, "startColumn");
    ck_json_uint(j, col);
  }
  ck_json_end_object(j);
}

/* How urgent the result is to fix when it decides its criterion's verdict
   (ck_fix_first), CK_FIX_NONE otherwise. */
static ck_fix_kind fix_kind(const ck_doc_result *dr, const ck_result *r) {
  for (size_t c = 0; c < dr->ncriteria; c++)
    if (dr->criteria[c].best == r)
      return ck_criterion_fix_kind(&dr->criteria[c]);
  return CK_FIX_NONE;
}

static void result_sarif(ck_json *j, const ck_doc_result *dr, size_t doc_index, const ck_result *r,
                         size_t rule_index) {
  ck_json_object(j);
  ck_json_kv(j, "ruleId", r->rule->id);
  ck_json_key(j, "ruleIndex");
  ck_json_uint(j, rule_index);
  /* a rule superseded by a better one of its criterion is no finding: a note */
  ck_json_kv(j, "level", r->superseded_by                 ? "note"
                         : r->status == CK_STATUS_PARTIAL ? "warning"
                                                          : "error");
  /* SARIF's rank (0-100, higher first) orders what to fix: legal
     requirements, then what the category misses, what every purchase
     misses, what is too weak, what could not be judged */
  ck_fix_kind kind = fix_kind(dr, r);
  if (kind != CK_FIX_NONE) {
    ck_json_key(j, "rank");
    ck_json_uint(j, (unsigned long long)(100 - 20 * (int)kind));
  }
  text_object(j, "message", r->message);
  ck_json_key(j, "locations");
  ck_json_array(j);
  open_location(j, dr->path, doc_index);
  region(j, dr, r);
  ck_json_end_object(j);
  if (r->nevidence && (r->evidence[0].section[0] || r->evidence[0].xpath)) {
    const ck_evidence *e = &r->evidence[0];
    ck_json_key(j, "logicalLocations");
    ck_json_array(j);
    ck_json_object(j);
    if (e->xpath) {
      ck_json_kv(j, "fullyQualifiedName", e->xpath);
      ck_json_kv(j, "kind", "element");
    } else {
      ck_json_kv(j, "fullyQualifiedName", e->section);
      ck_json_kv(j, "kind", "section");
    }
    ck_json_end_object(j);
    ck_json_end_array(j);
  }
  ck_json_end_object(j);
  ck_json_end_array(j);

  /* A waived result stays, suppressed: "external" for a configuration's
     waiver, "inSource" for one written in the document. */
  if (r->waiver) {
    ck_json_key(j, "suppressions");
    ck_json_array(j);
    ck_json_object(j);
    ck_json_kv(j, "kind", r->waiver->in_source ? "inSource" : "external");
    ck_json_kv(j, "justification", r->waiver->reason);
    ck_json_key(j, "location");
    ck_json_object(j);
    ck_json_key(j, "physicalLocation");
    ck_json_object(j);
    ck_json_key(j, "artifactLocation");
    ck_json_object(j);
    uri_kv(j, "uri", r->waiver->file);
    ck_json_end_object(j);
    ck_json_key(j, "region");
    ck_json_object(j);
    ck_json_key(j, "startLine");
    ck_json_uint(j, r->waiver->line);
    ck_json_key(j, "startColumn");
    ck_json_uint(j, r->waiver->col);
    ck_json_end_object(j);
    ck_json_end_object(j);
    ck_json_end_object(j);
    ck_json_end_object(j);
    ck_json_end_array(j);
  }
  if (r->baseline == CK_BASELINE_NEW || r->baseline == CK_BASELINE_WORSE)
    ck_json_kv(j, "baselineState", r->baseline == CK_BASELINE_NEW ? "new" : "updated");

  ck_json_key(j, "partialFingerprints");
  ck_json_object(j);
  ck_buf fp = CK_BUF_INIT;
  ck_fingerprint(&fp, r->rule->id, dr->path, r->rule->criterion->id);
  ck_json_kv(j, "circheck/v1", ck_buf_cstr(&fp));
  ck_buf_free(&fp);
  ck_json_end_object(j);

  ck_json_key(j, "properties");
  ck_json_object(j);
  ck_json_kv(j, "status", ck_result_status_name(r->status));
  ck_json_kv(j, "reason", ck_reason_name(r->reason));
  if (r->superseded_by)
    ck_json_kv(j, "superseded_by", r->superseded_by->rule->id);
  if (kind != CK_FIX_NONE)
    ck_json_kv(j, "fix", ck_fix_kind_name(kind));
  ck_json_kv(j, "criterion", r->rule->criterion->id);
  ck_json_kv(j, "category", r->rule->criterion->category);
  if (r->clause) {
    ck_buf id = CK_BUF_INIT;
    ck_put_clause_id(&id, r->rule);
    ck_json_kv(j, "clauseId", ck_buf_cstr(&id));
    ck_buf_free(&id);
    ck_json_kv(j, "clausePlacement", ck_placement_name(r->rule->clause.placement));
    ck_json_kv(j, "clause", r->clause);
  }
  ck_json_end_object(j);
  ck_json_end_object(j);
}

/* The consistency findings have descriptors of their own after the rules:
   "finding.weights-not-100" and so on. */
static void finding_rule_sarif(ck_json *j, ck_finding_kind kind, ck_msg_lang lang) {
  ck_buf id = CK_BUF_INIT;
  ck_buf_printf(&id, "finding.%s", ck_finding_kind_name(kind));
  ck_json_object(j);
  ck_json_kv(j, "id", ck_buf_cstr(&id));
  text_object(j, "shortDescription", ck_finding_title(lang, kind));
  ck_json_key(j, "defaultConfiguration");
  ck_json_object(j);
  ck_json_kv(j, "level", "warning");
  ck_json_end_object(j);
  ck_json_end_object(j);
  ck_buf_free(&id);
}

static void finding_sarif(ck_json *j, const ck_doc_result *dr, size_t doc_index,
                          const ck_finding *f, const char *lot, size_t rule_index) {
  ck_buf id = CK_BUF_INIT;
  ck_buf_printf(&id, "finding.%s", ck_finding_kind_name(f->kind));
  ck_json_object(j);
  ck_json_kv(j, "ruleId", ck_buf_cstr(&id));
  ck_json_key(j, "ruleIndex");
  ck_json_uint(j, rule_index);
  ck_json_kv(j, "level", "warning");
  text_object(j, "message", f->message);
  ck_json_key(j, "locations");
  ck_json_array(j);
  open_location(j, dr->path, doc_index);
  ck_json_key(j, "region");
  ck_json_object(j);
  ck_json_key(j, "startLine");
  ck_json_uint(j, f->line ? f->line : 1);
  ck_json_key(j, "startColumn");
  ck_json_uint(j, f->line && f->col ? f->col : 1);
  ck_json_end_object(j);
  ck_json_end_object(j);
  if (f->xpath) {
    ck_json_key(j, "logicalLocations");
    ck_json_array(j);
    ck_json_object(j);
    ck_json_kv(j, "fullyQualifiedName", f->xpath);
    ck_json_kv(j, "kind", "element");
    ck_json_end_object(j);
    ck_json_end_array(j);
  }
  ck_json_end_object(j);
  ck_json_end_array(j);
  ck_json_key(j, "partialFingerprints");
  ck_json_object(j);
  ck_buf fp = CK_BUF_INIT;
  ck_fingerprint(&fp, ck_buf_cstr(&id), dr->path, lot);
  ck_json_kv(j, "circheck/v1", ck_buf_cstr(&fp));
  ck_buf_free(&fp);
  ck_json_end_object(j);
  if (lot[0]) {
    ck_json_key(j, "properties");
    ck_json_object(j);
    ck_json_kv(j, "lot", lot);
    ck_json_end_object(j);
  }
  ck_json_end_object(j);
  ck_buf_free(&id);
}

/* The index of 'rule' in the rule set (the driver's rules array). */
static size_t rule_index_of(const ck_ruleset *rs, const ck_rule *rule) {
  size_t k = 0;
  while (k < rs->nrules && rs->rules[k] != rule)
    k++;
  return k;
}

/* One invocation when some rule could not be judged: not successful, with a
   notification per document and rule in error, so that code scanning shows
   that the analysis is incomplete rather than only one more alert. */
static void invocations_sarif(ck_json *j, const ck_report *report) {
  const ck_ruleset *rs = report->rs;
  bool any = false;
  for (size_t d = 0; d < report->ndocs && !any; d++)
    for (size_t i = 0; i < report->docs[d]->nresults && !any; i++)
      any = report->docs[d]->results[i].status == CK_STATUS_ERROR;
  if (!any)
    return;
  ck_json_key(j, "invocations");
  ck_json_array(j);
  ck_json_object(j);
  ck_json_key(j, "executionSuccessful");
  ck_json_bool(j, false);
  ck_json_key(j, "toolExecutionNotifications");
  ck_json_array(j);
  for (size_t d = 0; d < report->ndocs; d++) {
    const ck_doc_result *dr = report->docs[d];
    for (size_t i = 0; i < dr->nresults; i++) {
      const ck_result *r = &dr->results[i];
      if (r->status != CK_STATUS_ERROR)
        continue;
      ck_json_object(j);
      ck_json_kv(j, "level", "error");
      text_object(j, "message", r->message);
      ck_json_key(j, "locations");
      ck_json_array(j);
      open_location(j, dr->path, d);
      ck_json_end_object(j);
      ck_json_end_object(j);
      ck_json_end_array(j);
      ck_json_key(j, "associatedRule");
      ck_json_object(j);
      ck_json_kv(j, "id", r->rule->id);
      ck_json_key(j, "index");
      ck_json_uint(j, rule_index_of(rs, r->rule));
      ck_json_end_object(j);
      ck_json_end_object(j);
    }
  }
  ck_json_end_array(j);
  ck_json_end_object(j);
  ck_json_end_array(j);
}

/* One document's results (rules that did not pass, and findings), written
   apart as items of the run's "results" array (render_parts.h). */
static void document_results_part(const ck_report *report, size_t d, const void *ctx,
                                  ck_buf *part) {
  const ck_ruleset *rs = report->rs;
  const ck_doc_result *dr = report->docs[d];
  ck_json j;
  ck_json_fork(ctx, &j, part);
  /* Results come by rule id, as rs->rules does, so one pass finds each
     result's rule index. */
  size_t k = 0;
  for (size_t i = 0; i < dr->nresults; i++) {
    const ck_result *r = &dr->results[i];
    while (k < rs->nrules && rs->rules[k] != r->rule)
      k++;
    if (k == rs->nrules) /* not in step after all: look it up */
      for (k = 0; k < rs->nrules && rs->rules[k] != r->rule;)
        k++;
    /* what a baseline already has is not reported again */
    if ((r->status == CK_STATUS_PARTIAL || r->status == CK_STATUS_FAIL ||
         r->status == CK_STATUS_ERROR) &&
        r->baseline != CK_BASELINE_UNCHANGED)
      result_sarif(&j, dr, d, r, k);
  }
  for (size_t i = 0; i < dr->nfindings; i++)
    finding_sarif(&j, dr, d, &dr->findings[i], "", rs->nrules + dr->findings[i].kind);
  for (size_t l = 0; l < dr->nlots; l++)
    for (size_t i = 0; i < dr->lots[l].nfindings; i++)
      finding_sarif(&j, dr, d, &dr->lots[l].findings[i], dr->lots[l].id,
                    rs->nrules + dr->lots[l].findings[i].kind);
}

void ck_render_sarif(const ck_report *report, const ck_render_options *opts,
                     ck_render_out *to) {
  ck_buf *out = &to->buf;
  const ck_ruleset *rs = report->rs;
  ck_msg_lang lang = ck_report_lang(report);
  ck_level level = report->opts.level;
  ck_json j;
  ck_json_init(&j, out);
  ck_json_object(&j);
  ck_json_kv(&j, "$schema", SARIF_SCHEMA);
  ck_json_kv(&j, "version", "2.1.0");
  ck_json_key(&j, "runs");
  ck_json_array(&j);
  ck_json_object(&j);

  ck_json_key(&j, "tool");
  ck_json_object(&j);
  ck_json_key(&j, "driver");
  ck_json_object(&j);
  ck_json_kv(&j, "name", "circheck");
  ck_json_kv(&j, "version", ck_version());
  ck_json_kv(&j, "semanticVersion", ck_version());
  ck_json_kv(&j, "informationUri", CIRCHECK_HOMEPAGE);
  ck_json_key(&j, "rules");
  ck_json_array(&j);
  for (size_t i = 0; i < rs->nrules; i++)
    rule_sarif(&j, rs->rules[i], lang, level);
  for (int k = 0; k < CK_FINDING_KIND_COUNT; k++)
    finding_rule_sarif(&j, (ck_finding_kind)k, lang);
  ck_json_end_array(&j);
  ck_json_end_object(&j);
  ck_json_end_object(&j);

  invocations_sarif(&j, report);

  ck_json_key(&j, "artifacts");
  ck_json_array(&j);
  for (size_t d = 0; d < report->ndocs; d++) {
    const ck_doc_result *dr = report->docs[d];
    ck_json_object(&j);
    ck_json_key(&j, "location");
    ck_json_object(&j);
    uri_kv(&j, "uri", dr->path);
    ck_json_end_object(&j);
    ck_json_kv(&j, "mimeType", mime_type(dr->format));
    /* SARIF wants an IANA charset name; the BOM is not part of it. */
    ck_json_kv(&j, "encoding", strncmp(dr->encoding, "UTF-8", 5) == 0 ? "UTF-8" : dr->encoding);
    ck_json_end_object(&j);
  }
  ck_json_end_array(&j);

  ck_json_key(&j, "results");
  ck_json_array(&j);
  /* The threads fork from a copy: the joiner changes the writer itself. */
  const ck_json proto = j;
  ck_render_parts(report, opts->jobs, document_results_part, &proto, ck_json_join, &j, to);
  ck_json_end_array(&j);

  ck_json_kv(&j, "columnKind", "unicodeCodePoints");
  ck_json_kv(&j, "language", ck_msg_lang_name(lang));
  ck_json_end_object(&j);
  ck_json_end_array(&j);
  ck_json_end_object(&j);
}

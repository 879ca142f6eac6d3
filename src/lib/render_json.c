/* The JSON report: the outside contract of ../docs (cli-and-report), with
 * stable key order so that golden files stay byte-identical. */
#include "json_writer.h"
#include "messages.h"
#include "render_parts.h"
#include "report.h"

static void evidence_json(ck_json *j, const ck_evidence *e) {
  ck_json_object(j);
  ck_json_key(j, "line");
  ck_json_uint(j, e->line);
  ck_json_key(j, "column");
  ck_json_uint(j, e->col);
  ck_json_key(j, "end_line");
  ck_json_uint(j, e->end_line);
  ck_json_key(j, "end_column");
  ck_json_uint(j, e->end_col);
  ck_json_kv(j, "section", e->section);
  if (e->xpath)
    ck_json_kv(j, "xpath", e->xpath);
  ck_json_kv(j, "text", e->text);
  ck_json_key(j, "match");
  ck_json_string_n(j, e->text + e->hl_start, e->hl_end - e->hl_start);
  ck_json_end_object(j);
}

static void result_json(ck_json *j, const ck_doc_result *dr, const ck_result *r) {
  const ck_rule *rule = r->rule;
  ck_json_object(j);
  ck_json_kv(j, "rule", rule->id);
  ck_json_kv(j, "pack", rule->pack->id);
  ck_json_kv(j, "criterion", rule->criterion->id);
  ck_json_kv(j, "category", rule->criterion->category);
  ck_json_kv(j, "name", rule->name[dr->msg_lang]);
  ck_json_kv(j, "status", ck_result_shown_status(r));
  ck_json_kv(j, "reason", ck_reason_name(r->reason));
  if (r->superseded_by)
    ck_json_kv(j, "superseded_by", r->superseded_by->rule->id);
  ck_json_kv(j, "message", r->message);
  ck_buf fp = CK_BUF_INIT;
  ck_fingerprint(&fp, rule->id, dr->path, rule->criterion->id);
  ck_json_kv(j, "fingerprint", ck_buf_cstr(&fp));
  ck_buf_free(&fp);
  if (r->waiver) {
    const ck_result_waiver *w = r->waiver;
    ck_json_key(j, "waiver");
    ck_json_object(j);
    ck_json_kv(j, "status", ck_result_status_name(r->status));
    ck_json_kv(j, "reason", w->reason);
    ck_json_kv(j, "expires", w->expires[0] ? w->expires : NULL);
    ck_json_kv(j, "source", w->in_source ? "document" : "config");
    ck_json_kv(j, "file", w->file);
    ck_json_key(j, "line");
    ck_json_uint(j, w->line);
    ck_json_key(j, "column");
    ck_json_uint(j, w->col);
    ck_json_end_object(j);
  }
  if (r->baseline != CK_BASELINE_NONE)
    ck_json_kv(j, "baseline", ck_baseline_state_name(r->baseline));
  ck_json_key(j, "evidence");
  ck_json_array(j);
  for (size_t e = 0; e < r->nevidence; e++)
    evidence_json(j, &r->evidence[e]);
  ck_json_end_array(j);
  if (r->has_value && r->status != CK_STATUS_NOT_APPLICABLE) {
    ck_json_key(j, "value");
    ck_json_object(j);
    ck_json_key(j, "found");
    if (r->has_found)
      ck_json_number(j, r->found);
    else
      ck_json_null(j);
    ck_json_key(j, "required");
    ck_json_number(j, r->required);
    ck_json_kv(j, "unit", ck_unit_name(rule->value.unit));
    ck_json_kv(j, "compare",
               rule->value.compare == CK_COMPARE_AT_LEAST ? "at-least" : "at-most");
    ck_json_end_object(j);
  }
  if (r->has_env) {
    ck_json_key(j, "environment");
    ck_json_object(j);
    ck_json_kv(j, "way", ck_env_way_name(r->env.way));
    ck_json_key(j, "compliant");
    ck_json_bool(j, r->env.compliant);
    ck_json_key(j, "share");
    if (r->env.has_share)
      ck_json_number(j, r->env.share);
    else
      ck_json_null(j);
    ck_json_key(j, "best_rank");
    if (r->env.best_rank > 0)
      ck_json_uint(j, (unsigned long long)r->env.best_rank);
    else
      ck_json_null(j);
    ck_json_key(j, "weights_sum_to_100");
    ck_json_bool(j, r->env.sums_to_100);
    ck_json_end_object(j);
  }
  if (r->clause) {
    ck_json_key(j, "clause");
    ck_json_object(j);
    ck_buf id = CK_BUF_INIT;
    ck_buf_printf(&id, "clause.%s", rule->id);
    ck_json_kv(j, "id", ck_buf_cstr(&id));
    ck_buf_free(&id);
    ck_json_kv(j, "placement", ck_placement_name(rule->clause.placement));
    ck_json_kv(j, "text", r->clause);
    ck_json_kv(j, "verification", r->verify);
    ck_json_end_object(j);
  }
  ck_json_end_object(j);
}

static void packs_json(ck_json *j, const ck_pack_choice *packs, size_t n) {
  ck_json_key(j, "packs");
  ck_json_array(j);
  for (size_t i = 0; i < n; i++)
    ck_json_string(j, packs[i].pack->id);
  ck_json_end_array(j);
  ck_json_key(j, "pack_reasons");
  ck_json_array(j);
  for (size_t i = 0; i < n; i++) {
    ck_json_object(j);
    ck_json_kv(j, "pack", packs[i].pack->id);
    ck_json_kv(j, "why", packs[i].why);
    ck_json_end_object(j);
  }
  ck_json_end_array(j);
}

static void cpv_json(ck_json *j, char *const *cpv, size_t n) {
  ck_json_key(j, "cpv");
  ck_json_array(j);
  for (size_t i = 0; i < n; i++)
    ck_json_string(j, cpv[i]);
  ck_json_end_array(j);
}

/* results, criteria, summary: the same for a document and for a lot. */
/* A lot lists only the rules that apply to it: a notice of a hundred lots
   would otherwise repeat every other category's rules a hundred times. The
   document lists them all, so nothing is lost. */
static void outcome_json(ck_json *j, const ck_doc_result *dr, const ck_result *results,
                         size_t nresults, const ck_criterion_result *criteria,
                         size_t ncriteria, const size_t *counts, size_t waived,
                         bool applicable_only) {
  ck_json_key(j, "results");
  ck_json_array(j);
  for (size_t i = 0; i < nresults; i++)
    if (!applicable_only || results[i].status != CK_STATUS_NOT_APPLICABLE)
      result_json(j, dr, &results[i]);
  ck_json_end_array(j);
  /* what to change, most urgent first (ck_fix_first) */
  size_t *order = ck_xcalloc(ncriteria ? ncriteria : 1, sizeof *order);
  size_t nfix = ck_fix_first(criteria, ncriteria, order);
  ck_json_key(j, "fix_first");
  ck_json_array(j);
  for (size_t k = 0; k < nfix; k++) {
    const ck_criterion_result *c = &criteria[order[k]];
    ck_json_object(j);
    ck_json_kv(j, "criterion", c->criterion->id);
    ck_json_kv(j, "rule", c->best->rule->id);
    ck_json_kv(j, "status", ck_result_status_name(c->status));
    ck_json_kv(j, "kind", ck_fix_kind_name(ck_criterion_fix_kind(c)));
    ck_json_end_object(j);
  }
  ck_json_end_array(j);
  free(order);
  ck_json_key(j, "criteria");
  ck_json_array(j);
  for (size_t i = 0; i < ncriteria; i++) {
    const ck_criterion_result *c = &criteria[i];
    ck_json_object(j);
    ck_json_kv(j, "id", c->criterion->id);
    ck_json_kv(j, "category", c->criterion->category);
    ck_json_kv(j, "name", c->criterion->name[dr->msg_lang]);
    ck_json_kv(j, "status", c->best && c->best->waiver ? "waived"
                                                        : ck_result_status_name(c->status));
    ck_json_kv(j, "rule", c->best ? c->best->rule->id : NULL);
    ck_json_end_object(j);
  }
  ck_json_end_array(j);
  /* 'summary' counts rule results (the contract); 'criteria_summary' the
     verdicts per criterion that the other formats show. */
  ck_json_key(j, "summary");
  ck_json_object(j);
  for (int s = 0; s < CK_RESULT_STATUS_COUNT; s++) {
    ck_json_key(j, ck_result_status_name((ck_result_status)s));
    ck_json_uint(j, counts[s]);
  }
  ck_json_key(j, "waived");
  ck_json_uint(j, waived);
  ck_json_end_object(j);
  size_t verdicts[CK_RESULT_STATUS_COUNT] = {0}, waived_criteria = 0;
  for (size_t i = 0; i < ncriteria; i++) {
    if (criteria[i].best && criteria[i].best->waiver)
      waived_criteria++;
    else
      verdicts[criteria[i].status]++;
  }
  ck_json_key(j, "criteria_summary");
  ck_json_object(j);
  for (int s = 0; s < CK_RESULT_STATUS_COUNT; s++) {
    ck_json_key(j, ck_result_status_name((ck_result_status)s));
    ck_json_uint(j, verdicts[s]);
  }
  ck_json_key(j, "waived");
  ck_json_uint(j, waived_criteria);
  ck_json_end_object(j);
}

static void findings_json(ck_json *j, const ck_finding *f, size_t n) {
  ck_json_key(j, "findings");
  ck_json_array(j);
  for (size_t i = 0; i < n; i++) {
    ck_json_object(j);
    ck_json_kv(j, "kind", ck_finding_kind_name(f[i].kind));
    ck_json_kv(j, "message", f[i].message);
    ck_json_key(j, "line");
    ck_json_uint(j, f[i].line);
    ck_json_key(j, "column");
    ck_json_uint(j, f[i].col);
    if (f[i].xpath)
      ck_json_kv(j, "xpath", f[i].xpath);
    ck_json_end_object(j);
  }
  ck_json_end_array(j);
}

void ck_render_json_document(ck_json *j, const ck_doc_result *dr) {
  ck_json_object(j);
  ck_json_kv(j, "path", dr->path);
  ck_json_kv(j, "format", ck_input_format_name(dr->format));
  ck_json_kv(j, "encoding", dr->encoding);
  ck_json_kv(j, "language", ck_doc_result_language(dr));
  if (dr->other_lang != CK_OTHER_LANG_NONE)
    ck_json_kv(j, "rules_language", ck_lang_name(dr->lang));
  ck_json_kv(j, "report_language", ck_msg_lang_name(dr->msg_lang));
  ck_json_kv(j, "title", dr->title);
  /* a notice read from JSON Lines names its buyer and date; a file does not */
  if (dr->buyer)
    ck_json_kv(j, "buyer", dr->buyer);
  if (dr->date)
    ck_json_kv(j, "date", dr->date);
  cpv_json(j, dr->cpv, dr->ncpv);
  packs_json(j, dr->packs, dr->npacks);
  ck_json_kv(j, "level", ck_level_name(dr->level));
  outcome_json(j, dr, dr->results, dr->nresults, dr->criteria, dr->ncriteria, dr->counts,
               dr->waived, false);
  findings_json(j, dr->findings, dr->nfindings);
  if (dr->nlots) {
    ck_json_key(j, "lots");
    ck_json_array(j);
    for (size_t l = 0; l < dr->nlots; l++) {
      const ck_lot_result *lr = &dr->lots[l];
      ck_json_object(j);
      ck_json_kv(j, "id", lr->id);
      ck_json_kv(j, "title", lr->title);
      ck_json_key(j, "line");
      ck_json_uint(j, lr->line);
      if (lr->xpath)
        ck_json_kv(j, "xpath", lr->xpath);
      cpv_json(j, lr->cpv, lr->ncpv);
      packs_json(j, lr->packs, lr->npacks);
      outcome_json(j, dr, lr->results, lr->nresults, lr->criteria, lr->ncriteria, lr->counts,
                   lr->waived, true);
      findings_json(j, lr->findings, lr->nfindings);
      ck_json_end_object(j);
    }
    ck_json_end_array(j);
  }
  ck_json_end_object(j);
}

/* One document of the "documents" array, written apart (render_parts.h). */
static void document_part(const ck_report *report, size_t d, const void *ctx, ck_buf *part) {
  ck_json j;
  ck_json_fork(ctx, &j, part);
  ck_render_json_document(&j, report->docs[d]);
}

void ck_render_json_head(ck_json *j) {
  ck_json_object(j);
  /* The version of the report's shape (docs/report.schema.json): raised
     when a field changes meaning or goes away, not when one is added. */
  ck_json_key(j, "schema_version");
  ck_json_uint(j, CK_JSON_SCHEMA_VERSION);
  ck_json_key(j, "tool");
  ck_json_object(j);
  ck_json_kv(j, "name", "circheck");
  ck_json_kv(j, "version", ck_version());
  ck_json_end_object(j);
  ck_json_key(j, "documents");
  ck_json_array(j);
}

void ck_render_json_tail(ck_json *j, char *const *skipped, char *const *kinds, size_t n) {
  ck_json_end_array(j);
  /* files a folder walk met that circheck does not read: only when there are */
  if (n) {
    ck_json_key(j, "skipped");
    ck_json_array(j);
    for (size_t i = 0; i < n; i++) {
      ck_json_object(j);
      ck_json_kv(j, "path", skipped[i]);
      ck_json_kv(j, "type", kinds[i]);
      ck_json_end_object(j);
    }
    ck_json_end_array(j);
  }
  ck_json_end_object(j);
}

void ck_render_json(const ck_report *report, const ck_render_options *opts,
                    ck_render_out *to) {
  ck_json j;
  ck_json_init(&j, &to->buf);
  ck_render_json_head(&j);
  /* The threads fork from a copy: the joiner changes the writer itself. */
  const ck_json proto = j;
  ck_render_parts(report, opts->jobs, document_part, &proto, ck_json_join, &j, to);
  ck_render_json_tail(&j, report->skipped, report->skipped_kind, report->nskipped);
}

/* JSON Lines: each document's object on one line, nothing around them. */
static void document_line(const ck_report *report, size_t d, const void *ctx, ck_buf *part) {
  (void)ctx;
  ck_json j;
  ck_json_init_compact(&j, part);
  ck_render_json_document(&j, report->docs[d]);
}

void ck_render_jsonl(const ck_report *report, const ck_render_options *opts,
                     ck_render_out *to) {
  ck_render_parts(report, opts->jobs, document_line, NULL, NULL, NULL, to);
}

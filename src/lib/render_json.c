/* The JSON report: the outside contract of ../docs (cli-and-report), with
 * stable key order so that golden files stay byte-identical. */
#include "json_writer.h"
#include "messages.h"
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
  ck_json_kv(j, "status", ck_result_status_name(r->status));
  ck_json_kv(j, "reason", ck_reason_name(r->reason));
  ck_json_kv(j, "message", r->message);
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

static void document_json(ck_json *j, const ck_doc_result *dr) {
  ck_json_object(j);
  ck_json_kv(j, "path", dr->path);
  ck_json_kv(j, "format", ck_input_format_name(dr->format));
  ck_json_kv(j, "encoding", dr->encoding);
  ck_json_kv(j, "language", ck_lang_name(dr->lang));
  ck_json_kv(j, "report_language", ck_msg_lang_name(dr->msg_lang));
  ck_json_kv(j, "title", dr->title);
  ck_json_key(j, "cpv");
  ck_json_array(j);
  for (size_t i = 0; i < dr->ncpv; i++)
    ck_json_string(j, dr->cpv[i]);
  ck_json_end_array(j);
  ck_json_key(j, "packs");
  ck_json_array(j);
  for (size_t i = 0; i < dr->npacks; i++)
    ck_json_string(j, dr->packs[i].pack->id);
  ck_json_end_array(j);
  ck_json_key(j, "pack_reasons");
  ck_json_array(j);
  for (size_t i = 0; i < dr->npacks; i++) {
    ck_json_object(j);
    ck_json_kv(j, "pack", dr->packs[i].pack->id);
    ck_json_kv(j, "why", dr->packs[i].why);
    ck_json_end_object(j);
  }
  ck_json_end_array(j);
  ck_json_kv(j, "level", ck_level_name(dr->level));
  ck_json_key(j, "results");
  ck_json_array(j);
  for (size_t i = 0; i < dr->nresults; i++)
    result_json(j, dr, &dr->results[i]);
  ck_json_end_array(j);
  ck_json_key(j, "criteria");
  ck_json_array(j);
  for (size_t i = 0; i < dr->ncriteria; i++) {
    const ck_criterion_result *c = &dr->criteria[i];
    ck_json_object(j);
    ck_json_kv(j, "id", c->criterion->id);
    ck_json_kv(j, "category", c->criterion->category);
    ck_json_kv(j, "name", c->criterion->name[dr->msg_lang]);
    ck_json_kv(j, "status", ck_result_status_name(c->status));
    ck_json_kv(j, "rule", c->best ? c->best->rule->id : NULL);
    ck_json_end_object(j);
  }
  ck_json_end_array(j);
  ck_json_key(j, "summary");
  ck_json_object(j);
  for (int s = 0; s < CK_RESULT_STATUS_COUNT; s++) {
    ck_json_key(j, ck_result_status_name((ck_result_status)s));
    ck_json_uint(j, dr->counts[s]);
  }
  ck_json_end_object(j);
  ck_json_end_object(j);
}

void ck_render_json(const ck_report *report, const ck_render_options *opts, ck_buf *out) {
  (void)opts;
  ck_json j;
  ck_json_init(&j, out);
  ck_json_object(&j);
  ck_json_key(&j, "tool");
  ck_json_object(&j);
  ck_json_kv(&j, "name", "circheck");
  ck_json_kv(&j, "version", ck_version());
  ck_json_end_object(&j);
  ck_json_key(&j, "documents");
  ck_json_array(&j);
  for (size_t d = 0; d < report->ndocs; d++)
    document_json(&j, report->docs[d]);
  ck_json_end_array(&j);
  ck_json_end_object(&j);
}

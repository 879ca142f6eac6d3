/* `circheck rules list` and `circheck rules test`: the rule set describing
 * and checking itself. Every example in a rule file is a tiny document that
 * must give the status (and reason) the rule author wrote down. */
#include <string.h>

#include "eval.h"
#include "messages.h"
#include "read_document.h"

static void example_document(const ck_example *ex, ck_buf *text) {
  ck_buf_reset(text);
  if (ex->has_section && ex->section)
    ck_buf_printf(text, "# %s\n\n", ex->section);
  ck_buf_puts(text, ex->text);
  ck_buf_putc(text, '\n');
}

/* Runs one example; returns true when it gives what it expects. */
static bool run_example(const ck_ruleset *rs, const ck_rule *rule, const ck_example *ex,
                        ck_buf *text, FILE *out) {
  ck_diags diags = CK_DIAGS_INIT;
  example_document(ex, text);
  ck_doc *doc = ck_document_from_text(rule->file, text->ptr, text->len, ex->lang, &diags);
  bool ok = false;
  if (!doc) {
    fprintf(out, "%s:%u:%u: error: %s: example cannot be read: %s\n", rule->file, ex->line,
            ex->col, rule->id, diags.n ? diags.items[0].msg : "unknown problem");
    ck_diags_free(&diags);
    return false;
  }
  ck_eval_options eo = {.level = ex->level,
                        .msg_lang_set = true,
                        .msg_lang = CK_MSG_EN,
                        .only_rule = rule};
  ck_doc_result *dr = ck_evaluate(rs, doc, &eo);
  const ck_result *r = dr->nresults ? &dr->results[0] : NULL;
  if (r) {
    ok = r->status == ex->expect && (!ex->has_reason || r->reason == ex->reason);
    /* a subject rule that finds nothing does not apply: its no-match */
    if (rule->subject && ex->expect == CK_STATUS_FAIL && ex->has_reason &&
        ex->reason == CK_REASON_ABSENT)
      ok = r->reason == CK_REASON_NOT_SUBJECT;
    if (!ok) {
      fprintf(out, "%s:%u:%u: error: %s: example expected %s", rule->file, ex->line, ex->col,
              rule->id, ex->has_reason && ex->reason == CK_REASON_ABSENT &&
                                ex->expect == CK_STATUS_FAIL
                            ? "no-match"
                            : ck_result_status_name(ex->expect));
      if (ex->has_reason)
        fprintf(out, " (%s)", ck_reason_name(ex->reason));
      fprintf(out, ", got %s (%s): %s\n", ck_result_status_name(r->status),
              ck_reason_name(r->reason), ex->text);
    }
  }
  ck_doc_result_free(dr);
  ck_doc_free(doc);
  ck_diags_free(&diags);
  return ok;
}

size_t ck_rules_test(const ck_ruleset *rs, const char *pack, FILE *out) {
  size_t passed = 0, failed = 0;
  ck_buf text = CK_BUF_INIT;
  for (size_t i = 0; i < rs->nrules; i++) {
    const ck_rule *rule = rs->rules[i];
    if (pack && strcmp(rule->pack->id, pack) != 0)
      continue;
    for (size_t e = 0; e < rule->nexamples; e++) {
      if (run_example(rs, rule, &rule->examples[e], &text, out))
        passed++;
      else
        failed++;
    }
  }
  ck_buf_free(&text);
  fprintf(out, "%zu passed, %zu failed\n", passed, failed);
  return failed;
}

static void figures(const ck_rule *rule, ck_msg_lang lang, ck_buf *out) {
  if (!rule->value.present)
    return;
  ck_buf_puts(out, rule->value.compare == CK_COMPARE_AT_LEAST ? ">= " : "<= ");
  for (int l = 0; l < CK_LEVEL_COUNT; l++) {
    if (l)
      ck_buf_puts(out, " / ");
    ck_format_number(lang, rule->value.threshold[l], out);
  }
  ck_buf_printf(out, " %s", ck_unit_label(lang, rule->value.unit, 2));
}

void ck_rules_list(const ck_ruleset *rs, ck_msg_lang lang, FILE *out) {
  ck_buf line = CK_BUF_INIT;
  for (size_t p = 0; p < rs->npacks; p++) {
    const ck_pack *pack = rs->packs[p];
    ck_buf_reset(&line);
    ck_buf_printf(&line, "%s: %s", pack->id, pack->name[lang]);
    if (pack->always)
      ck_buf_printf(&line, " (%s)", ck_msg(lang, CK_MSG_PACK_ALWAYS));
    else if (pack->ncpv) {
      ck_buf_puts(&line, " (CPV");
      for (size_t i = 0; i < pack->ncpv; i++)
        ck_buf_printf(&line, " %s", pack->cpv[i]);
      ck_buf_puts(&line, ")");
    }
    fprintf(out, "%s\n", line.ptr);
    for (size_t r = 0; r < pack->nrules; r++) {
      const ck_rule *rule = pack->rules[r];
      ck_buf_reset(&line);
      ck_buf_printf(&line, "  %-30s %-28s %-14s ", rule->id, rule->criterion->id,
                    ck_placement_name(rule->clause.placement));
      figures(rule, lang, &line);
      fprintf(out, "%s\n", line.ptr);
      fprintf(out, "      %s; %s\n", rule->name[lang], rule->source ? rule->source : "");
    }
  }
  fprintf(out, "\n%zu packs, %zu rules, %zu criteria; levels: basic, advanced, spearhead\n",
          rs->npacks, rs->nrules, rs->ncriteria);
  ck_buf_free(&line);
}

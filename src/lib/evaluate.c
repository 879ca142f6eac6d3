/* From a document to its results: packs and rules per document or per lot,
 * the environment weight from award criteria, roll-ups, and consistency
 * findings. The rules themselves are judged in rule_eval.c. */
#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "award.h"
#include "eval.h"
#include "messages.h"

#define ENV_CRITERION "award.environment-weight"
/* FOA § 7-9: the environment weight a rule asks for when it has no figure. */
#define DEFAULT_ENV_THRESHOLD 30.0

static const char *const finding_names[] = {
    [CK_FINDING_GREEN_CODE_WITHOUT_TEXT] = "green-code-without-circular-requirements",
    [CK_FINDING_GREEN_CODE_WITHOUT_ENV_IMP] = "green-code-without-env-imp",
    [CK_FINDING_WEIGHTS_NOT_100] = "weights-not-100",
    [CK_FINDING_OTHER_LANGUAGE] = "other-language",
    [CK_FINDING_WAIVER_EXPIRED] = "waiver-expired",
};
static_assert(sizeof finding_names / sizeof *finding_names == CK_FINDING_KIND_COUNT,
              "finding_names");

const char *ck_finding_kind_name(ck_finding_kind k) { return finding_names[k]; }

const char *ck_doc_result_language(const ck_doc_result *dr) {
  const char *other = ck_other_lang_name(dr->other_lang);
  return other ? other : ck_lang_name(dr->lang);
}

static char *xstrdup_or_null(const char *s) { return s ? ck_xstrdup(s) : NULL; }

static char **copy_strings(char *const *src, size_t n) {
  char **out = ck_xcalloc(n, sizeof *out);
  for (size_t i = 0; i < n; i++)
    out[i] = ck_xstrdup(src[i]);
  return out;
}

static void free_strings(char **s, size_t n) {
  for (size_t i = 0; i < n; i++)
    free(s[i]);
  free(s);
}

/* What one evaluation produces, for the document or for one lot. */
typedef struct scope_out {
  ck_pack_choice *packs;
  size_t npacks;
  ck_result *results;
  size_t nresults;
  size_t counts[CK_RESULT_STATUS_COUNT];
} scope_out;

/* --- environment weight from award criteria ------------------------------------------ */

static void env_evidence(const ck_doc *doc, const ck_award_criterion *c, ck_result *r) {
  ck_evidence *e = ck_xcalloc(1, sizeof *e);
  ck_buf text = CK_BUF_INIT;
  ck_buf_puts(&text, c->name ? c->name : (c->type ? c->type : ""));
  size_t name_len = text.len;
  if (c->weight_kind != CK_WEIGHT_NONE) {
    char num[32];
    snprintf(num, sizeof num, "%.10g", c->weight);
    ck_buf_printf(&text, c->weight_kind == CK_WEIGHT_PERCENT ? ": %s %%"
                         : c->weight_kind == CK_WEIGHT_RANK  ? ": #%s"
                                                             : ": %s",
                  num);
  }
  e->line = e->end_line = c->line;
  e->col = c->col;
  e->end_col = c->col;
  e->xpath = xstrdup_or_null(c->xpath);
  e->section = ck_xstrdup("");
  /* A text tender's weights row sits in a section; say which. */
  for (size_t b = 0; b < doc->nblocks && !c->xpath; b++) {
    unsigned line, col;
    ck_doc_position(doc, doc->blocks[b].start, &line, &col);
    if (line == c->line) {
      free(e->section);
      e->section = ck_doc_block_section_path(doc, b);
      break;
    }
  }
  e->hl_start = 0;
  e->hl_end = name_len;
  e->text = ck_buf_detach(&text);
  r->evidence = e;
  r->nevidence = 1;
}

/* Replaces the text-based result of the environment-weight rule with one
   computed from the award criteria, when there are any. */
static void apply_env_weight(ck_rule_eval *ev, const ck_doc *doc, const ck_award_criterion *c,
                             size_t n, ck_msg_lang lang, ck_level level, ck_result *r) {
  const ck_rule *rule = r->rule;
  if (n == 0 || r->status == CK_STATUS_NOT_APPLICABLE ||
      strcmp(rule->criterion->id, ENV_CRITERION) != 0)
    return;
  double threshold = rule->value.present ? rule->value.threshold[level] : DEFAULT_ENV_THRESHOLD;
  ck_env_weight w = ck_env_weight_compute(c, n, threshold);
  ck_result_clear(r);
  r->has_env = true;
  r->env = w;
  r->has_value = true;
  r->required = threshold;
  r->has_found = w.has_share || w.way == CK_ENV_BY_RANK || w.way == CK_ENV_ABSENT;
  r->found = w.way == CK_ENV_BY_RANK || (w.way == CK_ENV_TOO_LOW && w.best_rank > 0)
                 ? (double)w.best_rank
                 : (w.has_share ? w.share : 0);
  ck_msg_id msg;
  switch (w.way) {
  case CK_ENV_BY_WEIGHT: r->reason = CK_REASON_MET; msg = CK_MSG_ENV_BY_WEIGHT; break;
  case CK_ENV_BY_RANK: r->reason = CK_REASON_MET; msg = CK_MSG_ENV_BY_RANK; break;
  case CK_ENV_BY_SPEC: r->reason = CK_REASON_MET; msg = CK_MSG_ENV_BY_SPEC; break;
  case CK_ENV_EXEMPT: r->reason = CK_REASON_MET; msg = CK_MSG_ENV_EXEMPT; break;
  case CK_ENV_TOO_LOW:
    r->reason = CK_REASON_BELOW_THRESHOLD;
    msg = w.best_rank > 0 && !w.has_share ? CK_MSG_ENV_RANK_TOO_LOW : CK_MSG_ENV_TOO_LOW;
    break;
  case CK_ENV_WITHHELD: r->reason = CK_REASON_NO_FIGURE; msg = CK_MSG_ENV_WITHHELD; break;
  default: r->reason = CK_REASON_ABSENT; msg = CK_MSG_ENV_ABSENT; break;
  }
  r->status = r->reason == CK_REASON_MET ? CK_STATUS_PASS
              : r->reason == CK_REASON_ABSENT ? CK_STATUS_FAIL
                                              : CK_STATUS_PARTIAL;
  if (w.decisive < n)
    env_evidence(doc, &c[w.decisive], r);
  /* The catalogue's sentence names the way it complied; {name} is the
     decisive criterion's code for exemptions. */
  ck_buf found = CK_BUF_INIT, required = CK_BUF_INIT, out = CK_BUF_INIT;
  ck_format_number(lang, r->found, &found);
  ck_format_number(lang, threshold, &required);
  ck_template_values v = {.name = w.decisive < n && c[w.decisive].type ? c[w.decisive].type : "",
                          .found = ck_buf_cstr(&found),
                          .required = ck_buf_cstr(&required)};
  ck_fill_template(ck_msg(lang, msg), &v, &out);
  r->message = ck_buf_detach(&out);
  r->message_owned = true;
  ck_buf_free(&found);
  ck_buf_free(&required);
  if (r->status != CK_STATUS_PASS)
    ck_rule_eval_set_clause(ev, r);
}

/* --- one scope: the document, or one lot ---------------------------------------------- */

/* A rule that could not be judged still shows its clause: nothing showed
   that the document states the requirement, so the buyer may need it, as
   for any result that is not a pass. */
static void add_error_clause(ck_rule_eval *ev, ck_result *r) {
  if (r->status != CK_STATUS_ERROR)
    return;
  if (!r->clause && !r->verify)
    ck_rule_eval_set_clause(ev, r);
}

/* Whether 'r' says something about its criterion in this document: what
   it found, or that it could not be judged; not merely that nothing was
   found. */
static bool has_evidence(const ck_result *r) {
  return r->status == CK_STATUS_PASS || r->status == CK_STATUS_PARTIAL ||
         r->status == CK_STATUS_ERROR ||
         (r->status == CK_STATUS_FAIL && r->reason != CK_REASON_ABSENT);
}

/* Rank for "best" among the rules of one criterion, lower is better: one
   passing rule meets the criterion whatever the others say; otherwise a rule
   that could not be judged (error) might have passed, so the criterion is
   an error rather than the partial or fail of the rules that were judged. */
static int best_rank(ck_result_status s) {
  switch (s) {
  case CK_STATUS_PASS: return 0;
  case CK_STATUS_ERROR: return 1;
  case CK_STATUS_PARTIAL: return 2;
  default: return 3; /* fail; not-applicable rules are skipped */
  }
}

/* Rules of packs that were not chosen speak for a criterion only when no
   chosen rule found anything about it, and then one of them: the best,
   the first on a tie. A laptop tender's "3 års garanti" is judged by the
   ICT pack's figure alone; a text with no known category shows its warranty
   sentence once, not once per pack with a warranty rule.
   Likewise a subject rule that found only an option ("ny eller brukt")
   gives way to another chosen rule that found the criterion: that rule
   judged the sentence with its category's words and figures. And a general
   rule of the core pack gives way to a chosen category pack's rule that
   found the criterion as well or better: "3 års garanti" in a laptop tender
   is judged by the ICT figure, and so is any sentence both quote. A core
   pass from another sentence stays beside a category rule's partial (they
   read different things: hazardous substances in general and dosing of
   cleaning agents). Where the core rule found nothing, the
   category rule's result (with its category's clause) is the one reported. */
/* Whether a chosen category rule of criterion 'crit' quotes the sentence
   that core rule 'core' quotes: the same statement, judged with the
   category's words and figures. */
static bool category_quotes_same(const ck_result *results, size_t n, const ck_criterion *crit,
                                 const ck_result *core) {
  if (!core->nevidence)
    return false;
  for (size_t i = 0; i < n; i++) {
    const ck_result *r = &results[i];
    if (r->rule->criterion == crit && !r->other_pack && !r->rule->subject &&
        !r->rule->pack->always && r->nevidence &&
        r->evidence[0].line == core->evidence[0].line &&
        r->evidence[0].col == core->evidence[0].col)
      return true;
  }
  return false;
}

static void settle_other_packs(ck_rule_eval *ev, const ck_ruleset *rs, ck_result *results,
                               size_t n) {
  for (size_t c = 0; c < rs->ncriteria; c++) {
    const ck_criterion *crit = &rs->criteria[c];
    bool chosen_found = false, chosen_found_plain = false;
    bool category_applies = false; /* a chosen category rule judged it, found or not */
    int category_best = 4;         /* best_rank of what chosen category rules found */
    const ck_result *keep = NULL;
    for (size_t i = 0; i < n; i++) {
      const ck_result *r = &results[i];
      if (r->rule->criterion != crit)
        continue;
      if (!r->other_pack && !r->rule->subject && !r->rule->pack->always &&
          r->status != CK_STATUS_NOT_APPLICABLE) {
        category_applies = true;
        if (has_evidence(r) && best_rank(r->status) < category_best)
          category_best = best_rank(r->status);
      }
      if (!r->other_pack && has_evidence(r)) {
        chosen_found = true;
        chosen_found_plain = chosen_found_plain || !r->rule->subject;
      }
      if (r->other_pack && r->status != CK_STATUS_NOT_APPLICABLE &&
          (!keep || best_rank(r->status) < best_rank(keep->status)))
        keep = r;
    }
    for (size_t i = 0; i < n; i++) {
      ck_result *r = &results[i];
      if (r->rule->criterion == crit && r->other_pack &&
          r->status != CK_STATUS_NOT_APPLICABLE && (chosen_found || r != keep))
        ck_rule_eval_withdraw(ev, r, CK_REASON_PACK_NOT_SELECTED);
      else if (r->rule->criterion == crit && !r->other_pack && r->rule->subject &&
               r->reason == CK_REASON_SUBJECT_ALTERNATIVE && chosen_found_plain)
        ck_rule_eval_withdraw(ev, r, CK_REASON_NOT_SUBJECT);
      else if (r->rule->criterion == crit && !r->other_pack && !r->rule->subject &&
               r->rule->pack->always && r->status != CK_STATUS_NOT_APPLICABLE &&
               (category_best <= best_rank(r->status) ||
                (category_applies && r->reason == CK_REASON_ABSENT) ||
                category_quotes_same(results, n, crit, r)))
        ck_rule_eval_withdraw(ev, r, CK_REASON_CATEGORY_RULE);
    }
  }
}

static void evaluate_scope(ck_rule_eval *ev, const ck_ruleset *rs, const ck_doc *doc,
                           const ck_eval_options *opts, ck_msg_lang lang, char *const *cpv,
                           size_t ncpv, const char *title, const ck_award_criterion *criteria,
                           size_t ncriteria, scope_out *out) {
  bool *chosen = ck_xcalloc(rs->npacks, sizeof *chosen);
  out->packs = ck_xcalloc(rs->npacks, sizeof *out->packs);
  for (size_t i = 0; i < rs->npacks; i++) {
    char *why = ck_rule_eval_pack_reason(ev, rs->packs[i], cpv, ncpv, title);
    if (why) {
      chosen[i] = true;
      out->packs[out->npacks++] = (ck_pack_choice){rs->packs[i], why};
    }
  }
  out->results = ck_xcalloc(rs->nrules, sizeof *out->results);
  for (size_t i = 0; i < rs->nrules; i++) {
    const ck_rule *rule = rs->rules[i];
    if (opts->only_rule && rule != opts->only_rule)
      continue;
    bool pack_chosen = false;
    for (size_t p = 0; p < rs->npacks; p++)
      if (rs->packs[p] == rule->pack)
        pack_chosen = chosen[p];
    ck_result *r = &out->results[out->nresults++];
    ck_rule_eval_rule(ev, rule, pack_chosen, r);
    add_error_clause(ev, r);
    apply_env_weight(ev, doc, criteria, ncriteria, lang, opts->level, r);
  }
  free(chosen);
  settle_other_packs(ev, rs, out->results, out->nresults);
  for (size_t i = 0; i < out->nresults; i++)
    out->counts[out->results[i].status]++;
}


/* Per criterion, the best result of its rules (other packs' rules are
   settled already: see settle_other_packs), unless a floor rule that applies
   is not met: then the worst such floor decides, so a tender that asks less
   than the law is never shown as meeting the criterion through another
   rule. */
static ck_criterion_result *roll_up(const ck_ruleset *rs, const ck_result *results, size_t n) {
  ck_criterion_result *out = ck_xcalloc(rs->ncriteria, sizeof *out);
  for (size_t c = 0; c < rs->ncriteria; c++) {
    ck_criterion_result *cr = &out[c];
    const ck_result *floor = NULL;
    cr->criterion = &rs->criteria[c];
    cr->status = CK_STATUS_NOT_APPLICABLE;
    for (size_t i = 0; i < n; i++) {
      const ck_result *r = &results[i];
      if (r->rule->criterion != cr->criterion || r->status == CK_STATUS_NOT_APPLICABLE)
        continue;
      if (!cr->best || best_rank(r->status) < best_rank(cr->status)) {
        cr->status = r->status;
        cr->best = r;
      }
      if (r->rule->floor && r->status != CK_STATUS_PASS &&
          (!floor || best_rank(r->status) > best_rank(floor->status)))
        floor = r;
    }
    if (floor) {
      cr->status = floor->status;
      cr->best = floor;
    }
  }
  return out;
}

const char *ck_fix_kind_name(ck_fix_kind k) {
  static const char *const names[] = {"legal", "category", "general", "weak", "unjudged", "none"};
  return (unsigned)k <= CK_FIX_NONE ? names[k] : "none";
}

ck_fix_kind ck_criterion_fix_kind(const ck_criterion_result *c) {
  if (!c->best || c->status == CK_STATUS_PASS || c->status == CK_STATUS_NOT_APPLICABLE)
    return CK_FIX_NONE;
  /* accepted on purpose, or already known from the baseline report */
  if (c->best->waiver || c->best->baseline == CK_BASELINE_UNCHANGED)
    return CK_FIX_NONE;
  if (c->status == CK_STATUS_ERROR)
    return CK_FIX_UNJUDGED;
  if (c->best->rule->floor)
    return CK_FIX_LEGAL;
  if (c->status == CK_STATUS_PARTIAL)
    return CK_FIX_WEAK;
  return c->best->rule->pack->always ? CK_FIX_GENERAL : CK_FIX_CATEGORY;
}

size_t ck_fix_first(const ck_criterion_result *criteria, size_t n, size_t *order) {
  size_t k = 0;
  /* a stable pass per kind keeps the criteria table's order within a kind */
  for (int kind = CK_FIX_LEGAL; kind < CK_FIX_NONE; kind++)
    for (size_t i = 0; i < n; i++)
      if (ck_criterion_fix_kind(&criteria[i]) == (ck_fix_kind)kind)
        order[k++] = i;
  return k;
}

/* Marks each result that is worse than the verdict of its criterion as
   superseded by the result that decided it: one verdict per criterion, which
   every report shows and the exit status follows. */
static void mark_superseded(ck_result *results, size_t n, const ck_criterion_result *criteria,
                            size_t ncriteria) {
  for (size_t i = 0; i < n; i++) {
    ck_result *r = &results[i];
    r->superseded_by = NULL;
    if (r->status == CK_STATUS_NOT_APPLICABLE || r->status == CK_STATUS_PASS)
      continue;
    for (size_t c = 0; c < ncriteria; c++) {
      const ck_criterion_result *cr = &criteria[c];
      if (cr->criterion != r->rule->criterion)
        continue;
      if (cr->best && cr->best != r && best_rank(cr->status) < best_rank(r->status))
        r->superseded_by = cr->best;
      break;
    }
  }
}

/* --- findings ------------------------------------------------------------------------ */

static void add_finding(ck_finding **items, size_t *n, ck_finding_kind kind, ck_msg_lang lang,
                        const char *name, const char *found, unsigned line, unsigned col,
                        const char *xpath) {
  *items = ck_xrealloc(*items, (*n + 1) * sizeof **items);
  ck_finding *f = &(*items)[(*n)++];
  ck_buf msg = CK_BUF_INIT;
  ck_template_values v = {.name = name, .found = found};
  static const ck_msg_id ids[] = {
      [CK_FINDING_GREEN_CODE_WITHOUT_TEXT] = CK_MSG_FINDING_GREEN_NO_TEXT,
      [CK_FINDING_GREEN_CODE_WITHOUT_ENV_IMP] = CK_MSG_FINDING_GREEN_NO_ENV_IMP,
      [CK_FINDING_WEIGHTS_NOT_100] = CK_MSG_FINDING_WEIGHTS_NOT_100,
      [CK_FINDING_OTHER_LANGUAGE] = CK_MSG_FINDING_OTHER_LANGUAGE,
      [CK_FINDING_WAIVER_EXPIRED] = CK_MSG_FINDING_WAIVER_EXPIRED,
  };
  ck_fill_template(ck_msg(lang, ids[kind]), &v, &msg);
  *f = (ck_finding){kind, ck_buf_detach(&msg), line, col, xstrdup_or_null(xpath)};
}

static bool has_code(const ck_lot *lot, const char *code) {
  for (size_t i = 0; i < lot->ncodes; i++)
    if (strcmp(lot->codes[i], code) == 0)
      return true;
  return false;
}

/* A green code promises something the text should then demand: some rule of
   the reuse, lifetime, material or waste categories at least partly met. A
   rule that could not be judged (error) may have been met, so it does not
   let the finding claim that nothing is required. */
static bool requires_something_circular(const ck_result *results, size_t n) {
  for (size_t i = 0; i < n; i++) {
    const char *cat = results[i].rule->criterion->category;
    ck_result_status st = results[i].status;
    if ((st == CK_STATUS_PASS || st == CK_STATUS_PARTIAL || st == CK_STATUS_ERROR) &&
        (strcmp(cat, "reuse") == 0 || strcmp(cat, "lifetime") == 0 ||
         strcmp(cat, "material") == 0 || strcmp(cat, "waste") == 0))
      return true;
  }
  return false;
}

static void weights_finding(const ck_award_criterion *c, size_t n, const char *name,
                            ck_msg_lang lang, ck_finding **items, size_t *count) {
  if (n == 0)
    return;
  ck_env_weight w = ck_env_weight_compute(c, n, DEFAULT_ENV_THRESHOLD);
  if (w.percent_sum > 0 && w.weights_complete && !w.sums_to_100) {
    ck_buf sum = CK_BUF_INIT;
    ck_format_number(lang, w.percent_sum, &sum);
    add_finding(items, count, CK_FINDING_WEIGHTS_NOT_100, lang, name, ck_buf_cstr(&sum),
                c[0].line, c[0].col, c[0].xpath);
    ck_buf_free(&sum);
  }
}

static void lot_findings(const ck_lot *lot, ck_lot_result *lr, ck_msg_lang lang) {
  const char *green = NULL;
  for (size_t i = 0; i < lot->ncodes && !green; i++) {
    const char *code = lot->codes[i];
    if (strcmp(code, "environmental-impact:circ-econ") == 0 ||
        strcmp(code, "gpp-criteria:eu") == 0 || strcmp(code, "gpp-criteria:national") == 0)
      green = code;
  }
  if (green && !requires_something_circular(lr->results, lr->nresults))
    add_finding(&lr->findings, &lr->nfindings, CK_FINDING_GREEN_CODE_WITHOUT_TEXT, lang,
                lot->id, green, lot->line, lot->col, lot->xpath);
  for (size_t i = 0; i < lot->ncodes; i++)
    if (strncmp(lot->codes[i], "environmental-impact:", 21) == 0 &&
        !has_code(lot, "strategic-procurement:env-imp")) {
      add_finding(&lr->findings, &lr->nfindings, CK_FINDING_GREEN_CODE_WITHOUT_ENV_IMP, lang,
                  lot->id, lot->codes[i], lot->line, lot->col, lot->xpath);
      break;
    }
  weights_finding(lot->criteria, lot->ncriteria, lot->id, lang, &lr->findings, &lr->nfindings);
}

/* --- copying results (the document roll-up of lots) ---------------------------------------- */

static void copy_result(const ck_result *src, ck_result *dst) {
  *dst = *src;
  dst->evidence = NULL;
  if (src->nevidence) {
    dst->evidence = ck_xcalloc(src->nevidence, sizeof *dst->evidence);
    for (size_t e = 0; e < src->nevidence; e++) {
      const ck_evidence *a = &src->evidence[e];
      ck_evidence *b = &dst->evidence[e];
      *b = *a;
      b->section = ck_xstrdup(a->section);
      b->xpath = xstrdup_or_null(a->xpath);
      b->text = ck_xstrdup(a->text);
    }
  }
  if (src->message_owned)
    dst->message = xstrdup_or_null(src->message);
  if (src->clause_owned) {
    dst->clause = xstrdup_or_null(src->clause);
    dst->verify = xstrdup_or_null(src->verify);
  }
}

/* Rank for "worst" across lots: error (could not be judged) is worse than
   fail, fail than partial, partial than pass; not-applicable never wins. */
static int badness(ck_result_status s) {
  static_assert(CK_STATUS_PASS < CK_STATUS_PARTIAL && CK_STATUS_PARTIAL < CK_STATUS_FAIL &&
                    CK_STATUS_FAIL < CK_STATUS_ERROR,
                "statuses from best to worst");
  return s == CK_STATUS_NOT_APPLICABLE ? -1 : (int)s;
}

static void roll_up_lots(const ck_ruleset *rs, ck_doc_result *dr) {
  size_t nrules = dr->lots[0].nresults;
  dr->results = ck_xcalloc(nrules, sizeof *dr->results);
  dr->nresults = nrules;
  for (size_t i = 0; i < nrules; i++) {
    const ck_result *worst = &dr->lots[0].results[i];
    for (size_t l = 1; l < dr->nlots; l++)
      if (badness(dr->lots[l].results[i].status) > badness(worst->status))
        worst = &dr->lots[l].results[i];
    copy_result(worst, &dr->results[i]);
    dr->counts[worst->status]++;
  }
  /* Per criterion, the worst status among the lots where it applies. */
  dr->ncriteria = rs->ncriteria;
  dr->criteria = ck_xcalloc(rs->ncriteria, sizeof *dr->criteria);
  for (size_t c = 0; c < rs->ncriteria; c++) {
    ck_criterion_result *cr = &dr->criteria[c];
    cr->criterion = &rs->criteria[c];
    cr->status = CK_STATUS_NOT_APPLICABLE;
    for (size_t l = 0; l < dr->nlots; l++) {
      const ck_criterion_result *lc = &dr->lots[l].criteria[c];
      if (badness(lc->status) > badness(cr->status)) {
        cr->status = lc->status;
        cr->best = &dr->results[lc->best - dr->lots[l].results];
      }
    }
  }
  /* The document's packs: every pack some lot uses, once, by id. */
  dr->packs = ck_xcalloc(rs->npacks, sizeof *dr->packs);
  for (size_t p = 0; p < rs->npacks; p++)
    for (size_t l = 0; l < dr->nlots; l++) {
      const ck_pack_choice *hit = NULL;
      for (size_t k = 0; k < dr->lots[l].npacks && !hit; k++)
        if (dr->lots[l].packs[k].pack == rs->packs[p])
          hit = &dr->lots[l].packs[k];
      if (hit) {
        dr->packs[dr->npacks++] = (ck_pack_choice){hit->pack, ck_xstrdup(hit->why)};
        break;
      }
    }
}

/* --- the document ------------------------------------------------------------------------------ */

static void evaluate_lots(ck_rule_eval *ev, const ck_ruleset *rs, const ck_doc *doc,
                          const ck_eval_options *opts, ck_doc_result *dr) {
  int *block_lot = ck_xcalloc(doc->nblocks, sizeof *block_lot);
  for (size_t b = 0; b < doc->nblocks; b++)
    block_lot[b] = -1;
  for (size_t l = 0; l < doc->nlots; l++)
    for (size_t b = doc->lots[l].block_start; b < doc->lots[l].block_end && b < doc->nblocks; b++)
      block_lot[b] = (int)l;

  dr->nlots = doc->nlots;
  dr->lots = ck_xcalloc(doc->nlots, sizeof *dr->lots);
  for (size_t l = 0; l < doc->nlots; l++) {
    const ck_lot *lot = &doc->lots[l];
    ck_lot_result *lr = &dr->lots[l];
    ck_rule_eval_set_lot(ev, block_lot, (int)l);
    /* A lot without its own codes or criteria inherits the procedure's. */
    char *const *cpv = lot->ncpv ? lot->cpv : doc->cpv;
    size_t ncpv = lot->ncpv ? lot->ncpv : doc->ncpv;
    const ck_award_criterion *crit = lot->ncriteria ? lot->criteria : doc->criteria;
    size_t ncrit = lot->ncriteria ? lot->ncriteria : doc->ncriteria;
    scope_out so = {0};
    evaluate_scope(ev, rs, doc, opts, dr->msg_lang, cpv, ncpv,
                   lot->title ? lot->title : doc->title, crit, ncrit, &so);
    lr->id = ck_xstrdup(lot->id ? lot->id : "");
    lr->title = xstrdup_or_null(lot->title);
    lr->line = lot->line;
    lr->col = lot->col;
    lr->xpath = xstrdup_or_null(lot->xpath);
    lr->cpv = copy_strings(lot->cpv, lot->ncpv);
    lr->ncpv = lot->ncpv;
    lr->packs = so.packs;
    lr->npacks = so.npacks;
    lr->results = so.results;
    lr->nresults = so.nresults;
    memcpy(lr->counts, so.counts, sizeof lr->counts);
    lr->criteria = roll_up(rs, lr->results, lr->nresults);
    mark_superseded(lr->results, lr->nresults, lr->criteria, rs->ncriteria);
    lr->ncriteria = rs->ncriteria;
    lot_findings(lot, lr, dr->msg_lang);
  }
  ck_rule_eval_set_lot(ev, NULL, -1);
  free(block_lot);
  if (dr->nlots && dr->lots[0].nresults) {
    roll_up_lots(rs, dr);
    mark_superseded(dr->results, dr->nresults, dr->criteria, dr->ncriteria);
  }
}

/* --- clause anchors ------------------------------------------------------------- */

/* The section kind a placement's clauses go under. */
static const ck_section_kind placement_section[CK_PLACE_COUNT] = {
    [CK_PLACE_QUALIFICATION] = CK_SECTION_QUALIFICATION,
    [CK_PLACE_SPECIFICATION] = CK_SECTION_REQUIREMENTS,
    [CK_PLACE_AWARD] = CK_SECTION_AWARD,
    [CK_PLACE_CONTRACT] = CK_SECTION_CONTRACT,
};

/* Records in 'dr' where each placement's clauses belong in 'doc':
   qualification under the first qualification heading, specification under
   the first requirements heading, and so on (line 0 when there is none). */
static void set_anchors(ck_doc_result *dr, const ck_doc *doc) {
  for (int p = 0; p < CK_PLACE_COUNT; p++) {
    dr->anchor_line[p] = dr->anchor_col[p] = 0;
    for (size_t i = 0; i < doc->nsections; i++)
      if (doc->sections[i].kind == placement_section[p]) {
        const ck_block *b = &doc->blocks[doc->sections[i].block];
        ck_doc_position(doc, b->start, &dr->anchor_line[p], &dr->anchor_col[p]);
        break;
      }
  }
}

bool ck_doc_result_anchor(const ck_doc_result *dr, ck_placement placement, unsigned *line,
                          unsigned *col) {
  if (dr->anchor_line[placement] == 0)
    return false;
  *line = dr->anchor_line[placement];
  *col = dr->anchor_col[placement];
  return true;
}

/* --- evaluating a document ------------------------------------------------------- */

ck_doc_result *ck_evaluate(const ck_ruleset *rs, const ck_doc *doc,
                           const ck_eval_options *opts) {
  ck_doc_result *dr = ck_xcalloc(1, sizeof *dr);
  ck_msg_lang lang = opts->msg_lang_set      ? opts->msg_lang
                     : doc->lang == CK_LANG_EN ? CK_MSG_EN
                     : doc->lang == CK_LANG_NN ? CK_MSG_NN
                                               : CK_MSG_NB;
  ck_rule_eval *ev = ck_rule_eval_new(rs, doc, opts, lang);

  dr->path = ck_display_name(doc->path); /* reports are UTF-8, names need not be */
  dr->format = doc->format;
  dr->encoding = ck_xstrdup(doc->encoding ? doc->encoding : "UTF-8");
  dr->lang = doc->lang;
  dr->other_lang = doc->other_lang;
  dr->msg_lang = lang;
  dr->level = opts->level;
  dr->title = xstrdup_or_null(doc->title);
  dr->cpv = copy_strings(doc->cpv, doc->ncpv);
  dr->ncpv = doc->ncpv;

  if (doc->nlots > 0 && !opts->only_rule) {
    evaluate_lots(ev, rs, doc, opts, dr);
  } else {
    scope_out so = {0};
    evaluate_scope(ev, rs, doc, opts, lang, doc->cpv, doc->ncpv, doc->title, doc->criteria,
                   doc->ncriteria, &so);
    dr->packs = so.packs;
    dr->npacks = so.npacks;
    dr->results = so.results;
    dr->nresults = so.nresults;
    memcpy(dr->counts, so.counts, sizeof dr->counts);
    dr->criteria = roll_up(rs, dr->results, dr->nresults);
    mark_superseded(dr->results, dr->nresults, dr->criteria, rs->ncriteria);
    dr->ncriteria = rs->ncriteria;
  }
  if (doc->nlots == 0)
    weights_finding(doc->criteria, doc->ncriteria, doc->title ? doc->title : doc->path, lang,
                    &dr->findings, &dr->nfindings);
  if (doc->other_lang != CK_OTHER_LANG_NONE)
    add_finding(&dr->findings, &dr->nfindings, CK_FINDING_OTHER_LANGUAGE, lang,
                ck_msg(lang, doc->other_lang == CK_OTHER_LANG_SV ? CK_MSG_LANG_SWEDISH
                                                                 : CK_MSG_LANG_DANISH),
                NULL, 0, 0, NULL);
  set_anchors(dr, doc); /* where absent criteria are anchored in SARIF */
  ck_rule_eval_free(ev);
  return dr;
}

static void free_results(ck_result *results, size_t n) {
  for (size_t i = 0; i < n; i++)
    ck_result_clear(&results[i]);
  free(results);
}

static void free_packs(ck_pack_choice *packs, size_t n) {
  for (size_t i = 0; i < n; i++)
    free(packs[i].why);
  free(packs);
}

static void free_findings(ck_finding *f, size_t n) {
  for (size_t i = 0; i < n; i++) {
    free(f[i].message);
    free(f[i].xpath);
  }
  free(f);
}

void ck_doc_result_free(ck_doc_result *dr) {
  if (!dr)
    return;
  for (size_t l = 0; l < dr->nlots; l++) {
    ck_lot_result *lr = &dr->lots[l];
    free_results(lr->results, lr->nresults);
    free_packs(lr->packs, lr->npacks);
    free(lr->criteria);
    free_findings(lr->findings, lr->nfindings);
    free_strings(lr->cpv, lr->ncpv);
    free(lr->id);
    free(lr->title);
    free(lr->xpath);
  }
  free(dr->lots);
  free_results(dr->results, dr->nresults);
  free_packs(dr->packs, dr->npacks);
  free_strings(dr->cpv, dr->ncpv);
  free(dr->criteria);
  free_findings(dr->findings, dr->nfindings);
  free(dr->title);
  free(dr->buyer);
  free(dr->date);
  free(dr->encoding);
  free(dr->path);
  free(dr);
}

/* Evaluating one document against a rule set: the result model.
 *
 * ck_evaluate() chooses the packs, runs every rule over the document's
 * sentences and produces one ck_result per rule (by rule id) plus a roll-up
 * per criterion. Results own copies of everything they show, so a
 * ck_doc_result outlives the ck_doc it came from; it borrows rules and
 * criteria from the rule set, which must outlive it. */
#ifndef CK_EVAL_H
#define CK_EVAL_H

#include <stdbool.h>
#include <stddef.h>

#include "award.h"
#include "doc.h"
#include "rules.h"

typedef struct ck_evidence {
  unsigned line, col, end_line, end_col; /* end_col is one past the last character */
  char *section;                         /* owned; "" when before the first heading */
  char *xpath;                           /* owned; NULL for text sources */
  char *text;                            /* the sentence, owned */
  size_t hl_start, hl_end;               /* the matched words, byte range in 'text' */
} ck_evidence;

/* The waiver that accepted a result (waivers.c): an owned copy of what the
   reports show. */
typedef struct ck_result_waiver {
  char *reason;
  char expires[11];  /* "" when it does not expire */
  bool in_source;    /* written in the document; else in a configuration */
  char *file;        /* where it is written */
  unsigned line, col;
} ck_result_waiver;

/* How a result compares with a baseline report (ck_report_apply_baseline). */
typedef enum {
  CK_BASELINE_NONE,      /* no baseline was given, or the result passes or does not apply */
  CK_BASELINE_NEW,       /* not in the baseline */
  CK_BASELINE_WORSE,     /* there, with a better status */
  CK_BASELINE_UNCHANGED, /* there, with the same or a worse status: not reported again */
} ck_baseline_state;

/* "new", "worse", "unchanged" ("" for none). */
const char *ck_baseline_state_name(ck_baseline_state s);

typedef struct ck_result {
  const ck_rule *rule;
  ck_result_status status;
  ck_reason reason;
  ck_evidence *evidence; /* best evidence first; a contradiction's evidence first */
  size_t nevidence;
  bool has_value;        /* a figure was read or required */
  bool has_found;
  double found;          /* in the rule's unit */
  double required;
  bool limited;          /* a pattern hit PCRE2's limits (status error, reason pattern-limit)
                            or a time budget ran out (reason time-limit) */
  bool other_pack;       /* the rule's pack was not chosen: evidence only, never a fail */
  bool has_env;          /* award.environment-weight computed from award criteria */
  /* The result that decides this rule's criterion when that is a better
     result than this one (another rule of the criterion met it): this one
     is then shown as superseded, not as a finding. NULL otherwise. Points
     into the same results array. */
  const struct ck_result *superseded_by;
  ck_env_weight env;
  const char *message;   /* in the report language */
  bool message_owned;    /* filled for this result (a figure found) and owned; otherwise
                            the rule set's (ck_message_shared) */
  const char *clause;    /* filled clause text when status is partial, fail or error */
  const char *verify;    /* how to verify, may be NULL */
  bool clause_owned;     /* clause and verify were filled for this result ({found}) and
                            are owned; otherwise they are the rule set's (ck_clause_shared) */
  ck_result_waiver *waiver; /* owned; set when a waiver accepts this partial or fail: the
                               status stays, counted in 'waived' instead of its own count */
  ck_baseline_state baseline;
} ck_result;

/* The status a report shows: "waived" for a waived result, else the status's name. */
const char *ck_result_shown_status(const ck_result *r);

typedef struct ck_criterion_result {
  const ck_criterion *criterion;
  ck_result_status status; /* best of its applicable rules, except that a floor rule
                              (ck_rule.floor) that is not met decides; error when none
                              passes and some rule could not be judged */
  const ck_result *best;   /* the rule result that decided it; NULL when not applicable */
} ck_criterion_result;

/* How urgent a criterion's verdict is to fix, most urgent first: a legal
 * minimum not met (a floor rule decides: FOA § 7-9, an Ecodesign floor),
 * a criterion missing where the document's own category asks for it, a
 * criterion every purchase should have that is missing, one stated too
 * weakly (partial), one that could not be judged. Met and not-applicable
 * criteria need nothing. */
typedef enum {
  CK_FIX_LEGAL,
  CK_FIX_CATEGORY,
  CK_FIX_GENERAL,
  CK_FIX_WEAK,
  CK_FIX_UNJUDGED,
  CK_FIX_NONE
} ck_fix_kind;

/* "legal", "category", "general", "weak", "unjudged", "none". */
const char *ck_fix_kind_name(ck_fix_kind k);
ck_fix_kind ck_criterion_fix_kind(const ck_criterion_result *c);

/* The criteria to fix, most urgent first (by kind, then in the order of
 * the criteria table): their indices into 'criteria' written to 'order'
 * (room for 'n'); returns how many. Every format lists them in this order. */
size_t ck_fix_first(const ck_criterion_result *criteria, size_t n, size_t *order);

/* Something the document says that does not add up, beside the rule
 * results: a green code without circular requirements, weights that do not
 * sum to 100 %. Findings are warnings; they do not change the exit status. */
typedef enum {
  CK_FINDING_GREEN_CODE_WITHOUT_TEXT, /* circ-econ / gpp-criteria code, nothing circular required */
  CK_FINDING_GREEN_CODE_WITHOUT_ENV_IMP, /* environmental-impact code without strategic env-imp */
  CK_FINDING_WEIGHTS_NOT_100,         /* percent weights do not add up to 100 */
  CK_FINDING_OTHER_LANGUAGE,          /* Swedish or Danish text, read with the bokmål rules */
  CK_FINDING_WAIVER_EXPIRED,          /* a waiver that would apply has expired */
  CK_FINDING_KIND_COUNT
} ck_finding_kind;

/* "green-code-without-circular-requirements", "green-code-without-env-imp",
 * "weights-not-100", "other-language". */
const char *ck_finding_kind_name(ck_finding_kind k);

typedef struct ck_finding {
  ck_finding_kind kind;
  char *message;           /* in the report language, owned */
  unsigned line, col;      /* 0 when unknown */
  char *xpath;             /* owned, may be NULL */
} ck_finding;

typedef struct ck_pack_choice {
  const ck_pack *pack;
  char *why; /* "always", "main CPV 39130000", ... in the report language, owned */
} ck_pack_choice;

/* The results of one lot of a notice: the same shape as a document's. */
typedef struct ck_lot_result {
  char *id;
  char *title;             /* may be NULL */
  unsigned line, col;
  char *xpath;
  char **cpv;
  size_t ncpv;
  struct ck_pack_choice *packs;
  size_t npacks;
  ck_result *results;
  size_t nresults;
  ck_criterion_result *criteria;
  size_t ncriteria;
  size_t counts[CK_RESULT_STATUS_COUNT]; /* waived results not included */
  size_t waived;
  ck_finding *findings;
  size_t nfindings;
} ck_lot_result;

typedef struct ck_doc_result {
  char *path;
  ck_input_format format;
  char *encoding;
  ck_lang lang;            /* the language of the rules the text was read with */
  ck_other_lang other_lang; /* the text's own language when it is Swedish or Danish */
  ck_msg_lang msg_lang;
  ck_level level;
  char *title;             /* may be NULL */
  char *buyer, *date;      /* a notice's buyer and date (JSON Lines input); owned, may be NULL */
  char **cpv;              /* owned copies */
  size_t ncpv;
  ck_pack_choice *packs;   /* chosen packs, sorted by id */
  size_t npacks;
  ck_result *results;      /* one per rule of the rule set, by rule id */
  size_t nresults;
  ck_criterion_result *criteria; /* in rules/criteria.csv order */
  size_t ncriteria;
  size_t counts[CK_RESULT_STATUS_COUNT]; /* waived results not included */
  size_t waived;
  ck_result_status fail_on; /* the run fails on results at or above this
                               (CK_RESULT_STATUS_COUNT: never) */
  /* Notices with lots: one result set per lot; 'results' and 'criteria'
     above then roll the lots up (per rule and per criterion, the worst status
     among the lots where it applies). */
  ck_lot_result *lots;
  size_t nlots;
  ck_finding *findings;    /* findings about the whole document */
  size_t nfindings;
  /* Where each kind of clause belongs (SARIF places an absent criterion
     there): the heading of the document's first section of the matching
     kind, line 0 when it has none. */
  unsigned anchor_line[CK_PLACE_COUNT], anchor_col[CK_PLACE_COUNT];
} ck_doc_result;

/* The language a report names for the document: "sv" or "da" for Swedish
 * and Danish text, else the rules' language ("nb", "nn", "en"). */
const char *ck_doc_result_language(const ck_doc_result *dr);

/* PCRE2's match data, match context (with the limits) and JIT stack, which
 * every evaluation needs. The JIT stack is a memory mapping: made and
 * unmade for each of a thousand documents, it costs system calls and, with
 * threads, a TLB flush on every core. A thread that evaluates many
 * documents makes one space and passes it in ck_eval_options. */
typedef struct ck_match_space ck_match_space;
ck_match_space *ck_match_space_new(void);
void ck_match_space_free(ck_match_space *space);

typedef struct ck_eval_options {
  ck_level level;
  bool msg_lang_set;
  ck_msg_lang msg_lang;
  const char *const *packs; /* forced packs, NULL = choose */
  size_t npacks;
  const ck_rule *only_rule; /* evaluate this rule alone, its pack forced (rules test) */
  ck_match_space *space;    /* NULL: the evaluation makes its own; never used by two
                               evaluations at once */
  unsigned rule_time_ms;     /* time budget of one rule on the document; 0 = none */
  unsigned document_time_ms; /* of all rules on the document together; 0 = none */
} ck_eval_options;

/* Evaluates 'doc' with 'rs'. The caller frees the result with
 * ck_doc_result_free(). */
ck_doc_result *ck_evaluate(const ck_ruleset *rs, const ck_doc *doc, const ck_eval_options *opts);

/* Frees 'r'. Does nothing for NULL. */
void ck_doc_result_free(ck_doc_result *r);

/* --- clause anchors ------------------------------------------------------------- */

/* The line and column where a clause of 'placement' belongs (the heading of
   the document's first section of that kind, recorded by ck_evaluate);
   false, leaving them as they are, when the document has no such section. */
bool ck_doc_result_anchor(const ck_doc_result *dr, ck_placement placement, unsigned *line,
                          unsigned *col);

/* --- internals shared by rule_eval.c (rules) and evaluate.c (documents, lots) ------ */

/* The state of evaluating rules over one document. */
typedef struct ck_rule_eval ck_rule_eval;

ck_rule_eval *ck_rule_eval_new(const ck_ruleset *rs, const ck_doc *doc,
                               const ck_eval_options *opts, ck_msg_lang msg_lang);
void ck_rule_eval_free(ck_rule_eval *ev);
/* Restricts what is evaluated to lot 'lot' and the procedure's texts;
   'block_lot' gives each block's lot index, -1 for the procedure. */
void ck_rule_eval_set_lot(ck_rule_eval *ev, const int *block_lot, int lot);
/* Why pack 'p' applies, given the main-first CPV codes and title of what is
   evaluated; NULL when it does not. The caller frees the string. */
char *ck_rule_eval_pack_reason(ck_rule_eval *ev, const ck_pack *p, char *const *cpv,
                               size_t ncpv, const char *title);
/* Evaluates one rule into '*out' (overwritten). */
void ck_rule_eval_rule(ck_rule_eval *ev, const ck_rule *rule, bool pack_chosen, ck_result *out);
/* Turns a result into not-applicable for 'reason' (pack-not-selected for a
   rule of a pack that was not chosen, not-subject for a subject rule's mere
   option): its evidence is told by another rule. */
void ck_rule_eval_withdraw(ck_rule_eval *ev, ck_result *r, ck_reason reason);
/* Fills a message template for 'rule' with the values of 'r'. */
char *ck_rule_eval_fill(const ck_rule_eval *ev, const ck_rule *rule, const char *tmpl,
                        const ck_result *r);
/* Gives 'r' its rule's clause and verification in the report language and
   level: the rule set's shared copies, or, for texts that name the figure
   found, its own. */
void ck_rule_eval_set_clause(const ck_rule_eval *ev, ck_result *r);
/* Frees what a result owns and empties its texts and evidence. */
void ck_result_clear(ck_result *r);

#endif

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
  bool limited;          /* a pattern hit PCRE2's limits: status error, reason pattern-limit */
  bool other_pack;       /* the rule's pack was not chosen: evidence only, never a fail */
  bool has_env;          /* award.environment-weight computed from award criteria */
  ck_env_weight env;
  const char *message;   /* in the report language */
  bool message_owned;    /* filled for this result (a figure found) and owned; otherwise
                            the rule set's (ck_message_shared) */
  const char *clause;    /* filled clause text when status is partial, fail or error */
  const char *verify;    /* how to verify, may be NULL */
  bool clause_owned;     /* clause and verify were filled for this result ({found}) and
                            are owned; otherwise they are the rule set's (ck_clause_shared) */
} ck_result;

typedef struct ck_criterion_result {
  const ck_criterion *criterion;
  ck_result_status status; /* best of its applicable rules; error when none passes and
                              some rule could not be judged */
  const ck_result *best;   /* the rule result that decided it; NULL when not applicable */
} ck_criterion_result;

/* Something the document says that does not add up, beside the rule
 * results: a green code without circular requirements, weights that do not
 * sum to 100 %. Findings are warnings; they do not change the exit status. */
typedef enum {
  CK_FINDING_GREEN_CODE_WITHOUT_TEXT, /* circ-econ / gpp-criteria code, nothing circular required */
  CK_FINDING_GREEN_CODE_WITHOUT_ENV_IMP, /* environmental-impact code without strategic env-imp */
  CK_FINDING_WEIGHTS_NOT_100,         /* percent weights do not add up to 100 */
  CK_FINDING_OTHER_LANGUAGE,          /* Swedish or Danish text, read with the bokmål rules */
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
  size_t counts[CK_RESULT_STATUS_COUNT];
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
  size_t counts[CK_RESULT_STATUS_COUNT];
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

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
  char *message;         /* in the report language, owned */
  char *clause;          /* filled clause text when status is partial or fail, owned */
  char *verify;          /* how to verify, owned, may be NULL */
} ck_result;

typedef struct ck_criterion_result {
  const ck_criterion *criterion;
  ck_result_status status; /* best of its applicable rules */
  const ck_result *best;   /* the rule result that decided it; NULL when not applicable */
} ck_criterion_result;

typedef struct ck_pack_choice {
  const ck_pack *pack;
  char *why; /* "always", "main CPV 39130000", ... in the report language, owned */
} ck_pack_choice;

typedef struct ck_doc_result {
  char *path;
  ck_input_format format;
  char *encoding;
  ck_lang lang;
  ck_msg_lang msg_lang;
  ck_level level;
  char *title;             /* may be NULL */
  char **cpv;              /* owned copies */
  size_t ncpv;
  ck_pack_choice *packs;   /* chosen packs, sorted by id */
  size_t npacks;
  ck_result *results;      /* one per rule of the rule set, by rule id */
  size_t nresults;
  ck_criterion_result *criteria; /* in rules/criteria.csv order */
  size_t ncriteria;
  size_t counts[CK_RESULT_STATUS_COUNT];
  /* Added for the SARIF report (issue 5): where each kind of clause belongs,
     the heading of the document's first section of the matching kind
     (line 0 when it has none); set by ck_doc_result_set_anchors(). */
  unsigned anchor_line[CK_PLACE_COUNT], anchor_col[CK_PLACE_COUNT];
} ck_doc_result;

typedef struct ck_eval_options {
  ck_level level;
  bool msg_lang_set;
  ck_msg_lang msg_lang;
  const char *const *packs; /* forced packs, NULL = choose */
  size_t npacks;
  const ck_rule *only_rule; /* evaluate this rule alone, its pack forced (rules test) */
} ck_eval_options;

/* Evaluates 'doc' with 'rs'. The caller frees the result with
 * ck_doc_result_free(). */
ck_doc_result *ck_evaluate(const ck_ruleset *rs, const ck_doc *doc, const ck_eval_options *opts);

/* Frees 'r'. Does nothing for NULL. */
void ck_doc_result_free(ck_doc_result *r);

/* Loads one document from 'path' ("-" = standard input): read, decode, pick
 * the reader from the format, build the model (document.c). */
ck_status ck_document_load(const char *path, const ck_limits *limits, bool lang_set,
                           ck_lang lang, ck_doc **out, ck_diags *diags);

/* Builds a document from a text in memory, as the rules test does for
 * examples; 'name' labels it. Returns NULL when the text cannot be read. */
ck_doc *ck_document_from_text(const char *name, const char *text, size_t len, ck_lang lang,
                              ck_diags *diags);

/* --- clause anchors (issue 5; defined in render.c) ------------------------------- */

/* Records in 'dr' where each placement's clauses belong in 'doc':
   qualification under the first qualification heading, specification under
   the first requirements heading, and so on. */
void ck_doc_result_set_anchors(ck_doc_result *dr, const ck_doc *doc);
/* The line and column where a clause of 'placement' belongs; false, leaving
   them as they are, when the document has no such section. */
bool ck_doc_result_anchor(const ck_doc_result *dr, ck_placement placement, unsigned *line,
                          unsigned *col);

#endif

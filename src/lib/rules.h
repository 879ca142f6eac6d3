/* The compiled rule set.
 *
 * Rule packs are XML files (docs/rule-language.md), validated against
 * rules/schema/circheck-rules.rng and turned into the structs below: the
 * criteria table (criteria_load.c), the packs (pack_parse.c), the set they
 * make (ruleset.c), loaded from the built-in data and --rules paths
 * (rules_load.c). Lookups in the structs (rules.c) depend on none of those,
 * so each of them can use them.
 *
 * What is immutable, and what is filled on first use: after
 * ck_ruleset_seal() the structs below are read-only until ck_ruleset_free(),
 * and several evaluations (threads) share the rule set as const, with one
 * exception: a built-in pattern's ck_pattern.code, which the rule set's
 * cache fills in before ck_pattern_ready() returns. Everything else that is
 * made on first use rather than at load is kept apart from the structs,
 * behind pointers, and made through the rule set's cache (ck_ruleset.cache,
 * ruleset_cache.h), which holds the locks: every pattern's JIT compilation,
 * the prefilter's part for a document language and its branches' code
 * (kept in cells of the prefilter, prefilter.h), and a rule's texts filled
 * without a figure (ck_rule.texts; ck_clause_shared and ck_message_shared in
 * messages.h). Each is made once and is safe to ask for from several
 * threads at once. */
#ifndef CK_RULES_H
#define CK_RULES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifndef PCRE2_CODE_UNIT_WIDTH
#define PCRE2_CODE_UNIT_WIDTH 8
#endif
#include <pcre2.h>

#include "diag.h"
#include "doc.h"


/* Where a clause belongs in the tender. */
typedef enum {
  CK_PLACE_QUALIFICATION, /* kvalifikasjonskrav */
  CK_PLACE_SPECIFICATION, /* kravspesifikasjon */
  CK_PLACE_AWARD,         /* tildelingskriterier */
  CK_PLACE_CONTRACT,      /* kontraktsvilkår */
  CK_PLACE_COUNT
} ck_placement;
const char *ck_placement_name(ck_placement p); /* "qualification", "specification", "award", "contract" */
bool ck_placement_parse(const char *name, ck_placement *out);

typedef enum { CK_UNIT_NONE, CK_UNIT_YEAR, CK_UNIT_MONTH, CK_UNIT_PERCENT, CK_UNIT_COUNT } ck_unit;
const char *ck_unit_name(ck_unit u); /* "", "year", "month", "percent" */

typedef enum { CK_COMPARE_AT_LEAST, CK_COMPARE_AT_MOST } ck_compare;


/* Why a result has its status. Names are stable (JSON "reason"). */
typedef enum {
  CK_REASON_MET,               /* pass: binding, and any figure meets the level */
  CK_REASON_BELOW_THRESHOLD,   /* partial: binding, figure weaker than the level */
  CK_REASON_NO_FIGURE,         /* partial: binding, but the figure the rule measures is missing */
  CK_REASON_UNVERIFIED,        /* partial: binding, but no way to verify is stated */
  CK_REASON_NO_EQUIVALENT,     /* partial: a label is required without "or equivalent" */
  CK_REASON_WISH_ONLY,         /* partial: bør / ønskes / should / evaluated only */
  CK_REASON_PERMISSION_ONLY,   /* partial: kan / may */
  CK_REASON_NOT_BINDING,       /* partial: mentioned without any requirement wording */
  CK_REASON_WRONG_SECTION,     /* partial: stated in a section where it does not bind */
  CK_REASON_BACKGROUND_ONLY,   /* fail: only mentioned as background */
  CK_REASON_ABSENT,            /* fail: nothing in the document */
  CK_REASON_NEGATED,           /* fail: "ikke krav om ...", "no requirement for ..." */
  CK_REASON_CONTRADICTED,      /* fail: "kun nye produkter", "only new products" */
  CK_REASON_PACK_NOT_SELECTED, /* not-applicable: another product category */
  CK_REASON_CONDITION_NOT_MET, /* not-applicable: the rule's <when> condition is absent */
  CK_REASON_PATTERN_LIMIT,     /* error: a pattern hit PCRE2's limits; never in rule files */
  CK_REASON_SUBJECT,           /* pass: what is bought is itself this (a subject rule) */
  CK_REASON_SUBJECT_ALTERNATIVE, /* partial: the subject offers it only as one option */
  CK_REASON_NOT_SUBJECT,       /* not-applicable: a subject rule whose subject is not bought */
  CK_REASON_OTHER_CATEGORY,    /* pass: binding with a figure, judged by a pack not chosen */
  CK_REASON_CATEGORY_RULE,     /* not-applicable: a chosen category pack's rule judges this */
  CK_REASON_TIME_LIMIT,        /* error: the rule's or the document's time budget ran out;
                                  never in rule files */
  CK_REASON_COUNT
} ck_reason;
const char *ck_reason_name(ck_reason r); /* "met", "below-threshold", ... */
bool ck_reason_parse(const char *name, ck_reason *out);

struct ck_ruleset_cache; /* ruleset_cache.h */
struct ck_rule_texts;

/* One regular expression and where it was written. */
typedef struct ck_pattern {
  char *src;        /* the pattern text, owned */
  unsigned line, col;
  /* Its code (ck_pattern_compile: UTF | UCP | CASELESS, no \C), owned. A --rules
     pattern is compiled when its file is loaded, so that an error has its
     position; a built-in one is NULL until its first use. Filled in and
     JIT-compiled by ck_pattern_ready(): read it only after that. */
  pcre2_code *code;
  /* The rule set's cache, which writes 'code', and the pattern's number
     there; set by ck_ruleset_seal(). */
  struct ck_ruleset_cache *cache;
  uint32_t slot;
} ck_pattern;

/* Makes sure 'p' is compiled and JIT-compiled before it is matched; read
 * p->code only after it. Compiling every pattern of every pack up front was
 * most of a run's start-up time, and a document runs only the patterns its
 * words point at; so each pattern is compiled the first time it is used,
 * once, under the rule set's lock (ruleset_cache.c); matching never waits
 * once a pattern is ready. Only for patterns of a sealed rule set: before
 * ck_ruleset_seal() it does nothing. */
void ck_pattern_ready(const ck_pattern *p);

typedef struct ck_pattern_list {
  ck_pattern *items;
  size_t n, cap;
} ck_pattern_list;

/* A sentence matches a pattern set when every 'all' pattern, at least one
 * 'any' pattern (if there are any) and no 'none' pattern match it. */
typedef struct ck_pattern_set {
  ck_pattern_list all, any, none;
} ck_pattern_set;

/* Per document language; nn falls back to nb when a set has no nn patterns. */
typedef struct ck_lang_patterns {
  ck_pattern_set by_lang[CK_LANG_COUNT];
  bool has[CK_LANG_COUNT];
} ck_lang_patterns;

typedef struct ck_example {
  char *text;               /* the example passage, owned */
  ck_lang lang;
  bool has_section;
  char *section;            /* heading put above the text, owned, may be NULL */
  ck_level level;
  ck_result_status expect;  /* "no-match" is stored as FAIL with reason ABSENT */
  bool has_reason;
  ck_reason reason;
  unsigned line, col;       /* position in the rule file */
} ck_example;

typedef struct ck_clause {
  ck_placement placement;
  char *text[CK_MSG_LANG_COUNT];   /* with {required}, {level}, ... placeholders */
  char *verify[CK_MSG_LANG_COUNT]; /* how compliance is verified; may be NULL */
} ck_clause;

typedef struct ck_value_spec {
  bool present;
  ck_unit unit;            /* CK_UNIT_YEAR accepts months, converted */
  ck_compare compare;
  double threshold[CK_LEVEL_COUNT]; /* a level without its own figure inherits the one below */
  unsigned window;         /* words around the trigger a figure may be; default 12 */
} ck_value_spec;

typedef struct ck_criterion {
  char *id;                /* "lifetime.warranty" */
  char *category;          /* "lifetime" */
  char *name[CK_MSG_LANG_COUNT];
  bool nn_borrowed;        /* its table has no nynorsk name: name[CK_MSG_NN] is the bokmål one */
} ck_criterion;

struct ck_pack;

typedef struct ck_rule {
  char *id;                /* "furniture.warranty" */
  size_t index;            /* position in ck_ruleset.rules, set by ck_ruleset_seal() */
  const ck_criterion *criterion;
  struct ck_pack *pack;
  char *name[CK_MSG_LANG_COUNT];
  char *source;            /* where the figure comes from */
  unsigned scope;          /* bit (1u << ck_section_kind) for each section where evidence binds;
                              CK_SECTION_NONE is always included */
  bool prohibition;        /* the requirement itself is worded as a negation
                              ("skal ikke inneholde"); plain negation words do not negate it */
  bool category_only;      /* <rule category-only="true">: its words mean this criterion only
                              in its pack's category ("ombrukt" of building components);
                              where the pack is not chosen it gives no evidence */
  bool subject;            /* <rule subject="true">: reads only the subject of the contract
                              (title and scope sentences, subject.h); never a fail */
  bool floor;              /* <rule floor="true">: a legal or category minimum; when it
                              applies and is not met, its criterion shows it, whatever
                              the criterion's other rules find */
  ck_lang_patterns match;
  ck_lang_patterns contradict; /* only 'any' is used */
  ck_lang_patterns alternative; /* subject rules: the subject is one option of several
                                   ("leasing eller kjøp"); only 'any' */
  ck_lang_patterns when;       /* applicability condition over the whole document; only 'any' */
  ck_lang_patterns qualifier;  /* must appear in the evidence block; only 'any' */
  ck_reason qualifier_reason;  /* CK_REASON_UNVERIFIED or CK_REASON_NO_EQUIVALENT */
  bool has_qualifier;
  bool has_when;
  ck_value_spec value;
  char *message[CK_REASON_COUNT][CK_MSG_LANG_COUNT]; /* overrides; NULL = catalogue default */
  ck_clause clause;
  /* Its clause texts and messages filled without a figure found, per report
     language and level, made on first use and shared by every result that
     shows them (ck_clause_shared, ck_message_shared); owned, given by
     ck_ruleset_seal(). */
  struct ck_rule_texts *texts;
  ck_example *examples;
  size_t nexamples, cap_examples;
  unsigned nn_borrowed;    /* nynorsk texts its file lacks, copied from bokmål */
  char *file;              /* rule file, owned */
  unsigned line, col;      /* position of <rule> */
} ck_rule;

typedef struct ck_pack {
  char *id;                /* "furniture" */
  char *name[CK_MSG_LANG_COUNT];
  bool nn_borrowed;        /* its file has no nynorsk name: name[CK_MSG_NN] is the bokmål one */
  char *file;              /* owned */
  bool always;             /* <select always="true"/>: the core pack */
  char **cpv;              /* CPV prefixes (digits only) */
  size_t ncpv, cap_cpv;
  ck_lang_patterns subject;/* words in the title/description that select the pack */
  ck_rule **rules;         /* owned rules, in file order */
  size_t nrules, cap_rules;
} ck_pack;

struct ck_ruleset {
  ck_criterion *criteria;
  size_t ncriteria, cap_criteria;
  ck_pack **packs;         /* sorted by id */
  size_t npacks, cap_packs;
  ck_rule **rules;         /* all rules sorted by id (borrowed from packs) */
  size_t nrules, cap_rules;
  struct ck_prefilter *prefilter; /* built by ck_ruleset_seal() */
  /* What is made on first use, and the locks for it (ruleset_cache.h):
     apart from the structs, behind a pointer, because it changes while
     threads share the rule set as const. Owned. */
  struct ck_ruleset_cache *cache;
};

/* (ck_ruleset is declared in circheck.h; its layout is this struct.) */

/* Creates an empty rule set and loads the criteria table (CSV: id,category,
 * name_en,name_nb) from memory; 'name' is used in diagnostics. */
ck_status ck_ruleset_new(const char *criteria_csv, size_t len, const char *name,
                         ck_ruleset **out, ck_diags *diags);

/* Parses, validates against the RELAX NG schema 'schema' (text of the .rng),
 * and compiles one rule pack from memory; 'file' names it in diagnostics
 * ("file:line:col: error: ..."). A pack whose id is already loaded replaces the
 * old one. On error nothing is added and CK_ERR_RULES is returned. */
ck_status ck_ruleset_add_pack(ck_ruleset *rs, const char *xml, size_t len, const char *file,
                              const char *schema, size_t schema_len, ck_diags *diags);

/* Loads every built-in pack the way a --rules file is loaded: validated
 * against the RELAX NG schema and every pattern compiled, so that a broken
 * one is an error here, as is a missing nynorsk text. ck_ruleset_load() trusts the built-in packs (no
 * validation, patterns compiled on first use) because ctest runs this
 * check on the packs the binary embeds. */
ck_status ck_ruleset_check_builtin(ck_diags *diags);
/* The nynorsk texts that the packs and criteria table of 'rs' do not give
 * and borrow from bokmål, with an error in 'diags' for each criterion, pack
 * and rule that lacks some. ck_ruleset_check_builtin() fails when the
 * built-in ones lack any. */
size_t ck_ruleset_nn_missing(const ck_ruleset *rs, ck_diags *diags);

/* Sorts packs and rules by id, builds the prefilter and prepares the
 * cache; call after the last ck_ruleset_add_pack(), before the rule set is
 * used. */
void ck_ruleset_seal(ck_ruleset *rs);

/* Finds a criterion or a pack by id; NULL when there is none (rules.c, as
 * are ck_ruleset_has_pack and ck_lang_patterns_get). */
const ck_criterion *ck_ruleset_criterion(const ck_ruleset *rs, const char *id);
const ck_pack *ck_ruleset_pack(const ck_ruleset *rs, const char *id);


/* Returns the pattern set used for 'lang' (nn falls back to nb, nb to nn),
 * or NULL when the rule has none for that language. */
const ck_pattern_set *ck_lang_patterns_get(const ck_lang_patterns *lp, ck_lang lang);

#endif

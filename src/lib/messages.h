/* The message catalogue: every user-facing string of the engine and its
 * renderers, in bokmål, English and nynorsk, in one place (messages.c). Rule files
 * may override the per-reason messages for their rules. */
#ifndef CK_MESSAGES_H
#define CK_MESSAGES_H

#include "rules.h"

typedef enum {
  CK_MSG_SUGGESTED_CLAUSE, /* "suggested clause" */
  CK_MSG_VERIFICATION,     /* "verification" */
  CK_MSG_EVIDENCE,
  CK_MSG_SECTION,
  CK_MSG_PACKS,
  CK_MSG_LEVEL,
  CK_MSG_LANGUAGE,
  CK_MSG_ENCODING,
  CK_MSG_SUMMARY,
  CK_MSG_CRITERION,
  CK_MSG_STATUS,
  CK_MSG_RULE,
  CK_MSG_DOCUMENTS,
  CK_MSG_NOT_APPLICABLE_HIDDEN, /* "{found} rules ... (--all lists them)" */
  CK_MSG_SUPERSEDED,            /* a rule whose criterion another rule decides: "{name}" */
  CK_MSG_SUMMARY_CRITERIA,      /* "summary (criteria)" */
  CK_MSG_PACK_ALWAYS,           /* why a pack was chosen */
  CK_MSG_PACK_FORCED,
  CK_MSG_PACK_CPV,              /* "main CPV {name}" */
  CK_MSG_PACK_CPV_ADDITIONAL,   /* "additional CPV {name} and subject words" */
  CK_MSG_PACK_CPV_BROADER,      /* "main CPV {name}, a broader code, and subject words" */
  CK_MSG_PACK_SUBJECT,          /* "subject words \"{name}\"" */
  /* The environment weight computed from award criteria ({found} share or
     rank, {required} the threshold, {name} the criterion). */
  CK_MSG_ENV_BY_WEIGHT,
  CK_MSG_ENV_BY_RANK,
  CK_MSG_ENV_BY_SPEC,
  CK_MSG_ENV_EXEMPT,
  CK_MSG_ENV_TOO_LOW,
  CK_MSG_ENV_RANK_TOO_LOW,
  CK_MSG_ENV_WITHHELD,
  CK_MSG_ENV_ABSENT,
  /* Consistency findings ({name}: the code or the lot; {found}: a sum). */
  CK_MSG_FINDING_GREEN_NO_TEXT,
  CK_MSG_FINDING_GREEN_NO_ENV_IMP,
  CK_MSG_FINDING_WEIGHTS_NOT_100,
  CK_MSG_FINDING_OTHER_LANGUAGE, /* {name}: "svensk", "Swedish" */
  CK_MSG_FINDING_WAIVER_EXPIRED, /* {name}: the waived id; {found}: the date */
  CK_MSG_WAIVED,                 /* the status of a waived result: "waived" */
  CK_MSG_WAIVER,                 /* "waiver": the reason given for it */
  CK_MSG_BASELINE_HIDDEN,        /* "{found} results ... already in the baseline" */
  CK_MSG_LANG_SWEDISH,
  CK_MSG_LANG_DANISH,
  CK_MSG_LOT,                   /* "lot" */
  /* Reports for people (HTML, Markdown) and CI (SARIF, JUnit). */
  CK_MSG_REPORT_TITLE,          /* "Circularity report" */
  CK_MSG_REPORT_INTRO,
  CK_MSG_DOCUMENT,
  CK_MSG_FORMAT,
  CK_MSG_CPV,
  CK_MSG_CATEGORY,
  CK_MSG_CATEGORY_SUMMARY,      /* caption of the table of categories */
  CK_MSG_DISTRIBUTION,
  CK_MSG_TOTAL,
  CK_MSG_SCORE,                 /* "{found} of {required} criteria met" */
  CK_MSG_RESULTS_BY_CRITERION,
  CK_MSG_CRITERIA_NOT_APPLICABLE, /* "{found} criteria do not apply ..." */
  CK_MSG_CRITERIA_MET,          /* heading of the folded list of met criteria */
  CK_MSG_NO_FINDINGS,
  CK_MSG_LINE,
  CK_MSG_COLUMN,
  CK_MSG_BELONGS_IN,            /* "belongs in" a placement */
  CK_MSG_IN_DOCUMENT,           /* the figure found "in the document" */
  CK_MSG_REQUIRED,              /* the figure "required" */
  CK_MSG_AT_LEAST,              /* "at least {required} {unit}" */
  CK_MSG_AT_MOST,               /* "at most {required} {unit}" */
  CK_MSG_COPY,                  /* copy button */
  CK_MSG_COPIED,
  CK_MSG_SKIP_TO_RESULTS,
  CK_MSG_MADE_WITH,             /* "Made with circheck {name}" */
  CK_MSG_SOURCE,
  CK_MSG_NOT_STATED,
  CK_MSG_SHOW_NOT_APPLICABLE,   /* heading of the folded list of criteria that do not apply */
  CK_MSG_TO_FIX,                /* heading of the criteria that are not met */
  CK_MSG_FIX_FIRST,             /* heading of the list of what to fix, most urgent first */
  CK_MSG_FIX_LEGAL,             /* the kinds of ck_fix_kind, as labels */
  CK_MSG_FIX_CATEGORY,
  CK_MSG_FIX_GENERAL,
  CK_MSG_FIX_WEAK,
  CK_MSG_FIX_UNJUDGED,
  CK_MSG_NOTES,                 /* heading of the consistency findings */
  CK_MSG_FINDING_TITLE_GREEN_NO_TEXT,    /* short names of the findings (SARIF rules) */
  CK_MSG_FINDING_TITLE_GREEN_NO_ENV_IMP,
  CK_MSG_FINDING_TITLE_WEIGHTS_NOT_100,
  CK_MSG_FINDING_TITLE_OTHER_LANGUAGE,
  CK_MSG_FINDING_TITLE_WAIVER_EXPIRED,
  /* Clause checklists. */
  CK_MSG_CHECKLIST_TITLE,
  CK_MSG_CHECKLIST_INTRO,       /* "... figures of level {level}." */
  CK_MSG_CHECKLIST_EMPTY,
  CK_MSG_ID_COUNT
} ck_msg_id;

/* Returns the catalogue string 'id' in 'lang'. Never NULL. Some carry a
 * {name} or {found} placeholder for ck_fill_template(). */
const char *ck_msg(ck_msg_lang lang, ck_msg_id id);
/* Appends catalogue string 'id' with its {name} placeholder filled. */
void ck_msg_fill(ck_msg_lang lang, ck_msg_id id, const char *name, ck_buf *out);

/* The default message for a result reason, with {name} {found} {required}
 * {unit} {level} placeholders. Never NULL. */
const char *ck_reason_message(ck_msg_lang lang, ck_reason reason);

/* Status and placement labels for people ("delvis", "kontraktsvilkår"). */
const char *ck_status_label(ck_msg_lang lang, ck_result_status status);
const char *ck_placement_label(ck_msg_lang lang, ck_placement placement);
/* Level names for people: "basis"/"basic", "avansert"/"advanced", "spydspiss"/"spearhead". */
const char *ck_level_label(ck_msg_lang lang, ck_level level);
/* The unit as written after a figure: "år"/"years", "%". 'value' picks singular or plural. */
const char *ck_unit_label(ck_msg_lang lang, ck_unit unit, double value);

/* A category of criteria for people: "lifetime" -> "Levetid"/"Lifetime".
 * An unknown category comes back as it is. */
const char *ck_category_label(ck_msg_lang lang, const char *category);

/* How many texts of the catalogue's tables (messages, reasons, statuses,
 * placements, levels, categories) 'lang' lacks, each then shown in bokmål;
 * with 'names', a line per missing text ("message 12"). The built-in
 * catalogue lacks none in any language (unit.render checks). */
size_t ck_catalogue_missing(ck_msg_lang lang, ck_buf *names);

/* Writes 'value' as people write it: "5", "0,1" in Norwegian, "0.1" in English. */
void ck_format_number(ck_msg_lang lang, double value, ck_buf *out);

/* Fills a template: {name} {found} {required} {unit} {level} are replaced by
 * the given values (NULL leaves the placeholder's text empty). */
typedef struct ck_template_values {
  const char *name;
  const char *found;
  const char *required;
  const char *unit;
  const char *level;
  const char *category; /* the name of the rule's pack */
} ck_template_values;
void ck_fill_template(const char *tmpl, const ck_template_values *v, ck_buf *out);

/* Fills template 'tmpl' of 'rule' with the figure of 'level' and no figure
 * found ({found} stays empty). */
void ck_rule_template_fill(const ck_rule *rule, const char *tmpl, ck_msg_lang lang,
                          ck_level level, ck_buf *out);

/* Fills the clause text of 'rule' (or its verification when 'verify') with
 * the figure of 'level', as a buyer would paste it. Returns false, appending
 * nothing, when the rule has no such text in 'lang'. */
bool ck_clause_fill(const ck_rule *rule, ck_msg_lang lang, ck_level level, bool verify,
                    ck_buf *out);

/* The same text, filled once and kept in the rule's text slots (ck_rule.texts,
 * ruleset_cache.h), so that thousands of results show one copy: NULL when the
 * rule has no such text, or when it names the figure found ({found}), which
 * differs from document to document. Safe to call from several threads; the
 * rule set must be sealed. */
const char *ck_clause_shared(const ck_rule *rule, ck_msg_lang lang, ck_level level, bool verify);
/* The message of 'reason' for 'rule' (its own or the catalogue's), filled
 * once for a result without a figure found and kept likewise; NULL when
 * the template names the figure found. */
const char *ck_message_shared(const ck_rule *rule, ck_reason reason, ck_msg_lang lang,
                              ck_level level);

#endif

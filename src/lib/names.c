/* Name tables for the small enums of rules.h and doc.h: the names are part of
 * the outside contract (JSON fields, rule files), so each table is checked
 * against its enum's size at compile time. */
#include <assert.h>
#include <string.h>

#include "doc.h"
#include "rules.h"

#define COUNT_OF(a) (sizeof(a) / sizeof *(a))

static bool parse_name(const char *const *names, size_t n, const char *name, int *out) {
  for (size_t i = 0; i < n; i++)
    if (names[i] && strcmp(names[i], name) == 0) {
      *out = (int)i;
      return true;
    }
  return false;
}

static const char *const level_names[] = {
    [CK_LEVEL_BASIC] = "basic", [CK_LEVEL_ADVANCED] = "advanced",
    [CK_LEVEL_SPEARHEAD] = "spearhead"};
static_assert(COUNT_OF(level_names) == CK_LEVEL_COUNT, "level_names");

const char *ck_level_name(ck_level l) { return level_names[l]; }
bool ck_level_parse(const char *name, ck_level *out) {
  int v;
  if (!parse_name(level_names, COUNT_OF(level_names), name, &v))
    return false;
  *out = (ck_level)v;
  return true;
}

static const char *const msg_lang_names[] = {
    [CK_MSG_NB] = "nb", [CK_MSG_EN] = "en", [CK_MSG_NN] = "nn"};
static_assert(COUNT_OF(msg_lang_names) == CK_MSG_LANG_COUNT, "msg_lang_names");

const char *ck_msg_lang_name(ck_msg_lang l) { return msg_lang_names[l]; }
bool ck_msg_lang_parse(const char *name, ck_msg_lang *out) {
  int v;
  if (strcmp(name, "no") == 0) {
    *out = CK_MSG_NB; /* "Norwegian" without a written standard: the more common one */
    return true;
  }
  if (!parse_name(msg_lang_names, COUNT_OF(msg_lang_names), name, &v))
    return false;
  *out = (ck_msg_lang)v;
  return true;
}

bool ck_msg_lang_from_locale(const char *locale, ck_msg_lang *out) {
  static const struct {
    const char *prefix;
    ck_msg_lang lang;
  } prefixes[] = {{"nn", CK_MSG_NN}, {"nb", CK_MSG_NB}, {"no", CK_MSG_NB}, {"en", CK_MSG_EN}};
  if (!locale)
    return false;
  /* A locale name is language[_territory][.codeset][@modifier]: only the
     language counts, and it must end there ("nnx" is no language of ours). */
  for (size_t i = 0; i < COUNT_OF(prefixes); i++)
    if (strncmp(locale, prefixes[i].prefix, 2) == 0 &&
        (locale[2] == '\0' || locale[2] == '_' || locale[2] == '.' || locale[2] == '@')) {
      *out = prefixes[i].lang;
      return true;
    }
  return false;
}

static const char *const placement_names[] = {
    [CK_PLACE_QUALIFICATION] = "qualification", [CK_PLACE_SPECIFICATION] = "specification",
    [CK_PLACE_AWARD] = "award", [CK_PLACE_CONTRACT] = "contract"};
static_assert(COUNT_OF(placement_names) == CK_PLACE_COUNT, "placement_names");

const char *ck_placement_name(ck_placement p) { return placement_names[p]; }
bool ck_placement_parse(const char *name, ck_placement *out) {
  int v;
  if (!parse_name(placement_names, COUNT_OF(placement_names), name, &v))
    return false;
  *out = (ck_placement)v;
  return true;
}

static const char *const unit_names[] = {[CK_UNIT_NONE] = "",
                                         [CK_UNIT_YEAR] = "year",
                                         [CK_UNIT_MONTH] = "month",
                                         [CK_UNIT_PERCENT] = "percent"};
static_assert(COUNT_OF(unit_names) == CK_UNIT_COUNT, "unit_names");

const char *ck_unit_name(ck_unit u) { return unit_names[u]; }

static const char *const status_names[] = {[CK_STATUS_PASS] = "pass",
                                           [CK_STATUS_PARTIAL] = "partial",
                                           [CK_STATUS_FAIL] = "fail",
                                           [CK_STATUS_ERROR] = "error",
                                           [CK_STATUS_NOT_APPLICABLE] = "not-applicable"};
static_assert(COUNT_OF(status_names) == CK_RESULT_STATUS_COUNT, "status_names");

const char *ck_result_status_name(ck_result_status s) { return status_names[s]; }
bool ck_result_status_parse(const char *name, ck_result_status *out) {
  int v;
  if (!parse_name(status_names, COUNT_OF(status_names), name, &v))
    return false;
  *out = (ck_result_status)v;
  return true;
}

static const char *const reason_names[] = {
    [CK_REASON_MET] = "met",
    [CK_REASON_BELOW_THRESHOLD] = "below-threshold",
    [CK_REASON_NO_FIGURE] = "no-figure",
    [CK_REASON_UNVERIFIED] = "unverified",
    [CK_REASON_NO_EQUIVALENT] = "no-equivalent",
    [CK_REASON_WISH_ONLY] = "wish-only",
    [CK_REASON_PERMISSION_ONLY] = "permission-only",
    [CK_REASON_NOT_BINDING] = "not-binding",
    [CK_REASON_WRONG_SECTION] = "wrong-section",
    [CK_REASON_BACKGROUND_ONLY] = "background-only",
    [CK_REASON_ABSENT] = "absent",
    [CK_REASON_NEGATED] = "negated",
    [CK_REASON_CONTRADICTED] = "contradicted",
    [CK_REASON_PACK_NOT_SELECTED] = "pack-not-selected",
    [CK_REASON_CONDITION_NOT_MET] = "condition-not-met",
    [CK_REASON_PATTERN_LIMIT] = "pattern-limit",
    [CK_REASON_TIME_LIMIT] = "time-limit",
    [CK_REASON_SUBJECT] = "subject",
    [CK_REASON_SUBJECT_ALTERNATIVE] = "subject-alternative",
    [CK_REASON_NOT_SUBJECT] = "not-subject",
    [CK_REASON_OTHER_CATEGORY] = "other-category",
    [CK_REASON_CATEGORY_RULE] = "category-rule",
};
static_assert(COUNT_OF(reason_names) == CK_REASON_COUNT, "reason_names");

const char *ck_reason_name(ck_reason r) { return reason_names[r]; }
bool ck_reason_parse(const char *name, ck_reason *out) {
  int v;
  if (!parse_name(reason_names, COUNT_OF(reason_names), name, &v))
    return false;
  *out = (ck_reason)v;
  return true;
}

static const char *const lang_names[] = {[CK_LANG_NB] = "nb", [CK_LANG_NN] = "nn",
                                         [CK_LANG_EN] = "en"};
static_assert(COUNT_OF(lang_names) == CK_LANG_COUNT, "lang_names");

const char *ck_lang_name(ck_lang l) { return lang_names[l]; }
bool ck_lang_parse(const char *name, ck_lang *out) {
  static const struct {
    const char *alias;
    ck_lang lang;
  } aliases[] = {{"no", CK_LANG_NB},  {"nob", CK_LANG_NB}, {"nor", CK_LANG_NB},
                 {"nno", CK_LANG_NN}, {"eng", CK_LANG_EN}};
  int v;
  if (parse_name(lang_names, COUNT_OF(lang_names), name, &v)) {
    *out = (ck_lang)v;
    return true;
  }
  for (size_t i = 0; i < COUNT_OF(aliases); i++)
    if (strcmp(aliases[i].alias, name) == 0) {
      *out = aliases[i].lang;
      return true;
    }
  return false;
}

static const char *const format_names[] = {[CK_FORMAT_TEXT] = "text",
                                           [CK_FORMAT_MARKDOWN] = "markdown",
                                           [CK_FORMAT_XML] = "xml",
                                           [CK_FORMAT_EFORMS] = "eforms", [CK_FORMAT_DOCX] = "docx",
                                           [CK_FORMAT_ODT] = "odt", [CK_FORMAT_PDF] = "pdf", [CK_FORMAT_HTML] = "html"};
static_assert(COUNT_OF(format_names) == CK_FORMAT_COUNT, "format_names");

const char *ck_input_format_name(ck_input_format f) { return format_names[f]; }

static const char *const block_kind_names[] = {[CK_BLOCK_HEADING] = "heading",
                                               [CK_BLOCK_PARAGRAPH] = "paragraph",
                                               [CK_BLOCK_LIST_ITEM] = "list-item",
                                               [CK_BLOCK_TABLE_CELL] = "table-cell"};
static_assert(COUNT_OF(block_kind_names) == CK_BLOCK_KIND_COUNT, "block_kind_names");

const char *ck_block_kind_name(ck_block_kind k) { return block_kind_names[k]; }

static const char *const section_kind_names[] = {
    [CK_SECTION_NONE] = "none",           [CK_SECTION_BACKGROUND] = "background",
    [CK_SECTION_REQUIREMENTS] = "requirements", [CK_SECTION_QUALIFICATION] = "qualification",
    [CK_SECTION_AWARD] = "award",         [CK_SECTION_CONTRACT] = "contract"};
static_assert(COUNT_OF(section_kind_names) == CK_SECTION_KIND_COUNT, "section_kind_names");

const char *ck_section_kind_name(ck_section_kind k) { return section_kind_names[k]; }
bool ck_section_kind_parse(const char *name, ck_section_kind *out) {
  int v;
  if (!parse_name(section_kind_names, COUNT_OF(section_kind_names), name, &v))
    return false;
  *out = (ck_section_kind)v;
  return true;
}

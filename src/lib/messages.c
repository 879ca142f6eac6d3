/* The message catalogue. Every string a person reads in a report comes from
 * here or from a rule file, so a translation or a wording fix happens in one
 * place. Tables use designated initialisers and are checked against their
 * enums at compile time. */
#include "messages.h"

#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#define COUNT_OF(a) (sizeof(a) / sizeof *(a))

static const char *const catalogue[CK_MSG_LANG_COUNT][CK_MSG_ID_COUNT] = {
    [CK_MSG_NB] =
        {
            [CK_MSG_SUGGESTED_CLAUSE] = "forslag til klausul",
            [CK_MSG_VERIFICATION] = "dokumentasjon",
            [CK_MSG_EVIDENCE] = "belegg",
            [CK_MSG_SECTION] = "avsnitt",
            [CK_MSG_PACKS] = "regelpakker",
            [CK_MSG_LEVEL] = "nivå",
            [CK_MSG_LANGUAGE] = "språk",
            [CK_MSG_ENCODING] = "tegnkoding",
            [CK_MSG_SUMMARY] = "oppsummering",
            [CK_MSG_CRITERION] = "kriterium",
            [CK_MSG_STATUS] = "status",
            [CK_MSG_RULE] = "regel",
            [CK_MSG_DOCUMENTS] = "dokumenter",
            [CK_MSG_NOT_APPLICABLE_HIDDEN] = "{found} regler gjelder ikke for dette dokumentet "
                                             "(--all viser dem)",
            [CK_MSG_PACK_ALWAYS] = "gjelder alle anskaffelser",
            [CK_MSG_PACK_FORCED] = "valgt med --pack",
            [CK_MSG_PACK_CPV] = "hoved-CPV {name}",
            [CK_MSG_PACK_CPV_ADDITIONAL] = "tilleggs-CPV {name} og emneord",
            [CK_MSG_PACK_SUBJECT] = "emneord «{name}»",
        },
    [CK_MSG_EN] =
        {
            [CK_MSG_SUGGESTED_CLAUSE] = "suggested clause",
            [CK_MSG_VERIFICATION] = "verification",
            [CK_MSG_EVIDENCE] = "evidence",
            [CK_MSG_SECTION] = "section",
            [CK_MSG_PACKS] = "packs",
            [CK_MSG_LEVEL] = "level",
            [CK_MSG_LANGUAGE] = "language",
            [CK_MSG_ENCODING] = "encoding",
            [CK_MSG_SUMMARY] = "summary",
            [CK_MSG_CRITERION] = "criterion",
            [CK_MSG_STATUS] = "status",
            [CK_MSG_RULE] = "rule",
            [CK_MSG_DOCUMENTS] = "documents",
            [CK_MSG_NOT_APPLICABLE_HIDDEN] = "{found} rules do not apply to this document "
                                             "(--all lists them)",
            [CK_MSG_PACK_ALWAYS] = "applies to every purchase",
            [CK_MSG_PACK_FORCED] = "chosen with --pack",
            [CK_MSG_PACK_CPV] = "main CPV {name}",
            [CK_MSG_PACK_CPV_ADDITIONAL] = "additional CPV {name} and subject words",
            [CK_MSG_PACK_SUBJECT] = "subject words \"{name}\"",
        },
};

const char *ck_msg(ck_msg_lang lang, ck_msg_id id) {
  const char *s = catalogue[lang][id];
  return s ? s : "";
}

void ck_msg_fill(ck_msg_lang lang, ck_msg_id id, const char *name, ck_buf *out) {
  ck_template_values v = {.name = name, .found = name};
  ck_fill_template(ck_msg(lang, id), &v, out);
}

static const char *const reason_messages[CK_MSG_LANG_COUNT][CK_REASON_COUNT] = {
    [CK_MSG_NB] =
        {
            [CK_REASON_MET] = "{name}: kravet er stilt som et bindende krav.",
            [CK_REASON_BELOW_THRESHOLD] =
                "{name}: {found} {unit} er svakere enn {required} {unit} som kreves på nivå "
                "{level}.",
            [CK_REASON_NO_FIGURE] = "{name}: kravet er stilt, men uten tall; nivå {level} krever "
                                    "{required} {unit}.",
            [CK_REASON_UNVERIFIED] = "{name}: kravet er stilt, men det står ikke hvordan det skal "
                                     "dokumenteres.",
            [CK_REASON_NO_EQUIVALENT] = "{name}: kravet viser til en merkeordning uten «eller "
                                        "tilsvarende».",
            [CK_REASON_WISH_ONLY] = "{name}: står bare som et ønske (bør/ønskes/vektlegges), ikke "
                                    "som et krav.",
            [CK_REASON_PERMISSION_ONLY] = "{name}: er bare tillatt (kan), ikke krevd.",
            [CK_REASON_NOT_BINDING] = "{name}: er nevnt, men ikke formulert som et krav.",
            [CK_REASON_WRONG_SECTION] = "{name}: står i et avsnitt der det ikke binder "
                                        "leverandøren.",
            [CK_REASON_BACKGROUND_ONLY] = "{name}: er bare nevnt som bakgrunn, ikke stilt som "
                                          "krav.",
            [CK_REASON_ABSENT] = "{name}: dokumentet stiller ikke dette kravet.",
            [CK_REASON_NEGATED] = "{name}: dokumentet sier uttrykkelig at dette ikke kreves.",
            [CK_REASON_CONTRADICTED] = "{name}: dokumentet har en formulering som utelukker "
                                       "dette.",
            [CK_REASON_PACK_NOT_SELECTED] = "{name}: gjelder en annen produktkategori.",
            [CK_REASON_CONDITION_NOT_MET] = "{name}: gjelder ikke for denne anskaffelsen.",
        },
    [CK_MSG_EN] =
        {
            [CK_REASON_MET] = "{name}: stated as a binding requirement.",
            [CK_REASON_BELOW_THRESHOLD] =
                "{name}: {found} {unit} is weaker than the {required} {unit} required at level "
                "{level}.",
            [CK_REASON_NO_FIGURE] = "{name}: required, but without a figure; level {level} "
                                    "requires {required} {unit}.",
            [CK_REASON_UNVERIFIED] = "{name}: required, but the document does not say how it "
                                     "is verified.",
            [CK_REASON_NO_EQUIVALENT] = "{name}: the requirement names a label without \"or "
                                        "equivalent\".",
            [CK_REASON_WISH_ONLY] = "{name}: only a wish (should/preferably/evaluated), not a "
                                    "requirement.",
            [CK_REASON_PERMISSION_ONLY] = "{name}: only permitted (may), not required.",
            [CK_REASON_NOT_BINDING] = "{name}: mentioned, but not worded as a requirement.",
            [CK_REASON_WRONG_SECTION] = "{name}: stated in a section where it does not bind the "
                                        "supplier.",
            [CK_REASON_BACKGROUND_ONLY] = "{name}: mentioned only as background, not required.",
            [CK_REASON_ABSENT] = "{name}: the document does not require this.",
            [CK_REASON_NEGATED] = "{name}: the document states that this is not required.",
            [CK_REASON_CONTRADICTED] = "{name}: the document contains wording that rules this "
                                       "out.",
            [CK_REASON_PACK_NOT_SELECTED] = "{name}: belongs to another product category.",
            [CK_REASON_CONDITION_NOT_MET] = "{name}: does not apply to this purchase.",
        },
};

const char *ck_reason_message(ck_msg_lang lang, ck_reason reason) {
  return reason_messages[lang][reason];
}

static const char *const status_labels[CK_MSG_LANG_COUNT][CK_RESULT_STATUS_COUNT] = {
    [CK_MSG_NB] = {[CK_STATUS_PASS] = "oppfylt",
                   [CK_STATUS_PARTIAL] = "delvis",
                   [CK_STATUS_FAIL] = "mangler",
                   [CK_STATUS_NOT_APPLICABLE] = "gjelder ikke"},
    [CK_MSG_EN] = {[CK_STATUS_PASS] = "pass",
                   [CK_STATUS_PARTIAL] = "partial",
                   [CK_STATUS_FAIL] = "fail",
                   [CK_STATUS_NOT_APPLICABLE] = "not applicable"},
};

const char *ck_status_label(ck_msg_lang lang, ck_result_status status) {
  return status_labels[lang][status];
}

static const char *const placement_labels[CK_MSG_LANG_COUNT][CK_PLACE_COUNT] = {
    [CK_MSG_NB] = {[CK_PLACE_QUALIFICATION] = "kvalifikasjonskrav",
                   [CK_PLACE_SPECIFICATION] = "kravspesifikasjon",
                   [CK_PLACE_AWARD] = "tildelingskriterier",
                   [CK_PLACE_CONTRACT] = "kontraktsvilkår"},
    [CK_MSG_EN] = {[CK_PLACE_QUALIFICATION] = "qualification requirements",
                   [CK_PLACE_SPECIFICATION] = "technical specification",
                   [CK_PLACE_AWARD] = "award criteria",
                   [CK_PLACE_CONTRACT] = "contract terms"},
};

const char *ck_placement_label(ck_msg_lang lang, ck_placement placement) {
  return placement_labels[lang][placement];
}

static const char *const level_labels[CK_MSG_LANG_COUNT][CK_LEVEL_COUNT] = {
    [CK_MSG_NB] = {[CK_LEVEL_BASIC] = "basis",
                   [CK_LEVEL_ADVANCED] = "avansert",
                   [CK_LEVEL_SPEARHEAD] = "spydspiss"},
    [CK_MSG_EN] = {[CK_LEVEL_BASIC] = "basic",
                   [CK_LEVEL_ADVANCED] = "advanced",
                   [CK_LEVEL_SPEARHEAD] = "spearhead"},
};

const char *ck_level_label(ck_msg_lang lang, ck_level level) { return level_labels[lang][level]; }

const char *ck_unit_label(ck_msg_lang lang, ck_unit unit, double value) {
  bool one = fabs(value - 1.0) < 1e-9;
  switch (unit) {
  case CK_UNIT_YEAR:
    return lang == CK_MSG_NB ? "år" : (one ? "year" : "years");
  case CK_UNIT_MONTH:
    return lang == CK_MSG_NB ? (one ? "måned" : "måneder") : (one ? "month" : "months");
  case CK_UNIT_PERCENT:
    return "%";
  default:
    return "";
  }
}

void ck_format_number(ck_msg_lang lang, double value, ck_buf *out) {
  char tmp[64];
  snprintf(tmp, sizeof tmp, "%.4g", value);
  if (lang == CK_MSG_NB)
    for (char *p = tmp; *p; p++)
      if (*p == '.')
        *p = ',';
  ck_buf_puts(out, tmp);
}

void ck_fill_template(const char *tmpl, const ck_template_values *v, ck_buf *out) {
  static const struct {
    const char *key;
    size_t offset;
  } keys[] = {
      {"{name}", offsetof(ck_template_values, name)},
      {"{found}", offsetof(ck_template_values, found)},
      {"{required}", offsetof(ck_template_values, required)},
      {"{unit}", offsetof(ck_template_values, unit)},
      {"{level}", offsetof(ck_template_values, level)},
  };
  const char *p = tmpl;
  while (*p) {
    const char *brace = strchr(p, '{');
    if (!brace) {
      ck_buf_puts(out, p);
      break;
    }
    ck_buf_put(out, p, (size_t)(brace - p));
    size_t k;
    for (k = 0; k < COUNT_OF(keys); k++)
      if (strncmp(brace, keys[k].key, strlen(keys[k].key)) == 0)
        break;
    if (k == COUNT_OF(keys)) {
      ck_buf_putc(out, '{');
      p = brace + 1;
      continue;
    }
    const char *val = *(const char *const *)((const char *)v + keys[k].offset);
    if (val)
      ck_buf_puts(out, val);
    p = brace + strlen(keys[k].key);
  }
}

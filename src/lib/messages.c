/* The message catalogue. Every string a person reads in a report comes from
 * here or from a rule file, so a translation or a wording fix happens in one
 * place. Tables use designated initialisers and are checked against their
 * enums at compile time. */
#include "messages.h"

#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ruleset_cache.h"

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
            [CK_MSG_SUPERSEDED] = "kriteriet avgjøres av {name}",
            [CK_MSG_SUMMARY_CRITERIA] = "oppsummering av kriteriene",
            [CK_MSG_PACK_ALWAYS] = "gjelder alle anskaffelser",
            [CK_MSG_PACK_FORCED] = "valgt med --pack",
            [CK_MSG_PACK_CPV] = "hoved-CPV {name}",
            [CK_MSG_PACK_CPV_ADDITIONAL] = "tilleggs-CPV {name} og emneord",
            [CK_MSG_PACK_CPV_BROADER] = "hoved-CPV {name} (en overordnet kode) og emneord",
            [CK_MSG_PACK_SUBJECT] = "emneord «{name}»",
            [CK_MSG_ENV_BY_WEIGHT] = "Klima og miljø vektes {found} % i tildelingen; minst "
                                     "{required} % kreves.",
            [CK_MSG_ENV_BY_RANK] = "Klima og miljø er rangert som nummer {found} blant "
                                   "tildelingskriteriene (blant de tre viktigste).",
            [CK_MSG_ENV_BY_SPEC] = "Klima- og miljøhensyn er ivaretatt gjennom krav i "
                                   "kravspesifikasjonen (kode quality-nor-env-spec).",
            [CK_MSG_ENV_EXEMPT] = "Kunngjøringen bruker et unntak fra kravet om 30 % miljøvekt "
                                  "({name}); unntaket må være begrunnet.",
            [CK_MSG_ENV_TOO_LOW] = "Klima og miljø vektes bare {found} % i tildelingen; minst "
                                   "{required} % kreves.",
            [CK_MSG_ENV_RANK_TOO_LOW] = "Klima og miljø er rangert som nummer {found}; det må "
                                        "være blant de tre viktigste tildelingskriteriene.",
            [CK_MSG_ENV_WITHHELD] = "Vektingen av tildelingskriteriene er ikke offentliggjort, "
                                    "så miljøvekten kan ikke kontrolleres.",
            [CK_MSG_ENV_ABSENT] = "Ingen av tildelingskriteriene gjelder klima og miljø, og "
                                  "det er ikke oppgitt noe unntak.",
            [CK_MSG_FINDING_GREEN_NO_TEXT] = "{name} er merket med grønn kode ({found}), men "
                                             "teksten stiller ingen sirkulære krav.",
            [CK_MSG_FINDING_GREEN_NO_ENV_IMP] = "{name} har miljøkode ({found}), men mangler "
                                                "strategisk anskaffelse env-imp (BT-06).",
            [CK_MSG_FINDING_WEIGHTS_NOT_100] = "Vektene for tildelingskriteriene i {name} blir "
                                               "til sammen {found} %, ikke 100 %.",
            [CK_MSG_FINDING_OTHER_LANGUAGE] =
                "Teksten ser ut til å være på {name}. Reglene er skrevet for bokmål, nynorsk og "
                "engelsk, og teksten er lest med bokmålsreglene; krav kan derfor bli oversett.",
            [CK_MSG_FINDING_WAIVER_EXPIRED] =
                "Unntaket for {name} gikk ut {found} og gjelder ikke lenger; resultatet teller "
                "igjen.",
            [CK_MSG_WAIVED] = "unntatt",
            [CK_MSG_WAIVER] = "unntak",
            [CK_MSG_BASELINE_HIDDEN] = "{found} resultater som allerede står i "
                                       "sammenligningsrapporten (--baseline), vises ikke.",
            [CK_MSG_LANG_SWEDISH] = "svensk",
            [CK_MSG_LANG_DANISH] = "dansk",
            [CK_MSG_LOT] = "delkontrakt",
            [CK_MSG_REPORT_TITLE] = "Sirkularitetsrapport",
            [CK_MSG_REPORT_INTRO] = "Hvor godt konkurransegrunnlaget stiller krav om sirkulær "
                                    "økonomi – ombruk, lang levetid, reparasjon og resirkulerte "
                                    "materialer – kriterium for kriterium.",
            [CK_MSG_DOCUMENT] = "dokument",
            [CK_MSG_FORMAT] = "format",
            [CK_MSG_CPV] = "CPV-koder",
            [CK_MSG_CATEGORY] = "kategori",
            [CK_MSG_CATEGORY_SUMMARY] = "Kriterier per kategori",
            [CK_MSG_DISTRIBUTION] = "fordeling",
            [CK_MSG_TOTAL] = "totalt",
            [CK_MSG_SCORE] = "{found} av {required} kriterier er oppfylt",
            [CK_MSG_RESULTS_BY_CRITERION] = "Kriterium for kriterium",
            [CK_MSG_CRITERIA_NOT_APPLICABLE] = "Kriterier som ikke gjelder for dette dokumentet: "
                                               "{found}",
            [CK_MSG_CRITERIA_MET] = "Oppfylte kriterier",
            [CK_MSG_NO_FINDINGS] = "Alle kriterier som gjelder, er oppfylt.",
            [CK_MSG_LINE] = "linje",
            [CK_MSG_COLUMN] = "kolonne",
            [CK_MSG_BELONGS_IN] = "hører hjemme i",
            [CK_MSG_IN_DOCUMENT] = "i dokumentet",
            [CK_MSG_REQUIRED] = "krav",
            [CK_MSG_AT_LEAST] = "minst {required} {unit}",
            [CK_MSG_AT_MOST] = "høyst {required} {unit}",
            [CK_MSG_COPY] = "Kopier klausulen",
            [CK_MSG_COPIED] = "Kopiert",
            [CK_MSG_SKIP_TO_RESULTS] = "Gå til resultatene",
            [CK_MSG_MADE_WITH] = "Laget med circheck {name}",
            [CK_MSG_SOURCE] = "kilde",
            [CK_MSG_NOT_STATED] = "ikke angitt",
            [CK_MSG_SHOW_NOT_APPLICABLE] = "Kriterier som ikke gjelder",
            [CK_MSG_TO_FIX] = "Dette bør rettes",
            [CK_MSG_FIX_FIRST] = "rett dette først",
            [CK_MSG_FIX_LEGAL] = "lovkrav",
            [CK_MSG_FIX_CATEGORY] = "mangler for denne typen anskaffelse",
            [CK_MSG_FIX_GENERAL] = "mangler",
            [CK_MSG_FIX_WEAK] = "for svakt",
            [CK_MSG_FIX_UNJUDGED] = "kunne ikke vurderes",
            [CK_MSG_NOTES] = "Merknader",
            [CK_MSG_FINDING_TITLE_GREEN_NO_TEXT] = "Grønn kode uten sirkulære krav",
            [CK_MSG_FINDING_TITLE_GREEN_NO_ENV_IMP] = "Miljøkode uten strategisk anskaffelse "
                                                      "env-imp",
            [CK_MSG_FINDING_TITLE_WEIGHTS_NOT_100] = "Vekter som ikke blir 100 % til sammen",
            [CK_MSG_FINDING_TITLE_OTHER_LANGUAGE] = "Tekst på et språk reglene ikke er skrevet for",
            [CK_MSG_FINDING_TITLE_WAIVER_EXPIRED] = "Unntak som har gått ut",
            [CK_MSG_CHECKLIST_TITLE] = "Sjekkliste for sirkulære krav",
            [CK_MSG_CHECKLIST_INTRO] = "Klausuler å ta inn i konkurransegrunnlaget, ordnet etter "
                                       "hvor de hører hjemme. Tallene er for nivå {level}.",
            [CK_MSG_CHECKLIST_EMPTY] = "De valgte regelpakkene har ingen klausuler.",
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
            [CK_MSG_SUPERSEDED] = "the criterion is decided by {name}",
            [CK_MSG_SUMMARY_CRITERIA] = "summary of the criteria",
            [CK_MSG_PACK_ALWAYS] = "applies to every purchase",
            [CK_MSG_PACK_FORCED] = "chosen with --pack",
            [CK_MSG_PACK_CPV] = "main CPV {name}",
            [CK_MSG_PACK_CPV_ADDITIONAL] = "additional CPV {name} and subject words",
            [CK_MSG_PACK_CPV_BROADER] = "main CPV {name} (a broader code) and subject words",
            [CK_MSG_PACK_SUBJECT] = "subject words \"{name}\"",
            [CK_MSG_ENV_BY_WEIGHT] = "Climate and environment weigh {found} % of the award "
                                     "criteria; at least {required} % is required.",
            [CK_MSG_ENV_BY_RANK] = "Climate and environment rank number {found} among the award "
                                   "criteria (among the three most important).",
            [CK_MSG_ENV_BY_SPEC] = "Climate and environment are handled by requirements in the "
                                   "specification (code quality-nor-env-spec).",
            [CK_MSG_ENV_EXEMPT] = "The notice uses an exception from the 30 % environment "
                                  "weight ({name}); the exception must be justified.",
            [CK_MSG_ENV_TOO_LOW] = "Climate and environment weigh only {found} % of the award "
                                   "criteria; at least {required} % is required.",
            [CK_MSG_ENV_RANK_TOO_LOW] = "Climate and environment rank number {found}; they must "
                                        "be among the three most important award criteria.",
            [CK_MSG_ENV_WITHHELD] = "The weights of the award criteria are not published, so "
                                    "the environment weight cannot be checked.",
            [CK_MSG_ENV_ABSENT] = "None of the award criteria concerns climate or environment, "
                                  "and no exception is stated.",
            [CK_MSG_FINDING_GREEN_NO_TEXT] = "{name} carries a green code ({found}), but its text "
                                             "requires nothing circular.",
            [CK_MSG_FINDING_GREEN_NO_ENV_IMP] = "{name} has an environmental code ({found}) but no "
                                                "strategic procurement env-imp (BT-06).",
            [CK_MSG_FINDING_WEIGHTS_NOT_100] = "The award criteria weights of {name} add up to "
                                               "{found} %, not 100 %.",
            [CK_MSG_FINDING_OTHER_LANGUAGE] =
                "The text appears to be in {name}. The rules are written for Norwegian (bokmål "
                "and nynorsk) and English, and the text was read with the bokmål rules, so "
                "requirements may be missed.",
            [CK_MSG_FINDING_WAIVER_EXPIRED] =
                "The waiver of {name} expired on {found} and no longer applies; the result "
                "counts again.",
            [CK_MSG_WAIVED] = "waived",
            [CK_MSG_WAIVER] = "waiver",
            [CK_MSG_BASELINE_HIDDEN] = "{found} results already in the baseline report "
                                       "(--baseline) are not shown.",
            [CK_MSG_LANG_SWEDISH] = "Swedish",
            [CK_MSG_LANG_DANISH] = "Danish",
            [CK_MSG_LOT] = "lot",
            [CK_MSG_REPORT_TITLE] = "Circularity report",
            [CK_MSG_REPORT_INTRO] = "How well the tender documents require a circular economy – "
                                    "reuse, long lifetime, repair and recycled materials – "
                                    "criterion by criterion.",
            [CK_MSG_DOCUMENT] = "document",
            [CK_MSG_FORMAT] = "format",
            [CK_MSG_CPV] = "CPV codes",
            [CK_MSG_CATEGORY] = "category",
            [CK_MSG_CATEGORY_SUMMARY] = "Criteria by category",
            [CK_MSG_DISTRIBUTION] = "distribution",
            [CK_MSG_TOTAL] = "total",
            [CK_MSG_SCORE] = "{found} of {required} criteria met",
            [CK_MSG_RESULTS_BY_CRITERION] = "Criterion by criterion",
            [CK_MSG_CRITERIA_NOT_APPLICABLE] = "Criteria that do not apply to this document: "
                                               "{found}",
            [CK_MSG_CRITERIA_MET] = "Criteria met",
            [CK_MSG_NO_FINDINGS] = "Every criterion that applies is met.",
            [CK_MSG_LINE] = "line",
            [CK_MSG_COLUMN] = "column",
            [CK_MSG_BELONGS_IN] = "belongs in",
            [CK_MSG_IN_DOCUMENT] = "in the document",
            [CK_MSG_REQUIRED] = "required",
            [CK_MSG_AT_LEAST] = "at least {required} {unit}",
            [CK_MSG_AT_MOST] = "at most {required} {unit}",
            [CK_MSG_COPY] = "Copy clause",
            [CK_MSG_COPIED] = "Copied",
            [CK_MSG_SKIP_TO_RESULTS] = "Skip to the results",
            [CK_MSG_MADE_WITH] = "Made with circheck {name}",
            [CK_MSG_SOURCE] = "source",
            [CK_MSG_NOT_STATED] = "not stated",
            [CK_MSG_SHOW_NOT_APPLICABLE] = "Criteria that do not apply",
            [CK_MSG_TO_FIX] = "What to fix",
            [CK_MSG_FIX_FIRST] = "fix first",
            [CK_MSG_FIX_LEGAL] = "legal requirement",
            [CK_MSG_FIX_CATEGORY] = "missing for this kind of purchase",
            [CK_MSG_FIX_GENERAL] = "missing",
            [CK_MSG_FIX_WEAK] = "too weak",
            [CK_MSG_FIX_UNJUDGED] = "could not be judged",
            [CK_MSG_NOTES] = "Notes",
            [CK_MSG_FINDING_TITLE_GREEN_NO_TEXT] = "Green code without circular requirements",
            [CK_MSG_FINDING_TITLE_GREEN_NO_ENV_IMP] = "Environmental code without strategic "
                                                      "procurement env-imp",
            [CK_MSG_FINDING_TITLE_WEIGHTS_NOT_100] = "Weights that do not add up to 100 %",
            [CK_MSG_FINDING_TITLE_OTHER_LANGUAGE] = "Text in a language the rules are not written for",
            [CK_MSG_FINDING_TITLE_WAIVER_EXPIRED] = "Expired waiver",
            [CK_MSG_CHECKLIST_TITLE] = "Checklist of circular requirements",
            [CK_MSG_CHECKLIST_INTRO] = "Clauses to put in the tender documents, grouped by where "
                                       "they belong. The figures are those of level {level}.",
            [CK_MSG_CHECKLIST_EMPTY] = "The chosen packs have no clauses.",
        },
    [CK_MSG_NN] =
        {
            [CK_MSG_SUGGESTED_CLAUSE] = "forslag til klausul",
            [CK_MSG_VERIFICATION] = "dokumentasjon",
            [CK_MSG_EVIDENCE] = "belegg",
            [CK_MSG_SECTION] = "avsnitt",
            [CK_MSG_PACKS] = "regelpakkar",
            [CK_MSG_LEVEL] = "nivå",
            [CK_MSG_LANGUAGE] = "språk",
            [CK_MSG_ENCODING] = "teiknkoding",
            [CK_MSG_SUMMARY] = "samandrag",
            [CK_MSG_CRITERION] = "kriterium",
            [CK_MSG_STATUS] = "status",
            [CK_MSG_RULE] = "regel",
            [CK_MSG_DOCUMENTS] = "dokument",
            [CK_MSG_NOT_APPLICABLE_HIDDEN] = "{found} reglar gjeld ikkje for dette dokumentet "
                                             "(--all viser dei)",
            [CK_MSG_SUPERSEDED] = "kriteriet blir avgjort av {name}",
            [CK_MSG_SUMMARY_CRITERIA] = "oppsummering av kriteria",
            [CK_MSG_PACK_ALWAYS] = "gjeld alle anskaffingar",
            [CK_MSG_PACK_FORCED] = "valt med --pack",
            [CK_MSG_PACK_CPV] = "hovud-CPV {name}",
            [CK_MSG_PACK_CPV_ADDITIONAL] = "tilleggs-CPV {name} og emneord",
            [CK_MSG_PACK_CPV_BROADER] = "hovud-CPV {name} (ein overordna kode) og emneord",
            [CK_MSG_PACK_SUBJECT] = "emneord «{name}»",
            [CK_MSG_ENV_BY_WEIGHT] = "Klima og miljø er vekta {found} % i tildelinga; minst "
                                     "{required} % er kravet.",
            [CK_MSG_ENV_BY_RANK] = "Klima og miljø er rangert som nummer {found} blant "
                                   "tildelingskriteria (blant dei tre viktigaste).",
            [CK_MSG_ENV_BY_SPEC] = "Klima- og miljøomsyn er tekne vare på gjennom krav i "
                                   "kravspesifikasjonen (kode quality-nor-env-spec).",
            [CK_MSG_ENV_EXEMPT] = "Kunngjeringa nyttar eit unntak frå kravet om 30 % miljøvekt "
                                  "({name}); unntaket må grunngjevast.",
            [CK_MSG_ENV_TOO_LOW] = "Klima og miljø er berre vekta {found} % i tildelinga; minst "
                                   "{required} % er kravet.",
            [CK_MSG_ENV_RANK_TOO_LOW] = "Klima og miljø er rangert som nummer {found}; det må "
                                        "vere blant dei tre viktigaste tildelingskriteria.",
            [CK_MSG_ENV_WITHHELD] = "Vektinga av tildelingskriteria er ikkje offentleggjord, "
                                    "så miljøvekta kan ikkje kontrollerast.",
            [CK_MSG_ENV_ABSENT] = "Ingen av tildelingskriteria gjeld klima og miljø, og "
                                  "det er ikkje oppgitt noko unntak.",
            [CK_MSG_FINDING_GREEN_NO_TEXT] = "{name} er merkt med grøn kode ({found}), men "
                                             "teksten stiller ingen sirkulære krav.",
            [CK_MSG_FINDING_GREEN_NO_ENV_IMP] = "{name} har miljøkode ({found}), men manglar "
                                                "strategisk anskaffing env-imp (BT-06).",
            [CK_MSG_FINDING_WEIGHTS_NOT_100] = "Vektene for tildelingskriteria i {name} "
                                               "blir til saman {found} %, ikkje 100 %.",
            [CK_MSG_FINDING_OTHER_LANGUAGE] =
                "Teksten ser ut til å vere på {name}. Reglane er skrivne for bokmål, nynorsk og "
                "engelsk, og teksten er lesen med bokmålsreglane, så krav kan bli oversett.",
            [CK_MSG_LANG_SWEDISH] = "svensk",
            [CK_MSG_LANG_DANISH] = "dansk",
            [CK_MSG_LOT] = "delkontrakt",
            [CK_MSG_REPORT_TITLE] = "Sirkularitetsrapport",
            [CK_MSG_REPORT_INTRO] = "Kor godt konkurransegrunnlaget stiller krav om sirkulær "
                                    "økonomi – ombruk, lang levetid, reparasjon og resirkulerte "
                                    "materiale – kriterium for kriterium.",
            [CK_MSG_DOCUMENT] = "dokument",
            [CK_MSG_FORMAT] = "format",
            [CK_MSG_CPV] = "CPV-kodar",
            [CK_MSG_CATEGORY] = "kategori",
            [CK_MSG_CATEGORY_SUMMARY] = "Kriterium etter kategori",
            [CK_MSG_DISTRIBUTION] = "fordeling",
            [CK_MSG_TOTAL] = "totalt",
            [CK_MSG_SCORE] = "{found} av {required} kriterium er oppfylte",
            [CK_MSG_RESULTS_BY_CRITERION] = "Kriterium for kriterium",
            [CK_MSG_CRITERIA_NOT_APPLICABLE] = "Kriterium som ikkje gjeld for dette dokumentet: "
                                               "{found}",
            [CK_MSG_CRITERIA_MET] = "Oppfylte kriterium",
            [CK_MSG_NO_FINDINGS] = "Alle kriterium som gjeld, er oppfylte.",
            [CK_MSG_LINE] = "linje",
            [CK_MSG_COLUMN] = "kolonne",
            [CK_MSG_BELONGS_IN] = "høyrer heime i",
            [CK_MSG_IN_DOCUMENT] = "i dokumentet",
            [CK_MSG_REQUIRED] = "krav",
            [CK_MSG_AT_LEAST] = "minst {required} {unit}",
            [CK_MSG_AT_MOST] = "høgst {required} {unit}",
            [CK_MSG_COPY] = "Kopier klausulen",
            [CK_MSG_COPIED] = "Kopiert",
            [CK_MSG_SKIP_TO_RESULTS] = "Gå til resultata",
            [CK_MSG_MADE_WITH] = "Laga med circheck {name}",
            [CK_MSG_SOURCE] = "kjelde",
            [CK_MSG_NOT_STATED] = "ikkje oppgitt",
            [CK_MSG_SHOW_NOT_APPLICABLE] = "Kriterium som ikkje gjeld",
            [CK_MSG_TO_FIX] = "Dette bør rettast",
            [CK_MSG_FIX_FIRST] = "rett dette først",
            [CK_MSG_FIX_LEGAL] = "lovkrav",
            [CK_MSG_FIX_CATEGORY] = "manglar for denne typen anskaffing",
            [CK_MSG_FIX_GENERAL] = "manglar",
            [CK_MSG_FIX_WEAK] = "for svakt",
            [CK_MSG_FIX_UNJUDGED] = "kunne ikkje vurderast",
            [CK_MSG_FINDING_TITLE_WAIVER_EXPIRED] = "Unntak som har gått ut",
            [CK_MSG_FINDING_WAIVER_EXPIRED] =
                "Unntaket for {name} gjekk ut {found} og gjeld ikkje lenger; resultatet tel "
                "igjen.",
            [CK_MSG_WAIVED] = "unnateke",
            [CK_MSG_WAIVER] = "unntak",
            [CK_MSG_BASELINE_HIDDEN] = "{found} resultat som alt står i samanlikningsrapporten "
                                       "(--baseline), blir ikkje viste.",
            [CK_MSG_NOTES] = "Merknader",
            [CK_MSG_FINDING_TITLE_GREEN_NO_TEXT] = "Grøn kode utan sirkulære krav",
            [CK_MSG_FINDING_TITLE_GREEN_NO_ENV_IMP] = "Miljøkode utan strategisk anskaffing "
                                                      "env-imp",
            [CK_MSG_FINDING_TITLE_WEIGHTS_NOT_100] = "Vekter som ikkje blir 100 % til saman",
            [CK_MSG_FINDING_TITLE_OTHER_LANGUAGE] = "Tekst på eit språk reglane ikkje er "
                                                    "skrivne for",
            [CK_MSG_CHECKLIST_TITLE] = "Sjekkliste for sirkulære krav",
            [CK_MSG_CHECKLIST_INTRO] = "Klausular å ta inn i konkurransegrunnlaget, ordna etter "
                                       "kvar dei høyrer heime. Tala gjeld nivå {level}.",
            [CK_MSG_CHECKLIST_EMPTY] = "Dei valde regelpakkane har ingen klausular.",
        },
};

/* The text of a table row in 'lang', or in bokmål when 'lang' has none: a
   text written for bokmål reads better to a nynorsk reader than nothing. */
#define OWN_OR_BOKMAL(table, lang, key)                                                        \
  ((table)[lang][key] ? (table)[lang][key] : (table)[CK_MSG_NB][key])

const char *ck_msg(ck_msg_lang lang, ck_msg_id id) {
  const char *s = OWN_OR_BOKMAL(catalogue, lang, id);
  return s ? s : "";
}

void ck_msg_fill(ck_msg_lang lang, ck_msg_id id, const char *name, ck_buf *out) {
  ck_template_values v = {.name = name, .found = name};
  ck_fill_template(ck_msg(lang, id), &v, out);
}

static const char *const reason_messages[CK_MSG_LANG_COUNT][CK_REASON_COUNT] = {
    [CK_MSG_NB] =
        {
            [CK_REASON_MET] = "{name}: dokumentet stiller dette som krav.",
            [CK_REASON_BELOW_THRESHOLD] = "{name}: {found} {unit} når ikke opp til nivå {level}, "
                                          "som krever {required} {unit}.",
            [CK_REASON_NO_FIGURE] = "{name}: kravet står uten tall; nivå {level} krever "
                                    "{required} {unit}.",
            [CK_REASON_UNVERIFIED] = "{name}: det står ikke hvordan kravet skal dokumenteres.",
            [CK_REASON_NO_EQUIVALENT] = "{name}: kravet viser til en merkeordning uten «eller "
                                        "tilsvarende».",
            [CK_REASON_WISH_ONLY] = "{name}: står bare som et ønske (bør/ønskes/vektlegges), ikke "
                                    "som et krav.",
            [CK_REASON_PERMISSION_ONLY] = "{name}: er bare tillatt (kan), ikke et krav.",
            [CK_REASON_NOT_BINDING] = "{name}: er nevnt, men ikke skrevet som et krav.",
            [CK_REASON_WRONG_SECTION] = "{name}: står i et avsnitt der det ikke binder "
                                        "leverandøren.",
            [CK_REASON_BACKGROUND_ONLY] = "{name}: er bare nevnt som bakgrunn, ikke stilt som "
                                          "krav.",
            [CK_REASON_ABSENT] = "{name}: dokumentet stiller ikke dette kravet.",
            [CK_REASON_NEGATED] = "{name}: dokumentet sier uttrykkelig at dette ikke kreves.",
            [CK_REASON_CONTRADICTED] = "{name}: dokumentet sier noe som utelukker dette.",
            [CK_REASON_PACK_NOT_SELECTED] = "{name}: gjelder en annen produktkategori.",
            [CK_REASON_CONDITION_NOT_MET] = "{name}: gjelder ikke for denne anskaffelsen.",
            [CK_REASON_PATTERN_LIMIT] = "{name}: kunne ikke vurderes fordi et mønster i regelen "
                                        "brukte mer tid eller minne enn PCRE2-grensene "
                                        "tillater.",
            [CK_REASON_TIME_LIMIT] = "{name}: kunne ikke vurderes fordi regelen brukte mer "
                                     "tid på dokumentet enn tidsgrensen tillater.",
                        [CK_REASON_SUBJECT] = "{name}: oppfylt, fordi det er dette som kjøpes.",
            [CK_REASON_SUBJECT_ALTERNATIVE] = "{name}: anskaffelsen åpner for dette, men bare som "
                                              "ett av flere alternativer.",
            [CK_REASON_NOT_SUBJECT] = "{name}: er ikke det som kjøpes her.",
            [CK_REASON_CATEGORY_RULE] = "{name}: vurderes av en egen regel for produktkategorien.",
            [CK_REASON_OTHER_CATEGORY] = "{name}: stilt som krav med {found} {unit}; i kategorien "
                                         "«{category}» krever nivå {level} {required} {unit}.",
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
            [CK_REASON_PATTERN_LIMIT] = "{name}: could not be judged because a pattern of the "
                                        "rule exceeded PCRE2's limits on time or memory.",
            [CK_REASON_TIME_LIMIT] = "{name}: could not be judged because the rule took longer "
                                     "on the document than its time budget allows.",
            [CK_REASON_SUBJECT] = "{name}: met by the subject of the contract: this is what is "
                                  "bought.",
            [CK_REASON_SUBJECT_ALTERNATIVE] = "{name}: the subject of the contract allows this, "
                                              "but only as one option among others.",
            [CK_REASON_NOT_SUBJECT] = "{name}: not what this contract buys.",
            [CK_REASON_CATEGORY_RULE] = "{name}: judged by the product category's own rule.",
            [CK_REASON_OTHER_CATEGORY] = "{name}: required with a figure of {found} {unit}; in "
                                         "the category \"{category}\", level {level} asks "
                                         "for {required} {unit}.",
        },
    [CK_MSG_NN] =
        {
            [CK_REASON_MET] = "{name}: dokumentet stiller dette som krav.",
            [CK_REASON_BELOW_THRESHOLD] = "{name}: {found} {unit} når ikkje opp til nivå {level}, "
                                          "som krev {required} {unit}.",
            [CK_REASON_NO_FIGURE] = "{name}: kravet står utan tal; nivå {level} krev "
                                    "{required} {unit}.",
            [CK_REASON_UNVERIFIED] = "{name}: det står ikkje korleis kravet skal "
                                     "dokumenterast.",
            [CK_REASON_NO_EQUIVALENT] = "{name}: kravet viser til ei merkeordning utan «eller "
                                        "tilsvarande».",
            [CK_REASON_WISH_ONLY] = "{name}: står berre som eit ønske (bør/ønskjeleg/vektlagt), "
                                    "ikkje som eit krav.",
            [CK_REASON_PERMISSION_ONLY] = "{name}: er berre tillate (kan), ikkje eit krav.",
            [CK_REASON_NOT_BINDING] = "{name}: er nemnt, men ikkje skrive som eit krav.",
            [CK_REASON_WRONG_SECTION] = "{name}: står i eit avsnitt der det ikkje bind "
                                        "leverandøren.",
            [CK_REASON_BACKGROUND_ONLY] = "{name}: er berre nemnt som bakgrunn, ikkje stilt som "
                                          "krav.",
            [CK_REASON_ABSENT] = "{name}: dokumentet stiller ikkje dette kravet.",
            [CK_REASON_NEGATED] = "{name}: dokumentet seier uttrykkeleg at dette ikkje er eit "
                                  "krav.",
            [CK_REASON_CONTRADICTED] = "{name}: dokumentet seier noko som utelukkar dette.",
            [CK_REASON_PACK_NOT_SELECTED] = "{name}: gjeld ein annan produktkategori.",
            [CK_REASON_CONDITION_NOT_MET] = "{name}: gjeld ikkje for denne anskaffinga.",
            [CK_REASON_PATTERN_LIMIT] = "{name}: kunne ikkje vurderast fordi eit mønster i regelen "
                                        "brukte meir tid eller minne enn PCRE2-grensene "
                                        "tillèt.",
            [CK_REASON_TIME_LIMIT] = "{name}: kunne ikkje vurderast fordi regelen brukte meir "
                                     "tid på dokumentet enn tidsgrensa tillèt.",
            [CK_REASON_SUBJECT] = "{name}: oppfylt, fordi det er dette som blir kjøpt.",
            [CK_REASON_SUBJECT_ALTERNATIVE] = "{name}: anskaffinga opnar for dette, men berre som "
                                              "eitt av fleire alternativ.",
            [CK_REASON_NOT_SUBJECT] = "{name}: er ikkje det som blir kjøpt her.",
            [CK_REASON_CATEGORY_RULE] = "{name}: blir vurdert av ein eigen regel for "
                                        "produktkategorien.",
            [CK_REASON_OTHER_CATEGORY] = "{name}: stilt som krav med {found} {unit}; i kategorien "
                                         "«{category}» krev nivå {level} {required} {unit}.",
        },
};

const char *ck_reason_message(ck_msg_lang lang, ck_reason reason) {
  return OWN_OR_BOKMAL(reason_messages, lang, reason);
}

static const char *const status_labels[CK_MSG_LANG_COUNT][CK_RESULT_STATUS_COUNT] = {
    [CK_MSG_NB] = {[CK_STATUS_PASS] = "oppfylt",
                   [CK_STATUS_PARTIAL] = "delvis",
                   [CK_STATUS_FAIL] = "mangler",
                   [CK_STATUS_ERROR] = "feil",
                   [CK_STATUS_NOT_APPLICABLE] = "gjelder ikke"},
    [CK_MSG_EN] = {[CK_STATUS_PASS] = "pass",
                   [CK_STATUS_PARTIAL] = "partial",
                   [CK_STATUS_FAIL] = "fail",
                   [CK_STATUS_ERROR] = "error",
                   [CK_STATUS_NOT_APPLICABLE] = "not applicable"},
    [CK_MSG_NN] = {[CK_STATUS_PASS] = "oppfylt",
                   [CK_STATUS_PARTIAL] = "delvis",
                   [CK_STATUS_FAIL] = "manglar",
                   [CK_STATUS_ERROR] = "feil",
                   [CK_STATUS_NOT_APPLICABLE] = "gjeld ikkje"},
};

const char *ck_status_label(ck_msg_lang lang, ck_result_status status) {
  return OWN_OR_BOKMAL(status_labels, lang, status);
}

static const char *const placement_labels[CK_MSG_LANG_COUNT][CK_PLACE_COUNT] = {
    [CK_MSG_NB] = {[CK_PLACE_QUALIFICATION] = "kvalifikasjonskravene",
                   [CK_PLACE_SPECIFICATION] = "kravspesifikasjonen",
                   [CK_PLACE_AWARD] = "tildelingskriteriene",
                   [CK_PLACE_CONTRACT] = "kontraktsvilkårene"},
    [CK_MSG_EN] = {[CK_PLACE_QUALIFICATION] = "qualification requirements",
                   [CK_PLACE_SPECIFICATION] = "technical specification",
                   [CK_PLACE_AWARD] = "award criteria",
                   [CK_PLACE_CONTRACT] = "contract terms"},
    [CK_MSG_NN] = {[CK_PLACE_QUALIFICATION] = "kvalifikasjonskrava",
                   [CK_PLACE_SPECIFICATION] = "kravspesifikasjonen",
                   [CK_PLACE_AWARD] = "tildelingskriteria",
                   [CK_PLACE_CONTRACT] = "kontraktsvilkåra"},
};

const char *ck_placement_label(ck_msg_lang lang, ck_placement placement) {
  return OWN_OR_BOKMAL(placement_labels, lang, placement);
}

static const char *const level_labels[CK_MSG_LANG_COUNT][CK_LEVEL_COUNT] = {
    [CK_MSG_NB] = {[CK_LEVEL_BASIC] = "basis",
                   [CK_LEVEL_ADVANCED] = "avansert",
                   [CK_LEVEL_SPEARHEAD] = "spydspiss"},
    [CK_MSG_EN] = {[CK_LEVEL_BASIC] = "basic",
                   [CK_LEVEL_ADVANCED] = "advanced",
                   [CK_LEVEL_SPEARHEAD] = "spearhead"},
    [CK_MSG_NN] = {[CK_LEVEL_BASIC] = "basis",
                   [CK_LEVEL_ADVANCED] = "avansert",
                   [CK_LEVEL_SPEARHEAD] = "spydspiss"},
};

const char *ck_level_label(ck_msg_lang lang, ck_level level) {
  return OWN_OR_BOKMAL(level_labels, lang, level);
}

/* Categories are free-form ids in criteria.csv; the ones the built-in table
   uses have names here, and a new one shows as its id until it gets one. */
static const struct {
  const char *id;
  const char *label[CK_MSG_LANG_COUNT];
} category_labels[] = {
    {"lifetime", {[CK_MSG_NB] = "Levetid", [CK_MSG_EN] = "Lifetime", [CK_MSG_NN] = "Levetid"}},
    {"reuse", {[CK_MSG_NB] = "Ombruk", [CK_MSG_EN] = "Reuse", [CK_MSG_NN] = "Ombruk"}},
    {"material",
     {[CK_MSG_NB] = "Materialer", [CK_MSG_EN] = "Materials", [CK_MSG_NN] = "Materiale"}},
    {"waste", {[CK_MSG_NB] = "Avfall", [CK_MSG_EN] = "Waste", [CK_MSG_NN] = "Avfall"}},
    {"works",
     {[CK_MSG_NB] = "Bygg og anlegg", [CK_MSG_EN] = "Construction works",
      [CK_MSG_NN] = "Bygg og anlegg"}},
    {"award", {[CK_MSG_NB] = "Tildeling", [CK_MSG_EN] = "Award", [CK_MSG_NN] = "Tildeling"}},
    {"contract",
     {[CK_MSG_NB] = "Kontraktsoppfølging", [CK_MSG_EN] = "Contract follow-up",
      [CK_MSG_NN] = "Kontraktsoppfølging"}},
};

const char *ck_category_label(ck_msg_lang lang, const char *category) {
  for (size_t i = 0; i < COUNT_OF(category_labels); i++)
    if (strcmp(category_labels[i].id, category) == 0)
      return category_labels[i].label[lang] ? category_labels[i].label[lang]
                                            : category_labels[i].label[CK_MSG_NB];
  return category;
}

size_t ck_catalogue_missing(ck_msg_lang lang, ck_buf *names) {
  size_t missing = 0;
#define CHECK_ROW(table, count, what)                                                          \
  for (size_t k = 0; k < (count); k++)                                                         \
    if (!(table)[lang][k]) {                                                                   \
      missing++;                                                                               \
      if (names)                                                                               \
        ck_buf_printf(names, "%s %zu\n", what, k);                                             \
    }
  CHECK_ROW(catalogue, CK_MSG_ID_COUNT, "message");
  CHECK_ROW(reason_messages, CK_REASON_COUNT, "reason");
  CHECK_ROW(status_labels, CK_RESULT_STATUS_COUNT, "status");
  CHECK_ROW(placement_labels, CK_PLACE_COUNT, "placement");
  CHECK_ROW(level_labels, CK_LEVEL_COUNT, "level");
#undef CHECK_ROW
  for (size_t i = 0; i < COUNT_OF(category_labels); i++)
    if (!category_labels[i].label[lang]) {
      missing++;
      if (names)
        ck_buf_printf(names, "category %s\n", category_labels[i].id);
    }
  return missing;
}

const char *ck_unit_label(ck_msg_lang lang, ck_unit unit, double value) {
  bool one = fabs(value - 1.0) < 1e-9;
  switch (unit) {
  case CK_UNIT_YEAR:
    return lang == CK_MSG_EN ? (one ? "year" : "years") : "år";
  case CK_UNIT_MONTH:
    return lang == CK_MSG_EN   ? (one ? "month" : "months")
           : lang == CK_MSG_NN ? (one ? "månad" : "månader")
                               : (one ? "måned" : "måneder");
  case CK_UNIT_PERCENT:
    return "%";
  default:
    return "";
  }
}

void ck_format_number(ck_msg_lang lang, double value, ck_buf *out) {
  char tmp[64];
  snprintf(tmp, sizeof tmp, "%.4g", value);
  if (lang != CK_MSG_EN) /* Norwegian writes a decimal comma */
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
      {"{category}", offsetof(ck_template_values, category)},
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

void ck_rule_template_fill(const ck_rule *rule, const char *tmpl, ck_msg_lang lang,
                          ck_level level, ck_buf *out) {
  ck_buf required = CK_BUF_INIT;
  double unit_value = 2; /* plural when there is no figure */
  if (rule->value.present) {
    unit_value = rule->value.threshold[level];
    ck_format_number(lang, unit_value, &required);
  }
  ck_template_values v = {.name = rule->name[lang],
                          .found = "",
                          .required = ck_buf_cstr(&required),
                          .unit = ck_unit_label(lang, rule->value.unit, unit_value),
                          .level = ck_level_label(lang, level)};
  ck_fill_template(tmpl, &v, out);
  ck_buf_free(&required);
}

bool ck_clause_fill(const ck_rule *rule, ck_msg_lang lang, ck_level level, bool verify,
                    ck_buf *out) {
  const char *tmpl = verify ? rule->clause.verify[lang] : rule->clause.text[lang];
  if (!tmpl)
    return false;
  ck_rule_template_fill(rule, tmpl, lang, level, out);
  return true;
}

/* The filled text of 'tmpl' kept in 'slot', one of the rule's text slots
   (ruleset_cache.h), filled on first use. A text is cheap to fill, so two
   threads may fill it at once; the slot keeps the first. */
static const char *shared_fill(ck_text_slot *slot, const ck_rule *rule, const char *tmpl,
                               ck_msg_lang lang, ck_level level) {
  if (!tmpl || strstr(tmpl, "{found}"))
    return NULL;
  const char *text = ck_text_slot_get(slot);
  if (text)
    return text;
  ck_buf b = CK_BUF_INIT;
  ck_rule_template_fill(rule, tmpl, lang, level, &b);
  return ck_text_slot_keep(slot, ck_buf_detach(&b));
}

const char *ck_clause_shared(const ck_rule *rule, ck_msg_lang lang, ck_level level, bool verify) {
  return shared_fill(&rule->texts->clause[verify][lang][level], rule,
                     verify ? rule->clause.verify[lang] : rule->clause.text[lang], lang, level);
}

const char *ck_message_shared(const ck_rule *rule, ck_reason reason, ck_msg_lang lang,
                              ck_level level) {
  const char *tmpl = rule->message[reason][lang];
  if (!tmpl)
    tmpl = ck_reason_message(lang, reason);
  return shared_fill(&rule->texts->message[reason][lang][level], rule, tmpl, lang, level);
}

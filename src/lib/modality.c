/* How strongly one sentence states the words a rule matched.
 *
 * The sentence is cut into words (numbers.c's notion of a word), then four
 * closed vocabularies are looked up at each word: idioms that merely look
 * negative ("ikke bare", "no later than"), waivers ("det stilles ikke krav
 * om"), modal cues (skal, bør, kan, shall, should, may, ...) and negation
 * words. Everything is decided from word positions:
 *
 *   - Clauses. A fine clause ends at , ; : ! ? a dash, a tab or '|'; a coarse
 *     clause ends at the same marks except the comma, which in tender text
 *     mostly separates list items ("PVC, ftalater og bromerte ..."). Before
 *     "men"/"but" both end; before "og", "samt", "eller", "mens", "and",
 *     "or", "while", "whereas" both end only when the clause so far has a
 *     modal cue and another follows before the next comma, so "skal ha
 *     garanti og skal ikke inneholde PVC" is two clauses while "stoler og
 *     bord skal ..." and "PVC, phthalates, and ..." stay one.
 *   - The deciding modal cue is the nearest cue before (or inside) the
 *     matched words in their fine clause, else the nearest after it there;
 *     failing that the same in the coarse clause; failing that the strongest
 *     in the sentence (binding > wish > permission, ties to the nearest).
 *     So "Dersom leverandøren kan dokumentere dette, skal garantien ..."
 *     binds the warranty, and "Leverandøren skal levere stoler, og det er
 *     ønskelig med 10 års garanti" makes the warranty a wish.
 *   - kan / can / may right after a subordinator ("som kan repareres",
 *     "so that they can be repaired", "at møblene kan demonteres") state an
 *     ability, not a permission, and are ignored.
 *   - A waiver anywhere in the coarse clause of the match sets 'waived';
 *     the modality is still the deciding cue's, or the waiver's own kind
 *     (binding for "ikke krav om", wish for "vektlegges ikke") when there is
 *     none. "gjelder ikke" / "does not apply" waive only when a requirement
 *     word precedes them ("Kravet gjelder ikke ..."), since "Garantien
 *     gjelder ikke ved feil bruk" drops nothing.
 *   - 'negated' is set by a negation word among the five words before the
 *     match in its coarse clause, by one between the deciding cue and the
 *     match, or when the deciding cue is itself a prohibition ("skal ikke",
 *     "must not", "er ikke tillatt", "prohibited", "bør ikke") found in
 *     the match's own clause. The last one also covers a prohibition after
 *     the match ("Brukte møbler skal ikke leveres"): the nearest-cue rule
 *     only picks a cue after the match when none precedes it, i.e. when the
 *     match is that verb's subject. Negation words inside idioms ("ikke
 *     bare", "ikke mindre enn", "no later than", "free of charge") and
 *     inside waivers do not count, nor do any inside or after the match.
 *   - cue_start/cue_end: the waiver when waived, else the negation (or the
 *     prohibition) when negated, else the deciding modal cue.
 *
 * Norwegian words apply to nb and nn, English words to en; skal, må, shall
 * and must (and their negations) are read in every language. */
#include "modality.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "numbers.h"
#include "text.h"
#include "util.h"

#define COUNT_OF(a) (sizeof(a) / sizeof *(a))

enum { L_NO = 1, L_EN = 2, L_ALL = 3 };

enum {
  F_NEG = 1,     /* a prohibition: binding and negating */
  F_ABILITY = 2, /* kan / can / may: an ability after a subordinator */
  F_MAY = 4,     /* "may" can be the month */
  F_SHOULD = 8,  /* "Should the supplier fail ..." is a condition */
  F_SUBJ = 16,   /* a waiver only with a requirement word before it */
};

typedef struct {
  const char *pat;
  unsigned char langs;
  unsigned char modality; /* ck_modality */
  unsigned char flags;
} cue_def;

#define B CK_MODALITY_BINDING
#define W CK_MODALITY_WISH
#define P CK_MODALITY_PERMISSION
#define N CK_MODALITY_NONE

static const cue_def modal_cues[] = {
    /* binding */
    {"skal", L_ALL, B, 0}, {"må", L_ALL, B, 0}, {"shall", L_ALL, B, 0}, {"must", L_ALL, B, 0},
    {"skal-krav*", L_NO, B, 0}, {"skalkrav*", L_NO, B, 0}, {"er et krav", L_NO, B, 0},
    {"er eit krav", L_NO, B, 0}, {"er et minstekrav", L_NO, B, 0},
    {"er eit minstekrav", L_NO, B, 0}, {"minstekrav*", L_NO, B, 0},
    {"minimumskrav*", L_NO, B, 0}, {"absolutt krav", L_NO, B, 0},
    {"absolutte krav", L_NO, B, 0}, {"ufravikelig*", L_NO, B, 0},
    {"ufråvikeleg*", L_NO, B, 0}, {"påkrevd*", L_NO, B, 0}, {"påkrevet", L_NO, B, 0},
    {"påkravd*", L_NO, B, 0}, {"kreves", L_NO, B, 0}, {"krevst", L_NO, B, 0},
    {"krevjast", L_NO, B, 0}, {"krever", L_NO, B, 0}, {"krev", L_NO, B, 0},
    {"vert kravd", L_NO, B, 0}, {"stilles krav", L_NO, B, 0},
    {"stilles det krav", L_NO, B, 0}, {"stiller krav", L_NO, B, 0},
    {"vert stilt krav", L_NO, B, 0}, {"blir stilt krav", L_NO, B, 0},
    {"det er krav", L_NO, B, 0}, {"plikter", L_NO, B, 0}, {"pliktar", L_NO, B, 0},
    {"er pliktig", L_NO, B, 0}, {"er forpliktet", L_NO, B, 0},
    {"er forplikta", L_NO, B, 0}, {"forplikter seg", L_NO, B, 0},
    {"forpliktar seg", L_NO, B, 0}, {"forutsetter", L_NO, B, 0},
    {"forutsettes", L_NO, B, 0}, {"føreset", L_NO, B, 0}, {"føresett", L_NO, B, 0},
    {"har plikt", L_NO, B, 0}, {"obligatorisk*", L_NO, B, 0},
    {"is required", L_EN, B, 0}, {"are required", L_EN, B, 0}, {"be required", L_EN, B, 0},
    {"required to", L_EN, B, 0}, {"mandatory", L_EN, B, 0}, {"obligatory", L_EN, B, 0},
    {"minimum requirement*", L_EN, B, 0}, {"is obliged", L_EN, B, 0},
    {"are obliged", L_EN, B, 0}, {"is obligated", L_EN, B, 0},
    {"undertakes to", L_EN, B, 0}, {"undertake to", L_EN, B, 0},
    {"it is a requirement", L_EN, B, 0}, {"is a requirement", L_EN, B, 0},
    {"requires", L_EN, B, 0}, {"we require", L_EN, B, 0}, {"has to", L_EN, B, 0},
    {"have to", L_EN, B, 0}, {"needs to", L_EN, B, 0}, {"need to", L_EN, B, 0},
    /* prohibitions */
    {"skal ikke", L_ALL, B, F_NEG}, {"skal ikkje", L_ALL, B, F_NEG},
    {"må ikke", L_ALL, B, F_NEG}, {"må ikkje", L_ALL, B, F_NEG},
    {"skal aldri", L_NO, B, F_NEG}, {"må aldri", L_NO, B, F_NEG},
    {"kan ikke", L_NO, B, F_NEG}, {"kan ikkje", L_NO, B, F_NEG},
    {"er ikke tillatt", L_NO, B, F_NEG}, {"er ikkje tillate", L_NO, B, F_NEG},
    {"er ikkje tillatt", L_NO, B, F_NEG}, {"ikke tillatt", L_NO, B, F_NEG},
    {"ikkje tillate", L_NO, B, F_NEG}, {"ikkje tillatt", L_NO, B, F_NEG},
    {"tillates ikke", L_NO, B, F_NEG}, {"tillatast ikkje", L_NO, B, F_NEG},
    {"aksepteres ikke", L_NO, B, F_NEG}, {"godtas ikke", L_NO, B, F_NEG},
    {"vil ikke bli akseptert", L_NO, B, F_NEG}, {"vert ikkje akseptert", L_NO, B, F_NEG},
    {"er forbudt", L_NO, B, F_NEG}, {"forbudt", L_NO, B, F_NEG},
    {"er forbode", L_NO, B, F_NEG}, {"forbode", L_NO, B, F_NEG},
    {"shall not", L_ALL, B, F_NEG}, {"must not", L_ALL, B, F_NEG},
    {"mustn't", L_EN, B, F_NEG}, {"shan't", L_EN, B, F_NEG}, {"shall never", L_EN, B, F_NEG},
    {"must never", L_EN, B, F_NEG}, {"may not", L_EN, B, F_NEG}, {"cannot", L_EN, B, F_NEG},
    {"can not", L_EN, B, F_NEG}, {"can't", L_EN, B, F_NEG},
    {"is not permitted", L_EN, B, F_NEG}, {"are not permitted", L_EN, B, F_NEG},
    {"not permitted", L_EN, B, F_NEG}, {"is not allowed", L_EN, B, F_NEG},
    {"are not allowed", L_EN, B, F_NEG}, {"not allowed", L_EN, B, F_NEG},
    {"is prohibited", L_EN, B, F_NEG}, {"are prohibited", L_EN, B, F_NEG},
    {"prohibited", L_EN, B, F_NEG}, {"is forbidden", L_EN, B, F_NEG},
    {"are forbidden", L_EN, B, F_NEG}, {"forbidden", L_EN, B, F_NEG},
    {"will not be accepted", L_EN, B, F_NEG}, {"not accepted", L_EN, B, F_NEG},
    {"is not acceptable", L_EN, B, F_NEG}, {"not acceptable", L_EN, B, F_NEG},
    /* wishes, negated ones first */
    {"bør ikke", L_NO, W, F_NEG}, {"bør ikkje", L_NO, W, F_NEG},
    {"should not", L_EN, W, F_NEG}, {"shouldn't", L_EN, W, F_NEG},
    {"bør", L_NO, W, 0}, {"ønskes", L_NO, W, 0}, {"ønskelig*", L_NO, W, 0},
    {"ønsker", L_NO, W, 0}, {"ønskjer", L_NO, W, 0}, {"ønskjast", L_NO, W, 0},
    {"ønskjeleg*", L_NO, W, 0}, {"foretrekkes", L_NO, W, 0}, {"foretrekker", L_NO, W, 0},
    {"føretrekt", L_NO, W, 0}, {"føretrekkjer", L_NO, W, 0}, {"vektlegges", L_NO, W, 0},
    {"vektlegges positivt", L_NO, W, 0}, {"vil bli vektlagt", L_NO, W, 0},
    {"vil vektlegges", L_NO, W, 0}, {"blir vektlagt", L_NO, W, 0},
    {"vert vektlagt", L_NO, W, 0}, {"vert vektlagd", L_NO, W, 0},
    {"vil bli vektlagd", L_NO, W, 0}, {"vektleggjast", L_NO, W, 0},
    {"vektlegge", L_NO, W, 0}, {"vektleggje", L_NO, W, 0}, {"lagt vekt på", L_NO, W, 0},
    {"legges vekt på", L_NO, W, 0}, {"legges det vekt på", L_NO, W, 0},
    {"legge vekt på", L_NO, W, 0}, {"legg vekt på", L_NO, W, 0},
    {"gir uttelling", L_NO, W, 0}, {"gjev uttelling", L_NO, W, 0},
    {"gir poeng", L_NO, W, 0}, {"gjev poeng", L_NO, W, 0},
    {"gir høyere uttelling", L_NO, W, 0}, {"gir høgare uttelling", L_NO, W, 0},
    {"gir bedre uttelling", L_NO, W, 0}, {"gir ekstra", L_NO, W, 0},
    {"vil gi uttelling", L_NO, W, 0}, {"vil gi poeng", L_NO, W, 0},
    {"vil gi høyere", L_NO, W, 0}, {"vil gi bedre", L_NO, W, 0},
    {"vil gi ekstra", L_NO, W, 0}, {"vil gje uttelling", L_NO, W, 0},
    {"premieres", L_NO, W, 0}, {"premierast", L_NO, W, 0},
    {"vil bli premiert", L_NO, W, 0}, {"tilstrebes", L_NO, W, 0},
    {"tilstrebast", L_NO, W, 0}, {"etterstrebes", L_NO, W, 0},
    {"i størst mulig grad", L_NO, W, 0}, {"i størst mogleg grad", L_NO, W, 0},
    {"i så stor grad som mulig", L_NO, W, 0}, {"i så stor grad som mogleg", L_NO, W, 0},
    {"så langt det er mulig", L_NO, W, 0}, {"så langt det er mogleg", L_NO, W, 0},
    {"så langt som mulig", L_NO, W, 0}, {"så langt som mogleg", L_NO, W, 0},
    {"der det er mulig", L_NO, W, 0}, {"der det er mogleg", L_NO, W, 0},
    {"hvor det er mulig", L_NO, W, 0}, {"om mulig", L_NO, W, 0},
    {"om mogleg", L_NO, W, 0}, {"dersom mulig", L_NO, W, 0},
    {"oppfordres", L_NO, W, 0}, {"oppfordrast", L_NO, W, 0}, {"oppmoda*", L_NO, W, 0},
    {"anbefales", L_NO, W, 0}, {"tilrås", L_NO, W, 0},
    {"vil bli evaluert", L_NO, W, 0}, {"vert evaluert", L_NO, W, 0},
    {"evalueres", L_NO, W, 0}, {"evaluerast", L_NO, W, 0},
    {"vil bli vurdert", L_NO, W, 0}, {"vert vurdert", L_NO, W, 0},
    {"vil telle positivt", L_NO, W, 0}, {"teller positivt", L_NO, W, 0},
    {"er en fordel", L_NO, W, 0}, {"er ein fordel", L_NO, W, 0},
    {"should", L_EN, W, F_SHOULD}, {"preferably", L_EN, W, 0}, {"preferred", L_EN, W, 0},
    {"preference", L_EN, W, 0}, {"desirable", L_EN, W, 0}, {"desired", L_EN, W, 0},
    {"encourag*", L_EN, W, 0}, {"will be evaluated", L_EN, W, 0},
    {"will be assessed", L_EN, W, 0}, {"will be scored", L_EN, W, 0},
    {"will be weighted", L_EN, W, 0}, {"will be given points", L_EN, W, 0},
    {"will be given credit", L_EN, W, 0}, {"will be given preference", L_EN, W, 0},
    {"will be given priority", L_EN, W, 0}, {"will be given weight", L_EN, W, 0},
    {"will be given a higher", L_EN, W, 0}, {"will be given higher", L_EN, W, 0},
    {"will be given extra", L_EN, W, 0}, {"will be given additional", L_EN, W, 0},
    {"will receive points", L_EN, W, 0}, {"will be awarded", L_EN, W, 0},
    {"awarded points", L_EN, W, 0}, {"as far as possible", L_EN, W, 0},
    {"wherever possible", L_EN, W, 0}, {"where possible", L_EN, W, 0},
    {"if possible", L_EN, W, 0}, {"whenever possible", L_EN, W, 0},
    {"is an advantage", L_EN, W, 0}, {"an advantage", L_EN, W, 0},
    {"will be considered favourably", L_EN, W, 0},
    {"will be considered favorably", L_EN, W, 0},
    {"will be considered positively", L_EN, W, 0}, {"will be viewed positively", L_EN, W, 0},
    {"will count positively", L_EN, W, 0}, {"is recommended", L_EN, W, 0},
    {"are recommended", L_EN, W, 0}, {"ideally", L_EN, W, 0},
    /* permissions */
    {"kan", L_NO, P, F_ABILITY}, {"har anledning til", L_NO, P, 0},
    {"gis anledning til", L_NO, P, 0}, {"har mulighet til", L_NO, P, 0},
    {"har høve til", L_NO, P, 0}, {"er tillatt", L_NO, P, 0}, {"er tillate", L_NO, P, 0},
    {"tillates", L_NO, P, 0}, {"tillatast", L_NO, P, 0}, {"er lov", L_NO, P, 0},
    {"åpnes for", L_NO, P, 0}, {"åpnes det for", L_NO, P, 0}, {"åpner for", L_NO, P, 0},
    {"opnar for", L_NO, P, 0}, {"opnast for", L_NO, P, 0}, {"står fritt", L_NO, P, 0},
    {"valgfri*", L_NO, P, 0}, {"valfri*", L_NO, P, 0}, {"frivillig*", L_NO, P, 0},
    {"may", L_EN, P, F_ABILITY | F_MAY}, {"can", L_EN, P, F_ABILITY},
    {"is permitted", L_EN, P, 0}, {"are permitted", L_EN, P, 0},
    {"permitted to", L_EN, P, 0}, {"is allowed", L_EN, P, 0}, {"are allowed", L_EN, P, 0},
    {"allowed to", L_EN, P, 0}, {"optional", L_EN, P, 0}, {"optionally", L_EN, P, 0},
    {"at the supplier's discretion", L_EN, P, 0},
    {"at the contractor's discretion", L_EN, P, 0},
    {"at the tenderer's discretion", L_EN, P, 0}, {"at the discretion of", L_EN, P, 0},
    {"at its discretion", L_EN, P, 0}, {"at their discretion", L_EN, P, 0},
    {"is free to", L_EN, P, 0}, {"are free to", L_EN, P, 0},
    {"is acceptable", L_EN, P, 0}, {"are acceptable", L_EN, P, 0},
};

/* The requirement itself is dropped. The modality is what the sentence would
 * have had without the negation. */
static const cue_def waiver_cues[] = {
    {"stilles ikke krav", L_NO, B, 0}, {"stilles ikkje krav", L_NO, B, 0},
    {"stilles det ikke krav", L_NO, B, 0}, {"stilles det ikkje krav", L_NO, B, 0},
    {"stilles ingen krav", L_NO, B, 0}, {"stilles det ingen krav", L_NO, B, 0},
    {"stiller ikke krav", L_NO, B, 0}, {"stiller ingen krav", L_NO, B, 0},
    {"ikke krav", L_NO, B, 0}, {"ikkje krav", L_NO, B, 0}, {"ikke noe krav", L_NO, B, 0},
    {"ikkje noko krav", L_NO, B, 0}, {"ikke et krav", L_NO, B, 0},
    {"ikkje eit krav", L_NO, B, 0}, {"ingen krav", L_NO, B, 0}, {"inga krav", L_NO, B, 0},
    {"ikke stilt krav", L_NO, B, 0}, {"ikkje stilt krav", L_NO, B, 0},
    {"vert ikkje stilt krav", L_NO, B, 0}, {"blir ikke stilt krav", L_NO, B, 0},
    {"ikke minstekrav", L_NO, B, 0}, {"ikke et minstekrav", L_NO, B, 0},
    {"ikkje eit minstekrav", L_NO, B, 0}, {"kreves ikke", L_NO, B, 0},
    {"kreves det ikke", L_NO, B, 0}, {"krevst ikkje", L_NO, B, 0},
    {"krevjast ikkje", L_NO, B, 0}, {"vert ikkje kravd", L_NO, B, 0},
    {"blir ikke krevd", L_NO, B, 0}, {"er ikke påkrevd", L_NO, B, 0},
    {"er ikke påkrevet", L_NO, B, 0}, {"ikke påkrevd", L_NO, B, 0},
    {"ikkje påkravd", L_NO, B, 0}, {"ikke obligatorisk", L_NO, B, 0},
    {"ikkje obligatorisk", L_NO, B, 0}, {"trenger ikke", L_NO, B, 0},
    {"treng ikkje", L_NO, B, 0}, {"behøver ikke", L_NO, B, 0},
    {"behøver ikkje", L_NO, B, 0}, {"ikke nødvendig", L_NO, B, 0},
    {"ikkje nødvendig", L_NO, B, 0}, {"ikkje naudsynt", L_NO, B, 0},
    {"uten krav om", L_NO, B, 0}, {"utan krav om", L_NO, B, 0},
    {"ikke forpliktet", L_NO, B, 0}, {"ikkje forplikta", L_NO, B, 0},
    {"ikke pliktig", L_NO, B, 0},
    {"vil ikke bli vektlagt", L_NO, W, 0}, {"vektlegges ikke", L_NO, W, 0},
    {"vil ikke vektlegges", L_NO, W, 0}, {"blir ikke vektlagt", L_NO, W, 0},
    {"vert ikkje vektlagt", L_NO, W, 0}, {"vert ikkje vektlagd", L_NO, W, 0},
    {"vektleggjast ikkje", L_NO, W, 0}, {"gir ikke uttelling", L_NO, W, 0},
    {"gir ikkje uttelling", L_NO, W, 0}, {"gjev ikkje uttelling", L_NO, W, 0},
    {"gir ikke poeng", L_NO, W, 0}, {"vil ikke gi uttelling", L_NO, W, 0},
    {"vil ikke bli evaluert", L_NO, W, 0}, {"evalueres ikke", L_NO, W, 0},
    {"vert ikkje evaluert", L_NO, W, 0},
    {"gjelder ikke", L_NO, N, F_SUBJ}, {"gjelder ikkje", L_NO, N, F_SUBJ},
    {"gjeld ikkje", L_NO, N, F_SUBJ}, {"er ikke relevant", L_NO, N, F_SUBJ},
    {"er ikkje relevant", L_NO, N, F_SUBJ}, {"bortfaller", L_NO, N, F_SUBJ},
    {"faller bort", L_NO, N, F_SUBJ}, {"fell bort", L_NO, N, F_SUBJ},
    {"utgår", L_NO, N, F_SUBJ},
    /* "Gravefri metode er ikkje aktuelt": the option is ruled out. */
    {"er ikke aktuelt", L_NO, B, 0}, {"er ikkje aktuelt", L_NO, B, 0},
    {"er ikke aktuell", L_NO, B, 0}, {"er ikkje aktuell", L_NO, B, 0},
    {"er ikke aktuelle", L_NO, B, 0}, {"er ikkje aktuelle", L_NO, B, 0},
    {"no requirement*", L_EN, B, 0}, {"not a requirement", L_EN, B, 0},
    {"is not a requirement", L_EN, B, 0}, {"there is no requirement*", L_EN, B, 0},
    {"is not required", L_EN, B, 0}, {"are not required", L_EN, B, 0},
    {"not required", L_EN, B, 0}, {"not be required", L_EN, B, 0},
    {"is not mandatory", L_EN, B, 0}, {"are not mandatory", L_EN, B, 0},
    {"not mandatory", L_EN, B, 0}, {"not obligatory", L_EN, B, 0},
    {"not compulsory", L_EN, B, 0}, {"need not", L_EN, B, 0}, {"needn't", L_EN, B, 0},
    {"does not need to", L_EN, B, 0}, {"do not need to", L_EN, B, 0},
    {"doesn't need to", L_EN, B, 0}, {"don't need to", L_EN, B, 0},
    {"is not necessary", L_EN, B, 0}, {"not necessary", L_EN, B, 0},
    {"no need", L_EN, B, 0}, {"no minimum requirement*", L_EN, B, 0},
    {"not obliged", L_EN, B, 0},
    {"will not be evaluated", L_EN, W, 0}, {"will not be assessed", L_EN, W, 0},
    {"will not be considered", L_EN, B, 0}, {"are not considered", L_EN, B, 0},
    {"is not considered", L_EN, B, 0}, {"not be considered", L_EN, B, 0},
    {"will not be scored", L_EN, W, 0}, {"will not be weighted", L_EN, W, 0},
    {"will not be given points", L_EN, W, 0}, {"will not be awarded", L_EN, W, 0},
    {"no points", L_EN, W, 0}, {"not be evaluated", L_EN, W, 0},
    {"does not apply", L_EN, N, F_SUBJ}, {"do not apply", L_EN, N, F_SUBJ},
    {"doesn't apply", L_EN, N, F_SUBJ}, {"don't apply", L_EN, N, F_SUBJ},
    {"shall not apply", L_EN, N, F_SUBJ}, {"will not apply", L_EN, N, F_SUBJ},
    {"is not applicable", L_EN, N, F_SUBJ}, {"are not applicable", L_EN, N, F_SUBJ},
    {"not applicable", L_EN, N, F_SUBJ}, {"is waived", L_EN, N, F_SUBJ},
    {"are waived", L_EN, N, F_SUBJ},
};

#undef B
#undef W
#undef P
#undef N

typedef struct {
  const char *pat;
  unsigned char langs;
} word_def;

static const word_def negations[] = {
    {"ikke", L_NO},        {"ikkje", L_NO},        {"ingen", L_NO},      {"inga", L_NO},
    {"intet", L_NO},       {"inkje", L_NO},        {"uten", L_NO},       {"utan", L_NO},
    {"aldri", L_NO},       {"unntatt", L_NO},      {"unnateke", L_NO},   {"unntake", L_NO},
    {"med unntak av", L_NO}, {"bortsett fra", L_NO}, {"bortsett frå", L_NO},
    {"verken", L_NO},      {"hverken", L_NO},      {"korkje", L_NO},     {"fri for", L_NO},
    {"fritt for", L_NO},   {"frie for", L_NO},     {"fri frå", L_NO},    {"fritt frå", L_NO},
    {"frie frå", L_NO},    {"not", L_EN},          {"no", L_EN},         {"none", L_EN},
    {"without", L_EN},     {"never", L_EN},        {"except", L_EN},     {"excluding", L_EN},
    {"neither", L_EN},     {"nor", L_EN},          {"cannot", L_EN},     {"free of", L_EN},
    {"free from", L_EN},
};

/* Phrases with a negation word that do not negate: "ikke bare ... men også",
 * limits ("ikke mindre enn 5 år", "no later than"), and set phrases. */
static const word_def idioms[] = {
    {"ikke bare", L_NO},               {"ikkje berre", L_NO},
    {"ikkje bare", L_NO},              {"ikke kun", L_NO},
    {"ikke utelukkende", L_NO},        {"ikke minst", L_NO},
    {"ikkje minst", L_NO},             {"ikke mindre enn", L_NO},
    {"ikkje mindre enn", L_NO},        {"ikke kortere enn", L_NO},
    {"ikkje kortare enn", L_NO},       {"ikke dårligere enn", L_NO},
    {"ikkje dårlegare enn", L_NO},     {"ikke lavere enn", L_NO},
    {"ikkje lågare enn", L_NO},        {"ikke senere enn", L_NO},
    {"ikkje seinare enn", L_NO},       {"ikke færre enn", L_NO},
    {"ikke mer enn", L_NO},            {"ikkje meir enn", L_NO},
    {"ikke være mindre enn", L_NO},
    {"ikke være kortere enn", L_NO},   {"ikke være dårligere enn", L_NO},
    {"ikke være lavere enn", L_NO},    {"ikkje vere mindre enn", L_NO},
    {"ikkje vere kortare enn", L_NO},  {"ikke uttømmende", L_NO},
    {"ikkje uttømmande", L_NO},        {"uten ugrunnet opphold", L_NO},
    {"uten unødig opphold", L_NO},     {"uten unødvendig opphold", L_NO},
    {"uten opphold", L_NO},            {"utan ugrunna opphald", L_NO},
    {"utan unødig opphald", L_NO},     {"utan opphald", L_NO},
    {"uten kostnad", L_NO},            {"uten ekstra kostnad", L_NO},
    {"uten merkostnad", L_NO},         {"uten tilleggskostnad", L_NO},
    {"utan kostnad", L_NO},            {"utan ekstra kostnad", L_NO},
    {"uten vederlag", L_NO},           {"not only", L_EN},
    {"not just", L_EN},                {"not merely", L_EN},
    {"not least", L_EN},               {"no later than", L_EN},
    {"not later than", L_EN},          {"no less than", L_EN},
    {"not less than", L_EN},           {"no fewer than", L_EN},
    {"not fewer than", L_EN},          {"no shorter than", L_EN},
    {"not shorter than", L_EN},        {"not be less than", L_EN},
    {"not be shorter than", L_EN},     {"no more than", L_EN},
    {"not more than", L_EN},           {"not exceed", L_EN},
    {"without undue delay", L_EN},     {"without delay", L_EN},
    {"at no cost", L_EN},              {"at no extra cost", L_EN},
    {"at no additional cost", L_EN},   {"at no charge", L_EN},
    {"no charge", L_EN},               {"free of charge", L_EN},
    {"whether or not", L_EN},          {"but not limited to", L_EN},
    {"not limited to", L_EN},          {"not exhaustive", L_EN},
    {"if not", L_EN},
};

/* Words that open a subordinate clause, after which kan/can/may is an
 * ability ("møbler som kan repareres"). */
static const word_def subordinators[] = {
    {"som", L_NO},   {"at", L_NO},       {"slik", L_NO},    {"der", L_NO},
    {"hvor", L_NO},  {"kor", L_NO},      {"dersom", L_NO},  {"hvis", L_NO},
    {"viss", L_NO},  {"om", L_NO},       {"når", L_NO},     {"fordi", L_NO},
    {"hvordan", L_NO}, {"korleis", L_NO}, {"så", L_NO},     {"that", L_EN},
    {"which", L_EN}, {"who", L_EN},      {"where", L_EN},   {"whereby", L_EN},
    {"if", L_EN},    {"when", L_EN},     {"whether", L_EN}, {"unless", L_EN},
    {"so", L_EN},    {"how", L_EN},      {"because", L_EN},
};

/* Words before "gjelder ikke" / "does not apply" that make it a waiver. */
static const word_def requirement_words[] = {
    {"krav*", L_NO},     {"kriteri*", L_NO},  {"vilkår*", L_NO},      {"bestemmelse*", L_NO},
    {"punkt*", L_NO},    {"requirement*", L_EN}, {"criteri*", L_EN}, {"condition*", L_EN},
    {"clause*", L_EN},   {"provision*", L_EN},
};

/* Conjunctions that open a new clause when a modal cue follows them; the
 * first two always do. */
static const char *const conjunctions[] = {"men",  "but", "og",    "samt",
                                           "eller", "mens", "and",  "or",
                                           "while", "whereas"};
enum { ALWAYS_CONJUNCTIONS = 2 };

/* --- first-byte index ------------------------------------------------------------ */

/* Each table is looked up at every word, so the entries are bucketed by a
 * hash of their first two bytes once per process (pthread_once); afterwards
 * the index is only read. The key folds case the way the matcher does
 * (Latin-1 capitals share the lead byte 0xC3 with their small letters), and
 * any space second counts as ' ', so a word only meets the few phrases that
 * could match it. */
enum { T_MODAL, T_WAIVER_TAB, T_NEGATION, T_IDIOM_TAB, T_SUBORD, T_REQWORD, TABLE_COUNT };
enum { MAX_TABLE = 512, BUCKETS = 256 };

typedef struct {
  unsigned short off[BUCKETS + 1]; /* bucket b: order[off[b] .. off[b + 1]) */
  unsigned short order[MAX_TABLE];
} table_index;

static table_index indexes[TABLE_COUNT];
static pthread_once_t indexes_once = PTHREAD_ONCE_INIT;

static unsigned bucket_of(unsigned b0, unsigned b1) {
  if (b0 >= 'A' && b0 <= 'Z')
    b0 += 32;
  if (b0 == 0xC3)
    b1 = ck_latin1_fold((unsigned char)b1);
  else if (b1 >= 'A' && b1 <= 'Z')
    b1 += 32;
  return (b0 * 31u + b1) % BUCKETS;
}

/* The bucket of the text at 'pos'. */
static unsigned text_bucket(const char *s, size_t len, size_t pos) {
  unsigned b1 = 0;
  if (pos + 1 < len)
    b1 = ck_text_space_len(s, len, pos + 1) ? ' ' : (unsigned char)s[pos + 1];
  return bucket_of((unsigned char)s[pos], b1);
}

static const char *entry_pat(const void *base, size_t stride, size_t k) {
  return *(const char *const *)(const void *)((const char *)base + k * stride);
}

static unsigned pat_bucket(const char *p) {
  return bucket_of((unsigned char)p[0], (unsigned char)p[1]);
}

static void build_index(table_index *ix, const void *base, size_t n, size_t stride) {
  unsigned count[BUCKETS] = {0};
  for (size_t k = 0; k < n; k++)
    count[pat_bucket(entry_pat(base, stride, k))]++;
  ix->off[0] = 0;
  for (unsigned b = 0; b < BUCKETS; b++)
    ix->off[b + 1] = (unsigned short)(ix->off[b] + count[b]);
  unsigned short fill[BUCKETS];
  memcpy(fill, ix->off, sizeof fill);
  for (size_t k = 0; k < n; k++) /* stable: table order within a bucket */
    ix->order[fill[pat_bucket(entry_pat(base, stride, k))]++] = (unsigned short)k;
}

static void build_indexes(void) {
  build_index(&indexes[T_MODAL], modal_cues, COUNT_OF(modal_cues), sizeof *modal_cues);
  build_index(&indexes[T_WAIVER_TAB], waiver_cues, COUNT_OF(waiver_cues), sizeof *waiver_cues);
  build_index(&indexes[T_NEGATION], negations, COUNT_OF(negations), sizeof *negations);
  build_index(&indexes[T_IDIOM_TAB], idioms, COUNT_OF(idioms), sizeof *idioms);
  build_index(&indexes[T_SUBORD], subordinators, COUNT_OF(subordinators), sizeof *subordinators);
  build_index(&indexes[T_REQWORD], requirement_words, COUNT_OF(requirement_words),
              sizeof *requirement_words);
}

_Static_assert(COUNT_OF(modal_cues) <= MAX_TABLE && COUNT_OF(waiver_cues) <= MAX_TABLE &&
                   COUNT_OF(idioms) <= MAX_TABLE,
               "table_index too small");

/* --- words and clauses --------------------------------------------------------- */

enum { G_COMMA = 1, G_STRONG = 2, G_OTHER = 4 };
enum {
  T_IDIOM = 1,     /* inside a phrase that only looks negative */
  T_WAIVER = 2,    /* inside a waiver */
  T_CUE = 4,       /* a modal cue starts here */
  T_CUE_AHEAD = 8, /* a cue starts here or later before the next comma */
};

typedef struct {
  size_t s, e;
  unsigned char gap;   /* G_* marks between the previous word and this one */
  unsigned char flags; /* T_* */
  int fine, coarse;    /* clause numbers */
} word;

typedef struct {
  size_t s, e;   /* byte range */
  size_t t0, t1; /* first and last word */
  unsigned char modality, flags;
} found;

static bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

/* Classifies the non-word bytes in [a, b) between two words. */
static unsigned gap_marks(const char *s, size_t len, size_t a, size_t b) {
  const unsigned char *u = (const unsigned char *)s;
  unsigned g = 0;
  for (size_t i = a; i < b; i++) {
    unsigned c = u[i];
    if (ck_text_space_len(s, len, i) && c != '\t')
      continue;
    bool between_digits = i > 0 && i + 1 < len && is_digit(u[i - 1]) && is_digit(u[i + 1]);
    if (c == ',')
      g |= between_digits ? G_OTHER : G_COMMA;
    else if (c == ';' || c == '!' || c == '?' || c == '|' || c == '\t')
      g |= G_STRONG;
    else if (c == ':')
      g |= between_digits ? G_OTHER : G_STRONG;
    else if (c == 0xE2 && i + 2 < len && u[i + 1] == 0x80 && (u[i + 2] == 0x93 || u[i + 2] == 0x94))
      g |= G_COMMA;
    else if (c == '-' && i > a && i + 1 < b)
      g |= G_COMMA; /* a spaced hyphen used as a dash */
    else
      g |= G_OTHER;
  }
  return g;
}

/* Cuts the sentence into words. Returns the count; stores up to 'cap'. */
static size_t split_words(const char *s, size_t len, word *out, size_t cap) {
  size_t n = 0, prev_end = 0, i = 0;
  while (i < len) {
    if (!ck_text_word_at(s, len, i)) {
      i++;
      continue;
    }
    size_t e = ck_text_word_end(s, len, i);
    if (n < cap) {
      out[n].s = i;
      out[n].e = e;
      out[n].gap = (unsigned char)(n ? gap_marks(s, len, prev_end, i) : 0);
      out[n].flags = 0;
      out[n].fine = out[n].coarse = 0;
    }
    n++;
    prev_end = i = e;
  }
  return n;
}

/* The word whose range contains 'pos' or, when 'pos' is between words, the
 * next one; 'n' past the end. */
static size_t word_at_or_after(const word *w, size_t n, size_t pos) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (w[mid].e <= pos)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

/* The last word that starts before 'pos'; SIZE_MAX when none. */
static size_t word_before_pos(const word *w, size_t n, size_t pos) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (w[mid].s < pos)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo ? lo - 1 : (size_t)-1;
}

/* The longest phrase of table 'tab' (entries 'defs', in 'mask') matching at
 * word 'i'; its end offset, 0 when none. */
static size_t longest_word_def(const char *s, size_t len, const word *w, size_t i, int tab,
                               const word_def *defs, unsigned mask) {
  const table_index *ix = &indexes[tab];
  unsigned b = text_bucket(s, len, w[i].s);
  size_t best = 0;
  for (unsigned q = ix->off[b]; q < ix->off[b + 1]; q++) {
    const word_def *d = &defs[ix->order[q]];
    if (!(d->langs & mask))
      continue;
    size_t e = ck_text_match_phrase(s, len, w[i].s, d->pat);
    if (e > best)
      best = e;
  }
  return best;
}

/* The same for a cue table; returns the cue and its end in '*end'. */
static const cue_def *longest_cue(const char *s, size_t len, const word *w, size_t i, int tab,
                                  const cue_def *defs, unsigned mask, size_t *end) {
  const table_index *ix = &indexes[tab];
  unsigned b = text_bucket(s, len, w[i].s);
  const cue_def *best = NULL;
  *end = 0;
  for (unsigned q = ix->off[b]; q < ix->off[b + 1]; q++) {
    const cue_def *d = &defs[ix->order[q]];
    if (!(d->langs & mask))
      continue;
    size_t e = ck_text_match_phrase(s, len, w[i].s, d->pat);
    if (e > *end) {
      *end = e;
      best = d;
    }
  }
  return best;
}

static bool word_is(const char *s, size_t len, const word *w, const char *pat) {
  unsigned char c = (unsigned char)s[w->s];
  if (c >= 'A' && c <= 'Z')
    c += 32;
  return c == (unsigned char)pat[0] && ck_text_match_phrase(s, len, w->s, pat) == w->e;
}

/* True when word 'i' is one whole entry of table 'tab'. */
static bool word_in(const char *s, size_t len, const word *w, size_t i, int tab,
                    const word_def *defs, unsigned mask) {
  return longest_word_def(s, len, w, i, tab, defs, mask) == w[i].e;
}

/* The index of the last word that ends at or before 'end', from 'from'. */
static size_t last_word_within(const word *w, size_t n, size_t from, size_t end) {
  size_t j = from;
  while (j + 1 < n && w[j + 1].e <= end)
    j++;
  return j;
}

/* Whether a modal cue found at word 'i' is something else in context: an
 * ability after a subordinator, the month May, an inverted condition. */
static bool cue_is_spurious(const char *s, size_t len, const word *w, size_t n, size_t i,
                            const cue_def *c, unsigned mask) {
  if (c->flags & F_ABILITY) {
    for (size_t k = i, steps = 0; k > 0 && steps < 3; k--, steps++) {
      if (w[k].gap & (G_STRONG | G_COMMA))
        break;
      if (word_in(s, len, w, k - 1, T_SUBORD, subordinators, mask))
        return true;
    }
  }
  if (c->flags & F_MAY) {
    static const char *const before_month[] = {"in", "of", "by", "until", "from", "since",
                                               "during", "early", "late", "mid", "end"};
    if (i + 1 < n && is_digit((unsigned char)s[w[i + 1].s]))
      return true;
    for (size_t k = 0; i > 0 && k < COUNT_OF(before_month); k++)
      if (word_is(s, len, &w[i - 1], before_month[k]))
        return true;
  }
  if ((c->flags & F_SHOULD) && i == 0 && n > 1) {
    static const char *const subjects[] = {"the", "a", "an", "any", "it", "this", "there",
                                           "such", "we", "you", "they", "he", "she"};
    for (size_t k = 0; k < COUNT_OF(subjects); k++)
      if (word_is(s, len, &w[1], subjects[k]))
        return true;
  }
  return false;
}

/* A requirement word before word 'i' in the same stretch between strong
 * marks: "Kravet gjelder ikke ...". */
static bool requirement_before(const char *s, size_t len, const word *w, size_t i,
                               unsigned mask) {
  for (size_t k = i; k > 0; k--) {
    if (w[k].gap & G_STRONG)
      return false;
    if (longest_word_def(s, len, w, k - 1, T_REQWORD, requirement_words, mask))
      return true;
  }
  return false;
}

/* The end of the negation at word 'i', 0 when it is none: a negation phrase
 * or an English "n't" contraction, not inside an idiom or a waiver. */
static size_t negation_at(const char *s, size_t len, const word *w, size_t n, size_t i,
                          unsigned mask) {
  if (w[i].flags & (T_IDIOM | T_WAIVER))
    return 0;
  size_t e = longest_word_def(s, len, w, i, T_NEGATION, negations, mask);
  if (e && word_is(s, len, &w[i], "no")) {
    /* "No. 5", "no 5" are numbers */
    if ((w[i].e < len && s[w[i].e] == '.') ||
        (i + 1 < n && is_digit((unsigned char)s[w[i + 1].s])))
      return 0;
  }
  if (e)
    return e;
  if (mask & L_EN) {
    const char *t = s + w[i].s;
    size_t wl = w[i].e - w[i].s;
    if ((wl > 3 && (t[wl - 3] == 'n' || t[wl - 3] == 'N') && t[wl - 2] == '\'' &&
         (t[wl - 1] == 't' || t[wl - 1] == 'T')) ||
        (wl > 5 && (t[wl - 5] == 'n' || t[wl - 5] == 'N') && memcmp(t + wl - 4, "\xE2\x80\x99", 3) == 0 &&
         (t[wl - 1] == 't' || t[wl - 1] == 'T')))
      return w[i].e;
  }
  return 0;
}

static bool is_conjunction(const char *s, size_t len, const word *w, bool *always) {
  for (size_t k = 0; k < COUNT_OF(conjunctions); k++)
    if (word_is(s, len, w, conjunctions[k])) {
      *always = k < ALWAYS_CONJUNCTIONS;
      return true;
    }
  return false;
}

/* Numbers the fine and coarse clauses (see the comment at the top). */
static void number_clauses(const char *s, size_t len, word *w, size_t n) {
  for (size_t i = n; i-- > 0;) {
    bool ahead = (w[i].flags & T_CUE) ||
                 (i + 1 < n && !(w[i + 1].gap & (G_STRONG | G_COMMA)) &&
                  (w[i + 1].flags & T_CUE_AHEAD));
    if (ahead)
      w[i].flags |= T_CUE_AHEAD;
  }
  int fine = 0, coarse = 0;
  bool cue_behind = false; /* a cue earlier in the current coarse clause */
  for (size_t i = 0; i < n; i++) {
    if (i > 0) {
      bool always = false, conj = is_conjunction(s, len, &w[i], &always);
      bool cue_follows = i + 1 < n && !(w[i + 1].gap & (G_STRONG | G_COMMA)) &&
                         (w[i + 1].flags & T_CUE_AHEAD);
      bool coarse_break =
          (w[i].gap & G_STRONG) || (conj && (always || (cue_follows && cue_behind)));
      if (coarse_break) {
        coarse++;
        cue_behind = false;
      }
      if (coarse_break || (w[i].gap & G_COMMA))
        fine++;
    }
    if (w[i].flags & T_CUE)
      cue_behind = true;
    w[i].fine = fine;
    w[i].coarse = coarse;
  }
}

/* Picks among 'cues' those in clause 'id' (fine or coarse): the nearest that
 * starts before the match ends, else the nearest after it. */
static const found *nearest_in_clause(const found *cues, size_t nc, const word *w,
                                      bool use_fine, int id, size_t m1) {
  const found *before = NULL, *after = NULL;
  for (size_t k = 0; k < nc; k++) {
    const word *cw = &w[cues[k].t0];
    if ((use_fine ? cw->fine : cw->coarse) != id)
      continue;
    if (cues[k].t0 <= m1)
      before = &cues[k]; /* cues are in text order: the last one is the nearest */
    else if (!after)
      after = &cues[k];
  }
  return before ? before : after;
}

static int strength(unsigned m) {
  return m == CK_MODALITY_BINDING ? 3 : m == CK_MODALITY_WISH ? 2 : m == CK_MODALITY_PERMISSION;
}

static size_t distance(size_t a, size_t b) { return a > b ? a - b : b - a; }

/* The whole classification on words 'w' (n of them) and room for 'n' cues. */
static ck_sentence_mode classify(const char *s, size_t len, unsigned mask, word *w, size_t n,
                                 found *cues, size_t ms, size_t me) {
  ck_sentence_mode r = {CK_MODALITY_NONE, false, false, 0, 0};
  size_t nc = 0, nwaiv = 0;
  found *waivers = cues + n; /* the second half of the room */

  /* idioms first: their negation words are no negation */
  for (size_t i = 0; i < n; i++) {
    size_t e = longest_word_def(s, len, w, i, T_IDIOM_TAB, idioms, mask);
    if (e)
      for (size_t j = i; j < n && w[j].s < e; j++)
        w[j].flags |= T_IDIOM;
  }
  /* waivers before modal cues: "kreves ikke" is not "kreves" */
  for (size_t i = 0; i < n; i++) {
    size_t e;
    const cue_def *c = longest_cue(s, len, w, i, T_WAIVER_TAB, waiver_cues, mask, &e);
    if (!c || ((c->flags & F_SUBJ) && !requirement_before(s, len, w, i, mask)))
      continue;
    size_t j = last_word_within(w, n, i, e);
    waivers[nwaiv++] = (found){w[i].s, e, i, j, c->modality, c->flags};
    for (size_t k = i; k <= j; k++)
      w[k].flags |= T_WAIVER;
    i = j;
  }
  for (size_t i = 0; i < n; i++) {
    if (w[i].flags & T_WAIVER)
      continue;
    size_t e;
    const cue_def *c = longest_cue(s, len, w, i, T_MODAL, modal_cues, mask, &e);
    if (!c || cue_is_spurious(s, len, w, n, i, c, mask))
      continue;
    size_t j = last_word_within(w, n, i, e);
    unsigned flags = c->flags;
    if (flags & F_NEG) {
      /* "skal ikke bare", "shall not be less than": the negation belongs to
         an idiom, so only the modal verb is a cue */
      bool idiom = false;
      for (size_t k = i; k <= j; k++)
        if (w[k].flags & T_IDIOM)
          idiom = true;
      if (idiom && i < j) {
        flags &= ~(unsigned)F_NEG;
        j = i;
        e = w[i].e;
      }
    }
    cues[nc++] = (found){w[i].s, e, i, j, c->modality, (unsigned char)flags};
    w[i].flags |= T_CUE;
    i = j;
  }
  for (size_t k = 0; k < nwaiv; k++)
    w[waivers[k].t0].flags |= T_CUE;
  number_clauses(s, len, w, n);

  /* the words of the match */
  size_t m0 = word_at_or_after(w, n, ms);
  if (m0 >= n)
    m0 = n - 1;
  size_t m1 = word_before_pos(w, n, me);
  if (m1 == (size_t)-1 || m1 < m0)
    m1 = m0;

  const found *decide = nearest_in_clause(cues, nc, w, true, w[m0].fine, m1);
  if (!decide)
    decide = nearest_in_clause(cues, nc, w, false, w[m0].coarse, m1);
  bool in_clause = decide != NULL;
  for (size_t q = 0; !in_clause && q < nc; q++)
    if (!decide || strength(cues[q].modality) > strength(decide->modality) ||
        (strength(cues[q].modality) == strength(decide->modality) &&
         distance(cues[q].t0, m0) < distance(decide->t0, m0)))
      decide = &cues[q];

  const found *waiver = NULL;
  for (size_t k = 0; k < nwaiv; k++)
    if (w[waivers[k].t0].coarse == w[m0].coarse &&
        (!waiver || distance(waivers[k].t0, m0) < distance(waiver->t0, m0)))
      waiver = &waivers[k];

  size_t neg_s = 0, neg_e = 0;
  if (in_clause && (decide->flags & F_NEG)) {
    neg_s = decide->s;
    neg_e = decide->e;
  }
  if (!neg_e) {
    /* the five words before the match, in its coarse clause */
    for (size_t k = m0, steps = 0; k > 0 && steps < 5; k--, steps++) {
      if (w[k - 1].coarse != w[m0].coarse || w[k - 1].e > ms)
        break;
      /* A comma ends an enumeration item: in "med og uten stålkjernepeler,
         styrte boringer" the drilling is not negated. A prohibiting modal
         ("skal ikke levere brukte, istandsatte ...") is caught above. */
      size_t gap_end = k == m0 ? ms : w[k].s;
      if (gap_end > w[k - 1].e && memchr(s + w[k - 1].e, ',', gap_end - w[k - 1].e))
        break;
      size_t e = negation_at(s, len, w, n, k - 1, mask);
      if (e) {
        neg_s = w[k - 1].s;
        neg_e = e;
        break;
      }
    }
  }
  if (!neg_e && decide && decide->t1 < m0 && w[decide->t0].coarse == w[m0].coarse) {
    /* between the modal verb and the match: "skal etter avtale ikke ..." */
    for (size_t k = decide->t1 + 1; k < m0; k++) {
      size_t e = negation_at(s, len, w, n, k, mask);
      if (e) {
        neg_s = w[k].s;
        neg_e = e;
        break;
      }
    }
  }

  r.modality = decide ? (ck_modality)decide->modality
                      : waiver ? (ck_modality)waiver->modality : CK_MODALITY_NONE;
  r.waived = waiver != NULL;
  r.negated = neg_e != 0;
  if (waiver) {
    r.cue_start = waiver->s;
    r.cue_end = waiver->e;
  } else if (r.negated) {
    r.cue_start = neg_s;
    r.cue_end = neg_e;
  } else if (decide) {
    r.cue_start = decide->s;
    r.cue_end = decide->e;
  }
  return r;
}

enum { STACK_WORDS = 128 };

ck_sentence_mode ck_classify_sentence(const char *sentence, size_t len, ck_lang lang,
                                      size_t match_start, size_t match_end) {
  ck_sentence_mode none = {CK_MODALITY_NONE, false, false, 0, 0};
  if (!sentence || !len)
    return none;
  if (match_start > len)
    match_start = len;
  if (match_end > len)
    match_end = len;
  if (match_end < match_start)
    match_end = match_start;

  pthread_once(&indexes_once, build_indexes);
  word wstack[STACK_WORDS];
  found fstack[2 * STACK_WORDS];
  word *w = wstack;
  found *f = fstack;
  size_t n = split_words(sentence, len, w, STACK_WORDS);
  if (n == 0)
    return none;
  if (n > STACK_WORDS) {
    /* a long table row: one allocation for the words and one for the cues */
    w = ck_xmalloc(n * sizeof *w);
    f = ck_xmalloc(2 * n * sizeof *f);
    split_words(sentence, len, w, n);
  }
  ck_sentence_mode r = classify(sentence, len, lang == CK_LANG_EN ? L_EN : L_NO, w, n, f,
                                match_start, match_end);
  if (w != wstack) {
    free(w);
    free(f);
  }
  return r;
}

const char *ck_modality_name(ck_modality m) {
  static const char *const names[] = {[CK_MODALITY_NONE] = "none",
                                      [CK_MODALITY_BINDING] = "binding",
                                      [CK_MODALITY_WISH] = "wish",
                                      [CK_MODALITY_PERMISSION] = "permission"};
  _Static_assert(COUNT_OF(names) == CK_MODALITY_COUNT, "modality names");
  return (unsigned)m < CK_MODALITY_COUNT ? names[m] : "none";
}

/* Openings of a purpose ("Hensikten er å dokumentere ..."), and phrases of
   a plan anywhere in the sentence ("intends to increase internal reuse"). */
static const char *const purpose_openings[] = {
    "hensikten", "hensikta", "formålet er", "føremålet er", "målet er", "målet med",
    "målsettingen", "målsetjinga", "bakgrunnen for", "the purpose is", "the aim is",
    "the aim of", "the objective is", "the objective of", "the background",
};
static const char *const plan_phrases[] = {
    "har som mål", "har som målsetting", "tar sikte på", "planlegger å", "planlegg å",
    "intends to", "aims to", "plans to", "is planning to", "seeks to increase",
};

/* A purpose that is to buy something says what is bought: "Formålet er å
   anskaffe print som en tjeneste" is the subject of the contract. */
static const char *const buying_words[] = {
    "å anskaffe", "å anskaffa", "å kjøpe", "å leie", "å leige", "å lease", "å inngå",
    "å etablere", "to procure", "to purchase", "to buy", "to rent", "to lease", "to hire",
    "to enter",
};

static bool phrase_anywhere(const char *s, size_t len, const char *const *phrases, size_t n) {
  for (size_t pos = 0; pos < len; pos++) {
    if (!ck_text_word_at(s, len, pos) || (pos > 0 && ck_text_word_before(s, pos)))
      continue;
    for (size_t i = 0; i < n; i++)
      if (ck_text_match_phrase(s, len, pos, phrases[i]))
        return true;
  }
  return false;
}

/* Whether 'phrase' (lower case) stands in s[0, len) as whole words. Every
   judged sentence is asked, so this jumps with memchr to the phrase's first
   letter rather than walk over the words. */
static bool words_in(const char *s, size_t len, const char *phrase) {
  size_t n = strlen(phrase);
  size_t at = 0;
  while (at + n <= len) {
    const char *hit = memchr(s + at, phrase[0], len - n + 1 - at);
    if (!hit)
      return false;
    at = (size_t)(hit - s);
    if (memcmp(hit, phrase, n) == 0 && (at == 0 || !ck_text_word_before(s, at)) &&
        !ck_text_word_at(s, len, at + n))
      return true;
    at++;
  }
  return false;
}

bool ck_sentence_states_purpose(const char *sentence, size_t len) {
  bool purpose = false;
  for (size_t i = 0; i < COUNT_OF(purpose_openings) && !purpose; i++)
    purpose = ck_text_match_phrase(sentence, len, 0, purpose_openings[i]) != 0;
  for (size_t i = 0; i < COUNT_OF(plan_phrases) && !purpose; i++)
    purpose = words_in(sentence, len, plan_phrases[i]);
  return purpose && !phrase_anywhere(sentence, len, buying_words, COUNT_OF(buying_words));
}

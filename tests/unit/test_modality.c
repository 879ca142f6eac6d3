/* Modality, waiver and negation of tender sentences, table-driven over nb,
 * nn and en; each case locates the rule's match with strstr and pins the
 * deciding cue's text too. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "harness.h"
#include "modality.h"

#define COUNT_OF(a) (sizeof(a) / sizeof *(a))

typedef struct {
  const char *sentence;
  ck_lang lang;
  const char *match; /* located with strstr */
  ck_modality modality;
  bool waived, negated;
  const char *cue; /* the text at cue_start..cue_end; "" for none */
} mcase;

#define NB CK_LANG_NB
#define NN CK_LANG_NN
#define EN CK_LANG_EN
#define BIND CK_MODALITY_BINDING
#define WISH CK_MODALITY_WISH
#define PERM CK_MODALITY_PERMISSION
#define NONE CK_MODALITY_NONE

static const mcase cases[] = {
    /* bokmål */
    {"Leverandøren skal gi 5 års garanti.", NB, "garanti", BIND, false, false, "skal"},
    {"Leverandøren må dokumentere forventet levetid.", NB, "levetid", BIND, false, false, "må"},
    {"Det er et minstekrav at møblene kan repareres.", NB, "repareres", BIND, false, false,
     "er et minstekrav"},
    {"Tilbyder bør tilby reservedeler i 5 år.", NB, "reservedeler", WISH, false, false, "bør"},
    {"Lang levetid vil bli vektlagt.", NB, "levetid", WISH, false, false, "vil bli vektlagt"},
    {"Leverandøren kan tilby brukte møbler.", NB, "brukte", PERM, false, false, "kan"},
    {"Det stilles ikke krav om garanti.", NB, "garanti", BIND, true, false, "stilles ikke krav"},
    {"Garanti kreves ikke.", NB, "Garanti", BIND, true, false, "kreves ikke"},
    {"Møblene skal ikke være brukte.", NB, "brukte", BIND, false, true, "skal ikke"},
    {"Kun nye møbler aksepteres.", NB, "nye", NONE, false, false, ""},
    {"Gravefri metode er ikkje aktuelt på denne strekninga.", NN, "Gravefri", BIND, true,
     false, "er ikkje aktuelt"},
    {"Refurbished devices will not be considered.", EN, "Refurbished", BIND, true, false,
     "will not be considered"},
    /* a comma ends the reach of "uten": the drilling is not negated */
    {"Arbeidet omfatter peling med og uten stålkjernepeler, styrte boringer og relining.", NB,
     "styrte", NONE, false, false, ""},
    {"Leveransen skal være uten plast, og emballasjen skal tas i retur.", NB, "plast", BIND,
     false, true, "uten"},
    {"Leverandøren skal levere uten emballasje.", NB, "emballasje", BIND, false, true, "uten"},
    {"Ikke bare pris, men også levetid vektlegges.", NB, "levetid", WISH, false, false,
     "vektlegges"},
    {"Brukte møbler skal ikke leveres.", NB, "Brukte", BIND, false, true, "skal ikke"},
    {"Møblene skal ha 5 års garanti og skal ikke inneholde PVC.", NB, "garanti", BIND, false,
     false, "skal"},
    {"Møblene skal ha 5 års garanti og skal ikke inneholde PVC.", NB, "PVC", BIND, false, true,
     "skal ikke"},
    {"Dersom leverandøren kan dokumentere dette, skal garantien være 5 år.", NB, "garantien",
     BIND, false, false, "skal"},
    {"Leverandøren skal levere stoler, og det er ønskelig med 10 års garanti.", NB, "garanti",
     WISH, false, false, "ønskelig"},
    {"Leverandøren skal levere møbler som kan repareres.", NB, "repareres", BIND, false, false,
     "skal"},
    {"Garantien gjelder ikke ved feil bruk.", NB, "Garantien", NONE, false, false, ""},
    {"Kravet om garanti gjelder ikke for brukte møbler.", NB, "garanti", NONE, true, false,
     "gjelder ikke"},
    {"Produktene skal ikke inneholde PVC, ftalater eller bromerte flammehemmere.", NB,
     "ftalater", BIND, false, true, "skal ikke"},
    {"Garantitiden skal ikke være kortere enn 5 år.", NB, "5 år", BIND, false, false, "skal"},
    {"Reservedeler skal leveres uten ugrunnet opphold.", NB, "Reservedeler", BIND, false, false,
     "skal"},
    {"Brukte møbler er ikke tillatt.", NB, "Brukte", BIND, false, true, "er ikke tillatt"},
    {"Møblene skal være fri for PVC.", NB, "PVC", BIND, false, true, "fri for"},
    {"Det er ønskelig at leverandøren tilbyr reparasjon.", NB, "reparasjon", WISH, false, false,
     "ønskelig"},
    {"Tilbud med lengre garanti gir uttelling.", NB, "garanti", WISH, false, false,
     "gir uttelling"},
    {"Leverandøren har anledning til å tilby brukte møbler.", NB, "brukte", PERM, false, false,
     "har anledning til"},
    {"Oppdragsgiver stiller krav om 5 års garanti.", NB, "garanti", BIND, false, false,
     "stiller krav"},
    {"Lengre garanti vil ikke bli vektlagt.", NB, "garanti", WISH, true, false,
     "vil ikke bli vektlagt"},
    {"Leverandøren plikter å ta imot brukte møbler.", NB, "brukte", BIND, false, false,
     "plikter"},
    {"Det er ingen krav om reservedeler, men leverandøren skal gi garanti.", NB, "garanti",
     BIND, false, false, "skal"},
    {"Det er ingen krav om reservedeler, men leverandøren skal gi garanti.", NB,
     "reservedeler", BIND, true, false, "ingen krav"},
    {"MØBLENE MÅ HA GARANTI.", NB, "GARANTI", BIND, false, false, "MÅ"},
    {"Stolen skal ikke bare være billig, men også ha lang levetid.", NB, "billig", BIND, false,
     false, "skal"},
    {"Leverandøren skal tilby garanti, men ikke reparasjon.", NB, "reparasjon", BIND, false, true,
     "ikke"},
    {"The supplier shall deliver chairs", NB, "chairs", BIND, false, false, "shall"},
    {"Det vil bli lagt vekt på lang levetid.", NB, "levetid", WISH, false, false,
     "lagt vekt på"},
    {"Leverandøren skal, så langt det er mulig, tilby reservedeler.", NB, "reservedeler", WISH,
     false, false, "så langt det er mulig"},
    {"Tilbyder kan ikke tilby brukte møbler.", NB, "brukte", BIND, false, true, "kan ikke"},
    /* nynorsk */
    {"Leverandøren skal gje fem års garanti.", NN, "garanti", BIND, false, false, "skal"},
    {"Det vert ikkje stilt krav om garanti.", NN, "garanti", BIND, true, false,
     "vert ikkje stilt krav"},
    {"Tilbydar bør tilby reservedelar i fem år.", NN, "reservedelar", WISH, false, false, "bør"},
    {"Lang levetid vert vektlagt.", NN, "levetid", WISH, false, false, "vert vektlagt"},
    {"Leverandøren kan tilby brukte møblar.", NN, "brukte", PERM, false, false, "kan"},
    {"Det er ikkje krav om reservedelar.", NN, "reservedelar", BIND, true, false, "ikkje krav"},
    {"Møblane skal ikkje innehalde PVC.", NN, "PVC", BIND, false, true, "skal ikkje"},
    {"Det er ønskjeleg med reservedelar i ti år.", NN, "reservedelar", WISH, false, false,
     "ønskjeleg"},
    {"Leverandøren har høve til å tilby brukte møblar.", NN, "brukte", PERM, false, false,
     "har høve til"},
    {"Det er eit minstekrav at møblane kan reparerast.", NN, "reparerast", BIND, false, false,
     "er eit minstekrav"},
    {"Produkta skal vere utan PVC.", NN, "PVC", BIND, false, true, "utan"},
    {"Garanti krevst ikkje.", NN, "Garanti", BIND, true, false, "krevst ikkje"},
    {"Ikkje berre pris, men også levetid vert vektlagt.", NN, "levetid", WISH, false, false,
     "vert vektlagt"},
    /* English */
    {"The supplier shall provide a 5-year warranty.", EN, "warranty", BIND, false, false,
     "shall"},
    {"Warranty is not required.", EN, "Warranty", BIND, true, false, "is not required"},
    {"There is no requirement for spare parts.", EN, "spare", BIND, true, false,
     "There is no requirement"},
    {"Spare parts should be available for 5 years.", EN, "Spare", WISH, false, false, "should"},
    {"The supplier may offer refurbished products.", EN, "refurbished", PERM, false, false,
     "may"},
    {"Products must not contain SVHC above 0.1 %.", EN, "SVHC", BIND, false, true, "must not"},
    {"Longer warranties will be evaluated.", EN, "warranties", WISH, false, false,
     "will be evaluated"},
    {"The contractor is required to repair faulty items.", EN, "repair", BIND, false, false,
     "is required"},
    {"Should the supplier fail to deliver spare parts, a penalty applies.", EN, "spare", NONE,
     false, false, ""},
    {"Products shall be designed so that they can be disassembled.", EN, "disassembled", BIND,
     false, false, "shall"},
    {"Delivery starts in May 2025 and the supplier must offer repair.", EN, "repair", BIND,
     false, false, "must"},
    {"Delivery starts in May 2025.", EN, "Delivery", NONE, false, false, ""},
    {"The warranty does not apply to damage caused by misuse.", EN, "warranty", NONE, false,
     false, ""},
    {"This requirement does not apply to refurbished furniture.", EN, "refurbished", NONE, true,
     false, "does not apply"},
    {"Furniture shall be free of PVC.", EN, "PVC", BIND, false, true, "free of"},
    {"Repairs shall be carried out at no extra cost to the buyer.", EN, "Repairs", BIND, false,
     false, "shall"},
    {"Spare parts must be delivered no later than 10 days after order.", EN, "10 days", BIND,
     false, false, "must"},
    {"The supplier doesn't need to provide spare parts.", EN, "spare", BIND, true, false,
     "doesn't need to"},
    {"Used products are not permitted.", EN, "Used", BIND, false, true, "are not permitted"},
    {"Recycled content of at least 30 % is an advantage.", EN, "Recycled", WISH, false, false,
     "is an advantage"},
    {"The supplier shall deliver furniture that is not refurbished.", EN, "refurbished", BIND,
     false, true, "not"},
    {"Products shouldn't contain PVC.", EN, "PVC", WISH, false, true, "shouldn't"},
    {"Tenders offering take-back will be given extra points.", EN, "take-back", WISH, false,
     false, "will be given extra"},
    {"Refurbished furniture can be offered at the supplier’s discretion.", EN, "Refurbished",
     PERM, false, false, "can"},
    {"Packaging is optional.", EN, "Packaging", PERM, false, false, "optional"},
    {"Products must be new, not refurbished, and the supplier should offer repair.", EN,
     "repair", WISH, false, false, "should"},
    {"Leverandøren må levere nye stoler.", EN, "stoler", BIND, false, false, "må"},
    {"The supplier kan deliver used chairs.", EN, "used", NONE, false, false, ""},
};

static void test_cases(void) {
  for (size_t i = 0; i < COUNT_OF(cases); i++) {
    const mcase *c = &cases[i];
    const char *m = strstr(c->sentence, c->match);
    OK(m != NULL, "match \"%s\" not in \"%s\"", c->match, c->sentence);
    if (!m)
      continue;
    size_t ms = (size_t)(m - c->sentence), me = ms + strlen(c->match);
    ck_sentence_mode r = ck_classify_sentence(c->sentence, strlen(c->sentence), c->lang, ms, me);
    char what[200];
    snprintf(what, sizeof what, "modality of [%s] in \"%s\"", c->match, c->sentence);
    STR_EQ(ck_modality_name(r.modality), ck_modality_name(c->modality), what);
    snprintf(what, sizeof what, "waived of [%s] in \"%s\"", c->match, c->sentence);
    INT_EQ(r.waived, c->waived, what);
    snprintf(what, sizeof what, "negated of [%s] in \"%s\"", c->match, c->sentence);
    INT_EQ(r.negated, c->negated, what);
    size_t cl = strlen(c->cue);
    OK(r.cue_end >= r.cue_start && r.cue_end - r.cue_start == cl &&
           (cl == 0 || memcmp(c->sentence + r.cue_start, c->cue, cl) == 0),
       "cue of [%s] in \"%s\": got \"%.*s\", want \"%s\"", c->match, c->sentence,
       (int)(r.cue_end - r.cue_start), c->sentence + r.cue_start, c->cue);
  }
}

static void test_edges(void) {
  ck_sentence_mode r = ck_classify_sentence("", 0, NB, 0, 0);
  INT_EQ(r.modality, CK_MODALITY_NONE, "empty sentence");
  r = ck_classify_sentence(NULL, 0, NB, 0, 0);
  INT_EQ(r.modality, CK_MODALITY_NONE, "NULL sentence");
  r = ck_classify_sentence("... ;", 5, NB, 0, 5);
  INT_EQ(r.modality, CK_MODALITY_NONE, "no words");
  INT_EQ(r.cue_end, 0, "no cue");

  /* offsets past the end are clamped */
  const char *s = "Leverandøren skal gi garanti.";
  r = ck_classify_sentence(s, strlen(s), NB, 500, 900);
  INT_EQ(r.modality, CK_MODALITY_BINDING, "match past the end");
  /* the length bounds the scan: cut before "skal" */
  r = ck_classify_sentence(s, 13, NB, 0, 5);
  INT_EQ(r.modality, CK_MODALITY_NONE, "length respected");

  /* a long table row takes the heap path and still finds its cue */
  char row[4096];
  size_t n = 0;
  n += (size_t)snprintf(row + n, sizeof row - n, "Leverandøren skal levere");
  for (int i = 0; i < 200; i++)
    n += (size_t)snprintf(row + n, sizeof row - n, " stol");
  n += (size_t)snprintf(row + n, sizeof row - n, " uten garanti");
  const char *g = strstr(row, "garanti");
  r = ck_classify_sentence(row, n, NB, (size_t)(g - row), (size_t)(g - row) + 7);
  INT_EQ(r.modality, CK_MODALITY_BINDING, "long row modality");
  INT_EQ(r.negated, true, "long row negated");
  OK(r.cue_start == (size_t)(strstr(row, "uten") - row), "long row cue is 'uten'");

  STR_EQ(ck_modality_name(CK_MODALITY_NONE), "none", "name none");
  STR_EQ(ck_modality_name(CK_MODALITY_BINDING), "binding", "name binding");
  STR_EQ(ck_modality_name(CK_MODALITY_WISH), "wish", "name wish");
  STR_EQ(ck_modality_name(CK_MODALITY_PERMISSION), "permission", "name permission");
}

/* The cue index is built once on first use; several threads classifying at
 * the same moment must all see it complete and agree with one thread. */
enum { THREADS = 4 };

static void *classify_all(void *arg) {
  unsigned *mismatches = arg;
  for (int round = 0; round < 20; round++)
    for (size_t i = 0; i < COUNT_OF(cases); i++) {
      const mcase *c = &cases[i];
      const char *m = strstr(c->sentence, c->match);
      size_t ms = (size_t)(m - c->sentence);
      ck_sentence_mode r = ck_classify_sentence(c->sentence, strlen(c->sentence), c->lang, ms,
                                                ms + strlen(c->match));
      if (r.modality != c->modality || r.waived != c->waived || r.negated != c->negated)
        (*mismatches)++;
    }
  return NULL;
}

static void test_threads(void) {
  pthread_t t[THREADS];
  unsigned mismatches[THREADS] = {0};
  for (int i = 0; i < THREADS; i++)
    OK(pthread_create(&t[i], NULL, classify_all, &mismatches[i]) == 0, "thread %d starts", i);
  for (int i = 0; i < THREADS; i++) {
    pthread_join(t[i], NULL);
    INT_EQ(mismatches[i], 0, "mismatches in a thread");
  }
}

/* Purpose and the buyer's plans are background; a purpose that is to buy
   something states what is bought. */
static void test_purpose(void) {
  static const char *const purpose[] = {
      "Hensikten er å dokumentere miljøtilstanden i bekkene.",
      "Målet med avtalen er mindre avfall fra kantinene.",
      "Kommunen har som mål å halvere matsvinnet innen 2030.",
      "The authority intends to increase internal reuse through a separate framework.",
      "The purpose is to map hazardous substances in the harbour.",
  };
  static const char *const not_purpose[] = {
      "Formålet er å anskaffe utskrift som en tjeneste.",
      "The purpose is to procure refurbished laptops for the schools.",
      "Leverandøren skal rapportere andelen ombrukte møbler hvert år.",
      "Målingene skal dokumenteres i en rapport.",
  };
  for (size_t i = 0; i < sizeof purpose / sizeof *purpose; i++)
    OK(ck_sentence_states_purpose(purpose[i], strlen(purpose[i])), "purpose: %s", purpose[i]);
  for (size_t i = 0; i < sizeof not_purpose / sizeof *not_purpose; i++)
    OK(!ck_sentence_states_purpose(not_purpose[i], strlen(not_purpose[i])), "not purpose: %s",
       not_purpose[i]);
}

int main(void) {
  test_purpose();
  test_threads(); /* first, so the threads race to build the index */
  test_cases();
  test_edges();
  return ck_test_report();
}

/* Tests of language detection on short tender-like passages. */
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "harness.h"

static void expect(const char *text, ck_lang want) {
  ck_other_lang other;
  ck_lang got = ck_detect_language(text, strlen(text), &other);
  OK(got == want, "\"%s\": got %s, want %s", text, ck_lang_name(got), ck_lang_name(want));
  OK(other == CK_OTHER_LANG_NONE, "\"%s\": no neighbouring language, got %s", text,
     ck_other_lang_name(other));
}

/* Swedish and Danish: read with the bokmål rules, and told apart. */
static void expect_other(const char *text, ck_other_lang want) {
  ck_other_lang other;
  ck_lang got = ck_detect_language(text, strlen(text), &other);
  OK(got == CK_LANG_NB, "\"%s\": read as bokmål, got %s", text, ck_lang_name(got));
  OK(other == want, "\"%s\": got %s, want %s", text,
     other ? ck_other_lang_name(other) : "none", ck_other_lang_name(want));
}

static void test_neighbours(void) {
  expect_other("Leverantören ska lämna minst fem års garanti, och det är inte tillåtet att "
               "leverera produkter som innehåller PFAS enligt avtalet.",
               CK_OTHER_LANG_SV);
  expect_other("Kommunen ska upphandla skolmöbler till den nya skolan, och leverantören "
               "ska även ta emot de gamla möblerna för återbruk.",
               CK_OTHER_LANG_SV);
  expect_other("Leverandøren skal give mindst fem års garanti, og tilbudsgiveren skal "
               "dokumentere kravene efter aftalen. Udbuddet omfatter også levering af "
               "reservedele uden beregning.",
               CK_OTHER_LANG_DA);
  /* a Norwegian tender that names a Swedish standard stays Norwegian */
  expect("Leverandøren skal dokumentere holdbarhet etter SS 839122 «Möbler för offentlig "
         "miljö», og alle stoler skal ha minst fem års garanti.",
         CK_LANG_NB);
  /* Danish shares "ikke", "skal" and "også" with bokmål; those alone decide nothing */
  expect("Leverandøren skal også levere stoler, og det er ikke tillatt med PVC.", CK_LANG_NB);
}

static const char *const bokmal[] = {
    "Leverandøren skal levere møbler som er produsert med minst 30 prosent resirkulert "
    "materiale.",
    "Det er ikke tillatt å bruke stoffer som står på kandidatlisten.",
    "Oppdragsgiveren ønsker å vite hvordan produktene kan repareres og hva det koster.",
    "Tilbyderen må også beskrive hvordan reservedeler blir tilgjengelige i minst fem år.",
    "Varene skal leveres fra lageret uten emballasje av plast, og det skal være mulig å "
    "returnere dem.",
    "Kontrakten gjelder i to år med opsjon på forlengelse, og det er et krav at alle møbler "
    "har garanti.",
    "Hvis leverandøren ikke kan levere, skal oppdragsgiver varsles skriftlig.",
};

static const char *const nynorsk[] = {
    "Leverandøren skal levere møblar som er produserte med minst 30 prosent resirkulert "
    "materiale, og det er ikkje lov å bruke plast.",
    "Det er ikkje tillate å nytte stoff som står på kandidatlista.",
    "Oppdragsgivaren ønskjer å vite korleis produkta kan reparerast og kva det kostar.",
    "Tilbydaren må òg skildre korleis reservedelar vert tilgjengelege i minst fem år.",
    "Varene skal leverast frå lageret utan emballasje av plast, og det skal vere mogleg å "
    "returnere dei.",
    "Kontrakten gjeld i to år med opsjon på forlenging, og det er eit krav at alle møblar har "
    "garanti.",
    "Viss leverandøren ikkje kan levere, skal oppdragsgivar varslast skriftleg.",
};

static const char *const english[] = {
    "The supplier shall deliver furniture made with at least 30 percent recycled material.",
    "It is not permitted to use substances on the candidate list.",
    "The contracting authority wants to know how the products can be repaired and what it "
    "costs.",
    "The tenderer must also describe how spare parts will be available for at least five "
    "years.",
    "Goods shall be delivered from the warehouse without plastic packaging, and it must be "
    "possible to return them.",
    "The contract runs for two years with an option to extend, and all furniture shall have "
    "a warranty.",
    "If the supplier cannot deliver, the buyer shall be notified in writing.",
};

int main(void) {
  test_neighbours();
  for (size_t i = 0; i < sizeof bokmal / sizeof *bokmal; i++)
    expect(bokmal[i], CK_LANG_NB);
  for (size_t i = 0; i < sizeof nynorsk / sizeof *nynorsk; i++)
    expect(nynorsk[i], CK_LANG_NN);
  for (size_t i = 0; i < sizeof english / sizeof *english; i++)
    expect(english[i], CK_LANG_EN);

  /* upper case and Norwegian capitals are folded */
  expect("LEVERANDØREN SKAL IKKJE LEVERE FRÅ LAGERET.", CK_LANG_NN);
  expect("THE SUPPLIER SHALL DELIVER THE GOODS.", CK_LANG_EN);
  /* nothing recognisable: bokmål */
  expect("", CK_LANG_NB);
  expect("12345 67890 ---", CK_LANG_NB);
  expect("Kontormøbler", CK_LANG_NB);
  /* a few shared words do not make nynorsk */
  expect("Leverandøren skal levere til kommunen.", CK_LANG_NB);

  /* only the first 64 KB are read: English after a long Norwegian start */
  size_t nb_len = 70 * 1024;
  const char *unit = "Leverandøren skal ikke levere plast. ";
  size_t ul = strlen(unit);
  char *big = malloc(nb_len + 200000);
  size_t n = 0;
  while (n + ul <= nb_len) {
    memcpy(big + n, unit, ul);
    n += ul;
  }
  const char *en = "The supplier shall deliver the goods and the tables with the chairs. ";
  size_t el = strlen(en);
  while (n + el < nb_len + 190000) {
    memcpy(big + n, en, el);
    n += el;
  }
  big[n] = '\0';
  INT_EQ(ck_detect_language(big, n, NULL), CK_LANG_NB, "only the start counts");
  free(big);
  return ck_test_report();
}

/* Quantities in tender sentences: table-driven cases over nb, nn and en, then
 * ck_parse_number, ck_quantity_as, positions and the word helpers. */
#include <stdio.h>
#include <string.h>

#include "harness.h"
#include "numbers.h"

#define COUNT_OF(a) (sizeof(a) / sizeof *(a))

typedef struct {
  const char *text;
  ck_lang lang;
  size_t count;   /* quantities found */
  int index;      /* which one 'value', 'unit', 'duration' and 'span' describe */
  double value;
  ck_unit unit;
  bool duration;
  const char *span; /* the text of that quantity, NULL to skip */
} qcase;

#define NB CK_LANG_NB
#define NN CK_LANG_NN
#define EN CK_LANG_EN
#define Y CK_UNIT_YEAR
#define M CK_UNIT_MONTH
#define P CK_UNIT_PERCENT
#define X CK_UNIT_NONE

static const qcase cases[] = {
    /* years, Norwegian */
    {"Leverandøren skal gi 5 år garanti.", NB, 1, 0, 5, Y, false, "5 år"},
    {"Garantien skal være fem år.", NB, 1, 0, 5, Y, false, "fem år"},
    {"Garantitid: fem (5) år", NB, 1, 0, 5, Y, false, "fem (5) år"},
    {"Det kreves tre (3) års garanti.", NB, 1, 0, 3, Y, false, "tre (3) års"},
    {"Minimum 5-års garanti på alle stoler.", NB, 1, 0, 5, Y, false, "5-års"},
    {"Det kreves femårsgaranti.", NB, 1, 0, 5, Y, false, "femårsgaranti"},
    {"Det kreves en 5-årig serviceavtale.", NB, 1, 0, 5, Y, false, "5-årig"},
    {"Tilbyder skal gi en femårig garanti.", NB, 1, 0, 5, Y, false, "femårig"},
    {"FEM ÅR garanti", NB, 1, 0, 5, Y, false, "FEM ÅR"},
    {"Reservedeler i to år.", NB, 1, 0, 2, Y, false, "to år"},
    {"Garantien skal vare i 3-5 år.", NB, 1, 0, 3, Y, false, "3-5 år"},
    {"Garantien skal vare i 3–5 år.", NB, 1, 0, 3, Y, false, "3–5 år"},
    {"Reparasjon i 2 til 4 år", NB, 1, 0, 2, Y, false, "2 til 4 år"},
    {"Møblene skal ha minst ti års levetid.", NB, 1, 0, 10, Y, false, "ti års"},
    {"Garantien skal gjelde i ett år.", NB, 1, 0, 1, Y, false, "ett år"},
    {"Det gis ett års garanti.", NB, 1, 0, 1, Y, false, "ett års"},
    {"Levetid på 2,5 år", NB, 1, 0, 2.5, Y, false, "2,5 år"},
    {"Tjuefem år er levetiden.", NB, 1, 0, 25, Y, false, "Tjuefem år"},
    {"Eika skal vare i 1 000 år.", NB, 1, 0, 1000, Y, false, "1 000 år"},
    /* months */
    {"Garantien er 60 måneder.", NB, 1, 0, 60, M, false, "60 måneder"},
    {"Leveringstid 18 mnd. etter bestilling", NB, 1, 0, 18, M, false, "18 mnd."},
    {"Reklamasjon innen 6 md. etter levering", NB, 1, 0, 6, M, false, "6 md."},
    {"Service innen 12 månaders frist", NB, 1, 0, 12, M, false, "12 månaders"},
    {"Avtalen kan forlengast med tolv månader.", NN, 1, 0, 12, M, true, "tolv månader"},
    /* percent */
    {"Minst 30 % resirkulert plast", NB, 1, 0, 30, P, false, "30 %"},
    {"Minst 30% resirkulert plast", NB, 1, 0, 30, P, false, "30%"},
    {"Minst 30 prosent resirkulert plast", NB, 1, 0, 30, P, false, "30 prosent"},
    {"Minst 12,5 % resirkulert", NB, 1, 0, 12.5, P, false, "12,5 %"},
    {"Minst 30\xC2\xA0% resirkulert", NB, 1, 0, 30, P, false, "30\xC2\xA0%"},
    {"Andelen skal øke med 5 prosentpoeng.", NB, 0, 0, 0, X, false, NULL},
    {"Andelen skal øke med 5 %-poeng.", NB, 0, 0, 0, X, false, NULL},
    /* contract periods */
    {"Avtalen gjelder i 2 + 2 år.", NB, 1, 0, 4, Y, true, "2 + 2 år"},
    {"Avtaleperioden er 2+1+1 år.", NB, 1, 0, 4, Y, true, "2+1+1 år"},
    {"Kontrakten løper i 4 (2+1+1) år.", NB, 1, 0, 4, Y, true, "4 (2+1+1) år"},
    {"Avtalen har en varighet på 4 år.", NB, 1, 0, 4, Y, true, "4 år"},
    {"Rammeavtalen gjelder i 2 år med opsjon på forlengelse i 1 + 1 år.", NB, 2, 0, 2, Y, true,
     "2 år"},
    {"Rammeavtalen gjelder i 2 år med opsjon på forlengelse i 1 + 1 år.", NB, 2, 1, 2, Y, true,
     "1 + 1 år"},
    {"Avtalen gjelder i 2 år. Leverandøren skal gi 5 års garanti.", NB, 2, 1, 5, Y, false,
     "5 års"},
    {"Garantien gjelder i 5 år.", NB, 1, 0, 5, Y, false, "5 år"},
    {"Det kreves forlenget garanti på 5 år.", NB, 1, 0, 5, Y, false, "5 år"},
    {"Avtalen inngås for 3 år.", NB, 1, 0, 3, Y, true, "3 år"},
    {"Avtalen gjelder i to år med forlengelse i ett år av gangen, totalt maks fire år.", NB, 3,
     2, 4, Y, true, "fire år"},
    {"Reservedeler skal finnes i minst 10 år etter avtalens utløp.", NB, 1, 0, 10, Y, false,
     "10 år"},
    {"The contract shall run for 2 years.", EN, 1, 0, 2, Y, true, "2 years"},
    /* nynorsk */
    {"Leverandøren skal gje fem års garanti.", NN, 1, 0, 5, Y, false, "fem års"},
    {"Møblane skal vere i bruk i eit år.", NN, 1, 0, 1, Y, false, "eit år"},
    {"Avtalen har ei varigheit på tre år.", NN, 1, 0, 3, Y, true, "tre år"},
    {"Det skal vere reservedelar i sju år.", NN, 1, 0, 7, Y, false, "sju år"},
    /* English */
    {"Furniture shall last ten years.", EN, 1, 0, 10, Y, false, "ten years"},
    {"A warranty of three (3) years is required.", EN, 1, 0, 3, Y, false, "three (3) years"},
    {"The supplier shall give a 5-year warranty.", EN, 1, 0, 5, Y, false, "5-year"},
    {"Spare parts for 24 months.", EN, 1, 0, 24, M, false, "24 months"},
    {"At least 30 percent recycled content", EN, 1, 0, 30, P, false, "30 percent"},
    {"At least 70 per cent recycled content", EN, 1, 0, 70, P, false, "70 per cent"},
    {"The contract term is 3 years.", EN, 1, 0, 3, Y, true, "3 years"},
    {"There is an option to extend by 12 months.", EN, 1, 0, 12, M, true, "12 months"},
    {"The agreement is valid for 2 years.", EN, 1, 0, 2, Y, true, "2 years"},
    {"An extended warranty of 5 years is required.", EN, 1, 0, 5, Y, false, "5 years"},
    {"Warranty of up to 5 years", EN, 1, 0, 5, Y, false, "5 years"},
    {"minimum 7 years", EN, 1, 0, 7, Y, false, "7 years"},
    {"a one-year warranty", EN, 1, 0, 1, Y, false, "one-year"},
    {"Twenty-five years of service", EN, 1, 0, 25, Y, false, "Twenty-five years"},
    {"Spare parts for 3 to 5 years.", EN, 1, 0, 3, Y, false, "3 to 5 years"},
    {"The bank's 2 year's results", EN, 1, 0, 2, Y, false, "2 year's"},
    /* nothing to find */
    {"Leverandøren skal levere en stol.", NB, 0, 0, 0, X, false, NULL},
    {"Sertifisert etter ISO 14001.", NB, 0, 0, 0, X, false, NULL},
    {"Stolen skal oppfylle EN 1335.", NB, 0, 0, 0, X, false, NULL},
    {"Levering innen kl. 12.00.", NB, 0, 0, 0, X, false, NULL},
    {"Tilbudet skal beskrive fem årsaker til valget.", NB, 0, 0, 0, X, false, NULL},
    {"Det trengs fem årsverk.", NB, 0, 0, 0, X, false, NULL},
    {"Prisene er i 2024-års kroner.", NB, 0, 0, 0, X, false, NULL},
    {"one chair and two tables", EN, 0, 0, 0, X, false, NULL},
    {"CO2 utslipp", NB, 0, 0, 0, X, false, NULL},
    /* "to" is two only in Norwegian */
    {"to år", EN, 0, 0, 0, X, false, NULL},
};

static void test_cases(void) {
  for (size_t i = 0; i < COUNT_OF(cases); i++) {
    const qcase *c = &cases[i];
    ck_quantity q[8];
    size_t len = strlen(c->text);
    size_t n = ck_find_quantities(c->text, len, c->lang, q, 8);
    char what[160];
    snprintf(what, sizeof what, "count in \"%s\"", c->text);
    INT_EQ(n, c->count, what);
    if (c->count == 0 || n <= (size_t)c->index)
      continue;
    const ck_quantity *g = &q[c->index];
    snprintf(what, sizeof what, "value in \"%s\"", c->text);
    NUM_EQ(g->value, c->value, what);
    snprintf(what, sizeof what, "unit in \"%s\"", c->text);
    STR_EQ(ck_unit_name(g->unit), ck_unit_name(c->unit), what);
    snprintf(what, sizeof what, "duration in \"%s\"", c->text);
    INT_EQ(g->duration, c->duration, what);
    if (c->span) {
      OK(g->end <= len && g->start < g->end && g->end - g->start == strlen(c->span) &&
             memcmp(c->text + g->start, c->span, strlen(c->span)) == 0,
         "span in \"%s\": got \"%.*s\", want \"%s\"", c->text, (int)(g->end - g->start),
         c->text + g->start, c->span);
    }
  }
}

/* 'max' caps what is stored, not what is counted. */
static void test_max(void) {
  const char *t = "5 år, 6 år og 7 år";
  ck_quantity q[2];
  memset(q, 0, sizeof q);
  INT_EQ(ck_find_quantities(t, strlen(t), NB, q, 2), 3, "count beyond max");
  NUM_EQ(q[1].value, 6, "second stored");
  INT_EQ(ck_find_quantities(t, strlen(t), NB, NULL, 0), 3, "count with no room");
  INT_EQ(ck_find_quantities("", 0, NB, q, 2), 0, "empty text");
  /* the length bounds the scan: "5 å" is cut before "r" */
  INT_EQ(ck_find_quantities("5 år", 3, NB, q, 2), 0, "length respected");
}

static void test_parse_number(void) {
  static const struct {
    const char *text;
    ck_lang lang;
    size_t used;
    double value;
  } pn[] = {
      {"5", NB, 1, 5},           {"12,5 %", NB, 4, 12.5},  {"2.5 years", EN, 3, 2.5},
      {"1 000 stoler", NB, 5, 1000}, {"1\xC2\xA0" "000", NB, 6, 1000},
      {"12 345 678", NB, 10, 12345678}, {"1 0000", NB, 1, 1}, {"2024 100", NB, 4, 2024},
      {"fem", NB, 3, 5},         {"Fem år", NB, 3, 5},     {"ti", NN, 2, 10},
      {"seven years", EN, 5, 7}, {"to år", NB, 2, 2},      {"to", EN, 0, 0},
      {"en stol", NB, 0, 0},     {"ett år", NB, 3, 1},     {"en måned", NB, 2, 1},
      {"ei", NN, 0, 0},          {"one", EN, 0, 0},        {"one year", EN, 3, 1},
      {"fire", EN, 0, 0},        {"fire", NB, 4, 4},       {"femten", NB, 6, 15},
      {"femårs", NB, 0, 0},      {"nitti", NB, 5, 90},     {"hundred", EN, 7, 100},
      {"tjueto", NB, 6, 22},     {"twenty one", EN, 10, 21}, {"åtte", NB, 5, 8},
      {"ÅTTE", NB, 5, 8},        {"femti", NB, 5, 50},     {"garanti", NB, 0, 0},
      {"tiden", NB, 0, 0},       {"", NB, 0, 0},
  };
  for (size_t i = 0; i < COUNT_OF(pn); i++) {
    double v = -1;
    size_t used = ck_parse_number(pn[i].text, strlen(pn[i].text), pn[i].lang, &v);
    char what[96];
    snprintf(what, sizeof what, "bytes of \"%s\"", pn[i].text);
    INT_EQ(used, pn[i].used, what);
    if (pn[i].used) {
      snprintf(what, sizeof what, "value of \"%s\"", pn[i].text);
      NUM_EQ(v, pn[i].value, what);
    }
  }
}

static void test_quantity_as(void) {
  ck_quantity months = {60, CK_UNIT_MONTH, 0, 0, false};
  ck_quantity years = {2.5, CK_UNIT_YEAR, 0, 0, false};
  ck_quantity pct = {30, CK_UNIT_PERCENT, 0, 0, false};
  ck_quantity none = {3, CK_UNIT_NONE, 0, 0, false};
  double v = -1;
  OK(ck_quantity_as(&months, CK_UNIT_YEAR, &v), "months as years");
  NUM_EQ(v, 5, "60 months in years");
  OK(ck_quantity_as(&months, CK_UNIT_MONTH, &v), "months as months");
  NUM_EQ(v, 60, "60 months in months");
  OK(ck_quantity_as(&years, CK_UNIT_MONTH, &v), "years as months");
  NUM_EQ(v, 30, "2.5 years in months");
  OK(ck_quantity_as(&pct, CK_UNIT_PERCENT, &v), "percent as percent");
  NUM_EQ(v, 30, "30 percent");
  v = -1;
  OK(!ck_quantity_as(&pct, CK_UNIT_YEAR, &v), "percent is no duration");
  OK(!ck_quantity_as(&years, CK_UNIT_PERCENT, &v), "years are no percent");
  OK(!ck_quantity_as(&none, CK_UNIT_NONE, &v), "no unit converts to nothing");
  NUM_EQ(v, -1, "value untouched on failure");

  /* the whole chain: "18 mnd." found, then read as years */
  ck_quantity q[1];
  const char *t = "Garanti i 18 mnd.";
  OK(ck_find_quantities(t, strlen(t), NB, q, 1) == 1 && ck_quantity_as(q, CK_UNIT_YEAR, &v),
     "18 mnd. as years");
  NUM_EQ(v, 1.5, "18 months in years");
}

int main(void) {
  test_cases();
  test_max();
  test_parse_number();
  test_quantity_as();
  return ck_test_report();
}

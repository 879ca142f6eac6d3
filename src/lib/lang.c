/* Language detection from function words.
 *
 * Tender documents are long and formulaic, so counting a few dozen very
 * common words is enough to tell English from Norwegian. Bokmål and nynorsk
 * share most of those words; they are told apart only by the pairs where
 * they differ (ikke/ikkje, fra/frå, ...). */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "text.h"

/* Only the start of a document is read: the language does not change
 * halfway through, and detection must stay cheap for large inputs. */
#define SAMPLE_BYTES (64 * 1024)
#define WORD_MAX 24
#define MIN_NEIGHBOUR_WORDS 3

static const char *const english[] = {
    "the",    "and",      "of",        "shall",  "must",  "to",    "be",   "is",
    "with",   "for",      "not",       "will",   "supplier", "contract", "that", "this",
    "are",    "by",       "or",        "on",     "should", "tenderer", "all", "which",
    "any",    "from",     "in",        "an",     "it",    "as",    "have", "has",
    "been",   "may",      "tender",    "where",  "such",  "each",  "its",  "their",
    "within", "contracting", "authority", "provide", "delivery", NULL};

/* Words bokmål and nynorsk share. */
static const char *const norwegian[] = {
    "og",   "skal",   "av",     "for",    "er",     "til",   "med",    "som",
    "det",  "eller",  "på",     "kan",    "må",     "ved",   "alle",   "leverandøren",
    "etter", "om",    "dersom", "denne",  "kontrakten", "har", "seg",   "vil",
    "i",    "minst",  "gjennom", "mellom", "levere", "bør",  "krav",   "slik",
    NULL};

/* Bokmål forms whose nynorsk counterparts differ. */
static const char *const bokmal[] = {
    "ikke",    "fra",       "være",      "et",        "de",         "bare",       "hvordan",
    "hva",     "mye",       "også",      "en",        "hvis",       "hver",       "noen",
    "noe",     "disse",     "uten",      "sammen",    "selv",       "dem",        "hele",
    "annet",   "skriftlig", "oppdragsgiver", "oppdragsgiveren", "tilbyder", "tilbyderen",
    "kravene", "hvilke",    "derfor",    "flere",     "deres",      "hun",        "jeg",
    NULL};

/* Nynorsk forms, the counterparts of the list above. */
static const char *const nynorsk[] = {
    "ikkje",   "frå",       "vere",      "eit",       "dei",         "berre",       "korleis",
    "kva",     "mykje",     "òg",        "ein",       "viss",        "kvar",        "nokon",
    "noko",    "desse",     "utan",      "saman",     "sjølv",       "heile",       "anna",
    "skriftleg", "oppdragsgivar", "oppdragsgivaren", "tilbydar", "tilbydaren", "krava",
    "difor",     "fleire",    "deira",     "ho",          "eg",          "vert",
    "verte",   NULL};

/* Swedish and Danish are told from Norwegian by word pairs: the neighbour's
 * form against the Norwegian (bokmål or nynorsk) one it stands for. Words
 * the languages share ("skal", "og", "ikke" in Danish) tell nothing. */
static const char *const swedish[] = {
    "och",     "att",       "är",        "inte",      "för",       "från",      "också",
    "även",    "ska",       "skall",     "till",      "vara",      "enligt",    "ej",
    "mellan",  "genom",     "någon",     "något",     "några",     "vad",       "avtalet",
    "anbudsgivaren", "anbudsgivare", "leverantören", "leverantör", "upphandlingen",
    "upphandling", "köpa",  "sig",       "efter",     "där",       "kommer",
    NULL};
static const char *const not_swedish[] = {
    "og",      "å",         "er",        "ikke",      "ikkje",     "for",       "fra",
    "frå",     "også",      "òg",        "skal",      "til",       "være",      "vere",
    "etter",   "mellom",    "gjennom",   "noen",      "nokon",     "noe",       "noko",
    "hva",     "kva",       "avtalen",   "tilbyder",  "tilbydar",  "leverandøren",
    "leverandør", "anskaffelsen", "anskaffelse", "anskaffinga", "kjøpe", "seg", "der",
    NULL};
static const char *const danish[] = {
    "af",      "efter",     "mellem",    "gennem",    "uden",      "bliver",    "blive",
    "aftale",  "aftalen",   "udbud",     "udbuddet",  "ordregiver", "ordregiveren",
    "tilbudsgiver", "tilbudsgiveren", "nogle", "noget",   "hvad",      "meget",     "vores",
    "købe",    "køb",       "sig",       "mindst",    "sådan",     "skulle",    "leverancen",
    NULL};
static const char *const not_danish[] = {
    "av",      "etter",     "mellom",    "gjennom",   "uten",      "utan",      "blir",
    "vert",    "avtale",    "avtalen",   "anbud",     "konkurransen", "oppdragsgiver",
    "oppdragsgivar", "oppdragsgiveren", "tilbyder", "tilbydar",  "noen",      "nokon",
    "noe",     "noko",      "hva",       "kva",       "mye",       "mykje",     "vår",
    "kjøpe",   "kjøp",      "seg",       "minst",     "slik",      "leveransen", NULL};

const char *ck_other_lang_name(ck_other_lang l) {
  return l == CK_OTHER_LANG_SV ? "sv" : l == CK_OTHER_LANG_DA ? "da" : NULL;
}

/* The lists above as one sorted table of words, each with the lists it is
   in: one binary search per word of the text instead of a scan per list. */
enum { L_EN, L_NO, L_NB, L_NN, L_SV, L_NOT_SV, L_DA, L_NOT_DA, L_COUNT };
typedef struct {
  const char *word;
  unsigned lists; /* bit per L_* */
} word_entry;

#define LIST_WORDS(l) (sizeof l / sizeof *l)
static word_entry table[LIST_WORDS(english) + LIST_WORDS(norwegian) + LIST_WORDS(bokmal) +
                        LIST_WORDS(nynorsk) + LIST_WORDS(swedish) + LIST_WORDS(not_swedish) +
                        LIST_WORDS(danish) + LIST_WORDS(not_danish)];
static size_t ntable;
static pthread_once_t table_once = PTHREAD_ONCE_INIT;

static int entry_cmp(const void *a, const void *b) {
  return strcmp(((const word_entry *)a)->word, ((const word_entry *)b)->word);
}

/* Every word of every list (the table has room for them all), sorted, then
   each word's entries merged into one: a search of the table per word made
   this quadratic, 28,000 comparisons on every run's first document. */
static void build_table(void) {
  const char *const *lists[L_COUNT] = {english, norwegian, bokmal,     nynorsk,
                                       swedish, not_swedish, danish, not_danish};
  size_t n = 0;
  for (int l = 0; l < L_COUNT; l++)
    for (size_t i = 0; lists[l][i]; i++)
      table[n++] = (word_entry){lists[l][i], 1u << l};
  qsort(table, n, sizeof *table, entry_cmp);
  for (size_t i = 0; i < n; i++) {
    if (ntable && strcmp(table[ntable - 1].word, table[i].word) == 0)
      table[ntable - 1].lists |= table[i].lists;
    else
      table[ntable++] = table[i];
  }
}

static unsigned lists_of(const char *w) {
  size_t lo = 0, hi = ntable;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    int c = strcmp(table[mid].word, w);
    if (c == 0)
      return table[mid].lists;
    if (c < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  return 0;
}

/* Letters are ASCII letters and any non-ASCII character: the non-ASCII
 * characters of these languages are all letters (æ, ø, å, ò, é). */
static bool letter(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

ck_lang ck_detect_language(const char *text, size_t len, ck_other_lang *other) {
  if (len > SAMPLE_BYTES) {
    len = SAMPLE_BYTES;
    while (len > 0 && ((unsigned char)text[len] & 0xC0) == 0x80)
      len--;
  }
  pthread_once(&table_once, build_table);
  const unsigned char *u = (const unsigned char *)text;
  size_t count[L_COUNT] = {0};
  size_t i = 0;
  while (i < len) {
    if (!letter(u[i])) {
      i++;
      continue;
    }
    size_t j = i;
    while (j < len && letter(u[j]))
      j++;
    if (j - i < WORD_MAX) {
      char w[WORD_MAX + 1];
      size_t n = 0;
      for (size_t k = i; k < j; k++) {
        unsigned char c = u[k];
        if (c >= 'A' && c <= 'Z')
          c = (unsigned char)(c + 32);
        else if (k > i && u[k - 1] == 0xC3)
          c = ck_latin1_fold(c); /* Æ Ø Å ... */
        w[n++] = (char)c;
      }
      w[n] = '\0';
      unsigned lists = lists_of(w);
      for (int l = 0; lists && l < L_COUNT; l++)
        count[l] += (lists >> l) & 1u;
    }
    i = j;
  }
  size_t en = count[L_EN], no = count[L_NO], nb = count[L_NB], nn = count[L_NN];
  size_t sv = count[L_SV], not_sv = count[L_NOT_SV], da = count[L_DA], not_da = count[L_NOT_DA];
  if (other)
    *other = CK_OTHER_LANG_NONE;
  if (en > no + nb + nn)
    return CK_LANG_EN;
  /* A few words are no evidence: a Norwegian tender may quote a Swedish
     standard's title, and a one-line title tells nothing. */
  if (sv >= MIN_NEIGHBOUR_WORDS && sv > 2 * not_sv && sv >= da) {
    if (other)
      *other = CK_OTHER_LANG_SV;
    return CK_LANG_NB;
  }
  if (da >= MIN_NEIGHBOUR_WORDS && da > 2 * not_da) {
    if (other)
      *other = CK_OTHER_LANG_DA;
    return CK_LANG_NB;
  }
  if (nn > nb)
    return CK_LANG_NN;
  return CK_LANG_NB;
}

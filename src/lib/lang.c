/* Language detection from function words.
 *
 * Tender documents are long and formulaic, so counting a few dozen very
 * common words is enough to tell English from Norwegian. Bokmål and nynorsk
 * share most of those words; they are told apart only by the pairs where
 * they differ (ikke/ikkje, fra/frå, ...). */
#include <string.h>

#include "doc.h"

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

static bool in_list(const char *const *list, const char *w) {
  for (size_t i = 0; list[i]; i++)
    if (list[i][0] == w[0] && strcmp(list[i], w) == 0)
      return true;
  return false;
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
  const unsigned char *u = (const unsigned char *)text;
  size_t en = 0, no = 0, nb = 0, nn = 0, sv = 0, not_sv = 0, da = 0, not_da = 0;
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
        else if (k > i && u[k - 1] == 0xC3 && c >= 0x80 && c <= 0x9E && c != 0x97)
          c = (unsigned char)(c + 0x20); /* Æ Ø Å ... */
        w[n++] = (char)c;
      }
      w[n] = '\0';
      en += in_list(english, w);
      no += in_list(norwegian, w);
      nb += in_list(bokmal, w);
      nn += in_list(nynorsk, w);
      sv += in_list(swedish, w);
      not_sv += in_list(not_swedish, w);
      da += in_list(danish, w);
      not_da += in_list(not_danish, w);
    }
    i = j;
  }
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

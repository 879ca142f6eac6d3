/* The subject of the contract (subject.h): the title, the opening paragraph,
 * a scope section, and sentences that open with what is bought. The words
 * are matched with ck_text_match_phrase (numbers.h): lower case, '*' for
 * any ending, one phrase per lead-in, bokmål, nynorsk and English together
 * (a notice may mix them). */
#include "subject.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "numbers.h"
#include "text.h"
#include "util.h"

/* Words that open a statement of what is bought. Purpose and background
   phrases are deliberately missing ("Hensikten er å dokumentere ...",
   "intends to increase reuse"): they tell why, not what. */
static const char *const lead_ins[] = {
    /* bokmål and nynorsk */
    "konkurransen gjeld*", "konkurransen omfatt*", "konkurransen består*",
    "konkurransen er*", "anskaffelsen gjeld*", "anskaffelsen omfatt*",
    "anskaffelsen består*", "anskaffinga gjeld*", "anskaffinga omfattar",
    "anskaffelsens formål", "formålet med anskaffelsen", "formålet med anskaffinga",
    "føremålet med anskaffinga", "føremålet med anskaffelsen", "formålet med konkurransen",
    "formålet med avtalen", "formålet med rammeavtalen", "formålet med kontrakten",
    "avtalen gjeld*", "avtalen omfatt*", "avtalen skal omfatte", "rammeavtalen gjeld*",
    "rammeavtalen omfatt*", "rammeavtalen skal omfatte", "rammeavtalen skal dekke",
    "rammeavtalen skal sikre", "avtalen skal sikre", "kontrakten gjeld*", "kontrakten omfatt*",
    "kontrakten skal sikre", "kontraktsarbeidet omfatt*", "oppdraget gjeld*",
    "oppdraget omfatt*", "oppdraget består*", "oppdraget går ut på", "oppdraget er å",
    "entreprisen omfatt*", "entreprisen gjeld*", "leveransen omfatt*", "leveransen består*",
    "leveransen gjeld*", "tjenesten omfatt*", "tjenestene omfatt*", "tenesta omfattar",
    "tenestene omfattar", "ønsker å inngå", "ønsker å anskaffe", "ønsker å kjøpe",
    "ønsker å leie", "ønsker å lease", "ønsker å bytte", "ønsker å få", "ønsker tilbud",
    "ønsker å motta tilbud", "ynskjer å inngå", "ynskjer å kjøpe", "ynskjer å leige",
    "ynskjer tilbod", "ønsker å knytte til seg", "ønskjer å knyte til seg",
    "ynskjer å knyte til seg", "ønskjer å inngå", "ønskjer tilbod", "ønsker tilbod", "ber om tilbud",
    "ber om tilbod", "inviterer til", "invitere til", "innbyr til", "skal anskaffe",
    "skal anskaffa", "skal kjøpe", "skal leie", "skal leige", "skal inngå", "skal inngå*",
    "har behov for", "har bruk for", "treng", "rammeavtale for", "rammeavtale på",
    "rammeavtale om", "rammeavtale med", "rammeavtaler for", "rammeavtaler på",
    "avtale om", "avtale for", "kontrakt om", "kontrakt for", "kontrakt på",
    "anskaffelse av", "anskaffing av", "innkjøp av", "kjøp av", "tilbud på", "tilbod på",
    /* English */
    "the contract covers", "the contract comprises", "the contract is for",
    "the contract concerns", "the contract includes", "the scope of the contract",
    "the scope of the procurement", "the scope of the framework agreement",
    "the framework agreement covers", "the framework agreement is for",
    "the framework agreement concerns", "the framework agreement includes",
    "the procurement concerns", "the procurement covers", "the procurement is for",
    "the procurement comprises", "the purpose of the procurement",
    "the purpose of this procurement", "the purpose of the contract", "this tender concerns",
    "the tender concerns", "the assignment consists", "the assignment covers",
    "the services comprise", "the service comprises", "expected service",
    "invites tenders", "invites tenderers", "requests tenders", "wishes to procure",
    "wishes to purchase", "wishes to rent", "wishes to lease", "wishes to enter",
    "intends to procure", "intends to purchase", "intends to enter", "is seeking",
    "seeks to procure", "framework agreement for", "framework agreements for",
    "contract for", "procurement of", "purchase of", "supply of", "provision of",
};

/* Bytes at the start of a sentence where a lead-in may begin. */
#define LEAD_IN_HEAD 160

/* Heading words of a section that describes what is bought; each may be the
   start of a longer word ("Omfanget", "Scope of work"). */
static const char *const scope_headings[] = {
    "omfang*",         "om anskaffelsen*",  "om anskaffinga*",  "anskaffelsens*",
    "beskrivelse av anskaffelsen*", "beskrivelse av oppdraget*", "skildring av*",
    "kort beskrivelse*", "oppdragsbeskrivelse*", "kontraktens gjenstand*", "gjenstand for*",
    "scope*",          "short description*", "description of the procurement*",
    "subject matter*", "expected service*", "about the procurement*",
    "description of the contract*",
};

/* A phrase list indexed by the first byte of its phrases, so that a word
   of a sentence is tried only against the phrases that can start there
   ("ø" and "Ø" begin with the same byte; ASCII is folded to lower case). */
typedef struct phrase_index {
  const char *const *phrases;
  size_t n;
  unsigned short start[257]; /* phrases of first byte b: order[start[b], start[b + 1]) */
  unsigned short order[192];
} phrase_index;

static phrase_index lead_in_index = {lead_ins, sizeof lead_ins / sizeof *lead_ins, {0}, {0}};
static phrase_index scope_index = {scope_headings, sizeof scope_headings / sizeof *scope_headings,
                                   {0}, {0}};
static pthread_once_t indexes_once = PTHREAD_ONCE_INIT;

static void index_phrases(phrase_index *ix) {
  size_t k = 0;
  for (unsigned b = 0; b < 256; b++) {
    ix->start[b] = (unsigned short)k;
    for (size_t i = 0; i < ix->n; i++)
      if ((unsigned char)ix->phrases[i][0] == b)
        ix->order[k++] = (unsigned short)i;
  }
  ix->start[256] = (unsigned short)k;
}

static void build_indexes(void) {
  _Static_assert(sizeof lead_ins / sizeof *lead_ins <= 192, "lead_in_index.order is too small");
  index_phrases(&lead_in_index);
  index_phrases(&scope_index);
}

/* Whether a phrase of 'ix' starts at a word of text[0, len). */
static bool phrase_in(const char *text, size_t len, const phrase_index *ix) {
  pthread_once(&indexes_once, build_indexes);
  for (size_t pos = 0; pos < len;) {
    unsigned char c = (unsigned char)text[pos];
    unsigned char key = c >= 'A' && c <= 'Z' ? (unsigned char)(c | 0x20) : c;
    /* the text's white space is single spaces (doc.h), so a phrase starts
       at the sentence's start or after a space or an opening bracket or quote */
    unsigned char before = pos > 0 ? (unsigned char)text[pos - 1] : ' ';
    bool may_start = before == ' ' || before == '(' || before == '"' || before == 0xAB; /* « */
    if (may_start && ix->start[key] < ix->start[key + 1] && pos + 1 < len &&
        ck_text_word_at(text, len, pos)) {
      /* the second byte folded the same way (Latin-1 capitals after 0xC3) */
      unsigned char c2 = (unsigned char)text[pos + 1];
      unsigned char key2 = c == 0xC3                  ? ck_latin1_fold(c2)
                           : c >= 0x80                  ? c2
                           : c2 >= 'A' && c2 <= 'Z' ? (unsigned char)(c2 | 0x20)
                                                    : c2;
      for (unsigned k = ix->start[key]; k < ix->start[key + 1]; k++) {
        const char *phrase = ix->phrases[ix->order[k]];
        if (((unsigned char)phrase[1] == key2 || phrase[1] == '*' || phrase[1] == ' ') &&
            ck_text_match_phrase(text, len, pos, phrase))
          return true;
      }
    }
    pos++;
    while (pos < len && ((unsigned char)text[pos] & 0xC0) == 0x80)
      pos++;
  }
  return false;
}

bool ck_subject_scope_heading(const char *text, size_t len) {
  return phrase_in(text, len, &scope_index);
}

/* A list of codes ("CPV: 34110000 Personbiler, 50112000 Reparasjon og
   vedlikehold av biler") names categories, not what this contract buys. */
static bool lists_codes(const char *text, size_t len) {
  size_t run = 0;
  for (size_t i = 0; i < len; i++) {
    run = text[i] >= '0' && text[i] <= '9' ? run + 1 : 0;
    if (run == 8 && (i + 1 == len || text[i + 1] < '0' || text[i + 1] > '9'))
      return true;
  }
  return false;
}

/* What is worked out once per document, and each sentence's answer. */
struct ck_subject_map {
  const ck_doc *doc;
  size_t first_text_block; /* the first block that is not a heading; nblocks if none */
  size_t opening;          /* the first paragraph after the title, or (size_t)-1 */
  bool title_line;         /* ck_doc_title_line */
  signed char *kind;       /* per sentence: -1 not yet known, else a ck_subject_kind */
  signed char *inherits;   /* per list-item sentence: -1 unknown, 1 its run continues a
                              subject lead-in, 0 not */
};

/* Whether block 'b' stands under a heading that tells a history
   ("2 Bakgrunn", "Background"), not an introduction. */
static bool under_history(const ck_doc *doc, size_t b) {
  static const char *const history[] = {"bakgrunn*", "background*", "historikk*",
                                        "dagens situasjon*", "current situation*"};
  int s = doc->blocks[b].section;
  if (s < 0)
    return false;
  const ck_block *h = &doc->blocks[doc->sections[s].block];
  const char *text = doc->text.ptr + h->start;
  size_t len = h->end - h->start;
  for (size_t pos = 0; pos < len; pos++)
    if (ck_text_word_at(text, len, pos) && (pos == 0 || !ck_text_word_before(text, pos)))
      for (size_t i = 0; i < sizeof history / sizeof *history; i++)
        if (ck_text_match_phrase(text, len, pos, history[i]))
          return true;
  return false;
}

ck_subject_map *ck_subject_map_new(const ck_doc *doc) {
  ck_subject_map *m = ck_xcalloc(1, sizeof *m);
  m->doc = doc;
  m->first_text_block = 0;
  while (m->first_text_block < doc->nblocks &&
         doc->blocks[m->first_text_block].kind == CK_BLOCK_HEADING)
    m->first_text_block++;
  /* the first paragraph after the title, unless it already stands in a
     section of its own kind: requirements, award, qualification, contract
     terms, or a history ("Bakgrunn": "For several years the municipality
     has refurbished its furniture" tells what was, not what is bought); an
     introduction ("Innledning") is where the purchase is named */
  m->opening = (size_t)-1;
  for (size_t b = 1; b < doc->nblocks; b++) {
    if (doc->blocks[b].kind == CK_BLOCK_HEADING)
      continue;
    ck_section_kind k = ck_doc_block_section_kind(doc, b);
    if (k == CK_SECTION_NONE || (k == CK_SECTION_BACKGROUND && !under_history(doc, b)))
      m->opening = b;
    break;
  }
  m->title_line = ck_doc_title_line(doc);
  size_t n = doc->nsentences ? doc->nsentences : 1;
  m->kind = ck_xmalloc(n);
  m->inherits = ck_xmalloc(n);
  memset(m->kind, -1, n);
  memset(m->inherits, -1, n);
  return m;
}

void ck_subject_map_free(ck_subject_map *m) {
  if (!m)
    return;
  free(m->kind);
  free(m->inherits);
  free(m);
}

/* A heading that names the purchase: one of the headings that open the
   document ("KONKURRANSEGRUNNLAG", then "RAMMEAVTALE OM LEASING AV
   PERSONBILER") down to the first one's level ("## 1 Innledning" opens the
   first chapter), or in a notice the procedure's and the lots' names. */
static bool title_heading(const ck_subject_map *m, size_t block) {
  const ck_doc *doc = m->doc;
  if (doc->format == CK_FORMAT_EFORMS)
    return true;
  return block < m->first_text_block && doc->blocks[block].level <= doc->blocks[0].level;
}

static bool in_scope_section(const ck_doc *doc, size_t block) {
  for (int s = doc->blocks[block].section; s >= 0; s = doc->sections[s].parent) {
    const ck_block *h = &doc->blocks[doc->sections[s].block];
    if (ck_subject_scope_heading(doc->text.ptr + h->start, h->end - h->start))
      return true;
  }
  return false;
}

/* Items a lead-in introduces: list items, and the short one-sentence
   paragraphs they become when a notice is flattened to plain text
   ("Ventilasjon og kjølingsarbeider", "Service- og vedlikeholdsarbeider for
   ventilasjonsanlegg"). A longer paragraph is prose again and ends the run. */
#define ITEM_WORDS_MAX 16

static bool is_item(const ck_doc *doc, size_t sentence) {
  const ck_sentence *s = &doc->sentences[sentence];
  const ck_block *b = &doc->blocks[s->block];
  if (b->kind == CK_BLOCK_LIST_ITEM)
    return true;
  if (b->kind != CK_BLOCK_PARAGRAPH)
    return false;
  if ((sentence > 0 && doc->sentences[sentence - 1].block == s->block) ||
      (sentence + 1 < doc->nsentences && doc->sentences[sentence + 1].block == s->block))
    return false;
  const char *text = doc->text.ptr;
  size_t words = 0;
  for (size_t i = s->start; i < s->end; i++)
    if (text[i] != ' ' && (i == s->start || text[i - 1] == ' ') && ++words > ITEM_WORDS_MAX)
      return false;
  return true;
}

/* The last character of a sentence, spaces aside; 0 when it has none. */
static char last_char(const ck_doc *doc, size_t sentence) {
  const ck_sentence *s = &doc->sentences[sentence];
  size_t end = s->end;
  while (end > s->start && doc->text.ptr[end - 1] == ' ')
    end--;
  return end > s->start ? doc->text.ptr[end - 1] : 0;
}

/* What a sentence says by itself: title, opening, scope section or a
   lead-in phrase; the list and continuation rules come on top. */
static ck_subject_kind own_kind(const ck_subject_map *m, size_t sentence) {
  const ck_doc *doc = m->doc;
  const ck_sentence *s = &doc->sentences[sentence];
  const ck_block *b = &doc->blocks[s->block];
  const char *text = doc->text.ptr + s->start;
  size_t len = s->end - s->start;
  bool first_of_block = sentence == 0 || doc->sentences[sentence - 1].block != s->block;
  if (lists_codes(text, len))
    return CK_SUBJECT_NONE;
  if (b->kind == CK_BLOCK_HEADING)
    return title_heading(m, s->block) ? CK_SUBJECT_TITLE : CK_SUBJECT_NONE;
  if (s->block == 0 && m->title_line)
    return CK_SUBJECT_TITLE;
  /* the opening's first sentence says what is bought; the next ones may
     already be requirements ("Leverandøren skal stille med leiemaskin") */
  if (first_of_block && (s->block == 0 || s->block == m->opening))
    return CK_SUBJECT_OPENING;
  if (in_scope_section(doc, s->block))
    return CK_SUBJECT_SCOPE;
  /* a lead-in opens its sentence ("Kommunen ber om tilbud på ...", "Vi har
     behov for ..."): only the start is searched, which keeps long sentences
     cheap */
  size_t head = len < LEAD_IN_HEAD ? len : LEAD_IN_HEAD;
  if (phrase_in(text, head, &lead_in_index))
    return CK_SUBJECT_LEAD_IN;
  return CK_SUBJECT_NONE;
}

/* A subject sentence that introduces items: it ends with a colon, or, in
   prose, with the semicolon some notices write instead ("behov for;"); list
   items often end with a semicolon and introduce nothing. */
static bool introduces_items(const ck_subject_map *m, size_t sentence) {
  char c = last_char(m->doc, sentence);
  bool list_item = m->doc->blocks[m->doc->sentences[sentence].block].kind == CK_BLOCK_LIST_ITEM;
  if (c != ':' && (c != ';' || list_item))
    return false;
  return own_kind(m, sentence) != CK_SUBJECT_NONE;
}

/* What sentence 'sentence' says about the run of the item after it. */
typedef enum { RUN_BREAKS, RUN_GOES_ON, RUN_LEAD_IN } run_link;

static run_link link_of(const ck_subject_map *m, size_t sentence) {
  const ck_doc *doc = m->doc;
  if (introduces_items(m, sentence))
    return RUN_LEAD_IN;
  /* a plain paragraph after a real list is prose again, however short */
  bool list_item = doc->blocks[doc->sentences[sentence].block].kind == CK_BLOCK_LIST_ITEM;
  bool next_list_item = doc->blocks[doc->sentences[sentence + 1].block].kind == CK_BLOCK_LIST_ITEM;
  if (list_item && !next_list_item)
    return RUN_BREAKS;
  /* another list's lead-in ("Leverandøren skal:") ends the run; the rest of
     a line broken in two ("herunder" / "følgende tjenester:") does not */
  const ck_sentence *s = &doc->sentences[sentence];
  const unsigned char *first = (const unsigned char *)doc->text.ptr + s->start;
  bool lower = (first[0] >= 'a' && first[0] <= 'z') ||
               (s->end - s->start >= 2 && first[0] == 0xC3 && first[1] >= 0xA0); /* æ ø å é */
  if (last_char(doc, sentence) == ':' && !lower)
    return RUN_BREAKS;
  return is_item(doc, sentence) ? RUN_GOES_ON : RUN_BREAKS;
}

/* Whether item 'sentence' belongs to a run of items after a subject lead-in
   ("Rammeavtalen gjelder:"). Walks back to the nearest item already known,
   so a list of a million items costs a million steps, not a million
   squared. */
static bool inherits_lead_in(ck_subject_map *m, size_t sentence) {
  size_t s = sentence;
  run_link link = RUN_BREAKS;
  while (m->inherits[s] < 0 && s > 0 && (link = link_of(m, s - 1)) == RUN_GOES_ON)
    s--;
  signed char answer = m->inherits[s];
  if (answer < 0)
    answer = s > 0 && link == RUN_LEAD_IN;
  for (size_t i = s; i <= sentence; i++)
    m->inherits[i] = answer;
  return answer == 1;
}

/* Words that go on with the sentence before rather than start a new one:
   "... bygging av idrettshall. Samt drift og vedlikehold av anlegget." */
static const char *const continuations[] = {
    "samt", "herunder", "inkludert", "dette omfatt*", "dette inneber*", "dette innebær*",
    "dette innebefatt*", "dette inkluder*", "this includes", "this covers", "including",
};

static bool continues_previous(const ck_doc *doc, size_t sentence) {
  if (sentence == 0 || doc->sentences[sentence - 1].block != doc->sentences[sentence].block)
    return false;
  const ck_sentence *s = &doc->sentences[sentence];
  const char *text = doc->text.ptr + s->start;
  size_t len = s->end - s->start;
  for (size_t i = 0; i < sizeof continuations / sizeof *continuations; i++)
    if (ck_text_match_phrase(text, len, 0, continuations[i]))
      return true;
  return false;
}

/* The kind of a sentence without the continuation rule. */
static ck_subject_kind base_kind(ck_subject_map *m, size_t sentence) {
  const ck_sentence *s = &m->doc->sentences[sentence];
  ck_subject_kind k = own_kind(m, sentence);
  if (k == CK_SUBJECT_NONE && is_item(m->doc, sentence) &&
      !lists_codes(m->doc->text.ptr + s->start, s->end - s->start) &&
      inherits_lead_in(m, sentence))
    k = CK_SUBJECT_LEAD_IN;
  return k;
}

/* The kind of a sentence, worked out once. A continuation takes the kind of
   the sentence it goes on from; a run of them is walked without recursion. */
static ck_subject_kind kind_of(ck_subject_map *m, size_t sentence) {
  if (m->kind[sentence] >= 0)
    return (ck_subject_kind)m->kind[sentence];
  size_t first = sentence;
  while (m->kind[first] < 0 && continues_previous(m->doc, first))
    first--;
  ck_subject_kind k =
      m->kind[first] >= 0 ? (ck_subject_kind)m->kind[first] : base_kind(m, first);
  m->kind[first] = (signed char)k;
  for (size_t i = first + 1; i <= sentence; i++) {
    ck_subject_kind own = base_kind(m, i);
    k = own != CK_SUBJECT_NONE ? own : k;
    m->kind[i] = (signed char)k;
  }
  return k;
}

ck_subject_kind ck_subject_of(ck_subject_map *m, size_t sentence) {
  return kind_of(m, sentence);
}

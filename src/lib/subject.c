/* The subject of the contract (subject.h): the title, the opening paragraph,
 * a scope section, and sentences that open with what is bought. The words
 * are matched with ck_text_match_phrase (numbers.h): lower case, '*' for
 * any ending, one phrase per lead-in, bokmål, nynorsk and English together
 * (a notice may mix them). */
#include "subject.h"

#include <string.h>

#include "numbers.h"

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
    "ynskjer tilbod", "ønskjer å inngå", "ønskjer tilbod", "ønsker tilbod", "ber om tilbud",
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

/* Heading words of a section that describes what is bought. */
static const char *const scope_headings[] = {
    "omfang",         "om anskaffelsen",          "om anskaffinga",
    "anskaffelsens",  "beskrivelse av anskaffelsen", "beskrivelse av oppdraget",
    "skildring av",   "kort beskrivelse",         "oppdragsbeskrivelse",
    "kontraktens gjenstand", "gjenstand for",     "scope",
    "short description", "description of the procurement", "subject matter",
    "expected service", "about the procurement", "description of the contract",
};

/* Whether one of 'phrases' starts at a word of text[0, len). */
static bool phrase_in(const char *text, size_t len, const char *const *phrases, size_t n) {
  for (size_t pos = 0; pos < len;) {
    if (ck_text_word_at(text, len, pos) && (pos == 0 || !ck_text_word_before(text, pos)))
      for (size_t i = 0; i < n; i++)
        if (ck_text_match_phrase(text, len, pos, phrases[i]))
          return true;
    pos++;
    while (pos < len && ((unsigned char)text[pos] & 0xC0) == 0x80)
      pos++;
  }
  return false;
}

/* Whether the phrase 'needle' (ck_text_match_phrase) starts at a word of
   text[0, len). */
static bool heading_has(const char *text, size_t len, const char *needle) {
  for (size_t i = 0; i < len; i++)
    if ((i == 0 || !ck_text_word_before(text, i)) && ck_text_match_phrase(text, len, i, needle))
      return true;
  return false;
}

bool ck_subject_scope_heading(const char *text, size_t len) {
  for (size_t i = 0; i < sizeof scope_headings / sizeof *scope_headings; i++) {
    char phrase[64];
    /* a heading word may be the start of a compound ("Omfanget", "Scope of work") */
    size_t n = strlen(scope_headings[i]);
    if (n + 2 > sizeof phrase)
      continue;
    memcpy(phrase, scope_headings[i], n);
    phrase[n] = '*';
    phrase[n + 1] = '\0';
    if (heading_has(text, len, phrase))
      return true;
  }
  return false;
}

/* A heading that names the purchase: one of the headings that open the
   document ("KONKURRANSEGRUNNLAG" then "RAMMEAVTALE OM LEASING AV
   PERSONBILER"), or in a notice the procedure's and the lots' names. */
static bool title_heading(const ck_doc *doc, size_t block) {
  if (doc->format == CK_FORMAT_EFORMS)
    return true;
  for (size_t b = 0; b < block; b++)
    if (doc->blocks[b].kind != CK_BLOCK_HEADING)
      return false;
  /* a deeper heading ("## 1 Innledning") opens the first chapter */
  return doc->blocks[block].level <= doc->blocks[0].level;
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

/* Whether the document's first block is a title line: one sentence with
   more text after it ("Konkurransegrunnlag - kjøp av kontorstoler"). A
   document of one paragraph has no title; its first sentence opens it. */
static bool title_line(const ck_doc *doc) {
  if (doc->nblocks < 2 || doc->nsentences < 2 || doc->sentences[1].block == 0)
    return false;
  return doc->blocks[0].kind == CK_BLOCK_PARAGRAPH;
}

/* The first paragraph after the title, before any requirement, award,
   qualification or contract section; (size_t)-1 when there is none. */
static size_t opening_block(const ck_doc *doc) {
  for (size_t b = 1; b < doc->nblocks; b++) {
    if (doc->blocks[b].kind == CK_BLOCK_HEADING)
      continue;
    ck_section_kind k = ck_doc_block_section_kind(doc, b);
    return k == CK_SECTION_NONE || k == CK_SECTION_BACKGROUND ? b : (size_t)-1;
  }
  return (size_t)-1;
}

static bool in_scope_section(const ck_doc *doc, size_t block) {
  for (int s = doc->blocks[block].section; s >= 0; s = doc->sections[s].parent) {
    const ck_block *h = &doc->blocks[doc->sections[s].block];
    if (ck_subject_scope_heading(doc->text.ptr + h->start, h->end - h->start))
      return true;
  }
  return false;
}

/* The last sentence of the block before a run of list items, when it ends
   with a colon ("Rammeavtalen gjelder:", "The supplier shall:"): the items
   continue it. (size_t)-1 when there is none. */
static size_t lead_in_of_list(const ck_doc *doc, size_t sentence) {
  size_t b = doc->sentences[sentence].block;
  if (doc->blocks[b].kind != CK_BLOCK_LIST_ITEM)
    return (size_t)-1;
  size_t s = sentence;
  while (s > 0 && doc->blocks[doc->sentences[s - 1].block].kind == CK_BLOCK_LIST_ITEM)
    s--;
  if (s == 0)
    return (size_t)-1;
  const ck_sentence *lead = &doc->sentences[s - 1];
  size_t end = lead->end;
  while (end > lead->start && doc->text.ptr[end - 1] == ' ')
    end--;
  return end > lead->start && doc->text.ptr[end - 1] == ':' ? s - 1 : (size_t)-1;
}

ck_subject_kind ck_subject_of_sentence(const ck_doc *doc, size_t sentence) {
  const ck_sentence *s = &doc->sentences[sentence];
  const ck_block *b = &doc->blocks[s->block];
  if (lists_codes(doc->text.ptr + s->start, s->end - s->start))
    return CK_SUBJECT_NONE;
  if (b->kind == CK_BLOCK_HEADING)
    return title_heading(doc, s->block) ? CK_SUBJECT_TITLE : CK_SUBJECT_NONE;
  bool first_of_block = sentence == 0 || doc->sentences[sentence - 1].block != s->block;
  if (s->block == 0 && title_line(doc))
    return CK_SUBJECT_TITLE;
  /* the opening's first sentence says what is bought; the next ones may
     already be requirements ("Leverandøren skal stille med leiemaskin") */
  if (first_of_block && (s->block == 0 || s->block == opening_block(doc)))
    return CK_SUBJECT_OPENING;
  if (in_scope_section(doc, s->block))
    return CK_SUBJECT_SCOPE;
  if (phrase_in(doc->text.ptr + s->start, s->end - s->start, lead_ins,
                sizeof lead_ins / sizeof *lead_ins))
    return CK_SUBJECT_LEAD_IN;
  /* "Rammeavtalen gjelder:" and then the items of what is bought */
  size_t lead = lead_in_of_list(doc, sentence);
  if (lead != (size_t)-1 && ck_subject_of_sentence(doc, lead) != CK_SUBJECT_NONE)
    return CK_SUBJECT_LEAD_IN;
  return CK_SUBJECT_NONE;
}

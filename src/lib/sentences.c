/* Sentence splitting: the unit rule patterns are matched against.
 *
 * Tender texts are full of abbreviations ("f.eks.", "pkt. 3.2"), decimal
 * figures and numbered references, so a full stop alone is a weak signal: a
 * split needs the end mark, a space, and something that can start a sentence
 * (a capital, a digit, a quote or a bullet). One pass over each block with a
 * bounded look-back keeps it linear. */
#include <string.h>

#include "doc.h"
#include "text.h"

/* Longest token (in bytes) that may still be an abbreviation or a section
 * number; longer words end sentences. */
#define TOKEN_MAX 16
/* Longest entry of 'abbreviations' ("approx."). */
#define ABBREV_MAX 7

static void add_sentence(ck_doc *doc, size_t start, size_t end, size_t block) {
  const char *t = doc->text.ptr;
  while (start < end && t[start] == ' ')
    start++;
  while (end > start && t[end - 1] == ' ')
    end--;
  if (start == end)
    return;
  CK_GROW(doc->sentences, doc->cap_sentences, doc->nsentences + 1);
  /* ck_doc_add_text() keeps every offset below CK_DOC_TEXT_MAX */
  doc->sentences[doc->nsentences++] =
      (ck_sentence){(uint32_t)start, (uint32_t)end, (uint32_t)block, -1};
}

static bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }


/* An opening quote or a bullet, which start a new sentence or item. */
static bool starts_quote_or_bullet(const unsigned char *s, size_t n) {
  if (s[0] == '"' || s[0] == '\'' || s[0] == '-' || s[0] == '*')
    return true;
  if (n >= 2 && s[0] == 0xC2 && s[1] == 0xAB) /* « */
    return true;
  if (n >= 3 && s[0] == 0xE2 && s[1] == 0x80)
    /* ‘ “ „ • – — */
    return s[2] == 0x98 || s[2] == 0x9C || s[2] == 0x9E || s[2] == 0xA2 || s[2] == 0x93 ||
           s[2] == 0x94;
  return false;
}

/* Byte width of a closing quote or parenthesis at s[0], 0 if there is none:
 * they stay with the sentence they close. */
static size_t closer_width(const unsigned char *s, size_t n) {
  if (s[0] == ')' || s[0] == '"' || s[0] == '\'')
    return 1;
  if (n >= 2 && s[0] == 0xC2 && s[1] == 0xBB) /* » */
    return 2;
  if (n >= 3 && s[0] == 0xE2 && s[1] == 0x80 && (s[2] == 0x9D || s[2] == 0x99)) /* ” ’ */
    return 3;
  return 0;
}

static const char *const abbreviations[] = {
    /* Norwegian (bokmål and nynorsk) */
    "f.eks.", "bl.a.", "jf.", "jfr.", "nr.", "pkt.", "ca.", "mv.", "m.v.", "osv.", "inkl.",
    "ekskl.", "evt.", "ev.", "iht.", "i.h.t.", "dvs.", "m.m.", "kl.", "stk.", "mill.", "mrd.",
    "kr.", "ref.", "kap.", "tlf.", "pga.", "o.l.", "e.l.", "t.o.m.", "f.o.m.", "ift.", "vedr.",
    /* English */
    "e.g.", "i.e.", "etc.", "no.", "nos.", "approx.", "incl.", "excl.", "cf.", "art.", "para.",
    "mr.", "mrs.", "ms.", "dr.", "vs.", "fig.", "sec.", NULL};

/* Decides whether the full stop at t[dot] ends nothing: it belongs to an
 * abbreviation, a single initial, a section number ("3.2.") or the ordinal
 * that opens a numbered item ("1. Leverandøren"). */
static bool dot_is_not_an_end(const char *t, size_t sent_start, size_t dot) {
  size_t from = dot;
  while (from > sent_start && t[from - 1] != ' ' && t[from - 1] != '(' && t[from - 1] != '"' &&
         dot - from < TOKEN_MAX)
    from--;
  if (from > sent_start && t[from - 1] != ' ' && t[from - 1] != '(' && t[from - 1] != '"')
    return false; /* a long word */
  size_t len = dot + 1 - from;
  if (len < 2)
    return false;
  const unsigned char *u = (const unsigned char *)t + from;
  if (len == 2 && u[0] >= 'A' && u[0] <= 'Z')
    return true;
  if (len == 3 && ck_text_upper_at(u, 2) && u[0] == 0xC3)
    return true;
  if (len <= ABBREV_MAX) {
    char low[ABBREV_MAX + 1];
    for (size_t i = 0; i < len; i++) {
      char c = t[from + i];
      low[i] = c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
    }
    low[len] = '\0';
    for (size_t i = 0; abbreviations[i]; i++)
      if (abbreviations[i][0] == low[0] && strcmp(low, abbreviations[i]) == 0)
        return true;
  }
  /* digits and dots: "3.2." is a reference; "12." opening the sentence is
   * an item number; "2024." is a year that may well end a sentence */
  bool numeric = true, inner_dot = false;
  for (size_t i = 0; i + 1 < len && numeric; i++) {
    if (u[i] == '.')
      inner_dot = true;
    else if (!is_digit(u[i]))
      numeric = false;
  }
  if (numeric && (inner_dot || (from == sent_start && len <= 3)))
    return true;
  return false;
}

static const bool end_mark[256] = {['.'] = true, ['!'] = true, ['?'] = true, [';'] = true};

/* The bytes of 'w' equal to 'c', at bit 7 of each (and maybe a false bit
 * above a true one, which is enough to tell whether there is one). */
static unsigned long long swar_bytes_equal(unsigned long long w, unsigned char c) {
  const unsigned long long ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
  unsigned long long x = w ^ (ones * c);
  return (x - ones) & ~x & highs;
}

/* True when one of the eight bytes at 's' is an end mark. */
static bool swar_has_end_mark(const unsigned char *s) {
  unsigned long long w;
  memcpy(&w, s, 8);
  return (swar_bytes_equal(w, '.') | swar_bytes_equal(w, '!') | swar_bytes_equal(w, '?') |
          swar_bytes_equal(w, ';')) != 0;
}

/* Splits one paragraph or list-item block. */
static void split_block(ck_doc *doc, size_t bi) {
  const char *t = doc->text.ptr;
  const unsigned char *u = (const unsigned char *)t;
  size_t start = doc->blocks[bi].start, end = doc->blocks[bi].end;
  for (size_t i = start; i < end; i++) {
    /* most bytes end nothing: pass eight at a time */
    while (i + 8 <= end && !swar_has_end_mark(u + i))
      i += 8;
    if (i >= end)
      break;
    char c = t[i];
    if (!end_mark[u[i]])
      continue;
    size_t k = i + 1, w;
    while (k < end && (w = closer_width(u + k, end - k)) != 0)
      k += w;
    if (k + 1 >= end || t[k] != ' ')
      continue;
    size_t next = k + 1;
    bool upper = ck_text_upper_at(u + next, end - next);
    if (c == ';') {
      if (!upper)
        continue;
    } else if (!upper && !is_digit(u[next]) && !starts_quote_or_bullet(u + next, end - next)) {
      continue;
    }
    if (c == '.' && dot_is_not_an_end(t, start, i))
      continue;
    add_sentence(doc, start, k, bi);
    start = next;
    i = k;
  }
  add_sentence(doc, start, end, bi);
}

/* Whether a sentence ends with a colon, spaces aside. */
static bool ends_with_colon(const ck_doc *doc, const ck_sentence *s) {
  size_t end = s->end;
  while (end > s->start && doc->text.ptr[end - 1] == ' ')
    end--;
  return end > s->start && doc->text.ptr[end - 1] == ':';
}

/* Each list item's lead-in: the sentence just before the list, when it ends
   with a colon. An item is as binding as its lead-in, and its evidence
   quotes both. */
static void link_list_leads(ck_doc *doc) {
  int32_t lead = -1;
  for (size_t i = 0; i < doc->nsentences; i++) {
    ck_sentence *s = &doc->sentences[i];
    if (doc->blocks[s->block].kind == CK_BLOCK_LIST_ITEM) {
      s->lead = lead;
      continue;
    }
    lead = ends_with_colon(doc, s) ? (int32_t)i : -1;
  }
}

void ck_doc_split_sentences(ck_doc *doc) {
  doc->nsentences = 0;
  size_t bi = 0;
  while (bi < doc->nblocks) {
    const ck_block *b = &doc->blocks[bi];
    if (b->kind == CK_BLOCK_HEADING) {
      /* a heading is one sentence; only subject rules read it (a title
         says what is bought, but never binds the supplier by itself) */
      add_sentence(doc, b->start, b->end, bi);
      bi++;
    } else if (b->kind == CK_BLOCK_TABLE_CELL) {
      /* one row, one sentence: its cells are read together */
      size_t last = bi;
      while (last + 1 < doc->nblocks && doc->blocks[last + 1].kind == CK_BLOCK_TABLE_CELL &&
             doc->blocks[last + 1].row == b->row)
        last++;
      add_sentence(doc, b->start, doc->blocks[last].end, bi);
      bi = last + 1;
    } else {
      split_block(doc, bi);
      bi++;
    }
  }
  link_list_leads(doc);
}

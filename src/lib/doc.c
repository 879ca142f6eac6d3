/* The document model: the builder readers use, section bookkeeping, heading
 * classification, CPV codes, and mapping text offsets back to the source.
 *
 * Memory matters here because a document holds a normalised copy of its whole
 * source: position marks are only recorded where the one-character-per-column
 * mapping breaks, so a plain line costs one mark, not one per character. */
#include "doc.h"
#include "waivers.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"

/* How far back ck_doc_add_text() counts characters to see whether a call
 * continues exactly where the last mark's run ends. Beyond this a new mark is
 * cheaper than counting, and it keeps the builder linear. */
#define MARK_LOOKBACK 256

/* How far before a code "CPV" may stand for the code to count as a CPV code. */
#define CPV_WINDOW 40

ck_doc *ck_doc_new(const char *path, ck_input_format format, const char *encoding) {
  ck_doc *doc = ck_xcalloc(1, sizeof *doc);
  doc->path = ck_xstrdup(path ? path : "-");
  doc->format = format;
  doc->encoding = ck_xstrdup(encoding ? encoding : "UTF-8");
  doc->lang = CK_LANG_NB;
  /* Readers of an empty document still get a valid, empty C string. */
  ck_buf_put(&doc->text, "", 0);
  return doc;
}

void ck_doc_free(ck_doc *doc) {
  if (!doc)
    return;
  free(doc->path);
  free(doc->encoding);
  ck_buf_free(&doc->text);
  free(doc->blocks);
  free(doc->sections);
  free(doc->sentences);
  free(doc->marks);
  for (size_t i = 0; i < doc->nstrings; i++)
    free(doc->strings[i]);
  free(doc->strings);
  for (size_t i = 0; i < doc->ncpv; i++)
    free(doc->cpv[i]);
  free(doc->cpv);
  ck_strindex_free(&doc->cpv_index);
  free(doc->title);
  ck_waivers_free(doc->waivers, doc->nwaivers);
  for (size_t i = 0; i < doc->nlots; i++) {
    ck_lot *lot = &doc->lots[i];
    free(lot->id);
    free(lot->title);
    for (size_t k = 0; k < lot->ncpv; k++)
      free(lot->cpv[k]);
    free(lot->cpv);
    ck_strindex_free(&lot->cpv_index);
    for (size_t k = 0; k < lot->ncodes; k++)
      free(lot->codes[k]);
    free(lot->codes);
    ck_strindex_free(&lot->codes_index);
    ck_award_criteria_free(lot->criteria, lot->ncriteria);
  }
  free(doc->lots);
  ck_award_criteria_free(doc->criteria, doc->ncriteria);
  free(doc->notice_lang);
  free(doc);
}

void ck_award_criteria_free(ck_award_criterion *c, size_t n) {
  for (size_t i = 0; i < n; i++) {
    free(c[i].type);
    free(c[i].name);
    free(c[i].description);
  }
  free(c);
}

const char *ck_doc_intern(ck_doc *doc, const char *s) {
  CK_GROW(doc->strings, doc->cap_strings, doc->nstrings + 1);
  doc->strings[doc->nstrings] = ck_xstrdup(s);
  return doc->strings[doc->nstrings++];
}

/* XML readers hand the same xpath for many consecutive blocks; sharing the
 * last copy keeps the pool from growing with every block. */
static const char *intern_xpath(ck_doc *doc, const char *xpath) {
  if (!xpath)
    return NULL;
  for (size_t i = doc->nstrings, seen = 0; i > 0 && seen < 4; i--, seen++)
    if (strcmp(doc->strings[i - 1], xpath) == 0)
      return doc->strings[i - 1];
  return ck_doc_intern(doc, xpath);
}

void ck_doc_set_lang(ck_doc *doc, ck_lang lang) {
  doc->lang = lang;
  doc->lang_forced = true;
}

int ck_doc_new_row(ck_doc *doc) { return doc->next_row++; }

/* Makes sure 'extra' more bytes keep the text within 32-bit offsets. */
static void text_room(const ck_doc *doc, size_t extra) {
  if (extra > CK_DOC_TEXT_MAX - doc->text.len)
    ck_fatal("document text larger than the 4 GiB its offsets can address",
             doc->text.len + extra);
}

/* The open block lives in blocks[nblocks] and is only counted once it turns
 * out non-empty. While open, its 'end' holds where its separator starts, so
 * an empty block can be taken back without a trace. */
void ck_doc_begin_block(ck_doc *doc, ck_block_kind kind, int level, int row,
                        const char *xpath) {
  if (doc->in_block)
    ck_doc_end_block(doc);
  CK_GROW(doc->blocks, doc->cap_blocks, doc->nblocks + 1);
  text_room(doc, 3);
  size_t sep_at = doc->text.len;
  if (doc->nblocks > 0) {
    const ck_block *prev = &doc->blocks[doc->nblocks - 1];
    if (kind == CK_BLOCK_TABLE_CELL && prev->kind == CK_BLOCK_TABLE_CELL && prev->row == row)
      ck_buf_put(&doc->text, " | ", 3);
    else
      ck_buf_putc(&doc->text, '\n');
  }
  ck_block *b = &doc->blocks[doc->nblocks];
  b->kind = kind;
  b->start = (uint32_t)doc->text.len;
  b->end = (uint32_t)sep_at;
  b->section = -1;
  b->level = kind == CK_BLOCK_HEADING ? (level < 1 ? 1 : level > 6 ? 6 : level) : 0;
  b->row = kind == CK_BLOCK_TABLE_CELL ? row : -1;
  b->xpath = intern_xpath(doc, xpath);
  doc->in_block = true;
  doc->pending_space = false;
}

static bool is_cont(unsigned char c) { return (c & 0xC0) == 0x80; }

/* Number of UTF-8 characters in s[0..len). */
static size_t count_chars(const char *s, size_t len) { return ck_utf8_count(s, len); }

/* Byte width of the white-space character at s[i], 0 for anything else.
 * No-break and fixed-width spaces count: they are common in numbers
 * ("5 000 kr") and patterns should see one ordinary space. */
static size_t space_width(const unsigned char *s, size_t i, size_t len) {
  unsigned char c = s[i];
  if (c == ' ' || (c >= '\t' && c <= '\r'))
    return 1;
  if (c == 0xC2 && i + 1 < len && s[i + 1] == 0xA0)
    return 2;
  if (c == 0xE2 && i + 2 < len && s[i + 1] == 0x80 && (s[i + 2] <= 0x8A || s[i + 2] == 0xAF))
    return 3;
  return 0;
}

/* 1 for ASCII white space, 2 for the lead bytes of the wider spaces that
 * space_width() knows; 0 for everything else. */
static const unsigned char space_lead[256] = {
    [' '] = 1, ['\t'] = 1, ['\n'] = 1, ['\v'] = 1, ['\f'] = 1, ['\r'] = 1, [0xC2] = 2, [0xE2] = 2};

/* True when the eight bytes at u[j] may end a run of ck_doc_add_text():
 * they hold an ASCII control character (white space among them), a lead
 * byte 0xC2 or 0xE2 of the wider spaces, or two spaces in a row; or the
 * last one is a space and the byte after it (if any) may start white
 * space. A single space between two other characters continues a run.
 * Conservative: such words take the byte-by-byte path, which decides. */
static bool swar_may_end_run(const unsigned char *u, size_t j, size_t len) {
  const unsigned long long ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
  const unsigned long long low7 = ~highs;
  unsigned long long w;
  memcpy(&w, u + j, 8);
  unsigned long long control = (w - ones * 0x20) & ~w & highs;
  unsigned long long lead = (w | ones * 0x20) ^ (ones * 0xE2);
  unsigned long long is_lead = (lead - ones) & ~lead & highs;
  /* exactly the bytes that are spaces, at bit 7 of each */
  unsigned long long x = w ^ (ones * 0x20);
  unsigned long long spaces = ~(((x & low7) + low7) | x | low7);
  /* a pair is two neighbours, whichever way the bytes were loaded */
  unsigned long long pairs = spaces & ((spaces >> 8) | (spaces << 8));
  if (control | is_lead | pairs)
    return true;
  return u[j + 7] == ' ' && (j + 8 >= len || space_lead[u[j + 8]]);
}


static void add_mark(ck_doc *doc, size_t off, unsigned line, unsigned col) {
  CK_GROW(doc->marks, doc->cap_marks, doc->nmarks + 1);
  doc->marks[doc->nmarks++] = (ck_posmark){(uint32_t)off, line, col};
}

/* Appends text, collapsing white space, and records a position mark before
 * every run of copied characters whose source position is not the one the
 * previous mark already implies. */
void ck_doc_add_text(ck_doc *doc, const char *s, size_t len, unsigned line, unsigned col) {
  if (!doc->in_block || len == 0)
    return;
  text_room(doc, len + 1); /* the text and at most one space before it */
  const unsigned char *u = (const unsigned char *)s;
  size_t block_start = doc->blocks[doc->nblocks].start;
  bool exp_valid = false;
  unsigned exp_line = 0, exp_col = 0;
  if (doc->nmarks > 0) {
    const ck_posmark *m = &doc->marks[doc->nmarks - 1];
    if (doc->text.len - m->off <= MARK_LOOKBACK) {
      exp_valid = true;
      exp_line = m->line;
      exp_col = m->col + (unsigned)count_chars(doc->text.ptr + m->off, doc->text.len - m->off);
    }
  }
  bool space = doc->pending_space;
  size_t i = 0;
  while (i < len) {
    size_t w = space_width(u, i, len);
    if (w) {
      if (u[i] == '\n') {
        line++;
        col = 1;
      } else {
        col++;
      }
      i += w;
      space = true;
      continue;
    }
    /* One run ends at white space other than a single ASCII space between
     * two non-space characters: such a space needs no collapsing, so most
     * lines are copied in one piece. */
    size_t j = i, nchars = 0;
    for (;;) {
      for (;;) {
        /* eight bytes at a time while none of them can end the run */
        while (j + 8 <= len && !swar_may_end_run(u, j, len)) {
          unsigned long long word;
          memcpy(&word, u + j, 8);
          nchars += 8 - ck_swar_continuations(word);
          j += 8;
        }
        if (j >= len)
          break;
        unsigned char c = u[j];
        if (space_lead[c] && (space_lead[c] == 1 || space_width(u, j, len)))
          break;
        nchars += !is_cont(c);
        j++;
      }
      if (j + 1 < len && u[j] == ' ' && !space_width(u, j + 1, len)) {
        j++;
        nchars++;
        continue;
      }
      break;
    }
    if (space && doc->text.len > block_start) {
      ck_buf_putc(&doc->text, ' ');
      exp_col++;
    }
    space = false;
    if (!exp_valid || exp_line != line || exp_col != col)
      add_mark(doc, doc->text.len, line, col);
    ck_buf_put(&doc->text, s + i, j - i);
    col += (unsigned)nchars;
    exp_valid = true;
    exp_line = line;
    exp_col = col;
    i = j;
  }
  doc->pending_space = space;
}

static bool word_char(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
}

/* True when 'word' occurs in 's' as a whole word. */
static bool has_word(const char *s, const char *word) {
  size_t wl = strlen(word);
  for (const char *p = strstr(s, word); p; p = strstr(p + 1, word)) {
    bool left = p == s || !word_char((unsigned char)p[-1]);
    bool right = !word_char((unsigned char)p[wl]);
    if (left && right)
      return true;
  }
  return false;
}

static bool has_any(const char *s, const char *const *keys) {
  for (size_t i = 0; keys[i]; i++)
    if (strstr(s, keys[i]))
      return true;
  return false;
}

/* Order matters: the first kind whose words occur wins, and requirements
 * comes last because "krav" is part of so many other headings
 * ("Krav til kvalifikasjon", "Kontraktskrav"). Substrings catch compounds
 * such as "Kvalifikasjonskrav" and "Tildelingskriterier". */
ck_section_kind ck_classify_heading(const char *text, size_t len) {
  static const char *const qualification[] = {
      "kvalifikasjon", "egnethet", "qualification", "selection criteria", "suitability", NULL};
  static const char *const award[] = {"tildeling", "evaluering", "vekting", "award",
                                      "evaluation", "weighting", NULL};
  static const char *const contract[] = {"kontraktsvilkår",
                                         "kontraktsbestemmelse",
                                         "avtalevilkår",
                                         "særskilte vilkår",
                                         "særskilde vilkår",
                                         "kontraktskrav",
                                         "leveringsvilkår",
                                         "contract terms",
                                         "contract conditions",
                                         "conditions of contract",
                                         "special conditions",
                                         "contract performance",
                                         NULL};
  static const char *const background[] = {"bakgrunn",
                                           "innledning",
                                           "innleiing",
                                           "orientering",
                                           "om oppdragsgiver",
                                           "om oppdragsgivar",
                                           "om kommunen",
                                           "formål",
                                           "føremål",
                                           "generell informasjon",
                                           "background",
                                           "introduction",
                                           "about the contracting authority",
                                           "about the buyer",
                                           "purpose",
                                           "general information",
                                           NULL};
  static const char *const requirements[] = {
      "kravspesifikasjon", "krav til",     "minimumskrav", "minstekrav",
      "tekniske krav",     "spesifikasjon", "ytelseskrav", "funksjonskrav",
      "miljøkrav",         "requirement",  "specification", "leveransebeskrivelse",
      "ytelsesbeskrivelse", "beskrivelse av leveransen", "description of the delivery",
      "statement of work", NULL};
  /* "Formål og omfang" describes what is bought: its sentences bind or not
     by their own wording, so it is not background even with "formål". */
  static const char *const scope[] = {"omfang", "scope", NULL};
  char buf[256];
  ck_text_fold(text, len, buf, sizeof buf);
  if (has_any(buf, qualification))
    return CK_SECTION_QUALIFICATION;
  if (has_any(buf, award))
    return CK_SECTION_AWARD;
  if (has_any(buf, contract))
    return CK_SECTION_CONTRACT;
  if (has_any(buf, scope))
    return CK_SECTION_NONE;
  if (has_any(buf, background))
    return CK_SECTION_BACKGROUND;
  if (has_any(buf, requirements) || has_word(buf, "krav"))
    return CK_SECTION_REQUIREMENTS;
  return CK_SECTION_NONE;
}

/* Opens the section of heading block 'bi': its parent is the nearest open
 * section of a lower level, found by walking up from the latest one. */
static int open_section(ck_doc *doc, size_t bi) {
  const ck_block *b = &doc->blocks[bi];
  int parent = (int)doc->nsections - 1;
  while (parent >= 0 && doc->sections[parent].level >= b->level)
    parent = doc->sections[parent].parent;
  CK_GROW(doc->sections, doc->cap_sections, doc->nsections + 1);
  ck_section *s = &doc->sections[doc->nsections];
  const char *text = doc->text.ptr + b->start;
  size_t len = b->end - b->start;
  s->block = bi;
  s->parent = parent;
  s->level = b->level;
  s->kind = ck_classify_heading(text, len);
  s->effective = s->kind;
  if (parent >= 0 && s->effective == CK_SECTION_NONE)
    s->effective = doc->sections[parent].effective;
  return (int)doc->nsections++;
}

void ck_doc_end_block(ck_doc *doc) {
  if (!doc->in_block)
    return;
  ck_block *b = &doc->blocks[doc->nblocks];
  doc->in_block = false;
  doc->pending_space = false;
  if (doc->text.len == b->start) {
    doc->text.len = b->end; /* drop the separator too */
    doc->text.ptr[doc->text.len] = '\0';
    return;
  }
  b->end = (uint32_t)doc->text.len;
  size_t bi = doc->nblocks++;
  if (b->kind == CK_BLOCK_HEADING)
    b->section = open_section(doc, bi);
  else
    b->section = (int)doc->nsections - 1;
}

void ck_doc_add_cpv(ck_doc *doc, const char *code, size_t len) {
  char digits[16];
  size_t n = 0;
  for (size_t i = 0; i < len && code[i] != '-' && n + 1 < sizeof digits; i++)
    if (code[i] >= '0' && code[i] <= '9')
      digits[n++] = code[i];
  if (n == 0)
    return;
  digits[n] = '\0';
  if (ck_strindex_seen(&doc->cpv_index, doc->cpv, doc->ncpv, digits))
    return;
  CK_GROW(doc->cpv, doc->cap_cpv, doc->ncpv + 1);
  doc->cpv[doc->ncpv++] = ck_xstrdup(digits);
}

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* True when one of the eight bytes at 's' is an ASCII digit. */
static bool swar_has_digit(const char *s) {
  const unsigned long long ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
  unsigned long long w;
  memcpy(&w, s, 8);
  /* bytes below 0x80 and in 0x30..0x39: 0x7F - 0x39 + b overflows into bit
     7 exactly for b > 0x39, and 0x7F - 0x2F + b exactly for b > 0x2F */
  unsigned long long low7 = w & ~highs;
  unsigned long long above_9 = (ones * (0x7F - 0x39) + low7) & highs;
  unsigned long long above_slash = (ones * (0x7F - 0x2F) + low7) & highs;
  return (above_slash & ~above_9 & ~w) != 0;
}

/* Case-insensitive search for "cpv" in s[0..len). */
static bool mentions_cpv(const char *s, size_t len) {
  for (size_t i = 0; i + 3 <= len; i++)
    if ((s[i] | 0x20) == 'c' && (s[i + 1] | 0x20) == 'p' && (s[i + 2] | 0x20) == 'v')
      return true;
  return false;
}

/* Whether the eight digits at text[i, i + 8), at the start of a block, open
 * a line of a CPV list without the word "CPV": "39000000-3 Møbler" (the
 * check digit is CPV's alone) or "39100000 - Furniture" (a code of a
 * division, group or class, ending in zeros, then its name). A telephone
 * number at the start of a line is neither. */
static bool cpv_list_line(const char *text, size_t i, size_t end) {
  size_t j = i + 8;
  bool check_digit = j + 1 < end && text[j] == '-' && is_digit(text[j + 1]) &&
                     (j + 2 == end || !is_digit(text[j + 2]));
  if (check_digit)
    return true;
  if (text[j - 1] != '0' || text[j - 2] != '0')
    return false;
  size_t k = j;
  while (k < end && text[k] == ' ')
    k++;
  if (k == j || k >= end)
    return false;
  if (text[k] == '-') {
    k++;
  } else if (k + 3 <= end && memcmp(text + k, "\xE2\x80\x93", 3) == 0) { /* en dash */
    k += 3;
  } else {
    return false;
  }
  while (k < end && text[k] == ' ')
    k++;
  return k < end && (unsigned char)text[k] >= 'A' && !is_digit(text[k]);
}

/* A run of exactly eight digits counts as a CPV code when "CPV" is written
 * in the same block or shortly before it (the label cell of a table row, a
 * "CPV-kode:" line above), or when it opens a line of a CPV list. */
static void find_cpv_codes(ck_doc *doc) {
  const char *text = doc->text.ptr;
  for (size_t bi = 0; bi < doc->nblocks; bi++) {
    const ck_block *b = &doc->blocks[bi];
    int in_block = -1; /* unknown until a candidate needs it */
    size_t i = b->start;
    while (i < b->end) {
      if (!is_digit(text[i])) {
        i++;
        /* most of a text has no digits: pass eight bytes at a time */
        while (i + 8 <= b->end && !swar_has_digit(text + i))
          i += 8;
        continue;
      }
      size_t j = i;
      while (j < b->end && is_digit(text[j]))
        j++;
      if (j - i == 8) {
        if (in_block < 0)
          in_block = mentions_cpv(text + b->start, b->end - b->start);
        size_t from = i > CPV_WINDOW ? i - CPV_WINDOW : 0;
        if (in_block || mentions_cpv(text + from, i - from) ||
            (i == b->start && cpv_list_line(text, i, b->end)))
          ck_doc_add_cpv(doc, text + i, 8);
      }
      i = j;
    }
  }
}

bool ck_doc_title_line(const ck_doc *doc) {
  if (doc->nblocks < 2 || doc->nsentences < 2 || doc->sentences[1].block == 0)
    return false;
  return doc->blocks[0].kind == CK_BLOCK_PARAGRAPH &&
         doc->blocks[0].end - doc->blocks[0].start <= CK_TITLE_LINE_MAX;
}

void ck_doc_finish(ck_doc *doc) {
  if (doc->in_block)
    ck_doc_end_block(doc);
  find_cpv_codes(doc);
  if (!doc->title) {
    for (size_t i = 0; i < doc->nblocks; i++)
      if (doc->blocks[i].kind == CK_BLOCK_HEADING) {
        const ck_block *b = &doc->blocks[i];
        doc->title = ck_xstrndup(doc->text.ptr + b->start, b->end - b->start);
        break;
      }
  }
  if (!doc->lang_forced)
    doc->lang = ck_detect_language(doc->text.ptr, doc->text.len, &doc->other_lang);
  ck_doc_split_sentences(doc);
  if (!doc->title && ck_doc_title_line(doc)) {
    const ck_block *b = &doc->blocks[0];
    doc->title = ck_xstrndup(doc->text.ptr + b->start, b->end - b->start);
  }
}

void ck_doc_position(const ck_doc *doc, size_t off, unsigned *line, unsigned *col) {
  if (doc->nmarks == 0) {
    *line = 1;
    *col = 1;
    return;
  }
  if (off > doc->text.len)
    off = doc->text.len;
  const ck_posmark *m = &doc->marks[ck_doc_mark_at(doc, off)];
  *line = m->line;
  *col = m->col;
  if (off > m->off)
    *col += (unsigned)count_chars(doc->text.ptr + m->off, off - m->off);
}

char *ck_doc_block_section_path(const ck_doc *doc, size_t block) {
  if (block >= doc->nblocks || doc->blocks[block].section < 0)
    return ck_xstrdup("");
  /* at most one section per heading level (1..6) on the way up */
  int chain[8];
  size_t n = 0;
  for (int s = doc->blocks[block].section; s >= 0 && n < sizeof chain / sizeof *chain;
       s = doc->sections[s].parent)
    chain[n++] = s;
  ck_buf path = CK_BUF_INIT;
  while (n-- > 0) {
    const ck_block *h = &doc->blocks[doc->sections[chain[n]].block];
    ck_buf_put(&path, doc->text.ptr + h->start, h->end - h->start);
    if (n > 0)
      ck_buf_put(&path, " > ", 3);
  }
  return ck_buf_detach(&path);
}

ck_section_kind ck_doc_block_section_kind(const ck_doc *doc, size_t block) {
  if (block >= doc->nblocks || doc->blocks[block].section < 0)
    return CK_SECTION_NONE;
  return doc->sections[doc->blocks[block].section].effective;
}

size_t ck_doc_sentence_at(const ck_doc *doc, size_t off, size_t hint) {
  if (hint < doc->nsentences && doc->sentences[hint].start <= off) {
    /* callers going through the text in order land in the hint or one of
       the next few sentences: a step or two, not a search */
    for (size_t s = hint; s < doc->nsentences && s < hint + 4; s++) {
      if (off < doc->sentences[s].start)
        return (size_t)-1; /* between two sentences: a heading's gap */
      if (off < doc->sentences[s].end)
        return s;
    }
  }
  size_t lo = 0, hi = doc->nsentences;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (doc->sentences[mid].start <= off)
      lo = mid + 1;
    else
      hi = mid;
  }
  if (lo == 0 || off >= doc->sentences[lo - 1].end)
    return (size_t)-1;
  return lo - 1;
}

size_t ck_doc_block_at(const ck_doc *doc, size_t off) {
  size_t lo = 0, hi = doc->nblocks;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (doc->blocks[mid].start <= off)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo ? lo - 1 : 0;
}

size_t ck_doc_mark_at(const ck_doc *doc, size_t off) {
  size_t lo = 0, hi = doc->nmarks;
  while (hi - lo > 1) {
    size_t mid = lo + (hi - lo) / 2;
    if (doc->marks[mid].off <= off)
      lo = mid;
    else
      hi = mid;
  }
  return lo;
}

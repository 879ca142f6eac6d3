/* The document model: one shape for every input format.
 *
 * A reader (read_text.c, read_xml.c) turns a source into blocks of normalised
 * UTF-8 text through the builder functions below. All block texts live in one
 * buffer, 'text'; blocks, sections and sentences are byte ranges of it. A list
 * of position marks maps any offset of 'text' back to a line and column of the
 * source, so evidence can point at the exact place.
 *
 * Lifetime: the document owns everything it points to; free it with
 * ck_doc_free(). */
#ifndef CK_DOC_H
#define CK_DOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "circheck.h"
#include "strindex.h"
#include "util.h"

/* A neighbouring language the rules are not written in. Swedish and Danish
 * tenders reach Norwegian buyers (cross-border frameworks, suppliers'
 * answers); the report says what the text is rather than call it bokmål. */
typedef enum { CK_OTHER_LANG_NONE, CK_OTHER_LANG_SV, CK_OTHER_LANG_DA } ck_other_lang;

typedef enum {
  CK_FORMAT_TEXT,
  CK_FORMAT_MARKDOWN,
  CK_FORMAT_XML,
  CK_FORMAT_EFORMS,
  CK_FORMAT_DOCX, /* Word (Office Open XML): positions are paragraph:character */
  CK_FORMAT_ODT,  /* OpenDocument text: likewise */
  CK_FORMAT_PDF,  /* PDF's text layer: positions are page:character */
  CK_FORMAT_HTML, /* a web page that is no well-formed XML */
  CK_FORMAT_COUNT
} ck_input_format;

/* "text", "markdown", "xml", "eforms". */
const char *ck_input_format_name(ck_input_format f);

typedef enum {
  CK_BLOCK_HEADING,
  CK_BLOCK_PARAGRAPH,
  CK_BLOCK_LIST_ITEM,
  CK_BLOCK_TABLE_CELL,
  CK_BLOCK_KIND_COUNT
} ck_block_kind;

/* "heading", "paragraph", "list-item", "table-cell". */
const char *ck_block_kind_name(ck_block_kind k);

/* What a section is for, read from its heading. Evidence counts differently
 * in each: a sentence under "Bakgrunn" is not a requirement. */
typedef enum {
  CK_SECTION_NONE,          /* no heading, or a heading that says nothing */
  CK_SECTION_BACKGROUND,    /* bakgrunn, innledning, om oppdragsgiver; background */
  CK_SECTION_REQUIREMENTS,  /* kravspesifikasjon, minimumskrav, tekniske krav */
  CK_SECTION_QUALIFICATION, /* kvalifikasjonskrav; qualification, selection criteria */
  CK_SECTION_AWARD,         /* tildelingskriterier, evaluering; award criteria */
  CK_SECTION_CONTRACT,      /* kontraktsvilkår, kontraktsbestemmelser; contract terms */
  CK_SECTION_KIND_COUNT
} ck_section_kind;

/* "none", "background", "requirements", "qualification", "award", "contract". */
const char *ck_section_kind_name(ck_section_kind k);
/* Parses the names above; false for anything else. */
bool ck_section_kind_parse(const char *name, ck_section_kind *out);
/* Classifies a heading text (UTF-8, any case, with or without its number). */
ck_section_kind ck_classify_heading(const char *text, size_t len);

typedef struct ck_section {
  size_t block;            /* index of the heading block */
  int parent;              /* index of the enclosing section, -1 at top level */
  int level;               /* 1 = top */
  ck_section_kind kind;    /* from this heading alone */
  ck_section_kind effective; /* own kind, else the nearest ancestor's */
} ck_section;

/* Offsets into a document's text are 32-bit, which keeps the per-block,
 * per-sentence and per-mark arrays at two thirds of their size (a large
 * text has a block, a sentence and a mark every 100 bytes or so). A text
 * never grows past this many bytes: the builder stops the process as if
 * memory had run out (inputs are limited to far less, 64 MiB by default). */
#define CK_DOC_TEXT_MAX ((size_t)UINT32_MAX)

/* Fields ordered widest first: 32 bytes, no padding. */
typedef struct ck_block {
  const char *xpath; /* XML source: path of the element, owned by the doc; else NULL */
  uint32_t start, end; /* byte range in doc->text */
  int section;       /* enclosing section index, -1 before the first heading;
                        a heading block belongs to the section it opens */
  int level;         /* heading level (1..6), 0 for other kinds */
  int row;           /* table row number (0-based, doc-wide) for table cells, else -1 */
  ck_block_kind kind;
} ck_block;

/* A sentence, or for tables one row, or a whole heading; the unit patterns
 * are matched against. A heading's sentence is read only by subject rules
 * (subject.h): a heading alone is never evidence of a requirement. */
typedef struct ck_sentence {
  uint32_t start, end; /* byte range in doc->text */
  uint32_t block;      /* block where it starts */
  int32_t lead;        /* in a list item: the sentence that introduces the list, when it
                          ends with a colon ("Leverandøren skal:"); else -1 */
} ck_sentence;

/* Position mark: text offset 'off' came from source 'line':'col', and the
 * following bytes map one character to one column until the next mark. */
typedef struct ck_posmark {
  uint32_t off;
  unsigned line, col;
} ck_posmark;

/* How an award criterion's number is to be read (eForms BT-5421, or what a
 * text tender writes). */
typedef enum {
  CK_WEIGHT_NONE,     /* no number given, or withheld from publication */
  CK_WEIGHT_PERCENT,  /* per-exa, per-mid, "30 %" */
  CK_WEIGHT_POINTS,   /* poi-exa, poi-mid: share = points / sum of points */
  CK_WEIGHT_DECIMAL,  /* dec-exa, dec-mid: share = value / sum of values */
  CK_WEIGHT_RANK,     /* ord-imp: 1 = most important */
  CK_WEIGHT_KIND_COUNT
} ck_weight_kind;

/* One award criterion, from a notice's structured fields or a weights table
 * in a text tender. */
typedef struct ck_award_criterion {
  char *type;         /* BT-539: "price", "cost", "quality", "quality-nor-env-criteria", ...;
                         NULL in text tenders */
  char *name;         /* BT-734 or the table's first cell; may be NULL */
  char *description;  /* BT-540; may be NULL */
  ck_weight_kind weight_kind;
  double weight;      /* as written; meaningless for CK_WEIGHT_NONE */
  unsigned line, col; /* source position */
  const char *xpath;  /* owned by the document; NULL for text */
} ck_award_criterion;

/* A lot of a notice (eForms BT-137). Blocks [block_start, block_end) of the
 * document hold its texts; blocks outside every lot belong to the whole
 * procedure and count for each lot. */
typedef struct ck_lot {
  char *id;           /* "LOT-0001" */
  char *title;        /* BT-21 in the notice language; may be NULL */
  char **cpv;         /* main CPV first (8 digits) */
  size_t ncpv, cap_cpv;
  ck_strindex cpv_index;
  char **codes;       /* green and strategic codes as "list:code", e.g.
                         "gpp-criteria:eu", "environmental-impact:circ-econ",
                         "strategic-procurement:env-imp" */
  size_t ncodes, cap_codes;
  ck_strindex codes_index;
  ck_award_criterion *criteria;
  size_t ncriteria, cap_criteria;
  size_t block_start, block_end;
  unsigned line, col; /* position of the lot element */
  const char *xpath;
} ck_lot;

typedef struct ck_doc {
  char *path;              /* as given by the user ("-" for stdin), owned */
  ck_input_format format;
  char *encoding;          /* "UTF-8", "UTF-8 with BOM", "UTF-16LE", "windows-1252", ... */
  ck_lang lang;            /* detected or set by ck_doc_set_lang() */
  ck_other_lang other_lang; /* detected Swedish or Danish, read as 'lang' (bokmål) */
  bool lang_forced;
  ck_buf text;             /* all block texts; blocks are separated by '\n',
                              cells of one table row by " | " */
  ck_block *blocks;
  size_t nblocks, cap_blocks;
  ck_section *sections;
  size_t nsections, cap_sections;
  ck_sentence *sentences;
  size_t nsentences, cap_sentences;
  ck_posmark *marks;
  size_t nmarks, cap_marks;
  char **strings;          /* pool of xpaths and other owned strings */
  size_t nstrings, cap_strings;
  char **cpv;              /* CPV codes (8 digits, no check digit), main first */
  size_t ncpv, cap_cpv;
  ck_strindex cpv_index;   /* keeps ck_doc_add_cpv linear in the codes */
  char *title;             /* first heading, XML title or title line, owned; may be NULL */
  ck_lot *lots;            /* eForms lots in document order; none for other formats */
  size_t nlots, cap_lots;
  /* Award criteria of the whole document: a text tender's weights table, or
     a notice's procedure-level criteria. */
  ck_award_criterion *criteria;
  size_t ncriteria, cap_criteria;
  char *notice_lang;       /* eForms BT-702 ("NOR", "ENG"), owned; NULL otherwise */
  struct ck_waiver *waivers; /* written in the source's comments (waivers.h), owned */
  size_t nwaivers;
  /* builder state */
  bool in_block;
  bool pending_space;
  int next_row;
} ck_doc;

/* Frees an array of award criteria and the strings they own. */
void ck_award_criteria_free(ck_award_criterion *c, size_t n);

/* Creates an empty document for the source 'path'. */
ck_doc *ck_doc_new(const char *path, ck_input_format format, const char *encoding);
/* Frees the document and everything it owns. Does nothing for NULL. */
void ck_doc_free(ck_doc *doc);

/* --- builder, used by readers ------------------------------------------------ */

/* Starts a block. 'level' is the heading level (ignored for other kinds);
 * 'xpath' is copied (may be NULL). For CK_BLOCK_TABLE_CELL, 'row' says which
 * row the cell belongs to: pass the value of ck_doc_new_row() for the first
 * cell and the same value for the others of that row. */
void ck_doc_begin_block(ck_doc *doc, ck_block_kind kind, int level, int row,
                        const char *xpath);
/* Returns a fresh table row number. */
int ck_doc_new_row(ck_doc *doc);
/* Appends source text to the open block. 'line':'col' is where s[0] sits in
 * the source (1-based, col counted in characters). Runs of white space (also
 * across calls) collapse to one space; leading and trailing space of a block
 * is dropped. Invalid UTF-8 must not be passed. */
void ck_doc_add_text(ck_doc *doc, const char *s, size_t len, unsigned line, unsigned col);
/* Closes the open block. An empty block is dropped. A heading opens a
 * section whose parent is the nearest earlier section of a lower level. */
void ck_doc_end_block(ck_doc *doc);
/* Records a CPV code found in the source (digits, optional "-N" check digit is
 * stripped). Codes are kept in the order added, without duplicates. */
void ck_doc_add_cpv(ck_doc *doc, const char *code, size_t len);
/* Keeps a copy of 's' for the document's lifetime and returns it. */
const char *ck_doc_intern(ck_doc *doc, const char *s);
/* Sets the language and stops ck_doc_finish() from detecting it. */
void ck_doc_set_lang(ck_doc *doc, ck_lang lang);

/* Finishes the model: section kinds and paths, sentences, language (unless
 * set), CPV codes written in the text ("CPV 39130000-2"), title. Call once,
 * after the last block. */
void ck_doc_finish(ck_doc *doc);

/* --- queries ----------------------------------------------------------------- */

/* The longest first line that is read as a title, in bytes. */
#define CK_TITLE_LINE_MAX 300

/* Whether the document's first block is a title line: one sentence of at
 * most CK_TITLE_LINE_MAX bytes with more text after it ("Konkurransegrunnlag
 * - kjøp av kontorstoler", a notice's title). A document of one paragraph
 * has no title line. Needs the sentences (ck_doc_finish). */
bool ck_doc_title_line(const ck_doc *doc);

/* Maps a byte offset of doc->text to the source line and column (1-based). */
void ck_doc_position(const ck_doc *doc, size_t off, unsigned *line, unsigned *col);
/* The section path of a block ("3 Krav > 3.2 Garanti"), "" when it is
 * before the first heading; a new string the caller frees. Paths are made
 * on request: kept for every section, each would copy its ancestors'
 * headings, which grows with headings times their length. */
char *ck_doc_block_section_path(const ck_doc *doc, size_t block);
/* The effective section kind of a block. */
ck_section_kind ck_doc_block_section_kind(const ck_doc *doc, size_t block);

/* The sentence holding text offset 'off', or (size_t)-1 when it lies in a
 * heading or between sentences. 'hint' is a sentence to try first (callers
 * walking the text in order pass the last answer); (size_t)-1 for none. */
size_t ck_doc_sentence_at(const ck_doc *doc, size_t off, size_t hint);
/* The block holding text offset 'off' (the last block starting at or before it). */
/* The index of the last position mark at or before text offset 'off'
 * (0 when there is none before it); the document must have a mark. */
size_t ck_doc_mark_at(const ck_doc *doc, size_t off);

size_t ck_doc_block_at(const ck_doc *doc, size_t off);

/* Splits the non-heading blocks of 'doc' into sentences (sentences.c).
 * Called by ck_doc_finish(). */
void ck_doc_split_sentences(ck_doc *doc);

/* "sv", "da"; NULL for CK_OTHER_LANG_NONE. */
const char *ck_other_lang_name(ck_other_lang l);

/* Detects the language of a UTF-8 text from its function words (lang.c).
 * Swedish and Danish text is read with the bokmål rules, the nearest there
 * are, and '*other' (may be NULL) says which it is. */
ck_lang ck_detect_language(const char *text, size_t len, ck_other_lang *other);

#endif

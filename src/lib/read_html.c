/* The HTML reader (readers.h): a saved web page or a tender portal's
 * export, parsed with libxml2's HTML parser (which forgives what browsers
 * forgive) without network access. h1-h6 are headings, li list items, a
 * table's rows are rows of cells; p, div and the like are paragraphs; what
 * a browser does not show as text (script, style, head, svg, templates) is
 * left out. A paragraph that is a numbered or ALL-CAPS heading is one. Positions are the source line of the element that holds the
 * text, column 1. */
#define _POSIX_C_SOURCE 200809L /* strncasecmp */

#include <ctype.h>
#include <libxml/HTMLparser.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "office.h"
#include "readers.h"
#include "util.h"

enum { MAX_NESTING = 256 };

typedef struct reader {
  ck_doc *doc;
  const ck_limits *limits;
  ck_diags *diags;
  ck_buf text;     /* inline text of the block being collected */
  unsigned line;   /* where that block starts */
  bool failed;
} reader;

static bool named(const xmlNode *n, const char *name) {
  return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

static bool hidden(const xmlNode *n) {
  static const char *const names[] = {"script", "style", "noscript", "template", "head",
                                      "svg",    "iframe", "object",  "button",   "select"};
  for (size_t i = 0; i < sizeof names / sizeof *names; i++)
    if (named(n, names[i]))
      return true;
  return false;
}

/* Elements that start a block of their own. */
static bool block_element(const xmlNode *n) {
  static const char *const names[] = {
      "p",    "div",     "section", "article", "main",   "aside",  "header", "footer",
      "nav",  "ul",      "ol",      "li",      "dl",     "dt",     "dd",     "blockquote",
      "pre",  "table",   "tr",      "td",      "th",     "caption", "form",  "fieldset",
      "body", "address", "figure",  "figcaption", "h1",  "h2",     "h3",     "h4",
      "h5",   "h6",      "hr",      "details", "summary", "center"};
  for (size_t i = 0; i < sizeof names / sizeof *names; i++)
    if (named(n, names[i]))
      return true;
  return false;
}

static int heading_level(const xmlNode *n) {
  const char *name = (const char *)n->name;
  if (n->type == XML_ELEMENT_NODE && name[0] == 'h' && name[1] >= '1' && name[1] <= '6' &&
      !name[2])
    return name[1] - '0';
  return 0;
}

static void over_limit(reader *r) {
  size_t max = r->limits ? r->limits->max_blocks : 0;
  if (max && r->doc->nblocks > max && !r->failed) {
    ck_diags_add(r->diags, CK_DIAG_ERROR, r->doc->path, 0, 0,
                 "too many blocks: more than %zu (max_blocks)", max);
    r->failed = true;
  }
}

/* Adds the collected inline text as one block of 'kind'. */
static void flush(reader *r, ck_block_kind kind, int level, int row) {
  /* "4.3 Klima og miljø" written as a plain paragraph is a heading, as in
     every format */
  int plain = kind == CK_BLOCK_PARAGRAPH ? ck_office_plain_heading(ck_buf_cstr(&r->text),
                                                                   r->text.len)
                                         : 0;
  if (plain) {
    kind = CK_BLOCK_HEADING;
    level = plain;
  }
  if (r->text.len && !r->failed) {
    /* libxml2's HTML parser passes bytes through that its declared or
       guessed encoding does not decode: the document text must be valid
       UTF-8 (PCRE2 runs on it without checking, and reports are UTF-8). */
    ck_utf8_repair(&r->text);
    ck_doc_begin_block(r->doc, kind, level, row, NULL);
    ck_doc_add_text(r->doc, ck_buf_cstr(&r->text), r->text.len, r->line ? r->line : 1, 1);
    ck_doc_end_block(r->doc);
    over_limit(r);
  }
  ck_buf_reset(&r->text);
}

static void note_line(reader *r, const xmlNode *n) {
  if (!r->text.len) {
    long line = xmlGetLineNo((xmlNode *)n);
    r->line = line > 0 ? (unsigned)line : r->line;
  }
}

/* All text under 'n', for a table cell: blocks inside it join with spaces. */
static void collect_all(reader *r, const xmlNode *n, unsigned depth) {
  for (const xmlNode *c = n->children; c && depth < MAX_NESTING; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      note_line(r, c);
      if (c->content)
        ck_buf_puts(&r->text, (const char *)c->content);
    } else if (c->type == XML_ELEMENT_NODE && !hidden(c)) {
      if (named(c, "br") || block_element(c))
        ck_buf_putc(&r->text, ' ');
      collect_all(r, c, depth + 1);
    }
  }
}

static void read_table(reader *r, const xmlNode *table, unsigned depth);

static void walk(reader *r, const xmlNode *n, unsigned depth) {
  for (const xmlNode *c = n->children; c && !r->failed; c = c->next) {
    if (depth >= MAX_NESTING)
      return;
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      note_line(r, c);
      if (c->content)
        ck_buf_puts(&r->text, (const char *)c->content);
      continue;
    }
    if (c->type != XML_ELEMENT_NODE || hidden(c))
      continue;
    if (named(c, "br")) {
      ck_buf_putc(&r->text, ' ');
      continue;
    }
    if (!block_element(c)) {
      walk(r, c, depth + 1); /* inline: span, a, b, em, ... */
      continue;
    }
    flush(r, CK_BLOCK_PARAGRAPH, 0, -1); /* what came before the block */
    int level = heading_level(c);
    if (level) {
      collect_all(r, c, depth + 1);
      flush(r, CK_BLOCK_HEADING, level, -1);
    } else if (named(c, "table")) {
      read_table(r, c, depth + 1);
    } else if (named(c, "li") || named(c, "dd")) {
      walk(r, c, depth + 1);
      flush(r, CK_BLOCK_LIST_ITEM, 0, -1);
    } else {
      walk(r, c, depth + 1);
      flush(r, CK_BLOCK_PARAGRAPH, 0, -1);
    }
  }
}

static void read_rows(reader *r, const xmlNode *n, unsigned depth) {
  for (const xmlNode *c = n->children; c && !r->failed && depth < MAX_NESTING; c = c->next) {
    if (named(c, "tr")) {
      int row = ck_doc_new_row(r->doc);
      for (const xmlNode *cell = c->children; cell; cell = cell->next)
        if (named(cell, "td") || named(cell, "th")) {
          collect_all(r, cell, depth + 1);
          flush(r, CK_BLOCK_TABLE_CELL, 0, row);
        }
    } else if (named(c, "thead") || named(c, "tbody") || named(c, "tfoot")) {
      read_rows(r, c, depth + 1);
    } else if (named(c, "caption")) {
      collect_all(r, c, depth + 1);
      flush(r, CK_BLOCK_PARAGRAPH, 0, -1);
    }
  }
}

static void read_table(reader *r, const xmlNode *table, unsigned depth) {
  read_rows(r, table, depth);
}

/* The encoding to read with: the page's own <meta charset> when it has one
   (NULL lets libxml2 find it), else UTF-8 when the bytes are, else the
   Windows code page Norwegian pages were once written in. */
static const char *encoding_of(const char *data, size_t len) {
  size_t n = len < 2048 ? len : 2048;
  for (size_t i = 0; i + 7 < n; i++)
    if (strncasecmp(data + i, "charset", 7) == 0)
      return NULL;
  (void)len; /* the source is NUL-terminated (source.h) */
  return xmlCheckUTF8((const xmlChar *)data) ? "UTF-8" : "windows-1252";
}

bool ck_html_looks(const char *data, size_t len) {
  size_t i = 0;
  if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < len && isspace((unsigned char)data[i]))
    i++;
  size_t rest = len - i;
  return (rest >= 14 && strncasecmp(data + i, "<!doctype html", 14) == 0) ||
         (rest >= 5 && strncasecmp(data + i, "<html", 5) == 0);
}

ck_status ck_read_html(const ck_source *src, const ck_limits *limits, ck_doc **out,
                       ck_diags *diags) {
  *out = NULL;
  if (src->raw_len > (size_t)INT32_MAX) {
    ck_diags_add(diags, CK_DIAG_ERROR, src->path, 0, 0, "the page is too large");
    return CK_ERR_LIMIT;
  }
  int options = HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                HTML_PARSE_NOBLANKS | HTML_PARSE_COMPACT;
  htmlDocPtr h = htmlReadMemory(src->raw, (int)src->raw_len, src->path,
                                encoding_of(src->raw, src->raw_len), options);
  const xmlNode *root = h ? xmlDocGetRootElement(h) : NULL;
  if (!root) {
    ck_diags_add(diags, CK_DIAG_ERROR, src->path, 0, 0, "not a readable HTML page");
    if (h)
      xmlFreeDoc(h);
    return CK_ERR_INPUT;
  }
  ck_doc *doc = ck_doc_new(src->path, CK_FORMAT_HTML, "UTF-8");
  reader r = {.doc = doc, .limits = limits, .diags = diags, .line = 1};
  walk(&r, root, 0);
  flush(&r, CK_BLOCK_PARAGRAPH, 0, -1);
  ck_buf_free(&r.text);
  xmlFreeDoc(h);
  if (r.failed) {
    ck_doc_free(doc);
    return CK_ERR_LIMIT;
  }
  if (doc->nblocks == 0) {
    ck_diags_add(diags, CK_DIAG_ERROR, src->path, 0, 0, "empty document: the page has no text");
    ck_doc_free(doc);
    return CK_ERR_INPUT;
  }
  ck_doc_finish(doc);
  *out = doc;
  return CK_OK;
}

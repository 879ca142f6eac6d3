/* The OpenDocument text reader (readers.h): content.xml of an .odt
 * archive. Headings are text:h with their outline level; lists, tables,
 * sections, frames' text boxes and footnotes (after the paragraph that
 * cites them) are read in order; tracked
 * deletions (text:tracked-changes) and comments (office:annotation) are
 * not document text. */
#include <stdlib.h>
#include <string.h>

#include "office.h"
#include "readers.h"
#include "util.h"
#include "xmlutil.h"
#include "zipread.h"

#define TEXT_NS "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define TABLE_NS "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define OFFICE_NS "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define DRAW_NS "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
#define STYLE_NS "urn:oasis:names:tc:opendocument:xmlns:style:1.0"

static const char odt_mimetype[] = "application/vnd.oasis.opendocument.text";

static bool is_ns(const xmlNode *n, const char *ns, const char *name) {
  return n && n->type == XML_ELEMENT_NODE && n->ns && n->ns->href &&
         strcmp((const char *)n->ns->href, ns) == 0 && strcmp((const char *)n->name, name) == 0;
}

static bool is_text(const xmlNode *n, const char *name) { return is_ns(n, TEXT_NS, name); }

/* An automatic paragraph style of content.xml and the named style it is
   based on: an HTML or Word import writes a heading as text:p in style "P1"
   whose parent is "Heading_20_1". */
typedef struct auto_style {
  char *name, *parent;
} auto_style;

typedef struct reader {
  ck_office_builder b;
  auto_style *styles;
  size_t nstyles, cap_styles;
  const xmlNode **frames; /* text boxes met in the paragraph being read */
  size_t nframes, cap_frames;
  const xmlNode **notes; /* footnote bodies met in the paragraph being read */
  size_t nnotes, cap_notes;
  unsigned depth;
} reader;

enum { MAX_NESTING = 32 };

static void read_content(reader *r, const xmlNode *parent, bool in_list);

/* Appends a paragraph's text: spans and links by their text, text:s as its
   count of spaces (one is enough: spaces collapse), tabs and line breaks as
   spaces; comments, deletion marks and note citations are left out; text
   boxes and footnote bodies are kept for later. */
static void collect(reader *r, const xmlNode *n) {
  for (const xmlNode *c = n->children; c; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      if (c->content)
        ck_buf_puts(&r->b.text, (const char *)c->content);
    } else if (c->type != XML_ELEMENT_NODE) {
      continue;
    } else if (is_text(c, "s") || is_text(c, "tab") || is_text(c, "line-break")) {
      ck_buf_putc(&r->b.text, ' ');
    } else if (is_ns(c, OFFICE_NS, "annotation") || is_ns(c, OFFICE_NS, "annotation-end") ||
               is_text(c, "note-citation") || is_text(c, "change") ||
               is_text(c, "bookmark-ref") || is_text(c, "sequence-decls")) {
      continue;
    } else if (is_text(c, "note")) {
      for (const xmlNode *b = c->children; b; b = b->next)
        if (is_text(b, "note-body")) {
          CK_GROW(r->notes, r->cap_notes, r->nnotes + 1);
          r->notes[r->nnotes++] = b;
        }
    } else if (is_ns(c, DRAW_NS, "text-box")) {
      CK_GROW(r->frames, r->cap_frames, r->nframes + 1);
      r->frames[r->nframes++] = c;
    } else {
      collect(r, c); /* spans, links, fields, frames */
    }
  }
}

static int outline_level(const xmlNode *h) {
  xmlChar *v = xmlGetNsProp(h, (const xmlChar *)"outline-level", (const xmlChar *)TEXT_NS);
  int level = v ? atoi((const char *)v) : 1;
  xmlFree(v);
  return level < 1 ? 1 : level > 9 ? 9 : level;
}

/* The heading level a named paragraph style gives ("Heading_20_2",
   "Heading 2", "Title"), 0 for any other. */
static int level_of_style(const char *name) {
  if (!name)
    return 0;
  if (strcmp(name, "Title") == 0)
    return 1;
  static const char *const prefixes[] = {"Heading_20_", "Heading "};
  for (size_t i = 0; i < sizeof prefixes / sizeof *prefixes; i++) {
    size_t pl = strlen(prefixes[i]);
    if (strncmp(name, prefixes[i], pl) == 0 && name[pl] >= '1' && name[pl] <= '9' && !name[pl + 1])
      return name[pl] - '0';
  }
  return 0;
}

static void read_automatic_styles(reader *r, const xmlNode *root) {
  for (const xmlNode *a = root ? root->children : NULL; a; a = a->next) {
    if (!is_ns(a, OFFICE_NS, "automatic-styles"))
      continue;
    for (const xmlNode *s = a->children; s; s = s->next) {
      if (!is_ns(s, STYLE_NS, "style"))
        continue;
      xmlChar *name = xmlGetNsProp(s, (const xmlChar *)"name", (const xmlChar *)STYLE_NS);
      xmlChar *parent =
          xmlGetNsProp(s, (const xmlChar *)"parent-style-name", (const xmlChar *)STYLE_NS);
      if (name && parent) {
        CK_GROW(r->styles, r->cap_styles, r->nstyles + 1);
        r->styles[r->nstyles++] =
            (auto_style){ck_xstrdup((const char *)name), ck_xstrdup((const char *)parent)};
      }
      xmlFree(name);
      xmlFree(parent);
    }
  }
}

/* The heading level of a text:p's style, looked up through its automatic
   style's parent. */
static int paragraph_style_level(const reader *r, const xmlNode *p) {
  xmlChar *name = xmlGetNsProp(p, (const xmlChar *)"style-name", (const xmlChar *)TEXT_NS);
  if (!name)
    return 0;
  const char *named = (const char *)name;
  for (size_t i = 0; i < r->nstyles; i++)
    if (strcmp(r->styles[i].name, named) == 0) {
      named = r->styles[i].parent;
      break;
    }
  int level = level_of_style(named);
  xmlFree(name);
  return level;
}

static void read_paragraph(reader *r, const xmlNode *p, ck_block_kind kind, int level) {
  size_t frames_before = r->nframes, notes_before = r->nnotes;
  collect(r, p);
  ck_office_paragraph(&r->b, kind, level);
  /* text boxes and then footnotes of the paragraph, after it: they belong
     to its section */
  size_t end = r->nframes;
  for (size_t i = frames_before; i < end && !r->b.failed; i++)
    read_content(r, r->frames[i], false);
  r->nframes = frames_before;
  end = r->nnotes;
  for (size_t i = notes_before; i < end && !r->b.failed; i++)
    read_content(r, r->notes[i], false);
  r->nnotes = notes_before;
}

static void collect_cell(reader *r, const xmlNode *cell) {
  for (const xmlNode *c = cell->children; c; c = c->next) {
    if (is_text(c, "p") || is_text(c, "h")) {
      if (r->b.text.len)
        ck_buf_putc(&r->b.text, ' ');
      collect(r, c);
      r->nframes = 0;
    } else if (c->type == XML_ELEMENT_NODE) {
      collect_cell(r, c); /* lists and nested tables in a cell join its text */
    }
  }
}

static void read_rows(reader *r, const xmlNode *parent) {
  for (const xmlNode *c = parent->children; c && !r->b.failed; c = c->next) {
    if (is_ns(c, TABLE_NS, "table-row")) {
      int row = ck_office_row(&r->b);
      for (const xmlNode *cell = c->children; cell; cell = cell->next)
        if (is_ns(cell, TABLE_NS, "table-cell")) {
          collect_cell(r, cell);
          ck_office_cell(&r->b, row);
        }
    } else if (is_ns(c, TABLE_NS, "table-header-rows") || is_ns(c, TABLE_NS, "table-rows") ||
               is_ns(c, TABLE_NS, "table-row-group")) {
      read_rows(r, c);
    }
  }
}

static void read_content(reader *r, const xmlNode *parent, bool in_list) {
  if (++r->depth > MAX_NESTING) {
    r->depth--;
    return;
  }
  for (const xmlNode *c = parent->children; c && !r->b.failed; c = c->next) {
    if (is_text(c, "h"))
      read_paragraph(r, c, CK_BLOCK_HEADING, outline_level(c));
    else if (is_text(c, "p")) {
      int level = in_list ? 0 : paragraph_style_level(r, c);
      read_paragraph(r, c,
                     level ? CK_BLOCK_HEADING : in_list ? CK_BLOCK_LIST_ITEM : CK_BLOCK_PARAGRAPH,
                     level);
    }
    else if (is_text(c, "list") || is_text(c, "list-item") || is_text(c, "list-header"))
      read_content(r, c, true);
    else if (is_ns(c, TABLE_NS, "table"))
      read_rows(r, c);
    else if (is_text(c, "section") || is_text(c, "note-body") || is_ns(c, DRAW_NS, "text-box"))
      read_content(r, c, false);
    /* text:tracked-changes (deleted text), text:table-of-content (titles
       repeated with page numbers), office:forms and declarations: not read */
  }
  r->depth--;
}

ck_input_format ck_office_sniff(const ck_source *src) {
  if (!ck_zip_magic(src->raw, src->raw_len))
    return CK_FORMAT_COUNT;
  ck_diags quiet = CK_DIAGS_INIT;
  ck_zip *z = NULL;
  ck_input_format f = CK_FORMAT_COUNT;
  if (ck_zip_open(src->raw, src->raw_len, src->path, &z, &quiet) == CK_OK) {
    char *mime = NULL;
    size_t len = 0;
    if (ck_zip_has(z, "word/document.xml"))
      f = CK_FORMAT_DOCX;
    else if (ck_zip_read(z, "mimetype", 256, false, &mime, &len, &quiet) == CK_OK && mime &&
             strncmp(mime, odt_mimetype, sizeof odt_mimetype - 1) == 0 &&
             (len == sizeof odt_mimetype - 1 || strcmp(mime + sizeof odt_mimetype - 1, "-web") == 0))
      f = CK_FORMAT_ODT; /* a text, or a web page saved by Writer/Web: the same content.xml */
    free(mime);
    ck_zip_close(z);
  }
  ck_diags_free(&quiet);
  return f;
}

ck_status ck_read_odt(const ck_source *src, const ck_limits *limits, ck_doc **out,
                      ck_diags *diags) {
  *out = NULL;
  ck_zip *z = NULL;
  ck_status rc = ck_zip_open(src->raw, src->raw_len, src->path, &z, diags);
  if (rc != CK_OK)
    return rc;
  char *data = NULL;
  size_t len = 0;
  xmlDoc *x = NULL;
  rc = ck_zip_read(z, "content.xml", limits->max_input_bytes, true, &data, &len, diags);
  if (rc == CK_OK) {
    ck_buf name = CK_BUF_INIT;
    ck_buf_printf(&name, "%s!content.xml", src->path);
    rc = ck_xml_parse_data(data, len, ck_buf_cstr(&name), limits, &x, diags);
    ck_buf_free(&name);
  }
  free(data);
  ck_zip_close(z);
  if (rc != CK_OK)
    return rc;
  const xmlNode *root = xmlDocGetRootElement(x), *text = NULL;
  for (const xmlNode *b = root ? root->children : NULL; b && !text; b = b->next)
    if (is_ns(b, OFFICE_NS, "body"))
      for (const xmlNode *t = b->children; t && !text; t = t->next)
        if (is_ns(t, OFFICE_NS, "text"))
          text = t;
  if (!text) {
    ck_diags_add(diags, CK_DIAG_ERROR, src->path, 0, 0,
                 "content.xml has no office:body/office:text: not an OpenDocument text");
    xmlFreeDoc(x);
    return CK_ERR_INPUT;
  }
  ck_doc *doc = ck_doc_new(src->path, CK_FORMAT_ODT, "UTF-8");
  reader r = {0};
  ck_office_builder_init(&r.b, doc, limits, diags);
  read_automatic_styles(&r, root);
  read_content(&r, text, false);
  bool failed = r.b.failed;
  ck_office_builder_free(&r.b);
  free(r.frames);
  free(r.notes);
  for (size_t i = 0; i < r.nstyles; i++) {
    free(r.styles[i].name);
    free(r.styles[i].parent);
  }
  free(r.styles);
  xmlFreeDoc(x);
  if (failed) {
    ck_doc_free(doc);
    return CK_ERR_LIMIT;
  }
  ck_doc_finish(doc);
  *out = doc;
  return CK_OK;
}

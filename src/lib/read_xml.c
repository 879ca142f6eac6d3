/* The XML reader: any XML tender (XHTML, DocBook, home-made schemas) or
 * an eForms notice becomes a ck_doc of headings, paragraphs, list items and
 * table cells.
 *
 * libxml2 builds the tree (safely, see xmlutil.c); positions come from a
 * second, light scan of the source that lists every start tag, comment and
 * processing instruction in order (xmlscan.c). The n-th of those in the
 * source is the n-th such node of the tree in document order, which gives
 * each element the exact offsets of its start tag, its content and its end
 * without ever searching, so the whole reader stays linear in the input;
 * xmlpos.c turns the offsets into lines and columns, xpath.c writes the
 * elements' xpaths. */
#include <stdint.h>
#include <string.h>

#include <libxml/tree.h>

#include "readers.h"
#include "transcode.h"
#include "source.h"
#include "xmlpos.h"
#include "xmlroot.h"
#include "xmlscan.h"
#include "xmlutil.h"
#include "xpath.h"

/* --- the source as UTF-8 ------------------------------------------------------------ */

typedef struct view {
  const char *p; /* UTF-8 text without BOM */
  size_t len;
  char *owned;   /* when transcoded */
  bool utf8;     /* false: bytes count as characters (transcoding failed) */
} view;

static bool starts(const char *p, size_t len, const char *lit) {
  size_t n = strlen(lit);
  return len >= n && memcmp(p, lit, n) == 0;
}

static bool is_utf8_name(const char *enc) {
  return !enc || xmlStrcasecmp((const xmlChar *)enc, (const xmlChar *)"UTF-8") == 0 ||
         xmlStrcasecmp((const xmlChar *)enc, (const xmlChar *)"UTF8") == 0;
}

/* Converts 'in' from 'from' to UTF-8 (transcode.h); false when the encoding
 * is unknown or the bytes do not fit it. A cut-off last character, which
 * libxml2 let pass, is left out. */
static bool transcode(const char *in, size_t len, const char *from, view *v) {
  /* four bytes of UTF-8 per input byte cover every encoding iconv reads */
  size_t cap = len * 4 + 1, used = 0, in_used;
  char *out = ck_xmalloc(cap);
  ck_transcode_result r = ck_transcode(from, in, len, out, cap, &used, &in_used);
  if (r != CK_TRANSCODE_OK && r != CK_TRANSCODE_INCOMPLETE) {
    free(out);
    return false;
  }
  out[used] = '\0';
  v->owned = out;
  v->p = out;
  v->len = used;
  if (starts(v->p, v->len, "\xEF\xBB\xBF")) {
    v->p += 3;
    v->len -= 3;
  }
  v->utf8 = true;
  return true;
}

/* Makes the UTF-8 text positions are counted in, and names the encoding. */
static void make_view(const ck_source *src, const xmlDoc *xdoc, view *v, const char **encoding) {
  const unsigned char *r = (const unsigned char *)src->raw;
  size_t n = src->raw_len;
  const char *declared = (const char *)xdoc->encoding;
  const char *from = NULL;
  *v = (view){.p = src->raw, .len = n, .utf8 = true};
  *encoding = "UTF-8";
  if (n >= 2 && r[0] == 0xFF && r[1] == 0xFE) {
    *encoding = from = "UTF-16LE";
  } else if (n >= 2 && r[0] == 0xFE && r[1] == 0xFF) {
    *encoding = from = "UTF-16BE";
  } else if (n >= 4 && r[0] == '<' && r[1] == 0 && r[2] != 0 && r[3] == 0) {
    *encoding = from = "UTF-16LE";
  } else if (n >= 4 && r[0] == 0 && r[1] == '<' && r[2] == 0 && r[3] != 0) {
    *encoding = from = "UTF-16BE";
  } else if (n >= 3 && r[0] == 0xEF && r[1] == 0xBB && r[2] == 0xBF) {
    *encoding = "UTF-8 with BOM";
    v->p += 3;
    v->len -= 3;
  } else if (!is_utf8_name(declared)) {
    *encoding = from = declared;
  }
  if (from && !transcode(src->raw, n, from, v))
    v->utf8 = false; /* positions stay right for ASCII-compatible single-byte text */
}

/* --- the reader ---------------------------------------------------------------------- */

/* One open element of the walk: its children are being visited. */
typedef struct frame {
  xmlNode *child;       /* next child to visit */
  size_t path_len;      /* length of the element's xpath */
  int sect;             /* enclosing section-like elements, the root not counted */
  bool items_only;      /* inside a list item: only nested items make blocks */
} frame;

typedef struct reader {
  const ck_source *src;
  const ck_limits *limits;
  ck_diags *diags;
  ck_doc *doc;
  xmlNode *root;
  view v;
  ck_xml_tags tags;
  bool have_tokens;  /* the scan matched the tree */
  ck_xmlpos_map pos; /* of v, when have_tokens */
  ck_xpath xp;
  ck_buf path;
  frame *frames;
  size_t nframes, cap_frames;
  const xmlNode *row_node; /* row element of the last table cell */
  int row;
  ck_status status;
} reader;

/* What an element is to the reader, from its local name (any case). */
enum {
  C_SKIP = 1 << 0,    /* script, style: no text */
  C_SECTION = 1 << 1, /* section-like: titles inside are headings */
  C_TITLE = 1 << 2,   /* title, heading, caption */
  C_HEAD = 1 << 3,    /* head: a title only when it holds text itself */
  C_ITEM = 1 << 4,
  C_CELL = 1 << 5,
  C_ROW = 1 << 6,
  C_INLINE = 1 << 7,  /* inside a line of text: no word break around it */
  C_CPV = 1 << 8,     /* ItemClassificationCode */
  C_MAIN = 1 << 9,    /* MainCommodityClassification */
  C_LEVEL_SHIFT = 10, /* h1..h6: the level in three bits from here */
  C_TEXT = 1 << 13,   /* has a text child that is not all white space */
  C_BITS = 16         /* the node's ordinal is kept above these */
};

typedef struct class_entry {
  const char *name;
  unsigned cls;
} class_entry;

/* Sorted by name for bsearch. */
static const class_entry classes[] = {
    {"a", C_INLINE},        {"abbr", C_INLINE},      {"acronym", C_INLINE},
    {"article", C_SECTION}, {"b", C_INLINE},         {"bdi", C_INLINE},
    {"bdo", C_INLINE},      {"big", C_INLINE},       {"caption", C_TITLE},
    {"cell", C_CELL},       {"chapter", C_SECTION},  {"cite", C_INLINE},
    {"code", C_INLINE},     {"data", C_INLINE},      {"del", C_INLINE},
    {"dfn", C_INLINE},      {"div", C_SECTION},      {"em", C_INLINE},
    {"emphasis", C_INLINE}, {"entry", C_CELL},       {"font", C_INLINE},
    {"foreignphrase", C_INLINE},
    {"h1", 1u << C_LEVEL_SHIFT}, {"h2", 2u << C_LEVEL_SHIFT}, {"h3", 3u << C_LEVEL_SHIFT},
    {"h4", 4u << C_LEVEL_SHIFT}, {"h5", 5u << C_LEVEL_SHIFT}, {"h6", 6u << C_LEVEL_SHIFT},
    {"head", C_HEAD},       {"heading", C_TITLE},    {"hi", C_INLINE},
    {"i", C_INLINE},        {"ins", C_INLINE},       {"item", C_ITEM},
    {"itemclassificationcode", C_CPV},               {"kbd", C_INLINE},
    {"li", C_ITEM},         {"link", C_INLINE},      {"listitem", C_ITEM},
    {"literal", C_INLINE},  {"maincommodityclassification", C_MAIN},
    {"mark", C_INLINE},     {"part", C_SECTION},     {"phrase", C_INLINE},
    {"q", C_INLINE},        {"quote", C_INLINE},     {"row", C_ROW},
    {"s", C_INLINE},        {"samp", C_INLINE},      {"script", C_SKIP},
    {"sect1", C_SECTION},   {"sect2", C_SECTION},    {"sect3", C_SECTION},
    {"sect4", C_SECTION},   {"sect5", C_SECTION},    {"section", C_SECTION},
    {"small", C_INLINE},    {"span", C_INLINE},      {"strike", C_INLINE},
    {"strong", C_INLINE},   {"style", C_SKIP},       {"sub", C_INLINE},
    {"sup", C_INLINE},      {"td", C_CELL},          {"th", C_CELL},
    {"time", C_INLINE},     {"title", C_TITLE},      {"tr", C_ROW},
    {"tt", C_INLINE},       {"u", C_INLINE},         {"ulink", C_INLINE},
    {"var", C_INLINE},      {"xref", C_INLINE},
};

static int compare_class(const void *key, const void *entry) {
  return strcmp(key, ((const class_entry *)entry)->name);
}

static unsigned classify(const xmlNode *e) {
  char buf[32];
  size_t len = strlen((const char *)e->name);
  if (len >= sizeof buf)
    return 0;
  for (size_t i = 0; i <= len; i++) {
    char c = (char)e->name[i];
    buf[i] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
  }
  const class_entry *hit =
      bsearch(buf, classes, sizeof classes / sizeof *classes, sizeof *classes, compare_class);
  return hit ? hit->cls : 0;
}

/* The class and ordinal pair_tokens() stored in the node. */
static unsigned cls(const xmlNode *n) {
  return (unsigned)((uintptr_t)n->_private & ((1u << C_BITS) - 1));
}
static size_t ordinal(const xmlNode *n) { return (size_t)((uintptr_t)n->_private >> C_BITS); }
static bool is_element(const xmlNode *n) { return n && n->type == XML_ELEMENT_NODE; }

static bool blank(const xmlChar *s) {
  for (; s && *s; s++)
    if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
      return false;
  return true;
}

static bool is_text(const xmlNode *n) {
  return n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE;
}

/* Pairs the scanned tags with the tree's nodes in document order (the
 * ordinal, plus one, and the element's class go into the node's _private
 * field) and collects the CPV codes on the way. False when the two
 * disagree. */
static bool pair_tokens(reader *r, xmlDoc *xdoc, char ***cpv, bool **main_cpv, size_t *ncpv) {
  size_t cap = 0, cap_main = 0, k;
  ck_xml_pairing pr;
  ck_xml_pairing_start(&pr, &r->tags, r->v.p, xdoc);
  for (xmlNode *n; (n = ck_xml_pairing_next(&pr, &k)) != NULL;) {
    if (k) {
      unsigned c = n->type == XML_ELEMENT_NODE ? classify(n) : 0;
      n->_private = (void *)(((uintptr_t)k << C_BITS) | c);
    }
    if (is_text(n) && is_element(n->parent) && !blank(n->content))
      n->parent->_private = (void *)((uintptr_t)n->parent->_private | C_TEXT);
    if (n->type == XML_ELEMENT_NODE && (cls(n) & C_CPV)) {
      xmlChar *list_name = xmlGetProp(n, (const xmlChar *)"listName");
      xmlChar *list_id = xmlGetProp(n, (const xmlChar *)"listID");
      if ((list_name && xmlStrcasecmp(list_name, (const xmlChar *)"cpv") == 0) ||
          (list_id && xmlStrcasecmp(list_id, (const xmlChar *)"cpv") == 0)) {
        xmlChar *code = xmlNodeGetContent(n);
        CK_GROW(*cpv, cap, *ncpv + 1);
        CK_GROW(*main_cpv, cap_main, *ncpv + 1);
        (*cpv)[*ncpv] = ck_xstrdup(code ? (const char *)code : "");
        (*main_cpv)[*ncpv] = is_element(n->parent) && (cls(n->parent) & C_MAIN);
        ++*ncpv;
        xmlFree(code);
      }
      xmlFree(list_name);
      xmlFree(list_id);
    }
  }
  return ck_xml_pairing_ok(&pr);
}

/* Line and column of source offset 'off'. */
static void at(const reader *r, size_t off, unsigned *line, unsigned *col) {
  ck_xmlpos_at(&r->pos, off, line, col);
}

/* Where text node 'n' starts in the source: after the node before it, or
 * after its parent's start tag. */
static void text_position(reader *r, const xmlNode *n, unsigned *line, unsigned *col) {
  if (r->have_tokens) {
    size_t off = SIZE_MAX;
    if (n->prev && ordinal(n->prev))
      off = r->tags.tags[ordinal(n->prev) - 1].end;
    else if (!n->prev && n->parent && ordinal(n->parent))
      off = r->tags.tags[ordinal(n->parent) - 1].content;
    if (off != SIZE_MAX) {
      at(r, ck_xml_past_cdata_open(r->v.p, r->v.len, off), line, col);
      return;
    }
  }
  long l = xmlGetLineNo(n->parent ? n->parent : n);
  *line = l > 0 ? (unsigned)l : 0;
  *col = 0;
}

static void element_position(reader *r, const xmlNode *e, unsigned *line, unsigned *col) {
  if (r->have_tokens && ordinal(e)) {
    at(r, r->tags.tags[ordinal(e) - 1].start, line, col);
    return;
  }
  long l = xmlGetLineNo(e);
  *line = l > 0 ? (unsigned)l : 0;
  *col = 0;
}

/* Adds the text of every descendant of 'e' to the open block. Script and
 * style are left out; a word break is kept around elements that are not
 * inline. With 'nest', list items inside are left for blocks of their own. */
static void fold_text(reader *r, xmlNode *e, bool nest) {
  xmlNode *n = e->children;
  while (n) {
    if (is_text(n) && n->content && *n->content) {
      unsigned line, col;
      text_position(r, n, &line, &col);
      ck_doc_add_text(r->doc, (const char *)n->content, strlen((const char *)n->content), line,
                      col);
    } else if (n->type == XML_ELEMENT_NODE && !(cls(n) & C_SKIP)) {
      if (nest && (cls(n) & C_ITEM)) {
        ck_doc_add_text(r->doc, " ", 1, 1, 1);
      } else {
        bool breaks = !(cls(n) & C_INLINE);
        if (breaks)
          ck_doc_add_text(r->doc, " ", 1, 1, 1);
        if (n->children) {
          n = n->children;
          continue;
        }
        if (breaks)
          ck_doc_add_text(r->doc, " ", 1, 1, 1);
      }
    }
    /* Climbing out of an element ends it: a word break unless inline. */
    while (n != e && !n->next) {
      n = n->parent;
      if (n != e && !(cls(n) & C_INLINE))
        ck_doc_add_text(r->doc, " ", 1, 1, 1);
    }
    n = n == e ? NULL : n->next;
  }
}

/* Closes the open block and enforces the block limit. */
static bool end_block(reader *r, const xmlNode *e) {
  ck_doc_end_block(r->doc);
  size_t max = r->limits ? r->limits->max_blocks : 0;
  if (max == 0 || r->doc->nblocks <= max)
    return true;
  unsigned line, col;
  element_position(r, e, &line, &col);
  ck_diags_add(r->diags, CK_DIAG_ERROR, r->src->path, line, col,
               "document has more than %zu blocks", max);
  r->status = CK_ERR_LIMIT;
  return false;
}

/* Opens a frame for the nodes from 'first' on (children of one parent). */
static void push_frame(reader *r, xmlNode *first, size_t path_len, int sect, bool items_only) {
  CK_GROW(r->frames, r->cap_frames, r->nframes + 1);
  r->frames[r->nframes++] =
      (frame){.child = first, .path_len = path_len, .sect = sect, .items_only = items_only};
}

typedef enum { CHILDREN_DONE, CHILDREN_VISIT, CHILDREN_ITEMS } children_next;

/* Reads one element whose xpath is in r->path; says what to do with its
 * children. In 'items_only' mode (inside a list item) only nested list
 * items make blocks: the rest of the text is in the item's block already. */
static children_next visit(reader *r, xmlNode *e, int sect, bool items_only) {
  unsigned c = cls(e);
  const char *xpath = r->path.ptr;
  if (c & C_SKIP)
    return CHILDREN_DONE;
  if (c & C_ITEM) {
    ck_doc_begin_block(r->doc, CK_BLOCK_LIST_ITEM, 0, -1, xpath);
    fold_text(r, e, true);
    end_block(r, e);
    return CHILDREN_ITEMS;
  }
  if (items_only)
    return CHILDREN_ITEMS;
  int heading = (int)(c >> C_LEVEL_SHIFT) & 7;
  bool titled = (c & C_TITLE) || ((c & C_HEAD) && (c & C_TEXT));
  if (!heading && titled && is_element(e->parent) &&
      (e->parent == r->root || (cls(e->parent) & C_SECTION)))
    heading = 1 + sect;
  if (heading) {
    ck_doc_begin_block(r->doc, CK_BLOCK_HEADING, heading, -1, xpath);
    fold_text(r, e, false);
    end_block(r, e);
    return CHILDREN_DONE;
  }
  if (c & C_CELL) {
    const xmlNode *row = e->parent;
    for (const xmlNode *a = e->parent; is_element(a); a = a->parent)
      if (cls(a) & C_ROW) {
        row = a;
        break;
      }
    if (row != r->row_node || r->row < 0) {
      r->row_node = row;
      r->row = ck_doc_new_row(r->doc);
    }
    ck_doc_begin_block(r->doc, CK_BLOCK_TABLE_CELL, 0, r->row, xpath);
    fold_text(r, e, false);
    end_block(r, e);
    return CHILDREN_DONE;
  }
  if (c & C_TEXT) {
    ck_doc_begin_block(r->doc, CK_BLOCK_PARAGRAPH, 0, -1, xpath);
    fold_text(r, e, false);
    end_block(r, e);
    return CHILDREN_DONE;
  }
  return CHILDREN_VISIT;
}

/* Visits the tree in document order, keeping the xpath of the current
 * element in r->path. */
static void walk(reader *r, xmlDoc *xdoc) {
  push_frame(r, xdoc->children, 0, 0, false);
  while (r->nframes > 0 && r->status == CK_OK) {
    frame *f = &r->frames[r->nframes - 1];
    xmlNode *e = f->child;
    if (!e) {
      r->nframes--;
      continue;
    }
    f->child = e->next;
    if (e->type != XML_ELEMENT_NODE)
      continue;
    r->path.len = f->path_len;
    ck_xpath_put_step(&r->xp, &r->path, e);
    int sect = f->sect;
    children_next next = visit(r, e, sect, f->items_only);
    if (next != CHILDREN_DONE && e->children) {
      int inner = sect + (e != r->root && (cls(e) & C_SECTION) != 0);
      push_frame(r, e->children, r->path.len, inner, next == CHILDREN_ITEMS);
    }
  }
}

static bool is_notice_root(const xmlNode *root) {
  return ck_notice_root_kind((const char *)root->name, strlen((const char *)root->name)) !=
         CK_NOTICE_NONE;
}

/* The name of the procedure: the first cbc:Name of the root's
 * cac:ProcurementProject (the lots have their own, deeper down). */
static char *eforms_title(const xmlNode *root) {
  for (const xmlNode *c = root->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE || strcmp((const char *)c->name, "ProcurementProject") != 0)
      continue;
    for (const xmlNode *d = c->children; d; d = d->next) {
      if (d->type != XML_ELEMENT_NODE || strcmp((const char *)d->name, "Name") != 0)
        continue;
      xmlChar *text = xmlNodeGetContent(d);
      ck_buf b = CK_BUF_INIT;
      bool space = false;
      for (const xmlChar *s = text; s && *s; s++) {
        if (strchr(" \t\r\n", (char)*s)) {
          space = b.len > 0;
          continue;
        }
        if (space)
          ck_buf_putc(&b, ' ');
        space = false;
        ck_buf_putc(&b, (char)*s);
      }
      xmlFree(text);
      if (b.len > 0)
        return ck_buf_detach(&b);
      ck_buf_free(&b);
    }
  }
  return NULL;
}

static void reader_free(reader *r) {
  free(r->v.owned);
  ck_xml_tags_free(&r->tags);
  ck_xmlpos_free(&r->pos);
  ck_xpath_free(&r->xp);
  ck_buf_free(&r->path);
  free(r->frames);
}

ck_status ck_read_xml(const ck_source *src, const ck_limits *limits, ck_doc **out,
                      ck_diags *diags) {
  *out = NULL;
  xmlDoc *xdoc = NULL;
  ck_status status = ck_xml_parse(src->raw, src->raw_len, src->path, limits, &xdoc,
                                  diags);
  if (status != CK_OK)
    return status;
  reader r = {.src = src, .limits = limits, .diags = diags, .row = -1, .status = CK_OK};
  r.root = xmlDocGetRootElement(xdoc);
  const char *encoding;
  make_view(src, xdoc, &r.v, &encoding);
  ck_xml_scan(r.v.p, r.v.len, 0, &r.tags);

  char **cpv = NULL;
  bool *main_cpv = NULL;
  size_t ncpv = 0;
  r.have_tokens = pair_tokens(&r, xdoc, &cpv, &main_cpv, &ncpv);
  if (r.have_tokens)
    ck_xmlpos_init(&r.pos, r.v.p, r.v.len, 0, r.v.utf8, true);

  bool eforms = r.root && is_notice_root(r.root);
  r.doc = ck_doc_new(src->path, eforms ? CK_FORMAT_EFORMS : CK_FORMAT_XML, encoding);
  for (int pass = 0; pass < 2; pass++)
    for (size_t i = 0; i < ncpv; i++)
      if (main_cpv[i] == (pass == 0))
        ck_doc_add_cpv(r.doc, cpv[i], strlen(cpv[i]));
  for (size_t i = 0; i < ncpv; i++)
    free(cpv[i]);
  free(cpv);
  free(main_cpv);
  if (eforms)
    r.doc->title = eforms_title(r.root);

  walk(&r, xdoc);
  status = r.status;
  /* Finishing first lets the document's large arrays grow before the
   * tree's many small blocks go back to the allocator. */
  if (status == CK_OK)
    ck_doc_finish(r.doc);
  reader_free(&r);
  xmlFreeDoc(xdoc);
  if (status != CK_OK) {
    ck_doc_free(r.doc);
    return status;
  }
  *out = r.doc;
  return CK_OK;
}

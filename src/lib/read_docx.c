/* The Word reader (readers.h): word/document.xml of an Office Open XML
 * archive, with styles.xml for heading levels and footnotes.xml for the
 * notes, each read after the paragraph that cites it. Elements are recognised by local name in the WordprocessingML
 * namespace only, so a foreign element with a familiar name is not text. */
#include <stdlib.h>
#include <string.h>

#include "office.h"
#include "readers.h"
#include "text.h"
#include "util.h"
#include "waivers.h"
#include "xmlutil.h"
#include "zipread.h"

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define MC_NS "http://schemas.openxmlformats.org/markup-compatibility/2006"

static bool is_w(const xmlNode *n, const char *name) {
  return n->type == XML_ELEMENT_NODE && n->ns && n->ns->href &&
         strcmp((const char *)n->ns->href, W_NS) == 0 && strcmp((const char *)n->name, name) == 0;
}

static bool is_mc(const xmlNode *n, const char *name) {
  return n->type == XML_ELEMENT_NODE && n->ns && n->ns->href &&
         strcmp((const char *)n->ns->href, MC_NS) == 0 && strcmp((const char *)n->name, name) == 0;
}

static const xmlNode *child_w(const xmlNode *n, const char *name) {
  for (const xmlNode *c = n ? n->children : NULL; c; c = c->next)
    if (is_w(c, name))
      return c;
  return NULL;
}

/* The w:val attribute of an element; NULL when it has none. */
static char *w_val(const xmlNode *n) {
  return n ? (char *)xmlGetNsProp(n, (const xmlChar *)"val", (const xmlChar *)W_NS) : NULL;
}

/* --- styles ------------------------------------------------------------------- */

/* Heading level of each paragraph style: its outline level, its name
   ("heading 2", "Title"), or the level of the style it is based on. */
typedef struct style {
  char *id;
  char *based_on;
  int level; /* 1-9, 0 none, -1 not yet known */
} style;

typedef struct styles {
  style *items;
  size_t n, cap;
} styles;

static int level_of_name(const char *name) {
  if (!name)
    return 0;
  char low[64];
  size_t len = strlen(name);
  if (len >= sizeof low)
    return 0;
  ck_text_fold(name, len, low, sizeof low);
  if (strcmp(low, "title") == 0 || strcmp(low, "tittel") == 0)
    return 1;
  static const char *const prefixes[] = {"heading ", "overskrift ", "heading", "overskrift"};
  for (size_t i = 0; i < sizeof prefixes / sizeof *prefixes; i++) {
    size_t pl = strlen(prefixes[i]);
    if (strncmp(low, prefixes[i], pl) == 0 && low[pl] >= '1' && low[pl] <= '9' && !low[pl + 1])
      return low[pl] - '0';
  }
  return 0;
}

/* Outline level of a w:pPr (w:outlineLvl is 0-based; 9 means body text). */
static int outline_level(const xmlNode *ppr) {
  char *v = w_val(child_w(ppr, "outlineLvl"));
  int level = 0;
  if (v && v[0] >= '0' && v[0] <= '8' && !v[1])
    level = v[0] - '0' + 1;
  xmlFree(v);
  return level;
}

static void read_styles(const xmlDoc *x, styles *out) {
  const xmlNode *root = x ? xmlDocGetRootElement((xmlDoc *)x) : NULL;
  for (const xmlNode *s = root ? root->children : NULL; s; s = s->next) {
    if (!is_w(s, "style"))
      continue;
    char *type = (char *)xmlGetNsProp(s, (const xmlChar *)"type", (const xmlChar *)W_NS);
    bool paragraph = type && strcmp(type, "paragraph") == 0;
    xmlFree(type);
    char *id = (char *)xmlGetNsProp(s, (const xmlChar *)"styleId", (const xmlChar *)W_NS);
    if (!paragraph || !id) {
      xmlFree(id);
      continue;
    }
    char *name = w_val(child_w(s, "name"));
    char *based = w_val(child_w(s, "basedOn"));
    int level = outline_level(child_w(s, "pPr"));
    if (!level)
      level = level_of_name(name);
    if (!level)
      level = level_of_name(id);
    CK_GROW(out->items, out->cap, out->n + 1);
    out->items[out->n++] =
        (style){ck_xstrdup(id), based ? ck_xstrdup(based) : NULL, level ? level : (based ? -1 : 0)};
    xmlFree(id);
    xmlFree(name);
    xmlFree(based);
  }
}

static style *find_style(styles *st, const char *id) {
  for (size_t i = 0; id && i < st->n; i++)
    if (strcmp(st->items[i].id, id) == 0)
      return &st->items[i];
  return NULL;
}

/* A style's level through its basedOn chain, bounded against cycles. */
static int style_level(styles *st, const char *id) {
  style *s = find_style(st, id);
  for (int hops = 0; s && s->level < 0 && hops < 16; hops++) {
    style *base = find_style(st, s->based_on);
    if (!base)
      break;
    if (base->level >= 0) {
      s->level = base->level;
      break;
    }
    s = base;
  }
  s = find_style(st, id);
  return s && s->level > 0 ? s->level : 0;
}

static void free_styles(styles *st) {
  for (size_t i = 0; i < st->n; i++) {
    free(st->items[i].id);
    free(st->items[i].based_on);
  }
  free(st->items);
}

/* --- the body ------------------------------------------------------------------- */

typedef struct reader {
  ck_office_builder b;
  styles st;
  const xmlDoc *footnotes; /* word/footnotes.xml, or NULL */
  /* footnotes cited in the paragraph being read, read after it */
  const xmlNode **notes;
  size_t nnotes, cap_notes;
  /* text boxes met inside the paragraph being read, read after it */
  const xmlNode **boxes;
  size_t nboxes, cap_boxes;
  unsigned depth; /* of nested content (text boxes, cells), bounded */
  /* where each comment is anchored: its id and the paragraph it starts in */
  char **comment_ids;
  unsigned *comment_paragraph;
  size_t ncomments, cap_comment_ids, cap_comment_paragraph;
} reader;

enum { MAX_NESTING = 32 };

static void read_content(reader *r, const xmlNode *parent);

/* Notes the paragraph a comment is anchored in (the one being collected),
   the first time its id is met. */
static void note_comment(reader *r, const xmlNode *mark) {
  char *id = (char *)xmlGetNsProp(mark, (const xmlChar *)"id", (const xmlChar *)W_NS);
  if (!id)
    return;
  for (size_t i = 0; i < r->ncomments; i++)
    if (strcmp(r->comment_ids[i], id) == 0) {
      xmlFree(id);
      return;
    }
  CK_GROW(r->comment_ids, r->cap_comment_ids, r->ncomments + 1);
  CK_GROW(r->comment_paragraph, r->cap_comment_paragraph, r->ncomments + 1);
  r->comment_ids[r->ncomments] = ck_xstrdup(id);
  r->comment_paragraph[r->ncomments++] = r->b.paragraph + 1;
  xmlFree(id);
}

/* The text of every w:t under 'n', paragraphs joined by a space. */
static void comment_text(const xmlNode *n, ck_buf *out) {
  for (const xmlNode *c = n->children; c; c = c->next) {
    if (is_w(c, "t")) {
      xmlChar *t = xmlNodeGetContent(c);
      if (t)
        ck_buf_puts(out, (const char *)t);
      xmlFree(t);
    } else if (c->type == XML_ELEMENT_NODE) {
      if (is_w(c, "p") && out->len)
        ck_buf_putc(out, ' ');
      comment_text(c, out);
    }
  }
}

/* Waivers written as Word comments ("circheck: waive ID: reason"), placed
   at the paragraph the comment is anchored in. */
static ck_status comment_waivers(const reader *r, const xmlDoc *comments, ck_doc *doc,
                                 ck_diags *diags) {
  const xmlNode *root = comments ? xmlDocGetRootElement((xmlDoc *)comments) : NULL;
  for (const xmlNode *c = root ? root->children : NULL; c; c = c->next) {
    if (!is_w(c, "comment"))
      continue;
    ck_buf text = CK_BUF_INIT;
    comment_text(c, &text);
    char *id = (char *)xmlGetNsProp(c, (const xmlChar *)"id", (const xmlChar *)W_NS);
    ck_mark at = {0, 0};
    for (size_t i = 0; id && i < r->ncomments; i++)
      if (strcmp(r->comment_ids[i], id) == 0)
        at = (ck_mark){r->comment_paragraph[i], 1};
    xmlFree(id);
    ck_status rc = ck_waiver_from_comment(doc->path, ck_buf_cstr(&text), text.len, at,
                                          &doc->waivers, &doc->nwaivers, diags);
    ck_buf_free(&text);
    if (rc != CK_OK)
      return rc;
  }
  return CK_OK;
}

/* The footnote a w:footnoteReference cites; separators are no notes. */
static const xmlNode *find_footnote(const reader *r, const xmlNode *ref) {
  const xmlNode *root = r->footnotes ? xmlDocGetRootElement((xmlDoc *)r->footnotes) : NULL;
  char *id = (char *)xmlGetNsProp(ref, (const xmlChar *)"id", (const xmlChar *)W_NS);
  const xmlNode *found = NULL;
  for (const xmlNode *f = root ? root->children : NULL; id && f && !found; f = f->next) {
    if (!is_w(f, "footnote"))
      continue;
    char *fid = (char *)xmlGetNsProp(f, (const xmlChar *)"id", (const xmlChar *)W_NS);
    char *type = (char *)xmlGetNsProp(f, (const xmlChar *)"type", (const xmlChar *)W_NS);
    if (fid && strcmp(fid, id) == 0 && (!type || strcmp(type, "normal") == 0))
      found = f;
    xmlFree(fid);
    xmlFree(type);
  }
  xmlFree(id);
  return found;
}

/* Appends the text of runs under 'n' to the paragraph: w:t, tabs and breaks
   as spaces; deleted text (w:del, w:moveFrom), field instructions and
   comments' marks are skipped; text boxes are kept for later. */
static void collect_runs(reader *r, const xmlNode *n) {
  for (const xmlNode *c = n->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE)
      continue;
    if (is_w(c, "t")) {
      xmlChar *s = xmlNodeGetContent(c);
      if (s)
        ck_buf_puts(&r->b.text, (const char *)s);
      xmlFree(s);
    } else if (is_w(c, "tab") || is_w(c, "br") || is_w(c, "cr")) {
      ck_buf_putc(&r->b.text, ' ');
    } else if (is_w(c, "noBreakHyphen")) {
      ck_buf_putc(&r->b.text, '-');
    } else if (is_w(c, "del") || is_w(c, "moveFrom") || is_w(c, "delText") ||
               is_w(c, "instrText") || is_w(c, "pPr") || is_w(c, "rPr")) {
      continue;
    } else if (is_w(c, "txbxContent")) {
      CK_GROW(r->boxes, r->cap_boxes, r->nboxes + 1);
      r->boxes[r->nboxes++] = c;
    } else if (is_mc(c, "Fallback")) {
      continue; /* the same content as mc:Choice, for older readers */
    } else if (is_w(c, "footnoteReference")) {
      const xmlNode *note = find_footnote(r, c);
      if (note) {
        CK_GROW(r->notes, r->cap_notes, r->nnotes + 1);
        r->notes[r->nnotes++] = note;
      }
    } else if (is_w(c, "endnoteReference")) {
      continue;
    } else if (is_w(c, "commentRangeStart") || is_w(c, "commentReference")) {
      note_comment(r, c);
    } else {
      collect_runs(r, c); /* runs, hyperlinks, insertions, fields, drawings */
    }
  }
}

static bool is_list(const xmlNode *ppr, styles *st) {
  const xmlNode *num = child_w(ppr, "numPr");
  if (num) {
    char *id = w_val(child_w(num, "numId"));
    bool on = !id || strcmp(id, "0") != 0;
    xmlFree(id);
    if (on)
      return true;
  }
  char *style_id = w_val(child_w(ppr, "pStyle"));
  bool list = style_id && (strstr(style_id, "List") || strstr(style_id, "Liste"));
  (void)st;
  xmlFree(style_id);
  return list;
}

static void read_paragraph(reader *r, const xmlNode *p) {
  const xmlNode *ppr = child_w(p, "pPr");
  size_t boxes_before = r->nboxes, notes_before = r->nnotes;
  collect_runs(r, p);
  int level = outline_level(ppr);
  if (!level) {
    char *style_id = w_val(child_w(ppr, "pStyle"));
    level = style_id ? style_level(&r->st, style_id) : 0;
    xmlFree(style_id);
  }
  ck_block_kind kind = level ? CK_BLOCK_HEADING
                             : is_list(ppr, &r->st) ? CK_BLOCK_LIST_ITEM : CK_BLOCK_PARAGRAPH;
  ck_office_paragraph(&r->b, kind, level);
  /* text boxes and then footnotes of this paragraph, in order, after it:
     they belong to its section */
  size_t end = r->nboxes;
  for (size_t i = boxes_before; i < end && !r->b.failed; i++)
    read_content(r, r->boxes[i]);
  r->nboxes = boxes_before;
  end = r->nnotes;
  for (size_t i = notes_before; i < end && !r->b.failed; i++)
    read_content(r, r->notes[i]);
  r->nnotes = notes_before;
}

/* The text of a cell's paragraphs, joined by spaces, into the builder. */
static void collect_cell(reader *r, const xmlNode *tc) {
  for (const xmlNode *c = tc->children; c; c = c->next) {
    if (is_w(c, "p")) {
      if (r->b.text.len)
        ck_buf_putc(&r->b.text, ' ');
      collect_runs(r, c);
      r->nboxes = 0; /* a text box in a table cell is rare; its text is the cell's */
    } else if (is_w(c, "tbl") || is_w(c, "sdt") || is_w(c, "sdtContent")) {
      collect_cell(r, c); /* a nested table's text joins the cell */
    } else if (c->type == XML_ELEMENT_NODE && !is_w(c, "tcPr")) {
      collect_cell(r, c);
    }
  }
}

static void read_table(reader *r, const xmlNode *tbl) {
  for (const xmlNode *tr = tbl->children; tr && !r->b.failed; tr = tr->next) {
    if (!is_w(tr, "tr"))
      continue;
    int row = ck_office_row(&r->b);
    for (const xmlNode *tc = tr->children; tc; tc = tc->next)
      if (is_w(tc, "tc")) {
        collect_cell(r, tc);
        ck_office_cell(&r->b, row);
      }
  }
}

static void read_content(reader *r, const xmlNode *parent) {
  if (++r->depth > MAX_NESTING) {
    r->depth--;
    return;
  }
  for (const xmlNode *c = parent->children; c && !r->b.failed; c = c->next) {
    if (is_w(c, "p"))
      read_paragraph(r, c);
    else if (is_w(c, "tbl"))
      read_table(r, c);
    else if (is_w(c, "sdt") || is_w(c, "sdtContent") || is_w(c, "customXml") ||
             is_w(c, "ins") || is_w(c, "moveTo") || is_w(c, "smartTag"))
      read_content(r, c); /* content controls and the like wrap paragraphs */
  }
  r->depth--;
}

static ck_status parse_part(ck_zip *z, const char *part, bool required, const ck_source *src,
                            const ck_limits *limits, xmlDoc **out, ck_diags *diags) {
  char *data = NULL;
  size_t len = 0;
  *out = NULL;
  ck_status rc = ck_zip_read(z, part, limits->max_input_bytes, required, &data, &len, diags);
  if (rc != CK_OK || !data)
    return rc;
  ck_buf name = CK_BUF_INIT;
  ck_buf_printf(&name, "%s!%s", src->path, part);
  rc = ck_xml_parse_data(data, len, ck_buf_cstr(&name), limits, out, diags);
  ck_buf_free(&name);
  free(data);
  return rc;
}

ck_status ck_read_docx(const ck_source *src, const ck_limits *limits, ck_doc **out,
                       ck_diags *diags) {
  *out = NULL;
  ck_zip *z = NULL;
  ck_status rc = ck_zip_open(src->raw, src->raw_len, src->path, &z, diags);
  if (rc != CK_OK)
    return rc;
  xmlDoc *body = NULL, *styles_x = NULL, *notes = NULL, *comments = NULL;
  if ((rc = parse_part(z, "word/document.xml", true, src, limits, &body, diags)) != CK_OK ||
      (rc = parse_part(z, "word/styles.xml", false, src, limits, &styles_x, diags)) != CK_OK ||
      (rc = parse_part(z, "word/footnotes.xml", false, src, limits, &notes, diags)) != CK_OK ||
      (rc = parse_part(z, "word/comments.xml", false, src, limits, &comments, diags)) != CK_OK)
    goto done;
  const xmlNode *root = xmlDocGetRootElement(body);
  const xmlNode *b = is_w(root, "document") ? child_w(root, "body") : NULL;
  if (!b) {
    ck_diags_add(diags, CK_DIAG_ERROR, src->path, 0, 0,
                 "word/document.xml has no w:document/w:body: not a Word document");
    rc = CK_ERR_INPUT;
    goto done;
  }
  ck_doc *doc = ck_doc_new(src->path, CK_FORMAT_DOCX, "UTF-8");
  reader r = {0};
  ck_office_builder_init(&r.b, doc, limits, diags);
  read_styles(styles_x, &r.st);
  r.footnotes = notes;
  read_content(&r, b);
  bool failed = r.b.failed;
  if (!failed)
    rc = comment_waivers(&r, comments, doc, diags);
  ck_office_builder_free(&r.b);
  free_styles(&r.st);
  free(r.boxes);
  free(r.notes);
  for (size_t i = 0; i < r.ncomments; i++)
    free(r.comment_ids[i]);
  free(r.comment_ids);
  free(r.comment_paragraph);
  if (failed || rc != CK_OK) {
    ck_doc_free(doc);
    if (failed)
      rc = CK_ERR_LIMIT;
    goto done;
  }
  ck_doc_finish(doc);
  *out = doc;
done:
  xmlFreeDoc(body);
  xmlFreeDoc(styles_x);
  xmlFreeDoc(notes);
  xmlFreeDoc(comments);
  ck_zip_close(z);
  return rc;
}

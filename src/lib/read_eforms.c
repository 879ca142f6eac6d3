/* The notice reader: eForms (UBL 2.3) contract notices, prior information
 * notices and contract award notices, and older UBL/EHF CallForTenders
 * documents, read as structured documents rather than as a bag of text.
 *
 * Only the human texts become blocks: the procedure's title, description
 * and notes, then per lot a heading, its texts, its award criteria (under
 * a made-up "Tildelingskriterier"/"Award criteria" heading, so the section
 * kind is award), its performance terms (BT-70, contract) and its
 * selection criteria (qualification). The structured fields (lots, CPV
 * codes, green and strategic codes, award criteria with their weights)
 * go into doc->lots and doc->criteria.
 *
 * Positions come from one linear scan of the source that lists every start
 * tag with the offsets of its '<', of its content and of the end of its
 * element (xmlscan.c); the k-th tag is the k-th element, comment or
 * processing instruction of the tree. An index of the lines (xmlpos.c)
 * places any offset in logarithmic time, in whatever order the reader
 * visits them; columns are counted only for the few places a block or a
 * criterion needs, not for each of the tens of thousands of tags of a
 * large notice. */
#include <stdint.h>
#include <string.h>

#include <libxml/tree.h>

#include "readers.h"
#include "source.h"
#include "xmlpos.h"
#include "xmlroot.h"
#include "xmlscan.h"
#include "xmlutil.h"
#include "xpath.h"

#define UBL "urn:oasis:names:specification:ubl:schema:xsd:"
#define NS_CAC UBL "CommonAggregateComponents-2"
#define NS_CBC UBL "CommonBasicComponents-2"
#define NS_EXT UBL "CommonExtensionComponents-2"
#define NS_EFEXT "http://data.europa.eu/p27/eforms-ubl-extensions/1"
#define NS_EFAC "http://data.europa.eu/p27/eforms-ubl-extension-aggregate-components/1"
#define NS_EFBC "http://data.europa.eu/p27/eforms-ubl-extension-basic-components/1"

/* --- the reader ----------------------------------------------------------------------- */

typedef struct reader {
  const ck_source *src;
  const ck_limits *limits;
  ck_diags *diags;
  ck_doc *doc;
  xmlNode *root;
  const char *text;     /* the source positions are counted in: raw, or decoded */
  size_t text_len;      /* 0: no scan, lines from libxml2 only */
  size_t text_start;    /* where line 1 column 1 is (past a byte order mark) */
  bool utf8;            /* false: one byte is one column */
  ck_xml_tags tags;
  ck_xmlpos_map pos;    /* of 'text', when have_tags */
  char *decoded;        /* the source as UTF-8, when it had to be transcoded */
  bool have_tags;       /* positions are known */
  char lang[8];         /* notice language, canonical ("NOB", "NNO", "ENG", "DEU"); "" unknown */
  int headings_nb;      /* -1 undecided, else whether made-up headings are Norwegian */
  size_t source_blocks; /* blocks holding text from the source */
  ck_xpath xp;
  ck_buf path, scratch;
  ck_status status;
} reader;

static bool is_el(const xmlNode *n, const char *ns, const char *local) {
  return n && n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, local) == 0 && n->ns &&
         n->ns->href && strcmp((const char *)n->ns->href, ns) == 0;
}

/* The first sibling named ns:local from 'from' on. */
static xmlNode *child_from(xmlNode *from, const char *ns, const char *local) {
  for (xmlNode *c = from; c; c = c->next)
    if (is_el(c, ns, local))
      return c;
  return NULL;
}

static xmlNode *child(const xmlNode *parent, const char *ns, const char *local) {
  return parent ? child_from(parent->children, ns, local) : NULL;
}

static xmlNode *next_el(const xmlNode *n, const char *ns, const char *local) {
  return n ? child_from(n->next, ns, local) : NULL;
}

#define EACH(var, parent, ns, local)                                                               \
  for (xmlNode *var = child((parent), (ns), (local)); var; var = next_el(var, (ns), (local)))

/* The eForms extension of an element: ext:UBLExtensions/ext:UBLExtension/
 * ext:ExtensionContent/efext:EformsExtension (the first that exists). */
static xmlNode *eforms_ext(const xmlNode *e) {
  EACH(u, child(e, NS_EXT, "UBLExtensions"), NS_EXT, "UBLExtension") {
    xmlNode *x = child(child(u, NS_EXT, "ExtensionContent"), NS_EFEXT, "EformsExtension");
    if (x)
      return x;
  }
  return NULL;
}

static bool attr_is(const xmlNode *e, const char *name, const char *value) {
  for (const xmlAttr *a = e ? e->properties : NULL; a; a = a->next)
    if (strcmp((const char *)a->name, name) == 0 && a->children &&
        a->children->type == XML_TEXT_NODE && a->children->content)
      return xmlStrcasecmp(a->children->content, (const xmlChar *)value) == 0;
  return false;
}

/* The value of attribute 'name', or NULL (not copied: valid while the tree
 * lives). */
static const char *attr(const xmlNode *e, const char *name) {
  for (const xmlAttr *a = e ? e->properties : NULL; a; a = a->next)
    if (strcmp((const char *)a->name, name) == 0 && a->children &&
        a->children->type == XML_TEXT_NODE)
      return (const char *)a->children->content;
  return NULL;
}

/* The text of a leaf element with its white space collapsed and trimmed,
 * into 'out' (reset first). */
static void text_of(const xmlNode *e, ck_buf *out) {
  ck_buf_reset(out);
  ck_buf_put(out, "", 0);
  if (!e)
    return;
  bool space = false;
  const xmlNode *n = e->children;
  while (n) {
    if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content) {
      for (const xmlChar *s = n->content; *s; s++) {
        if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
          space = out->len > 0;
          continue;
        }
        if (space)
          ck_buf_putc(out, ' ');
        space = false;
        ck_buf_putc(out, (char)*s);
      }
    } else if (n->type == XML_ELEMENT_NODE && n->children) {
      space = out->len > 0;
      n = n->children;
      continue;
    }
    while (n != e && !n->next)
      n = n->parent;
    n = n == e ? NULL : n->next;
  }
}

/* --- positions and xpaths --------------------------------------------------------------- */

static const ck_xml_tag *tag_of(const reader *r, const xmlNode *e) {
  if (!r->have_tags || !e || e->type != XML_ELEMENT_NODE)
    return NULL;
  size_t k = (size_t)(uintptr_t)e->_private;
  return k > 0 && k <= r->tags.n ? &r->tags.tags[k - 1] : NULL;
}

/* Where element 'e' starts; without a scan, libxml2's line and column 0. */
static void elem_pos(const reader *r, const xmlNode *e, unsigned *line, unsigned *col) {
  const ck_xml_tag *t = tag_of(r, e);
  if (t) {
    ck_xmlpos_at(&r->pos, t->start, line, col);
    return;
  }
  long l = e ? xmlGetLineNo(e) : 0;
  *line = l > 0 ? (unsigned)l : 0;
  *col = 0;
}

/* Where text node 'n' starts: after the element before it, or after its
 * parent's start tag (and past a CDATA opening). */
static void text_pos(const reader *r, const xmlNode *n, unsigned *line, unsigned *col) {
  const ck_xml_tag *t = NULL;
  size_t off = 0;
  if (n->prev && (t = tag_of(r, n->prev)) != NULL) {
    off = t->end;
  } else if (!n->prev && (t = tag_of(r, n->parent)) != NULL) {
    off = t->content;
  } else {
    elem_pos(r, n->parent, line, col);
    return;
  }
  ck_xmlpos_at(&r->pos, ck_xml_past_cdata_open(r->text, r->text_len, off), line, col);
}

/* Pairs the scanned tags with the tree's nodes in document order, storing
 * the tag number (plus one) in each element's _private field. False when
 * the two disagree, which would make every position wrong. */
static bool pair_tags(reader *r, xmlDoc *xdoc) {
  ck_xml_pairing pr;
  ck_xml_pairing_start(&pr, &r->tags, r->text, xdoc);
  size_t k;
  for (xmlNode *n; (n = ck_xml_pairing_next(&pr, &k)) != NULL;)
    if (n->type == XML_ELEMENT_NODE)
      n->_private = (void *)(uintptr_t)k;
  return ck_xml_pairing_ok(&pr);
}

/* The xpath of 'e' into r->path: 'base_path' (the path of ancestor 'base')
 * followed by the steps below it. Returns r->path.ptr. */
static const char *xpath(reader *r, const xmlNode *base, const char *base_path, const xmlNode *e) {
  return ck_xpath_below(&r->xp, &r->path, base, base_path, e);
}

/* --- languages ---------------------------------------------------------------------- */

/* Canonical form of a language code: upper case; the Norwegian codes
 * (NOR, NOB, NO, NB) become NOB, NNO/NN become NNO, EN becomes ENG. */
static void canon_lang(const char *code, char out[8]) {
  size_t n = 0;
  out[0] = '\0';
  if (!code)
    return;
  while (*code == ' ' || *code == '\t' || *code == '\n' || *code == '\r')
    code++;
  for (;
       code[n] && n < 7 && code[n] != ' ' && code[n] != '\n' && code[n] != '\t' && code[n] != '\r';
       n++)
    out[n] = (char)(code[n] >= 'a' && code[n] <= 'z' ? code[n] - 32 : code[n]);
  out[n] = '\0';
  if (!strcmp(out, "NOR") || !strcmp(out, "NO") || !strcmp(out, "NB"))
    strcpy(out, "NOB");
  else if (!strcmp(out, "NN"))
    strcpy(out, "NNO");
  else if (!strcmp(out, "EN"))
    strcpy(out, "ENG");
}

static bool norwegian(const char *canon) { return !strcmp(canon, "NOB") || !strcmp(canon, "NNO"); }

/* How well a text in language 'canon' fits the notice: its language, then
 * the other Norwegian, then text without a language, then English. */
static int lang_score(const reader *r, const char *canon) {
  if (!canon[0])
    return 2;
  if (r->lang[0] && !strcmp(canon, r->lang))
    return 4;
  if (norwegian(r->lang) && norwegian(canon))
    return 3;
  return !strcmp(canon, "ENG") ? 1 : 0;
}

/* The language to read the ns:local children of 'parent' in ("" for those
 * without one). False when there are none. */
static bool pick_lang(const reader *r, const xmlNode *parent, const char *ns, const char *local,
                      char out[8]) {
  int best = -1;
  EACH(c, parent, ns, local) {
    char canon[8];
    canon_lang(attr(c, "languageID"), canon);
    int s = lang_score(r, canon);
    if (s > best) {
      best = s;
      memcpy(out, canon, sizeof canon);
    }
  }
  return best >= 0;
}

static bool in_lang(const xmlNode *e, const char *chosen) {
  char canon[8];
  canon_lang(attr(e, "languageID"), canon);
  return !strcmp(canon, chosen);
}

/* The text of the ns:local children of 'parent' in the chosen language,
 * joined with spaces, into 'out'. */
static void chosen_text(reader *r, const xmlNode *parent, const char *ns, const char *local,
                        ck_buf *out) {
  char lang[8];
  ck_buf_reset(out);
  ck_buf_put(out, "", 0);
  if (!pick_lang(r, parent, ns, local, lang))
    return;
  EACH(c, parent, ns, local) {
    if (!in_lang(c, lang))
      continue;
    text_of(c, &r->scratch);
    if (r->scratch.len == 0)
      continue;
    if (out->len)
      ck_buf_putc(out, ' ');
    ck_buf_put(out, r->scratch.ptr, r->scratch.len);
  }
}

/* --- blocks ----------------------------------------------------------------------------- */

/* Closes the open block and enforces the block limit. */
static bool end_block(reader *r, const xmlNode *at) {
  size_t before = r->doc->nblocks;
  ck_doc_end_block(r->doc);
  size_t max = r->limits ? r->limits->max_blocks : 0;
  if (max == 0 || r->doc->nblocks <= max)
    return r->doc->nblocks > before;
  unsigned line, col;
  elem_pos(r, at, &line, &col);
  ck_diags_add(r->diags, CK_DIAG_ERROR, r->src->path, line, col,
               "document has more than %zu blocks", max);
  r->status = CK_ERR_LIMIT;
  return false;
}

/* Adds every text below 'e' to the open block at its source position. */
static void add_element_text(reader *r, const xmlNode *e) {
  const xmlNode *n = e->children;
  while (n) {
    if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content &&
        *n->content) {
      unsigned line, col;
      text_pos(r, n, &line, &col);
      ck_doc_add_text(r->doc, (const char *)n->content, strlen((const char *)n->content), line,
                      col);
    } else if (n->type == XML_ELEMENT_NODE && n->children) {
      ck_doc_add_text(r->doc, " ", 1, 1, 1);
      n = n->children;
      continue;
    }
    while (n != e && !n->next) {
      n = n->parent;
      if (n != e)
        ck_doc_add_text(r->doc, " ", 1, 1, 1);
    }
    n = n == e ? NULL : n->next;
  }
}

/* A heading made up by the reader, opened when the first text under it
 * arrives so that empty sections leave no heading behind. */
typedef struct pending {
  const char *nb, *en; /* the heading text in each language */
  const xmlNode *at;   /* the element it introduces: its position */
  const xmlNode *base; /* for its xpath */
  const char *base_path;
  int level;
  bool done;
} pending;

static bool want_nb(reader *r) {
  if (r->headings_nb < 0) {
    if (r->lang[0]) {
      r->headings_nb = norwegian(r->lang);
    } else {
      ck_lang l = ck_detect_language(r->doc->text.ptr, r->doc->text.len, NULL);
      r->headings_nb = l != CK_LANG_EN;
    }
  }
  return r->headings_nb;
}

/* A heading names a notice's part, it does not say what kind of section
 * follows: a lot called "Evaluation services" is not an award section. */
static void neutral_section(ck_doc *doc) {
  ck_section *s = &doc->sections[doc->nsections - 1];
  s->kind = CK_SECTION_NONE;
  s->effective = s->parent >= 0 ? doc->sections[s->parent].effective : CK_SECTION_NONE;
}

static void open_pending(reader *r, pending *h) {
  if (!h || h->done || r->status != CK_OK)
    return;
  h->done = true;
  const char *text = want_nb(r) ? h->nb : h->en;
  unsigned line, col;
  elem_pos(r, h->at, &line, &col);
  ck_doc_begin_block(r->doc, CK_BLOCK_HEADING, h->level, -1,
                     xpath(r, h->base, h->base_path, h->at));
  ck_doc_add_text(r->doc, text, strlen(text), line, col);
  end_block(r, h->at);
}

/* One paragraph from element 'e' (skipped when it holds no text). */
static void paragraph(reader *r, const xmlNode *e, const xmlNode *base, const char *base_path,
                      pending *h) {
  if (r->status != CK_OK)
    return;
  text_of(e, &r->scratch);
  if (r->scratch.len == 0)
    return;
  open_pending(r, h);
  if (r->status != CK_OK)
    return;
  ck_doc_begin_block(r->doc, CK_BLOCK_PARAGRAPH, 0, -1, xpath(r, base, base_path, e));
  add_element_text(r, e);
  if (end_block(r, e))
    r->source_blocks++;
}

/* Paragraphs from the ns:local children of 'parent' in the chosen language. */
static void paragraphs(reader *r, const xmlNode *parent, const char *ns, const char *local,
                       const xmlNode *base, const char *base_path, pending *h) {
  char lang[8];
  if (!parent || !pick_lang(r, parent, ns, local, lang))
    return;
  EACH(c, parent, ns, local) {
    if (in_lang(c, lang))
      paragraph(r, c, base, base_path, h);
  }
}

/* --- codes ----------------------------------------------------------------------------------- */

static void add_string(char ***arr, size_t *n, size_t *cap, ck_strindex *ix, const char *s) {
  if (ck_strindex_seen(ix, *arr, *n, s))
    return;
  CK_GROW(*arr, *cap, *n + 1);
  (*arr)[(*n)++] = ck_xstrdup(s);
}

/* A CPV code as eForms writes it ("39130000", listName="cpv") or as
 * UBL/EHF does ("39130000-2", listID="CPV"): eight digits and an optional
 * check digit. Codes from another list, and junk ("BA04-1") under an empty
 * list name, are not CPV codes. Stores the eight digits in 'out'. */
static bool cpv_code(reader *r, const xmlNode *e, char out[9]) {
  const char *list = attr(e, "listName");
  if (!list || !*list)
    list = attr(e, "listID");
  if (list && *list && xmlStrcasecmp((const xmlChar *)list, (const xmlChar *)"cpv") != 0)
    return false;
  text_of(e, &r->scratch);
  const char *s = r->scratch.ptr;
  size_t n = r->scratch.len;
  if (n < 8)
    return false;
  for (size_t i = 0; i < 8; i++)
    if (s[i] < '0' || s[i] > '9')
      return false;
  if (n > 8 && !(n == 10 && s[8] == '-' && s[9] >= '0' && s[9] <= '9'))
    return false;
  memcpy(out, s, 8);
  out[8] = '\0';
  return true;
}

/* The CPV codes of a cac:ProcurementProject, main first, into the document
 * and, for a lot, into the lot. */
static void read_cpv(reader *r, const xmlNode *pp, ck_lot *lot) {
  static const char *const kinds[] = {"MainCommodityClassification",
                                      "AdditionalCommodityClassification"};
  for (int k = 0; k < 2; k++) {
    EACH(cls, pp, NS_CAC, kinds[k]) {
      EACH(code, cls, NS_CBC, "ItemClassificationCode") {
        char cpv[9];
        if (!cpv_code(r, code, cpv))
          continue;
        ck_doc_add_cpv(r->doc, cpv, 8);
        if (lot)
          add_string(&lot->cpv, &lot->ncpv, &lot->cap_cpv, &lot->cpv_index, cpv);
      }
    }
  }
}

/* Green and strategic codes of a lot (BT-805, BT-774, BT-06, BT-775,
 * BT-776) as "list:code"; the strategic procurement description (BT-777)
 * becomes a paragraph. */
static void read_codes(reader *r, const xmlNode *pp, ck_lot *lot, const xmlNode *base,
                       const char *base_path) {
  static const char *const lists[] = {"gpp-criteria",           "environmental-impact",
                                      "strategic-procurement",  "social-objective",
                                      "innovative-acquisition", NULL};
  EACH(t, pp, NS_CAC, "ProcurementAdditionalType") {
    xmlNode *code = child(t, NS_CBC, "ProcurementTypeCode");
    const char *list = attr(code, "listName");
    if (!code || !list)
      continue;
    for (size_t i = 0; lists[i]; i++) {
      if (strcmp(list, lists[i]) != 0)
        continue;
      text_of(code, &r->scratch);
      if (r->scratch.len > 0 && lot) {
        ck_buf b = CK_BUF_INIT;
        ck_buf_printf(&b, "%s:%s", list, r->scratch.ptr);
        add_string(&lot->codes, &lot->ncodes, &lot->cap_codes, &lot->codes_index, b.ptr);
        ck_buf_free(&b);
      }
      if (!strcmp(list, "strategic-procurement"))
        paragraphs(r, t, NS_CBC, "ProcurementType", base, base_path, NULL);
    }
  }
}

/* --- award criteria ------------------------------------------------------------------------------
 */

/* A number as notices write it: "30", "12.5", "12,5". */
static bool parse_number(const char *s, double *out) {
  double v = 0, scale = 0;
  bool digits = false;
  for (; *s; s++) {
    if (*s >= '0' && *s <= '9') {
      digits = true;
      if (scale > 0) {
        v += (*s - '0') * scale;
        scale /= 10;
      } else {
        v = v * 10 + (*s - '0');
      }
    } else if ((*s == '.' || *s == ',') && scale == 0 && digits) {
      scale = 0.1;
    } else if (*s == '%' || *s == ' ') {
      continue;
    } else {
      return false;
    }
  }
  *out = v;
  return digits;
}

static ck_weight_kind weight_kind_of(const char *code) {
  if (!strncmp(code, "per-", 4))
    return CK_WEIGHT_PERCENT;
  if (!strncmp(code, "poi-", 4))
    return CK_WEIGHT_POINTS;
  if (!strncmp(code, "dec-", 4))
    return CK_WEIGHT_DECIMAL;
  if (!strcmp(code, "ord-imp"))
    return CK_WEIGHT_RANK;
  return CK_WEIGHT_NONE;
}

/* The weight of a criterion: eForms BT-5421/BT-541 in its extension, else
 * UBL's cbc:WeightNumeric or cbc:Weight ("30 %"). A weight withheld from
 * publication (efac:FieldsPrivacy for awa-cri-num) or missing is none. */
static void read_weight(reader *r, const xmlNode *crit, ck_award_criterion *c) {
  c->weight_kind = CK_WEIGHT_NONE;
  c->weight = 0;
  EACH(param, eforms_ext(crit), NS_EFAC, "AwardCriterionParameter") {
    xmlNode *code = child(param, NS_EFBC, "ParameterCode");
    if (!code || !attr_is(code, "listName", "number-weight"))
      continue;
    EACH(fp, param, NS_EFAC, "FieldsPrivacy") {
      text_of(child(fp, NS_EFBC, "FieldIdentifierCode"), &r->scratch);
      if (!strcmp(r->scratch.ptr, "awa-cri-num"))
        return;
    }
    text_of(code, &r->scratch);
    ck_weight_kind kind = weight_kind_of(r->scratch.ptr);
    text_of(child(param, NS_EFBC, "ParameterNumeric"), &r->scratch);
    double v;
    if (kind != CK_WEIGHT_NONE && parse_number(r->scratch.ptr, &v)) {
      c->weight_kind = kind;
      c->weight = v;
    }
    return;
  }
  double v;
  text_of(child(crit, NS_CBC, "WeightNumeric"), &r->scratch);
  if (r->scratch.len == 0)
    text_of(child(crit, NS_CBC, "Weight"), &r->scratch);
  if (r->scratch.len > 0 && parse_number(r->scratch.ptr, &v)) {
    c->weight_kind = CK_WEIGHT_PERCENT;
    c->weight = v;
  }
}

static char *dup_or_null(const ck_buf *b) { return b->len ? ck_xstrndup(b->ptr, b->len) : NULL; }

/* One award criterion: appended to *arr, with its name and description as
 * paragraphs under the award heading. */
static void read_criterion(reader *r, const xmlNode *crit, ck_award_criterion **arr, size_t *n,
                           size_t *cap, const xmlNode *base, const char *base_path, pending *h) {
  ck_award_criterion c = {0};
  ck_buf b = CK_BUF_INIT;
  text_of(child(crit, NS_CBC, "AwardingCriterionTypeCode"), &b);
  c.type = dup_or_null(&b);
  chosen_text(r, crit, NS_CBC, "Name", &b);
  c.name = dup_or_null(&b);
  chosen_text(r, crit, NS_CBC, "Description", &b);
  c.description = dup_or_null(&b);
  ck_buf_free(&b);
  read_weight(r, crit, &c);
  elem_pos(r, crit, &c.line, &c.col);
  c.xpath = ck_doc_intern(r->doc, xpath(r, base, base_path, crit));
  CK_GROW(*arr, *cap, *n + 1);
  (*arr)[(*n)++] = c;
  paragraphs(r, crit, NS_CBC, "Name", base, base_path, h);
  paragraphs(r, crit, NS_CBC, "Description", base, base_path, h);
}

/* cac:AwardingTerms: eForms nests the criteria in SubordinateAwardingCriterion
 * (the outer element holds only the order justification, BT-733); UBL 2.1
 * documents may give the criterion itself. */
static void read_award(reader *r, const xmlNode *tt, ck_award_criterion **arr, size_t *n,
                       size_t *cap, const xmlNode *base, const char *base_path, int level) {
  xmlNode *aw = child(tt, NS_CAC, "AwardingTerms");
  if (!aw)
    return;
  pending h = {"Tildelingskriterier", "Award criteria", aw, base, base_path, level, false};
  EACH(ac, aw, NS_CAC, "AwardingCriterion") {
    xmlNode *sub = child(ac, NS_CAC, "SubordinateAwardingCriterion");
    if (!sub && (child(ac, NS_CBC, "AwardingCriterionTypeCode") || child(ac, NS_CBC, "Name") ||
                 child(ac, NS_CBC, "WeightNumeric") || child(ac, NS_CBC, "Weight"))) {
      read_criterion(r, ac, arr, n, cap, base, base_path, &h);
      continue;
    }
    paragraphs(r, ac, NS_CBC, "Description", base, base_path, &h);
    for (; sub; sub = next_el(sub, NS_CAC, "SubordinateAwardingCriterion"))
      read_criterion(r, sub, arr, n, cap, base, base_path, &h);
  }
}

/* Performance terms (BT-70): contract execution requirements of the list
 * "conditions", or UBL's without a code. */
static void read_contract_terms(reader *r, const xmlNode *tt, const xmlNode *base,
                                const char *base_path, int level) {
  pending h = {"Kontraktsvilkår", "Contract terms", NULL, base, base_path, level, false};
  EACH(req, tt, NS_CAC, "ContractExecutionRequirement") {
    xmlNode *code = child(req, NS_CBC, "ExecutionRequirementCode");
    if (code && !attr_is(code, "listName", "conditions"))
      continue;
    if (!h.at)
      h.at = req;
    paragraphs(r, req, NS_CBC, "Description", base, base_path, &h);
  }
}

/* Selection criteria (BT-749 name, BT-750 description). */
static void read_selection(reader *r, const xmlNode *tt, const xmlNode *base, const char *base_path,
                           int level) {
  pending h = {"Kvalifikasjonskrav", "Selection criteria", NULL, base, base_path, level, false};
  EACH(sc, eforms_ext(tt), NS_EFAC, "SelectionCriteria") {
    if (!h.at)
      h.at = sc;
    paragraphs(r, sc, NS_CBC, "Name", base, base_path, &h);
    paragraphs(r, sc, NS_CBC, "Description", base, base_path, &h);
  }
}

static void read_terms(reader *r, const xmlNode *tt, ck_award_criterion **arr, size_t *n,
                       size_t *cap, const xmlNode *base, const char *base_path, int level) {
  if (!tt)
    return;
  read_award(r, tt, arr, n, cap, base, base_path, level);
  read_contract_terms(r, tt, base, base_path, level);
  read_selection(r, tt, base, base_path, level);
}

/* --- procedure and lots -------------------------------------------------------------------------
 */

/* The procedure: its title as the level-1 heading, description and notes,
 * CPV codes, then procedure-level tendering terms (UBL documents put their
 * award criteria there). */
static void read_procedure(reader *r, const char *root_path) {
  xmlNode *pp = child(r->root, NS_CAC, "ProcurementProject");
  if (pp) {
    char lang[8];
    if (pick_lang(r, pp, NS_CBC, "Name", lang))
      EACH(name, pp, NS_CBC, "Name") {
        if (!in_lang(name, lang))
          continue;
        text_of(name, &r->scratch);
        if (r->scratch.len == 0)
          continue;
        if (!r->doc->title)
          r->doc->title = ck_xstrdup(r->scratch.ptr);
        ck_doc_begin_block(r->doc, CK_BLOCK_HEADING, 1, -1, xpath(r, r->root, root_path, name));
        add_element_text(r, name);
        if (end_block(r, name)) {
          neutral_section(r->doc);
          r->source_blocks++;
        }
        break;
      }
    paragraphs(r, pp, NS_CBC, "Description", r->root, root_path, NULL);
    paragraphs(r, pp, NS_CBC, "Note", r->root, root_path, NULL);
    read_cpv(r, pp, NULL);
  }
  read_terms(r, child(r->root, NS_CAC, "TenderingTerms"), &r->doc->criteria, &r->doc->ncriteria,
             &r->doc->cap_criteria, r->root, root_path, 2);
}

/* The lot's heading: "LOT-0001: title", the id placed at the lot element
 * and the title at its source text. */
static void lot_heading(reader *r, const xmlNode *lot_el, const char *id, const xmlNode *name,
                        const char *lot_path) {
  unsigned line, col;
  elem_pos(r, lot_el, &line, &col);
  ck_doc_begin_block(r->doc, CK_BLOCK_HEADING, 2, -1, lot_path);
  ck_doc_add_text(r->doc, id, strlen(id), line, col);
  if (name) {
    ck_doc_add_text(r->doc, ": ", 2, line, col + (unsigned)strlen(id));
    add_element_text(r, name);
  }
  if (end_block(r, lot_el))
    neutral_section(r->doc);
}

/* One cac:ProcurementProjectLot. Lots (schemeName "Lot", "Part" in prior
 * information notices, or none in UBL) get a ck_lot; groups of lots
 * ("LotsGroup") only contribute their texts. */
static void read_lot(reader *r, xmlNode *lot_el, const char *lot_path, size_t ordinal) {
  xmlNode *id_el = child(lot_el, NS_CBC, "ID");
  bool group = attr_is(id_el, "schemeName", "LotsGroup");
  ck_buf id = CK_BUF_INIT;
  text_of(id_el, &id);
  if (id.len == 0)
    ck_buf_printf(&id, "%s %zu", want_nb(r) ? "Delkontrakt" : "Lot", ordinal);
  xmlNode *pp = child(lot_el, NS_CAC, "ProcurementProject");
  char lang[8];
  xmlNode *name = NULL;
  if (pick_lang(r, pp, NS_CBC, "Name", lang))
    EACH(n, pp, NS_CBC, "Name") {
      text_of(n, &r->scratch);
      if (in_lang(n, lang) && r->scratch.len > 0) {
        name = n;
        break;
      }
    }
  /* lot_path lives in r->path, which xpath() reuses: keep the document's copy */
  const char *base_path = ck_doc_intern(r->doc, lot_path);
  size_t li = r->doc->nlots;
  if (!group) {
    CK_GROW(r->doc->lots, r->doc->cap_lots, li + 1);
    ck_lot *lot = &r->doc->lots[r->doc->nlots++];
    *lot = (ck_lot){0};
    lot->id = ck_xstrdup(id.ptr);
    if (name) {
      text_of(name, &r->scratch);
      lot->title = ck_xstrdup(r->scratch.ptr);
    }
    elem_pos(r, lot_el, &lot->line, &lot->col);
    lot->xpath = base_path;
    lot->block_start = r->doc->nblocks;
  }
  lot_heading(r, lot_el, id.ptr, name, base_path);
  ck_buf_free(&id);
  ck_lot *lot = group ? NULL : &r->doc->lots[li];
  if (pp) {
    paragraphs(r, pp, NS_CBC, "Description", lot_el, base_path, NULL);
    paragraphs(r, pp, NS_CBC, "Note", lot_el, base_path, NULL);
    read_codes(r, pp, lot, lot_el, base_path);
    read_cpv(r, pp, lot);
  }
  xmlNode *tt = child(lot_el, NS_CAC, "TenderingTerms");
  if (lot) {
    read_terms(r, tt, &lot->criteria, &lot->ncriteria, &lot->cap_criteria, lot_el, base_path, 3);
    lot->block_end = r->doc->nblocks;
  } else {
    /* a group's criteria weigh a group, not a lot: texts only */
    ck_award_criterion *tmp = NULL;
    size_t n = 0, cap = 0;
    read_terms(r, tt, &tmp, &n, &cap, lot_el, base_path, 3);
    ck_award_criteria_free(tmp, n);
  }
}

/* A lot without CPV codes of its own is bought under the procedure's. */
static void inherit_cpv(ck_doc *doc, size_t nproc) {
  for (size_t i = 0; i < doc->nlots; i++) {
    ck_lot *lot = &doc->lots[i];
    if (lot->ncpv == 0)
      for (size_t k = 0; k < nproc; k++)
        add_string(&lot->cpv, &lot->ncpv, &lot->cap_cpv, &lot->cpv_index, doc->cpv[k]);
  }
}

/* --- entry --------------------------------------------------------------------------------------
 */

/* Recognises a notice by its root element and that element's namespace,
 * the UBL one of the root's name. */
static ck_notice_kind recognise(const xmlNode *root) {
  if (!root || !root->ns || !root->ns->href)
    return CK_NOTICE_NONE;
  const char *name = (const char *)root->name;
  ck_notice_kind kind = ck_notice_root_kind(name, strlen(name));
  if (kind == CK_NOTICE_NONE)
    return CK_NOTICE_NONE;
  char want[128];
  snprintf(want, sizeof want, UBL "%s-2", name);
  return strcmp((const char *)root->ns->href, want) == 0 ? kind : CK_NOTICE_NONE;
}

/* Sets up the text positions are counted in. UTF-8 (the rule for notices)
 * and single-byte encodings are scanned as they are; UTF-16 is decoded
 * first. Returns the encoding's name. */
static const char *prepare_scan(reader *r, const xmlDoc *xdoc) {
  const unsigned char *raw = (const unsigned char *)r->src->raw;
  size_t n = r->src->raw_len;
  const char *declared = (const char *)xdoc->encoding;
  bool utf8_name = !declared ||
                   !xmlStrcasecmp((const xmlChar *)declared, (const xmlChar *)"UTF-8") ||
                   !xmlStrcasecmp((const xmlChar *)declared, (const xmlChar *)"UTF8");
  r->text = r->src->raw;
  r->text_len = n;
  r->utf8 = true;
  if (n >= 3 && raw[0] == 0xEF && raw[1] == 0xBB && raw[2] == 0xBF) {
    r->text_start = 3;
    return "UTF-8 with BOM";
  }
  if (n >= 2 && ((raw[0] == 0xFF && raw[1] == 0xFE) || (raw[0] == 0xFE && raw[1] == 0xFF))) {
    const char *name = raw[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
    ck_source tmp = {.path = r->src->path, .raw = r->src->raw, .raw_len = n};
    ck_diags ignored = CK_DIAGS_INIT;
    if (ck_source_decode(&tmp, &ignored) == CK_OK) {
      r->decoded = tmp.text;
      r->text = tmp.text;
      r->text_len = tmp.text_len;
    } else {
      free(tmp.text);
      r->text_len = 0; /* no scan: lines from libxml2 only */
    }
    ck_diags_free(&ignored);
    return name;
  }
  if (n >= 2 && (raw[0] == 0 || raw[1] == 0)) {
    r->text_len = 0;
    return "UTF-16";
  }
  if (!utf8_name) {
    r->utf8 = false;
    return declared;
  }
  return "UTF-8";
}

static void reader_free(reader *r) {
  ck_xml_tags_free(&r->tags);
  ck_xmlpos_free(&r->pos);
  free(r->decoded);
  ck_xpath_free(&r->xp);
  ck_buf_free(&r->path);
  ck_buf_free(&r->scratch);
}

/* The notice language (BT-702) sets the document language and the language
 * texts are chosen in. */
static void read_notice_language(reader *r) {
  xmlNode *nl = child(r->root, NS_CBC, "NoticeLanguageCode");
  if (!nl)
    return;
  text_of(nl, &r->scratch);
  if (r->scratch.len == 0)
    return;
  r->doc->notice_lang = ck_xstrdup(r->scratch.ptr);
  canon_lang(r->scratch.ptr, r->lang);
  if (!strcmp(r->lang, "NOB"))
    ck_doc_set_lang(r->doc, CK_LANG_NB);
  else if (!strcmp(r->lang, "NNO"))
    ck_doc_set_lang(r->doc, CK_LANG_NN);
  else if (!strcmp(r->lang, "ENG"))
    ck_doc_set_lang(r->doc, CK_LANG_EN);
}

ck_status ck_read_eforms(const ck_source *src, const ck_limits *limits, ck_doc **out,
                         ck_diags *diags) {
  *out = NULL;
  xmlDoc *xdoc = NULL;
  ck_status status = ck_xml_parse_data(src->raw, src->raw_len, src->path, limits,
                                       &xdoc, diags);
  if (status != CK_OK)
    return status;
  xmlNode *root = xmlDocGetRootElement(xdoc);
  if (recognise(root) == CK_NOTICE_NONE) {
    /* Not a notice after all (a home-made "ContractNotice"): generic XML,
     * which the XML reader may have named eForms by its root alone. */
    xmlFreeDoc(xdoc);
    status = ck_read_xml(src, limits, out, diags);
    if (status == CK_OK && (*out)->format == CK_FORMAT_EFORMS)
      (*out)->format = CK_FORMAT_XML;
    return status;
  }
  reader r = {.src = src,
              .limits = limits,
              .diags = diags,
              .root = root,
              .headings_nb = -1,
              .status = CK_OK};
  const char *encoding = prepare_scan(&r, xdoc);
  if (r.text_len > 0) {
    ck_xml_scan(r.text, r.text_len, r.text_start, &r.tags);
    r.have_tags = pair_tags(&r, xdoc);
    if (r.have_tags)
      ck_xmlpos_init(&r.pos, r.text, r.text_len, r.text_start, r.utf8, true);
  }
  r.doc = ck_doc_new(src->path, CK_FORMAT_EFORMS, encoding);
  read_notice_language(&r);

  ck_buf root_path = CK_BUF_INIT;
  ck_xpath_put_step(&r.xp, &root_path, root);
  read_procedure(&r, root_path.ptr);
  size_t nproc = r.doc->ncpv;
  size_t ordinal = 0;
  EACH(lot_el, root, NS_CAC, "ProcurementProjectLot") {
    if (r.status != CK_OK)
      break;
    ordinal++;
    read_lot(&r, lot_el, xpath(&r, root, root_path.ptr, lot_el), ordinal);
  }
  inherit_cpv(r.doc, nproc);
  status = r.status;
  if (status == CK_OK && r.source_blocks == 0) {
    unsigned line, col;
    elem_pos(&r, root, &line, &col);
    ck_diags_add(diags, CK_DIAG_WARNING, src->path, line, col,
                 "notice has no title, description or criteria text to check");
  }
  if (status == CK_OK)
    ck_doc_finish(r.doc);
  ck_buf_free(&root_path);
  reader_free(&r);
  xmlFreeDoc(xdoc);
  if (status != CK_OK) {
    ck_doc_free(r.doc);
    return status;
  }
  *out = r.doc;
  return CK_OK;
}

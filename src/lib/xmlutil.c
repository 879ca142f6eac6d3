/* Safe XML parsing on libxml2 (see xmlutil.h).
 *
 * The parser runs with a per-context SAX handler: entity declarations stop
 * the parse before anything can be expanded or fetched, element depth is
 * counted in wrappers around the SAX2 tree builders, and errors arrive
 * through the context's structured error callback. The only other hook is
 * the calling thread's generic handler (libxml2 keeps it per thread), taken
 * over for the length of one parse so that nothing is ever printed. */
#include "xmlutil.h"

#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include "xmlscan.h"

/* libxml2's own nesting cap (xmlParserMaxDepth) unless XML_PARSE_HUGE. */
enum { LIBXML_DEFAULT_DEPTH = 256 };

static pthread_once_t libxml_once = PTHREAD_ONCE_INIT;

/* xmlInitParser() is not safe to run concurrently, so it runs exactly once. */
static void init_libxml(void) { xmlInitParser(); }

typedef struct parse_state {
  ck_diags *diags;
  const char *file;
  unsigned max_depth, depth;
  ck_xml_counts caps;            /* also checked here: a UTF-16 source is not pre-counted */
  size_t elements, attributes; /* seen so far */
  bool failed; /* the one diagnostic has been recorded */
  ck_status status;
  startElementNsSAX2Func start;
  endElementNsSAX2Func end;
  char pending[160]; /* first error raised without the context (encoding) */
} parse_state;

static bool is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/* Adds a libxml2 message as a diagnostic: trailing newline and surrounding
 * space trimmed, inner line breaks folded, first letter in lower case (our
 * messages start in lower case). */
static void add_libxml_message(ck_diags *diags, ck_diag_level level, const char *file,
                               unsigned line, unsigned col, const char *msg) {
  ck_buf b = CK_BUF_INIT;
  if (msg)
    for (const char *p = msg; *p; p++) {
      char c = *p;
      if (c == '\n' || c == '\r' || c == '\t')
        c = ' ';
      if (c == ' ' && (b.len == 0 || b.ptr[b.len - 1] == ' '))
        continue;
      ck_buf_putc(&b, c);
    }
  while (b.len > 0 && b.ptr[b.len - 1] == ' ')
    b.ptr[--b.len] = '\0';
  if (b.len == 0)
    ck_buf_puts(&b, "malformed XML");
  /* Keep acronyms ("XML", "UTF-8") as they are: lower only a capital
   * followed by a lower-case letter. */
  if (b.ptr[0] >= 'A' && b.ptr[0] <= 'Z' && !(b.len > 1 && b.ptr[1] >= 'A' && b.ptr[1] <= 'Z'))
    b.ptr[0] = (char)(b.ptr[0] - 'A' + 'a');
  ck_diags_add(diags, level, file, line, col, "%s", b.ptr);
  ck_buf_free(&b);
}

/* Position of the last occurrence of 'what' before the parser's current
 * point, found in the decoded input buffer. Falls back to the parser's
 * own line and column when the buffer no longer holds it. */
static void backward_position(xmlParserCtxtPtr ctxt, const char *what, unsigned *line,
                              unsigned *col) {
  xmlParserInputPtr in = ctxt->input;
  *line = in->line > 0 ? (unsigned)in->line : 0;
  *col = in->col > 0 ? (unsigned)in->col : 0;
  if (!in->base || !in->cur || in->cur < in->base)
    return;
  const char *base = (const char *)in->base, *cur = (const char *)in->cur;
  size_t wlen = strlen(what), avail = (size_t)(cur - base);
  if (avail < wlen)
    return;
  const char *hit = NULL;
  for (size_t i = avail - wlen + 1; i-- > 0;)
    if (memcmp(base + i, what, wlen) == 0) {
      hit = base + i;
      break;
    }
  if (!hit)
    return;
  unsigned newlines = 0;
  for (const char *p = hit; p < cur; p++)
    newlines += *p == '\n';
  if (newlines >= *line)
    return;
  const char *ls = hit;
  while (ls > base && ls[-1] != '\n')
    ls--;
  if (ls == base && in->consumed > 0) {
    /* The start of the line was discarded: the parser's column is all that
     * is left to go by. */
    unsigned back = (unsigned)ck_utf8_count(hit, (size_t)(cur - hit));
    if (newlines == 0 && *col > back) {
      *col -= back;
      return;
    }
    *col = 0;
    *line -= newlines;
    return;
  }
  if (ls == base && hit - base >= 3 && memcmp(base, "\xEF\xBB\xBF", 3) == 0)
    ls += 3; /* a byte order mark is not a column */
  *line -= newlines;
  *col = (unsigned)ck_utf8_count(ls, (size_t)(hit - ls)) + 1;
}

/* Claims the one diagnostic of this parse; false when it is taken. */
static bool claim(parse_state *st, ck_status status) {
  if (st->failed)
    return false;
  st->failed = true;
  st->status = status;
  return true;
}

/* Any entity declaration ends the parse: refusing them outright is what
 * keeps entity expansion ("billion laughs") and external fetches
 * impossible, whatever the libxml2 options. */
static void refuse_entity(void *ctx, const xmlChar *name) {
  xmlParserCtxtPtr ctxt = ctx;
  parse_state *st = ctxt->_private;
  unsigned line, col;
  backward_position(ctxt, "<!ENTITY", &line, &col);
  if (claim(st, CK_ERR_INPUT))
    ck_diags_add(st->diags, CK_DIAG_ERROR, st->file, line, col,
                 "entity declarations are not allowed (entity '%s')",
                 name ? (const char *)name : "");
  xmlStopParser(ctxt);
}

static void on_entity_decl(void *ctx, const xmlChar *name, int type, const xmlChar *public_id,
                           const xmlChar *system_id, xmlChar *content) {
  (void)type, (void)public_id, (void)system_id, (void)content;
  refuse_entity(ctx, name);
}

static void on_unparsed_entity_decl(void *ctx, const xmlChar *name, const xmlChar *public_id,
                                    const xmlChar *system_id, const xmlChar *notation) {
  (void)public_id, (void)system_id, (void)notation;
  refuse_entity(ctx, name);
}

/* The diagnostic for a count over its cap. */
static void add_count_error(parse_state *st, ck_xml_count_verdict v, unsigned line, unsigned col) {
  if (v == CK_XML_TOO_MANY_ELEMENTS)
    ck_diags_add(st->diags, CK_DIAG_ERROR, st->file, line, col,
                 "too many XML elements: more than %zu (max_xml_elements)",
                 st->caps.max_elements);
  else if (v == CK_XML_TOO_MANY_ATTRIBUTES)
    ck_diags_add(st->diags, CK_DIAG_ERROR, st->file, line, col,
                 "too many attributes on one element: more than %zu (max_xml_attributes)",
                 st->caps.max_attributes);
  else
    ck_diags_add(st->diags, CK_DIAG_ERROR, st->file, line, col,
                 "too many XML attributes: more than %zu in the document "
                 "(max_xml_total_attributes)",
                 st->caps.max_total_attributes);
}

static void on_start(void *ctx, const xmlChar *localname, const xmlChar *prefix,
                     const xmlChar *uri, int nb_namespaces, const xmlChar **namespaces,
                     int nb_attributes, int nb_defaulted, const xmlChar **attributes) {
  xmlParserCtxtPtr ctxt = ctx;
  parse_state *st = ctxt->_private;
  if (++st->depth > st->max_depth) {
    unsigned line, col;
    backward_position(ctxt, "<", &line, &col);
    if (claim(st, CK_ERR_LIMIT))
      ck_diags_add(st->diags, CK_DIAG_ERROR, st->file, line, col, "element nesting deeper than %u",
                   st->max_depth);
    xmlStopParser(ctxt);
    return;
  }
  size_t attrs = (size_t)nb_attributes + (size_t)nb_namespaces;
  st->elements++;
  st->attributes += attrs;
  ck_xml_count_verdict v = CK_XML_COUNTS_OK;
  if (st->caps.max_elements && st->elements > st->caps.max_elements)
    v = CK_XML_TOO_MANY_ELEMENTS;
  else if (st->caps.max_attributes && attrs > st->caps.max_attributes)
    v = CK_XML_TOO_MANY_ATTRIBUTES;
  else if (st->caps.max_total_attributes && st->attributes > st->caps.max_total_attributes)
    v = CK_XML_TOO_MANY_ATTRIBUTES_IN_ALL;
  if (v != CK_XML_COUNTS_OK) {
    unsigned line, col;
    backward_position(ctxt, "<", &line, &col);
    if (claim(st, CK_ERR_LIMIT))
      add_count_error(st, v, line, col);
    xmlStopParser(ctxt);
    return;
  }
  st->start(ctx, localname, prefix, uri, nb_namespaces, namespaces, nb_attributes, nb_defaulted,
            attributes);
}

static void on_end(void *ctx, const xmlChar *localname, const xmlChar *prefix,
                   const xmlChar *uri) {
  xmlParserCtxtPtr ctxt = ctx;
  parse_state *st = ctxt->_private;
  if (st->depth > 0)
    st->depth--;
  st->end(ctx, localname, prefix, uri);
}

/* The context's structured error callback: the first error (not warning)
 * becomes the one diagnostic. When decoding failed first, its message is
 * the better one, and this error's position is where decoding stopped. */
static void on_error(void *ctx, CK_XML_ERROR_CONST xmlError *error) {
  xmlParserCtxtPtr ctxt = ctx;
  parse_state *st = ctxt ? ctxt->_private : NULL;
  if (!st || !error || error->level < XML_ERR_ERROR || !claim(st, CK_ERR_INPUT))
    return;
  add_libxml_message(st->diags, CK_DIAG_ERROR, st->file, error->line > 0 ? (unsigned)error->line : 0,
                     error->int2 > 0 ? (unsigned)error->int2 : 0,
                     st->pending[0] ? st->pending : error->message);
}

/* Errors libxml2 raises without a parser context (a byte the declared
 * encoding cannot decode) go to the calling thread's generic handler,
 * which ck_xml_parse points here for the length of the parse: they are
 * kept, never printed. */
__attribute__((format(printf, 2, 3))) static void on_generic_error(void *ctx, const char *msg,
                                                                   ...) {
  parse_state *st = ctx;
  if (st->pending[0] || st->failed)
    return;
  va_list ap;
  va_start(ap, msg);
  vsnprintf(st->pending, sizeof st->pending, msg, ap);
  va_end(ap);
}

/* True when the input holds nothing but white space (in any of the
 * encodings libxml2 detects by their byte order mark or first bytes). */
static bool blank_input(const char *data, size_t len) {
  const unsigned char *p = (const unsigned char *)data;
  size_t i = 0;
  if (len >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
    i = 3;
  else if (len >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF)))
    i = 2;
  bool wide = i == 2;
  for (; i < len; i++)
    if (!is_space(p[i]) && !(wide && p[i] == 0))
      return false;
  return true;
}

/* Whether the source is in UTF-16 or UTF-32, which ck_xml_count cannot
   read (a byte order mark, or a NUL among the first bytes). */
static bool wide_source(const char *data, size_t len) {
  const unsigned char *p = (const unsigned char *)data;
  if (len >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF)))
    return true;
  return memchr(data, 0, len < 4 ? len : 4) != NULL;
}

static ck_status parse(const char *data, size_t len, const char *file, const ck_limits *limits,
                       int extra_options, bool precount, xmlDoc **out, ck_diags *diags) {
  ck_limits defaults = ck_limits_default();
  if (!limits)
    limits = &defaults;
  unsigned max_depth = limits->max_xml_depth;
  *out = NULL;
  if (!data || blank_input(data, len)) {
    ck_diags_add(diags, CK_DIAG_ERROR, file, 1, 1, "empty document");
    return CK_ERR_INPUT;
  }
  if (len > INT_MAX) {
    ck_diags_add(diags, CK_DIAG_ERROR, file, 0, 0, "document too large for the XML parser");
    return CK_ERR_LIMIT;
  }
  pthread_once(&libxml_once, init_libxml);
  if (max_depth == 0)
    max_depth = LIBXML_DEFAULT_DEPTH;

  parse_state st = {.diags = diags,
                    .file = file,
                    .max_depth = max_depth,
                    .status = CK_OK,
                    .caps = {.max_elements = limits->max_xml_elements,
                             .max_attributes = limits->max_xml_attributes,
                             .max_total_attributes = limits->max_xml_total_attributes}};
  /* Counted on the bytes before libxml2 sees them: its slow paths (many
     attributes on one element, a flood of elements) are never entered. */
  size_t where;
  ck_xml_count_verdict verdict = !precount || wide_source(data, len)
                                     ? CK_XML_COUNTS_OK
                                     : ck_xml_count(data, len, &st.caps, &where);
  if (verdict != CK_XML_COUNTS_OK) {
    ck_xmlpos_map map;
    size_t bom = len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    ck_xmlpos_init(&map, data, len, bom, true, false);
    unsigned line, col;
    ck_xmlpos_at(&map, where, &line, &col);
    ck_xmlpos_free(&map);
    add_count_error(&st, verdict, line, col);
    return CK_ERR_LIMIT;
  }

  /* libxml2 keeps the generic handler per thread, so this redirects only
   * the errors of this parse; the caller's handler is put back below. */
  xmlGenericErrorFunc saved_generic = xmlGenericError;
  void *saved_generic_ctx = xmlGenericErrorContext;
  xmlSetGenericErrorFunc(&st, on_generic_error);

  ck_status status = CK_OK;
  xmlParserCtxtPtr ctxt = xmlCreateMemoryParserCtxt(data, (int)len);
  if (!ctxt) {
    ck_diags_add(diags, CK_DIAG_ERROR, file, 0, 0, "cannot create an XML parser");
    status = CK_ERR_INPUT;
    goto done;
  }
  int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA | extra_options;
  if (max_depth > LIBXML_DEFAULT_DEPTH)
    options |= XML_PARSE_HUGE; /* lifts libxml2's own depth cap; ours stays */
  xmlCtxtUseOptions(ctxt, options);

  /* The context owns a private copy of the SAX2 handler, so changing it
   * affects this parse only. */
  xmlSAXHandlerPtr sax = ctxt->sax;
  sax->initialized = XML_SAX2_MAGIC;
  sax->serror = on_error;
  sax->error = NULL;
  sax->warning = NULL;
  sax->fatalError = NULL;
  sax->entityDecl = on_entity_decl;
  sax->unparsedEntityDecl = on_unparsed_entity_decl;
  sax->externalSubset = NULL; /* never load an external DTD */
  st.start = sax->startElementNs ? sax->startElementNs : xmlSAX2StartElementNs;
  st.end = sax->endElementNs ? sax->endElementNs : xmlSAX2EndElementNs;
  sax->startElementNs = on_start;
  sax->endElementNs = on_end;
  ctxt->_private = &st;
  ctxt->vctxt.error = NULL;
  ctxt->vctxt.warning = NULL;

  xmlParseDocument(ctxt);

  if (st.failed) {
    status = st.status;
  } else if (!ctxt->wellFormed || !ctxt->myDoc) {
    ck_diags_add(diags, CK_DIAG_ERROR, file, ctxt->input ? (unsigned)ctxt->input->line : 0, 0,
                 "malformed XML");
    status = CK_ERR_INPUT;
  }
  if (status == CK_OK) {
    *out = ctxt->myDoc;
  } else if (ctxt->myDoc) {
    xmlFreeDoc(ctxt->myDoc);
  }
  ctxt->myDoc = NULL;
  ctxt->_private = NULL;
  xmlFreeParserCtxt(ctxt);
done:
  xmlSetGenericErrorFunc(saved_generic_ctx, saved_generic);
  return status;
}

ck_status ck_xml_parse(const char *data, size_t len, const char *file, const ck_limits *limits,
                       xmlDoc **out, ck_diags *diags) {
  return parse(data, len, file, limits, 0, true, out, diags);
}

ck_status ck_xml_parse_data(const char *data, size_t len, const char *file,
                            const ck_limits *limits, xmlDoc **out, ck_diags *diags) {
  /* XML_PARSE_COMPACT keeps short texts (codes, numbers, ids) inside their
     node instead of in an allocation of their own; the tree must then not
     be changed, which these readers never do. */
  return parse(data, len, file, limits, XML_PARSE_NOBLANKS | XML_PARSE_COMPACT, true, out,
               diags);
}

ck_status ck_xml_parse_builtin(const char *data, size_t len, const char *file,
                               const ck_limits *limits, xmlDoc **out, ck_diags *diags) {
  return parse(data, len, file, limits, XML_PARSE_NOBLANKS | XML_PARSE_COMPACT, false, out,
               diags);
}

/* --- positions ------------------------------------------------------------------ */

/* Whether the tag whose '<' is at 'lt' bears 'node''s name. */
static bool is_tag_of(const char *data, size_t len, size_t lt, const xmlNode *node) {
  if (lt >= len || data[lt] != '<')
    return false;
  return ck_xml_is_qname(data + lt + 1, ck_xml_name_len(data, len, lt + 1), node);
}

/* The node before 'n' in document order, NULL at the top. */
static const xmlNode *prev_in_order(const xmlNode *n) {
  if (n->prev) {
    n = n->prev;
    while (n->type == XML_ELEMENT_NODE && n->last)
      n = n->last;
    return n;
  }
  n = n->parent;
  return n && n->type == XML_ELEMENT_NODE ? n : NULL;
}

/* How many elements of the same name start on 'line' before 'node': the
 * start tag is then that many matches further along the line. */
static unsigned same_line_before(const xmlNode *node, long line) {
  unsigned k = 0;
  for (const xmlNode *n = prev_in_order(node); n; n = prev_in_order(n)) {
    if (n->type != XML_ELEMENT_NODE)
      continue;
    long l = xmlGetLineNo(n);
    if (l < line)
      break;
    if (l == line && ck_xml_same_qname(n, node))
      k++;
  }
  return k;
}

/* Finds the offset of the '<' of 'node''s start tag, or false. libxml2
 * numbers an element with the line where its start tag ends, so the
 * candidates are the tags of that name whose '>' is on that line, the
 * first of them possibly begun on an earlier line. */
static bool find_start_tag(const ck_xml_lines *li, const xmlNode *node, size_t *off) {
  const char *data = li->map.p;
  size_t len = li->map.len, ls, le;
  long l = xmlGetLineNo(node);
  if (!data || l <= 0 || l > UINT_MAX || node->type != XML_ELEMENT_NODE ||
      !ck_xmlpos_line(&li->map, (unsigned)l, &ls, &le))
    return false;
  unsigned k = same_line_before(node, l);
  size_t lt = ls;
  while (lt > 0 && data[--lt] != '<')
    ;
  if (lt < ls && is_tag_of(data, len, lt, node)) {
    size_t gt = ck_xml_markup_end(data, len, lt + 1, false);
    if (gt >= ls && gt < le && k-- == 0) {
      *off = lt;
      return true;
    }
  }
  for (size_t p = ls; p < le; p++) {
    const char *q = memchr(data + p, '<', le - p);
    if (!q)
      break;
    p = (size_t)(q - data);
    if (!is_tag_of(data, len, p, node))
      continue;
    if (ck_xml_markup_end(data, len, p + 1, false) < le && k-- == 0) {
      *off = p;
      return true;
    }
  }
  return false;
}

static void node_position(const ck_xml_lines *li, const xmlNode *node, unsigned *line,
                          unsigned *col) {
  size_t off;
  long l = node ? xmlGetLineNo(node) : -1;
  *line = l > 0 ? (unsigned)l : 0;
  *col = 0;
  if (node && find_start_tag(li, node, &off))
    ck_xmlpos_at(&li->map, off, line, col);
}

static bool text_position(const ck_xml_lines *li, const xmlNode *node, unsigned *line,
                          unsigned *col) {
  /* node_position's work, with the start tag kept for the text after it */
  size_t off;
  long l = node ? xmlGetLineNo(node) : -1;
  *line = l > 0 ? (unsigned)l : 0;
  *col = 0;
  if (!node || !find_start_tag(li, node, &off))
    return false;
  ck_xmlpos_at(&li->map, off, line, col);
  if (*col == 0)
    return false;
  const char *data = li->map.p;
  size_t len = li->map.len, gt = ck_xml_markup_end(data, len, off + 1, false);
  if (gt >= len || data[gt - 1] == '/')
    return false;
  size_t q = gt + 1;
  for (;;) {
    while (q < len && is_space((unsigned char)data[q]))
      q++;
    size_t text = ck_xml_past_cdata_open(data, len, q);
    if (text == q)
      break;
    q = text;
  }
  if (q >= len || data[q] == '<')
    return false;
  ck_xmlpos_at(&li->map, q, line, col);
  return true;
}

void ck_xml_node_position(const char *data, size_t len, const xmlNode *node, unsigned *line,
                          unsigned *col) {
  ck_xml_lines li;
  ck_xml_lines_init(&li, data, len);
  node_position(&li, node, line, col);
  ck_xml_lines_free(&li);
}

bool ck_xml_text_position(const char *data, size_t len, const xmlNode *node, unsigned *line,
                          unsigned *col) {
  ck_xml_lines li;
  ck_xml_lines_init(&li, data, len);
  bool found = text_position(&li, node, line, col);
  ck_xml_lines_free(&li);
  return found;
}

void ck_xml_lines_init(ck_xml_lines *li, const char *data, size_t len) {
  /* a byte order mark is not a column; lines are libxml2's, by which
     find_start_tag() looks for a node */
  size_t start = data && len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
  ck_xmlpos_init(&li->map, data, len, start, true, false);
  li->n = ck_xmlpos_lines(&li->map);
}

void ck_xml_lines_free(ck_xml_lines *li) {
  ck_xmlpos_free(&li->map);
  li->n = 0;
}

void ck_xml_lines_node_position(const ck_xml_lines *li, const xmlNode *node, unsigned *line,
                                unsigned *col) {
  node_position(li, node, line, col);
}

bool ck_xml_lines_text_position(const ck_xml_lines *li, const xmlNode *node, unsigned *line,
                                unsigned *col) {
  return text_position(li, node, line, col);
}

/* --- errors of validation contexts ------------------------------------------------ */

void ck_xml_error_sink(void *ctx, CK_XML_ERROR_CONST xmlError *error) {
  ck_xml_error_ctx *ec = ctx;
  if (!ec || !error || error->level == XML_ERR_NONE)
    return;
  ck_diag_level level = error->level == XML_ERR_WARNING ? CK_DIAG_WARNING : CK_DIAG_ERROR;
  unsigned line = error->line > 0 ? (unsigned)error->line : 0;
  unsigned col = error->int2 > 0 ? (unsigned)error->int2 : 0;
  const xmlNode *node = error->node;
  if (node && node->type != XML_ELEMENT_NODE)
    node = node->parent;
  if (col == 0 && node && node->type == XML_ELEMENT_NODE && ec->data) {
    unsigned l, c;
    ck_xml_node_position(ec->data, ec->len, node, &l, &c);
    if (c > 0 || line == 0) {
      line = l;
      col = c;
    }
  }
  if (level == CK_DIAG_ERROR)
    ec->errors++;
  add_libxml_message(ec->diags, level, ec->file, line, col, error->message);
}

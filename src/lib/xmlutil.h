/* Safe XML parsing on libxml2, shared by the document reader and the rule
 * loader.
 *
 * Every parse here: never uses the network, never loads a DTD, never
 * substitutes entities; a DOCTYPE that declares an entity is an error (so
 * "billion laughs" and external entities are refused before anything is
 * expanded). libxml2 never prints: its errors become diagnostics with
 * file:line:col. Thread-safe: no process-wide handler is installed (only
 * the calling thread's generic one, for the length of a parse). */
#ifndef CK_XMLUTIL_H
#define CK_XMLUTIL_H

#include <stdbool.h>
#include <stddef.h>

#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlversion.h>

#include "diag.h"
#include "xmlpos.h"

/* Parses 'len' bytes of XML. 'file' names the source in diagnostics;
 * 'limits' (NULL: ck_limits_default) caps element nesting, the number of
 * elements and the attributes per element and in all (counted on the bytes
 * before the parser runs: xmlscan.h). On success stores the document in
 * '*out' (free with xmlFreeDoc) and returns CK_OK; otherwise CK_ERR_INPUT
 * (malformed, entity declarations) or CK_ERR_LIMIT (a cap passed), with one
 * diagnostic for the first error, and '*out' NULL. */
ck_status ck_xml_parse(const char *data, size_t len, const char *file, const ck_limits *limits,
                       xmlDoc **out, ck_diags *diags);

/* ck_xml_parse without the text nodes that hold only white space between
 * elements (libxml2's XML_PARSE_NOBLANKS: white space next to other text,
 * as in mixed content, is kept), and with short texts stored in their node
 * (XML_PARSE_COMPACT: the tree must not be modified). For readers of data
 * documents that never look at indentation: a pretty-printed notice has
 * one blank node per element, and building and freeing the many small
 * nodes was a good part of its reading. */
ck_status ck_xml_parse_data(const char *data, size_t len, const char *file,
                            const ck_limits *limits, xmlDoc **out, ck_diags *diags);

/* ck_xml_parse_data for the XML compiled into the binary (the built-in rule
 * packs), which the unit tests have read: its elements and attributes are
 * not counted on the bytes before the parse, a pass that guards against
 * hostile input only. The parser's own counts and every other guard stay. */
ck_status ck_xml_parse_builtin(const char *data, size_t len, const char *file,
                               const ck_limits *limits, xmlDoc **out, ck_diags *diags);

/* Where each line of a source starts (xmlpos.h), so that finding many
 * nodes' positions costs one pass over the source instead of one per node
 * (a rule pack asks for the position of every rule and pattern). 'data' is
 * borrowed. */
typedef struct ck_xml_lines {
  ck_xmlpos_map map;
  size_t n; /* lines */
} ck_xml_lines;

void ck_xml_lines_init(ck_xml_lines *li, const char *data, size_t len);
void ck_xml_lines_free(ck_xml_lines *li);

/* ck_xml_node_position and ck_xml_text_position (below) through an index
 * of the source's lines: the same results, without a scan from the start. */
void ck_xml_lines_node_position(const ck_xml_lines *li, const xmlNode *node, unsigned *line,
                                unsigned *col);
bool ck_xml_lines_text_position(const ck_xml_lines *li, const xmlNode *node, unsigned *line,
                                unsigned *col);

/* Line and column (1-based, column in characters) of the start tag of
 * 'node' in the source 'data' it was parsed from, which must be UTF-8 or
 * ASCII-compatible for the column to be found. Column 0 when it cannot be
 * found (the line is then libxml2's, that of the tag's end). Each call
 * indexes the lines of 'data': meant for diagnostics, not for every node
 * of a large document (use a ck_xml_lines for many). */
void ck_xml_node_position(const char *data, size_t len, const xmlNode *node, unsigned *line,
                          unsigned *col);

/* Line and column of the first non-space character of the text that
 * follows 'node''s start tag (a CDATA opening is skipped too). Returns false
 * when there is none there (an empty element, or one that starts with a
 * child element) or the tag cannot be found; then the start tag's position
 * is stored. */
bool ck_xml_text_position(const char *data, size_t len, const xmlNode *node, unsigned *line,
                          unsigned *col);

/* Collects libxml2 errors of a validation context (RELAX NG) as diagnostics:
 * pass ck_xml_error_sink as the structured error handler and a
 * ck_xml_error_ctx as its data. Each error is one diagnostic, its column
 * taken from the error or else found from the error's node in 'data';
 * warnings become CK_DIAG_WARNING and are not counted in 'errors'. */
typedef struct ck_xml_error_ctx {
  ck_diags *diags;
  const char *file;
  const char *data; /* source text, for columns; may be NULL */
  size_t len;
  size_t errors;
} ck_xml_error_ctx;

/* libxml2 2.12 made the error argument of xmlStructuredErrorFunc const; the
 * sink matches whichever version it is built against, so it can be passed
 * to xmlRelaxNGSetValidStructuredErrors() without a cast. */
#if LIBXML_VERSION >= 21200
#define CK_XML_ERROR_CONST const
#else
#define CK_XML_ERROR_CONST
#endif

void ck_xml_error_sink(void *ctx, CK_XML_ERROR_CONST xmlError *error);

#endif

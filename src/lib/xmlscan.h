/* The tag scanner: one light, linear pass over an XML source that libxml2
 * has accepted, listing every start tag, comment and processing
 * instruction in source order with the offsets of its '<', of its content
 * and of the end of its element. The k-th of them is the k-th element,
 * comment or processing instruction of the tree in document order, so
 * pairing the two (ck_xml_pairing) gives every node its exact place in the
 * source without searching. Shared by the XML and the notice reader; the
 * node positions of rule files (xmlutil.c) and the sniffing of a notice's
 * root (xmlroot.c) use its pieces.
 *
 * Skipped, not listed: the XML declaration, end tags, CDATA sections and a
 * DOCTYPE with its internal subset (quoted strings, comments and
 * processing instructions inside it included: none is a node of the
 * document tree). */
#ifndef CK_XMLSCAN_H
#define CK_XMLSCAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <libxml/tree.h>

typedef enum { CK_XML_TAG_ELEMENT, CK_XML_TAG_COMMENT, CK_XML_TAG_PI } ck_xml_tag_kind;

typedef struct ck_xml_tag {
  size_t start;    /* offset of '<' */
  size_t content;  /* just past the start tag's '>'; for the others, just past them */
  size_t end;      /* just past the end tag ('content' for an empty-element tag and
                      the others) */
  size_t name;       /* offset of an element's qualified name as written */
  uint32_t name_len; /* its length; UINT32_MAX for a longer one, which pairs with none */
  ck_xml_tag_kind kind;
} ck_xml_tag;

typedef struct ck_xml_tags {
  ck_xml_tag *tags;
  size_t n, cap;
  size_t *open; /* scratch: the elements whose end tag is still to come */
  size_t depth, cap_open;
} ck_xml_tags;

/* Lists the tags of p[from, len) (a byte order mark before 'from') into
 * 't', which starts zeroed; free with ck_xml_tags_free. The source must be
 * well-formed: nothing is checked. */
void ck_xml_scan(const char *p, size_t len, size_t from, ck_xml_tags *t);
void ck_xml_tags_free(ck_xml_tags *t);

/* Offset of the '>' that closes the markup whose name or body starts at
 * 'i' ('>' inside quoted values does not count; with 'doctype', neither
 * does the internal subset), or 'len' when there is none. */
size_t ck_xml_markup_end(const char *p, size_t len, size_t i, bool doctype);

/* Length of the name written at p[i] (up to white space, '/' or '>'). */
size_t ck_xml_name_len(const char *p, size_t len, size_t i);

/* Whether s[0, n) is the qualified name 'node' is written with: "name",
 * or "prefix:name" when its namespace has a prefix. */
bool ck_xml_is_qname(const char *s, size_t n, const xmlNode *node);

/* Whether two elements are written with the same qualified name. Inline:
 * numbering siblings (xpath.c) asks it for every element, twice. */
static inline bool ck_xml_same_qname(const xmlNode *a, const xmlNode *b) {
  const xmlChar *pa = a->ns ? a->ns->prefix : NULL, *pb = b->ns ? b->ns->prefix : NULL;
  if ((pa == NULL) != (pb == NULL))
    return false;
  return xmlStrEqual(a->name, b->name) && (!pa || xmlStrEqual(pa, pb));
}

/* 'off' moved past "<![CDATA[" when one starts there: where the text of a
 * CDATA section begins. */
size_t ck_xml_past_cdata_open(const char *p, size_t len, size_t off);

/* Offset of the root element's '<' in p[0, len): past white space, the XML
 * declaration, processing instructions, comments and a DOCTYPE. 'len'
 * when there is something else first, or the prolog does not end within
 * 'len' bytes (the source may be cut: nothing is assumed well-formed). */
size_t ck_xml_root_start(const char *p, size_t len);

/* Caps on what a source may make the XML parser build, checked on the bytes
 * before it runs: libxml2 takes time quadratic in the attributes of one
 * element (80,000 took 8 s), and memory many times the source for a flood
 * of empty elements. 0 is no cap. */
typedef struct ck_xml_counts {
  size_t max_elements;         /* start tags in the source */
  size_t max_attributes;       /* attributes (namespace declarations too) of one element */
  size_t max_total_attributes; /* attributes of all elements */
} ck_xml_counts;

typedef enum {
  CK_XML_COUNTS_OK,
  CK_XML_TOO_MANY_ELEMENTS,
  CK_XML_TOO_MANY_ATTRIBUTES,
  CK_XML_TOO_MANY_ATTRIBUTES_IN_ALL
} ck_xml_count_verdict;

/* Counts the start tags of p[0, len) and the attributes in them (each '='
 * outside quoted values; comments, CDATA, processing instructions and a
 * DOCTYPE skipped), in one linear pass that stops at the first cap passed,
 * with the offset of that element's '<' in '*where'. The source need not
 * be well-formed: on a malformed one the counts are what the parser would
 * at most see. Bytes are read as ASCII, so a UTF-16 source is not counted
 * right: the parser's own callbacks count those. */
ck_xml_count_verdict ck_xml_count(const char *p, size_t len, const ck_xml_counts *caps,
                                  size_t *where);

/* Walks a tree in document order (into every element), pairing each
 * element, comment and processing instruction with the next tag of the
 * scan. */
typedef struct ck_xml_pairing {
  const ck_xml_tags *tags;
  const char *p; /* the scanned source */
  xmlNode *next; /* the node the next call returns */
  size_t k;      /* tags handed out */
  bool ok;       /* every node so far met a tag of its kind and name */
} ck_xml_pairing;

void ck_xml_pairing_start(ck_xml_pairing *pr, const ck_xml_tags *tags, const char *p,
                          xmlDoc *xdoc);
/* The next node, NULL after the last. '*ordinal' is its tag's index plus
 * one for an element, comment or processing instruction, else 0. After a
 * mismatch the walk goes on (the ordinals then mean nothing). */
xmlNode *ck_xml_pairing_next(ck_xml_pairing *pr, size_t *ordinal);
/* After the walk: true when every node met its tag and every tag a node. */
bool ck_xml_pairing_ok(const ck_xml_pairing *pr);

#endif

/* XPaths of elements, written the way libxml2's xmlGetNodePath() writes
 * them ("/cac:Lot[2]/cbc:Name"; "*" for an element in a default namespace;
 * "[n]" only among several siblings of that name), but without its cost:
 * the siblings of a parent are numbered in one pass, the first time one of
 * them is asked for, so xpaths stay linear even for thousands of siblings.
 * Shared by the XML and the notice reader.
 *
 * One difference, kept as the readers have always written it: a "*" step
 * is numbered among the "*" siblings (when the parent has more than one
 * element child), where xmlGetNodePath() counts every element sibling
 * before it. They agree unless a default-namespace element has prefixed or
 * unqualified siblings.
 *
 * Each number, plus one, is kept in the element's psvi field, which is
 * unused without schema validation: the tree must not be validated while
 * xpaths are taken from it. */
#ifndef CK_XPATH_H
#define CK_XPATH_H

#include <stddef.h>

#include <libxml/tree.h>

#include "util.h"

/* Scratch space, reused from one step to the next; starts zeroed. */
typedef struct ck_xpath {
  struct ck_xpath_slot *slots; /* same-named siblings while they are numbered */
  size_t nslots;
  unsigned stamp; /* of the parent being numbered */
  const xmlNode **chain; /* ancestors, for ck_xpath_below */
  size_t cap_chain;
} ck_xpath;

void ck_xpath_free(ck_xpath *xp);

/* Appends the step of element 'e' ("/" and its name, with "[n]" when it
 * needs one) to 'b'. */
void ck_xpath_put_step(ck_xpath *xp, ck_buf *b, const xmlNode *e);

/* Writes into 'out' (reset first) the xpath of element 'e': 'base_path',
 * the path of its ancestor 'base', followed by the steps below 'base'.
 * Returns out's text. */
const char *ck_xpath_below(ck_xpath *xp, ck_buf *out, const xmlNode *base, const char *base_path,
                           const xmlNode *e);

#endif

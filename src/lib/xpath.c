/* XPaths of elements (see xpath.h). */
#include "xpath.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xmlscan.h"

/* A same-named group of siblings while they are numbered. A slot is in
 * use for the parent being numbered only when its stamp is that parent's:
 * the table is not cleared between parents. */
typedef struct ck_xpath_slot {
  const xmlNode *node; /* the first of them: its name and prefix */
  unsigned total, seen;
  unsigned stamp;
} ck_xpath_slot;

/* Elements in a default namespace are written "*" by xmlGetNodePath. */
static bool generic_step(const xmlNode *e) { return e->ns && !e->ns->prefix; }

static unsigned hash_qname(const xmlNode *e) {
  unsigned h = 2166136261u;
  for (const xmlChar *c = e->name; *c; c++)
    h = (h ^ *c) * 16777619u;
  if (e->ns && e->ns->prefix)
    for (const xmlChar *c = e->ns->prefix; *c; c++)
      h = (h ^ *c) * 16777619u;
  return h;
}

/* The slot of 'e''s name in a table of 'size' slots (a power of two, never
 * full): its own, or the free one where it goes. */
static ck_xpath_slot *find_slot(ck_xpath_slot *slots, size_t size, unsigned stamp,
                                const xmlNode *e) {
  size_t i = hash_qname(e) & (size - 1);
  while (slots[i].stamp == stamp && !ck_xml_same_qname(slots[i].node, e))
    i = (i + 1) & (size - 1);
  return &slots[i];
}

/* Doubles the table (or makes its first one), keeping the names of the
 * parent being numbered. */
static void grow_slots(ck_xpath *xp) {
  size_t old = xp->nslots, size = old ? old * 2 : 64;
  ck_xpath_slot *slots = ck_xcalloc(size, sizeof *slots);
  for (size_t i = 0; i < old; i++)
    if (xp->slots[i].stamp == xp->stamp)
      *find_slot(slots, size, xp->stamp, xp->slots[i].node) = xp->slots[i];
  free(xp->slots);
  xp->slots = slots;
  xp->nslots = size;
}

/* Numbers the element children of 'parent' and keeps each number, plus
 * one, in the child's psvi field (0 + 1 for a step without "[n]"). Two
 * passes over the children: a parent may have hundreds of thousands, far
 * apart in memory, while the table grows only with the names among them. */
static void number_children(ck_xpath *xp, const xmlNode *parent) {
  if (!xp->slots)
    grow_slots(xp);
  if (++xp->stamp == 0) { /* after 2^32 parents: every stamp is stale again */
    memset(xp->slots, 0, xp->nslots * sizeof *xp->slots);
    xp->stamp = 1;
  }
  size_t n = 0, names = 0;
  for (const xmlNode *c = parent->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE)
      continue;
    n++;
    if (generic_step(c))
      continue;
    ck_xpath_slot *sl = find_slot(xp->slots, xp->nslots, xp->stamp, c);
    if (sl->stamp != xp->stamp) {
      *sl = (ck_xpath_slot){.node = c, .stamp = xp->stamp};
      names++;
    }
    sl->total++;
    if (2 * names > xp->nslots)
      grow_slots(xp);
  }
  unsigned seen_all = 0;
  for (xmlNode *c = parent->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE)
      continue;
    unsigned index;
    if (generic_step(c)) {
      seen_all++;
      index = n > 1 ? seen_all : 0;
    } else {
      ck_xpath_slot *sl = find_slot(xp->slots, xp->nslots, xp->stamp, c);
      sl->seen++;
      index = sl->total > 1 ? sl->seen : 0;
    }
    c->psvi = (void *)(uintptr_t)(index + 1);
  }
}

void ck_xpath_put_step(ck_xpath *xp, ck_buf *b, const xmlNode *e) {
  if (!e->psvi)
    number_children(xp, e->parent);
  ck_buf_putc(b, '/');
  if (generic_step(e)) {
    ck_buf_putc(b, '*');
  } else {
    if (e->ns && e->ns->prefix) {
      ck_buf_puts(b, (const char *)e->ns->prefix);
      ck_buf_putc(b, ':');
    }
    ck_buf_puts(b, (const char *)e->name);
  }
  unsigned index = (unsigned)(uintptr_t)e->psvi - 1;
  if (index) {
    /* "[n]" by hand: printf's parsing of the format cost more than the
       rest of the step. */
    char tmp[16];
    size_t n = sizeof tmp;
    tmp[--n] = ']';
    do {
      tmp[--n] = (char)('0' + index % 10);
      index /= 10;
    } while (index);
    tmp[--n] = '[';
    ck_buf_put(b, tmp + n, sizeof tmp - n);
  }
}

const char *ck_xpath_below(ck_xpath *xp, ck_buf *out, const xmlNode *base, const char *base_path,
                           const xmlNode *e) {
  size_t n = 0;
  for (const xmlNode *a = e; a && a != base && a->type == XML_ELEMENT_NODE; a = a->parent) {
    CK_GROW(xp->chain, xp->cap_chain, n + 1);
    xp->chain[n++] = a;
  }
  ck_buf_reset(out);
  ck_buf_puts(out, base_path);
  while (n > 0)
    ck_xpath_put_step(xp, out, xp->chain[--n]);
  return ck_buf_cstr(out);
}

void ck_xpath_free(ck_xpath *xp) {
  free(xp->slots);
  free(xp->chain);
  memset(xp, 0, sizeof *xp);
}

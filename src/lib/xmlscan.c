/* The tag scanner (see xmlscan.h). */
#include "xmlscan.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

static bool starts(const char *p, size_t len, size_t i, const char *lit) {
  size_t n = strlen(lit);
  return i + n <= len && memcmp(p + i, lit, n) == 0;
}

static bool is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/* Offset just past the first 'lit' at or after 'from', or 'len'. */
static size_t past(const char *p, size_t len, size_t from, const char *lit) {
  size_t n = strlen(lit);
  while (from + n <= len) {
    const char *hit = memchr(p + from, lit[0], len - from - n + 1);
    if (!hit)
      break;
    if (memcmp(hit, lit, n) == 0)
      return (size_t)(hit - p) + n;
    from = (size_t)(hit - p) + 1;
  }
  return len;
}

/* Bytes that ck_xml_markup_end() must look at; the rest is skipped. */
static const unsigned char markup_stop[256] = {
    ['"'] = 1, ['\''] = 1, ['>'] = 1, ['['] = 1, [']'] = 1, ['<'] = 1};

size_t ck_xml_markup_end(const char *p, size_t len, size_t i, bool doctype) {
  int bracket = 0;
  while (i < len) {
    while (i < len && !markup_stop[(unsigned char)p[i]])
      i++;
    if (i >= len)
      break;
    char c = p[i];
    if (c == '"' || c == '\'') {
      const char *q = memchr(p + i + 1, c, len - i - 1);
      if (!q)
        return len;
      i = (size_t)(q - p) + 1;
      continue;
    }
    if (doctype && c == '[') {
      bracket++;
    } else if (doctype && c == ']') {
      bracket--;
    } else if (doctype && bracket > 0 && starts(p, len, i, "<!--")) {
      /* a quote or '>' in a comment or processing instruction of the
         internal subset is not markup */
      i = past(p, len, i + 4, "-->");
      continue;
    } else if (doctype && bracket > 0 && starts(p, len, i, "<?")) {
      i = past(p, len, i + 2, "?>");
      continue;
    } else if (c == '>' && bracket <= 0) {
      return i;
    }
    i++;
  }
  return len;
}

/* Bytes that end an element name in a tag. */
static const unsigned char name_stop[256] = {
    [' '] = 1, ['\t'] = 1, ['\r'] = 1, ['\n'] = 1, ['/'] = 1, ['>'] = 1};

size_t ck_xml_name_len(const char *p, size_t len, size_t i) {
  size_t j = i;
  while (j < len && !name_stop[(unsigned char)p[j]])
    j++;
  return j - i;
}

/* Just past the '>' at 'gt' (ck_xml_markup_end's answer), or 'len'. */
static size_t past_gt(size_t gt, size_t len) { return gt < len ? gt + 1 : len; }

static ck_xml_tag *push_tag(ck_xml_tags *t, ck_xml_tag_kind kind, size_t start) {
  if (t->n == t->cap)
    CK_GROW(t->tags, t->cap, t->n + 1);
  ck_xml_tag *tag = &t->tags[t->n++];
  *tag = (ck_xml_tag){.kind = kind, .start = start};
  return tag;
}

void ck_xml_scan(const char *p, size_t len, size_t from, ck_xml_tags *t) {
  size_t i = from;
  if (starts(p, len, i, "<?xml") && i + 5 < len && is_space((unsigned char)p[i + 5]))
    i = past(p, len, i + 5, "?>"); /* the XML declaration is not a node */
  while (i < len) {
    const char *lt = memchr(p + i, '<', len - i);
    if (!lt)
      break;
    i = (size_t)(lt - p);
    char after = i + 1 < len ? p[i + 1] : 0;
    size_t next;
    if (after == '!' && starts(p, len, i, "<!--")) {
      ck_xml_tag *tag = push_tag(t, CK_XML_TAG_COMMENT, i);
      next = tag->content = tag->end = past(p, len, i + 4, "-->");
    } else if (after == '!' && starts(p, len, i, "<![CDATA[")) {
      next = past(p, len, i + 9, "]]>");
    } else if (after == '?') {
      ck_xml_tag *tag = push_tag(t, CK_XML_TAG_PI, i);
      next = tag->content = tag->end = past(p, len, i + 2, "?>");
    } else if (after == '!') {
      next = past_gt(ck_xml_markup_end(p, len, i + 2, true), len);
    } else if (after == '/') {
      /* an end tag has no attributes, so no quoted '>' */
      const char *gt = memchr(p + i + 2, '>', len - i - 2);
      next = gt ? (size_t)(gt - p) + 1 : len;
      if (t->depth > 0)
        t->tags[t->open[--t->depth]].end = next;
    } else {
      size_t at = t->n;
      ck_xml_tag *tag = push_tag(t, CK_XML_TAG_ELEMENT, i);
      size_t name_len = ck_xml_name_len(p, len, i + 1);
      tag->name = i + 1;
      tag->name_len = name_len < UINT32_MAX ? (uint32_t)name_len : UINT32_MAX;
      size_t gt = ck_xml_markup_end(p, len, i + 1 + name_len, false);
      next = tag->content = tag->end = past_gt(gt, len); /* 'end' until its end tag is seen */
      if (!(gt < len && p[gt - 1] == '/')) {
        if (t->depth == t->cap_open)
          CK_GROW(t->open, t->cap_open, t->depth + 1);
        t->open[t->depth++] = at;
      }
    }
    i = next;
  }
}

void ck_xml_tags_free(ck_xml_tags *t) {
  free(t->tags);
  free(t->open);
  memset(t, 0, sizeof *t);
}

bool ck_xml_is_qname(const char *s, size_t n, const xmlNode *node) {
  const xmlChar *prefix = node->ns ? node->ns->prefix : NULL;
  size_t pl = prefix ? strlen((const char *)prefix) : 0;
  size_t nl = strlen((const char *)node->name);
  if (n != (pl ? pl + 1 + nl : nl))
    return false;
  if (pl && (memcmp(s, prefix, pl) != 0 || s[pl] != ':'))
    return false;
  return memcmp(s + (pl ? pl + 1 : 0), node->name, nl) == 0;
}

size_t ck_xml_past_cdata_open(const char *p, size_t len, size_t off) {
  return starts(p, len, off, "<![CDATA[") ? off + 9 : off;
}

size_t ck_xml_root_start(const char *p, size_t len) {
  size_t i = 0;
  while (i < len) {
    if (is_space((unsigned char)p[i])) {
      i++;
      continue;
    }
    if (p[i] != '<')
      return len;
    if (starts(p, len, i, "<?"))
      i = past(p, len, i + 2, "?>");
    else if (starts(p, len, i, "<!--"))
      i = past(p, len, i + 4, "-->");
    else if (starts(p, len, i, "<!"))
      i = past_gt(ck_xml_markup_end(p, len, i + 2, true), len);
    else
      return i;
  }
  return len;
}

/* --- pairing ----------------------------------------------------------------------------- */

void ck_xml_pairing_start(ck_xml_pairing *pr, const ck_xml_tags *tags, const char *p,
                          xmlDoc *xdoc) {
  *pr = (ck_xml_pairing){.tags = tags, .p = p, .next = xdoc->children, .ok = true};
}

static bool pairs(const ck_xml_pairing *pr, const xmlNode *n, ck_xml_tag_kind kind) {
  if (pr->k >= pr->tags->n)
    return false;
  const ck_xml_tag *t = &pr->tags->tags[pr->k];
  return t->kind == kind &&
         (kind != CK_XML_TAG_ELEMENT || ck_xml_is_qname(pr->p + t->name, t->name_len, n));
}

xmlNode *ck_xml_pairing_next(ck_xml_pairing *pr, size_t *ordinal) {
  xmlNode *n = pr->next;
  if (!n)
    return NULL;
  *ordinal = 0;
  if (n->type == XML_ELEMENT_NODE || n->type == XML_COMMENT_NODE || n->type == XML_PI_NODE) {
    ck_xml_tag_kind kind = n->type == XML_ELEMENT_NODE   ? CK_XML_TAG_ELEMENT
                           : n->type == XML_COMMENT_NODE ? CK_XML_TAG_COMMENT
                                                         : CK_XML_TAG_PI;
    if (pr->ok && !pairs(pr, n, kind))
      pr->ok = false;
    *ordinal = ++pr->k;
  }
  /* the next node in document order: the first child of an element, else
     the next sibling of the node or of its nearest element ancestor */
  xmlNode *m = n;
  if (m->type == XML_ELEMENT_NODE && m->children) {
    pr->next = m->children;
    return n;
  }
  while (m && !m->next)
    m = m->parent && m->parent->type == XML_ELEMENT_NODE ? m->parent : NULL;
  pr->next = m ? m->next : NULL;
  return n;
}

bool ck_xml_pairing_ok(const ck_xml_pairing *pr) { return pr->ok && pr->k == pr->tags->n; }

/* --- counting before parsing --------------------------------------------------------- */

/* The '=' of each attribute in the start tag whose name starts at 'i', up
   to its '>': returns the offset of that '>' (or 'len') and adds the count
   to '*n', stopping early once it passes 'cap'. */
static size_t count_attributes(const char *p, size_t len, size_t i, size_t cap, size_t *n) {
  while (i < len) {
    unsigned char c = (unsigned char)p[i];
    if (c == '>' || c == '<')
      return i;
    if (c == '"' || c == '\'') {
      const char *q = memchr(p + i + 1, c, len - i - 1);
      if (!q)
        return len;
      i = (size_t)(q - p) + 1;
      continue;
    }
    if (c == '=' && ++*n > cap)
      return i;
    i++;
  }
  return len;
}

ck_xml_count_verdict ck_xml_count(const char *p, size_t len, const ck_xml_counts *caps,
                                  size_t *where) {
  size_t elements = 0, total = 0, i = 0;
  *where = 0;
  while (i < len) {
    const char *lt = memchr(p + i, '<', len - i);
    if (!lt)
      break;
    i = (size_t)(lt - p);
    if (starts(p, len, i, "<!--")) {
      i = past(p, len, i + 4, "-->");
    } else if (starts(p, len, i, "<![CDATA[")) {
      i = past(p, len, i + 9, "]]>");
    } else if (starts(p, len, i, "<!")) {
      i = past_gt(ck_xml_markup_end(p, len, i + 2, true), len);
    } else if (starts(p, len, i, "<?")) {
      i = past(p, len, i + 2, "?>");
    } else if (starts(p, len, i, "</")) {
      i = past_gt(ck_xml_markup_end(p, len, i + 2, false), len);
    } else {
      if (caps->max_elements && ++elements > caps->max_elements) {
        *where = i;
        return CK_XML_TOO_MANY_ELEMENTS;
      }
      size_t on_element = 0;
      size_t per_cap = caps->max_attributes ? caps->max_attributes : SIZE_MAX;
      size_t end = count_attributes(p, len, i + 1, per_cap, &on_element);
      if (on_element > per_cap) {
        *where = i;
        return CK_XML_TOO_MANY_ATTRIBUTES;
      }
      total += on_element;
      if (caps->max_total_attributes && total > caps->max_total_attributes) {
        *where = i;
        return CK_XML_TOO_MANY_ATTRIBUTES_IN_ALL;
      }
      /* A '<' inside a tag (malformed, left to the parser) starts the
         next round; 'end' is past 'i' either way. */
      i = end < len && p[end] == '>' ? end + 1 : end;
    }
  }
  return CK_XML_COUNTS_OK;
}

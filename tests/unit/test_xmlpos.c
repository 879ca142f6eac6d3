/* Tests of the XML position layer the readers share: line and column of
 * offsets (xmlpos.c), the tag scanner and its pairing with the tree
 * (xmlscan.c), xpaths (xpath.c) and the names of notice roots
 * (xmlroot.c). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "harness.h"
#include "xmlpos.h"
#include "xmlroot.h"
#include "xmlscan.h"
#include "xmlutil.h"
#include "xpath.h"

/* --- line and column -------------------------------------------------------------- */

/* The position of every offset, counted the slow, obvious way: what the
 * index must agree with. */
static void reference_at(const char *p, size_t start, size_t off, bool utf8, bool cr_ends_line,
                         unsigned *line, unsigned *col) {
  unsigned l = 1, c = 1;
  for (size_t i = start; i < off; i++) {
    unsigned char b = (unsigned char)p[i];
    if (b == '\n' || (cr_ends_line && b == '\r' && p[i + 1] != '\n')) {
      l++;
      c = 1;
    } else if (!(cr_ends_line && b == '\r') && (!utf8 || (b & 0xC0) != 0x80)) {
      c++;
    }
  }
  *line = l;
  *col = c;
}

/* Checks every offset of 'p' (NUL-terminated) in both line modes. */
static void check_all_offsets(const char *what, const char *p, size_t start, bool utf8) {
  size_t len = strlen(p);
  for (int mode = 0; mode < 2; mode++) {
    ck_xmlpos_map m;
    ck_xmlpos_init(&m, p, len, start, utf8, mode == 1);
    size_t bad = 0;
    for (size_t off = start; off <= len; off++) {
      unsigned l, c, wl, wc;
      ck_xmlpos_at(&m, off, &l, &c);
      reference_at(p, start, off, utf8, mode == 1, &wl, &wc);
      if (l != wl || c != wc) {
        if (bad++ == 0)
          OK(false, "%s (cr_ends_line %d): offset %zu at %u:%u, want %u:%u", what, mode, off, l,
             c, wl, wc);
      }
    }
    INT_EQ(bad, 0, what);
    ck_xmlpos_free(&m);
  }
}

static void test_line_col(void) {
  ck_xmlpos_map m;
  /* "æ" and "€" are one column each, however many bytes */
  const char utf[] = "a\xC3\xA6"
                     "b\n\xE2\x82\xAC"
                     "d";
  ck_xmlpos_init(&m, utf, sizeof utf - 1, 0, true, true);
  unsigned l, c;
  ck_xmlpos_at(&m, 3, &l, &c);
  OK(l == 1 && c == 3, "b after a two-byte letter at %u:%u, want 1:3", l, c);
  ck_xmlpos_at(&m, 8, &l, &c);
  OK(l == 2 && c == 2, "d after a three-byte sign at %u:%u, want 2:2", l, c);
  ck_xmlpos_at(&m, 100, &l, &c);
  OK(l == 2 && c == 3, "past the end: the end, %u:%u", l, c);
  ck_xmlpos_free(&m);

  /* CRLF ends one line; the CR is no column */
  const char crlf[] = "ab\r\ncd\r\n\r\n\xC3\xB8x";
  ck_xmlpos_init(&m, crlf, sizeof crlf - 1, 0, true, true);
  INT_EQ(ck_xmlpos_lines(&m), 4, "CRLF lines");
  ck_xmlpos_at(&m, 4, &l, &c);
  OK(l == 2 && c == 1, "c at %u:%u, want 2:1", l, c);
  ck_xmlpos_at(&m, 12, &l, &c);
  OK(l == 4 && c == 2, "x after a blank line and a letter at %u:%u, want 4:2", l, c);
  size_t s, e;
  OK(ck_xmlpos_line(&m, 2, &s, &e) && s == 4 && e == 6, "line 2 is [4, 6) before its CRLF");
  OK(ck_xmlpos_line(&m, 3, &s, &e) && s == 8 && e == 8, "line 3 is empty");
  OK(ck_xmlpos_line(&m, 4, &s, &e) && s == 10 && e == sizeof crlf - 1, "line 4 runs to the end");
  OK(!ck_xmlpos_line(&m, 5, &s, &e), "no line 5");
  ck_xmlpos_free(&m);

  /* a lone CR ends a line for the readers, not where lines are libxml2's */
  const char cr[] = "a\rb";
  ck_xmlpos_init(&m, cr, 3, 0, true, true);
  ck_xmlpos_at(&m, 2, &l, &c);
  OK(l == 2 && c == 1, "lone CR ends a line: %u:%u", l, c);
  ck_xmlpos_free(&m);
  ck_xmlpos_init(&m, cr, 3, 0, true, false);
  ck_xmlpos_at(&m, 2, &l, &c);
  OK(l == 1 && c == 3, "LF only: the CR is a column, %u:%u", l, c);
  ck_xmlpos_free(&m);

  /* a byte order mark is not a column; a single-byte source counts bytes */
  const char bom[] = "\xEF\xBB\xBF<a>\n<b/>";
  ck_xmlpos_init(&m, bom, sizeof bom - 1, 3, true, true);
  ck_xmlpos_at(&m, 3, &l, &c);
  OK(l == 1 && c == 1, "first '<' after the BOM at %u:%u", l, c);
  ck_xmlpos_free(&m);
  const char latin1[] = "\xE6\xF8x";
  ck_xmlpos_init(&m, latin1, 3, 0, false, true);
  ck_xmlpos_at(&m, 2, &l, &c);
  OK(l == 1 && c == 3, "Latin-1 bytes are columns: %u:%u", l, c);
  ck_xmlpos_free(&m);

  /* every offset, against the obvious count: a long line (a notice on one
     line has marks inside it), multi-byte letters across the marks, every
     kind of line end */
  char *line = malloc(5000);
  size_t n = 0;
  for (int i = 0; i < 1500; i++) {
    const char *piece = i % 7 == 0 ? "\xC3\xA6" : i % 11 == 0 ? "\xE2\x82\xAC" : "x";
    memcpy(line + n, piece, strlen(piece));
    n += strlen(piece);
  }
  line[n] = '\0';
  check_all_offsets("one long line", line, 0, true);
  check_all_offsets("one long line, bytes", line, 0, false);
  free(line);
  check_all_offsets("line ends", "<a>\r\n <b>\xC3\xA6</b>\r<c/>\n\n\r\r\n<d>\xE2\x82\xAC</d>\r", 0,
                    true);
  check_all_offsets("after a BOM", "\xEF\xBB\xBF<a>\n\xC3\xB8</a>", 3, true);
  check_all_offsets("empty", "", 0, true);
}

/* --- the tag scanner ------------------------------------------------------------------- */

static const char *kind_name(ck_xml_tag_kind k) {
  return k == CK_XML_TAG_ELEMENT ? "element" : k == CK_XML_TAG_COMMENT ? "comment" : "pi";
}

/* The offset of the first 'needle' in 'hay'. */
static size_t off_of(const char *hay, const char *needle) {
  const char *p = strstr(hay, needle);
  return p ? (size_t)(p - hay) : (size_t)-1;
}

static void test_scanner(void) {
  /* Markup that must not be taken for tags: a comment, CDATA and attribute
     values holding '<' and '>'; a DOCTYPE whose internal subset has a
     processing instruction with a quote and a '>' in it, a comment with a
     '>' and a quoted '>' (none of them is a node of the tree). */
  const char xml[] = "<?xml version=\"1.0\"?>\n"
                     "<!DOCTYPE r [\n"
                     "  <?pi don't > ?>\n"
                     "  <!-- ' > -->\n"
                     "  <!ATTLIST r a CDATA \"x>y\">\n"
                     "]>\n"
                     "<r a=\"1>2\" b='/>'>\n"
                     "  <!-- <x> \"here\" -->\n"
                     "  <p:x xmlns:p=\"urn:p\">t<![CDATA[ <y> ]]></p:x>\n"
                     "  <?tool run \"a\"?>\n"
                     "  <e/><e >\xC3\xA6</e>\n"
                     "</r>\n"
                     "<!-- after -->";
  size_t len = sizeof xml - 1;
  ck_xml_tags t = {0};
  ck_xml_scan(xml, len, 0, &t);
  struct {
    ck_xml_tag_kind kind;
    const char *at;   /* text the tag starts with */
    const char *name; /* elements */
  } want[] = {
      {CK_XML_TAG_ELEMENT, "<r a=", "r"},      {CK_XML_TAG_COMMENT, "<!-- <x>", NULL},
      {CK_XML_TAG_ELEMENT, "<p:x", "p:x"},     {CK_XML_TAG_PI, "<?tool", NULL},
      {CK_XML_TAG_ELEMENT, "<e/>", "e"},       {CK_XML_TAG_ELEMENT, "<e >", "e"},
      {CK_XML_TAG_COMMENT, "<!-- after", NULL},
  };
  size_t nwant = sizeof want / sizeof *want;
  INT_EQ(t.n, nwant, "tags listed (declaration, DOCTYPE, CDATA and end tags are not)");
  for (size_t i = 0; i < t.n && i < nwant; i++) {
    const ck_xml_tag *g = &t.tags[i];
    OK(g->kind == want[i].kind, "tag %zu is a %s, want %s", i, kind_name(g->kind),
       kind_name(want[i].kind));
    INT_EQ(g->start, off_of(xml, want[i].at), "tag's '<'");
    if (want[i].name)
      OK(g->name_len == strlen(want[i].name) &&
             memcmp(xml + g->name, want[i].name, g->name_len) == 0,
         "tag %zu named %.*s, want %s", i, (int)g->name_len, xml + g->name, want[i].name);
  }
  if (t.n == nwant) {
    /* content just past the start tag's '>', end just past the end tag */
    INT_EQ(t.tags[0].content, off_of(xml, "/>'>") + 4, "r's content past a quoted '/>'");
    INT_EQ(t.tags[0].end, off_of(xml, "</r>") + 4, "r ends after </r>");
    INT_EQ(t.tags[2].end, off_of(xml, "</p:x>") + 6, "p:x ends after its end tag");
    INT_EQ(t.tags[4].content, t.tags[4].end, "empty-element tag: content is its end");
    INT_EQ(t.tags[4].end, off_of(xml, "<e/>") + 4, "<e/> ends at its '>'");
    INT_EQ(t.tags[1].end, off_of(xml, "\"here\" -->") + 10, "a comment ends past '-->'");
    INT_EQ(t.tags[3].end, off_of(xml, "\"a\"?>") + 5, "a PI ends past '?>'");
  }

  /* The tree agrees: the k-th tag is the k-th element, comment or PI. */
  ck_diags d = CK_DIAGS_INIT;
  xmlDoc *x = NULL;
  INT_EQ(ck_xml_parse(xml, len, "scan.xml", NULL, &x, &d), CK_OK, "parse");
  if (x) {
    ck_xml_pairing pr;
    ck_xml_pairing_start(&pr, &t, xml, x);
    size_t k, nodes = 0, paired = 0;
    for (xmlNode *n; (n = ck_xml_pairing_next(&pr, &k)) != NULL; nodes++) {
      if (!k)
        continue;
      paired++;
      const ck_xml_tag *g = &t.tags[k - 1];
      if (n->type == XML_ELEMENT_NODE)
        OK(ck_xml_is_qname(xml + g->name, g->name_len, n), "element %s paired with its tag",
           (const char *)n->name);
      else
        OK(g->kind == (n->type == XML_COMMENT_NODE ? CK_XML_TAG_COMMENT : CK_XML_TAG_PI),
           "node %zu paired with a tag of its kind", nodes);
    }
    OK(ck_xml_pairing_ok(&pr), "scan and tree agree");
    INT_EQ(paired, t.n, "every tag paired");
    OK(nodes > paired, "text nodes are walked too, without a tag");

    /* a scan of another source does not pair */
    const char other[] = "<r><p:x xmlns:p=\"urn:p\"/><f/></r>";
    ck_xml_tags t2 = {0};
    ck_xml_scan(other, sizeof other - 1, 0, &t2);
    ck_xml_pairing_start(&pr, &t2, other, x);
    while (ck_xml_pairing_next(&pr, &k))
      ;
    OK(!ck_xml_pairing_ok(&pr), "a scan of other markup does not pair");
    ck_xml_tags_free(&t2);
    xmlFreeDoc(x);
  }
  ck_diags_free(&d);
  ck_xml_tags_free(&t);

  /* The pieces on their own. */
  const char tag[] = "<a b='>' c=\"'>\">rest";
  INT_EQ(ck_xml_markup_end(tag, sizeof tag - 1, 1, false), off_of(tag, ">rest"),
         "quoted '>' skipped");
  const char open[] = "<a b='>";
  INT_EQ(ck_xml_markup_end(open, sizeof open - 1, 1, false), sizeof open - 1,
         "unclosed: the length");
  const char dt[] = "<!DOCTYPE r [<?p ]>?><!-- ]> -->]><r/>";
  INT_EQ(ck_xml_markup_end(dt, sizeof dt - 1, 2, true), off_of(dt, "><r/>"),
         "a DOCTYPE ends after its internal subset");
  INT_EQ(ck_xml_name_len("p:name a='1'", 12, 0), 6, "a name ends at white space");
  INT_EQ(ck_xml_name_len("e/>", 3, 0), 1, "or at '/'");
  INT_EQ(ck_xml_past_cdata_open("<![CDATA[x]]>", 13, 0), 9, "past a CDATA opening");
  INT_EQ(ck_xml_past_cdata_open("text", 4, 0), 0, "no CDATA: no move");

  /* Where the root starts: past the prolog, however it is written. */
  const char prolog[] = "\n<?xml version=\"1.0\"?><!-- c --><?pi x?>\n"
                        "<!DOCTYPE r [<!ELEMENT r ANY><?q a>b?>]>\n  <r/>";
  INT_EQ(ck_xml_root_start(prolog, sizeof prolog - 1), off_of(prolog, "<r/>"),
         "root past the prolog and an internal subset");
  INT_EQ(ck_xml_root_start(prolog, off_of(prolog, "]>")), off_of(prolog, "]>"),
         "a prolog cut short: no root");
  INT_EQ(ck_xml_root_start("text <r/>", 9), 9, "text first: no root");
}

/* --- xpaths ----------------------------------------------------------------------------- */

static void check_xpaths(const char *what, const char *xml) {
  ck_diags d = CK_DIAGS_INIT;
  xmlDoc *x = NULL;
  INT_EQ(ck_xml_parse(xml, strlen(xml), what, NULL, &x, &d), CK_OK, what);
  ck_diags_free(&d);
  if (!x)
    return;
  ck_xpath xp = {0};
  ck_buf b = CK_BUF_INIT, root = CK_BUF_INIT;
  xmlNode *r = xmlDocGetRootElement(x);
  ck_xpath_put_step(&xp, &root, r);
  size_t checked = 0, bad = 0;
  for (xmlNode *n = r; n;) {
    if (n->type == XML_ELEMENT_NODE) {
      xmlChar *want = xmlGetNodePath(n);
      const char *got = ck_xpath_below(&xp, &b, r, root.ptr, n);
      checked++;
      if (!want || strcmp(got, (const char *)want) != 0) {
        if (bad++ < 3)
          OK(false, "%s: xpath %s, libxml2 writes %s", what, got, want ? (char *)want : "?");
      }
      xmlFree(want);
    }
    if (n->type == XML_ELEMENT_NODE && n->children) {
      n = n->children;
      continue;
    }
    while (n && n != r && !n->next)
      n = n->parent;
    n = n && n != r ? n->next : NULL;
  }
  OK(checked > 0 && bad == 0, "%s: %zu xpaths as xmlGetNodePath writes them", what, checked);
  ck_buf_free(&b);
  ck_buf_free(&root);
  ck_xpath_free(&xp);
  xmlFreeDoc(x);
}

static void test_xpaths(void) {
  /* same-named siblings numbered, a lone one not; prefixed names; "*" for
     a default namespace, numbered among all element siblings */
  const char xml[] = "<r xmlns:p=\"urn:p\" xmlns:q=\"urn:q\">"
                     "<a/><b/><a/><p:c/><q:c/><p:c/>"
                     "<d xmlns=\"urn:d\"><e/><f/></d><g xmlns=\"urn:g\"/>"
                     "<!-- c --><a>text</a></r>";
  ck_diags d = CK_DIAGS_INIT;
  xmlDoc *x = NULL;
  INT_EQ(ck_xml_parse(xml, sizeof xml - 1, "xp.xml", NULL, &x, &d), CK_OK, "parse");
  if (x) {
    ck_xpath xp = {0};
    ck_buf b = CK_BUF_INIT;
    xmlNode *r = xmlDocGetRootElement(x);
    /* "*" steps are numbered among the "*" siblings; xmlGetNodePath would
       count every element before them and number d 7 */
    const char *want[] = {"/r/a[1]", "/r/b",    "/r/a[2]", "/r/p:c[1]", "/r/q:c",
                          "/r/p:c[2]", "/r/*[1]", "/r/*[2]", "/r/a[3]"};
    size_t i = 0;
    for (xmlNode *c = r->children; c; c = c->next) {
      if (c->type != XML_ELEMENT_NODE || i >= sizeof want / sizeof *want)
        continue;
      const char *got = ck_xpath_below(&xp, &b, r, "/r", c);
      STR_EQ(got, want[i], "step");
      i++;
    }
    INT_EQ(i, sizeof want / sizeof *want, "element children");
    xmlNode *e = NULL;
    for (xmlNode *c = r->children; c; c = c->next)
      if (c->type == XML_ELEMENT_NODE && !strcmp((const char *)c->name, "d"))
        e = c->children;
    const char *below = e ? ck_xpath_below(&xp, &b, r, "/r", e) : NULL;
    STR_EQ(below, "/r/*[1]/*[1]", "below a default namespace");
    ck_buf_reset(&b);
    ck_xpath_put_step(&xp, &b, r);
    STR_EQ(ck_buf_cstr(&b), "/r", "the root's step");
    ck_buf_free(&b);
    ck_xpath_free(&xp);
    xmlFreeDoc(x);
  }
  ck_diags_free(&d);
  check_xpaths("names, and a default namespace throughout",
               "<r xmlns=\"urn:r\"><a/><b/><a/><c><d/></c><!-- c --><b>text</b></r>");
  check_xpaths("prefixed names",
               "<p:r xmlns:p=\"urn:p\" xmlns:q=\"urn:q\"><p:a/><q:a/><p:a/><b/><b><p:c/></b></p:r>");

  /* Many siblings with many names: the numbering's table grows. */
  ck_buf big = CK_BUF_INIT;
  ck_buf_puts(&big, "<r xmlns:p=\"urn:p\">");
  for (int i = 0; i < 600; i++)
    ck_buf_printf(&big, "<n%d/><p:n%d/>", i % 150, i % 7);
  ck_buf_puts(&big, "<only/></r>");
  check_xpaths("600 siblings, 157 names", big.ptr);
  ck_buf_free(&big);
}

/* --- notice roots ------------------------------------------------------------------------ */

static void test_roots(void) {
  const struct {
    const char *name;
    ck_notice_kind kind;
  } names[] = {
      {"ContractNotice", CK_NOTICE_EFORMS},
      {"PriorInformationNotice", CK_NOTICE_EFORMS},
      {"ContractAwardNotice", CK_NOTICE_EFORMS},
      {"CallForTenders", CK_NOTICE_UBL},
      {"contractnotice", CK_NOTICE_NONE},
      {"ContractNotices", CK_NOTICE_NONE},
      {"Contract", CK_NOTICE_NONE},
      {"tender", CK_NOTICE_NONE},
      {"", CK_NOTICE_NONE},
  };
  for (size_t i = 0; i < sizeof names / sizeof *names; i++)
    OK(ck_notice_root_kind(names[i].name, strlen(names[i].name)) == names[i].kind,
       "root name \"%s\"", names[i].name);

  const struct {
    const char *src;
    ck_notice_kind kind;
  } sources[] = {
      {"<?xml version=\"1.0\"?>\n<ContractNotice xmlns=\"urn:x\"/>", CK_NOTICE_EFORMS},
      {"<cn:PriorInformationNotice xmlns:cn=\"urn:x\">", CK_NOTICE_EFORMS},
      {"<!-- c --><ContractAwardNotice>", CK_NOTICE_EFORMS},
      {"\xEF\xBB\xBF<CallForTenders>", CK_NOTICE_NONE}, /* the caller skips a BOM */
      {"<?xml version=\"1.0\"?><!DOCTYPE CallForTenders [<!ELEMENT a ANY>]>\n"
       "<ubl:CallForTenders xmlns:ubl=\"urn:x\">",
       CK_NOTICE_UBL},
      {"<tender><ContractNotice/></tender>", CK_NOTICE_NONE},
      {"ContractNotice", CK_NOTICE_NONE},
      {"<!-- never closed <ContractNotice>", CK_NOTICE_NONE},
  };
  for (size_t i = 0; i < sizeof sources / sizeof *sources; i++)
    OK(ck_notice_root_in(sources[i].src, strlen(sources[i].src)) == sources[i].kind,
       "source %zu: %.40s", i, sources[i].src);
}

int main(void) {
  test_line_col();
  test_scanner();
  test_xpaths();
  test_roots();
  return ck_test_report();
}

/* Tests of the XML reader (read_xml.c) and the safe parser under it
 * (xmlutil.c): block mapping, xpaths, positions, encodings, CPV codes, and
 * hostile inputs that must be refused quickly without expanding or
 * fetching anything. */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libxml/parser.h>

#include "harness.h"
#include "readers.h"
#include "source.h"
#include "xmlutil.h"

/* --- helpers ------------------------------------------------------------------------- */

/* A fixture of tests/data/xml/. */
static char *slurp(const char *name, size_t *len) {
  char rel[512];
  snprintf(rel, sizeof rel, "tests/data/xml/%s", name);
  return ck_test_fixture(rel, len);
}

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Reads 'len' bytes of 'data' as the file 'path'. */
static ck_status read_mem(const char *path, const char *data, size_t len,
                          const ck_limits *limits, ck_doc **doc, ck_diags *diags) {
  ck_source src = {0};
  src.path = ck_xstrdup(path);
  src.raw = ck_xstrndup(data, len);
  src.raw_len = len;
  ck_limits def = ck_limits_default();
  ck_status st = ck_read_xml(&src, limits ? limits : &def, doc, diags);
  ck_source_free(&src);
  return st;
}

static ck_doc *read_fixture(const char *name) {
  size_t len;
  char *data = slurp(name, &len);
  ck_doc *doc = NULL;
  ck_diags d = CK_DIAGS_INIT;
  ck_status st = read_mem(name, data, len, NULL, &doc, &d);
  INT_EQ(st, CK_OK, name);
  INT_EQ(d.n, 0, "no diagnostics");
  for (size_t i = 0; i < d.n; i++)
    fprintf(stderr, "  %u:%u %s\n", d.items[i].line, d.items[i].col, d.items[i].msg);
  ck_diags_free(&d);
  free(data);
  if (!doc) {
    fprintf(stderr, "%s: no document\n", name);
    exit(1);
  }
  return doc;
}

/* The text of block 'i' (static buffer). */
static const char *btext(const ck_doc *doc, size_t i) {
  static char buf[512];
  if (i >= doc->nblocks)
    return "(no such block)";
  const ck_block *b = &doc->blocks[i];
  size_t n = b->end - b->start;
  if (n >= sizeof buf)
    n = sizeof buf - 1;
  memcpy(buf, doc->text.ptr + b->start, n);
  buf[n] = '\0';
  return buf;
}

typedef struct want_block {
  ck_block_kind kind;
  int level;
  const char *text;
  const char *xpath;
} want_block;

static void check_blocks(const ck_doc *doc, const want_block *want, size_t n, const char *what) {
  INT_EQ(doc->nblocks, n, what);
  for (size_t i = 0; i < n && i < doc->nblocks; i++) {
    const ck_block *b = &doc->blocks[i];
    char label[128];
    snprintf(label, sizeof label, "%s block %zu", what, i);
    STR_EQ(ck_block_kind_name(b->kind), ck_block_kind_name(want[i].kind), label);
    INT_EQ(b->level, want[i].level, label);
    STR_EQ(btext(doc, i), want[i].text, label);
    STR_EQ(b->xpath, want[i].xpath, label);
  }
}

/* Source position of the first occurrence of 'needle' in the document text. */
static void text_pos(const ck_doc *doc, const char *needle, unsigned line, unsigned col) {
  const char *hit = strstr(ck_buf_cstr(&doc->text), needle);
  OK(hit != NULL, "'%s' in the document text", needle);
  if (!hit)
    return;
  unsigned l = 0, c = 0;
  ck_doc_position(doc, (size_t)(hit - doc->text.ptr), &l, &c);
  OK(l == line && c == col, "position of '%s': got %u:%u, want %u:%u", needle, l, c, line, col);
}

/* Every block xpath must be one libxml2 itself gives for an element of the
 * same source. */
static void check_xpaths_against_libxml(const ck_doc *doc, const char *fixture) {
  size_t len;
  char *data = slurp(fixture, &len);
  xmlDoc *x = xmlReadMemory(data, (int)len, NULL, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR);
  OK(x != NULL, "libxml2 reads %s", fixture);
  if (!x) {
    free(data);
    return;
  }
  ck_buf all = CK_BUF_INIT;
  ck_buf_putc(&all, '\n');
  xmlNode *n = xmlDocGetRootElement(x);
  while (n) {
    if (n->type == XML_ELEMENT_NODE) {
      xmlChar *p = xmlGetNodePath(n);
      ck_buf_printf(&all, "%s\n", (const char *)p);
      xmlFree(p);
    }
    if (n->type == XML_ELEMENT_NODE && n->children) {
      n = n->children;
      continue;
    }
    while (n && !n->next)
      n = n->parent && n->parent->type == XML_ELEMENT_NODE ? n->parent : NULL;
    if (n)
      n = n->next;
  }
  for (size_t i = 0; i < doc->nblocks; i++) {
    char line[512];
    snprintf(line, sizeof line, "\n%s\n", doc->blocks[i].xpath ? doc->blocks[i].xpath : "?");
    OK(strstr(all.ptr, line) != NULL, "%s: xpath %s is one of libxml2's", fixture,
       doc->blocks[i].xpath);
  }
  ck_buf_free(&all);
  xmlFreeDoc(x);
  free(data);
}

/* --- documents ------------------------------------------------------------------------ */

static void test_tender(void) {
  ck_doc *doc = read_fixture("tender.xml");
  STR_EQ(ck_input_format_name(doc->format), "xml", "format");
  STR_EQ(doc->encoding, "UTF-8", "encoding");
  STR_EQ(doc->title, "Anskaffelse av kontormøbler", "title");
  const want_block want[] = {
      {CK_BLOCK_HEADING, 1, "Anskaffelse av kontormøbler", "/tender/title"},
      {CK_BLOCK_HEADING, 2, "1 Bakgrunn", "/tender/section[1]/title"},
      {CK_BLOCK_PARAGRAPH, 0, "Kommunen skal kjøpe brukte møbler.", "/tender/section[1]/p"},
      {CK_BLOCK_HEADING, 2, "2 Kravspesifikasjon", "/tender/section[2]/title"},
      {CK_BLOCK_PARAGRAPH, 0, "Leverandøren skal gi minst 5 års garanti.",
       "/tender/section[2]/p"},
      {CK_BLOCK_LIST_ITEM, 0, "Møblene skal kunne repareres.", "/tender/section[2]/ul/li[1]"},
      {CK_BLOCK_LIST_ITEM, 0, "Reservedeler skal være tilgjengelige i 10 år.",
       "/tender/section[2]/ul/li[2]"},
      {CK_BLOCK_HEADING, 3, "2.1 Materialer", "/tender/section[2]/section/title"},
      {CK_BLOCK_TABLE_CELL, 0, "Krav", "/tender/section[2]/section/table/tr[1]/td[1]"},
      {CK_BLOCK_TABLE_CELL, 0, "Andel resirkulert",
       "/tender/section[2]/section/table/tr[1]/td[2]"},
      {CK_BLOCK_TABLE_CELL, 0, "Stål", "/tender/section[2]/section/table/tr[2]/td[1]"},
      {CK_BLOCK_TABLE_CELL, 0, "minst 30 %", "/tender/section[2]/section/table/tr[2]/td[2]"},
      {CK_BLOCK_PARAGRAPH, 0, "Notat & merknad", "/tender/x:note"},
      {CK_BLOCK_PARAGRAPH, 0, "Siste avsnitt med linjeskift og <rå> tekst", "/tender/p"},
  };
  check_blocks(doc, want, sizeof want / sizeof *want, "tender");
  check_xpaths_against_libxml(doc, "tender.xml");

  if (doc->nblocks == 14) {
    INT_EQ(doc->blocks[8].row, doc->blocks[9].row, "cells of row 1 share a row");
    INT_EQ(doc->blocks[10].row, doc->blocks[11].row, "cells of row 2 share a row");
    OK(doc->blocks[8].row != doc->blocks[10].row, "two rows");
    INT_EQ(doc->blocks[2].row, -1, "a paragraph has no row");
    STR_EQ_OWNED(ck_doc_block_section_path(doc, 2), "Anskaffelse av kontormøbler > 1 Bakgrunn",
           "section path of the first paragraph");
    STR_EQ_OWNED(ck_doc_block_section_path(doc, 6),
           "Anskaffelse av kontormøbler > 2 Kravspesifikasjon", "section path of a list item");
    STR_EQ_OWNED(ck_doc_block_section_path(doc, 11),
           "Anskaffelse av kontormøbler > 2 Kravspesifikasjon > 2.1 Materialer",
           "section path of a cell");
  }
  OK(strstr(doc->text.ptr, "Krav | Andel resirkulert\nStål | minst 30 %") != NULL,
     "rows are joined with ' | '");
  OK(strstr(doc->text.ptr, "not text") == NULL, "comments are left out");
  OK(strstr(doc->text.ptr, "run()") == NULL, "scripts are left out");

  /* Positions: where each text's first character is in the file (the
   * expected values were counted independently of circheck). */
  text_pos(doc, "Anskaffelse", 3, 10);
  text_pos(doc, "1 Bakgrunn", 5, 12);
  text_pos(doc, "Kommunen", 6, 8);
  text_pos(doc, "brukte", 6, 31);   /* inside <b>, after "kjøpe" (ø is one column) */
  text_pos(doc, "møbler.", 6, 42);  /* after </b> */
  text_pos(doc, "2 Kravspesifikasjon", 9, 12);
  text_pos(doc, "Leverandøren", 10, 20); /* start tag with '>' in an attribute value */
  text_pos(doc, "5 års", 11, 7);    /* second line of the same text */
  text_pos(doc, "Møblene", 13, 11);
  text_pos(doc, "Reservedeler", 14, 11);
  text_pos(doc, "2.1 Materialer", 17, 14);
  text_pos(doc, "Andel", 19, 30);   /* second cell on one line */
  text_pos(doc, "Stål", 20, 17);
  text_pos(doc, "minst 30", 20, 30);
  text_pos(doc, "Notat", 24, 11);
  text_pos(doc, "Siste", 27, 6);
  text_pos(doc, "med linjeskift", 27, 24); /* after an empty element */
  ck_doc_free(doc);
}

static void test_docbook(void) {
  double t0 = now();
  ck_doc *doc = read_fixture("docbook.xml");
  OK(now() - t0 < 1.0, "the external DTD is not fetched");
  STR_EQ(ck_input_format_name(doc->format), "xml", "format");
  const want_block want[] = {
      {CK_BLOCK_HEADING, 1, "Kravspesifikasjon", "/chapter/title"},
      {CK_BLOCK_PARAGRAPH, 0, "Alle produkter skal ha minst fem års garanti.", "/chapter/para"},
      {CK_BLOCK_HEADING, 2, "Reparasjon", "/chapter/section/title"},
      {CK_BLOCK_LIST_ITEM, 0, "Reservedeler skal finnes.",
       "/chapter/section/itemizedlist/listitem[1]"},
      {CK_BLOCK_LIST_ITEM, 0, "Reparasjon skal kunne gjøres lokalt.",
       "/chapter/section/itemizedlist/listitem[2]"},
      {CK_BLOCK_LIST_ITEM, 0, "Innen fem dager.",
       "/chapter/section/itemizedlist/listitem[2]/itemizedlist/listitem"},
      {CK_BLOCK_TABLE_CELL, 0, "Stoler", "/chapter/informaltable/tgroup/tbody/row/entry[1]"},
      {CK_BLOCK_TABLE_CELL, 0, "Brukte Nye", "/chapter/informaltable/tgroup/tbody/row/entry[2]"},
  };
  check_blocks(doc, want, sizeof want / sizeof *want, "docbook");
  check_xpaths_against_libxml(doc, "docbook.xml");
  if (doc->nblocks == 8) {
    INT_EQ(doc->blocks[6].row, doc->blocks[7].row, "entries of one row");
    STR_EQ_OWNED(ck_doc_block_section_path(doc, 5), "Kravspesifikasjon > Reparasjon",
           "nested item section path");
  }
  STR_EQ(doc->title, "Kravspesifikasjon", "title");
  text_pos(doc, "Alle", 6, 9);
  text_pos(doc, "minst", 6, 42);
  text_pos(doc, "fem års", 6, 59);
  text_pos(doc, "Reservedeler", 10, 23);
  text_pos(doc, "Reparasjon skal", 12, 15);
  text_pos(doc, "Innen", 14, 27);
  text_pos(doc, "Stoler", 22, 21);
  text_pos(doc, "Brukte", 22, 48);
  text_pos(doc, "Nye", 22, 67);
  ck_doc_free(doc);
}

static void test_eforms(void) {
  ck_doc *doc = read_fixture("eforms.xml");
  STR_EQ(ck_input_format_name(doc->format), "eforms", "format");
  STR_EQ(doc->title, "Rammeavtale om kontormøbler", "title from the procedure's cbc:Name");
  INT_EQ(doc->ncpv, 3, "CPV codes");
  if (doc->ncpv == 3) {
    STR_EQ(doc->cpv[0], "39100000", "main classification of the procedure first");
    STR_EQ(doc->cpv[1], "39112000", "then the lot's main one, check digit dropped");
    STR_EQ(doc->cpv[2], "39130000", "then additional ones, once");
  }
  check_xpaths_against_libxml(doc, "eforms.xml");
  OK(doc->nblocks >= 4, "blocks");
  if (doc->nblocks >= 4) {
    STR_EQ(btext(doc, 0), "notice-1", "first block");
    STR_EQ(doc->blocks[0].xpath, "/*/cbc:ID", "default namespace root is '*'");
    STR_EQ(btext(doc, 1), "Rammeavtale om kontormøbler", "name");
    STR_EQ(doc->blocks[1].xpath, "/*/cac:ProcurementProject/cbc:Name", "name xpath");
    STR_EQ(doc->blocks[2].xpath, "/*/cac:ProcurementProject/cbc:Description",
           "description xpath");
    STR_EQ(doc->blocks[3].xpath,
           "/*/cac:ProcurementProject/cac:AdditionalCommodityClassification/"
           "cbc:ItemClassificationCode",
           "classification xpath");
  }
  text_pos(doc, "notice-1", 5, 11);
  text_pos(doc, "Rammeavtale", 7, 32);
  text_pos(doc, "kontormøbler", 8, 7);
  text_pos(doc, "Kjøp", 9, 39);
  text_pos(doc, "Delkontrakt", 19, 34);
  ck_doc_free(doc);
}

static void test_encodings(void) {
  ck_doc *doc = read_fixture("utf16.xml");
  STR_EQ(doc->encoding, "UTF-16LE", "UTF-16 with BOM");
  INT_EQ(doc->nblocks, 2, "utf16 blocks");
  STR_EQ(btext(doc, 0), "Gjenbruk av møbler", "utf16 heading");
  INT_EQ(doc->blocks[0].kind, CK_BLOCK_HEADING, "h1 is a heading");
  INT_EQ(doc->blocks[0].level, 1, "h1 level");
  STR_EQ(btext(doc, 1), "Æ ø å: leverandøren skal tilby reparasjon.", "utf16 paragraph");
  STR_EQ(doc->blocks[1].xpath, "/dokument/p", "utf16 xpath");
  text_pos(doc, "Gjenbruk", 3, 7);
  text_pos(doc, "Æ", 4, 6);
  text_pos(doc, "leverandøren", 4, 13);
  ck_doc_free(doc);

  doc = read_fixture("latin1.xml");
  STR_EQ(doc->encoding, "ISO-8859-1", "declared Latin-1");
  INT_EQ(doc->nblocks, 2, "latin1 blocks");
  STR_EQ(btext(doc, 0), "Møbler og utstyr", "latin1 title decoded to UTF-8");
  INT_EQ(doc->blocks[0].kind, CK_BLOCK_HEADING, "title under the root is a heading");
  STR_EQ(btext(doc, 1), "Gjenbrukte møbler skal være rengjort.", "latin1 paragraph");
  text_pos(doc, "Møbler", 3, 10);
  text_pos(doc, "Gjenbrukte", 4, 6);
  text_pos(doc, "skal", 4, 24);
  ck_doc_free(doc);

  const char bom[] = "\xEF\xBB\xBF<a>\n  <p>x y</p></a>";
  ck_diags d = CK_DIAGS_INIT;
  doc = NULL;
  INT_EQ(read_mem("bom.xml", bom, sizeof bom - 1, NULL, &doc, &d), CK_OK, "UTF-8 BOM");
  if (doc) {
    STR_EQ(doc->encoding, "UTF-8 with BOM", "UTF-8 BOM named");
    text_pos(doc, "x y", 2, 6);
    ck_doc_free(doc);
  }
  ck_diags_free(&d);
}

/* Mapping details on small inputs. */
static void test_mapping(void) {
  const char xml[] =
      "<html><head><title>Side</title><style>p{}</style></head>\n"
      "<body><h2>Krav</h2><div><h3>Del</h3><p>A<i>b</i>c</p><div>x<p>y</p></div></div>\n"
      "<p>Linje<br/>to</p><p>   </p><p/><ol><li><p>en</p><p>to</p></li></ol>"
      "<H4>Stor</H4></body></html>";
  ck_diags d = CK_DIAGS_INIT;
  ck_doc *doc = NULL;
  INT_EQ(read_mem("m.xml", xml, sizeof xml - 1, NULL, &doc, &d), CK_OK, "xhtml-like");
  if (!doc)
    return;
  const want_block want[] = {
      {CK_BLOCK_PARAGRAPH, 0, "Side", "/html/head/title"},
      {CK_BLOCK_HEADING, 2, "Krav", "/html/body/h2"},
      {CK_BLOCK_HEADING, 3, "Del", "/html/body/div/h3"},
      {CK_BLOCK_PARAGRAPH, 0, "Abc", "/html/body/div/p"},
      {CK_BLOCK_PARAGRAPH, 0, "x y", "/html/body/div/div"},
      {CK_BLOCK_PARAGRAPH, 0, "Linje to", "/html/body/p[1]"},
      {CK_BLOCK_LIST_ITEM, 0, "en to", "/html/body/ol/li"},
      {CK_BLOCK_HEADING, 4, "Stor", "/html/body/H4"},
  };
  check_blocks(doc, want, sizeof want / sizeof *want, "mapping");
  text_pos(doc, "x y", 2, 59);
  ck_doc_free(doc);
  ck_diags_free(&d);

  const char cdata[] = "<a>\n <p><![CDATA[R\xC3\xA5 <tekst>]]> og mer</p></a>";
  doc = NULL;
  INT_EQ(read_mem("c.xml", cdata, sizeof cdata - 1, NULL, &doc, &d), CK_OK, "CDATA");
  if (doc) {
    STR_EQ(btext(doc, 0), "R\xC3\xA5 <tekst> og mer", "CDATA text");
    text_pos(doc, "R\xC3\xA5", 2, 14);
    ck_doc_free(doc);
  }

  /* title under nested section-like elements: 1 + their number */
  const char nested[] = "<doc><title>T</title><part><title>P</title><section><title>S</title>"
                        "<sect2><heading>H</heading><caption>C</caption></sect2></section>"
                        "</part><p><title>not a heading</title></p></doc>";
  doc = NULL;
  INT_EQ(read_mem("n.xml", nested, sizeof nested - 1, NULL, &doc, &d), CK_OK, "nested sections");
  if (doc) {
    const want_block w2[] = {
        {CK_BLOCK_HEADING, 1, "T", "/doc/title"},
        {CK_BLOCK_HEADING, 2, "P", "/doc/part/title"},
        {CK_BLOCK_HEADING, 3, "S", "/doc/part/section/title"},
        {CK_BLOCK_HEADING, 4, "H", "/doc/part/section/sect2/heading"},
        {CK_BLOCK_HEADING, 4, "C", "/doc/part/section/sect2/caption"},
        {CK_BLOCK_PARAGRAPH, 0, "not a heading", "/doc/p/title"},
    };
    check_blocks(doc, w2, sizeof w2 / sizeof *w2, "levels");
    STR_EQ_OWNED(ck_doc_block_section_path(doc, 4), "T > P > S > C", "deep section path");
    ck_doc_free(doc);
  }
  ck_diags_free(&d);
}

/* --- hostile and broken inputs ------------------------------------------------------- */

/* Reads 'xml' and expects one error at line:col with 'msg'. Returns the
 * seconds it took. */
static double expect_error(const char *what, const char *xml, size_t len, const ck_limits *lim,
                           ck_status want_status, unsigned line, unsigned col,
                           const char *msg) {
  ck_diags d = CK_DIAGS_INIT;
  ck_doc *doc = (ck_doc *)(uintptr_t)1;
  double t0 = now();
  ck_status st = read_mem("bad.xml", xml, len, lim, &doc, &d);
  double dt = now() - t0;
  OK(st == want_status, "%s: status %s, want %s", what, ck_status_name(st),
     ck_status_name(want_status));
  OK(doc == NULL, "%s: no document", what);
  INT_EQ(d.n, 1, what);
  if (d.n >= 1) {
    STR_EQ(d.items[0].file, "bad.xml", what);
    OK(d.items[0].line == line && d.items[0].col == col, "%s: at %u:%u, want %u:%u", what,
       d.items[0].line, d.items[0].col, line, col);
    STR_EQ(d.items[0].msg, msg, what);
    OK(strstr(d.items[0].msg, "root:") == NULL, "%s: nothing of /etc/passwd", what);
  }
  if (doc && doc != (ck_doc *)(uintptr_t)1)
    ck_doc_free(doc);
  ck_diags_free(&d);
  return dt;
}

#define EXPECT(what, lit, lim, st, line, col, msg)                                            \
  expect_error(what, lit, sizeof lit - 1, lim, st, line, col, msg)

static void test_hostile(void) {
  EXPECT("mismatched tag", "<a>\n  <b>x</c>\n</a>", NULL, CK_ERR_INPUT, 2, 11,
         "opening and ending tag mismatch: b line 2 and c");
  EXPECT("unclosed", "<a>\n<b>text</b>\n", NULL, CK_ERR_INPUT, 3, 1,
         "premature end of data in tag a line 1");
  EXPECT("not XML", "hello", NULL, CK_ERR_INPUT, 1, 1, "start tag expected, '<' not found");
  EXPECT("empty", "", NULL, CK_ERR_INPUT, 1, 1, "empty document");
  EXPECT("blank", "  \n\t \r\n", NULL, CK_ERR_INPUT, 1, 1, "empty document");
  EXPECT("bad UTF-8", "<a>\n<b>\xC3x</b></a>", NULL, CK_ERR_INPUT, 2, 4,
         "input is not proper UTF-8, indicate encoding ! Bytes: 0xC3 0x78 0x3C 0x2F");

  EXPECT("external file entity",
         "<?xml version=\"1.0\"?>\n<!DOCTYPE a [\n  <!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n"
         "]>\n<a>&xxe;</a>",
         NULL, CK_ERR_INPUT, 3, 3, "entity declarations are not allowed (entity 'xxe')");
  double dt = EXPECT("network entity",
                     "<!DOCTYPE a [<!ENTITY net SYSTEM \"http://127.0.0.1:9/x\">]>\n<a>&net;</a>",
                     NULL, CK_ERR_INPUT, 1, 14,
                     "entity declarations are not allowed (entity 'net')");
  OK(dt < 0.5, "network entity refused without connecting (%.3fs)", dt);
  dt = EXPECT("billion laughs",
              "<?xml version=\"1.0\"?>\n"
              "<!DOCTYPE lolz [\n"
              " <!ENTITY lol \"lol\">\n"
              " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
              " <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
              " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
              " <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
              " <!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"
              " <!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n"
              " <!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n"
              " <!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n"
              " <!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n"
              "]>\n<lolz>&lol9;</lolz>",
              NULL, CK_ERR_INPUT, 3, 2, "entity declarations are not allowed (entity 'lol')");
  OK(dt < 0.1, "billion laughs refused at once (%.3fs)", dt);
  dt = EXPECT("parameter entity",
              "<!DOCTYPE a [\n\t<!ENTITY % pe SYSTEM \"http://127.0.0.1:9/pe.dtd\">\n\t%pe;\n]>\n"
              "<a/>",
              NULL, CK_ERR_INPUT, 2, 2, "entity declarations are not allowed (entity 'pe')");
  OK(dt < 0.5, "parameter entity refused without connecting (%.3fs)", dt);
  EXPECT("unparsed entity",
         "<!DOCTYPE a [\n<!NOTATION png SYSTEM \"image/png\">\n"
         "<!ENTITY logo SYSTEM \"logo.png\" NDATA png>\n]>\n<a/>",
         NULL, CK_ERR_INPUT, 3, 1, "entity declarations are not allowed (entity 'logo')");
  EXPECT("declaration spread over lines",
         "<!DOCTYPE a [\n  <!ENTITY\n    big\n    \"x\">\n]>\n<a>&big;</a>", NULL, CK_ERR_INPUT,
         2, 3, "entity declarations are not allowed (entity 'big')");
  EXPECT("undeclared entity", "<!DOCTYPE a SYSTEM \"x.dtd\">\n<a>&nbsp;</a>", NULL,
         CK_ERR_INPUT, 2, 10, "entity 'nbsp' not defined");

  /* 10,000 levels on one line: refused at the first element too deep. */
  ck_buf deep = CK_BUF_INIT;
  for (int i = 0; i < 10000; i++)
    ck_buf_puts(&deep, "<d>");
  for (int i = 0; i < 10000; i++)
    ck_buf_puts(&deep, "</d>");
  dt = expect_error("10000 levels", deep.ptr, deep.len, NULL, CK_ERR_LIMIT, 1, 256 * 3 + 1,
                    "element nesting deeper than 256");
  OK(dt < 0.5, "deep nesting refused quickly (%.3fs)", dt);
  ck_limits lim = ck_limits_default();
  lim.max_xml_depth = 300; /* above libxml2's own cap of 256 */
  expect_error("10000 levels, limit 300", deep.ptr, deep.len, &lim, CK_ERR_LIMIT, 1,
               300 * 3 + 1, "element nesting deeper than 300");
  lim.max_xml_depth = 3;
  EXPECT("depth 4, limit 3", "<a>\n <b>\n  <c>\n   <d x='1'/></c></b></a>", &lim, CK_ERR_LIMIT,
         4, 4, "element nesting deeper than 3");
  ck_buf_free(&deep);

  /* Within limits: 256 levels are fine. */
  ck_buf ok = CK_BUF_INIT;
  for (int i = 0; i < 256; i++)
    ck_buf_puts(&ok, "<d>");
  ck_buf_puts(&ok, "deep");
  for (int i = 0; i < 256; i++)
    ck_buf_puts(&ok, "</d>");
  ck_diags d = CK_DIAGS_INIT;
  ck_doc *doc = NULL;
  INT_EQ(read_mem("ok.xml", ok.ptr, ok.len, NULL, &doc, &d), CK_OK, "256 levels");
  if (doc) {
    INT_EQ(doc->nblocks, 1, "256 levels: one block");
    text_pos(doc, "deep", 1, 256 * 3 + 1);
    ck_doc_free(doc);
  }
  ck_buf_free(&ok);
  ck_diags_free(&d);

  /* Block limit. */
  size_t len;
  char *tender = slurp("tender.xml", &len);
  lim = ck_limits_default();
  lim.max_blocks = 3;
  expect_error("max blocks", tender, len, &lim, CK_ERR_LIMIT, 9, 5,
               "document has more than 3 blocks");
  free(tender);
}

/* A DOCTYPE is fine as long as it declares no entity; its external subset is
 * never loaded. */
static void test_doctype_allowed(void) {
  const char internal[] = "<?xml version=\"1.0\"?>\n"
                          "<!DOCTYPE a [\n  <!ELEMENT a (#PCDATA)>\n  <!-- <b>x</b> -->\n"
                          "  <!ATTLIST a id CDATA \"x>y\">\n]>\n<a>  Tekst</a>";
  ck_diags d = CK_DIAGS_INIT;
  ck_doc *doc = NULL;
  INT_EQ(read_mem("dt.xml", internal, sizeof internal - 1, NULL, &doc, &d), CK_OK,
         "internal subset without entities");
  INT_EQ(d.n, 0, "no diagnostics");
  if (doc) {
    INT_EQ(doc->nblocks, 1, "one block");
    STR_EQ(btext(doc, 0), "Tekst", "text");
    text_pos(doc, "Tekst", 7, 6);
    ck_doc_free(doc);
  }
  /* If the "DTD" were read, /etc/passwd would not parse as one and the
   * read would fail (or its text would show). */
  const char external[] = "<!DOCTYPE a SYSTEM \"file:///etc/passwd\">\n<a>ok</a>";
  doc = NULL;
  INT_EQ(read_mem("dt2.xml", external, sizeof external - 1, NULL, &doc, &d), CK_OK,
         "external subset not loaded");
  INT_EQ(d.n, 0, "no diagnostics");
  if (doc) {
    STR_EQ(ck_buf_cstr(&doc->text), "ok", "only the document's own text");
    ck_doc_free(doc);
  }
  const char net[] = "<!DOCTYPE a PUBLIC \"-//X//Y//EN\" \"http://127.0.0.1:9/a.dtd\">\n<a>ok</a>";
  doc = NULL;
  double t0 = now();
  INT_EQ(read_mem("dt3.xml", net, sizeof net - 1, NULL, &doc, &d), CK_OK,
         "network DTD not loaded");
  OK(now() - t0 < 0.5, "no connection attempted");
  ck_doc_free(doc);
  ck_diags_free(&d);
}

/* --- xmlutil directly ------------------------------------------------------------------ */

static void test_positions(void) {
  const char xml[] = "<r xmlns:p=\"urn:p\">\n"
                     "<x a=\"1\"\n   b=\">\">  hi</x><x>two</x> <x/>\n"
                     "<p:y>\n\n  z</p:y><y><![CDATA[  cdata]]></y>\n"
                     "  <\xC3\xA6>\xC3\xA6\xC3\xB8 <x>w</x></\xC3\xA6>\n"
                     "</r>";
  size_t len = sizeof xml - 1;
  ck_diags d = CK_DIAGS_INIT;
  xmlDoc *x = NULL;
  INT_EQ(ck_xml_parse(xml, len, "pos.xml", NULL, &x, &d), CK_OK, "parse");
  INT_EQ(d.n, 0, "no diagnostics");
  if (!x)
    return;
  xmlNode *el[16];
  size_t n = 0;
  for (xmlNode *c = xmlDocGetRootElement(x)->children; c && n < 16; c = c->next)
    if (c->type == XML_ELEMENT_NODE)
      el[n++] = c;
  INT_EQ(n, 6, "children of r");
  if (n != 6) {
    xmlFreeDoc(x);
    return;
  }
  struct {
    unsigned line, col;
    bool text;
    unsigned tline, tcol;
  } want[] = {
      {2, 1, true, 3, 12},  /* tag over two lines, '>' in an attribute value */
      {3, 18, true, 3, 21}, /* the second <x> of the line */
      {3, 29, false, 3, 29}, /* <x/>: no text */
      {4, 1, true, 6, 3},   /* p:y, text after blank lines */
      {6, 10, true, 6, 24}, /* text inside CDATA */
      {7, 3, true, 7, 6},   /* non-ASCII name; columns in characters */
  };
  for (size_t i = 0; i < n; i++) {
    unsigned l, c;
    ck_xml_node_position(xml, len, el[i], &l, &c);
    OK(l == want[i].line && c == want[i].col, "node %zu at %u:%u, want %u:%u", i, l, c,
       want[i].line, want[i].col);
    bool t = ck_xml_text_position(xml, len, el[i], &l, &c);
    OK(t == want[i].text, "node %zu text found: %d", i, t);
    OK(l == want[i].tline && c == want[i].tcol, "node %zu text at %u:%u, want %u:%u", i, l, c,
       want[i].tline, want[i].tcol);
  }
  /* The same through an index of the source's lines (the rule loader's way),
   * also with a parse that drops blank text nodes and keeps short texts in
   * their nodes. */
  ck_xml_lines li;
  ck_xml_lines_init(&li, xml, len);
  INT_EQ(li.n, 8, "lines indexed");
  xmlDoc *compact = NULL;
  INT_EQ(ck_xml_parse_data(xml, len, "pos.xml", NULL, &compact, &d), CK_OK, "parse as data");
  for (int pass = 0; pass < 2 && compact; pass++) {
    xmlNode *e = xmlDocGetRootElement(pass ? compact : x)->children;
    for (size_t i = 0; e; e = e->next) {
      if (e->type != XML_ELEMENT_NODE)
        continue;
      unsigned l, c;
      ck_xml_lines_node_position(&li, e, &l, &c);
      OK(l == want[i].line && c == want[i].col, "indexed node %zu at %u:%u", i, l, c);
      bool t = ck_xml_lines_text_position(&li, e, &l, &c);
      OK(t == want[i].text && l == want[i].tline && c == want[i].tcol,
         "indexed node %zu text at %u:%u", i, l, c);
      i++;
    }
  }
  if (compact) {
    /* Only the white space between elements is gone: "  hi" keeps its blanks. */
    xmlNode *first = xmlDocGetRootElement(compact)->children;
    OK(first && first->type == XML_ELEMENT_NODE, "no blank node before the first child");
    if (first && first->children)
      STR_EQ((const char *)first->children->content, "  hi", "text kept whole");
  }
  xmlFreeDoc(compact);
  ck_xml_lines_free(&li);
  /* an inner <x> on the same line as the earlier ones of line 3 */
  xmlNode *inner = NULL;
  for (xmlNode *c = el[5]->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE)
      inner = c;
  unsigned l = 0, c = 0;
  if (inner)
    ck_xml_node_position(xml, len, inner, &l, &c);
  OK(l == 7 && c == 9, "inner x at %u:%u, want 7:9", l, c);
  ck_xml_node_position(NULL, 0, el[0], &l, &c);
  INT_EQ(c, 0, "no source: column unknown");
  INT_EQ(l, 3, "no source: libxml2's line");

  /* The error sink: a validation error names a node; its column comes from
   * the source. */
  ck_xml_error_ctx ec = {.diags = &d, .file = "pos.xml", .data = xml, .len = len};
  xmlError err;
  memset(&err, 0, sizeof err);
  err.level = XML_ERR_ERROR;
  err.message = (char *)(uintptr_t)"Element x failed to validate\n";
  err.line = 3;
  err.node = el[1];
  ck_xml_error_sink(&ec, &err);
  err.level = XML_ERR_WARNING;
  err.node = NULL;
  err.int2 = 7;
  err.message = (char *)(uintptr_t)"Something odd";
  ck_xml_error_sink(&ec, &err);
  INT_EQ(ec.errors, 1, "errors counted (warnings not)");
  INT_EQ(d.n, 2, "two diagnostics");
  if (d.n == 2) {
    INT_EQ(d.items[0].level, CK_DIAG_ERROR, "error level");
    OK(d.items[0].line == 3 && d.items[0].col == 18, "sink position %u:%u", d.items[0].line,
       d.items[0].col);
    STR_EQ(d.items[0].msg, "element x failed to validate", "sink message");
    STR_EQ(d.items[0].file, "pos.xml", "sink file");
    INT_EQ(d.items[1].level, CK_DIAG_WARNING, "warning level");
    OK(d.items[1].line == 3 && d.items[1].col == 7, "warning position %u:%u", d.items[1].line,
       d.items[1].col);
    STR_EQ(d.items[1].msg, "something odd", "warning message");
  }
  ck_diags_free(&d);
  xmlFreeDoc(x);
}

/* Wide and long documents stay linear: 100,000 sibling paragraphs (libxml2's
 * own path builder would be quadratic here) and the same on a single line.
 * The bound only tells linear from quadratic (which takes minutes here); it
 * is loose so a loaded machine under the sanitizers stays well inside it.
 * Speed itself is measured by the benchmark. */
static void test_scale(void) {
  for (int one_line = 0; one_line < 2; one_line++) {
    ck_buf b = CK_BUF_INIT;
    ck_buf_puts(&b, "<doc>");
    for (int i = 0; i < 100000; i++)
      ck_buf_printf(&b, "%s<p>Avsnitt %d</p><q>x</q>", one_line ? "" : "\n", i);
    ck_buf_puts(&b, "</doc>");
    ck_diags d = CK_DIAGS_INIT;
    ck_doc *doc = NULL;
    double t0 = now();
    ck_status st = read_mem("big.xml", b.ptr, b.len, NULL, &doc, &d);
    double dt = now() - t0;
    INT_EQ(st, CK_OK, "big document");
    OK(dt < 30.0, "100,000 paragraphs in %.2fs", dt);
    if (doc) {
      INT_EQ(doc->nblocks, 200000, "blocks");
      STR_EQ(doc->blocks[199998].xpath, "/doc/p[100000]", "last xpath");
      STR_EQ(doc->blocks[1].xpath, "/doc/q[1]", "indexed sibling");
      if (one_line)
        text_pos(doc, "Avsnitt 1\n", 1, 5 + 24 + 4);
      else
        text_pos(doc, "Avsnitt 99999", 100001, 4);
      ck_doc_free(doc);
    }
    ck_diags_free(&d);
    ck_buf_free(&b);
  }
}

/* 100,000 list items nested in one item: each still gets its own block
 * and xpath in linear time. */
static void test_scale_nested(void) {
  ck_buf b = CK_BUF_INIT;
  ck_buf_puts(&b, "<ul><li>Hoved<ul>");
  for (int i = 0; i < 100000; i++)
    ck_buf_printf(&b, "<li>Punkt %d</li>", i);
  ck_buf_puts(&b, "</ul>etter</li></ul>");
  ck_diags d = CK_DIAGS_INIT;
  ck_doc *doc = NULL;
  double t0 = now();
  ck_status st = read_mem("nested.xml", b.ptr, b.len, NULL, &doc, &d);
  double dt = now() - t0;
  INT_EQ(st, CK_OK, "nested list");
  OK(dt < 30.0, "100,000 nested items in %.2fs", dt);
  if (doc) {
    INT_EQ(doc->nblocks, 100001, "nested blocks");
    STR_EQ(btext(doc, 0), "Hoved etter", "outer item keeps its own text only");
    STR_EQ(doc->blocks[0].xpath, "/ul/li", "outer xpath");
    STR_EQ(btext(doc, 100000), "Punkt 99999", "last nested item");
    STR_EQ(doc->blocks[100000].xpath, "/ul/li/ul/li[100000]", "last nested xpath");
    /* one ASCII line: the column is the byte offset plus one */
    text_pos(doc, "Punkt 99999", 1, (unsigned)(strstr(b.ptr, "Punkt 99999") - b.ptr) + 1);
    ck_doc_free(doc);
  }
  ck_diags_free(&d);
  ck_buf_free(&b);
}

int main(void) {
  test_tender();
  test_docbook();
  test_eforms();
  test_encodings();
  test_mapping();
  test_hostile();
  test_doctype_allowed();
  test_positions();
  test_scale();
  test_scale_nested();
  return ck_test_report();
}

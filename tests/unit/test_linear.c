/* Work that must grow linearly with a document's structure, counted rather
 * than timed (a timed test fails on a busy machine and passes a slow
 * algorithm on a fast one):
 *
 *   - a CPV list of 40,000 distinct codes, each written twice: keeping the
 *     codes without duplicates once compared each new code with every code
 *     before it (800 million comparisons here); the index must make about
 *     one comparison per code;
 *   - the same through an eForms lot whose additional CPV codes repeat;
 *   - 20,000 headings under one heading of 64 KB: each section once kept
 *     its whole path, a copy of every ancestor's heading (1.3 GB here); the
 *     document must now hold about its own text's size, and each path is
 *     still right when asked for. */
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "doc.h"
#include "harness.h"
#include "read_document.h"
#include "readers.h"
#include "source.h"

enum { NCODES = 40000, NHEADINGS = 20000, LONG_HEADING = 64 * 1024 };

static void code_of(size_t i, char out[16]) {
  snprintf(out, 16, "%08zu-%zu", (size_t)30000000 + i * 37, i % 10);
}

static void paragraph(ck_doc *doc, const char *text) {
  ck_doc_begin_block(doc, CK_BLOCK_PARAGRAPH, 0, 0, NULL);
  ck_doc_add_text(doc, text, strlen(text), 1, 1);
  ck_doc_end_block(doc);
}

static void test_cpv_list(void) {
  ck_doc *doc = ck_doc_new("cpv.txt", CK_FORMAT_TEXT, "UTF-8");
  paragraph(doc, "CPV-koder:");
  char line[64], code[16];
  for (int pass = 0; pass < 2; pass++)
    for (size_t i = 0; i < NCODES; i++) {
      code_of(i, code);
      snprintf(line, sizeof line, "%s Kontormøbler", code);
      paragraph(doc, line);
    }
  ck_doc_finish(doc);
  INT_EQ(doc->ncpv, NCODES, "distinct codes kept");
  code_of(0, code);
  code[8] = '\0';
  STR_EQ(doc->cpv[0], code, "first code first");
  code_of(NCODES - 1, code);
  code[8] = '\0';
  STR_EQ(doc->cpv[NCODES - 1], code, "last code last");
  size_t compares = doc->cpv_index.compares;
  OK(compares > 0 && compares <= 3 * 2 * NCODES,
     "comparisons for %d codes added twice: %zu (a search of the list makes %zu)", NCODES,
     compares, (size_t)NCODES * NCODES);
  ck_doc_free(doc);
}

static void test_lot_cpv(void) {
  ck_buf x = CK_BUF_INIT;
  ck_buf_puts(&x,
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
              "<ContractNotice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:"
              "ContractNotice-2\" xmlns:cac=\"urn:oasis:names:specification:ubl:schema:xsd:"
              "CommonAggregateComponents-2\" xmlns:cbc=\"urn:oasis:names:specification:ubl:"
              "schema:xsd:CommonBasicComponents-2\">\n"
              "<cbc:NoticeLanguageCode>NOR</cbc:NoticeLanguageCode>\n"
              "<cac:ProcurementProjectLot><cbc:ID schemeName=\"Lot\">LOT-0001</cbc:ID>\n"
              "<cac:ProcurementProject><cbc:Name languageID=\"NOR\">Møbler</cbc:Name>\n"
              "<cbc:Description languageID=\"NOR\">Brukte møbler skal tas tilbake."
              "</cbc:Description>\n");
  enum { LOT_CODES = 10000 };
  char code[16];
  for (int pass = 0; pass < 2; pass++)
    for (size_t i = 0; i < LOT_CODES; i++) {
      code_of(i, code);
      code[8] = '\0';
      ck_buf_printf(&x,
                    "<cac:AdditionalCommodityClassification><cbc:ItemClassificationCode "
                    "listName=\"cpv\">%s</cbc:ItemClassificationCode>"
                    "</cac:AdditionalCommodityClassification>\n",
                    code);
    }
  ck_buf_puts(&x, "</cac:ProcurementProject></cac:ProcurementProjectLot>\n</ContractNotice>\n");
  ck_source src = {0};
  src.path = "lots.xml";
  src.raw = x.ptr;
  src.raw_len = x.len;
  ck_limits limits = ck_limits_default();
  ck_diags diags = {0};
  ck_doc *doc = NULL;
  ck_status st = ck_read_eforms(&src, &limits, &doc, &diags);
  INT_EQ(st, CK_OK, "notice read");
  if (doc && doc->nlots == 1) {
    const ck_lot *lot = &doc->lots[0];
    INT_EQ(lot->ncpv, LOT_CODES, "a lot's distinct codes");
    OK(lot->cpv_index.compares > 0 && lot->cpv_index.compares <= 3 * 2 * LOT_CODES,
       "comparisons for a lot's %d codes added twice: %zu", LOT_CODES,
       lot->cpv_index.compares);
  } else {
    OK(0, "one lot expected");
  }
  ck_doc_free(doc);
  ck_diags_free(&diags);
  ck_buf_free(&x);
}

/* Bytes the allocator holds for the program now. */
static size_t heap_in_use(void) { return mallinfo2().uordblks; }

static void test_many_headings(void) {
  size_t before = heap_in_use();
  ck_doc *doc = ck_doc_new("headings.md", CK_FORMAT_MARKDOWN, "UTF-8");
  char *top = malloc(LONG_HEADING + 1);
  memset(top, 'k', LONG_HEADING);
  memcpy(top, "1 Krav ", 7);
  top[LONG_HEADING] = '\0';
  ck_doc_begin_block(doc, CK_BLOCK_HEADING, 1, 0, NULL);
  ck_doc_add_text(doc, top, LONG_HEADING, 1, 1);
  ck_doc_end_block(doc);
  char text[64];
  for (size_t i = 0; i < NHEADINGS; i++) {
    snprintf(text, sizeof text, "1.%zu Garanti", i);
    ck_doc_begin_block(doc, CK_BLOCK_HEADING, 2, 0, NULL);
    ck_doc_add_text(doc, text, strlen(text), 1, 1);
    ck_doc_end_block(doc);
    paragraph(doc, "Leverandøren skal gi fem års garanti.");
  }
  ck_doc_finish(doc);
  size_t held = heap_in_use() - before;
  size_t text_len = doc->text.len;
  /* The text, its blocks, sections and sentences: a few times the text at
     most. Every path kept would be NHEADINGS x 64 KB. */
  OK(held <= 8 * text_len + (1u << 20), "document of %zu bytes of text holds %zu bytes", text_len,
     held);
  INT_EQ(doc->nsections, NHEADINGS + 1, "sections");
  char *path = ck_doc_block_section_path(doc, doc->nblocks - 1);
  snprintf(text, sizeof text, " > 1.%d Garanti", NHEADINGS - 1);
  OK(path && strlen(path) == LONG_HEADING + strlen(text) && memcmp(path, top, LONG_HEADING) == 0 &&
         strcmp(path + LONG_HEADING, text) == 0,
     "path of the last paragraph: the long heading, then its own");
  free(path);
  free(top);
  ck_doc_free(doc);
}

int main(void) {
  test_cpv_list();
  test_lot_cpv();
  test_many_headings();
  printf("%d passed, %d failed\n", ck_test_passed, ck_test_failed);
  return ck_test_failed ? 1 : 0;
}

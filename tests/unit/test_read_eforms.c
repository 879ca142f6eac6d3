/* Tests of the notice reader (read_eforms.c) over the team's notices in
 * tests/data/eforms/: Norway's § 7-9 extension (by weight, rank,
 * specification code, exemption, and not at all), a NOR + ENG notice, two
 * lots with different CPV codes, a green code without env-imp, an EHF call
 * for tenders; and over generated inputs: encodings, limits, malformed and
 * non-notice XML. Every block's xpath is checked against libxml2's own
 * xmlGetNodePath() and every position against the source text. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "award.h"
#include "harness.h"
#include "readers.h"
#include "source.h"

/* --- helpers ------------------------------------------------------------------------- */

/* A fixture of tests/data/eforms/. */
/* What evaluation judges of a criterion: climate and environment or not. */
static bool env(const ck_award_criterion *c) {
  return ck_award_is_environmental(c->type, c->name, c->description);
}

static char *slurp(const char *name, size_t *len) {
  char rel[512];
  snprintf(rel, sizeof rel, "tests/data/eforms/%s", name);
  return ck_test_fixture(rel, len);
}

static ck_status read_mem(const char *path, const char *data, size_t len, const ck_limits *limits,
                          ck_doc **doc, ck_diags *diags) {
  ck_source src = {0};
  src.path = ck_xstrdup(path);
  src.raw = ck_xstrndup(data, len);
  src.raw_len = len;
  ck_limits def = ck_limits_default();
  ck_status st = ck_read_eforms(&src, limits ? limits : &def, doc, diags);
  ck_source_free(&src);
  return st;
}

/* Checks every block's xpath and position against an independent parse:
 * the xpath must name an element (as xmlGetNodePath writes it) whose text
 * starts with the block's text, and the block's line:col must point at
 * that text in the source. Made-up headings point at their element. */
static void check_blocks(const char *name, const char *data, size_t len, const ck_doc *doc) {
  xmlDoc *x = xmlReadMemory(data, (int)len, name, NULL, XML_PARSE_NONET | XML_PARSE_BIG_LINES);
  OK(x != NULL, "%s parses", name);
  if (!x)
    return;
  size_t cap = 256, n = 0;
  xmlNode **nodes = malloc(cap * sizeof *nodes);
  char **paths = malloc(cap * sizeof *paths);
  xmlNode *e = x->children;
  while (e) {
    if (e->type == XML_ELEMENT_NODE) {
      if (n == cap) {
        cap *= 2;
        nodes = realloc(nodes, cap * sizeof *nodes);
        paths = realloc(paths, cap * sizeof *paths);
      }
      nodes[n] = e;
      paths[n++] = (char *)xmlGetNodePath(e);
      if (e->children) {
        e = e->children;
        continue;
      }
    }
    while (e && !e->next)
      e = e->parent && e->parent->type == XML_ELEMENT_NODE ? e->parent : NULL;
    if (e)
      e = e->next;
  }
  size_t bad = 0;
  for (size_t b = 0; b < doc->nblocks; b++) {
    const ck_block *bl = &doc->blocks[b];
    xmlNode *hit = NULL;
    for (size_t i = 0; bl->xpath && i < n && !hit; i++)
      if (strcmp(paths[i], bl->xpath) == 0)
        hit = nodes[i];
    if (!hit) {
      bad++;
      fprintf(stderr, "%s: block %zu xpath %s names no element\n", name, b,
              bl->xpath ? bl->xpath : "(null)");
      continue;
    }
    unsigned line, col;
    ck_doc_position(doc, bl->start, &line, &col);
    /* the source character at line:col */
    const char *p = data;
    for (unsigned l = 1; l < line && p < data + len; p++)
      l += *p == '\n';
    for (unsigned c = 1; c < col && p < data + len && *p != '\n'; p++)
      if ((*p & 0xC0) != 0x80)
        c++;
    bool made_up = bl->kind == CK_BLOCK_HEADING && bl->level > 1;
    if (made_up) {
      if (*p != '<' || xmlGetLineNo(hit) != (long)line) {
        bad++;
        fprintf(stderr, "%s: heading %zu at %u:%u is not its element's start\n", name, b, line,
                col);
      }
    } else if (*p != doc->text.ptr[bl->start]) {
      bad++;
      fprintf(stderr, "%s: block %zu at %u:%u: source '%.12s', text '%.12s'\n", name, b, line, col,
              p, doc->text.ptr + bl->start);
    }
  }
  INT_EQ(bad, 0, "blocks whose xpath or position is wrong");
  for (size_t i = 0; i < n; i++)
    xmlFree(paths[i]);
  free(paths);
  free(nodes);
  xmlFreeDoc(x);
}

static ck_doc *read_notice(const char *name) {
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
  if (!doc) {
    fprintf(stderr, "%s: no document\n", name);
    exit(1);
  }
  check_blocks(name, data, len, doc);
  free(data);
  return doc;
}

static char btext_buf[512];
static const char *btext(const ck_doc *doc, size_t i) {
  if (i >= doc->nblocks)
    return "(no such block)";
  const ck_block *b = &doc->blocks[i];
  size_t n = b->end - b->start;
  if (n >= sizeof btext_buf)
    n = sizeof btext_buf - 1;
  memcpy(btext_buf, doc->text.ptr + b->start, n);
  btext_buf[n] = '\0';
  return btext_buf;
}

/* The first block whose text is 'text', or (size_t)-1. */
static size_t find_block(const ck_doc *doc, const char *text) {
  for (size_t i = 0; i < doc->nblocks; i++)
    if (strcmp(btext(doc, i), text) == 0)
      return i;
  return (size_t)-1;
}

static bool has_code(const ck_lot *lot, const char *code) {
  for (size_t i = 0; i < lot->ncodes; i++)
    if (strcmp(lot->codes[i], code) == 0)
      return true;
  return false;
}

#define LOT_CRIT                                                                                   \
  "/cac:TenderingTerms/cac:AwardingTerms/cac:AwardingCriterion/cac:SubordinateAwardingCriterion"

/* --- Norway's extension ---------------------------------------------------------------------- */

static void test_weight(void) {
  ck_doc *doc = read_notice("nor-compliant-weight.xml");
  INT_EQ(doc->format, CK_FORMAT_EFORMS, "format");
  STR_EQ(doc->notice_lang, "NOR", "notice language as written");
  INT_EQ(doc->lang, CK_LANG_NB, "NOR is bokmål");
  STR_EQ(doc->title, "Rammeavtale om kontormøbler", "title");
  INT_EQ(doc->ncpv, 2, "procedure and lot CPV codes");
  if (doc->ncpv == 2) {
    STR_EQ(doc->cpv[0], "39130000", "procedure main CPV first");
    STR_EQ(doc->cpv[1], "39121100", "lot additional CPV");
  }
  INT_EQ(doc->ncriteria, 0, "no procedure-level criteria");
  INT_EQ(doc->nlots, 1, "one lot");
  const ck_lot *lot = &doc->lots[0];
  STR_EQ(lot->id, "LOT-0001", "lot id");
  STR_EQ(lot->title, "Kontorstoler og skrivebord", "lot title");
  STR_EQ(lot->xpath, "/*/cac:ProcurementProjectLot", "lot xpath");
  INT_EQ(lot->line, 43, "lot line");
  INT_EQ(lot->col, 3, "lot col");
  INT_EQ(lot->ncpv, 2, "lot CPV codes");
  STR_EQ(lot->cpv[0], "39130000", "lot main CPV");
  INT_EQ(lot->ncodes, 2, "two codes");
  OK(has_code(lot, "environmental-impact:circ-econ"), "circ-econ");
  OK(has_code(lot, "strategic-procurement:env-imp"), "env-imp");

  INT_EQ(lot->ncriteria, 2, "two criteria");
  const ck_award_criterion *c = lot->criteria;
  STR_EQ(c[0].type, "price", "type");
  STR_EQ(c[0].name, "Pris", "name");
  STR_EQ(c[0].description, "Samlet pris for vareutvalget i prisskjemaet.", "description");
  INT_EQ(c[0].weight_kind, CK_WEIGHT_PERCENT, "per-exa");
  NUM_EQ(c[0].weight, 70, "weight");
  OK(!env(&c[0]), "price is not environmental");
  STR_EQ(c[1].type, "quality-nor-env-criteria", "Norwegian type code");
  OK(env(&c[1]), "environmental");
  INT_EQ(c[1].line, 81, "criterion line");
  INT_EQ(c[1].col, 11, "criterion col");
  STR_EQ(c[1].xpath, "/*/cac:ProcurementProjectLot" LOT_CRIT "[2]", "criterion xpath");
  ck_env_weight w = ck_env_weight_compute(lot->criteria, lot->ncriteria, 30);
  INT_EQ(w.way, CK_ENV_BY_WEIGHT, "compliant by weight");
  NUM_EQ(w.share, 30, "share");

  /* blocks: title, description, lot heading, texts, sections */
  INT_EQ(doc->nblocks, 14, "blocks");
  STR_EQ(btext(doc, 0), "Rammeavtale om kontormøbler", "title block");
  INT_EQ(doc->blocks[0].kind, CK_BLOCK_HEADING, "title is a heading");
  INT_EQ(doc->blocks[0].level, 1, "level 1");
  STR_EQ(btext(doc, 2), "LOT-0001: Kontorstoler og skrivebord", "lot heading");
  INT_EQ(doc->blocks[2].level, 2, "lot heading level");
  INT_EQ(lot->block_start, 2, "lot starts at its heading");
  INT_EQ(lot->block_end, 14, "lot ends with the document");
  INT_EQ(ck_doc_block_section_kind(doc, 3), CK_SECTION_NONE, "lot description: no kind");
  size_t award = find_block(doc, "Tildelingskriterier");
  OK(award != (size_t)-1, "award heading made up in Norwegian");
  INT_EQ(ck_doc_block_section_kind(doc, award + 1), CK_SECTION_AWARD, "criteria in award");
  STR_EQ(btext(doc, award + 3), "Klima og miljø", "criterion name as a paragraph");
  size_t contract = find_block(doc, "Kontraktsvilkår");
  OK(contract != (size_t)-1 && doc->blocks[contract].level == 3, "contract heading");
  INT_EQ(ck_doc_block_section_kind(doc, contract + 1), CK_SECTION_CONTRACT, "BT-70 is contract");
  STR_EQ(btext(doc, contract + 1),
         "Leverandøren skal ta tilbake brukte møbler for ombruk. Møblene skal ha minst 5 års "
         "garanti.",
         "performance terms");
  STR_EQ(doc->blocks[contract + 1].xpath,
         "/*/cac:ProcurementProjectLot/cac:TenderingTerms/cac:ContractExecutionRequirement/"
         "cbc:Description",
         "performance terms xpath");
  size_t sel = find_block(doc, "Kvalifikasjonskrav");
  INT_EQ(ck_doc_block_section_kind(doc, sel + 1), CK_SECTION_QUALIFICATION, "selection");
  OK(find_block(doc, "Krav om ombruk og tilbaketaking av møbler.") != (size_t)-1,
     "strategic procurement description (BT-777)");
  /* the made-up award heading sits at cac:AwardingTerms */
  unsigned line, col;
  ck_doc_position(doc, doc->blocks[award].start, &line, &col);
  INT_EQ(line, 62, "award heading line");
  INT_EQ(col, 7, "award heading col");
  /* the lot heading: id at the lot element, title at its text */
  ck_doc_position(doc, doc->blocks[2].start, &line, &col);
  OK(line == 43 && col == 3, "lot id at the lot element: %u:%u", line, col);
  ck_doc_position(doc, doc->blocks[2].start + strlen("LOT-0001: "), &line, &col);
  OK(line == 103 && col == 34, "lot title at its text: %u:%u", line, col);
  ck_doc_free(doc);
}

static void test_rank(void) {
  ck_doc *doc = read_notice("nor-compliant-rank.xml");
  INT_EQ(doc->nlots, 1, "one lot");
  const ck_lot *lot = &doc->lots[0];
  INT_EQ(lot->ncriteria, 3, "three ranked criteria");
  for (size_t i = 0; i < lot->ncriteria; i++) {
    INT_EQ(lot->criteria[i].weight_kind, CK_WEIGHT_RANK, "ord-imp");
    NUM_EQ(lot->criteria[i].weight, (double)(i + 1), "rank");
  }
  ck_env_weight w = ck_env_weight_compute(lot->criteria, lot->ncriteria, 30);
  INT_EQ(w.way, CK_ENV_BY_RANK, "compliant by rank");
  INT_EQ(w.best_rank, 2, "ranked second");
  INT_EQ(w.decisive, 1, "the second criterion");
  OK(has_code(lot, "strategic-procurement:env-imp"), "env-imp");
  STR_EQ(doc->cpv[0], "90911200", "cleaning CPV");
  ck_doc_free(doc);
}

static void test_spec(void) {
  ck_doc *doc = read_notice("nor-compliant-spec.xml");
  const ck_lot *lot = &doc->lots[0];
  INT_EQ(lot->ncriteria, 2, "price and the marker");
  STR_EQ(lot->criteria[1].type, "quality-nor-env-spec", "spec code");
  INT_EQ(lot->criteria[1].weight_kind, CK_WEIGHT_PERCENT, "per-exa marker");
  NUM_EQ(lot->criteria[1].weight, 0, "weight 0");
  ck_env_weight w = ck_env_weight_compute(lot->criteria, lot->ncriteria, 30);
  INT_EQ(w.way, CK_ENV_BY_SPEC, "compliant by specification");
  OK(w.compliant, "compliant");
  OK(w.sums_to_100, "100 + 0");
  /* the justification is text under the award heading */
  size_t b = find_block(doc, "Papiret skal være Svanemerket eller EU Ecolabel-merket, og minst "
                             "50 % av fibrene skal være resirkulert.");
  OK(b != (size_t)-1, "justification read");
  INT_EQ(ck_doc_block_section_kind(doc, b), CK_SECTION_AWARD, "in the award section");
  ck_doc_free(doc);
}

static void test_exempt(void) {
  ck_doc *doc = read_notice("nor-compliant-exempt.xml");
  INT_EQ(doc->nlots, 2, "two lots");
  for (size_t i = 0; i < doc->nlots; i++) {
    const ck_lot *lot = &doc->lots[i];
    ck_env_weight w = ck_env_weight_compute(lot->criteria, lot->ncriteria, 30);
    INT_EQ(w.way, CK_ENV_EXEMPT, lot->id);
    OK(w.compliant, "exempt is compliant");
    INT_EQ(w.decisive, 1, "the exemption criterion");
  }
  STR_EQ(doc->lots[0].criteria[1].type, "quality-nor-env-exempt-insignificant", "new code");
  INT_EQ(doc->lots[0].criteria[1].weight_kind, CK_WEIGHT_NONE, "no number-weight");
  STR_EQ(doc->lots[1].criteria[1].type, "quality-nor-env-none", "retired code");
  STR_EQ(doc->lots[1].id, "LOT-0002", "second lot id");
  STR_EQ(doc->lots[1].xpath, "/*/cac:ProcurementProjectLot[2]", "indexed lot xpath");
  INT_EQ(doc->lots[0].block_end, doc->lots[1].block_start, "lots are adjacent");
  INT_EQ(doc->lots[1].block_end, doc->nblocks, "last lot ends the document");
  ck_doc_free(doc);
}

static void test_noncompliant(void) {
  ck_doc *doc = read_notice("nor-noncompliant.xml");
  INT_EQ(doc->nlots, 3, "three lots");
  ck_env_weight w = ck_env_weight_compute(doc->lots[0].criteria, doc->lots[0].ncriteria, 30);
  INT_EQ(w.way, CK_ENV_TOO_LOW, "lot 1: 20 %");
  NUM_EQ(w.share, 20, "share 20");
  OK(!w.compliant, "not compliant");
  w = ck_env_weight_compute(doc->lots[1].criteria, doc->lots[1].ncriteria, 30);
  INT_EQ(w.way, CK_ENV_ABSENT, "lot 2: no environmental criterion");
  OK(!env(&doc->lots[1].criteria[1]), "Kvalitet og arbeidsmiljø is not environmental");
  w = ck_env_weight_compute(doc->lots[2].criteria, doc->lots[2].ncriteria, 30);
  INT_EQ(w.way, CK_ENV_WITHHELD, "lot 3: weights withheld");
  INT_EQ(doc->lots[2].criteria[0].weight_kind, CK_WEIGHT_NONE, "withheld is none");
  INT_EQ(doc->lots[2].criteria[1].weight_kind, CK_WEIGHT_NONE, "withheld is none");
  STR_EQ(doc->lots[2].cpv[0], "30237460", "lot 3 CPV");
  ck_doc_free(doc);
}

/* --- languages, lots, codes ----------------------------------------------------------------------
 */

static void test_multilingual(void) {
  ck_doc *doc = read_notice("multilingual-nor-eng.xml");
  STR_EQ(doc->notice_lang, "NOR", "notice language");
  INT_EQ(doc->lang, CK_LANG_NB, "bokmål");
  STR_EQ(doc->title, "Kantinedrift", "the NOR title although ENG comes first");
  STR_EQ(btext(doc, 0), "Kantinedrift", "title block");
  STR_EQ(doc->blocks[0].xpath, "/*/cac:ProcurementProject/cbc:Name[2]", "second Name");
  STR_EQ(btext(doc, 1), "Kommunen kjøper kantinetjenester.", "NOR description");
  const ck_lot *lot = &doc->lots[0];
  STR_EQ(lot->title, "Kantinetjenester", "NOR lot title");
  STR_EQ(lot->criteria[1].name, "Miljø", "NOR criterion name");
  STR_EQ(lot->criteria[1].description, "Plan for å redusere matsvinn.", "NOR description");
  OK(find_block(doc, "Site visit on request.") != (size_t)-1, "an English-only text is still read");
  OK(find_block(doc, "Canteen services") == (size_t)-1, "the ENG duplicates are not");
  OK(find_block(doc, "Price") == (size_t)-1, "no ENG criterion names");
  OK(find_block(doc, "Tildelingskriterier") != (size_t)-1, "headings in Norwegian");
  ck_env_weight w = ck_env_weight_compute(lot->criteria, lot->ncriteria, 30);
  INT_EQ(w.way, CK_ENV_BY_WEIGHT, "40 %");
  ck_doc_free(doc);
}

static void test_two_lots(void) {
  ck_doc *doc = read_notice("two-lots-cpv.xml");
  INT_EQ(doc->nlots, 2, "two lots");
  const ck_lot *a = &doc->lots[0], *b = &doc->lots[1];
  INT_EQ(a->ncpv, 2, "lot 1 CPV codes");
  STR_EQ(a->cpv[0], "39130000", "lot 1 main CPV");
  STR_EQ(a->cpv[1], "39112000", "check digit stripped");
  INT_EQ(b->ncpv, 2, "lot 2 CPV codes");
  STR_EQ(b->cpv[0], "30213100", "lot 2 main CPV");
  STR_EQ(b->cpv[1], "30213000", "lot 2 additional CPV");
  INT_EQ(doc->ncpv, 6, "all codes on the document");
  STR_EQ(doc->cpv[0], "39000000", "procedure main first");
  STR_EQ(doc->cpv[1], "30200000", "procedure additional second");
  INT_EQ(a->criteria[0].weight_kind, CK_WEIGHT_POINTS, "poi-exa");
  ck_env_weight w = ck_env_weight_compute(a->criteria, a->ncriteria, 30);
  NUM_EQ(w.share, 40, "40 of 100 points");
  INT_EQ(w.way, CK_ENV_BY_WEIGHT, "points comply");
  INT_EQ(b->criteria[0].weight_kind, CK_WEIGHT_DECIMAL, "dec-exa");
  NUM_EQ(b->criteria[1].weight, 0.25, "decimal weight");
  OK(env(&b->criteria[1]), "Bærekraft counts as environmental");
  w = ck_env_weight_compute(b->criteria, b->ncriteria, 30);
  INT_EQ(w.way, CK_ENV_TOO_LOW, "a quarter is too low");
  NUM_EQ(w.share, 25, "decimal share");
  OK(a->block_end <= b->block_start, "lot 1 blocks before lot 2");
  STR_EQ(btext(doc, b->block_start), "LOT-0002: Bærbare datamaskiner", "lot 2 heading");
  ck_doc_free(doc);
}

static void test_circ_econ_without_env_imp(void) {
  ck_doc *doc = read_notice("circ-econ-no-envimp.xml");
  const ck_lot *lot = &doc->lots[0];
  INT_EQ(lot->ncodes, 2, "two codes");
  OK(has_code(lot, "environmental-impact:circ-econ"), "circ-econ");
  OK(has_code(lot, "gpp-criteria:national"), "BT-805 national");
  OK(!has_code(lot, "strategic-procurement:env-imp"), "no env-imp");
  INT_EQ(lot->ncpv, 1, "junk and other-list codes left out");
  STR_EQ(lot->cpv[0], "98341140", "the real CPV");
  INT_EQ(doc->ncpv, 1, "document CPV");
  STR_EQ(doc->notice_lang, "NOR", "read despite the template CustomizationID");
  ck_doc_free(doc);
}

static void test_ehf_call_for_tenders(void) {
  ck_doc *doc = read_notice("ehf-call-for-tenders.xml");
  INT_EQ(doc->format, CK_FORMAT_EFORMS, "a UBL call for tenders is a notice");
  OK(doc->notice_lang == NULL, "no notice language field");
  INT_EQ(doc->lang, CK_LANG_NB, "detected from the text");
  STR_EQ(doc->title, "Rammeavtale om arbeidstøy", "title");
  INT_EQ(doc->ncpv, 2, "CPV with check digits, junk left out");
  STR_EQ(doc->cpv[0], "18110000", "main CPV without its check digit");
  STR_EQ(doc->cpv[1], "18143000", "additional CPV");
  INT_EQ(doc->ncriteria, 2, "procedure-level criteria");
  STR_EQ(doc->criteria[0].type, "price", "type");
  INT_EQ(doc->criteria[0].weight_kind, CK_WEIGHT_PERCENT, "WeightNumeric is percent");
  NUM_EQ(doc->criteria[0].weight, 65, "weight");
  OK(env(&doc->criteria[1]), "Miljø in the description");
  STR_EQ(doc->criteria[1].xpath, "/*/cac:TenderingTerms/cac:AwardingTerms/cac:AwardingCriterion[2]",
         "criterion xpath");
  ck_env_weight w = ck_env_weight_compute(doc->criteria, doc->ncriteria, 30);
  INT_EQ(w.way, CK_ENV_BY_WEIGHT, "35 %");
  INT_EQ(doc->nlots, 2, "two lots");
  STR_EQ(doc->lots[0].id, "1", "UBL lot id");
  INT_EQ(doc->lots[0].ncpv, 2, "a lot without codes takes the procedure's");
  STR_EQ(doc->lots[1].cpv[0], "18110000", "inherited main CPV");
  INT_EQ(doc->lots[0].ncriteria, 0, "no lot criteria");
  size_t award = find_block(doc, "Tildelingskriterier");
  OK(award != (size_t)-1 && doc->blocks[award].level == 2, "procedure-level award heading");
  STR_EQ(btext(doc, award + 2), "Miljø: klimagassutslipp fra transport og emballasje",
         "criterion description");
  ck_doc_free(doc);
}

/* --- generated inputs
 * ------------------------------------------------------------------------------ */

static const char mini[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<ContractNotice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:ContractNotice-2\"\n"
    "  xmlns:cac=\"urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2\"\n"
    "  xmlns:cbc=\"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2\">\n"
    "  <cbc:NoticeLanguageCode>ENG</cbc:NoticeLanguageCode>\n"
    "  <cac:ProcurementProject>\n"
    "    <cbc:Name languageID=\"ENG\">Office chairs</cbc:Name>\n"
    "    <cbc:Description languageID=\"ENG\">Chairs with a <![CDATA[ten-year]]> "
    "warranty.</cbc:Description>\n"
    "  </cac:ProcurementProject>\n"
    "  <cac:ProcurementProjectLot>\n"
    "    <cbc:ID schemeName=\"Lot\">LOT-0001</cbc:ID>\n"
    "    <cac:ProcurementProject>\n"
    "      <cbc:Name languageID=\"ENG\">Chairs</cbc:Name>\n"
    "      <cbc:Description languageID=\"ENG\">Spare parts for ten years.</cbc:Description>\n"
    "    </cac:ProcurementProject>\n"
    "  </cac:ProcurementProjectLot>\n"
    "</ContractNotice>\n";

static void check_mini(const char *what, const ck_doc *doc, unsigned desc_col) {
  INT_EQ(doc->nblocks, 4, what);
  STR_EQ(btext(doc, 0), "Office chairs", what);
  STR_EQ(btext(doc, 3), "Spare parts for ten years.", what);
  INT_EQ(doc->lang, CK_LANG_EN, "ENG");
  unsigned line, col;
  ck_doc_position(doc, doc->blocks[1].start, &line, &col);
  OK(line == 8 && col == desc_col, "%s: description at %u:%u", what, line, col);
  ck_doc_position(doc, doc->blocks[3].start, &line, &col);
  OK(line == 14 && col == 41, "%s: lot description at %u:%u", what, line, col);
  INT_EQ(doc->lots[0].line, 10, what);
}

static void test_encodings(void) {
  ck_doc *doc = NULL;
  ck_diags d = CK_DIAGS_INIT;
  INT_EQ(read_mem("mini.xml", mini, strlen(mini), NULL, &doc, &d), CK_OK, "mini");
  check_mini("utf-8", doc, 39);
  STR_EQ(btext(doc, 1), "Chairs with a ten-year warranty.", "CDATA text joined");
  STR_EQ(doc->encoding, "UTF-8", "encoding");
  ck_doc_free(doc);

  /* CR LF line ends and a byte order mark */
  ck_buf b = CK_BUF_INIT;
  ck_buf_put(&b, "\xEF\xBB\xBF", 3);
  for (const char *p = mini; *p; p++) {
    if (*p == '\n')
      ck_buf_putc(&b, '\r');
    ck_buf_putc(&b, *p);
  }
  INT_EQ(read_mem("crlf.xml", b.ptr, b.len, NULL, &doc, &d), CK_OK, "crlf");
  check_mini("crlf", doc, 39);
  STR_EQ(doc->encoding, "UTF-8 with BOM", "BOM named");
  ck_doc_free(doc);
  ck_buf_reset(&b);

  /* UTF-16LE with a byte order mark */
  ck_buf_put(&b, "\xFF\xFE", 2);
  const char *utf16 = strstr(mini, "<ContractNotice");
  for (const char *p = utf16; *p; p++) {
    ck_buf_putc(&b, *p);
    ck_buf_putc(&b, '\0');
  }
  INT_EQ(read_mem("utf16.xml", b.ptr, b.len, NULL, &doc, &d), CK_OK, "utf-16");
  if (doc) {
    STR_EQ(doc->encoding, "UTF-16LE", "UTF-16 named");
    STR_EQ(btext(doc, 0), "Office chairs", "utf-16 title");
    unsigned line, col;
    ck_doc_position(doc, doc->blocks[3].start, &line, &col);
    OK(line == 13 && col == 41, "utf-16 positions (no declaration line): %u:%u", line, col);
    ck_doc_free(doc);
  }
  ck_buf_free(&b);
  INT_EQ(d.n, 0, "no diagnostics");
  ck_diags_free(&d);
}

/* Positions are found through an index of line starts with marks inside
 * long lines: a lone CR is a line break (as libxml2 counts it), and a
 * notice written on one line (longer than the distance between marks, with
 * multi-byte characters before the texts) still places every block at its
 * text. */
static void test_line_ends_and_long_lines(void) {
  ck_doc *doc = NULL;
  ck_diags d = CK_DIAGS_INIT;
  ck_buf b = CK_BUF_INIT;
  for (const char *p = mini; *p; p++)
    ck_buf_putc(&b, *p == '\n' ? '\r' : *p);
  INT_EQ(read_mem("cr.xml", b.ptr, b.len, NULL, &doc, &d), CK_OK, "cr");
  if (doc)
    check_mini("cr", doc, 39);
  ck_doc_free(doc);
  doc = NULL;
  ck_buf_reset(&b);

  /* One line after the declaration, about 13 KB, the lot's text beyond
   * three marks. */
  const char *desc = strstr(mini, "Chairs with a");
  const char *lot = strstr(mini, "  <cac:ProcurementProjectLot>");
  ck_buf_put(&b, mini, (size_t)(strchr(mini, '\n') - mini) + 1);
  for (const char *p = strchr(mini, '\n') + 1; p < desc; p++)
    if (*p != '\n')
      ck_buf_putc(&b, *p);
  for (int i = 0; i < 600; i++)
    ck_buf_puts(&b, "Reservedeler i tjue \xC3\xA5r. ");
  ck_buf_puts(&b, "</cbc:Description></cac:ProcurementProject>");
  for (const char *p = lot; *p; p++)
    if (*p != '\n')
      ck_buf_putc(&b, *p);
  ck_buf_putc(&b, '\n');
  OK(b.len > 3 * 4096, "a long line: %zu bytes", b.len);
  INT_EQ(read_mem("one-line.xml", b.ptr, b.len, NULL, &doc, &d), CK_OK, "one line");
  if (doc) {
    INT_EQ(doc->nblocks, 4, "one line: blocks");
    check_blocks("one-line.xml", b.ptr, b.len, doc);
    unsigned line, col;
    ck_doc_position(doc, doc->blocks[3].start, &line, &col);
    OK(line == 2 && col > 3 * 4096 - 600, "lot description far along line 2: %u:%u", line, col);
  }
  ck_doc_free(doc);
  ck_buf_free(&b);
  INT_EQ(d.n, 0, "no diagnostics");
  ck_diags_free(&d);
}

static void test_latin1(void) {
  const char *src = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
                    "<ContractNotice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:"
                    "ContractNotice-2\" xmlns:cac=\"urn:oasis:names:specification:ubl:schema:"
                    "xsd:CommonAggregateComponents-2\" xmlns:cbc=\"urn:oasis:names:"
                    "specification:ubl:schema:xsd:CommonBasicComponents-2\">\n"
                    "<cac:ProcurementProject><cbc:Name>M\xF8"
                    "bler</cbc:Name>"
                    "<cbc:Description>Gjenbrukte m\xF8"
                    "bler.</cbc:Description>"
                    "</cac:ProcurementProject>\n"
                    "</ContractNotice>\n";
  ck_doc *doc = NULL;
  ck_diags d = CK_DIAGS_INIT;
  INT_EQ(read_mem("latin1.xml", src, strlen(src), NULL, &doc, &d), CK_OK, "latin-1");
  if (doc) {
    STR_EQ(btext(doc, 0), "Møbler", "decoded by libxml2");
    STR_EQ(doc->encoding, "ISO-8859-1", "declared encoding named");
    unsigned line, col;
    ck_doc_position(doc, doc->blocks[1].start, &line, &col);
    OK(line == 3 && col == 69, "one byte, one column: %u:%u", line, col);
    ck_doc_free(doc);
  }
  ck_diags_free(&d);
}

static void test_not_a_notice(void) {
  /* the right root name in another namespace is generic XML */
  const char *other = "<ContractNotice xmlns=\"urn:example:tenders\"><title>Stoler</title>"
                      "<p>Brukte stoler.</p></ContractNotice>";
  ck_doc *doc = NULL;
  ck_diags d = CK_DIAGS_INIT;
  INT_EQ(read_mem("other.xml", other, strlen(other), NULL, &doc, &d), CK_OK, "generic");
  if (doc) {
    INT_EQ(doc->format, CK_FORMAT_XML, "handed to the XML reader");
    INT_EQ(doc->nlots, 0, "no lots");
    OK(doc->nblocks >= 2, "its text is read");
    ck_doc_free(doc);
  }

  /* malformed: one clear error */
  const char *bad = "<ContractNotice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:"
                    "ContractNotice-2\"><a></ContractNotice>";
  INT_EQ(read_mem("bad.xml", bad, strlen(bad), NULL, &doc, &d), CK_ERR_INPUT, "malformed");
  OK(doc == NULL, "no document");
  INT_EQ(d.n, 1, "one diagnostic");
  ck_diags_free(&d);

  /* entity declarations are refused before anything is expanded */
  const char *ent = "<?xml version=\"1.0\"?>\n<!DOCTYPE ContractNotice [\n"
                    "<!ENTITY a \"aaaaaaaaaa\">\n]>\n<ContractNotice>&a;</ContractNotice>";
  INT_EQ(read_mem("ent.xml", ent, strlen(ent), NULL, &doc, &d), CK_ERR_INPUT, "entities");
  OK(d.n == 1 && strstr(d.items[0].msg, "entity") != NULL, "entity message");
  INT_EQ(d.items[0].line, 3, "at the declaration");
  ck_diags_free(&d);
}

static void test_limits_and_empty(void) {
  ck_doc *doc = NULL;
  ck_diags d = CK_DIAGS_INIT;
  ck_limits lim = ck_limits_default();
  lim.max_blocks = 2;
  INT_EQ(read_mem("mini.xml", mini, strlen(mini), &lim, &doc, &d), CK_ERR_LIMIT, "block limit");
  OK(doc == NULL, "no document");
  OK(d.n == 1 && strstr(d.items[0].msg, "more than 2 blocks") != NULL, "limit message");
  ck_diags_free(&d);

  lim = ck_limits_default();
  lim.max_xml_depth = 2;
  INT_EQ(read_mem("mini.xml", mini, strlen(mini), &lim, &doc, &d), CK_ERR_LIMIT, "depth limit");
  ck_diags_free(&d);

  /* a notice with nothing to read: read, with a warning */
  const char *empty =
      "<ContractNotice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:ContractNotice-2\""
      " xmlns:cac=\"urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2\">"
      "\n  <cac:ProcurementProject>\n  </cac:ProcurementProject>\n</ContractNotice>\n";
  INT_EQ(read_mem("empty.xml", empty, strlen(empty), NULL, &doc, &d), CK_OK, "empty notice");
  INT_EQ(d.n, 1, "one warning");
  if (d.n == 1) {
    INT_EQ(d.items[0].level, CK_DIAG_WARNING, "a warning, not an error");
    INT_EQ(d.items[0].line, 1, "at the root");
    INT_EQ(d.items[0].col, 1, "root column");
  }
  if (doc) {
    INT_EQ(doc->nblocks, 0, "no blocks");
    INT_EQ(doc->nlots, 0, "no lots");
    ck_doc_free(doc);
  }
  ck_diags_free(&d);

  /* a lot without an id is numbered */
  const char *noid =
      "<ContractNotice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:ContractNotice-2\""
      " xmlns:cac=\"urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2\""
      " xmlns:cbc=\"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2\">"
      "<cbc:NoticeLanguageCode>NNO</cbc:NoticeLanguageCode>"
      "<cac:ProcurementProjectLot><cbc:ID schemeName=\"Lot\"></cbc:ID><cac:ProcurementProject>"
      "<cbc:Description>Skulemøblar.</cbc:Description></cac:ProcurementProject>"
      "</cac:ProcurementProjectLot></ContractNotice>";
  INT_EQ(read_mem("noid.xml", noid, strlen(noid), NULL, &doc, &d), CK_OK, "lot without id");
  if (doc) {
    STR_EQ(doc->lots[0].id, "Delkontrakt 1", "numbered in the notice language");
    INT_EQ(doc->lang, CK_LANG_NN, "NNO is nynorsk");
    OK(doc->lots[0].title == NULL, "no title");
    ck_doc_free(doc);
  }
  ck_diags_free(&d);
}

int main(void) {
  test_weight();
  test_rank();
  test_spec();
  test_exempt();
  test_noncompliant();
  test_multilingual();
  test_two_lots();
  test_circ_econ_without_env_imp();
  test_ehf_call_for_tenders();
  test_encodings();
  test_line_ends_and_long_lines();
  test_latin1();
  test_not_a_notice();
  test_limits_and_empty();
  return ck_test_report();
}

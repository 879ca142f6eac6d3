/* libFuzzer target: the rule loader. The input is one rule pack, added with
 * the built-in schema and criteria table (ck_ruleset_add_pack). A pack that
 * loads is exercised: its examples run through 'rules test' and a small
 * tender is evaluated with it and rendered, so fuzzed patterns, messages
 * and clause placeholders all reach the evaluator and the renderers. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eval.h"
#include "fuzz_common.h"
#include "read_document.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

extern const struct ck_builtin_file {
  const char *name;
  const char *data;
  size_t size;
} ck_builtin_files[];

static const struct ck_builtin_file *builtin(const char *name) {
  for (const struct ck_builtin_file *f = ck_builtin_files; f->name; f++)
    if (strcmp(f->name, name) == 0)
      return f;
  abort();
}

/* A short tender touching warranty, repair, reuse and a figure, so that a
   fuzzed pack has something to match. */
static const char tender[] =
    "Konkurransegrunnlag\n\n"
    "CPV 39130000 Kontormøbler\n\n"
    "1 Kravspesifikasjon\n\n"
    "Leverandøren skal gi minst 5 års garanti og reservedeler i 10 år.\n\n"
    "The supplier shall repair and take back used furniture for reuse.\n\n"
    "2 Tildelingskriterier\n\n"
    "Miljø vektes 30 %, pris 70 %.\n";

static FILE *devnull;

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  devnull = fopen("/dev/null", "w");
  if (!devnull)
    abort();
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const struct ck_builtin_file *csv = builtin("rules/criteria.csv");
  const struct ck_builtin_file *rng = builtin("rules/schema/circheck-rules.rng");
  ck_diags diags = CK_DIAGS_INIT;
  ck_ruleset *rs = NULL;
  if (ck_ruleset_new(csv->data, csv->size, csv->name, &rs, &diags) != CK_OK)
    abort();
  /* An exact-size copy, so a read past the end is caught. */
  char *xml = ck_xmalloc(size ? size : 1);
  if (size)
    memcpy(xml, data, size);
  ck_status st = ck_ruleset_add_pack(rs, xml, size, "fuzz.xml", rng->data, rng->size, &diags);
  if (st == CK_OK) {
    if (ck_diags_errors(&diags))
      abort();
    ck_ruleset_seal(rs);
    ck_rules_test(rs, NULL, devnull);
    ck_rules_list(rs, (ck_msg_lang)(size % CK_MSG_LANG_COUNT), devnull);
    ck_diags doc_diags = CK_DIAGS_INIT;
    for (ck_lang lang = CK_LANG_NB; lang < CK_LANG_COUNT; lang++) {
      ck_doc *doc = ck_document_from_text("tender.md", tender, sizeof tender - 1, lang, &doc_diags);
      if (!doc)
        abort();
      ck_fuzz_evaluate_and_render(rs, doc, ((unsigned)size * 2654435761u >> 8) ^ (unsigned)lang);
      ck_doc_free(doc);
    }
    ck_diags_free(&doc_diags);
  } else if (ck_diags_errors(&diags) == 0) {
    abort();
  }
  free(xml);
  ck_diags_free(&diags);
  ck_ruleset_free(rs);
  return 0;
}

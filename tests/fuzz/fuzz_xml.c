/* libFuzzer target: the XML path. Raw bytes go to ck_read_xml (libxml2 via
 * the safe wrapper, then the generic and eForms readers); a document that
 * reads is evaluated with the built-in rules and rendered as text and JSON. */
#include <stdint.h>
#include <stdlib.h>

#include "fuzz_common.h"
#include "readers.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  ck_fuzz_builtin_rules();
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const ck_ruleset *rs = ck_fuzz_builtin_rules();
  ck_source src;
  ck_fuzz_source(&src, "fuzz.xml", data, size);
  ck_limits limits = ck_fuzz_limits();
  ck_diags diags = CK_DIAGS_INIT;
  ck_doc *doc = NULL;
  ck_status st = ck_read_xml(&src, &limits, &doc, &diags);
  if (st == CK_OK) {
    if (!doc || ck_diags_errors(&diags))
      abort();
    ck_fuzz_evaluate_and_render(rs, doc, (unsigned)size * 2654435761u >> 8);
  } else if (doc || ck_diags_errors(&diags) == 0) {
    abort();
  }
  ck_doc_free(doc);
  ck_diags_free(&diags);
  ck_source_free(&src);
  return 0;
}

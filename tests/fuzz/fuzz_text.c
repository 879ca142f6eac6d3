/* libFuzzer target: the text path. Raw bytes are decoded (ck_source_decode),
 * read as plain text and as Markdown (ck_read_text), and each document that
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

/* Reads the decoded source in 'format' and checks the document when it reads. */
static void read_and_check(const ck_source *src, ck_input_format format, unsigned variant) {
  const ck_ruleset *rs = ck_fuzz_builtin_rules();
  ck_limits limits = ck_fuzz_limits();
  ck_diags diags = CK_DIAGS_INIT;
  ck_doc *doc = NULL;
  ck_status st = ck_read_text(src, format, &limits, &doc, &diags);
  if (st == CK_OK) {
    if (!doc || diags.n)
      abort(); /* success must come with a document and without errors */
    ck_fuzz_evaluate_and_render(rs, doc, variant);
  } else if (doc || ck_diags_errors(&diags) == 0) {
    abort(); /* an error must come with a diagnostic and without a document */
  }
  ck_doc_free(doc);
  ck_diags_free(&diags);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  ck_source src;
  ck_fuzz_source(&src, "fuzz.txt", data, size);
  ck_diags diags = CK_DIAGS_INIT;
  ck_status st = ck_source_decode(&src, &diags);
  if (st == CK_OK) {
    unsigned variant = (unsigned)size * 2654435761u >> 8;
    read_and_check(&src, CK_FORMAT_TEXT, variant);
    read_and_check(&src, CK_FORMAT_MARKDOWN, variant ^ 1u);
  } else if (ck_diags_errors(&diags) == 0) {
    abort();
  }
  ck_diags_free(&diags);
  ck_source_free(&src);
  return 0;
}

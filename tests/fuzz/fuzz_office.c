/* libFuzzer target: the office path. Raw bytes starting like a PDF go to the
 * PDF reader (poppler), like an HTML page to the HTML reader; others are
 * taken for a zip archive (libzip), sniffed
 * as Word or OpenDocument and read by that reader. A document that reads is
 * evaluated with the built-in rules and rendered. */
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
  ck_fuzz_source(&src, "fuzz.docx", data, size);
  ck_limits limits = ck_fuzz_limits();
  ck_diags diags = CK_DIAGS_INIT;
  ck_doc *doc = NULL;
  ck_status st;
  if (ck_pdf_magic(src.raw, src.raw_len)) {
    st = ck_read_pdf(&src, &limits, &doc, &diags);
  } else if (ck_html_looks(src.raw, src.raw_len)) {
    st = ck_read_html(&src, &limits, &doc, &diags);
  } else {
    /* a zip that sniffs as neither still goes through the Word reader */
    ck_input_format f = ck_office_sniff(&src);
    st = f == CK_FORMAT_ODT ? ck_read_odt(&src, &limits, &doc, &diags)
                            : ck_read_docx(&src, &limits, &doc, &diags);
  }
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

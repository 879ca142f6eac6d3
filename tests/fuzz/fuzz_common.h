/* Shared pieces of the libFuzzer targets: the built-in rule set loaded once,
 * and "evaluate, render, check the output" for a finished document.
 *
 * The targets call the engine's internal functions directly (no files, no
 * CLI) so that every input reaches the readers, the evaluator and the
 * renderers in one process. */
#ifndef CK_FUZZ_COMMON_H
#define CK_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>

#include "doc.h"
#include "rules.h"
#include "source.h"

/* The built-in rule set, loaded on first use; aborts if it does not load
 * (a broken build, not a finding). */
const ck_ruleset *ck_fuzz_builtin_rules(void);

/* Limits small enough that a fuzz input of a few kilobytes can reach every
 * limit check, yet large enough for the seed documents. */
ck_limits ck_fuzz_limits(void);

/* Fills 'src' with a private copy of the input (NUL-terminated, as the
 * readers expect) under the name 'path'. Free with ck_source_free(). */
void ck_fuzz_source(ck_source *src, const char *path, const uint8_t *data, size_t size);

/* Evaluates 'doc' with 'rs' (the options vary with 'variant': level,
 * message language, packs chosen or all forced), renders the result as text
 * and JSON and aborts when an output breaks an invariant. Takes ownership of
 * nothing; 'doc' stays the caller's. */
void ck_fuzz_evaluate_and_render(const ck_ruleset *rs, const ck_doc *doc, unsigned variant);

/* Aborts unless 'out' ('len' bytes) is NUL-terminated at 'len', holds no
 * NUL before it, is valid UTF-8 and, for JSON, has no raw control
 * character but the line feed. */
void ck_fuzz_check_output(const char *out, size_t len, int is_json);

#endif

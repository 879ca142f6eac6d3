/* What one input may make circheck do (ck_limits): the defaults, and
 * setting one by name for the command line's --limit NAME=VALUE. */
#include <errno.h>
#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "circheck.h"

ck_limits ck_limits_default(void) {
  ck_limits l;
  l.max_input_bytes = (size_t)64 << 20;
  l.max_line_bytes = (size_t)1 << 20;
  l.max_blocks = 1000000;
  l.max_xml_depth = 256;
  /* A 140-page Word file has about 60,000 elements; eForms notices a few
     thousand. Two million parse in a second or two and some hundreds of
     megabytes; a flood of empty elements is stopped there. */
  l.max_xml_elements = 2000000;
  /* Real elements have a handful (a Word document's root declares some
     40 namespaces); 1,000 parse in well under a millisecond, while
     libxml2's time grows with the square of one element's count. */
  l.max_xml_attributes = 1000;
  l.max_xml_total_attributes = 4000000;
  /* On the 16 MiB benchmark corpus (docs/performance.md) the slowest
     built-in rule took 0.73 s (the first, which pays for the prefilter's
     scan of the document) and all rules together 1.0 s; a 64 MiB input
     scales that by four. These budgets stop only a catastrophic user
     pattern that PCRE2's per-call limits let through sentence after
     sentence. */
  l.rule_time_ms = 10000;
  l.document_time_ms = 60000;
  return l;
}

typedef enum { KIND_BYTES, KIND_COUNT, KIND_MILLISECONDS } limit_kind;

static const struct {
  const char *name;
  limit_kind kind;
  size_t offset;
  bool is_unsigned; /* an 'unsigned' field, else size_t */
} fields[] = {
    {"max_input_bytes", KIND_BYTES, offsetof(ck_limits, max_input_bytes), false},
    {"max_line_bytes", KIND_BYTES, offsetof(ck_limits, max_line_bytes), false},
    {"max_blocks", KIND_COUNT, offsetof(ck_limits, max_blocks), false},
    {"max_xml_depth", KIND_COUNT, offsetof(ck_limits, max_xml_depth), true},
    {"max_xml_elements", KIND_COUNT, offsetof(ck_limits, max_xml_elements), false},
    {"max_xml_attributes", KIND_COUNT, offsetof(ck_limits, max_xml_attributes), false},
    {"max_xml_total_attributes", KIND_COUNT, offsetof(ck_limits, max_xml_total_attributes),
     false},
    {"rule_time_ms", KIND_MILLISECONDS, offsetof(ck_limits, rule_time_ms), true},
    {"document_time_ms", KIND_MILLISECONDS, offsetof(ck_limits, document_time_ms), true},
};
enum { NFIELDS = sizeof fields / sizeof *fields };

const char *ck_limit_name(size_t i) { return i < NFIELDS ? fields[i].name : NULL; }

bool ck_limits_set(ck_limits *limits, const char *name, const char *value) {
  for (size_t i = 0; i < NFIELDS; i++) {
    if (strcmp(fields[i].name, name) != 0)
      continue;
    if (!value || *value < '0' || *value > '9')
      return false;
    char *end;
    errno = 0;
    unsigned long long n = strtoull(value, &end, 10);
    if (errno || end == value)
      return false;
    if (fields[i].kind == KIND_BYTES && *end) {
      unsigned shift = *end == 'K' ? 10 : *end == 'M' ? 20 : *end == 'G' ? 30 : 0;
      if (!shift || n > (ULLONG_MAX >> shift))
        return false;
      n <<= shift;
      end++;
    }
    if (*end)
      return false;
    /* A cap of 0 would refuse everything; a budget of 0 is none. */
    if (fields[i].kind != KIND_MILLISECONDS && n == 0)
      return false;
    unsigned long long max = fields[i].is_unsigned ? UINT_MAX : SIZE_MAX;
    if (n > max)
      return false;
    char *field = (char *)limits + fields[i].offset;
    if (fields[i].is_unsigned) {
      unsigned v = (unsigned)n;
      memcpy(field, &v, sizeof v);
    } else {
      size_t v = (size_t)n;
      memcpy(field, &v, sizeof v);
    }
    return true;
  }
  return false;
}

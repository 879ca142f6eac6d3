/* Which root elements make an XML document a notice (see xmlroot.h). */
#include "xmlroot.h"

#include <string.h>

#include "xmlscan.h"

ck_notice_kind ck_notice_root_kind(const char *s, size_t len) {
  /* eForms notices are UBL documents whose root is one of three notice
     types; older Norwegian UBL/EHF tender documents are CallForTenders. */
  static const struct {
    const char *name;
    ck_notice_kind kind;
  } roots[] = {{"ContractNotice", CK_NOTICE_EFORMS},
               {"PriorInformationNotice", CK_NOTICE_EFORMS},
               {"ContractAwardNotice", CK_NOTICE_EFORMS},
               {"CallForTenders", CK_NOTICE_UBL}};
  for (size_t k = 0; k < sizeof roots / sizeof *roots; k++)
    if (strlen(roots[k].name) == len && memcmp(roots[k].name, s, len) == 0)
      return roots[k].kind;
  return CK_NOTICE_NONE;
}

ck_notice_kind ck_notice_root_in(const char *p, size_t len) {
  size_t i = ck_xml_root_start(p, len);
  if (i >= len)
    return CK_NOTICE_NONE;
  const char *name = p + i + 1;
  size_t n = ck_xml_name_len(p, len, i + 1);
  const char *colon = memchr(name, ':', n);
  if (colon) {
    n -= (size_t)(colon + 1 - name);
    name = colon + 1;
  }
  return ck_notice_root_kind(name, n);
}

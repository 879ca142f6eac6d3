/* Which root elements make an XML document a notice: the one list of them,
 * asked by the sniffing of a source's format (source.c), by the XML reader
 * (which names such a document eForms) and by the notice reader (which
 * also checks the root's namespace). */
#ifndef CK_XMLROOT_H
#define CK_XMLROOT_H

#include <stddef.h>

typedef enum {
  CK_NOTICE_NONE,
  CK_NOTICE_EFORMS, /* ContractNotice, PriorInformationNotice, ContractAwardNotice */
  CK_NOTICE_UBL     /* an older UBL/EHF tender document: CallForTenders */
} ck_notice_kind;

/* What a root element whose local name (no prefix) is s[0, len) makes a
 * document. */
ck_notice_kind ck_notice_root_kind(const char *s, size_t len);

/* The same for the root element of the XML source p[0, len), under
 * whatever namespace prefix; CK_NOTICE_NONE when the root does not start
 * within 'len' bytes. The source may be cut short: nothing is assumed
 * well-formed. */
ck_notice_kind ck_notice_root_in(const char *p, size_t len);

#endif

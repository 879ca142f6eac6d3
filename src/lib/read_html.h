/* The HTML reader: a saved web page or a portal export (libxml2's HTML
 * parser, no network), into the document model. A page that is well-formed
 * XML (XHTML) is read by the XML reader; this one takes the rest. */
#ifndef CK_READ_HTML_H
#define CK_READ_HTML_H

#include <stdbool.h>
#include <stddef.h>

#include "doc.h"
#include "source.h"

/* Whether 'data' opens like an HTML page ("<!DOCTYPE html" or "<html"). */
bool ck_html_looks(const char *data, size_t len);

ck_status ck_read_html(const ck_source *src, const ck_limits *limits, ck_doc **out,
                       ck_diags *diags);

#endif

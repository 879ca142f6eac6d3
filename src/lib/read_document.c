/* From a path to a finished document model: read, decode, choose the reader. */
#include <stdlib.h>
#include <string.h>

#include "eval.h"
#include "filetype.h"
#include "read_document.h"
#include "readers.h"
#include "source.h"
#include "util.h"
#include "waivers.h"
#include "weights.h"
#include "zipread.h"

/* Appends the entries of 'from' to 'to', leaving 'from' empty. */
static void move_diags(ck_diags *to, ck_diags *from) {
  for (size_t i = 0; i < from->n; i++) {
    CK_GROW(to->items, to->cap, to->n + 1);
    to->items[to->n++] = from->items[i];
  }
  free(from->items);
  from->items = NULL;
  from->n = from->cap = 0;
}

/* Picks the reader for the bytes in 'src' and builds the document; frees
   'src' whatever happens. */
static ck_status load_source(ck_source *source, const ck_limits *limits, bool lang_set,
                             ck_lang lang, ck_doc **out, ck_diags *diags) {
  ck_source src = *source;
  ck_status rc;
  const char *why = NULL;
  if (ck_zip_magic(src.raw, src.raw_len) && !ck_zip_available(&why)) {
    /* Without libzip a zip's kind is not known either: say what is missing
       rather than call the file damaged or of another type. */
    ck_diags_add(diags, CK_DIAG_ERROR, src.path, 0, 0,
                 "reading Word and OpenDocument files needs %s", why);
    rc = CK_ERR_IO;
    goto done;
  }
  ck_input_format format = ck_office_sniff(&src);
  if (format == CK_FORMAT_DOCX) {
    rc = ck_read_docx(&src, limits, out, diags);
    goto language;
  }
  if (format == CK_FORMAT_ODT) {
    rc = ck_read_odt(&src, limits, out, diags);
    goto language;
  }
  if (ck_pdf_magic(src.raw, src.raw_len)) {
    rc = ck_read_pdf(&src, limits, out, diags);
    goto language;
  }
  const char *kind = ck_unsupported_type(src.raw, src.raw_len);
  if (kind) {
    ck_diags_add(diags, CK_DIAG_ERROR, src.path, 0, 0, "unsupported file type: %s", kind);
    rc = CK_ERR_UNSUPPORTED;
    goto done;
  }
  if (ck_zip_magic(src.raw, src.raw_len)) {
    ck_diags_add(diags, CK_DIAG_ERROR, src.path, 0, 0,
                 "a zip archive that is not a Word (.docx) or OpenDocument (.odt) document, "
                 "or is damaged");
    rc = CK_ERR_INPUT;
    goto done;
  }
  format = ck_source_sniff(&src);
  /* Waivers in comments: Markdown, HTML and XML have them; they are read
     from the bytes before a reader takes them. */
  ck_waiver *waivers = NULL;
  size_t nwaivers = 0;
  if ((rc = ck_waivers_scan(src.path, src.raw, src.raw_len, &waivers, &nwaivers, diags)) !=
      CK_OK) {
    ck_waivers_free(waivers, nwaivers);
    goto done;
  }
  if (format == CK_FORMAT_EFORMS) {
    rc = ck_read_eforms(&src, limits, out, diags);
  } else if (format == CK_FORMAT_XML && ck_html_looks(src.raw, src.raw_len)) {
    /* XHTML reads as XML; a page that is not well-formed XML (as most
       saved web pages are not) goes to the forgiving HTML parser */
    ck_diags quiet = CK_DIAGS_INIT;
    rc = ck_read_xml(&src, limits, out, &quiet);
    if (rc == CK_ERR_INPUT)
      rc = ck_read_html(&src, limits, out, diags);
    else
      move_diags(diags, &quiet);
    ck_diags_free(&quiet);
  } else if (format == CK_FORMAT_XML) {
    /* libxml2 decodes XML itself, honouring the encoding declaration. */
    rc = ck_read_xml(&src, limits, out, diags);
  } else {
    /* The decoded text replaces the raw bytes and is given back while the
       reader copies it into the document: one copy of the input at a time. */
    if ((rc = ck_source_decode_take(&src, diags)) != CK_OK)
      goto done;
    rc = ck_read_text_take(&src, format, limits, out, diags);
  }
  if (rc == CK_OK && *out) {
    (*out)->waivers = waivers;
    (*out)->nwaivers = nwaivers;
  } else {
    ck_waivers_free(waivers, nwaivers);
  }
language:
  if (rc == CK_OK && *out && (*out)->format != CK_FORMAT_EFORMS)
    ck_doc_extract_weights(*out); /* a notice's criteria come from its fields */
  if (rc == CK_OK && lang_set && *out) {
    /* The language decides which patterns and number words apply, so an
       override must be applied before evaluation, after detection. */
    ck_doc_set_lang(*out, lang);
  }
done:
  ck_source_free(&src);
  return rc;
}

ck_status ck_document_load(const char *path, const ck_limits *limits, bool regular_only,
                           bool lang_set, ck_lang lang, ck_doc **out, ck_diags *diags) {
  ck_source src;
  *out = NULL;
  ck_status rc = (regular_only ? ck_source_read_regular : ck_source_read)(path, limits, &src,
                                                                          diags);
  if (rc != CK_OK) {
    ck_source_free(&src);
    return rc;
  }
  return load_source(&src, limits, lang_set, lang, out, diags);
}

ck_status ck_document_load_buffer(const char *name, const void *data, size_t len,
                                  const ck_limits *limits, bool lang_set, ck_lang lang,
                                  ck_doc **out, ck_diags *diags) {
  ck_source src;
  *out = NULL;
  ck_status rc = ck_source_from_buffer(name, data, len, limits, &src, diags);
  if (rc != CK_OK) {
    ck_source_free(&src);
    return rc;
  }
  return load_source(&src, limits, lang_set, lang, out, diags);
}

ck_doc *ck_document_from_text(const char *name, const char *text, size_t len, ck_lang lang,
                              ck_diags *diags) {
  ck_source src = {0};
  src.path = ck_xstrdup(name);
  src.raw = ck_xstrndup(text, len);
  src.raw_len = len;
  ck_doc *doc = NULL;
  ck_limits limits = ck_limits_default();
  if (ck_source_decode_take(&src, diags) == CK_OK &&
      ck_read_text_take(&src, CK_FORMAT_MARKDOWN, &limits, &doc, diags) == CK_OK) {
    ck_doc_extract_weights(doc);
    ck_doc_set_lang(doc, lang);
  }
  ck_source_free(&src);
  return doc;
}

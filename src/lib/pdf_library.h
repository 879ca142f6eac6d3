/* poppler-glib, loaded when the first PDF is read (pdf_library.c).
 *
 * The PDF reader is the only user of poppler-glib, and poppler brings some
 * forty shared libraries with it (glib, cairo, X11, NSS, freetype, ...):
 * linked into the binary, the dynamic loader maps and relocates all of them
 * at every start, which cost more than checking a small text file. So the
 * binary does not link poppler at all: the first PDF opens it with dlopen()
 * and takes the few functions the reader calls with dlsym(). Their pointers
 * have the types of the real declarations in <poppler.h> and <glib.h>, so
 * the compiler checks every call as if it were linked. docs/architecture.md
 * says more. */
#ifndef CK_PDF_LIBRARY_H
#define CK_PDF_LIBRARY_H

#include <poppler.h>

/* The functions the PDF reader calls, as (field, symbol). The glib and
 * gobject ones are looked up through poppler's handle, which finds them in
 * the libraries poppler itself needs, so the reader uses the very glib that
 * poppler uses. packaging/CMakeLists.txt reads this list for the versions of
 * Depends: keep one entry a line, in this form. */
#define CK_PDF_FUNCTIONS(X)                                                   \
  X(document_new_from_bytes, poppler_document_new_from_bytes)                 \
  X(document_get_n_pages, poppler_document_get_n_pages)                       \
  X(document_get_page, poppler_document_get_page)                             \
  X(page_get_text, poppler_page_get_text)                                     \
  X(page_get_text_layout, poppler_page_get_text_layout)                       \
  X(error_quark, poppler_error_quark)
#define CK_PDF_GLIB_FUNCTIONS(X)                                              \
  X(bytes_new_static, g_bytes_new_static)                                     \
  X(bytes_unref, g_bytes_unref)                                               \
  X(error_free, g_error_free)                                                 \
  X(free, g_free)                                                             \
  X(utf8_validate, g_utf8_validate)                                           \
  X(object_unref, g_object_unref)

#define CK_PDF_FIELD(field, symbol) __typeof__(symbol) *field;
typedef struct ck_pdf_api {
  CK_PDF_FUNCTIONS(CK_PDF_FIELD)
  CK_PDF_GLIB_FUNCTIONS(CK_PDF_FIELD)
} ck_pdf_api;
#undef CK_PDF_FIELD

/* The functions, loaded on the first call (once per process, whichever
 * thread calls first; the others wait for it). NULL when poppler-glib cannot
 * be loaded or lacks one of them: then '*why', when 'why' is not NULL, is a
 * sentence for a diagnostic ("reading PDF needs libpoppler-glib8 (...)"),
 * the same on every call. The library stays loaded until the process ends. */
const ck_pdf_api *ck_pdf_library(const char **why);

#endif

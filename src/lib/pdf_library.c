/* poppler-glib through dlopen (pdf_library.h says why). */

#include <pthread.h>
#include <stdbool.h>

#include "dl_library.h"
#include "pdf_library.h"

/* The library's file name (its SONAME) and the Debian package that holds
   it: src/CMakeLists.txt finds both for the poppler-glib built against. */
#ifndef CK_POPPLER_SONAME
#define CK_POPPLER_SONAME "libpoppler-glib.so.8"
#endif
#ifndef CK_POPPLER_PACKAGE
#define CK_POPPLER_PACKAGE "libpoppler-glib8"
#endif

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
/* Written once under load_once, read-only afterwards. */
static ck_pdf_api api;
static bool api_ready;
static char api_why[512];

static void load(void) {
  void *lib = ck_dl_open(CK_POPPLER_SONAME, CK_POPPLER_PACKAGE, "reading PDF needs ", api_why, sizeof api_why);
  if (!lib)
    return;
  const char *missing = NULL;
  CK_PDF_FUNCTIONS(CK_DL_TAKE)
  CK_PDF_GLIB_FUNCTIONS(CK_DL_TAKE)
  if (missing) {
    ck_dl_too_old(CK_POPPLER_SONAME, CK_POPPLER_PACKAGE, "reading PDF needs ", missing, api_why, sizeof api_why);
    return;
  }
  api_ready = true;
}

const ck_pdf_api *ck_pdf_library(const char **why) {
  pthread_once(&load_once, load);
  if (!api_ready && why)
    *why = api_why;
  return api_ready ? &api : NULL;
}

/* poppler-glib through dlopen (pdf_library.h says why). */

#include <dlfcn.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>

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
  /* RTLD_NOW: a library that cannot be bound fails here, once, rather than
     in the middle of a page; RTLD_LOCAL: its symbols stay out of the way of
     the rest of the process. It is never closed: glib does not expect to be
     unloaded. */
  void *lib = dlopen(CK_POPPLER_SONAME, RTLD_NOW | RTLD_LOCAL);
  if (!lib) {
    const char *err = dlerror();
    snprintf(api_why, sizeof api_why, "reading PDF needs %s (%s)", CK_POPPLER_PACKAGE,
             err ? err : CK_POPPLER_SONAME ": cannot be loaded");
    return;
  }
  const char *missing = NULL;
  /* POSIX makes a function's address from dlsym's void * by a cast. */
#define CK_PDF_LOAD(field, symbol)                                                            \
  if (!missing) {                                                                             \
    void *address = dlsym(lib, #symbol);                                                      \
    if (address)                                                                              \
      api.field = (__typeof__(api.field))address;                                             \
    else                                                                                      \
      missing = #symbol;                                                                      \
  }
  CK_PDF_FUNCTIONS(CK_PDF_LOAD)
  CK_PDF_GLIB_FUNCTIONS(CK_PDF_LOAD)
#undef CK_PDF_LOAD
  if (missing) {
    snprintf(api_why, sizeof api_why, "reading PDF needs %s (%s has no %s: too old)",
             CK_POPPLER_PACKAGE, CK_POPPLER_SONAME, missing);
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

/* libzip through dlopen (zip_library.h says why). */

#include <dlfcn.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>

#include "zip_library.h"

/* The library's file name (its SONAME) and the Debian package that holds
   it: src/CMakeLists.txt finds both for the libzip built against. */
#ifndef CK_ZIP_SONAME
#define CK_ZIP_SONAME "libzip.so.4"
#endif
#ifndef CK_ZIP_PACKAGE
#define CK_ZIP_PACKAGE "libzip4"
#endif

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
/* Written once under load_once, read-only afterwards. */
static ck_zip_api api;
static bool api_ready;
static char api_why[512];

static void load(void) {
  /* As for poppler-glib (pdf_library.c): bound at once, kept to itself,
     never closed. */
  void *lib = dlopen(CK_ZIP_SONAME, RTLD_NOW | RTLD_LOCAL);
  if (!lib) {
    const char *err = dlerror();
    snprintf(api_why, sizeof api_why, "%s (%s)", CK_ZIP_PACKAGE,
             err ? err : CK_ZIP_SONAME ": cannot be loaded");
    return;
  }
  const char *missing = NULL;
  /* POSIX makes a function's address from dlsym's void * by a cast. */
#define CK_ZIP_LOAD(field, symbol)                                                            \
  if (!missing) {                                                                             \
    void *address = dlsym(lib, #symbol);                                                      \
    if (address)                                                                              \
      api.field = (__typeof__(api.field))address;                                             \
    else                                                                                      \
      missing = #symbol;                                                                      \
  }
  CK_ZIP_FUNCTIONS(CK_ZIP_LOAD)
#undef CK_ZIP_LOAD
  if (missing) {
    snprintf(api_why, sizeof api_why, "%s (%s has no %s: too old)", CK_ZIP_PACKAGE,
             CK_ZIP_SONAME, missing);
    return;
  }
  api_ready = true;
}

const ck_zip_api *ck_zip_library(const char **why) {
  pthread_once(&load_once, load);
  if (!api_ready && why)
    *why = api_why;
  return api_ready ? &api : NULL;
}

/* libzip through dlopen (zip_library.h says why). */

#include <pthread.h>
#include <stdbool.h>

#include "dl_library.h"
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
  void *lib = ck_dl_open(CK_ZIP_SONAME, CK_ZIP_PACKAGE, "", api_why, sizeof api_why);
  if (!lib)
    return;
  const char *missing = NULL;
  CK_ZIP_FUNCTIONS(CK_DL_TAKE)
  if (missing) {
    ck_dl_too_old(CK_ZIP_SONAME, CK_ZIP_PACKAGE, "", missing, api_why, sizeof api_why);
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

/* libmicrohttpd through dlopen (mhd_library.h says why). */

#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>

#include "mhd_library.h"
#include "dl_library.h"

/* The library's file name (its SONAME) and the Debian package that holds
   it: src/CMakeLists.txt finds both for the libmicrohttpd built against. */
#ifndef CK_MHD_SONAME
#define CK_MHD_SONAME "libmicrohttpd.so.12"
#endif
#ifndef CK_MHD_PACKAGE
#define CK_MHD_PACKAGE "libmicrohttpd12"
#endif

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
/* Written once under load_once, read-only afterwards. */
static serve_mhd_api api;
static bool api_ready;
static char api_why[512];

static void load(void) {
  void *lib = ck_dl_open(CK_MHD_SONAME, CK_MHD_PACKAGE, "serving needs ", api_why, sizeof api_why);
  if (!lib)
    return;
  const char *missing = NULL;
  SERVE_MHD_FUNCTIONS(CK_DL_TAKE)
  if (missing) {
    ck_dl_too_old(CK_MHD_SONAME, CK_MHD_PACKAGE, "serving needs ", missing, api_why, sizeof api_why);
    return;
  }
  api_ready = true;
}

const serve_mhd_api *serve_mhd_load(const char **why) {
  pthread_once(&load_once, load);
  if (!api_ready && why)
    *why = api_why;
  return api_ready ? &api : NULL;
}

const serve_mhd_api *serve_mhd(void) {
  const serve_mhd_api *mhd = serve_mhd_load(NULL);
  if (!mhd)
    abort(); /* a call before the server loaded the library: a bug */
  return mhd;
}

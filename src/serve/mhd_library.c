/* libmicrohttpd through dlopen (mhd_library.h says why). */

#include <dlfcn.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "mhd_library.h"

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
  /* RTLD_NOW: a library that cannot be bound fails here, before the server
     starts; never closed, as the daemon's threads run in it. */
  void *lib = dlopen(CK_MHD_SONAME, RTLD_NOW | RTLD_LOCAL);
  if (!lib) {
    const char *err = dlerror();
    snprintf(api_why, sizeof api_why, "serving needs %s (%s)", CK_MHD_PACKAGE,
             err ? err : CK_MHD_SONAME ": cannot be loaded");
    return;
  }
  const char *missing = NULL;
  /* POSIX makes a function's address from dlsym's void * by a cast. */
#define SERVE_MHD_LOAD(field, symbol)                                                         \
  if (!missing) {                                                                             \
    void *address = dlsym(lib, #symbol);                                                      \
    if (address)                                                                              \
      api.field = (__typeof__(api.field))address;                                             \
    else                                                                                      \
      missing = #symbol;                                                                      \
  }
  SERVE_MHD_FUNCTIONS(SERVE_MHD_LOAD)
#undef SERVE_MHD_LOAD
  if (missing) {
    snprintf(api_why, sizeof api_why, "serving needs %s (%s has no %s: too old)",
             CK_MHD_PACKAGE, CK_MHD_SONAME, missing);
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

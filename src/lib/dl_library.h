/* What the loaders of the libraries circheck opens when first needed share
 * (pdf_library.c for poppler-glib, zip_library.c for libzip,
 * serve/mhd_library.c for libmicrohttpd): opening the library, taking each
 * function of its table, and saying in one line what is missing and which
 * Debian package brings it. Each loader keeps its own typed table, filled
 * once under its own pthread_once. */
#ifndef CK_DL_LIBRARY_H
#define CK_DL_LIBRARY_H

#include <dlfcn.h>
#include <stddef.h>

/* Opens 'soname' for good: bound at once (RTLD_NOW: a library that cannot
 * be bound fails here, once, not in the middle of a document), its symbols
 * kept to itself (RTLD_LOCAL), never closed (glib and the server's threads
 * do not expect their library to go). NULL when it cannot be opened, with
 * "NEEDS PACKAGE (the loader's reason)" in 'why'; 'needs' is the text before
 * the package ("reading PDF needs ", or "" when the caller says it). */
void *ck_dl_open(const char *soname, const char *package, const char *needs, char *why,
                 size_t cap);

/* Writes "NEEDS PACKAGE (SONAME has no SYMBOL: too old)" to 'why'. */
void ck_dl_too_old(const char *soname, const char *package, const char *needs,
                   const char *symbol, char *why, size_t cap);

/* One entry of a loader's X-macro table: takes 'symbol' from the library
 * 'lib' into 'api.field', or names it in 'missing' (and takes no more).
 * 'lib', 'api' and 'missing' are the loader's own variables. POSIX makes a
 * function's address from dlsym's void * by a cast. */
#define CK_DL_TAKE(field, symbol)                                                             \
  if (!missing) {                                                                             \
    void *address = dlsym(lib, #symbol);                                                      \
    if (address)                                                                              \
      api.field = (__typeof__(api.field))address;                                             \
    else                                                                                      \
      missing = #symbol;                                                                      \
  }

#endif

/* Opening a library when first needed (dl_library.h). */
#include "dl_library.h"

#include <stdio.h>

void *ck_dl_open(const char *soname, const char *package, const char *needs, char *why,
                 size_t cap) {
  void *lib = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
  if (!lib) {
    const char *err = dlerror();
    snprintf(why, cap, "%s%s (%s%s)", needs, package, err ? err : soname,
             err ? "" : ": cannot be loaded");
  }
  return lib;
}

void ck_dl_too_old(const char *soname, const char *package, const char *needs,
                   const char *symbol, char *why, size_t cap) {
  snprintf(why, cap, "%s%s (%s has no %s: too old)", needs, package, soname, symbol);
}

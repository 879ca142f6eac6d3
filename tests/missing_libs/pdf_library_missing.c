/* The PDF reader's loader told to open a library no machine has, for
 * circheck_missing_libs (src/CMakeLists.txt): what a user without
 * poppler-glib is told. */
#define CK_POPPLER_SONAME "libcircheck-no-such-poppler.so.8"
#define CK_POPPLER_PACKAGE "libpoppler-glib8"
#include "pdf_library.c"

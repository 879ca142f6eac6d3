/* The zip loader told to open a library no machine has, for
 * circheck_missing_libs (src/CMakeLists.txt): what a user without libzip
 * is told when reading or writing Word and OpenDocument files. */
#define CK_ZIP_SONAME "libcircheck-no-such-zip.so.4"
#define CK_ZIP_PACKAGE "libzip4"
#include "zip_library.c"

/* The web server's loader told to open a library no machine has, for
 * circheck_missing_libs (src/CMakeLists.txt): what a user without
 * libmicrohttpd is told by `circheck serve`. */
#define CK_MHD_SONAME "libcircheck-no-such-microhttpd.so.12"
#define CK_MHD_PACKAGE "libmicrohttpd12"
#include "mhd_library.c"

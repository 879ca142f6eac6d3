/* libmicrohttpd, loaded when `circheck serve` starts (mhd_library.c).
 *
 * Only the web server uses libmicrohttpd, and with it come GnuTLS, nettle
 * and a dozen more libraries that the dynamic loader would map and relocate
 * at every start of every command. So the binary does not link it: `serve`
 * opens it with dlopen() before its daemon starts and takes the functions
 * the server calls with dlsym(). The pointers have the types of the
 * declarations in <microhttpd.h>, so the compiler checks every call as if
 * it were linked. docs/architecture.md says more. */
#ifndef CK_SERVE_MHD_LIBRARY_H
#define CK_SERVE_MHD_LIBRARY_H

#include <microhttpd.h>

/* The functions the server calls, as (field, symbol).
 * packaging/CMakeLists.txt reads this list for the version in Depends: keep
 * one entry a line, in this form. */
#define SERVE_MHD_FUNCTIONS(X)                                                \
  X(start_daemon, MHD_start_daemon)                                           \
  X(get_daemon_info, MHD_get_daemon_info)                                     \
  X(quiesce_daemon, MHD_quiesce_daemon)                                       \
  X(stop_daemon, MHD_stop_daemon)                                             \
  X(get_connection_values, MHD_get_connection_values)                         \
  X(lookup_connection_value, MHD_lookup_connection_value)                     \
  X(create_post_processor, MHD_create_post_processor)                         \
  X(post_process, MHD_post_process)                                           \
  X(destroy_post_processor, MHD_destroy_post_processor)                       \
  X(create_response_from_buffer, MHD_create_response_from_buffer)             \
  X(add_response_header, MHD_add_response_header)                             \
  X(queue_response, MHD_queue_response)                                       \
  X(destroy_response, MHD_destroy_response)

#define SERVE_MHD_FIELD(field, symbol) __typeof__(symbol) *field;
typedef struct serve_mhd_api {
  SERVE_MHD_FUNCTIONS(SERVE_MHD_FIELD)
} serve_mhd_api;
#undef SERVE_MHD_FIELD

/* Loads the library on the first call (once per process; other threads
 * wait for it). NULL when it cannot be loaded or lacks one of the
 * functions: then '*why', when 'why' is not NULL, is a sentence for the
 * error line ("serving needs libmicrohttpd12 (...)"). */
const serve_mhd_api *serve_mhd_load(const char **why);

/* The functions, for code that runs once serve_mhd_load has succeeded
 * (everything the daemon calls back, and the daemon's life after its
 * start). */
const serve_mhd_api *serve_mhd(void);

#endif

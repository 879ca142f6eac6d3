/* libzip, loaded when the first zip archive is read or written
 * (zip_library.c).
 *
 * Word and OpenDocument files are zip archives, read (zipread.c) and
 * written (docx_write.c) with libzip. libzip links OpenSSL's libcrypto,
 * bzip2, xz and zstd, and loading them at every start cost about a
 * millisecond, most of what starting circheck costs besides its rules; most
 * runs read no office file. So the binary does not link libzip: the first
 * archive opens it with dlopen() and takes the functions with dlsym(),
 * typed by the declarations of <zip.h> so that every call is checked as if
 * it were linked. docs/architecture.md says more. */
#ifndef CK_ZIP_LIBRARY_H
#define CK_ZIP_LIBRARY_H

#include <zip.h>

/* The functions circheck calls, as (field, symbol). packaging/CMakeLists.txt
 * reads this list for the version in Depends: keep one entry a line, in
 * this form. */
#define CK_ZIP_FUNCTIONS(X)                                                   \
  X(error_init, zip_error_init)                                               \
  X(error_fini, zip_error_fini)                                               \
  X(error_strerror, zip_error_strerror)                                       \
  X(source_buffer_create, zip_source_buffer_create)                           \
  X(source_buffer, zip_source_buffer)                                         \
  X(source_free, zip_source_free)                                             \
  X(source_keep, zip_source_keep)                                             \
  X(source_open, zip_source_open)                                             \
  X(source_stat, zip_source_stat)                                             \
  X(source_read, zip_source_read)                                             \
  X(source_close, zip_source_close)                                           \
  X(open_from_source, zip_open_from_source)                                   \
  X(archive_close, zip_close)                                                 \
  X(discard, zip_discard)                                                     \
  X(name_locate, zip_name_locate)                                             \
  X(stat_init, zip_stat_init)                                                 \
  X(stat_index, zip_stat_index)                                               \
  X(archive_strerror, zip_strerror)                                           \
  X(fopen_index, zip_fopen_index)                                             \
  X(file_read, zip_fread)                                                     \
  X(file_strerror, zip_file_strerror)                                         \
  X(file_close, zip_fclose)                                                   \
  X(file_add, zip_file_add)                                                   \
  X(file_set_dostime, zip_file_set_dostime)

#define CK_ZIP_FIELD(field, symbol) __typeof__(symbol) *field;
typedef struct ck_zip_api {
  CK_ZIP_FUNCTIONS(CK_ZIP_FIELD)
} ck_zip_api;
#undef CK_ZIP_FIELD

/* The functions, loaded on the first call (once per process, whichever
 * thread calls first). NULL when libzip cannot be loaded or lacks one of
 * them: then '*why', when 'why' is not NULL, names the package and says
 * what went wrong, to follow "needs" in a diagnostic ("libzip4 (libzip.so.4:
 * cannot open shared object file: ...)"), the same on every call. */
const ck_zip_api *ck_zip_library(const char **why);

#endif

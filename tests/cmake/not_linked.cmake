# The circheck binary does not link the libraries it opens with dlopen():
# poppler-glib and what it brings (glib, gobject, cairo), libzip and OpenSSL's
# libcrypto, libmicrohttpd and its TLS stack. Their NEEDED entries would load
# them at every start.
#   BIN      the binary
#   READELF  readelf
execute_process(COMMAND "${READELF}" -d "${BIN}" OUTPUT_VARIABLE out RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "readelf -d ${BIN} failed")
endif()
string(REGEX MATCHALL "\\(NEEDED\\)[^\n]*\\[[^]\n]+\\]" needed "${out}")
if(NOT needed MATCHES "libxml2")
  message(FATAL_ERROR "readelf lists no libxml2 among the NEEDED entries: ${out}")
endif()
foreach(entry IN LISTS needed)
  if(entry MATCHES "\\[(lib(poppler|glib|gobject|gio|cairo|zip|crypto|microhttpd|gnutls)[^]]*)\\]")
    message(FATAL_ERROR "${BIN} links ${CMAKE_MATCH_1}, which it should open with dlopen()")
  endif()
endforeach()
list(LENGTH needed n)
message(STATUS "${n} libraries linked, none of poppler, glib, libzip or libmicrohttpd")

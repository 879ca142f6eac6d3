# Libraries circheck opens with dlopen() instead of linking (poppler-glib for
# PDF, libmicrohttpd for `serve`: docs/architecture.md says why). The binary
# does not name them, so neither the dynamic loader nor dpkg-shlibdeps sees
# them; this file finds, from the library built against, what the code must
# open and what the Debian package must depend on.
#
# circheck_dlopen_library(<VAR> <library file> <source> <symbol prefix>)
#   <library file>  the development library's path (pkg-config's, e.g.
#                   /usr/lib/x86_64-linux-gnu/libpoppler-glib.so)
#   <source>        the header listing the functions taken with dlsym(), one
#                   "X(field, symbol)" a line
#   <symbol prefix> which of the listed symbols live in this library ("poppler_")
# sets in the caller's scope
#   <VAR>_SONAME    the name to dlopen (the library's SONAME), empty if unknown
#   <VAR>_PACKAGE   the Debian package holding it, empty when dpkg does not know it
#   <VAR>_DEPENDS   "package (>= version)": the version from the package's
#                   symbols file, the newest among the symbols used, as
#                   dpkg-shlibdeps would give for a linked binary; empty
#                   when dpkg does not know the library

function(circheck_dlopen_library var file source prefix)
  set(soname "")
  if(CMAKE_READELF)
    execute_process(COMMAND ${CMAKE_READELF} -d ${file} OUTPUT_VARIABLE out
      ERROR_QUIET RESULT_VARIABLE rc)
    if(rc EQUAL 0 AND out MATCHES "Library soname: \\[([^]]+)\\]")
      set(soname ${CMAKE_MATCH_1})
    endif()
  endif()
  if(NOT soname)
    message(WARNING "no SONAME found in ${file}: the default name in the source is opened")
  endif()

  # The symbols the code takes from this library. (Read whole: the list's
  # lines end in backslashes, which would join them as CMake list items.)
  file(READ ${source} text)
  string(REGEX MATCHALL "X\\([a-z0-9_]+, *${prefix}[A-Za-z0-9_]*\\)" entries "${text}")
  set(symbols "")
  foreach(entry IN LISTS entries)
    string(REGEX REPLACE "^X\\([a-z0-9_]+, *([A-Za-z0-9_]+)\\)$" "\\1" symbol "${entry}")
    list(APPEND symbols ${symbol})
  endforeach()
  if(NOT symbols)
    message(FATAL_ERROR "${source} lists no ${prefix}* functions")
  endif()

  set(package "")
  set(depends "")
  find_program(CIRCHECK_DPKG_QUERY dpkg-query)
  find_program(CIRCHECK_DPKG dpkg)
  if(CIRCHECK_DPKG_QUERY AND CIRCHECK_DPKG)
    file(REAL_PATH ${file} real)
    execute_process(COMMAND ${CIRCHECK_DPKG_QUERY} -S ${real} OUTPUT_VARIABLE owner
      ERROR_QUIET RESULT_VARIABLE rc)
    # "libpoppler-glib8:amd64: /usr/lib/x86_64-linux-gnu/libpoppler-glib.so.8.24.0"
    if(rc EQUAL 0 AND owner MATCHES "^([^:, ]+)(:[^:, ]+)?: ")
      set(package ${CMAKE_MATCH_1})
      set(qualified ${CMAKE_MATCH_1}${CMAKE_MATCH_2})
      execute_process(COMMAND ${CIRCHECK_DPKG_QUERY} --control-path ${qualified} symbols
        OUTPUT_VARIABLE symbols_file OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
      set(version "")
      if(symbols_file AND EXISTS ${symbols_file})
        file(READ ${symbols_file} table)
        foreach(symbol IN LISTS symbols)
          if(NOT table MATCHES "\n ${symbol}@[^ \n]+ ([^ \n]+)")
            message(FATAL_ERROR "${symbol} is not in ${symbols_file}")
          endif()
          set(v ${CMAKE_MATCH_1})
          if(NOT version)
            set(version ${v})
          else()
            execute_process(COMMAND ${CIRCHECK_DPKG} --compare-versions ${v} gt ${version}
              RESULT_VARIABLE newer)
            if(newer EQUAL 0)
              set(version ${v})
            endif()
          endif()
        endforeach()
        set(depends "${package} (>= ${version})")
      else()
        # no symbols file: the package's shlibs line, "libfoo 1 libfoo1 (>= 1.2)"
        execute_process(COMMAND ${CIRCHECK_DPKG_QUERY} --control-path ${qualified} shlibs
          OUTPUT_VARIABLE shlibs_file OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
        set(depends ${package})
        if(shlibs_file AND EXISTS ${shlibs_file})
          file(STRINGS ${shlibs_file} shlibs REGEX "^[^ ]+ [^ ]+ ${package}( |$)")
          if(shlibs)
            list(GET shlibs 0 first)
            if(first MATCHES "^[^ ]+ [^ ]+ (.+)$")
              set(depends ${CMAKE_MATCH_1})
            endif()
          endif()
        endif()
      endif()
    endif()
  endif()
  if(NOT depends)
    message(STATUS "${file}: not from a Debian package, so no Depends for it")
  endif()
  set(${var}_SONAME "${soname}" PARENT_SCOPE)
  set(${var}_PACKAGE "${package}" PARENT_SCOPE)
  set(${var}_DEPENDS "${depends}" PARENT_SCOPE)
endfunction()

# The file of library 'name' (as in -l<name>) among pkg-config's
# <PREFIX>_LINK_LIBRARIES.
function(circheck_pkg_library var prefix name)
  foreach(lib IN LISTS ${prefix}_LINK_LIBRARIES)
    get_filename_component(base ${lib} NAME)
    if(base STREQUAL "lib${name}.so")
      set(${var} ${lib} PARENT_SCOPE)
      return()
    endif()
  endforeach()
  message(FATAL_ERROR "pkg-config's ${prefix} libraries hold no lib${name}.so: "
                      "${${prefix}_LINK_LIBRARIES}")
endfunction()

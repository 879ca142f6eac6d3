# Checks `circheck check --format json NOTICE` (see tests/cmake/eforms.cmake).
#   BIN      the circheck binary
#   NOTICE   the notice; names starting with INVALID_ are invalid on purpose
#   WORKDIR  where to run it
execute_process(COMMAND "${BIN}" check --format json "${NOTICE}"
  WORKING_DIRECTORY "${WORKDIR}"
  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc
  TIMEOUT 50)
get_filename_component(name "${NOTICE}" NAME)
if(NOT rc MATCHES "^[0-9]+$" OR rc GREATER 2)
  message(FATAL_ERROR "${name}: crashed or failed badly (${rc})\nstderr:\n${err}")
endif()

if(name MATCHES "^INVALID_")
  if(rc EQUAL 2)
    if(NOT err MATCHES "^[^\n]+: error: [^\n]+\n$")
      message(FATAL_ERROR "${name}: exit 2 needs exactly one error line, got:\n${err}")
    endif()
    return()
  endif()
  # read after all: then with a warning, and nothing else on standard error
  if(NOT err MATCHES "^([^\n]+: warning: [^\n]+\n)+$")
    message(FATAL_ERROR "${name}: exit ${rc} without a warning line; stderr:\n${err}")
  endif()
else()
  if(NOT rc EQUAL 0 AND NOT rc EQUAL 1)
    message(FATAL_ERROR "${name}: exit ${rc}, expected 0 or 1\nstderr:\n${err}")
  endif()
  if(NOT err STREQUAL "")
    message(FATAL_ERROR "${name}: unexpected standard error:\n${err}")
  endif()
endif()

# The report is valid JSON with one eForms document.
string(JSON ndocs ERROR_VARIABLE jerr LENGTH "${out}" documents)
if(jerr)
  message(FATAL_ERROR "${name}: the report is not valid JSON: ${jerr}")
endif()
if(NOT ndocs EQUAL 1)
  message(FATAL_ERROR "${name}: ${ndocs} documents in the report, expected 1")
endif()
string(JSON format ERROR_VARIABLE jerr GET "${out}" documents 0 format)
if(NOT format STREQUAL "eforms")
  message(FATAL_ERROR "${name}: format '${format}', expected eforms")
endif()

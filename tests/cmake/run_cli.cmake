# Runs the circheck binary once and checks what it did.
#   BIN          the binary
#   ARGS         its arguments, separated by '|'
#   WORKDIR      where to run it (paths in reports are relative to it)
#   INPUT        optional file fed to standard input
#   EXPECT_RC    the exit code it must give
#   GOLDEN       optional file standard output must equal byte for byte
#   STDERR_IS    optional: standard error must equal this text exactly
#   STDERR_MATCH optional: standard error must match this regular expression
#   STDOUT_MATCH optional: standard output must match this regular expression
#   STDERR_EMPTY optional: standard error must be empty
#   ACTUAL       where to keep standard output for inspection
string(REPLACE "|" ";" args "${ARGS}")
set(input_args "")
if(INPUT)
  set(input_args INPUT_FILE "${INPUT}")
endif()
execute_process(COMMAND "${BIN}" ${args}
  WORKING_DIRECTORY "${WORKDIR}"
  ${input_args}
  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc
  TIMEOUT 60)
if(ACTUAL)
  file(WRITE "${ACTUAL}" "${out}")
endif()
if(NOT "${rc}" STREQUAL "${EXPECT_RC}")
  message(FATAL_ERROR "exit ${rc}, expected ${EXPECT_RC}\nstdout:\n${out}\nstderr:\n${err}")
endif()
if(GOLDEN)
  file(READ "${GOLDEN}" want)
  if(NOT out STREQUAL want)
    file(WRITE "${ACTUAL}.diffme" "${out}")
    execute_process(COMMAND diff -u "${GOLDEN}" "${ACTUAL}.diffme" OUTPUT_VARIABLE d)
    message(FATAL_ERROR "output differs from ${GOLDEN}:\n${d}")
  endif()
endif()
if(DEFINED STDERR_IS AND NOT err STREQUAL "${STDERR_IS}\n")
  message(FATAL_ERROR "stderr is:\n${err}\nexpected:\n${STDERR_IS}")
endif()
if(STDERR_MATCH AND NOT err MATCHES "${STDERR_MATCH}")
  message(FATAL_ERROR "stderr does not match '${STDERR_MATCH}':\n${err}")
endif()
if(STDOUT_MATCH AND NOT out MATCHES "${STDOUT_MATCH}")
  message(FATAL_ERROR "stdout does not match '${STDOUT_MATCH}':\n${out}")
endif()
if(STDERR_EMPTY AND NOT err STREQUAL "")
  message(FATAL_ERROR "stderr should be empty:\n${err}")
endif()

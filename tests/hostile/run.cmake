# Runs circheck once on a hostile input and checks what it did.
#   BIN              the binary
#   ARGS             its arguments, separated by '|'
#   WORKDIR          where to run it (paths in messages are relative to it)
#   INPUT            optional file fed to standard input
#   EXPECT_RC        the exit codes it may give, separated by '|' ("2", "0|1")
#   STDERR_MATCH     optional: standard error must match this regular expression
#   STDERR_EMPTY     optional: standard error must be empty
#   STDOUT_MATCH     optional: standard output must match this regular expression
#   STDOUT_MATCH2    optional: and this one
#   STDOUT_MATCH3    optional: and this one too
#   STDOUT_NOT_MATCH optional: standard output must not match this one
#   MAX_SECONDS      optional: the run must end within this many seconds
# The test's TIMEOUT property stops a run that hangs.
cmake_policy(SET CMP0057 NEW) # if(IN_LIST)
string(REPLACE "|" ";" args "${ARGS}")
string(REPLACE "|" ";" allowed "${EXPECT_RC}")
set(input_args "")
if(INPUT)
  set(input_args INPUT_FILE "${INPUT}")
endif()
string(TIMESTAMP t0 "%s")
execute_process(COMMAND "${BIN}" ${args}
  WORKING_DIRECTORY "${WORKDIR}"
  ${input_args}
  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
string(TIMESTAMP t1 "%s")
math(EXPR took "${t1} - ${t0}")
# Keep what is shown on failure short: some outputs are megabytes.
string(SUBSTRING "${out}" 0 2000 out_head)
string(SUBSTRING "${err}" 0 2000 err_head)
if(NOT rc IN_LIST allowed)
  message(FATAL_ERROR "exit ${rc}, expected ${EXPECT_RC}\nstdout:\n${out_head}\nstderr:\n${err_head}")
endif()
if(STDERR_MATCH AND NOT err MATCHES "${STDERR_MATCH}")
  message(FATAL_ERROR "stderr does not match '${STDERR_MATCH}':\n${err_head}")
endif()
if(STDERR_EMPTY AND NOT err STREQUAL "")
  message(FATAL_ERROR "stderr should be empty:\n${err_head}")
endif()
foreach(v STDOUT_MATCH STDOUT_MATCH2 STDOUT_MATCH3)
  if(${v} AND NOT out MATCHES "${${v}}")
    message(FATAL_ERROR "stdout does not match '${${v}}':\n${out_head}")
  endif()
endforeach()
if(STDOUT_NOT_MATCH AND out MATCHES "${STDOUT_NOT_MATCH}")
  message(FATAL_ERROR "stdout matches '${STDOUT_NOT_MATCH}' and must not:\n${out_head}")
endif()
if(MAX_SECONDS AND took GREATER MAX_SECONDS)
  message(FATAL_ERROR "took ${took} s, more than ${MAX_SECONDS} s")
endif()
message(STATUS "exit ${rc} after ${took} s")

# --baseline: a report made earlier of the same tender is the baseline; checking the
# tender again reports and fails on nothing; once a requirement that passed is removed,
# only that result is reported and the run fails.
#   BIN  the circheck binary   SRC  the source tree   WORK  a scratch folder
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
set(tender "${SRC}/tests/data/config/walk/stoler/stoler.txt")
configure_file("${tender}" "${WORK}/tender.txt" COPYONLY)

function(run expect_rc)
  execute_process(COMMAND "${BIN}" check --no-config --no-color --lang en ${ARGN}
    WORKING_DIRECTORY "${WORK}" OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
  if(NOT rc EQUAL expect_rc)
    message(FATAL_ERROR "circheck ${ARGN}: exit ${rc}, expected ${expect_rc}\n${out}\n${err}")
  endif()
  set(out "${out}" PARENT_SCOPE)
  set(err "${err}" PARENT_SCOPE)
endfunction()

# The baseline: sixteen criteria fail.
run(1 --format json -o base.json tender.txt)
# The same tender against it: nothing new, exit 0, and the text says what it left out.
run(0 --baseline base.json tender.txt)
if(NOT out MATCHES "16 results already in the baseline report \\(--baseline\\) are not shown"
   OR out MATCHES "tender.txt: fail:")
  message(FATAL_ERROR "a baseline with every result should hide them all:\n${out}")
endif()

# JSON Lines, written as documents are checked, takes the baseline as well.
run(0 --baseline base.json --format jsonl tender.txt)
if(NOT out MATCHES "\"baseline\":\"unchanged\"")
  message(FATAL_ERROR "JSON Lines should mark unchanged results:\n${out}")
endif()

# The ecolabel requirement (it passed) is removed: that one result is new, the run fails.
file(READ "${tender}" text)
string(REPLACE "Stolene skal være miljømerket med Svanemerket eller tilsvarende.\n" "" text
  "${text}")
file(WRITE "${WORK}/tender.txt" "${text}")
run(1 --baseline base.json tender.txt)
string(REGEX MATCHALL "tender.txt: fail: " fails "${out}")
list(LENGTH fails nfails)
if(NOT nfails EQUAL 1 OR NOT out MATCHES "tender.txt: fail: material.ecolabel: ")
  message(FATAL_ERROR "only the ecolabel should be reported as worse:\n${out}")
endif()
run(1 --baseline base.json --format json tender.txt)
if(NOT out MATCHES "\"baseline\": \"worse\"" OR NOT out MATCHES "\"baseline\": \"unchanged\"")
  message(FATAL_ERROR "the JSON report should mark worse and unchanged results:\n${out}")
endif()
run(1 --baseline base.json --format jsonl tender.txt)
if(NOT out MATCHES "\"baseline\":\"worse\"")
  message(FATAL_ERROR "JSON Lines should mark the worse result:\n${out}")
endif()
run(1 --baseline base.json --format sarif tender.txt)
string(REGEX MATCHALL "\"ruleId\": \"[a-z.-]+\"" ids "${out}")
if(NOT ids STREQUAL "\"ruleId\": \"core.ecolabel\"" OR NOT out MATCHES "\"baselineState\": \"updated\"")
  message(FATAL_ERROR "SARIF should hold the one worse result:\n${out}")
endif()
# Without the baseline every failure counts again.
run(1 tender.txt)

# A baseline that is not a report of circheck is one clear error.
file(WRITE "${WORK}/broken.json" "{\"tool\": {\"name\": \"circheck\"},\n  \"documents\": [\n    {,}\n")
run(2 --baseline broken.json tender.txt)
if(NOT err MATCHES "^broken.json:3:6: error: the baseline is not valid JSON: [^\n]+\n$")
  message(FATAL_ERROR "a broken baseline should be one error at its position:\n${err}")
endif()
file(WRITE "${WORK}/other.json" "{\"results\": []}\n")
run(2 --baseline other.json tender.txt)
if(NOT err STREQUAL "other.json: error: the baseline is not a JSON report of circheck (--format json)\n")
  message(FATAL_ERROR "a JSON file that is no report should say so:\n${err}")
endif()

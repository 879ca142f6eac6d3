# JSON Lines of notices in circheck check, and check --format jsonl.
set(notices tests/data/notices)
if(CIRCHECK_PYTHON3)
  add_test(NAME notices.jsonl-equals-json
    COMMAND ${CIRCHECK_PYTHON3} ${CMAKE_CURRENT_SOURCE_DIR}/jsonl_check.py ${CIRCHECK_BIN} ${SRC})
  set_tests_properties(notices.jsonl-equals-json PROPERTIES LABELS notices TIMEOUT 120)
  add_test(NAME shared.notices-out-of-the-box
    COMMAND ${CIRCHECK_PYTHON3} ${CMAKE_CURRENT_SOURCE_DIR}/jsonl_check.py ${CIRCHECK_BIN} ${SRC}
      --shared)
  set_tests_properties(shared.notices-out-of-the-box PROPERTIES LABELS shared
    SKIP_RETURN_CODE 77 TIMEOUT 120)
endif()
# Broken lines: one error each with its line and column, the others checked, exit 2.
circheck_cli_test(broken-lines notices 2 ARGS check --format jsonl ${notices}/broken.jsonl
  STDERR_IS "${notices}/broken.jsonl:2:32: error: not valid JSON: object value separator ',' expected
${notices}/broken.jsonl:4:1: error: a notice without a title or description (fields 'title' and 'description')
${notices}/broken.jsonl:5:1: error: expected a JSON object
${notices}/broken.jsonl:6:78: error: more text after the JSON value
${notices}/broken.jsonl:8:1: error: a notice field holds a NUL character (\\u0000)
${notices}/broken.jsonl:9:25: error: not UTF-8: byte 0xFF (JSON is UTF-8)"
  STDOUT_MATCH "^{\"path\":\"${notices}/broken.jsonl#B-1\"[^\n]*\n{\"path\":\"${notices}/broken.jsonl#B-7\"[^\n]*\n$")
# The same in the JSON report: the good lines are reported.
circheck_cli_test(broken-lines-json notices 2 ARGS check --format json ${notices}/broken.jsonl
  STDERR_MATCH "broken.jsonl:2:32: error: .*broken.jsonl:9:25: error: [^\n]+\n$"
  STDOUT_MATCH "broken.jsonl#B-1.*broken.jsonl#B-7")
# Field names given on the command line.
circheck_cli_test(renamed-fields notices 0 ARGS check --format jsonl --fail-on never
  --field id=nr --field title=tittel --field description=beskrivelse --field buyer=innkjoper
  --field date=dato ${notices}/renamed.jsonl STDERR_EMPTY
  STDOUT_MATCH "^{\"path\":\"${notices}/renamed.jsonl#R-1\",[^\n]*\"buyer\":\"Aurland kommune\",\"date\":\"2024-02-12\"[^\n]*\"id\":\"lifetime.warranty\",[^}]*\"status\":\"pass\"")
circheck_cli_test(unknown-field notices 2 ARGS check --field titel=x ${notices}/renamed.jsonl
  STDERR_IS "circheck: error: unknown notice field 'titel' (id, title, description, cpv, buyer, date) (see 'circheck help')")
# A record of a report is not a notice.
circheck_cli_test(report-record-in-check notices 2 ARGS check --format jsonl
  ${notices}/report-record.jsonl
  STDERR_IS "${notices}/report-record.jsonl:1:1: error: a document of a circheck report, not a notice (circheck stats reads reports)")

# circheck stats: a hand-made portfolio with answers worked out by hand, merges of shards.
if(CIRCHECK_PYTHON3)
  add_test(NAME stats.portfolio
    COMMAND ${CIRCHECK_PYTHON3} ${CMAKE_CURRENT_SOURCE_DIR}/stats_check.py ${CIRCHECK_BIN} ${SRC})
  set_tests_properties(stats.portfolio PROPERTIES LABELS stats TIMEOUT 120)
  add_test(NAME shared.stats-shards-merge
    COMMAND ${CIRCHECK_PYTHON3} ${CMAKE_CURRENT_SOURCE_DIR}/stats_check.py ${CIRCHECK_BIN} ${SRC}
      --shared)
  set_tests_properties(shared.stats-shards-merge PROPERTIES LABELS shared SKIP_RETURN_CODE 77
    TIMEOUT 300)
endif()
# Broken lines: each an error with its line, the rest counted, exit 2 after the output.
circheck_cli_test(stats-broken-lines stats 2 ARGS stats ${notices}/broken.jsonl
  STDERR_MATCH "^${notices}/broken.jsonl:2:32: error: not valid JSON[^\n]*\n${notices}/broken.jsonl:4:1: error: [^\n]*\n${notices}/broken.jsonl:5:1: error: [^\n]*\n${notices}/broken.jsonl:6:78: error: [^\n]*\n${notices}/broken.jsonl:8:1: error: [^\n]*\n${notices}/broken.jsonl:9:25: error: not UTF-8[^\n]*\n$"
  STDOUT_MATCH "^circheck stats: 2 documents\n")
circheck_cli_test(stats-compare-unknown stats 2 ARGS stats --by buyer --compare Aurland
  --compare Nowhere tests/data/stats/portfolio.jsonl
  STDERR_IS "circheck: error: --compare: no documents in buyer group 'Aurland' (see 'circheck help')")
circheck_cli_test(stats-compare-once stats 2 ARGS stats --compare 2024-Q1
  tests/data/stats/portfolio.jsonl
  STDERR_IS "circheck: error: --compare needs two groups: --compare A --compare B (see 'circheck help')")
circheck_cli_test(stats-bad-report-record stats 2 ARGS stats tests/data/stats/bad-report.jsonl
  STDERR_IS "tests/data/stats/bad-report.jsonl:2:1: error: the document (q2.txt): criterion 'lifetime.warranty' has no known status"
  STDOUT_MATCH "^circheck stats: 2 documents\n")
circheck_cli_test(stats-no-format stats 2 ARGS stats --format sarif tests/data/stats/portfolio.jsonl
  STDERR_IS "circheck: error: format 'sarif' has no statistics form (text, csv, json, html) (see 'circheck help')")
# The statistics page in Chromium: no console messages, the charts drawn (77 without chromium).
if(CIRCHECK_PYTHON3)
  add_test(NAME stats.browser
    COMMAND ${CIRCHECK_PYTHON3} ${CMAKE_CURRENT_SOURCE_DIR}/stats_browser.py ${CIRCHECK_BIN} ${SRC})
  set_tests_properties(stats.browser PROPERTIES LABELS stats SKIP_RETURN_CODE 77 TIMEOUT 300)
endif()
# docs/indicators.md's split-and-merge with GNU parallel, on this machine.
add_test(NAME shared.stats-parallel-merge
  COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/parallel_merge.sh ${CIRCHECK_BIN} ${SRC})
set_tests_properties(shared.stats-parallel-merge PROPERTIES LABELS shared SKIP_RETURN_CODE 77
  TIMEOUT 300)
# A folder: a JSON report counted, JSON Lines notices checked, a stray JSON file skipped with
# a warning; the same stray file named on the command line is an error.
circheck_cli_test(stats-folder stats 0 ARGS stats tests/data/stats/folder
  STDERR_IS "tests/data/stats/folder/other.json: warning: skipped: JSON that is neither a circheck report nor statistics"
  STDOUT_MATCH "^circheck stats: 7 documents\n")
circheck_cli_test(stats-stray-json stats 2 ARGS stats tests/data/stats/folder/other.json
  STDERR_IS "tests/data/stats/folder/other.json: error: neither a circheck JSON report (documents) nor statistics")

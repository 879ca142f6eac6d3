# Golden JSON reports for notices: the team's own notices byte for byte, and
# the SDK's example notices in ../shared (skipped without it) by the SHA-256
# of their report, so that no text of theirs is copied into the repository.
file(GLOB team_notices CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/tests/data/eforms/*.xml)
foreach(n IN LISTS team_notices)
  get_filename_component(name ${n} NAME_WE)
  circheck_cli_test(eforms-${name} golden 1 ARGS check --format json tests/data/eforms/${name}.xml
    GOLDEN ${CMAKE_CURRENT_SOURCE_DIR}/golden/eforms/${name}.json.golden STDERR_EMPTY)
endforeach()

add_test(NAME shared.eforms-golden-digests
  COMMAND ${CMAKE_COMMAND} -DBIN=$<TARGET_FILE:circheck>
    -DDATA=${PROJECT_SOURCE_DIR}/../shared/data/eforms-sdk
    -DDIGESTS=${CMAKE_CURRENT_SOURCE_DIR}/golden/eforms/shared.sha256
    -P ${CMAKE_CURRENT_SOURCE_DIR}/cmake/eforms_digests.cmake)
set_tests_properties(shared.eforms-golden-digests PROPERTIES LABELS shared
  SKIP_REGULAR_EXPRESSION "skipped: ")

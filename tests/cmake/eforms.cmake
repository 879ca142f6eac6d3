# The eForms example notices of ../shared/data/eforms-sdk (label "shared"):
# every notice goes through `circheck check --format json`. A valid notice
# gives exit 0 or 1, one eForms document in valid JSON and nothing on
# standard error; a deliberately invalid one (INVALID_*) gives exit 2 with
# one error line, or is read with a warning. A crash fails either way.
# Skipped (exit 77) when ../shared is not beside the repository.
set(CIRCHECK_EFORMS_SDK ${PROJECT_SOURCE_DIR}/../shared/data/eforms-sdk)
set(CIRCHECK_EFORMS_RUN ${CMAKE_CURRENT_SOURCE_DIR}/cmake/eforms_notice.cmake)

if(EXISTS ${CIRCHECK_EFORMS_SDK})
  file(GLOB _notices CONFIGURE_DEPENDS ${CIRCHECK_EFORMS_SDK}/*.xml)
  list(SORT _notices)
  foreach(n IN LISTS _notices)
    get_filename_component(base ${n} NAME_WE)
    # sh only for the skip: cmake -P cannot exit with 77 before CMake 3.29.
    add_test(NAME shared.eforms.${base}
      COMMAND sh -c "test -f \"$1\" || { echo \"skipped: $1 not found\"; exit 77; }; shift; exec \"$@\""
        sh ${n} ${CMAKE_COMMAND} -DBIN=$<TARGET_FILE:circheck> -DNOTICE=${n}
        -DWORKDIR=${PROJECT_SOURCE_DIR} -P ${CIRCHECK_EFORMS_RUN})
    set_tests_properties(shared.eforms.${base} PROPERTIES LABELS shared SKIP_RETURN_CODE 77
      TIMEOUT 60)
  endforeach()
else()
  add_test(NAME shared.eforms
    COMMAND sh -c "echo \"skipped: ${CIRCHECK_EFORMS_SDK} not found\"; exit 77")
  set_tests_properties(shared.eforms PROPERTIES LABELS shared SKIP_RETURN_CODE 77)
endif()

# The team's own notices (tests/data/eforms) must pass the same checks.
file(GLOB _team_notices CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/data/eforms/*.xml)
foreach(n IN LISTS _team_notices)
  get_filename_component(base ${n} NAME_WE)
  add_test(NAME eforms.${base}
    COMMAND ${CMAKE_COMMAND} -DBIN=$<TARGET_FILE:circheck> -DNOTICE=${n}
      -DWORKDIR=${PROJECT_SOURCE_DIR} -P ${CIRCHECK_EFORMS_RUN})
  set_tests_properties(eforms.${base} PROPERTIES LABELS eforms TIMEOUT 60)
endforeach()

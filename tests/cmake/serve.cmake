# `circheck serve` (docs/serve.md): each test starts the server on a free
# loopback port (--port 0), talks to it with Python's standard library, and
# stops it with SIGTERM.
if(CIRCHECK_PYTHON3)
  add_test(NAME serve.check
    COMMAND ${CIRCHECK_PYTHON3} ${CMAKE_CURRENT_SOURCE_DIR}/serve/test_check.py
      $<TARGET_FILE:circheck> ${PROJECT_SOURCE_DIR})
  set_tests_properties(serve.check PROPERTIES LABELS serve TIMEOUT 300)
endif()
if(CIRCHECK_PYTHON3)
  add_test(NAME serve.catalogue
    COMMAND ${CIRCHECK_PYTHON3} ${CMAKE_CURRENT_SOURCE_DIR}/serve/test_catalogue.py
      $<TARGET_FILE:circheck> ${PROJECT_SOURCE_DIR})
  set_tests_properties(serve.catalogue PROPERTIES LABELS serve TIMEOUT 300)
endif()
if(CIRCHECK_PYTHON3)
  # hostile uploads, the caps and time limit, SIGTERM during an upload
  add_test(NAME serve.limits
    COMMAND ${CIRCHECK_PYTHON3} ${CMAKE_CURRENT_SOURCE_DIR}/serve/test_limits.py
      $<TARGET_FILE:circheck> ${PROJECT_SOURCE_DIR})
  set_tests_properties(serve.limits PROPERTIES LABELS serve TIMEOUT 300 RUN_SERIAL TRUE)
  # docs/openapi.json against real answers
  add_test(NAME serve.openapi
    COMMAND ${CIRCHECK_PYTHON3} ${CMAKE_CURRENT_SOURCE_DIR}/serve/test_openapi.py
      $<TARGET_FILE:circheck> ${PROJECT_SOURCE_DIR})
  set_tests_properties(serve.openapi PROPERTIES LABELS serve TIMEOUT 300 SKIP_RETURN_CODE 77)
endif()

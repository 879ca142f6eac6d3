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

# In a real browser (the Debian chromium, driven by playwright-core from
# tests/browser: `npm ci` there first), and the load test. Not in sanitizer
# builds: the browser test is slow there, and a sanitizer's quarantine makes
# resident memory meaningless for the load test's leak check.
find_program(CIRCHECK_NODE node)
if(CIRCHECK_NODE AND NOT CIRCHECK_SANITIZE)
  add_test(NAME serve.browser
    COMMAND ${CIRCHECK_NODE} ${CMAKE_CURRENT_SOURCE_DIR}/browser/serve.test.mjs
      $<TARGET_FILE:circheck> ${PROJECT_SOURCE_DIR})
  set_tests_properties(serve.browser PROPERTIES LABELS serve TIMEOUT 600 SKIP_RETURN_CODE 77
    RUN_SERIAL TRUE)
endif()
if(CIRCHECK_PYTHON3 AND NOT CIRCHECK_SANITIZE)
  add_test(NAME serve.load
    COMMAND ${CIRCHECK_PYTHON3} ${PROJECT_SOURCE_DIR}/scripts/serve_load.py
      $<TARGET_FILE:circheck> ${PROJECT_SOURCE_DIR} --checks 2000 --clients 16)
  set_tests_properties(serve.load PROPERTIES LABELS serve TIMEOUT 600 RUN_SERIAL TRUE)
endif()

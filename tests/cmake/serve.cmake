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

# `check -j 2` must give byte for byte the report of `check -j 1`.
foreach(fmt text json)
  foreach(j 1 2)
    execute_process(COMMAND "${BIN}" check --no-color --format ${fmt} -j ${j} samples tests/data
      WORKING_DIRECTORY "${SRC}" OUTPUT_VARIABLE out_${j} ERROR_VARIABLE err_${j}
      RESULT_VARIABLE rc_${j})
  endforeach()
  if(NOT rc_1 STREQUAL rc_2 OR NOT out_1 STREQUAL out_2 OR NOT err_1 STREQUAL err_2)
    message(FATAL_ERROR "-j 2 differs from -j 1 (${fmt}): exit ${rc_1} vs ${rc_2}")
  endif()
  string(LENGTH "${out_1}" n)
  if(n LESS 1000)
    message(FATAL_ERROR "suspiciously short ${fmt} report (${n} bytes)")
  endif()
endforeach()

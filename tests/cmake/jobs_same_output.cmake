# `check -j 2` and `-j 3` must give byte for byte the report of `check -j 1`,
# in every format: documents are checked and rendered on several threads
# (41 documents: more than one round of rendering at -j 2).
foreach(fmt text json sarif junit csv md html)
  foreach(j 1 2 3)
    execute_process(COMMAND "${BIN}" check --no-color --format ${fmt} -j ${j} samples tests/data
      WORKING_DIRECTORY "${SRC}" OUTPUT_VARIABLE out_${j} ERROR_VARIABLE err_${j}
      RESULT_VARIABLE rc_${j})
  endforeach()
  foreach(j 2 3)
    if(NOT rc_1 STREQUAL rc_${j} OR NOT out_1 STREQUAL out_${j} OR NOT err_1 STREQUAL err_${j})
      message(FATAL_ERROR "-j ${j} differs from -j 1 (${fmt}): exit ${rc_1} vs ${rc_${j}}")
    endif()
  endforeach()
  string(LENGTH "${out_1}" n)
  if(n LESS 1000)
    message(FATAL_ERROR "suspiciously short ${fmt} report (${n} bytes)")
  endif()
endforeach()

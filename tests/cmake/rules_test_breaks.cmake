# Copies the furniture pack, turns its first passing example into one that
# expects "fail", and checks that `circheck rules test` notices (exit 1 and a
# line naming the example).
file(READ "${SRC}/rules/furniture.xml" pack)
string(FIND "${pack}" "expect=\"pass\"" at)
if(at EQUAL -1)
  message(FATAL_ERROR "rules/furniture.xml has no example expecting pass")
endif()
string(SUBSTRING "${pack}" 0 ${at} head)
math(EXPR rest_at "${at} + 13")
string(SUBSTRING "${pack}" ${rest_at} -1 tail)
file(WRITE "${WORK}/furniture-broken.xml" "${head}expect=\"fail\"${tail}")
execute_process(COMMAND "${BIN}" rules test "${WORK}/furniture-broken.xml"
  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 1)
  message(FATAL_ERROR "rules test gave exit ${rc} on a broken example, expected 1:\n${out}${err}")
endif()
if(NOT out MATCHES "furniture-broken.xml:[0-9]+:[0-9]+: error: furniture\\.[a-z.-]+: example expected fail, got pass")
  message(FATAL_ERROR "rules test did not name the broken example:\n${out}")
endif()

# Command-line tests: golden reports for the samples, one clear error for
# every kind of bad input, and the rules' own examples.
set(CIRCHECK_BIN $<TARGET_FILE:circheck>)
set(RUN_CLI ${CMAKE_CURRENT_SOURCE_DIR}/cmake/run_cli.cmake)
set(SRC ${PROJECT_SOURCE_DIR})

# circheck_cli_test(NAME LABEL EXPECT_RC ARGS... [GOLDEN f] [STDERR_IS s] [STDERR_MATCH re]
#                   [STDOUT_MATCH re] [INPUT f] [STDERR_EMPTY] [ENV VAR=VALUE...])
# ENV sets the environment circheck runs in (the locale, for checklists).
function(circheck_cli_test name label rc)
  cmake_parse_arguments(T "STDERR_EMPTY" "GOLDEN;STDERR_IS;STDERR_MATCH;STDOUT_MATCH;INPUT"
    "ARGS;ENV" ${ARGN})
  string(REPLACE ";" "|" args "${T_ARGS}")
  set(defs -DBIN=${CIRCHECK_BIN} -DARGS=${args} -DWORKDIR=${SRC} -DEXPECT_RC=${rc}
    -DACTUAL=${CMAKE_CURRENT_BINARY_DIR}/out/${name}.out)
  if(T_GOLDEN)
    list(APPEND defs -DGOLDEN=${T_GOLDEN})
  endif()
  if(DEFINED T_STDERR_IS)
    list(APPEND defs "-DSTDERR_IS=${T_STDERR_IS}")
  endif()
  if(T_STDERR_MATCH)
    list(APPEND defs "-DSTDERR_MATCH=${T_STDERR_MATCH}")
  endif()
  if(T_STDOUT_MATCH)
    list(APPEND defs "-DSTDOUT_MATCH=${T_STDOUT_MATCH}")
  endif()
  if(T_INPUT)
    list(APPEND defs -DINPUT=${T_INPUT})
  endif()
  if(T_STDERR_EMPTY)
    list(APPEND defs -DSTDERR_EMPTY=1)
  endif()
  add_test(NAME ${label}.${name} COMMAND ${CMAKE_COMMAND} ${defs} -P ${RUN_CLI})
  set_tests_properties(${label}.${name} PROPERTIES LABELS ${label} TIMEOUT 120)
  if(T_ENV)
    set_tests_properties(${label}.${name} PROPERTIES ENVIRONMENT "${T_ENV}")
  endif()
endfunction()
file(MAKE_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR}/out)

# --- golden reports: every sample, text and JSON --------------------------------
file(GLOB golden_files CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/golden/*.golden)
foreach(g IN LISTS golden_files)
  # golden/<sample file name>.<format>.golden, e.g. furniture-nb.txt.json.golden
  get_filename_component(base ${g} NAME)
  string(REGEX REPLACE "\\.golden$" "" base "${base}")
  string(REGEX MATCH "[^.]+$" fmt "${base}")
  string(REGEX REPLACE "\\.[^.]+$" "" sample "${base}")
  set(extra "")
  if(sample MATCHES "advanced")
    set(extra --level advanced)
    string(REPLACE ".advanced" "" sample "${sample}")
  endif()
  circheck_cli_test(${base} golden 1 ARGS check --no-color --format ${fmt} ${extra}
    samples/${sample} GOLDEN ${g} STDERR_EMPTY)
endforeach()

# --- bad input: exit 2 and exactly one line on standard error -------------------
set(one_line "^[^\n]+\n$")
circheck_cli_test(missing-file errors 2 ARGS check tests/errors/no-such-file.txt
  STDERR_MATCH "^tests/errors/no-such-file.txt: error: [^\n]+\n$")
circheck_cli_test(empty-file errors 2 ARGS check tests/errors/empty.txt
  STDERR_IS "tests/errors/empty.txt: error: empty document")
circheck_cli_test(binary-file errors 2 ARGS check tests/errors/binary.bin
  STDERR_MATCH "^tests/errors/binary.bin:2:1: error: binary file[^\n]*\n$")
circheck_cli_test(invalid-encoding errors 2 ARGS check tests/errors/invalid-encoding.txt
  STDERR_MATCH "^tests/errors/invalid-encoding.txt:2:18: error: [^\n]+\n$")
circheck_cli_test(malformed-xml errors 2 ARGS check tests/errors/malformed.xml
  STDERR_MATCH "^tests/errors/malformed.xml:6:[0-9]+: error: [^\n]+\n$")
circheck_cli_test(external-entity errors 2 ARGS check tests/errors/external-entity.xml
  STDERR_MATCH "^tests/errors/external-entity.xml:3:[0-9]+: error: entity declarations are not allowed[^\n]*\n$")
circheck_cli_test(entity-bomb errors 2 ARGS check tests/errors/entity-bomb.xml
  STDERR_MATCH "^tests/errors/entity-bomb.xml:3:[0-9]+: error: entity declarations are not allowed[^\n]*\n$")
circheck_cli_test(output-is-folder errors 2
  ARGS check samples/furniture-nb.txt -o tests/errors
  STDERR_MATCH "^tests/errors: error: cannot write[^\n]*\n$")
circheck_cli_test(rules-bad-regex errors 2
  ARGS check --rules tests/errors/rules-bad-regex.xml samples/furniture-nb.txt
  STDERR_MATCH "^tests/errors/rules-bad-regex.xml:[0-9]+:[0-9]+: error: [^\n]+\n$")
circheck_cli_test(rules-unknown-criterion errors 2
  ARGS check --rules tests/errors/rules-unknown-criterion.xml samples/furniture-nb.txt
  STDERR_MATCH "^tests/errors/rules-unknown-criterion.xml:[0-9]+:[0-9]+: error: unknown criterion[^\n]*\n$")
circheck_cli_test(rules-malformed errors 2
  ARGS check --rules tests/errors/rules-malformed.xml samples/furniture-nb.txt
  STDERR_MATCH "^tests/errors/rules-malformed.xml:[0-9]+:[0-9]+: error: [^\n]+\n$")
circheck_cli_test(unknown-option errors 2 ARGS check --frobnicate samples/furniture-nb.txt
  STDERR_IS "circheck: error: unknown option '--frobnicate' (see 'circheck help')")
circheck_cli_test(unknown-command errors 2 ARGS frobnicate
  STDERR_IS "circheck: error: unknown command 'frobnicate' (see 'circheck help')")
circheck_cli_test(bad-level errors 2 ARGS check --level extreme samples/furniture-nb.txt
  STDERR_IS "circheck: error: unknown level 'extreme' (basic, advanced, spearhead) (see 'circheck help')")
# An unreadable file among readable ones: the others are still reported, exit 2.
circheck_cli_test(mixed-good-and-bad errors 2
  ARGS check --format json samples/furniture-nb.txt tests/errors/empty.txt
  STDERR_IS "tests/errors/empty.txt: error: empty document"
  STDOUT_MATCH "\"path\": \"samples/furniture-nb.txt\"")

# --- behaviour of the command line ------------------------------------------------
circheck_cli_test(stdin cli 1 ARGS check --no-color - INPUT ${SRC}/samples/furniture-nb.txt
  STDOUT_MATCH "^-: text, UTF-8, ")
circheck_cli_test(fail-on-never cli 0 ARGS check --fail-on never samples/furniture-nb.txt)
circheck_cli_test(version cli 0 ARGS --version STDOUT_MATCH "^circheck [0-9]+\\.[0-9]+\\.[0-9]+\n$")
circheck_cli_test(help-check cli 0 ARGS help check STDOUT_MATCH "--fail-on STATUS")
circheck_cli_test(rules-list cli 0 ARGS rules list STDOUT_MATCH "furniture.warranty")
circheck_cli_test(rules-test cli 0 ARGS rules test STDOUT_MATCH "[0-9]+ passed, 0 failed\n$")

# Parallel checking gives the same report, in the same order.
add_test(NAME cli.jobs-same-output
  COMMAND ${CMAKE_COMMAND} -DBIN=${CIRCHECK_BIN} -DSRC=${SRC} -P ${CMAKE_CURRENT_SOURCE_DIR}/cmake/jobs_same_output.cmake)
set_tests_properties(cli.jobs-same-output PROPERTIES LABELS cli)
circheck_cli_test(bad-jobs errors 2 ARGS check -j 0 samples/furniture-nb.txt
  STDERR_IS "circheck: error: --jobs needs a number from 1 to 256, not '0' (see 'circheck help')")

# `rules test` must fail when an example is changed to contradict its rule.
add_test(NAME cli.rules-test-catches-a-wrong-example
  COMMAND ${CMAKE_COMMAND} -DBIN=${CIRCHECK_BIN} -DSRC=${SRC}
    -DWORK=${CMAKE_CURRENT_BINARY_DIR}/out -P ${CMAKE_CURRENT_SOURCE_DIR}/cmake/rules_test_breaks.cmake)
set_tests_properties(cli.rules-test-catches-a-wrong-example PROPERTIES LABELS cli)

# --- report formats and checklists (issue 5) -------------------------------------
# Golden HTML, SARIF, JUnit, CSV and Markdown reports come from the loop at the
# top (tests/golden/<sample>.<format>.golden). These check every output of
# every sample against what other programs need.
find_program(CIRCHECK_PYTHON3 python3)
if(CIRCHECK_PYTHON3)
  # browser: 77 when chromium is not installed (it is not in CI).
  foreach(kind sarif html junit browser)
    add_test(NAME formats.${kind}
      COMMAND ${CIRCHECK_PYTHON3} ${CMAKE_CURRENT_SOURCE_DIR}/check_reports.py ${kind}
        ${CIRCHECK_BIN} ${SRC})
    # 77: the SARIF schema (../shared), python3-jsonschema or chromium is missing.
    set_tests_properties(formats.${kind} PROPERTIES LABELS formats SKIP_RETURN_CODE 77
      TIMEOUT 300)
  endforeach()
else()
  message(STATUS "python3 not found: the SARIF, HTML and JUnit format checks are left out")
endif()

circheck_cli_test(junit-fail-on-partial formats 1
  ARGS check --format junit --fail-on partial samples/furniture-nb.txt
  STDOUT_MATCH "<failure message=\"[^\"]*\" type=\"partial\">" STDERR_EMPTY)
circheck_cli_test(sarif-to-file formats 1
  ARGS check --format sarif -o ${CMAKE_CURRENT_BINARY_DIR}/out/report.sarif
    samples/furniture-nb.txt STDERR_EMPTY)
circheck_cli_test(unknown-format errors 2 ARGS check --format pdf samples/furniture-nb.txt
  STDERR_IS "circheck: error: unknown format 'pdf' (text, json, jsonl, html, sarif, junit, csv, md, docx) (see 'circheck help')")

# The checklist a Norwegian buyer of furniture gets, pinned word for word.
circheck_cli_test(furniture-advanced-nb-md checklist 0
  ARGS checklist --pack furniture --level advanced --lang nb --format md
  GOLDEN ${CMAKE_CURRENT_SOURCE_DIR}/golden/checklist/furniture-advanced-nb.md.golden
  STDERR_EMPTY)
circheck_cli_test(core-text checklist 0 ARGS checklist
  STDOUT_MATCH "^Checklist of circular requirements\n\nPacks: [^\n]*\\(core\\)\nLevel: basic\n"
  STDERR_EMPTY ENV LC_ALL= LC_MESSAGES= LANG=en_GB.UTF-8)
# Without --lang a checklist speaks the user's language: LC_ALL, then LC_MESSAGES, then LANG;
# bokmål when none is set or the locale is of another language.
circheck_cli_test(locale-nn checklist 0 ARGS checklist
  STDOUT_MATCH "^Sjekkliste for sirkulære krav\n\nRegelpakkar: Felles krav \\(core\\)\nNivå: basis\n"
  STDERR_EMPTY ENV LC_ALL= LC_MESSAGES=nn_NO.UTF-8 LANG=en_GB.UTF-8)
circheck_cli_test(locale-lc-all-first checklist 0 ARGS checklist
  STDOUT_MATCH "^Sjekkliste for sirkulære krav\n\nRegelpakker: Felles krav \\(core\\)\n"
  STDERR_EMPTY ENV LC_ALL=no_NO.UTF-8 LC_MESSAGES=nn_NO.UTF-8 LANG=en_GB.UTF-8)
circheck_cli_test(locale-unset checklist 0 ARGS checklist
  STDOUT_MATCH "^Sjekkliste for sirkulære krav\n\nRegelpakker: " STDERR_EMPTY
  ENV LC_ALL= LC_MESSAGES= LANG=)
circheck_cli_test(locale-other checklist 0 ARGS checklist
  STDOUT_MATCH "^Sjekkliste for sirkulære krav\n\nRegelpakker: " STDERR_EMPTY
  ENV LC_ALL= LC_MESSAGES= LANG=sv_SE.UTF-8)
circheck_cli_test(locale-lang-wins checklist 0 ARGS checklist --lang en
  STDOUT_MATCH "^Checklist of circular requirements\n" STDERR_EMPTY
  ENV LC_ALL=nn_NO.UTF-8)
# The checklist a nynorsk buyer of ICT equipment gets, pinned word for word.
circheck_cli_test(ict-nn-md checklist 0
  ARGS checklist --pack ict --lang nn --format md
  GOLDEN ${CMAKE_CURRENT_SOURCE_DIR}/golden/checklist/ict-basic-nn.md.golden
  STDERR_EMPTY)
circheck_cli_test(cpv-csv checklist 0 ARGS checklist --cpv 39130000-2 --format csv
  STDOUT_MATCH "^\"placement\",\"pack\",\"rule\",[^\n]*\r\n.*\"furniture.warranty\"" STDERR_EMPTY)
circheck_cli_test(cpv-json checklist 0 ARGS checklist --cpv 39130000 --format json --lang nb
  STDOUT_MATCH "\"packs\": .\n    \"core\",\n    \"furniture\"" STDERR_EMPTY)
circheck_cli_test(cpv-without-pack checklist 0 ARGS checklist --cpv 66000000
  STDERR_MATCH "^note: no product pack for CPV 66000000. the checklist has the clauses for every purchase only\n$")
circheck_cli_test(to-file checklist 0 ARGS checklist --pack furniture --format html
  -o ${CMAKE_CURRENT_BINARY_DIR}/out/checklist.html STDERR_EMPTY)
circheck_cli_test(checklist-bad-format errors 2 ARGS checklist --format sarif
  STDERR_IS "circheck: error: format 'sarif' has no checklist form (text, md, html, csv, json, docx) (see 'circheck help')")
circheck_cli_test(checklist-bad-cpv errors 2 ARGS checklist --cpv 39x
  STDERR_IS "circheck: error: invalid CPV code '39x' (2 to 8 digits, optionally with -check digit) (see 'circheck help')")
circheck_cli_test(checklist-unknown-pack errors 2 ARGS checklist --pack nope
  STDERR_IS "circheck: error: unknown pack 'nope' (circheck rules list shows the packs) (see 'circheck help')")
circheck_cli_test(checklist-argument errors 2 ARGS checklist samples/furniture-nb.txt
  STDERR_IS "circheck: error: unexpected argument 'samples/furniture-nb.txt' (see 'circheck help')")
circheck_cli_test(help-checklist cli 0 ARGS help checklist STDOUT_MATCH "--cpv CODE")
circheck_cli_test(help-checklist-formats cli 0 ARGS help checklist
  STDOUT_MATCH "FORMATS \\(--format\\):\n  text [^\n]*\n  md [^\n]*\n  html [^\n]*\n  csv [^\n]*\n  json ")
# A pack of one's own with bokmål and English only reads in nynorsk: its names and clauses in
# bokmål, the catalogue's texts around them in nynorsk.
circheck_cli_test(nn-borrows-bokmal cli 1 ARGS check --no-color --lang nn
  --rules tests/data/rules/valid-two.xml --pack testpack samples/furniture-nb.txt
  STDOUT_MATCH "partial: lifetime.warranty: Produktgaranti: 3 år når ikkje opp til nivå basis, som krev 5 år. .testpack.warranty.\n"
  STDERR_EMPTY)
circheck_cli_test(unknown-lang errors 2 ARGS check --lang sv samples/canteen-nn.txt
  STDERR_IS "circheck: error: unknown report language 'sv' (nb, nn, en) (see 'circheck help')")

include(${CMAKE_CURRENT_SOURCE_DIR}/cmake/eforms_golden.cmake)

# One verdict per criterion, seen by an officer: a laptop-only tender gets the
# laptop clause for spare parts, not the phones' legal floor; a criterion met by
# its category's rule shows no failure of the general rule, and the summary
# counts the criteria of the table (text and HTML goldens).
foreach(name laptops-only-en.md take-back-two-rules-nb.txt)
  foreach(fmt text html)
    circheck_cli_test(verdicts-${name}-${fmt} golden 0 ARGS check --no-color --fail-on never
      --format ${fmt} tests/data/verdicts/${name}
      GOLDEN ${CMAKE_CURRENT_SOURCE_DIR}/golden/verdicts/${name}.${fmt}.golden STDERR_EMPTY)
  endforeach()
endforeach()

# Pack choice and the subject of the contract on short notices: a title line without codes,
# a code of one category with a title of another, a rental stated only by its title.
file(GLOB subject_inputs CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/tests/data/subject/*.txt)
foreach(f IN LISTS subject_inputs)
  get_filename_component(name ${f} NAME)
  circheck_cli_test(subject-${name} golden 0 ARGS check --no-color --fail-on never
    tests/data/subject/${name}
    GOLDEN ${CMAKE_CURRENT_SOURCE_DIR}/golden/subject/${name}.text.golden STDERR_EMPTY)
endforeach()

# Swedish and Danish text: named as such, read with the bokmål rules, and a finding says so.
foreach(name swedish danish)
  circheck_cli_test(lang-${name} golden 0 ARGS check --no-color --fail-on never
    tests/data/lang/${name}.txt
    GOLDEN ${CMAKE_CURRENT_SOURCE_DIR}/golden/lang/${name}.txt.text.golden STDERR_EMPTY)
  circheck_cli_test(lang-${name}-json golden 0 ARGS check --format json --fail-on never
    tests/data/lang/${name}.txt
    GOLDEN ${CMAKE_CURRENT_SOURCE_DIR}/golden/lang/${name}.txt.json.golden STDERR_EMPTY)
endforeach()

# Word, OpenDocument and PDF: the office versions of samples (scripts/office_samples.py, made
# with LibreOffice) and hand-built fixtures (tests/data/office/make_fixtures.py): golden reports,
# the same verdicts as the text versions, and damaged or hostile archives.
file(GLOB office_inputs CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/samples/office/*.docx
  ${PROJECT_SOURCE_DIR}/samples/office/*.odt ${PROJECT_SOURCE_DIR}/samples/office/*.pdf
  ${PROJECT_SOURCE_DIR}/samples/office/*.html
  ${PROJECT_SOURCE_DIR}/tests/data/office/*.docx ${PROJECT_SOURCE_DIR}/tests/data/office/*.odt)
foreach(f IN LISTS office_inputs)
  get_filename_component(name ${f} NAME)
  if(name MATCHES "^(bomb|encrypted|corrupt)\\.")
    continue()
  endif()
  file(RELATIVE_PATH rel ${PROJECT_SOURCE_DIR} ${f})
  circheck_cli_test(office-${name} golden 0 ARGS check --no-color --fail-on never ${rel}
    GOLDEN ${CMAKE_CURRENT_SOURCE_DIR}/golden/office/${name}.text.golden STDERR_EMPTY)
endforeach()
find_program(CIRCHECK_PYTHON3 python3)
if(CIRCHECK_PYTHON3)
  add_test(NAME formats.same-verdicts-office
    COMMAND ${CIRCHECK_PYTHON3} ${CMAKE_CURRENT_SOURCE_DIR}/same_verdicts.py ${CIRCHECK_BIN}
      ${PROJECT_SOURCE_DIR}/samples)
  set_tests_properties(formats.same-verdicts-office PROPERTIES LABELS formats)
  # One verdict per criterion in every format: samples, the team's notices,
  # and (label shared) eForms example notices with lots.
  file(GLOB verdict_files ${PROJECT_SOURCE_DIR}/samples/*.txt ${PROJECT_SOURCE_DIR}/samples/*.md
    ${PROJECT_SOURCE_DIR}/samples/*.xml ${PROJECT_SOURCE_DIR}/samples/office/*.docx
    ${PROJECT_SOURCE_DIR}/samples/office/*.pdf ${CMAKE_CURRENT_SOURCE_DIR}/data/eforms/*.xml)
  add_test(NAME formats.verdicts-agree
    COMMAND ${CIRCHECK_PYTHON3} ${CMAKE_CURRENT_SOURCE_DIR}/verdicts_agree.py ${CIRCHECK_BIN}
      ${verdict_files})
  set_tests_properties(formats.verdicts-agree PROPERTIES LABELS formats)
  set(sdk ${PROJECT_SOURCE_DIR}/../shared/data/eforms-sdk)
  add_test(NAME shared.verdicts-agree
    COMMAND ${CIRCHECK_PYTHON3} ${CMAKE_CURRENT_SOURCE_DIR}/verdicts_agree.py ${CIRCHECK_BIN}
      ${sdk}/cn_24_maximal_100_lots.xml ${sdk}/cn_24_multilingual.xml ${sdk}/can_24_maximal.xml
      ${sdk}/cn_24_open.xml ${sdk}/pin-only_24_lots.xml)
  set_tests_properties(shared.verdicts-agree PROPERTIES LABELS shared SKIP_RETURN_CODE 77)
endif()
circheck_cli_test(office-zip-bomb hostile 2 ARGS check tests/data/office/bomb.docx
  STDERR_IS "tests/data/office/bomb.docx: error: word/document.xml expands more than 200 times: refused as a zip bomb")
circheck_cli_test(office-encrypted hostile 2 ARGS check tests/data/office/encrypted.docx
  STDERR_MATCH "^tests/data/office/encrypted.docx: error: the document is encrypted [(]password protected[)][^\n]*\n$")
circheck_cli_test(office-corrupt hostile 2 ARGS check tests/data/office/corrupt.docx
  STDERR_IS "tests/data/office/corrupt.docx: error: a zip archive that is not a Word (.docx) or OpenDocument (.odt) document, or is damaged")
circheck_cli_test(pdf-no-text hostile 2 ARGS check tests/data/office/no-text.pdf
  STDERR_MATCH "^tests/data/office/no-text.pdf: error: no text layer[^\n]*[(]run OCR first[)]\n$")
circheck_cli_test(pdf-damaged hostile 2 ARGS check tests/data/office/damaged.pdf
  STDERR_MATCH "^tests/data/office/damaged.pdf: error: not a readable PDF[^\n]*\n$")
circheck_cli_test(pdf-encrypted hostile 2 ARGS check tests/data/office/encrypted.pdf
  STDERR_MATCH "^tests/data/office/encrypted.pdf: error: the PDF is encrypted [(]password protected[)][^\n]*\n$")
circheck_cli_test(office-not-office hostile 2 ARGS check tests/data/office/not-office.zip
  STDERR_IS "tests/data/office/not-office.zip: error: unsupported file type: a zip archive")

# A folder walk skips files circheck does not read (an image, an archive) with one warning
# each and lists them in the JSON report; --exclude leaves paths out; a file named on the
# command line that circheck does not read is still an error.
circheck_cli_test(folder-skips-unsupported cli 0 ARGS check --format json --fail-on never
  tests/data/folder
  STDOUT_MATCH "\"skipped\": .\n *{\n *\"path\": \"tests/data/folder/logo.png\",\n *\"type\": \"a PNG image\""
  STDERR_IS "tests/data/folder/logo.png: warning: skipped: a PNG image\ntests/data/folder/prisskjema.zip: warning: skipped: a zip archive")
circheck_cli_test(folder-exclude cli 0 ARGS check --format json --fail-on never
  --exclude *.png --exclude */prisskjema.* tests/data/folder STDERR_EMPTY)
circheck_cli_test(named-unsupported errors 2 ARGS check tests/data/folder/logo.png
  STDERR_IS "tests/data/folder/logo.png: error: unsupported file type: a PNG image")
if(CIRCHECK_PYTHON3)
  add_test(NAME hostile.office-made-at-test-time
    COMMAND ${CIRCHECK_PYTHON3} ${CMAKE_CURRENT_SOURCE_DIR}/hostile_office.py ${CIRCHECK_BIN}
      ${CMAKE_CURRENT_BINARY_DIR}/out/hostile-office)
  set_tests_properties(hostile.office-made-at-test-time PROPERTIES LABELS hostile TIMEOUT 120)
  add_test(NAME hostile.reports-stay-valid
    COMMAND ${CIRCHECK_PYTHON3} ${CMAKE_CURRENT_SOURCE_DIR}/hostile_reports.py ${CIRCHECK_BIN}
      ${CMAKE_CURRENT_BINARY_DIR}/out/hostile-reports)
  set_tests_properties(hostile.reports-stay-valid PROPERTIES LABELS hostile TIMEOUT 60)
endif()

# --- configuration files, waivers and baselines (issue 14) ---------------------------
# tests/data/config/walk/.circheck.yml: level spearhead, fail-on partial, drafts excluded,
# an override (stoler/* at level advanced), a waiver for stoler/* and an expired one.
# A folder walk and files below it find it by walking up; the text report is pinned.
circheck_cli_test(config-walk golden 1 ARGS check --no-color tests/data/config/walk
  GOLDEN ${CMAKE_CURRENT_SOURCE_DIR}/golden/config/walk.text.golden
  STDERR_IS "tests/data/config/walk/.circheck.yml:10:5: warning: the waiver of core.lifecycle-cost expired on 2020-01-01 and no longer applies")
circheck_cli_test(config-walk-up-two-folders config 1
  ARGS check --format json tests/data/config/walk/deep/sub/skap.txt
  STDOUT_MATCH "\"level\": \"spearhead\"")
circheck_cli_test(config-override config 1
  ARGS check --format json tests/data/config/walk/stoler/stoler.txt
  STDOUT_MATCH "\"level\": \"advanced\".*\"status\": \"waived\",\n *\"reason\": \"absent\",.*\"waiver\": {\n *\"status\": \"fail\",\n *\"reason\": \"Stolene er støpt i ett stykke; de kan ikke demonteres\",\n *\"expires\": \"2099-12-31\",\n *\"source\": \"config\"")
circheck_cli_test(config-command-line-wins config 1
  ARGS check --format json --level basic tests/data/config/walk/stoler/stoler.txt
  STDOUT_MATCH "\"level\": \"basic\"")
circheck_cli_test(config-ignored config 1
  ARGS check --format json --no-config tests/data/config/walk/stoler/stoler.txt
  STDOUT_MATCH "\"level\": \"basic\".*\"waived\": 0\n")
circheck_cli_test(config-named config 1
  ARGS check --format json --config tests/data/config/walk/.circheck.yml samples/furniture-nb.txt
  STDOUT_MATCH "\"level\": \"spearhead\"")
circheck_cli_test(config-languages config 1
  ARGS check --format json tests/data/config/langs/bord.txt STDOUT_MATCH "\"language\": \"nn\"")
circheck_cli_test(config-languages-ignored config 1
  ARGS check --format json --no-config tests/data/config/langs/bord.txt
  STDOUT_MATCH "\"language\": \"nb\"")
circheck_cli_test(config-excluded-file config 0
  ARGS check --format json tests/data/config/walk/utkast.draft.txt
  STDOUT_MATCH "\"documents\": \\[\\]")
circheck_cli_test(config-and-no-config errors 2
  ARGS check --config tests/data/config/walk/.circheck.yml --no-config samples/furniture-nb.txt
  STDERR_IS "circheck: error: --config and --no-config cannot be used together (see 'circheck help')")
circheck_cli_test(config-missing errors 2
  ARGS check --config tests/data/config/none.yml samples/furniture-nb.txt
  STDERR_IS "tests/data/config/none.yml: error: cannot read the configuration: No such file or directory")
# Every kind of wrong configuration: one line at the key or value, exit 2.
set(config_errors
  "unknown-key|2:1: error: unknown key 'levle' (level, lang, doc-lang, languages, packs, fail-on, exclude, waivers, overrides)"
  "bad-level|1:8: error: unknown level 'extreme' (basic, advanced, spearhead)"
  "bad-fail-on|1:10: error: unknown fail-on value 'sometimes' (fail, partial, never)"
  "duplicate-key|2:1: error: key 'level' is given twice"
  "not-a-mapping|1:1: error: the configuration must be a mapping of keys (level, lang, doc-lang, languages, packs, fail-on, exclude, waivers, overrides)"
  "packs-not-list|2:3: error: 'packs' needs a list of pack names"
  "unknown-pack|1:20: error: unknown pack 'stoler' (circheck rules list shows the packs)"
  "override-no-paths|2:5: error: an override needs 'paths' (the globs of the files it is for)"
  "waiver-no-reason|2:5: error: a waiver needs a 'reason'"
  "waiver-both|3:5: error: a waiver names a criterion or a rule, not both"
  "bad-date|4:14: error: 'expires' needs a date written YYYY-MM-DD, not '30.06.2027'"
  "unknown-criterion|2:16: error: unknown criterion 'reuse.nothing' (circheck rules list shows them)"
  "deep|1:67: error: lists and mappings nest deeper than 64 levels"
  "bad-language|1:17: error: unknown document language 'sv' (nb, nn, en)")
foreach(e IN LISTS config_errors)
  string(REGEX MATCH "^([^|]+)\\|(.*)$" m "${e}")
  circheck_cli_test(config-${CMAKE_MATCH_1} errors 2
    ARGS check --config tests/data/config/errors/${CMAKE_MATCH_1}.yml samples/furniture-nb.txt
    STDERR_IS "tests/data/config/errors/${CMAKE_MATCH_1}.yml:${CMAKE_MATCH_2}")
endforeach()

# (a bracket in a CMake list item would join items: this one stands alone)
circheck_cli_test(config-bad-yaml errors 2
  ARGS check --config tests/data/config/errors/bad-yaml.yml samples/furniture-nb.txt
  STDERR_MATCH "^tests/data/config/errors/bad-yaml.yml:3:1: error: not valid YAML: did not find expected ',' or ... while parsing a flow sequence\n$")

# Waivers decide the exit code: the one rule of the test pack fails (exit 1) unless a
# waiver in the configuration or in the document accepts it (exit 0); an expired one does not.
# tests/configs/alpha names the test pack, so it lies outside tests/data, which other
# tests check without it.
set(alpha --no-builtin-rules --rules tests/data/rules/alpha.xml)
circheck_cli_test(waiver-none cli 1 ARGS check ${alpha} --pack alpha tests/data/config/inline/plain.md
  STDERR_EMPTY)
circheck_cli_test(waiver-config cli 0 ARGS check ${alpha} tests/configs/alpha/plain.md
  STDOUT_MATCH "plain.md: waived: material.packaging: .*\n    waiver \\(tests/configs/alpha/.circheck.yml:3:5\\): Supplies are delivered without packaging\n"
  STDERR_EMPTY)
circheck_cli_test(waiver-config-ignored cli 1
  ARGS check ${alpha} --no-config --pack alpha tests/configs/alpha/plain.md STDERR_EMPTY)
circheck_cli_test(waiver-in-markdown cli 0 ARGS check ${alpha} --pack alpha --format json
  tests/data/config/inline/waived.md
  STDOUT_MATCH "\"status\": \"waived\",.*\"source\": \"document\",\n *\"file\": \"tests/data/config/inline/waived.md\",\n *\"line\": 3,"
  STDERR_EMPTY)
circheck_cli_test(waiver-in-xml cli 0 ARGS check ${alpha} --pack alpha --format sarif
  tests/data/config/inline/waived.xml
  STDOUT_MATCH "\"suppressions\": .\n *{\n *\"kind\": \"inSource\",\n *\"justification\": \"Supplies are delivered without packaging\""
  STDERR_EMPTY)
circheck_cli_test(waiver-expired cli 1 ARGS check ${alpha} --pack alpha --lang en
  tests/data/config/inline/expired.md
  STDOUT_MATCH "expired.md:5:1: warning: waiver-expired: The waiver of alpha.packaging expired on 2020-01-01 and no longer applies"
  STDERR_EMPTY)
circheck_cli_test(waiver-junit cli 0 ARGS check ${alpha} --pack alpha --format junit
  tests/data/config/inline/waived.md
  STDOUT_MATCH "<skipped message=\"waived: Supplies are delivered without packaging\"/>"
  STDERR_EMPTY)
circheck_cli_test(waiver-bad-comment errors 2 ARGS check ${alpha} --pack alpha
  tests/data/config/inline/bad-directive.md
  STDERR_IS "tests/data/config/inline/bad-directive.md:5:3: error: a circheck comment must read 'circheck: waive ID: reason' (ID a rule or criterion)")
circheck_cli_test(waiver-unknown-id errors 2 ARGS check ${alpha} --pack alpha
  tests/data/config/inline/unknown-id.md
  STDERR_IS "tests/data/config/inline/unknown-id.md:3:1: error: the waiver names 'alpha.wrapping', which is no rule or criterion (circheck rules list shows them)")

# --baseline: only what is new or worse is reported and fails the run.
add_test(NAME cli.baseline
  COMMAND ${CMAKE_COMMAND} -DBIN=${CIRCHECK_BIN} -DSRC=${SRC}
    -DWORK=${CMAKE_CURRENT_BINARY_DIR}/out/baseline -P ${CMAKE_CURRENT_SOURCE_DIR}/cmake/baseline.cmake)
set_tests_properties(cli.baseline PROPERTIES LABELS cli)

# docs/report.schema.json against real reports: every sample, notices, waivers, a baseline.
if(CIRCHECK_PYTHON3)
  add_test(NAME formats.json-schema
    COMMAND ${CIRCHECK_PYTHON3} ${CMAKE_CURRENT_SOURCE_DIR}/check_json_schema.py ${CIRCHECK_BIN}
      ${SRC} ${CMAKE_CURRENT_BINARY_DIR}/out/json-schema)
  set_tests_properties(formats.json-schema PROPERTIES LABELS formats SKIP_RETURN_CODE 77
    TIMEOUT 300)
endif()
circheck_cli_test(waiver-in-html cli 0 ARGS check --no-builtin-rules --rules tests/data/rules/alpha.xml
  --pack alpha tests/data/config/inline/waived.html
  STDOUT_MATCH "waived.html: waived: material.packaging: [^\n]*\n    waiver \\(tests/data/config/inline/waived.html:4:1\\): Delivered without packaging\n"
  STDERR_EMPTY)

# --- libraries opened with dlopen() (docs/architecture.md) ------------------------
# The binary links neither poppler-glib (opened on the first PDF), libzip (opened on
# the first Word or OpenDocument file) nor libmicrohttpd (opened by `serve`), nor
# what they bring; PDF, Word and OpenDocument reading, Word writing and serving are
# tested by the golden office reports, tests/docx_output.py and tests/serve.
add_test(NAME cli.dlopen-not-linked
  COMMAND ${CMAKE_COMMAND} -DBIN=${CIRCHECK_BIN} -DREADELF=${CMAKE_READELF}
    -P ${CMAKE_CURRENT_SOURCE_DIR}/cmake/not_linked.cmake)
set_tests_properties(cli.dlopen-not-linked PROPERTIES LABELS cli)
# On a machine without them (circheck_missing_libs is told names that do not exist):
# a PDF is one error line and exit 2, other files are still checked, and `serve`
# says what to install.
set(CIRCHECK_BIN $<TARGET_FILE:circheck_missing_libs>)
circheck_cli_test(pdf-without-poppler errors 2 ARGS check samples/office/furniture-nb.pdf
  STDERR_MATCH "^samples/office/furniture-nb.pdf: error: reading PDF needs libpoppler-glib8 \\(libcircheck-no-such-poppler.so.8: [^\n]+\\)\n$")
circheck_cli_test(pdf-without-poppler-others errors 2
  ARGS check --format json samples/office/furniture-nb.pdf samples/furniture-nb.txt
  STDOUT_MATCH "\"path\": \"samples/furniture-nb.txt\""
  STDERR_MATCH "^samples/office/furniture-nb.pdf: error: reading PDF needs libpoppler-glib8 [^\n]+\n$")
circheck_cli_test(text-without-poppler cli 1 ARGS check --no-color --format json
  samples/furniture-nb.txt GOLDEN ${CMAKE_CURRENT_SOURCE_DIR}/golden/furniture-nb.txt.json.golden
  STDERR_EMPTY)
circheck_cli_test(serve-without-microhttpd errors 2 ARGS serve --port 0
  STDERR_MATCH "^circheck: error: serving needs libmicrohttpd12 \\(libcircheck-no-such-microhttpd.so.12: [^\n]+\\)\n$")
circheck_cli_test(docx-without-libzip errors 2 ARGS check samples/office/furniture-nb.docx
  STDERR_MATCH "^samples/office/furniture-nb.docx: error: reading Word and OpenDocument files needs libzip4 \\(libcircheck-no-such-zip.so.4: [^\n]+\\)\n$")
circheck_cli_test(odt-without-libzip errors 2 ARGS check samples/office/furniture-nb.odt
  STDERR_MATCH "^samples/office/furniture-nb.odt: error: reading Word and OpenDocument files needs libzip4 [^\n]+\n$")
circheck_cli_test(docx-report-without-libzip errors 2
  ARGS check --format docx -o ${CMAKE_CURRENT_BINARY_DIR}/out/no-libzip.docx samples/furniture-nb.txt
  STDERR_MATCH "^circheck: error: writing Word files needs libzip4 \\(libcircheck-no-such-zip.so.4: [^\n]+\\)\n$")
circheck_cli_test(docx-checklist-without-libzip errors 2
  ARGS checklist --pack furniture --format docx -o ${CMAKE_CURRENT_BINARY_DIR}/out/no-libzip.docx
  STDERR_MATCH "^circheck: error: writing Word files needs libzip4 [^\n]+\n$")
set(CIRCHECK_BIN $<TARGET_FILE:circheck>)

# Hostile inputs: what circheck must survive when it runs on files nobody has
# looked at. Each test asserts the exit code, the one line on standard error
# (or what the report says) and, through TIMEOUT, that it ends within
# seconds. Large and binary inputs are written at test time by hostile_gen
# (tests/hostile/gen.c) into the build folder; the fixture removes them
# afterwards.
set(HOSTILE_SRC ${CMAKE_CURRENT_SOURCE_DIR}/hostile)
set(HOSTILE_DIR ${CMAKE_CURRENT_BINARY_DIR}/hostile)

add_executable(hostile_gen hostile/gen.c)
circheck_target_defaults(hostile_gen)

add_test(NAME hostile.generate COMMAND hostile_gen ${HOSTILE_DIR})
set_tests_properties(hostile.generate PROPERTIES LABELS hostile TIMEOUT 120
  FIXTURES_SETUP hostile_inputs)
add_test(NAME hostile.cleanup COMMAND ${CMAKE_COMMAND} -E rm -rf ${HOSTILE_DIR})
set_tests_properties(hostile.cleanup PROPERTIES LABELS hostile FIXTURES_CLEANUP hostile_inputs)

# hostile_test(NAME SECONDS EXPECT_RC ARGS... [STDERR_MATCH re] [STDOUT_MATCH re]
#              [STDOUT_MATCH2 re] [STDOUT_MATCH3 re] [STDOUT_NOT_MATCH re] [INPUT f]
#              [STDERR_EMPTY])
# runs circheck in the generated folder; SECONDS is the TIMEOUT.
function(hostile_test name seconds rc)
  cmake_parse_arguments(T "STDERR_EMPTY"
    "STDERR_MATCH;STDOUT_MATCH;STDOUT_MATCH2;STDOUT_MATCH3;STDOUT_NOT_MATCH;INPUT" "ARGS" ${ARGN})
  string(REPLACE ";" "|" args "${T_ARGS}")
  set(defs -DBIN=$<TARGET_FILE:circheck> -DARGS=${args} -DWORKDIR=${HOSTILE_DIR}
    -DEXPECT_RC=${rc})
  foreach(v STDERR_MATCH STDOUT_MATCH STDOUT_MATCH2 STDOUT_MATCH3 STDOUT_NOT_MATCH INPUT)
    if(DEFINED T_${v})
      list(APPEND defs "-D${v}=${T_${v}}")
    endif()
  endforeach()
  if(T_STDERR_EMPTY)
    list(APPEND defs -DSTDERR_EMPTY=1)
  endif()
  add_test(NAME hostile.${name} COMMAND ${CMAKE_COMMAND} ${defs} -P ${HOSTILE_SRC}/run.cmake)
  set_tests_properties(hostile.${name} PROPERTIES LABELS hostile TIMEOUT ${seconds}
    FIXTURES_REQUIRED hostile_inputs)
endfunction()

# --- XML: nothing is fetched, nothing is expanded -------------------------------------
hostile_test(xxe-file 10 2 ARGS check ${HOSTILE_SRC}/xxe-file.xml
  STDERR_MATCH "^[^\n]*/xxe-file.xml:3:[0-9]+: error: entity declarations are not allowed[^\n]*\n$")
hostile_test(xxe-network 10 2 ARGS check ${HOSTILE_SRC}/xxe-network.xml
  STDERR_MATCH "^[^\n]*/xxe-network.xml:3:[0-9]+: error: entity declarations are not allowed[^\n]*\n$")
hostile_test(xxe-parameter-entity 10 2 ARGS check ${HOSTILE_SRC}/xxe-parameter.xml
  STDERR_MATCH "^[^\n]*/xxe-parameter.xml:3:[0-9]+: error: entity declarations are not allowed[^\n]*\n$")
# An external DTD (file or network) is never loaded: the document is read
# without it, and nothing from /etc/passwd shows up.
hostile_test(external-dtd 10 1 ARGS check --format json ${HOSTILE_SRC}/external-dtd.xml
  STDERR_EMPTY STDOUT_MATCH "skal gi minst 5" STDOUT_NOT_MATCH "root:")
hostile_test(xinclude 10 1 ARGS check --format json ${HOSTILE_SRC}/xinclude.xml
  STDERR_EMPTY STDOUT_MATCH "skal gi minst 5" STDOUT_NOT_MATCH "root:")
hostile_test(entity-quadratic 10 2 ARGS check entity-quadratic.xml
  STDERR_MATCH "^entity-quadratic.xml:3:[0-9]+: error: entity declarations are not allowed[^\n]*\n$")
hostile_test(nesting-10000-xml 10 2 ARGS check nesting-10000.xml
  STDERR_MATCH "^nesting-10000.xml:2:[0-9]+: error: element nesting deeper than 256[^\n]*\n$")
hostile_test(nul-xml 10 2 ARGS check nul.xml
  STDERR_MATCH "^nul.xml:3:[0-9]+: error: [^\n]+\n$")
hostile_test(invalid-utf8-xml 10 2 ARGS check invalid-utf8.xml
  STDERR_MATCH "^invalid-utf8.xml:3:[0-9]+: error: [^\n]*UTF-8[^\n]*\n$")
# Linear in the number of elements and in attribute length.
hostile_test(many-elements-xml 20 1 ARGS check --no-color --pack furniture many-elements.xml
  STDERR_EMPTY STDOUT_MATCH "many-elements.xml:[0-9]+:[0-9]+: pass: lifetime.warranty")
hostile_test(many-hits-xml 20 0|1 ARGS check --pack furniture many-hits.xml STDERR_EMPTY)
# Attributes and elements are counted on the bytes before libxml2 parses
# them: 500,000 attributes on one element (quadratic in the parser: 80,000
# took 8 s) and 60 MB of empty elements (47 s and 4 GB) are one error each.
hostile_test(many-attributes-xml 10 2 ARGS check many-attributes.xml
  STDERR_MATCH "^many-attributes.xml:2:1: error: too many attributes on one element: more than 1000 \\(max_xml_attributes\\)\n$")
hostile_test(empty-elements-xml 10 2 ARGS check empty-elements.xml
  STDERR_MATCH "^empty-elements.xml:3:[0-9]+: error: too many XML elements: more than 2000000 \\(max_xml_elements\\)\n$")
hostile_test(many-attributes-total-xml 10 2
  ARGS check --limit max_xml_total_attributes=100000 many-attributes-total.xml
  STDERR_MATCH "^many-attributes-total.xml:2003:1: error: too many XML attributes: more than 100000 in the document \\(max_xml_total_attributes\\)\n$")
# Under the default caps the same file is read.
hostile_test(many-attributes-total-default 10 0|1 ARGS check many-attributes-total.xml STDERR_EMPTY)
# --limit lowers a cap; an unknown name or a bad value is a usage error.
hostile_test(limit-elements 10 2 ARGS check --limit max_xml_elements=1000 many-elements.xml
  STDERR_MATCH "^many-elements.xml:4:7985: error: too many XML elements: more than 1000 \\(max_xml_elements\\)\n$")
hostile_test(limit-unknown 10 2 ARGS check --limit max_nothing=3 many-elements.xml
  STDERR_MATCH "^circheck: error: unknown limit or bad value in 'max_nothing=3'")
hostile_test(limit-zero 10 2 ARGS check --limit max_xml_attributes=0 many-elements.xml
  STDERR_MATCH "^circheck: error: unknown limit or bad value in 'max_xml_attributes=0'")

# --- limits: each one clear error line, exit 2, fast ---------------------------------------
hostile_test(file-100mb 10 2 ARGS check big-100mb.txt
  STDERR_MATCH "^big-100mb.txt: error: input larger than the limit of 67108864 bytes \\(max_input_bytes\\)\n$")
hostile_test(stdin-100mb 20 2 ARGS check - INPUT ${HOSTILE_DIR}/big-100mb.txt
  STDERR_MATCH "^-: error: input larger than the limit of 67108864 bytes \\(max_input_bytes\\)\n$")
hostile_test(endless-file 20 2 ARGS check /dev/zero
  STDERR_MATCH "^/dev/zero: error: input larger than the limit[^\n]*\n$")
hostile_test(line-too-long 10 2 ARGS check line-too-long.txt
  STDERR_MATCH "^line-too-long.txt:3: error: line longer than the limit of 1048576 bytes \\(max_line_bytes\\)\n$")
hostile_test(too-many-blocks 20 2 ARGS check many-blocks.txt
  STDERR_MATCH "^many-blocks.txt:[0-9]+: error: too many blocks: more than 1000000 \\(max_blocks\\)\n$")

# --- text -----------------------------------------------------------------------------------
# A 1 MB line (under the cap) that is one endless requirement sentence.
hostile_test(line-1mb 20 0|1 ARGS check --no-color --pack furniture line-1mb.txt
  STDERR_EMPTY STDOUT_MATCH "line-1mb.txt:1:1: [a-z]+: lifetime.warranty")
hostile_test(nesting-10000-md 10 0|1 ARGS check nesting-10000.md STDERR_EMPTY)
hostile_test(many-lines 20 0|1 ARGS check many-lines.txt STDERR_EMPTY)
hostile_test(many-list-items 20 0|1 ARGS check --no-color --pack furniture many-items.md
  STDERR_EMPTY STDOUT_MATCH "many-items.md:3:3: [a-z]+: lifetime.warranty")
hostile_test(nul-text 10 2 ARGS check nul.txt
  STDERR_MATCH "^nul.txt:3:18: error: binary file: NUL byte\n$")
hostile_test(invalid-utf8 10 2 ARGS check invalid-utf8.txt
  STDERR_MATCH "^invalid-utf8.txt:3:22: error: invalid UTF-8[^\n]*\n$")
# A UTF-8 file with one damaged sequence is an error at that sequence, not a
# Windows-1252 document full of mojibake.
hostile_test(utf8-surrogate 10 2 ARGS check utf8-surrogate.txt
  STDERR_MATCH "^utf8-surrogate.txt:3:46: error: invalid UTF-8[^\n]*\n$")
# Positions survive every kind of line end.
foreach(nl lf crlf cr)
  hostile_test(line-ends-${nl} 10 0 ARGS check --no-color --fail-on never ${nl}.txt
    STDERR_EMPTY STDOUT_MATCH "\n${nl}.txt:7:22: pass: lifetime.warranty: ")
endforeach()

# --- folders --------------------------------------------------------------------------------
# Symbolic links in a folder are not followed unless --follow is given: each
# is one warning. A loop of links then ends, and both real files are
# checked once each.
hostile_test(symlink-loop-not-followed 10 0 ARGS check --format json --fail-on never loop
  STDERR_MATCH "^loop/self: warning: skipped: a symbolic link \\(--follow follows links\\)\nloop/sub/up: warning: skipped: a symbolic link[^\n]*\n$"
  STDOUT_MATCH "\"path\": \"loop/a.txt\"" STDOUT_MATCH2 "\"path\": \"loop/sub/b.txt\""
  STDOUT_NOT_MATCH "loop/(self|sub/up)/")
# With --follow, a loop is met and said once where it closes.
hostile_test(symlink-loop 10 0 ARGS check --follow --format json --fail-on never loop
  STDERR_MATCH "^loop/self: warning: skipped: the folder is one it is in \\(a loop\\)\nloop/sub/up: warning: skipped: the folder is one it is in \\(a loop\\)\n$"
  STDOUT_MATCH "\"path\": \"loop/a.txt\"" STDOUT_MATCH2 "\"path\": \"loop/sub/b.txt\""
  STDOUT_NOT_MATCH "loop/(self|sub/up)/")
# A link out of the tree (to a folder, to a file) is not read: a link to
# /etc once had 1,038 system files read into a report.
hostile_test(links-out-of-tree 10 0 ARGS check --format json --fail-on never outside
  STDERR_MATCH "^outside/etc: warning: skipped: a symbolic link[^\n]*\noutside/passwd.txt: warning: skipped: a symbolic link[^\n]*\n$"
  STDOUT_MATCH "\"path\": \"outside/a.txt\"" STDOUT_NOT_MATCH "outside/(etc|passwd)")
hostile_test(links-out-of-tree-follow 10 0 ARGS check --follow --format json --fail-on never outside
  STDERR_EMPTY STDOUT_MATCH "\"path\": \"outside/etc/passwd.txt\""
  STDOUT_MATCH2 "\"path\": \"outside/passwd.txt\"")
# A link named on the command line is what the user asked for: read.
hostile_test(link-named 10 0 ARGS check --format json --fail-on never outside/etc
  STDERR_EMPTY STDOUT_MATCH "\"path\": \"outside/etc/passwd.txt\"")
# A dangling link, followed, is one error; the file next to it is still
# reported. Not followed, it is a warning like any link.
hostile_test(dangling-link 10 2 ARGS check --follow --format json dangling
  STDERR_MATCH "^dangling/broken.txt: error: cannot open: No such file or directory\n$"
  STDOUT_MATCH "\"path\": \"dangling/a.txt\"")
hostile_test(dangling-link-not-followed 10 0 ARGS check --format json --fail-on never dangling
  STDERR_MATCH "^dangling/broken.txt: warning: skipped: a symbolic link[^\n]*\n$"
  STDOUT_MATCH "\"path\": \"dangling/a.txt\"")
# Folders deeper than the walk reads are said, not passed over in silence;
# level 63 is still read.
hostile_test(deep-folders 20 0 ARGS check --format json --fail-on never deep
  STDERR_MATCH "^deep(/d[0-9]+)+/d64: warning: skipped: folders nested more than 63 levels deep are not read\n$"
  STDOUT_MATCH "\"path\": \"deep/top.txt\"" STDOUT_MATCH2 "/d63/level63.txt\""
  STDOUT_NOT_MATCH "level70")
# A run that checks nothing says so and exits 2 (it could not check): an
# empty folder, a folder of files that are not read, everything excluded.
# The empty folder once reached the renderers with no documents at all.
hostile_test(empty-folder 10 2 ARGS check --format json empty-folder
  STDERR_MATCH "^circheck: error: nothing was checked: no files were found\n$")
hostile_test(only-skipped-files 10 2 ARGS check only-images
  STDERR_MATCH "^only-images/logo.png: warning: skipped: a PNG image\ncircheck: error: nothing was checked: every file found was skipped\n$")
hostile_test(all-excluded 10 2 ARGS check --exclude *.txt outside
  STDERR_MATCH "warning: skipped: a symbolic link[^\n]*\ncircheck: error: nothing was checked: every file found matches --exclude\n$")
# An empty folder beside a file is a warning; the file is checked.
hostile_test(empty-folder-and-file 10 0 ARGS check --format json --fail-on never empty-folder tender.txt
  STDERR_MATCH "^empty-folder: warning: no files found in the folder\n$"
  STDOUT_MATCH "\"path\": \"tender.txt\"")
# A FIFO never hangs a run: in a folder it is skipped with a warning; as a
# rule file, named or in a --rules folder, it is an error (a rule file is
# read only when it is a regular file, checked when it is opened).
hostile_test(fifo-in-folder 10 0 ARGS check --format json --fail-on never fifo-walk
  STDERR_MATCH "^fifo-walk/pipe.txt: warning: skipped: a FIFO \\(named pipe\\)\n$"
  STDOUT_MATCH "\"path\": \"fifo-walk/a.txt\"")
hostile_test(fifo-rule-file 10 2 ARGS check --rules rules-fifo.xml tender.txt
  STDERR_MATCH "^rules-fifo.xml: error: not a regular file\n$")
hostile_test(fifo-in-rule-folder 10 2 ARGS check --rules fifo-rules tender.txt
  STDERR_MATCH "^fifo-rules/pack.xml: error: not a regular file\n$")
hostile_test(fifo-rules-test 10 2 ARGS rules test rules-fifo.xml
  STDERR_MATCH "^rules-fifo.xml: error: not a regular file\n$")

# --- permissions and output (tests/hostile/fs.sh) ------------------------------------------
# -o replaces a regular file atomically and keeps its mode, follows a
# symbolic link (the link stays), and writes into a FIFO or a device
# instead of renaming a file over it.
foreach(c unreadable output-missing-folder output-read-only-folder output-too-large
    output-keeps-mode output-symlink output-fifo output-device fifo-named
    control-chars-in-names)
  add_test(NAME hostile.${c}
    COMMAND sh ${HOSTILE_SRC}/fs.sh ${c} $<TARGET_FILE:circheck> ${HOSTILE_DIR})
  set_tests_properties(hostile.${c} PROPERTIES LABELS hostile TIMEOUT 10 SKIP_RETURN_CODE 77
    FIXTURES_REQUIRED hostile_inputs)
endforeach()

# A run stopped by SIGTERM or SIGINT while -o's temporary file is written
# leaves no temporary file and ends by the signal (tests/hostile_interrupt.py).
if(CIRCHECK_PYTHON3)
  add_test(NAME hostile.output-interrupted
    COMMAND ${CIRCHECK_PYTHON3} ${CMAKE_CURRENT_SOURCE_DIR}/hostile_interrupt.py
      $<TARGET_FILE:circheck> ${PROJECT_SOURCE_DIR}/samples/furniture-nb.txt
      ${CMAKE_CURRENT_BINARY_DIR}/out/hostile-interrupt)
  set_tests_properties(hostile.output-interrupted PROPERTIES LABELS hostile TIMEOUT 120)
endif()

# --- a user's catastrophic pattern ------------------------------------------------------------
# PCRE2's limits stop both patterns (the match limit for (a+)+$, the JIT stack
# for (?:a|b)*c on a 100,000-letter word); each rule's result is status error
# (reason pattern-limit) instead of a silent "absent", with one line on
# standard error per rule; the report is still written in full (the built-in
# rules are reported), the run exits 2 and ends within seconds.
hostile_test(catastrophic-pattern 10 2
  ARGS check --format json --pack catastrophic --rules ${HOSTILE_SRC}/catastrophic.xml
    backtracking.txt
  STDERR_MATCH "^backtracking.txt: error: rule catastrophic\\.backtracking could not be judged: [^\n]*\nbacktracking.txt: error: rule catastrophic\\.recursion could not be judged: [^\n]*\n$"
  STDOUT_MATCH "\"rule\": \"catastrophic\\.backtracking\",[^}]*\"status\": \"error\",\n *\"reason\": \"pattern-limit\""
  STDOUT_MATCH2 "\"rule\": \"catastrophic\\.recursion\",[^}]*\"status\": \"error\""
  STDOUT_MATCH3 "\"rule\": \"core.take-back\",[^}]*\"status\": \"pass\"")
# A user's pack with one catastrophic pattern, (?:a|aa)+b on a run of 70
# letters a, and one ordinary rule: the first is an error, the second is
# still judged, the summary counts the error, one line on standard error.
hostile_test(pattern-limit 10 2
  ARGS check --format json --pack limits --rules ${HOSTILE_SRC}/pattern-limit.xml
    ${HOSTILE_SRC}/pattern-limit.txt
  STDERR_MATCH "^[^\n]*/pattern-limit.txt: error: rule limits\\.catastrophic could not be judged: a pattern exceeded PCRE2's [^\n]*\n$"
  STDOUT_MATCH "\"rule\": \"limits\\.catastrophic\",[^}]*\"status\": \"error\""
  STDOUT_MATCH2 "\"rule\": \"limits\\.warranty\",[^}]*\"status\": \"pass\""
  STDOUT_MATCH3 "\"summary\": {\n *\"pass\": [0-9]+,\n *\"partial\": [0-9]+,\n *\"fail\": [0-9]+,\n *\"error\": 1,")
# A pattern that stays under PCRE2's match limit on each sentence but costs
# about a millisecond on each of 10,000: the rule's time budget stops it
# (status error, reason time-limit), the other rule is still judged, the
# report is complete, exit 2 within seconds.
hostile_test(time-limit-rule 10 2
  ARGS check --format json --pack limits --rules ${HOSTILE_SRC}/pattern-limit.xml
    --limit rule_time_ms=500 many-sentences.txt
  STDERR_MATCH "^many-sentences.txt: error: rule limits\\.catastrophic could not be judged: it ran out of time \\(rule_time_ms 500, document_time_ms 60000\\)\n$"
  STDOUT_MATCH "\"rule\": \"limits\\.catastrophic\",[^}]*\"status\": \"error\",\n *\"reason\": \"time-limit\""
  STDOUT_MATCH2 "\"rule\": \"limits\\.warranty\",[^}]*\"status\": \"pass\""
  STDOUT_MATCH3 "\"error\": 1,")
# The document's budget: once spent, every rule still to run is an error.
hostile_test(time-limit-document 10 2
  ARGS check --no-color --pack limits --rules ${HOSTILE_SRC}/pattern-limit.xml
    --limit document_time_ms=300 many-sentences.txt
  STDERR_MATCH "^many-sentences.txt: error: rule [a-z.-]+ could not be judged: it ran out of time[^\n]*\n"
  STDOUT_MATCH "summary of the criteria: [0-9]+ pass, [0-9]+ partial, [0-9]+ fail, [0-9]+ error")
# --fail-on does not hide it: still exit 2; the text report names the status.
hostile_test(pattern-limit-fail-on-never 10 2
  ARGS check --fail-on never --pack limits --rules ${HOSTILE_SRC}/pattern-limit.xml
    ${HOSTILE_SRC}/pattern-limit.txt
  STDERR_MATCH "^[^\n]*/pattern-limit.txt: error: rule limits\\.catastrophic could not be judged: [^\n]*\n$"
  STDOUT_MATCH "/pattern-limit.txt: error: material.recycled-content: Catastrophic pattern: could not be judged[^\n]*\\[limits.catastrophic\\]\n"
  STDOUT_MATCH2 "material.recycled-content +error +limits.catastrophic\n"
  STDOUT_MATCH3 "summary of the criteria: [0-9]+ pass, 0 partial, [0-9]+ fail, 1 error, [0-9]+ not applicable\n")
# --fail-on error is not a threshold: an error always exits 2.
hostile_test(fail-on-error-refused 10 2
  ARGS check --fail-on error ${HOSTILE_SRC}/pattern-limit.txt
  STDERR_MATCH "^circheck: error: unknown --fail-on value 'error' \\(fail, partial, never\\)")
# Its rule examples still pass in `circheck rules test` (the pattern is only
# catastrophic on the long run of letters).
hostile_test(pattern-limit-rules-test 10 0
  ARGS rules test --pack limits --rules ${HOSTILE_SRC}/pattern-limit.xml
  STDOUT_MATCH "2 passed, 0 failed")

# A pack whose patterns hold no word for the prefilter, alone (no built-in
# packs): the prefilter is built with no words at all, in `rules test` and in
# a check. The sanitizer build stopped here (qsort given a NULL array).
hostile_test(wordless-pack-rules-test 20 0
  ARGS rules test --no-builtin-rules --rules ${HOSTILE_SRC}/wordless.xml
  STDERR_EMPTY STDOUT_MATCH "^2 passed, 0 failed")
hostile_test(wordless-pack-check 20 0
  ARGS check --no-color --no-builtin-rules --rules ${HOSTILE_SRC}/wordless.xml
    ${PROJECT_SOURCE_DIR}/samples/furniture-nb.txt
  STDERR_EMPTY STDOUT_MATCH "material.recycled-content +[^\n]+wordless.figure\n")

# Patterns that match the empty string (an empty branch, a lookahead-only
# condition): the search steps a whole character after each empty match,
# never into the middle of "å" (found by fuzz_rules as a crash in PCRE2's
# JIT code). Examples and a check on Norwegian text both finish.
hostile_test(empty-match-rules-test 20 0
  ARGS rules test --pack emptymatch --rules ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/regressions/rules-empty-match
  STDOUT_MATCH "^3 passed, 0 failed")
hostile_test(empty-match-check 20 1
  ARGS check --pack emptymatch --rules ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/regressions/rules-empty-match ${HOSTILE_SRC}/empty-match.txt
  STDOUT_MATCH "empty-match.txt:5:1: pass: material.recycled-content: Sortering")

# --- fuzz regressions: every input the fuzzers crashed on runs through the CLI ------------
file(GLOB fuzz_regressions CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/regressions/*)
foreach(f IN LISTS fuzz_regressions)
  get_filename_component(name ${f} NAME)
  if(name MATCHES "^rules-")
    set(args check --rules ${f} ${PROJECT_SOURCE_DIR}/samples/furniture-nb.txt)
  elseif(name MATCHES "^(text|xml)-")
    set(args check --all ${f})
  else()
    continue()
  endif()
  # Any outcome but a crash or a hang: 0 or 1 checked, 2 refused.
  hostile_test(fuzz-${name} 20 0|1|2 ARGS ${args})
  if(name MATCHES "^rules-")
    # fuzz_rules also runs the pack's examples.
    hostile_test(fuzz-${name}-examples 20 0|1|2 ARGS rules test --rules ${f})
  endif()
endforeach()

# Damaged configuration files (.circheck.yml): no crash, no hang, one clear error.
find_program(CIRCHECK_PYTHON3 python3)
if(CIRCHECK_PYTHON3)
  add_test(NAME hostile.config-files
    COMMAND ${CIRCHECK_PYTHON3} ${CMAKE_CURRENT_SOURCE_DIR}/hostile_config.py
      $<TARGET_FILE:circheck> ${PROJECT_SOURCE_DIR} ${CMAKE_CURRENT_BINARY_DIR}/out/hostile-config)
  set_tests_properties(hostile.config-files PROPERTIES LABELS hostile TIMEOUT 300)
endif()

# --- patterns that would match half a character ------------------------------------------
# \C matches one byte, even inside a UTF-8 character; it is refused when the
# rule file is loaded, at its position.
hostile_test(backslash-c 10 2
  ARGS check --rules ${HOSTILE_SRC}/backslash-c.xml ${HOSTILE_SRC}/pattern-limit.txt
  STDERR_MATCH "^[^\n]*/backslash-c.xml:17:[0-9]+: error: invalid regular expression: [^\n]*\\\\C[^\n]*\n$")

# --- pattern settings the word prefilter must read -------------------------------------------
# (*UTF), (*NO_JIT), (*CR), (*LIMIT_MATCH=...) match no text, and (?x) leaves
# white space and comments out: both rules find their sentence.
hostile_test(pattern-settings 10 0
  ARGS check --no-color --fail-on never --pack settings
    --rules ${HOSTILE_SRC}/pattern-settings.xml ${HOSTILE_SRC}/pattern-settings.txt
  STDERR_EMPTY
  STDOUT_MATCH "pattern-settings.txt:3:1: pass: lifetime.warranty: "
  STDOUT_MATCH2 "pattern-settings.txt:5:1: pass: material.recycled-content: ")

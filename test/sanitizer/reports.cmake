# Sanitizer builds (docs/reliability.md): every sanitizer report of the ctest
# run, wherever it came from.
#
# The test presets sanitize and tsan point the runtimes' log_path (in
# ASAN_OPTIONS, UBSAN_OPTIONS, TSAN_OPTIONS) into the build directory, so a
# report is a file <log_path>.<pid>. That catches the reports a test would not
# see on its own: a fixture that runs `not kstidy` (ASan's exit code 1 is
# kstidy's "findings"), `|| true`, `2>/dev/null`, or the LSP server whose
# exit status and stderr the LSP test does not read.
#
#   cmake -DMODE=reset -P reports.cmake   before the tests (FIXTURES_SETUP)
#   cmake -DMODE=check -P reports.cmake   after them (FIXTURES_CLEANUP): prints
#                                         every report, fails if there is one
set(prefixes)
foreach(var ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS TSAN_OPTIONS)
  if("$ENV{${var}}" MATCHES "(^|:)log_path=([^:]+)")
    list(APPEND prefixes "${CMAKE_MATCH_2}")
  endif()
endforeach()
list(REMOVE_DUPLICATES prefixes)

if(NOT prefixes)
  message(STATUS "sanitizer reports: no log_path in ASAN_OPTIONS, "
    "UBSAN_OPTIONS, LSAN_OPTIONS or TSAN_OPTIONS (run ctest --preset "
    "sanitize or tsan); reports went to each process's stderr")
  return()
endif()

set(reports)
foreach(prefix IN LISTS prefixes)
  if(NOT IS_ABSOLUTE "${prefix}")
    message(FATAL_ERROR "log_path=${prefix} must be absolute: tests run in "
      "other directories")
  endif()
  get_filename_component(dir "${prefix}" DIRECTORY)
  file(MAKE_DIRECTORY "${dir}")
  file(GLOB found "${prefix}.*")
  list(APPEND reports ${found})
endforeach()

if(MODE STREQUAL "reset")
  if(reports)
    file(REMOVE ${reports})
  endif()
elseif(MODE STREQUAL "check")
  list(LENGTH reports n)
  if(n EQUAL 0)
    message(STATUS "sanitizer reports: none")
    return()
  endif()
  list(SORT reports)
  foreach(report IN LISTS reports)
    file(READ "${report}" text)
    message("==== ${report}\n${text}")
  endforeach()
  message(FATAL_ERROR "sanitizer reports: ${n} (above)")
else()
  message(FATAL_ERROR "MODE must be reset or check")
endif()

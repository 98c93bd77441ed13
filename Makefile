# kstidy — two commands on a fresh Debian 12 machine:
#   make demo   install what is missing, build, run kstidy over the example drivers
#               and check it finds exactly the defects their READMEs list
#   make test   install what is missing, build, run every test through ctest
#   make bench  the benchmark (bench/results.md)
#   make install [PREFIX=/usr/local], make package (a .deb): docs/install.md
#   make test-sanitize  every test with ASan + UBSan + LSan and assertions on
#   make test-tsan      kstidy -j 2 under ThreadSanitizer (docs/reliability.md)
# KSTIDY_LLVM=22 (make test KSTIDY_LLVM=22) does demo, test, lint and bench
# against LLVM/Clang 22 in build-llvm22 (preset llvm22); the default is 19 in
# build (preset default). The sanitizer, ThreadSanitizer and fuzz builds are
# LLVM 19's.
LLVM := $(or $(KSTIDY_LLVM),19)
ifeq ($(LLVM),19)
PRESET := default
BUILD_DIR := build
else ifeq ($(LLVM),22)
PRESET := llvm22
BUILD_DIR := build-llvm22
else
$(error KSTIDY_LLVM is 19 or 22, not $(LLVM))
endif
KSTIDY := $(BUILD_DIR)/bin/kstidy
DEMO_TREES := test/examples/avs-capture test/examples/pc-audio test/examples/ks-proxy

.PHONY: all deps deps-llvm19 configure build demo test bench clean test-sanitize test-tsan lint install package

all: build

deps:
	@tool/install-deps.sh $(LLVM)

# The sanitizer, ThreadSanitizer and fuzz builds (presets sanitize, tsan,
# fuzz) are LLVM 19's whatever KSTIDY_LLVM says.
deps-llvm19:
	@tool/install-deps.sh 19

$(BUILD_DIR)/build.ninja: | deps
	cmake --preset $(PRESET)

configure: deps $(BUILD_DIR)/build.ninja

build: configure
	cmake --build --preset $(PRESET)

# kstidy over each example tree, its report shown as is, then held to the
# seeded defects the tree's README.md lists: exit 0 when kstidy finds
# exactly those, 1 with the difference otherwise (tool/demo.py).
demo: build
	@python3 tool/demo.py --kstidy $(KSTIDY) $(DEMO_TREES)

test: build
	ctest --preset $(PRESET)

# cmake --install into PREFIX (default /usr/local), and the Debian package
# (build/kstidy_<version>_<arch>.deb): docs/install.md.
PREFIX ?= /usr/local
install: build
	cmake --install $(BUILD_DIR) --prefix $(PREFIX)

package: build
	cd $(BUILD_DIR) && cpack -G DEB

# --- Sanitizer builds (docs/reliability.md) --------------------------------
# ASan + UBSan (+ LSan) and assertions on, in build-sanitize: the whole ctest
# suite. ASAN_OPTIONS and UBSAN_OPTIONS are set by the test preset
# "sanitize" (CMakePresets.json, explained in docs/reliability.md), so
# `ctest --preset sanitize` by hand runs the same way; the test
# sanitizer-reports fails the run on any report, from any process.
SANITIZE_DIR := build-sanitize

$(SANITIZE_DIR)/build.ninja: | deps-llvm19
	cmake --preset sanitize

test-sanitize: deps-llvm19 $(SANITIZE_DIR)/build.ninja
	cmake --build --preset sanitize
	ctest --preset sanitize

# ThreadSanitizer, in build-tsan: kstidy -j 2 over the example trees, as
# `make demo` runs it. kstidy exits 1 for findings (expected here); any
# other exit code, or any ThreadSanitizer report, fails.
TSAN_DIR := build-tsan
TSAN_LOG_DIR := $(CURDIR)/$(TSAN_DIR)/sanitizer-logs
TSAN_RUN_OPTIONS := halt_on_error=1:second_deadlock_stack=1:log_path=$(TSAN_LOG_DIR)/report:external_symbolizer_path=/usr/lib/llvm-19/bin/llvm-symbolizer

$(TSAN_DIR)/build.ninja: | deps-llvm19
	cmake --preset tsan

test-tsan: deps-llvm19 $(TSAN_DIR)/build.ninja
	cmake --build --preset tsan --target kstidy
	@rm -rf $(TSAN_LOG_DIR); mkdir -p $(TSAN_LOG_DIR); \
	rc=0; for tree in $(DEMO_TREES); do \
	  echo "== kstidy -j 2 (ThreadSanitizer) over $$tree"; \
	  TSAN_OPTIONS=$(TSAN_RUN_OPTIONS) $(TSAN_DIR)/bin/kstidy -j 2 $$tree/*.cpp -- >/dev/null; r=$$?; \
	  if [ $$r -gt 1 ]; then echo "kstidy exited $$r (0 and 1 expected)"; rc=1; fi; \
	done; \
	for report in $(TSAN_LOG_DIR)/report.*; do \
	  [ -e "$$report" ] || continue; echo "==== $$report"; cat "$$report"; rc=1; \
	done; \
	[ $$rc -eq 0 ] && echo "== no ThreadSanitizer report"; \
	exit $$rc

# clang-tidy's own checks over kstidy's sources (checks/.clang-tidy, also
# read in tool/ and reference/ through symlinks); any finding fails.
lint: build
	run-clang-tidy-$(LLVM) -p $(BUILD_DIR) -j 2 -quiet \
	  '(checks|tool/kstidy|tool/clangd|tool/plugin|reference/src)/.*\.cpp$$'
	tool/check-format.sh

# Cost against the parse floor, against run-clang-tidy, and growth; writes
# bench/results.md.
bench: build
	KSTIDY_LLVM=$(LLVM) python3 bench/run_bench.py $(KSTIDY) $(BUILD_DIR)/lib/KsTidy.so .

clean:
	rm -rf build build-llvm22 $(SANITIZE_DIR) $(TSAN_DIR) build-fuzz

# --- Fuzzing (fuzz/, docs/reliability.md "Fuzzing") -------------------------
# libFuzzer targets with ASan + UBSan, built in the sanitize tree
# (build-sanitize, whose libraries carry the coverage hooks too):
#   make fuzz        every target FUZZ_SECONDS (default 60) over its corpus
#                    (<tree>/corpus, kept) and seeds; fails on a finding
#   make fuzz-smoke  the CI run: the regression inputs of fuzz/regressions
#                    (ctest), then every target FUZZ_SMOKE_SECONDS (default 20)
# FUZZ_TARGETS=fuzz-sln make fuzz runs one target; artifacts (crashes) go to
# <tree>/artifacts/<target>/, logs to <tree>/logs/. FUZZ_PRESET=fuzz uses a
# tree of the fuzz targets alone instead (build-fuzz; long campaigns).
FUZZ_PRESET ?= sanitize
FUZZ_SECONDS ?= 60
FUZZ_SMOKE_SECONDS ?= 20
FUZZ_TARGETS ?=

ifeq ($(FUZZ_PRESET),fuzz)
FUZZ_DIR := build-fuzz
$(FUZZ_DIR)/build.ninja: | deps-llvm19
	cmake --preset fuzz
else ifeq ($(FUZZ_PRESET),sanitize)
FUZZ_DIR := $(SANITIZE_DIR)
else
$(error FUZZ_PRESET is sanitize or fuzz, not $(FUZZ_PRESET))
endif

.PHONY: fuzz-build fuzz-seeds fuzz fuzz-smoke fuzz-regressions fuzz-clean

fuzz-build: deps-llvm19 $(FUZZ_DIR)/build.ninja
	nice -n 10 cmake --build $(FUZZ_DIR) --target fuzz-targets

# Seeds from test/ and from build/bin/kstidy's outputs when it is built.
fuzz-seeds:
	python3 fuzz/make-seeds.py --out $(FUZZ_DIR)/seeds

fuzz: fuzz-build fuzz-seeds
	fuzz/run-fuzzers.sh $(FUZZ_DIR) $(FUZZ_SECONDS) $(FUZZ_TARGETS)

fuzz-regressions: fuzz-build
	ctest --test-dir $(FUZZ_DIR) -L fuzz --output-on-failure

# A finding fails it; the reproducers of bugs still open (fuzz/regressions/OPEN)
# are expected to fail in ctest, the others to pass. The reproducers run first
# so that the fuzzers' summary, with the error of any find, ends the output.
fuzz-smoke: fuzz-build fuzz-seeds
	@rc=0; ctest --test-dir $(FUZZ_DIR) -L fuzz --output-on-failure || rc=1; \
	fuzz/run-fuzzers.sh $(FUZZ_DIR) $(FUZZ_SMOKE_SECONDS) $(FUZZ_TARGETS) || rc=1; \
	exit $$rc

# The fuzzers' outputs (corpus, seeds, artifacts, logs, statistics), not the
# tree they were built in.
fuzz-clean:
	rm -rf $(addprefix $(FUZZ_DIR)/,corpus seeds artifacts logs fuzz-stats.tsv)

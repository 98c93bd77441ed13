# kstidy — two commands on a fresh Debian 12 machine:
#   make demo   install what is missing, build, run kstidy over the example drivers
#   make test   install what is missing, build, run every test through ctest
#   make bench  the benchmark (bench/results.md)
BUILD_DIR := build
KSTIDY := $(BUILD_DIR)/bin/kstidy
DEMO_TREES := testdata/drivers/avs-capture testdata/drivers/pc-audio testdata/drivers/ks-proxy

.PHONY: all deps configure build demo test bench clean

all: build

deps:
	@tool/install-deps.sh

$(BUILD_DIR)/build.ninja: | deps
	cmake --preset default

configure: deps $(BUILD_DIR)/build.ninja

build: configure
	cmake --build --preset default

# kstidy exits 1 when it reports findings, as it does here: the seeded
# defects of the example drivers (see their README.md files).
demo: build
	@rc=0; for tree in $(DEMO_TREES); do \
	  echo "== kstidy over $$tree"; \
	  $(KSTIDY) $$tree/*.cpp --; r=$$?; \
	  [ $$r -gt $$rc ] && rc=$$r; \
	  echo; \
	done; \
	echo "== kstidy exit code: $$rc (0 clean, 1 findings, 2 input error, 3 compile errors)"; \
	exit $$rc

test: build
	ctest --preset default

# Cost against the parse floor, against run-clang-tidy, and growth; writes
# bench/results.md.
bench: build
	python3 bench/run_bench.py $(KSTIDY) $(BUILD_DIR)/lib/KsTidy.so .

clean:
	rm -rf $(BUILD_DIR)

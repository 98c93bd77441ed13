# kstidy — two commands on a fresh Debian 12 machine:
#   make demo   install what is missing, build, run kstidy over the example driver
#   make test   install what is missing, build, run every test through ctest
BUILD_DIR := build
KSTIDY := $(BUILD_DIR)/bin/kstidy
DEMO_TREES := testdata/drivers/avs-capture

.PHONY: all deps configure build demo test clean

all: build

deps:
	@tool/install-deps.sh

$(BUILD_DIR)/build.ninja: | deps
	cmake --preset default

configure: deps $(BUILD_DIR)/build.ninja

build: configure
	cmake --build --preset default

# kstidy exits 1 when it reports findings, as it does here: the seeded
# defects of the example driver (see its README.md).
demo: build
	@for tree in $(DEMO_TREES); do \
	  echo "== kstidy over $$tree"; \
	  $(KSTIDY) $$tree/*.cpp --; rc=$$?; \
	  echo "== kstidy exit code: $$rc (0 clean, 1 findings, 2 input error, 3 compile errors)"; \
	  exit $$rc; \
	done

test: build
	ctest --preset default

clean:
	rm -rf $(BUILD_DIR)

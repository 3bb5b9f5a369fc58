# The commands of the README:
#   make serve   build the guide from Content/ and preview it with live reload
#   make check   check the guide: broken links, stale facts, missing sources, ...
#   make test    run the whole test suite: the lint of workflows and Dockerfile, the Swift tests, 2,000 fuzzing runs, the search in Node and headless
#                Chromium, then the browser checks of the whole guide
#   make browser-test  only the browser checks: the built guide in headless Chromium (axe,
#                      HTML validator, a reader's journey, screenshots)
#   make screenshots   home, a certification and compare at 1280 and 390 px into qa-screenshots/
#   make bench   time release builds against Hugo on generated guides (BENCH_FLAGS="--sizes 1000 --runs 3")
#   make dist    the self-contained certguide for this Linux machine: dist/certguide-<version>-linux-<arch>.tar.gz
#   make test-dist  (as root; the last step of make test) that binary on a minimal Debian without Swift: the guide byte for byte, init
# Each installs what it needs first (scripts/setup for building; scripts/setup-search-tests and
# scripts/setup-browser for the tests that need Node and Chromium).

SWIFT ?= swift
CONFIG ?= debug
SERVE_FLAGS ?= --open
PYTHON ?= python3
BENCH_FLAGS ?=
# Fuzzing runs of `make test` (load to checked pages; scripts/fuzz).
FUZZ_RUNS ?= 2000

.PHONY: setup setup-browser build serve check test browser-test screenshots bench clean dist test-dist

setup:
	@scripts/setup

setup-browser:
	@PYTHON=$(PYTHON) scripts/setup-browser

build: setup
	@$(SWIFT) build -c $(CONFIG) --product certguide

serve: build
	@$$($(SWIFT) build -c $(CONFIG) --show-bin-path)/certguide serve $(SERVE_FLAGS)


check: build
	@$$($(SWIFT) build -c $(CONFIG) --show-bin-path)/certguide check

test: setup
	@scripts/layout
	@scripts/lint-ci
	@$(SWIFT) build --build-tests
	@$(SWIFT) test --skip-build
	@scripts/fuzz --runs $(FUZZ_RUNS)
	@scripts/setup-search-tests
	@scripts/test-web
	@$(MAKE) --no-print-directory browser-test
	@if [ "$$(id -u)" = 0 ]; then $(MAKE) --no-print-directory test-dist; \
	else echo "test-dist skipped: the clean-Debian check of the packed binary needs root (sudo make test-dist)"; fi

browser-test: build setup-browser
	@$(PYTHON) Tests/browser/check_site.py --certguide "$$($(SWIFT) build -c $(CONFIG) --show-bin-path)/certguide"

screenshots: build setup-browser
	@$(PYTHON) scripts/screenshots

bench: setup
	@scripts/bench $(BENCH_FLAGS)

clean:
	@rm -rf .build Public dist

# The self-contained binary (scripts/dist) and its test on a clean Debian (scripts/test-dist, as
# root). `make test` runs it last when it runs as root, as CI does: from a clean clone the static
# release build and debootstrap add about ten minutes.
dist: setup
	@scripts/dist

test-dist: dist
	@scripts/test-dist

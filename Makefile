# The commands of the README:
#   make serve   build the guide from Content/ and preview it with live reload
#   make check   check the guide: broken links, stale facts, missing sources, ...
#   make test    run the whole test suite: the Swift tests, then the browser tests
#   make browser-test  only the browser tests: the built guide in headless Chromium (axe,
#                      HTML validator, a reader's journey, screenshots)
#   make screenshots   home, a certification and compare at 1280 and 390 px into qa-screenshots/
# Each installs what it needs first (scripts/setup; scripts/setup-browser for the browser).

SWIFT ?= swift
CONFIG ?= debug
SERVE_FLAGS ?= --open
PYTHON ?= python3

.PHONY: setup setup-browser build serve check test browser-test screenshots clean

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
	@$(SWIFT) build --build-tests
	@$(SWIFT) test --skip-build
	@$(MAKE) --no-print-directory browser-test

browser-test: build setup-browser
	@$(PYTHON) Tests/browser/check_site.py --certguide "$$($(SWIFT) build -c $(CONFIG) --show-bin-path)/certguide"

screenshots: build setup-browser
	@$(PYTHON) scripts/screenshots

clean:
	@rm -rf .build Public

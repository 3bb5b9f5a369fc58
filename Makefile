# The two commands of the README:
#   make serve   build the guide from Content/ and say where it is
#   make test    run the whole test suite: Swift, then the search in Node and headless Chromium
# Both install what they need first (scripts/setup).

SWIFT ?= swift
CONFIG ?= debug

.PHONY: setup build serve test clean

setup:
	@scripts/setup

build: setup
	@$(SWIFT) build -c $(CONFIG) --product certguide

serve: build
	@$$($(SWIFT) build -c $(CONFIG) --show-bin-path)/certguide build
	@echo "Open Public/index.html in a browser, or serve the folder: python3 -m http.server -d Public 8080"

test: setup
	@$(SWIFT) build --build-tests
	@$(SWIFT) test --skip-build
	@scripts/test-web

clean:
	@rm -rf .build Public

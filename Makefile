# The commands of the README:
#   make serve   build the guide from Content/ and say where it is
#   make check   check the guide: broken links, stale facts, missing sources, ...
#   make test    run the whole test suite
# Each installs what it needs first (scripts/setup).

SWIFT ?= swift
CONFIG ?= debug

.PHONY: setup build serve check test clean

setup:
	@scripts/setup

build: setup
	@$(SWIFT) build -c $(CONFIG) --product certguide

serve: build
	@$$($(SWIFT) build -c $(CONFIG) --show-bin-path)/certguide build
	@echo "Open Public/index.html in a browser, or serve the folder: python3 -m http.server -d Public 8080"

check: build
	@$$($(SWIFT) build -c $(CONFIG) --show-bin-path)/certguide check

test: setup
	@$(SWIFT) build --build-tests
	@$(SWIFT) test --skip-build

clean:
	@rm -rf .build Public

# The commands of the README:
#   make serve   build the guide from Content/ and preview it with live reload
#   make check   check the guide: broken links, stale facts, missing sources, ...
#   make test    run the whole test suite
# Each installs what it needs first (scripts/setup).

SWIFT ?= swift
CONFIG ?= debug
SERVE_FLAGS ?= --open

.PHONY: setup build serve check test clean

setup:
	@scripts/setup

build: setup
	@$(SWIFT) build -c $(CONFIG) --product certguide

serve: build
	@$$($(SWIFT) build -c $(CONFIG) --show-bin-path)/certguide serve $(SERVE_FLAGS)


check: build
	@$$($(SWIFT) build -c $(CONFIG) --show-bin-path)/certguide check

test: setup
	@$(SWIFT) build --build-tests
	@$(SWIFT) test --skip-build

clean:
	@rm -rf .build Public

# The two commands of the README:
#   make serve   build the guide from Content/ and preview it with live reload
#   make test    run the whole test suite
# Both install what they need first (scripts/setup).

SWIFT ?= swift
CONFIG ?= debug
SERVE_FLAGS ?= --open

.PHONY: setup build serve test clean

setup:
	@scripts/setup

build: setup
	@$(SWIFT) build -c $(CONFIG) --product certguide

serve: build
	@$$($(SWIFT) build -c $(CONFIG) --show-bin-path)/certguide serve $(SERVE_FLAGS)


test: setup
	@$(SWIFT) build --build-tests
	@$(SWIFT) test --skip-build

clean:
	@rm -rf .build Public

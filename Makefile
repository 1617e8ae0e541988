# Fieldwork — the two commands of the README: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Every installable package of the repository, in dependency order (the contracts, then the chassis).
PACKAGES := contracts chassis $(wildcard services/customers services/jobs services/billing services/comms services/insights gateway)
PYPROJECTS := $(foreach p,$(PACKAGES),$(wildcard $(p)/pyproject.toml))
STAMP := $(VENV)/.installed
# The web front end: `npm ci` when the lock file changes, a build when any of its sources does.
WEB_STAMP := web/node_modules/.installed
WEB_SOURCES := $(shell find web/src web/index.html web/vite.config.ts web/tsconfig.json web/package.json -type f 2>/dev/null)
WEB_BUILT := web/dist/index.html

.PHONY: install web browser run test test-fast bench token clean help

help:
	@echo "make run    start the whole system locally (installs, creates and migrates databases, loads demo data)"
	@echo "make test   run every test (unit, integration, contract, deploy, end-to-end)"
	@echo "make bench  run the benchmarks under bench/"
	@echo "make token  print a development token for the demo account"

$(STAMP): $(PYPROJECTS) requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt $(foreach p,$(PACKAGES),$(if $(wildcard $(p)/pyproject.toml),-e $(p)))
	touch $(STAMP)

install: $(STAMP)

$(WEB_STAMP): web/package-lock.json
	cd web && npm ci --no-audit --no-fund
	touch $(WEB_STAMP)

$(WEB_BUILT): $(WEB_STAMP) $(WEB_SOURCES)
	cd web && npm run build

web: $(WEB_BUILT)

# The browser tests drive Debian's Chromium (Playwright's own browser download is not available here).
browser:
	@command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium)

run: install web
	$(BIN)/python tools/run_local.py

# Tests that start whole systems of real processes run in sessions of their own, one system at a time.
test: install web browser
	cd web && npm test
	$(BIN)/pytest -n 2 -m "not system"
	$(BIN)/pytest -m system gateway chassis
	$(BIN)/pytest -m system tests-e2e

test-fast: install
	$(BIN)/pytest -n 2 -m "not system and not slow"

bench: install
	@for script in $(filter-out bench/harness.py,$(wildcard bench/*.py)); do echo "== $$script"; $(BIN)/python $$script || exit 1; done

token: install
	@$(BIN)/fieldwork-token

clean:
	rm -rf $(VENV) .run web/node_modules web/dist

# Two commands for a fresh clone: `make serve` and `make test`. Each sets up what it needs first.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
PYTHON ?= python3
CHROMIUM ?= /usr/bin/chromium
export NO_MKDOCS_2_WARNING := 1
export CHROMIUM

.PHONY: serve test test-fast lint build check content-check content-review content-report contributing hooks linkcheck bench relevance lock browser clean screenshots

serve: $(VENV)/.installed ## set up, then serve the site with live reload on http://127.0.0.1:8000/vrp-site/
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

test: $(VENV)/.installed browser tests/tools/node_modules/.installed ## set up, then run every test (browser tests included)
	$(BIN)/ruff check
	node --test tests/js/
	$(BIN)/python -m pytest

test-fast: $(VENV)/.installed ## the quick tests: data, checks, messages and the search's rules, no browser and no build
	$(BIN)/ruff check
	node --test tests/js/
	$(BIN)/python -m pytest -m fast --durations=5

lint: $(VENV)/.installed ## ruff: pyflakes and bugbear rules over the Python (pyproject.toml); make test runs it first
	$(BIN)/ruff check

build: $(VENV)/.installed ## the strict build into site/ (a failed build leaves no site/)
	$(BIN)/python -m vrp.tools.build

check: $(VENV)/.installed ## validate data/ without building (fast; for editors and pre-commit)
	$(BIN)/python -m vrp.tools.check

content-check: $(VENV)/.installed ## content warnings (reviews due, vague link text, images without alt) as errors
	$(BIN)/python -m vrp.tools.check --strict

content-review: $(VENV)/.installed ## entries not reviewed for a year and sources whose address now leads elsewhere (follows every source: needs the internet; run weekly by content-review.yml)
	$(BIN)/python -m vrp.tools.review

content-report: $(VENV)/.installed ## for a reviewer, never a gate: every phone number and email on the site with the page it was checked on
	$(BIN)/python -m vrp.tools.content_report

contributing: $(VENV)/.installed ## rewrite the field reference (CONTRIBUTING-fields.md) from schemas/
	$(BIN)/python -m vrp.tools.contributing

hooks: $(VENV)/.installed ## run the data checks before each commit (pre-commit; optional)
	$(BIN)/pre-commit install

linkcheck: build ## check every external link on the built site (needs the internet)
	$(BIN)/python -m vrp.tools.linkcheck site

screenshots: build browser ## PNGs of the main pages at 390x844 and 1280x800, light and dark, in screenshots/
	$(BIN)/python -m vrp.tools.screenshots site screenshots

relevance: build ## how well the directory and the site search answer bench/queries.yml (a report, not a gate)
	$(BIN)/python -m bench.relevance site

bench: $(VENV)/.installed browser bench/node_modules/.installed ## build, page-weight and Lighthouse benchmark; prints tables, writes bench/results/latest.json
	$(BIN)/python -m bench.run

# Keeps every pin already in requirements.txt that requirements.in allows; to move one on, e.g.
# make lock LOCK_FLAGS="--upgrade-package certifi" (Dependabot proposes these each week).
lock: $(VENV)/.installed ## rewrite requirements.txt from requirements.in: every package pinned, with its sha256 hashes
	$(BIN)/uv pip compile requirements.in --quiet --generate-hashes --python $(BIN)/python \
	  --custom-compile-command "make lock" --output-file requirements.txt $(LOCK_FLAGS)

$(VENV)/.installed: requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.txt
	@# the project itself has no dependencies; it is built by the setuptools just installed from the lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

# The Nu HTML Checker for the tests, at the version pinned in tests/tools/package-lock.json (it runs on Java).
tests/tools/node_modules/.installed: tests/tools/package.json tests/tools/package-lock.json
	@command -v npm >/dev/null || { echo "make test runs the Nu HTML Checker, which is installed with npm (Node.js): https://nodejs.org" >&2; exit 1; }
	@command -v java >/dev/null || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && \
	  echo "Installing Java for the Nu HTML Checker..." && apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null; } || \
	  { echo "make test runs the Nu HTML Checker, which needs Java (Debian: apt-get install default-jre-headless)" >&2; exit 1; }
	npm ci --prefix tests/tools --no-audit --no-fund
	touch $@

# Lighthouse for `make bench`, at the version pinned in bench/package-lock.json; `make test` does not need it.
bench/node_modules/.installed: bench/package.json bench/package-lock.json
	@command -v npm >/dev/null || { echo "make bench runs Lighthouse, which needs npm and Node.js" \
	  "(Lighthouse 13 asks for Node 22 or later; 20 works): https://nodejs.org" >&2; exit 1; }
	npm ci --prefix bench --no-audit --no-fund
	touch $@

# Browser tests use Debian's Chromium (Playwright's own browser download does not work here).
browser:
	@if [ -x "$(CHROMIUM)" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "Installing Debian's chromium for the browser tests..."; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else \
	  echo "The browser tests need Chromium at $(CHROMIUM). Install it (Debian: sudo apt-get install chromium)" \
	       "or set CHROMIUM=/path/to/chromium, then run make test again." >&2; exit 1; \
	fi

clean:
	rm -rf site screenshots $(VENV) .pytest_cache bench/node_modules tests/tools/node_modules

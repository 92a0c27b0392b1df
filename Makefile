# Lorebase: `make run` brings the whole stack up, `make test` runs the suite.
# Both create the virtualenv and install the pinned requirements first.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
PYTEST_ARGS ?=

.PHONY: run test lint schema install clean vendor-js

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(INSTALLED): $(BIN)/python requirements/base.txt requirements/dev.txt
	$(BIN)/pip install --quiet -r requirements/dev.txt
	touch $@

# promtool validates the Prometheus rules in the tests: taken from Debian's
# prometheus package (the binary only; nothing is installed or started).
$(BIN)/promtool: | $(BIN)/python
	@if command -v apt-get >/dev/null 2>&1; then \
		tmp=$$(mktemp -d); cd $$tmp && \
		{ apt-get download prometheus >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get download prometheus >/dev/null; }; } && \
		dpkg-deb -x prometheus_*.deb x && cp x/usr/bin/promtool $(CURDIR)/$(BIN)/promtool; \
		rm -rf $$tmp; \
	else echo "promtool: no apt-get here; the rules get a structural check only"; fi

# Chromium for the browser tests (tests/browser): Debian's package, which Playwright
# drives through executable_path; Playwright's own browser download is never used.
CHROMIUM := /usr/bin/chromium
$(CHROMIUM):
	@command -v apt-get >/dev/null 2>&1 || { echo "chromium: no apt-get here; install Chromium at $@" >&2; exit 1; }
	@export DEBIAN_FRONTEND=noninteractive; \
	apt-get install -y -q --no-install-recommends chromium >/dev/null 2>&1 || \
		{ apt-get update -q >/dev/null && apt-get install -y -q --no-install-recommends chromium >/dev/null; } || \
		{ echo "chromium: apt-get could not install it (as root?); the browser tests need $@" >&2; exit 1; }

install: $(INSTALLED) $(BIN)/promtool $(CHROMIUM)

run: install
	$(BIN)/python -m lorebase.devstack.run

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# pytest exits 5 when no test ran: that is a failure too, said plainly.
test: lint
	@status=0; $(BIN)/python -m pytest $(PYTEST_ARGS) || status=$$?; \
	if [ $$status -eq 5 ]; then echo "make test: no tests ran - failing." >&2; fi; \
	exit $$status

schema: install
	$(BIN)/python manage.py spectacular --validate --fail-on-warn --file var/schema.yaml

# Cytoscape.js draws the admin's graph pictures. It comes from the npm registry at the
# version (and hash) in package.json and package-lock.json, and is kept with its
# licence in the static files, so running the site needs no npm; this refreshes it.
CYTOSCAPE := lorebase/static/lorebase/vendor/cytoscape
vendor-js:
	npm ci --no-audit --no-fund
	mkdir -p $(CYTOSCAPE)
	cp node_modules/cytoscape/dist/cytoscape.min.js node_modules/cytoscape/LICENSE $(CYTOSCAPE)/

clean:
	rm -rf $(VENV) var test-artifacts .coverage .coverage.* node_modules

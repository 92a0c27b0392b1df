# Lorebase: `make run` brings the whole stack up, `make test` runs the suite.
# Both create the virtualenv and install the pinned requirements first.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
PYTEST_ARGS ?=

.PHONY: run test test-fast lint schema install clean vendor-js rabbitmq graph-launcher bench-quality sdk sdk-check

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(INSTALLED): $(BIN)/python requirements/base.txt requirements/prod.txt requirements/dev.txt
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

# RabbitMQ for `make run` and the tests, which start nodes of their own from it:
# Debian's package when it is missing and we are root; otherwise we say what to install.
rabbitmq:
	@export PATH="$$PATH:/usr/sbin:/usr/lib/rabbitmq/bin"; \
	if command -v rabbitmq-server >/dev/null 2>&1; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		export DEBIAN_FRONTEND=noninteractive; \
		apt-get install -y -q --no-install-recommends rabbitmq-server >/dev/null 2>&1 || \
			{ apt-get update -q >/dev/null && apt-get install -y -q --no-install-recommends rabbitmq-server >/dev/null; } || \
			{ echo "rabbitmq: apt-get could not install rabbitmq-server" >&2; exit 1; }; \
	else \
		echo "rabbitmq: not installed. Install it (Debian/Ubuntu: sudo apt-get install rabbitmq-server; macOS: brew install rabbitmq) or set CELERY_BROKER_URL to a running broker." >&2; \
	fi

# Neo4j 5.26 for one machine: the launcher in devstack/neo4j, built once with
# Maven from Maven Central (its cache in ~/.m2 and the target/ folder are reused).
# Java 17 and Maven come from Debian's packages when missing and we are root.
GRAPH_LAUNCHER_DIR := devstack/neo4j
GRAPH_LAUNCHER := $(GRAPH_LAUNCHER_DIR)/target/lorebase-neo4j.jar
$(GRAPH_LAUNCHER): $(GRAPH_LAUNCHER_DIR)/pom.xml $(shell find $(GRAPH_LAUNCHER_DIR)/src -name '*.java')
	@if ! command -v java >/dev/null 2>&1 || ! command -v mvn >/dev/null 2>&1; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
			export DEBIAN_FRONTEND=noninteractive; \
			apt-get install -y -q --no-install-recommends openjdk-17-jdk-headless maven >/dev/null 2>&1 || \
				{ apt-get update -q >/dev/null && apt-get install -y -q --no-install-recommends openjdk-17-jdk-headless maven >/dev/null; } || \
				{ echo "graph-launcher: apt-get could not install openjdk-17-jre-headless and maven" >&2; exit 1; }; \
		else \
			echo "graph-launcher: install a Java 17 (or 21) JDK and Maven 3.8+ (Debian/Ubuntu: apt-get install openjdk-17-jdk-headless maven), then run make again" >&2; exit 1; \
		fi; \
	fi
	@mvn -q -B -f $(GRAPH_LAUNCHER_DIR)/pom.xml package >$(GRAPH_LAUNCHER_DIR)/build.log 2>&1 || \
		{ tail -n 20 $(GRAPH_LAUNCHER_DIR)/build.log >&2; \
		  echo "graph-launcher: Maven could not build the Neo4j launcher (is Maven Central reachable? full log: $(GRAPH_LAUNCHER_DIR)/build.log)" >&2; exit 1; }
	@touch $@

graph-launcher: $(GRAPH_LAUNCHER)

# The npm packages of package-lock.json (the client generator, Cytoscape.js), as locked.
NODE_MODULES := node_modules/.package-lock.json
$(NODE_MODULES): package.json package-lock.json
	npm ci --no-audit --no-fund

install: $(INSTALLED) $(BIN)/promtool $(CHROMIUM) rabbitmq $(GRAPH_LAUNCHER) $(NODE_MODULES)

run: install
	$(BIN)/python -m devstack.run

# Style, types (the modules pyproject.toml lists) and the architecture's contracts.
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

# The suite in two layers: first the fast one (PostgreSQL only: services, selectors,
# serializers, the linker, the rules), then the tests that start a graph server, a
# broker or a process (conftest.py marks them `services`); coverage adds up over both.
# pytest exits 5 when no test ran: that is a failure too, said plainly. Coverage data
# (one file per measured process) goes to a directory of this run's own, so two runs
# in one checkout never combine, or delete, each other's files.
test: lint sdk-check
	@fast=0; status=0; coverage_dir=$$(mktemp -d -t lorebase-coverage-XXXXXX); \
	COVERAGE_FILE=$$coverage_dir/.coverage $(BIN)/python -m pytest -m "not services" --cov-fail-under=0 --cov-report= $(PYTEST_ARGS) || fast=$$?; \
	if [ $$fast -eq 0 ] || [ $$fast -eq 5 ]; then \
		COVERAGE_FILE=$$coverage_dir/.coverage $(BIN)/python -m pytest -m services --cov-append $(PYTEST_ARGS) || status=$$?; \
		if [ $$status -eq 5 ] && [ $$fast -eq 0 ]; then status=0; fi; \
	else status=$$fast; fi; \
	rm -rf $$coverage_dir; \
	if [ $$status -eq 5 ]; then echo "make test: no tests ran - failing." >&2; fi; \
	exit $$status

# The fast layer alone, without coverage: an answer in a couple of minutes, no graph server.
test-fast: $(INSTALLED)
	@status=0; $(BIN)/python -m pytest -m "not services" --no-cov $(PYTEST_ARGS) || status=$$?; \
	if [ $$status -eq 5 ]; then echo "make test-fast: no tests ran - failing." >&2; fi; \
	exit $$status

schema: install
	$(BIN)/python manage.py spectacular --validate --fail-on-warn --file var/schema.yaml

# The generated clients in clients/: the OpenAPI schema (default settings: a local
# .env is not read), the Python client (openapi-python-client) and the TypeScript
# types (openapi-typescript) under the hand-written openapi-fetch wrapper
# (clients/typescript/index.ts). `make sdk` writes them into SDK_OUT; commit the result.
SDK_OUT ?= clients
sdk: $(INSTALLED) $(NODE_MODULES)
	LOREBASE_ENV_FILE=/dev/null $(BIN)/python manage.py spectacular --validate --fail-on-warn \
		--custom-settings config.settings.base.SDK_SCHEMA_SETTINGS --file $(SDK_OUT)/openapi.yaml
	$(BIN)/openapi-python-client generate --path $(SDK_OUT)/openapi.yaml --config clients/python-client.yaml \
		--meta uv --output-path $(SDK_OUT)/python --overwrite --fail-on-warning
	npx --no-install openapi-typescript $(SDK_OUT)/openapi.yaml --output $(SDK_OUT)/typescript/schema.d.ts

# Schema and clients never drift: regenerate into a copy and fail on any difference;
# then type-check the TypeScript wrapper (typescript from package-lock.json).
sdk-check: $(INSTALLED) $(NODE_MODULES)
	@tmp=$$(mktemp -d -t lorebase-sdk-XXXXXX); cp -r clients/. $$tmp/; \
	$(MAKE) --no-print-directory sdk SDK_OUT=$$tmp >$$tmp.log 2>&1 || { cat $$tmp.log >&2; rm -rf $$tmp $$tmp.log; exit 1; }; \
	status=0; diff -ru clients $$tmp || status=$$?; rm -rf $$tmp $$tmp.log; \
	if [ $$status -ne 0 ]; then echo "sdk-check: clients/ differ from the API's schema: run make sdk and commit clients/" >&2; exit $$status; fi
	npx --no-install tsc -p clients/typescript  # the wrapper and its example against the types

# Benchmarks start a stack of their own (bench/stack.py); docs/benchmarks.md has the
# figures. Quality per class of hard name and per language: search, then answers in role.
bench-quality: $(INSTALLED) rabbitmq $(GRAPH_LAUNCHER)
	$(BIN)/python bench/search_quality.py --world hard
	$(BIN)/python bench/llm_eval.py --world hard

# Cytoscape.js draws the admin's graph pictures. It comes from the npm registry at the
# version (and hash) in package.json and package-lock.json, and is kept with its
# licence in the static files, so running the site needs no npm; this refreshes it.
CYTOSCAPE := search/static/search/vendor/cytoscape
vendor-js:
	npm ci --no-audit --no-fund
	mkdir -p $(CYTOSCAPE)
	cp node_modules/cytoscape/dist/cytoscape.min.js node_modules/cytoscape/LICENSE $(CYTOSCAPE)/

clean:
	rm -rf $(VENV) var test-artifacts .coverage .coverage.* node_modules $(GRAPH_LAUNCHER_DIR)/target

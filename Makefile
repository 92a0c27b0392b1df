# Lorebase: `make run` brings the whole stack up, `make test` runs the suite.
# Both create the virtualenv and install the pinned requirements first.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
PYTEST_ARGS ?=

.PHONY: run test lint schema install clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(INSTALLED): $(BIN)/python requirements/base.txt requirements/dev.txt
	$(BIN)/pip install --quiet -r requirements/dev.txt
	touch $@

install: $(INSTALLED)

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

clean:
	rm -rf $(VENV) var test-artifacts .coverage .coverage.*

# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run lint test test-slow bench bench-quick translations wheel-check clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e ".[test,bench]"
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/workshop

# The checks a maintainer relies on, before the tests (a few seconds): ruff's rules and mypy over
# the package, as configured in pyproject.toml. `make test` fails on a finding.
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy

test: lint
	TEXTUAL_ANIMATIONS=none $(BIN)/python -m pytest -n 2 -q

test-slow: $(STAMP)
	WORKSHOP_SLOW=1 TEXTUAL_ANIMATIONS=none $(BIN)/python -m pytest -n 2 -q tests/faults

bench: $(STAMP)
	$(BIN)/python bench/run.py

bench-quick: $(STAMP)
	$(BIN)/python bench/run.py --quick

# Re-extract the strings a user sees and compile the catalogues (needs Babel, in the test extra).
translations: $(STAMP)
	$(BIN)/pybabel extract --no-location --sort-output -k _ -k N_ -k ngettext:1,2 -k pgettext:1c,2 --project workshop -o workshop/locale/workshop.pot workshop screens
	test -f workshop/locale/nl/LC_MESSAGES/workshop.po || $(BIN)/pybabel init -l nl -i workshop/locale/workshop.pot -d workshop/locale -D workshop
	$(BIN)/pybabel update --no-fuzzy-matching --ignore-obsolete -i workshop/locale/workshop.pot -d workshop/locale -D workshop
	$(BIN)/pybabel compile -d workshop/locale -D workshop

clean:
	rm -rf $(VENV) build dist .mypy_cache .ruff_cache

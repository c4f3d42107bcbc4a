# coachtui: the two commands a new machine needs are `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
PYTEST_ARGS ?=

.PHONY: run demo test lint format snapshot-update screenshots bench bench-table clean help

help:
	@echo "make run              start coachtui on your data (sets up .venv on first use)"
	@echo "make demo             start coachtui on a fresh sample practice"
	@echo "make test             set up and run the whole test suite"
	@echo "make lint             ruff, mypy and the import-linter layer contracts"
	@echo "make snapshot-update  rewrite the snapshot tests' expected screens"
	@echo "make screenshots      regenerate the README's screenshot"
	@echo "make bench            performance benchmark on synthetic practices (not part of test)"
	@echo "make bench-table      write the latest bench run's table into README.md and benchmarks/README.md"

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "coachtui needs Python 3.11 or newer"'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/coachtui $(ARGS)

demo: $(STAMP)
	$(BIN)/coachtui demo

test: $(STAMP)
	$(BIN)/python -m pytest -n 2 -q $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check coachtui tests benchmarks
	$(BIN)/ruff format --check coachtui tests benchmarks
	$(BIN)/mypy coachtui
	$(BIN)/lint-imports

format: $(STAMP)
	$(BIN)/ruff format coachtui tests benchmarks
	$(BIN)/ruff check --fix coachtui tests benchmarks

snapshot-update: $(STAMP)
	$(BIN)/python -m pytest -q tests/ui --snapshot-update

screenshots: $(STAMP)
	$(BIN)/python -m docs.make_screenshots

bench: $(STAMP)
	$(BIN)/python -m benchmarks $(ARGS)

bench-table: $(STAMP)
	$(BIN)/python -m benchmarks.table

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache

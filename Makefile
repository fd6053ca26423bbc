# Two commands set everything up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo demo-stop test lint bench clean

# Re-install only when the project's dependency list changes.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# Seeds .demo/limes.db and leaves the API running on localhost:8000; prints a token and curl lines.
demo: $(STAMP)
	$(BIN)/limes demo

demo-stop: $(STAMP)
	$(BIN)/limes demo --stop

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python bench/stay.py
	$(BIN)/python bench/mrz.py
	$(BIN)/python bench/overstayers.py
	$(BIN)/python bench/ees_register.py
	$(BIN)/python bench/biometrics.py all
	$(BIN)/python bench/screening.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis

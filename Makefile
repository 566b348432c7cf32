# tahqiq: make run | make test | make ui | make bench | make lint
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export DAGSTER_HOME := $(CURDIR)/dagster_home
export TAHQIQ_WAREHOUSE ?= data/warehouse.duckdb

.PHONY: run test ui bench fuzz lint browser clean

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "need $(PYTHON) on PATH (or make PYTHON=python3)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	# torch first, pinned to the CPU build, so camel-tools does not pull the CUDA one
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/tahqiq run --input data/samples --batch-id samples --warehouse $(TAHQIQ_WAREHOUSE)

test: $(STAMP) browser
	$(BIN)/pytest -q

# Debian's Chromium for the UI test; installed when missing (needs root, as on CI machines).
browser:
	@command -v chromium >/dev/null || { (apt-get update -qq && apt-get install -y -qq chromium >/dev/null) \
	  || echo "could not install chromium: the browser test will skip"; }

# `tahqiq docs` serves the pictures the UI shows and the Data Docs (port 3001) while `dagster dev` runs.
ui: $(STAMP)
	$(BIN)/tahqiq docs --warehouse $(TAHQIQ_WAREHOUSE) & trap "kill $$!" EXIT; $(BIN)/dagster dev -w workspace.yaml

bench: $(STAMP)
	$(BIN)/python -m benchmarks.run --corpus ../shared/data/corpora/ant-multisource/ant_multisource.jsonl.gz

# 10,000 hostile inputs through `tahqiq run` in 10 batches, 50 queries during the runs, one 5 MB article.
fuzz: $(STAMP)
	$(BIN)/python -m benchmarks.fuzz --inputs 10000 --batches 10 --queries 50

lint: $(STAMP)
	$(BIN)/ruff check .

clean:
	rm -rf $(VENV) data/warehouse.duckdb* data/data_docs data/gx data/reports

# One task runner for people and CI. `make help` lists the targets.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
SHARED ?= ../shared
DB ?= kuroshio.duckdb

.DEFAULT_GOAL := help
.PHONY: help install demo test lint eval bench clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(VENV)/.installed: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q -c constraints.txt -e ".[all,dev]"
	touch $@

install: $(VENV)/.installed ## create .venv and install Kuroshio with every extra

demo: install ## code the bundled samples into $(DB) and print the events
	$(VENV)/bin/kuroshio ingest examples/samples --db $(DB) --date 2025-10-10
	$(VENV)/bin/kuroshio events --db $(DB) --format table

test: install ## run the whole test suite
	$(VENV)/bin/pytest -q

lint: install ## ruff and the dictionary linter
	$(VENV)/bin/ruff check src tests benchmarks
	$(PY) -m kuroshio.actors.lint

eval: install ## score the coder on ../shared/eval/dev (when present)
	@if [ -d $(SHARED)/eval/dev ]; then \
	  $(VENV)/bin/kuroshio eval $(SHARED)/eval/dev/gold.jsonl $(SHARED)/eval/dev/corpus.jsonl; \
	  $(VENV)/bin/kuroshio eval $(SHARED)/eval/dev/seed_gold.jsonl $(SHARED)/eval/dev/seed_corpus.jsonl; \
	else echo "$(SHARED)/eval/dev not present: nothing to evaluate"; fi

bench: install ## run the benchmarks, appending to benchmarks/RESULTS.md
	@for script in benchmarks/bench_*.py; do echo "== $$script"; $(PY) $$script || exit 1; done

clean: ## remove the venv, caches and the demo store
	rm -rf $(VENV) .pytest_cache .ruff_cache $(DB) $(DB).wal

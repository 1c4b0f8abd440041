# pressroom — the two commands that matter: `make run` and `make test` (see README.md).
SHELL := /bin/bash
.DEFAULT_GOAL := help
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SAMPLE_DAG ?= press_ingest_oir_releases_bundle
export PYTHONDONTWRITEBYTECODE :=

.PHONY: help install run db migrate airflow-init airflow psql summary report dictionary test test-celery lint eval bench stop clean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 16

$(STAMP): requirements.lock pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip --version >/dev/null 2>&1 || $(BIN)/python -m ensurepip --upgrade >/dev/null
	$(BIN)/python -m pip install --quiet --upgrade pip uv
	$(BIN)/uv pip install --quiet --python $(BIN)/python --compile-bytecode -r requirements.lock
	$(BIN)/uv pip install --quiet --python $(BIN)/python --no-deps -e .
	@touch $@

install: $(STAMP)  ## create .venv with the pinned dependencies (no-op when up to date)

migrate: install  ## start the embedded Postgres (or use PRESSROOM_DATABASE_URL) and apply sql/migrations
	$(BIN)/pressroom db migrate

airflow-init: migrate  ## create/upgrade Airflow's metadata database
	@. scripts/airflow-env.sh && $(BIN)/airflow db migrate >$$AIRFLOW_HOME/db-migrate.log 2>&1 \
		|| { tail -20 $$AIRFLOW_HOME/db-migrate.log; exit 1; }
	@echo "airflow metadata database ready"

run: airflow-init  ## install, start Postgres, migrate, run the ingest DAG once over the bundled releases, summarise, write the report
	@. scripts/airflow-env.sh && $(BIN)/airflow dags test $(SAMPLE_DAG) >$$AIRFLOW_HOME/last-run.log 2>&1 \
		&& echo "DAG $(SAMPLE_DAG): success (log: $$AIRFLOW_HOME/last-run.log)" \
		|| { tail -40 $$AIRFLOW_HOME/last-run.log; echo "DAG $(SAMPLE_DAG) FAILED (log: $$AIRFLOW_HOME/last-run.log)"; exit 1; }
	@$(BIN)/pressroom db summary
	@$(BIN)/pressroom report 2>var/report.log || { cat var/report.log; exit 1; }

airflow: airflow-init  ## Airflow UI + scheduler (airflow standalone) on http://127.0.0.1:8080
	@. scripts/airflow-env.sh && echo "login: admin / password in $$AIRFLOW_HOME/simple_auth_manager_passwords.json.generated" \
		&& exec $(BIN)/airflow standalone

psql: migrate  ## psql on the warehouse
	$(BIN)/pressroom db psql

report: migrate  ## refresh the marts and write var/report/index.html
	$(BIN)/pressroom report

dictionary: migrate  ## regenerate docs/data-dictionary.md from the database comments
	$(BIN)/pressroom report --dictionary docs/data-dictionary.md

summary: install  ## what landed in the warehouse
	$(BIN)/pressroom db summary

test: install  ## the whole test suite (starts its own throwaway Postgres)
	$(BIN)/python -m pytest

test-celery: install  ## only the CeleryExecutor test (needs redis-server: apt-get install -y redis-server)
	$(BIN)/python -m pytest -m celery

lint: install  ## ruff
	$(BIN)/ruff check plugins dags tests scripts bench

eval: install  ## score the normaliser on every corpus in ../shared/corpus (one table, one row per corpus)
	python3 scripts/eval_corpora.py ../shared/corpus --cmd "$(BIN)/pressroom analyse"

bench: install  ## benchmarks → docs/benchmarks.md (extraction, load, 5 000-page DAG run, warehouse queries)
	bench/run_all.sh

stop:  ## stop the embedded Postgres
	@test -x $(BIN)/pressroom && $(BIN)/pressroom db stop || true

clean: stop  ## stop and remove all local state (var/, .venv)
	rm -rf var $(VENV) .pytest_cache

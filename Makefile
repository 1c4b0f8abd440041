# pressroom — the two commands that matter: `make run` and `make test` (see README.md).
SHELL := /bin/bash
.DEFAULT_GOAL := help
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DBT_VENV := .venv-dbt
DBT_STAMP := $(DBT_VENV)/.installed
DBT_MANIFEST := dbt/target/manifest.json
DBT_SOURCES := $(shell find dbt/dbt_project.yml dbt/profiles.yml dbt/models dbt/macros dbt/tests -type f 2>/dev/null)
# Apache Superset (make dashboard) in its own virtualenv: its pins conflict with Airflow's.
DASHBOARD_VENV := .venv-dashboard
DASHBOARD_STAMP := $(DASHBOARD_VENV)/.installed
SAMPLE_DAG ?= press_ingest_oir_releases_bundle
export PYTHONDONTWRITEBYTECODE :=

.PHONY: help install dbt-lock system-deps dashboard-install run db migrate airflow-init airflow sources-sync dashboard psql summary report dictionary docs test test-celery lint eval bench stop clean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 16

$(STAMP): requirements.lock pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip --version >/dev/null 2>&1 || $(BIN)/python -m ensurepip --upgrade >/dev/null
	$(BIN)/python -m pip install --quiet --upgrade pip uv
	$(BIN)/uv pip install --quiet --python $(BIN)/python --compile-bytecode -r requirements.lock
	$(BIN)/uv pip install --quiet --python $(BIN)/python --no-deps -e .
	@touch $@

# dbt in a virtualenv of its own (its pins conflict with Airflow's); Airflow runs it by path through Cosmos.
$(DBT_STAMP): dbt/requirements.lock | $(STAMP)
	@test -x $(DBT_VENV)/bin/python || $(BIN)/uv venv --quiet --python $(BIN)/python $(DBT_VENV)
	$(BIN)/uv pip install --quiet --python $(DBT_VENV)/bin/python --compile-bytecode -r dbt/requirements.lock
	@touch $@

# The manifest Cosmos renders the marts DAG from (`dbt parse` needs no database).
$(DBT_MANIFEST): $(DBT_STAMP) $(DBT_SOURCES)
	$(DBT_VENV)/bin/dbt parse --quiet --project-dir dbt --profiles-dir dbt --log-path var/dbt-logs

install: $(STAMP) $(DBT_MANIFEST)  ## create .venv and .venv-dbt with the pinned dependencies, parse the dbt project (no-op when up to date)

dbt-lock: $(STAMP)  ## re-resolve dbt/requirements.lock from dbt/requirements.in
	$(BIN)/uv pip compile --quiet dbt/requirements.in --python-version 3.11 -o dbt/requirements.lock

$(DASHBOARD_STAMP): dashboard/requirements.lock | $(STAMP)
	@test -x $(DASHBOARD_VENV)/bin/python || $(BIN)/uv venv --quiet --python $(PYTHON) $(DASHBOARD_VENV)
	$(BIN)/uv pip sync --quiet --python $(DASHBOARD_VENV)/bin/python --compile-bytecode dashboard/requirements.lock
	@touch $@

dashboard-install: $(DASHBOARD_STAMP)  ## create .venv-dashboard: Apache Superset pinned in dashboard/requirements.lock

migrate: install  ## start the embedded Postgres (or use PRESSROOM_DATABASE_URL) and apply sql/migrations
	$(BIN)/pressroom db migrate

airflow-init: migrate  ## create/upgrade Airflow's metadata database
	@. scripts/airflow-env.sh && $(BIN)/airflow db migrate >$$AIRFLOW_HOME/db-migrate.log 2>&1 \
		|| { tail -20 $$AIRFLOW_HOME/db-migrate.log; exit 1; }
	@echo "airflow metadata database ready"

run: airflow-init  ## install, start Postgres, migrate, run the ingest DAG once over the bundled releases, write the report, summarise
	@. scripts/airflow-env.sh && $(BIN)/airflow dags test $(SAMPLE_DAG) >$$AIRFLOW_HOME/last-run.log 2>&1 \
		&& echo "DAG $(SAMPLE_DAG): success (log: $$AIRFLOW_HOME/last-run.log)" \
		|| { tail -40 $$AIRFLOW_HOME/last-run.log; echo "DAG $(SAMPLE_DAG) FAILED (log: $$AIRFLOW_HOME/last-run.log)"; exit 1; }
	@$(BIN)/pressroom report 2>var/report.log || { cat var/report.log; exit 1; }
	@$(BIN)/pressroom db summary

airflow: airflow-init  ## Airflow UI + scheduler (airflow standalone); AIRFLOW__API__HOST/PORT move it
	@. scripts/airflow-env.sh && $(BIN)/pressroom sources sync && echo "Airflow UI: http://$$AIRFLOW__API__HOST:$$AIRFLOW__API__PORT/ (executor $$AIRFLOW__CORE__EXECUTOR, parallelism $$AIRFLOW__CORE__PARALLELISM)" \
		&& echo "login: admin, password in $$AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_PASSWORDS_FILE (written at first start, mode 0600)" \
		&& exec $(BIN)/airflow standalone

sources-sync: airflow-init  ## pause/unpause the ingest DAGs as sources.yaml `enabled` says
	@. scripts/airflow-env.sh && $(BIN)/pressroom sources sync

dashboard: migrate dashboard-install  ## Apache Superset with the provisioned dashboard on http://127.0.0.1:8088 (data: make run)
	$(BIN)/pressroom dashboard

psql: migrate  ## psql on the warehouse
	$(BIN)/pressroom db psql

report: migrate  ## refresh the marts and write var/report/index.html
	$(BIN)/pressroom report

docs: migrate  ## build the marts, write the dbt docs site to var/dbt-docs/ and regenerate docs/data-dictionary.md
	$(BIN)/pressroom report --dictionary docs/data-dictionary.md

dictionary: docs  ## the same as docs

summary: install  ## what landed in the warehouse
	$(BIN)/pressroom db summary

system-deps:  ## install Chromium and redis-server (Debian packages) when missing; as non-root say how
	@scripts/system-deps.sh

test: install system-deps dashboard-install  ## the whole test suite (starts its own throwaway Postgres and Superset)
	$(BIN)/python -m pytest

test-celery: install system-deps  ## only the CeleryExecutor test (Redis from Debian packages)
	$(BIN)/python -m pytest -m celery

lint: install  ## ruff
	$(BIN)/ruff check plugins dags tests scripts bench dashboard

eval: install  ## score the normaliser on every corpus in ../shared/corpus (one table, one row per corpus)
	python3 scripts/eval_corpora.py ../shared/corpus --cmd "$(BIN)/pressroom analyse"

bench: install  ## benchmarks → docs/benchmarks.md (extraction, load, 5 000-page DAG run, warehouse queries)
	bench/run_all.sh

stop:  ## stop the embedded Postgres
	@test -x $(BIN)/pressroom && $(BIN)/pressroom db stop || true

clean: stop  ## stop and remove all local state (var/, the virtualenvs, dbt/target, a relocated cluster that var/pg points to)
	@test ! -L var/pg || rm -rf "$$(readlink -f var/pg)"
	rm -rf var $(VENV) $(DBT_VENV) $(DASHBOARD_VENV) dbt/target dbt/logs .pytest_cache

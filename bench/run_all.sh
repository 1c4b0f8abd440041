#!/usr/bin/env bash
# `make bench`: every benchmark in turn; each prints its figures and rewrites its section of docs/benchmarks.md.
# Sizes can be reduced for a quick look, e.g. BENCH_PAGES=500 BENCH_DOCUMENTS=500 bench/run_all.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${BENCH_PYTHON:-.venv/bin/python}"
unset PYTHONDONTWRITEBYTECODE  # bytecode makes every import (and airflow) start ~3x faster

"$PY" -m bench.extraction --rounds "${BENCH_ROUNDS:-3}"
"$PY" -m bench.load --documents "${BENCH_DOCUMENTS:-3000}"
"$PY" -m bench.analyse_size --budget "${BENCH_ANALYSE_BUDGET:-30}"
"$PY" -m bench.dag_e2e --pages "${BENCH_PAGES:-5000}"
if [ -f bench/warehouse_queries.py ]; then
    "$PY" -m bench.warehouse_queries
fi
echo "results: docs/benchmarks.md"

# Environment for running Airflow against the project: sourced by the Makefile's airflow targets.
# Metadata lives in the `airflow` database of the same Postgres as the warehouse (embedded by default,
# or the server named by PRESSROOM_DATABASE_URL), so LocalExecutor can run tasks in parallel.
# Usage: . scripts/airflow-env.sh   (from the project root, after `make install`)
_root="$(pwd)"
export PATH="$_root/.venv/bin:$PATH"  # airflow standalone starts its components as `airflow …`
export AIRFLOW_HOME="${AIRFLOW_HOME:-$_root/var/airflow}"
export AIRFLOW__CORE__DAGS_FOLDER="$_root/dags"
export AIRFLOW__CORE__PLUGINS_FOLDER="$_root/plugins"
export AIRFLOW__CORE__LOAD_EXAMPLES=False
export DO_NOT_TRACK="${DO_NOT_TRACK:-true}"  # astronomer-cosmos sends usage metrics unless told not to
export AIRFLOW__CORE__EXECUTOR="${AIRFLOW__CORE__EXECUTOR:-LocalExecutor}"
export AIRFLOW__CORE__PARALLELISM="${AIRFLOW__CORE__PARALLELISM:-4}"
export AIRFLOW__CORE__MAX_ACTIVE_TASKS_PER_DAG="${AIRFLOW__CORE__MAX_ACTIVE_TASKS_PER_DAG:-4}"
export AIRFLOW__API__HOST="${AIRFLOW__API__HOST:-127.0.0.1}"
export AIRFLOW__API__PORT="${AIRFLOW__API__PORT:-8080}"
export AIRFLOW__DAG_PROCESSOR__REFRESH_INTERVAL="${AIRFLOW__DAG_PROCESSOR__REFRESH_INTERVAL:-60}"
export AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION="${AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION:-True}"
export AIRFLOW__DATABASE__SQL_ALCHEMY_CONN="${AIRFLOW__DATABASE__SQL_ALCHEMY_CONN:-$("$_root/.venv/bin/pressroom" db url --database airflow 2>/dev/null | sed 's#^postgresql://#postgresql+psycopg2://#')}"
[ -n "${AIRFLOW__DATABASE__SQL_ALCHEMY_CONN#postgresql+psycopg2://}" ] || { echo "airflow-env: no warehouse Postgres (pressroom db url failed)" >&2; return 1; }
mkdir -p "$AIRFLOW_HOME"
unset _root

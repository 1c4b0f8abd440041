# Environment for running Airflow against the project: sourced by the Makefile's airflow targets.
# Metadata lives in the `airflow` database of the same Postgres as the warehouse (embedded by default,
# or the server named by PRESSROOM_DATABASE_URL), so LocalExecutor can run tasks in parallel.
# Every value below is a default: set the variable before sourcing to override it. The execution API URL
# (where tasks report back) is derived from AIRFLOW__API__HOST/PORT unless set itself.
# Usage: . scripts/airflow-env.sh   (from the project root, after `make install`)
_root="$(pwd)"
export PATH="$_root/.venv/bin:$PATH"  # airflow standalone starts its components as `airflow …`
export AIRFLOW_HOME="${AIRFLOW_HOME:-$_root/var/airflow}"
export AIRFLOW__CORE__DAGS_FOLDER="${AIRFLOW__CORE__DAGS_FOLDER:-$_root/dags}"
export AIRFLOW__CORE__PLUGINS_FOLDER="${AIRFLOW__CORE__PLUGINS_FOLDER:-$_root/plugins}"
export AIRFLOW__CORE__LOAD_EXAMPLES=False
export DO_NOT_TRACK="${DO_NOT_TRACK:-true}"  # astronomer-cosmos sends usage metrics unless told not to
# Cosmos caches dbt profiles under /tmp/cosmos by default: shared by every user of the machine, so the first
# one to run owns it and the others fail. Keep the cache with this Airflow home instead.
export AIRFLOW__COSMOS__CACHE_DIR="${AIRFLOW__COSMOS__CACHE_DIR:-$AIRFLOW_HOME/cosmos}"
export AIRFLOW__CORE__EXECUTOR="${AIRFLOW__CORE__EXECUTOR:-LocalExecutor}"
export AIRFLOW__CORE__PARALLELISM="${AIRFLOW__CORE__PARALLELISM:-4}"
export AIRFLOW__CORE__MAX_ACTIVE_TASKS_PER_DAG="${AIRFLOW__CORE__MAX_ACTIVE_TASKS_PER_DAG:-$AIRFLOW__CORE__PARALLELISM}"
export AIRFLOW__API__HOST="${AIRFLOW__API__HOST:-127.0.0.1}"
export AIRFLOW__API__PORT="${AIRFLOW__API__PORT:-8080}"
case "$AIRFLOW__API__HOST" in 0.0.0.0|::|"") _api_host=127.0.0.1 ;; *:*) _api_host="[$AIRFLOW__API__HOST]" ;; *) _api_host="$AIRFLOW__API__HOST" ;; esac
export AIRFLOW__CORE__EXECUTION_API_SERVER_URL="${AIRFLOW__CORE__EXECUTION_API_SERVER_URL:-http://$_api_host:$AIRFLOW__API__PORT/execution/}"
export AIRFLOW__DAG_PROCESSOR__REFRESH_INTERVAL="${AIRFLOW__DAG_PROCESSOR__REFRESH_INTERVAL:-60}"
export AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION="${AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION:-True}"
export AIRFLOW__DATABASE__SQL_ALCHEMY_CONN="${AIRFLOW__DATABASE__SQL_ALCHEMY_CONN:-$("$_root/.venv/bin/pressroom" db url --database airflow 2>/dev/null | sed 's#^postgresql://#postgresql+psycopg2://#')}"
[ -n "${AIRFLOW__DATABASE__SQL_ALCHEMY_CONN#postgresql+psycopg2://}" ] || { echo "airflow-env: no warehouse Postgres (pressroom db url failed)" >&2; return 1; }
mkdir -p "$AIRFLOW_HOME"
# The admin password file Airflow generates: created here 0600 first (Airflow appends to it, keeping the mode).
export AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_PASSWORDS_FILE="${AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_PASSWORDS_FILE:-$AIRFLOW_HOME/simple_auth_manager_passwords.json.generated}"
touch "$AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_PASSWORDS_FILE" && chmod 600 "$AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_PASSWORDS_FILE"
# Secrets every component must share when they run as separate processes (standalone makes its own): one
# random value each, kept 0600 under AIRFLOW_HOME.
for _name in API_AUTH__JWT_SECRET API__SECRET_KEY; do
    _file="$AIRFLOW_HOME/.${_name,,}"
    [ -s "$_file" ] || (umask 077 && head -c 32 /dev/urandom | base64 | tr -d '\n=' >"$_file")
    _var="AIRFLOW__$_name"
    [ -n "${!_var:-}" ] || export "$_var=$(cat "$_file")"
done
unset _root _api_host _name _file _var

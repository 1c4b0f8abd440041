#!/usr/bin/env bash
# One-shot init for docker compose (service airflow-init): migrate Airflow's metadata database, then the
# warehouse (sql/migrations via `pressroom db migrate`, against PRESSROOM_DATABASE_URL), then write the UI
# login. Idempotent.
set -euo pipefail
airflow db migrate
pressroom db migrate
# The UI login of the Simple auth manager: its passwords file, shared with the api-server via a volume.
python3 -c 'import json, os, sys; json.dump({os.environ["AIRFLOW_ADMIN_USER"]: os.environ["AIRFLOW_ADMIN_PASSWORD"]}, sys.stdout)' \
    > "$AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_PASSWORDS_FILE"
echo "pressroom init: metadata and warehouse migrated"

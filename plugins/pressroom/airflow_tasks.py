"""The only Airflow-aware module of the package: connections, Assets and run context for the DAGs."""

from __future__ import annotations

import logging
from datetime import timedelta
from urllib.parse import quote

from airflow.sdk import Asset, Connection, get_current_context
from airflow.sdk.exceptions import AirflowNotFoundException

from . import db

log = logging.getLogger(__name__)

WAREHOUSE_CONN_ID = "pressroom_warehouse"
CORE_FACTS = Asset(name="pressroom.core.facts", uri="postgres://warehouse:5432/pressroom/core/strike_reports")

DEFAULT_ARGS = {
    "owner": "pressroom",
    "retries": 3,
    "retry_delay": timedelta(minutes=1),
    "retry_exponential_backoff": True,
    "max_retry_delay": timedelta(minutes=30),
    "execution_timeout": timedelta(hours=1),
}


def warehouse_dsn() -> str:
    """The warehouse DSN: the `pressroom_warehouse` Airflow Connection if defined, else PRESSROOM_DATABASE_URL
    or the embedded server. psycopg2 is used directly: PostgresHook hands out psycopg 3 connections."""
    try:
        conn = Connection.get(WAREHOUSE_CONN_ID)
    except AirflowNotFoundException:
        return db.warehouse_url()
    port = f":{conn.port}" if conn.port else ""
    auth = f"{quote(conn.login, safe='')}:{quote(conn.password or '', safe='')}@" if conn.login else ""
    return f"postgresql://{auth}{conn.host}{port}/{conn.schema or db.WAREHOUSE_DB}"


def run_identity() -> tuple[str, int]:
    """(run_id, try_number) of the running task, which key the fetch log."""
    context = get_current_context()
    return context["run_id"], context["ti"].try_number


def publish_counts(counts: dict[str, int]) -> None:
    """Attach the load's row counts to the CORE_FACTS Asset event, for the marts DAG and the UI."""
    get_current_context()["outlet_events"][CORE_FACTS].extra = dict(counts)

"""The only Airflow-aware module of the package: connections, Assets and run context for the DAGs."""

from __future__ import annotations

import logging
from datetime import timedelta
from urllib.parse import quote

from airflow.sdk import Asset, Connection, get_current_context
from airflow.sdk.exceptions import AirflowNotFoundException
from cosmos.profiles import PostgresUserPasswordProfileMapping

from . import db
from .warehouse import dbt

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


class WarehouseProfileMapping(PostgresUserPasswordProfileMapping):
    """Cosmos' dbt profile for the warehouse of `warehouse_dsn()`, resolved when a task runs: the
    `pressroom_warehouse` Connection when defined, else PRESSROOM_DATABASE_URL or the embedded server."""

    @property
    def conn(self) -> Connection:
        if not self._conn:
            self._conn = Connection.from_uri(warehouse_dsn(), conn_id=WAREHOUSE_CONN_ID)
        return self._conn


def dbt_marts_configs() -> dict:
    """Keyword arguments of the marts DAG's cosmos DbtTaskGroup: the dbt project rendered from the manifest
    `make install` writes (no dbt call while Airflow parses the DAG), run by the dbt of `.venv-dbt`; one task per
    model, `dbt build --select MODEL`: the model, then its tests, which fail the task when one fails (a dbt
    invocation costs seconds, so tests do not get a task of their own)."""
    from cosmos import ExecutionConfig, ProfileConfig, ProjectConfig, RenderConfig
    from cosmos.constants import InvocationMode, LoadMode, TestBehavior, TestIndirectSelection

    return {
        "project_config": ProjectConfig(manifest_path=dbt.manifest_path(), project_name="pressroom",
                                        install_dbt_deps=False),
        "profile_config": ProfileConfig(profile_name="pressroom", target_name="warehouse",
                                        profile_mapping=WarehouseProfileMapping(WAREHOUSE_CONN_ID,
                                                                                profile_args={"schema": "mart"})),
        "execution_config": ExecutionConfig(dbt_executable_path=dbt.executable(), dbt_project_path=dbt.project_dir(),
                                            invocation_mode=InvocationMode.SUBPROCESS,
                                            # a model's task runs the tests it can: those whose other parents it
                                            # reads too (a relationship test runs with the model that refers)
                                            test_indirect_selection=TestIndirectSelection.BUILDABLE),
        "render_config": RenderConfig(load_method=LoadMode.DBT_MANIFEST, test_behavior=TestBehavior.BUILD),
    }

"""The only Airflow-aware module of the package: connections, Assets and run context for the DAGs."""

from __future__ import annotations

import logging
from datetime import timedelta
from urllib.parse import quote

from airflow.sdk import Asset, Connection, get_current_context
from airflow.sdk.exceptions import AirflowNotFoundException, AirflowSkipException
from cosmos.profiles import PostgresUserPasswordProfileMapping

from . import db
from .settings import get_settings
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


ALERT_SUBJECT = "[pressroom] {what}: task {{{{ ti.task_id }}}} failed"
ALERT_BODY = """<p>{what}: task <b>{{{{ ti.task_id }}}}</b> of <b>{{{{ dag.dag_id }}}}</b> (run {{{{ run_id }}}})
failed after {{{{ ti.try_number }}}} tries.</p>
<pre>{{{{ exception }}}}</pre>
<p>Health of every source: <code>pressroom sources</code> or <code>select * from mart.source_freshness</code>.</p>"""


def failure_notifiers(what: str) -> list:
    """Airflow's SmtpNotifier, as a task on_failure_callback (so one message per failed task, after its
    retries), to PRESSROOM_ALERT_EMAIL through the PRESSROOM_ALERT_SMTP_CONN_ID Connection; none when no
    recipient is configured. `what` names the failing thing ("source centcom_releases", "marts")."""
    settings = get_settings()
    if not settings.alert_email:
        return []
    from airflow.providers.smtp.notifications.smtp import SmtpNotifier

    return [SmtpNotifier(to=settings.alert_email, from_email=settings.alert_from,
                         smtp_conn_id=settings.alert_smtp_conn_id, subject=ALERT_SUBJECT.format(what=what),
                         html_content=ALERT_BODY.format(what=what))]


def skip_if_disabled(source_name: str) -> None:
    """sources.yaml is the single truth: a run of a disabled source's DAG is skipped (whatever the UI toggle)."""
    from .sources import get_source

    if not get_source(source_name).enabled:
        raise AirflowSkipException(f"source {source_name} is disabled in sources.yaml "
                                   f"(`pressroom sources enable {source_name}`)")


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


def is_final_try() -> bool:
    """True when a failure of the running task would not be retried any more."""
    ti = get_current_context()["ti"]
    return ti.try_number > ti.max_tries


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

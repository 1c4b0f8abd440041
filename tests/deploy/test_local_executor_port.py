"""Airflow's real components (api-server, scheduler, dag-processor, LocalExecutor) started through
scripts/airflow-env.sh on a non-default API port: a DAG runs to success, so the execution API URL followed
the port; the generated admin password file is 0600; `pressroom sources sync` pauses the DAG of a source
that sources.yaml disables."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import uuid
from contextlib import closing
from pathlib import Path

import pytest
import requests

from pressroom import db
from pressroom.embedded_pg import free_port
from support.processes import ClusterError, ProcessGroup, wait_until

REPO = Path(__file__).resolve().parents[2]
DAG_ID = "press_ingest_probe"
PROBE_DAG = f'''
import pendulum
from airflow.sdk import dag, task


@dag(dag_id="{DAG_ID}", schedule=None, start_date=pendulum.datetime(2026, 1, 1, tz="UTC"), catchup=False)
def probe():
    @task
    def hello() -> int:
        return 1

    hello()


probe()
'''


def in_airflow_env(command: str) -> list[str]:
    """argv running `command` after sourcing the project's Airflow environment (as the Makefile does)."""
    return ["bash", "-c", f". scripts/airflow-env.sh && exec {command}"]


@pytest.fixture
def metadata_dsn(pg_server):
    name = f"airflow_port_{uuid.uuid4().hex[:8]}"
    db.ensure_database(pg_server, name)
    yield db.with_database(pg_server, name)
    with closing(db.connect(db.with_database(pg_server, "postgres"))) as conn:
        conn.autocommit = True
        with conn.cursor() as cur:
            cur.execute(f'drop database if exists "{name}" with (force)')


def test_components_on_another_port_run_a_dag(metadata_dsn, warehouse):
    workdir = Path(tempfile.mkdtemp(prefix="pressroom-airflow-port-"))
    (workdir / "dags").mkdir()
    (workdir / "dags" / "probe.py").write_text(PROBE_DAG)
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("AIRFLOW")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # without bytecode every airflow process starts ~3x slower
    env.update({
        "AIRFLOW_HOME": str(workdir / "home"),
        "AIRFLOW__API__PORT": str(port),
        "AIRFLOW__CORE__PARALLELISM": "2",
        "AIRFLOW__CORE__DAGS_FOLDER": str(workdir / "dags"),
        "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": metadata_dsn.replace("postgresql://", "postgresql+psycopg2://", 1),
        "AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION": "False",
        "AIRFLOW__DAG_PROCESSOR__REFRESH_INTERVAL": "2",
        "AIRFLOW__SCHEDULER__SCHEDULER_HEARTBEAT_SEC": "1",
        "AIRFLOW__LOGGING__WORKER_LOG_SERVER_PORT": str(free_port()),
        "AIRFLOW__LOGGING__TRIGGER_LOG_SERVER_PORT": str(free_port()),
        "PRESSROOM_DATABASE_URL": warehouse,
        "PRESSROOM_SOURCES_FILE": str(workdir / "sources.yaml"),
    })
    (workdir / "sources.yaml").write_text(
        "sources:\n  - {name: probe, kind: urls, start_urls: ['https://example.org/'], enabled: false}\n")
    group = ProcessGroup(workdir, env, REPO)
    try:
        migrate = subprocess.run(in_airflow_env("airflow db migrate"), env=env, cwd=REPO, capture_output=True,
                                 text=True, timeout=300)
        assert migrate.returncode == 0, migrate.stdout[-2000:] + migrate.stderr[-2000:]
        group.spawn("api-server", *in_airflow_env("airflow api-server --workers 1"))
        group.spawn("scheduler", *in_airflow_env("airflow scheduler --skip-serve-logs"))
        group.spawn("dag-processor", *in_airflow_env("airflow dag-processor"))
        try:
            wait_until(lambda: group.check_alive() or _answers(port), 90, f"the api-server on port {port}")
            wait_until(lambda: group.check_alive() or _one(metadata_dsn, "select 1 from dag where dag_id = %s",
                                                           DAG_ID), 60, f"the dag-processor to register {DAG_ID}")
            trigger = subprocess.run(in_airflow_env(f"airflow dags trigger {DAG_ID}"), env=env, cwd=REPO,
                                     capture_output=True, text=True, timeout=120)
            assert trigger.returncode == 0, trigger.stderr[-2000:]
            state = wait_until(lambda: group.check_alive() or _finished(metadata_dsn), 90, f"the {DAG_ID} run")
            assert state == "success", f"DagRun {state}"
        except (AssertionError, ClusterError):
            print(group.logs())
            raise
        sync = subprocess.run(in_airflow_env("pressroom sources sync"), env=env, cwd=REPO, capture_output=True,
                              text=True, timeout=120)
        assert sync.returncode == 0, sync.stderr[-2000:]
        assert _one(metadata_dsn, "select is_paused from dag where dag_id = %s", DAG_ID) == (True,)
        passwords = workdir / "home" / "simple_auth_manager_passwords.json.generated"
        assert "admin" in passwords.read_text()
        assert passwords.stat().st_mode & 0o777 == 0o600
    finally:
        group.stop()
        shutil.rmtree(workdir, ignore_errors=True)


def _answers(port: int) -> bool:
    try:
        return requests.get(f"http://127.0.0.1:{port}/api/v2/version", timeout=2).ok
    except requests.ConnectionError:
        return False


def _one(dsn: str, sql: str, *params):
    with closing(db.connect(dsn)) as conn, conn, conn.cursor() as cur:
        cur.execute(sql, params)
        return cur.fetchone()


def _finished(dsn: str) -> str | None:
    row = _one(dsn, "select state from dag_run where dag_id = %s", DAG_ID)
    return row[0] if row and row[0] in ("success", "failed") else None

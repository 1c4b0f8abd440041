"""A LocalExecutor deployment for the end-to-end benchmark: api-server, scheduler (PARALLELISM worker
processes) and dag-processor with Postgres metadata, each in its own process group; one triggered run timed
from the metadata (`run_once`). Every wait is bounded and every process group is killed on exit."""

from __future__ import annotations

import os
import secrets
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

from bench.corpus import REPO
from pressroom import db
from pressroom.embedded_pg import free_port

AIRFLOW = str(Path(sys.executable).with_name("airflow"))
LOGICAL_DATE = "2026-11-01T00:00:00+00:00"


def airflow_env(home: Path, metadata_dsn: str, workers: int, extra: dict[str, str]) -> dict[str, str]:
    api_port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("AIRFLOW")}
    env.update({
        "AIRFLOW_HOME": str(home),
        "AIRFLOW__CORE__DAGS_FOLDER": str(REPO / "dags"),
        "AIRFLOW__CORE__PLUGINS_FOLDER": str(REPO / "plugins"),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
        "AIRFLOW__CORE__EXECUTOR": "LocalExecutor",
        "AIRFLOW__CORE__PARALLELISM": str(workers),
        "AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION": "False",
        "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": metadata_dsn.replace("postgresql://", "postgresql+psycopg2://", 1),
        "AIRFLOW__API_AUTH__JWT_SECRET": secrets.token_urlsafe(32),
        "AIRFLOW__API__SECRET_KEY": secrets.token_urlsafe(32),
        "AIRFLOW__API__HOST": "127.0.0.1",
        "AIRFLOW__API__PORT": str(api_port),
        "AIRFLOW__CORE__EXECUTION_API_SERVER_URL": f"http://127.0.0.1:{api_port}/execution/",
        "AIRFLOW__LOGGING__WORKER_LOG_SERVER_PORT": str(free_port()),
        "AIRFLOW__LOGGING__TRIGGER_LOG_SERVER_PORT": str(free_port()),
        "AIRFLOW__DAG_PROCESSOR__REFRESH_INTERVAL": "5",
        "AIRFLOW__SCHEDULER__SCHEDULER_HEARTBEAT_SEC": "2",
        **extra,
    })
    return env


@contextmanager
def deployment(home: Path, metadata_dsn: str, workers: int, extra: dict[str, str]) -> Iterator[dict[str, str]]:
    """Migrated metadata and the three components running; yields their environment."""
    home.mkdir(parents=True, exist_ok=True)
    env = airflow_env(home, metadata_dsn, workers, extra)
    subprocess.run([AIRFLOW, "db", "migrate"], env=env, check=True, capture_output=True, timeout=300, cwd=REPO)
    processes = []
    try:
        for name, argv in (("api-server", ["api-server", "--workers", "1"]), ("scheduler", ["scheduler"]),
                           ("dag-processor", ["dag-processor"])):
            with (home / f"{name}.log").open("wb") as log:
                processes.append(subprocess.Popen([AIRFLOW, *argv], env=env, stdout=log, stderr=subprocess.STDOUT,
                                                  stdin=subprocess.DEVNULL, cwd=REPO, start_new_session=True))
        yield env
    finally:
        for process in processes:
            _kill_group(process, signal.SIGTERM)
        for process in processes:
            try:
                process.wait(15)
            except subprocess.TimeoutExpired:
                _kill_group(process, signal.SIGKILL)
                process.wait(5)


def run_once(env: dict[str, str], metadata_dsn: str, dag_id: str, timeout: float) -> tuple[float, list, str]:
    """Trigger one run of `dag_id` once the dag-processor registered it; (wall seconds from the run's start to
    its end, [(task_id, map_index, start, end)], final state)."""
    _wait(lambda: _one(metadata_dsn, "select 1 from dag where dag_id = %s and not is_paused", dag_id), 120,
          f"{dag_id} to be registered")
    subprocess.run([AIRFLOW, "dags", "trigger", dag_id, "--logical-date", LOGICAL_DATE], env=env, check=True,
                   capture_output=True, timeout=120, cwd=REPO)
    state = _wait(lambda: (row := _one(metadata_dsn, "select state from dag_run where dag_id = %s", dag_id))
                  and row[0] in ("success", "failed") and row[0], timeout, f"the {dag_id} run")
    start, end = _one(metadata_dsn, "select start_date, end_date from dag_run where dag_id = %s", dag_id)
    with closing(db.connect(metadata_dsn)) as conn, conn, conn.cursor() as cur:
        cur.execute("select task_id, map_index, start_date, end_date from task_instance where dag_id = %s"
                    " and start_date is not null", (dag_id,))
        tasks = cur.fetchall()
    return (end - start).total_seconds(), tasks, state


def _one(dsn: str, sql: str, *params):
    with closing(db.connect(dsn)) as conn, conn, conn.cursor() as cur:
        cur.execute(sql, params)
        return cur.fetchone()


def _wait(condition, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if value := condition():
            return value
        time.sleep(1)
    raise TimeoutError(f"timed out after {timeout:.0f}s waiting for {what}")


def _kill_group(process: subprocess.Popen, sig: int) -> None:
    try:
        os.killpg(process.pid, sig)
    except ProcessLookupError:
        pass

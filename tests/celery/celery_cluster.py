"""A real CeleryExecutor deployment on loopback for tests: Redis (Debian's redis-server) as the broker,
a Postgres database for Airflow's metadata and Celery results, and the Airflow 3 components (api-server,
scheduler, dag-processor, N Celery workers), each its own process group under one working directory.

Everything is bounded: every wait has a timeout, `stop()` kills every process group it started.
"""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from pressroom.embedded_pg import free_port
from support.processes import ClusterError, ProcessGroup, wait_until

REPO = Path(__file__).resolve().parents[2]
AIRFLOW = str(Path(sys.executable).with_name("airflow"))
REDIS_APT = "apt-get install -y redis-server"


def require_redis() -> str:
    """Path of Debian's redis-server; a clear failure (not a skip) when it is missing."""
    path = shutil.which("redis-server")
    if path is None:
        raise ClusterError(f"redis-server not found: the Celery test needs it (`{REDIS_APT}`)")
    return path


def airflow_env(workdir: Path, metadata_dsn: str, extra: dict[str, str]) -> dict[str, str]:
    """Environment shared by every Airflow process of one deployment (metadata DSN is postgresql://)."""
    (workdir / "airflow").mkdir(parents=True, exist_ok=True)
    sqlalchemy_dsn = metadata_dsn.replace("postgresql://", "postgresql+psycopg2://", 1)
    env = {k: v for k, v in os.environ.items() if not k.startswith("AIRFLOW")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # without bytecode every airflow process starts ~3x slower
    env.update({
        "AIRFLOW_HOME": str(workdir / "airflow"),
        "AIRFLOW__CORE__DAGS_FOLDER": str(REPO / "dags"),
        "AIRFLOW__CORE__PLUGINS_FOLDER": str(REPO / "plugins"),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
        "AIRFLOW__CORE__PARALLELISM": "4",
        "AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION": "False",
        "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": sqlalchemy_dsn,
        "AIRFLOW__API_AUTH__JWT_SECRET": secrets.token_urlsafe(32),
        "AIRFLOW__API__SECRET_KEY": secrets.token_urlsafe(32),
        "AIRFLOW__LOGGING__WORKER_LOG_SERVER_PORT": str(free_port()),
        "AIRFLOW__LOGGING__TRIGGER_LOG_SERVER_PORT": str(free_port()),
        **extra,
    })
    return env


def run_airflow(env: dict[str, str], *args: str, timeout: float = 300) -> str:
    """One airflow CLI command; ClusterError with its output when it fails."""
    proc = subprocess.run([AIRFLOW, *args], env=env, capture_output=True, text=True, timeout=timeout, cwd=REPO)
    if proc.returncode != 0:
        raise ClusterError(f"airflow {' '.join(args)} failed ({proc.returncode}):\n"
                           f"{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
    return proc.stdout


@dataclass
class CeleryCluster:
    """Start with `start()`, always `stop()` (a context manager does both)."""

    workdir: Path
    metadata_dsn: str
    extra_env: dict[str, str] = field(default_factory=dict)
    workers: int = 2
    worker_concurrency: int = 2

    def __post_init__(self):
        self.redis_port = free_port()
        self.api_port = free_port()
        self.env = airflow_env(self.workdir, self.metadata_dsn, {
            "AIRFLOW__CORE__EXECUTOR": "CeleryExecutor",
            "AIRFLOW__CELERY__BROKER_URL": f"redis://127.0.0.1:{self.redis_port}/0",
            "AIRFLOW__CELERY__RESULT_BACKEND": "db+" + self.metadata_dsn,
            "AIRFLOW__CELERY__WORKER_CONCURRENCY": str(self.worker_concurrency),
            "AIRFLOW__API__HOST": "127.0.0.1",
            "AIRFLOW__API__PORT": str(self.api_port),
            "AIRFLOW__CORE__EXECUTION_API_SERVER_URL": f"http://127.0.0.1:{self.api_port}/execution/",
            "AIRFLOW__DAG_PROCESSOR__REFRESH_INTERVAL": "5",
            "AIRFLOW__SCHEDULER__SCHEDULER_HEARTBEAT_SEC": "2",
            **self.extra_env,
        })
        self.processes = ProcessGroup(self.workdir, self.env, REPO)

    def __enter__(self) -> CeleryCluster:
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def start(self) -> None:
        self.processes.spawn("redis", require_redis(), "--port", str(self.redis_port), "--bind", "127.0.0.1",
                             "--save", "", "--appendonly", "no", "--daemonize", "no", "--dir", str(self.workdir))
        wait_until(lambda: self._redis_ping() or self.check_alive(), 20, "redis")
        run_airflow(self.env, "db", "migrate")
        self.processes.spawn("api-server", AIRFLOW, "api-server", "--host", "127.0.0.1",
                             "--port", str(self.api_port), "--workers", "1")
        self.processes.spawn("scheduler", AIRFLOW, "scheduler", "--skip-serve-logs")
        self.processes.spawn("dag-processor", AIRFLOW, "dag-processor")
        for n in range(1, self.workers + 1):
            self.processes.spawn(f"worker{n}", AIRFLOW, "celery", "worker", "--celery-hostname", f"worker{n}@%h",
                                 "--concurrency", str(self.worker_concurrency), "--skip-serve-logs",
                                 "--pid", str(self.workdir / f"worker{n}.pid"))
        wait_until(self._api_up, 90, "the api-server")

    def stop(self) -> None:
        self.processes.stop()

    def check_alive(self) -> None:
        self.processes.check_alive()

    def logs(self, lines: int = 40) -> str:
        return self.processes.logs(lines)

    def _redis_ping(self) -> bool:
        import redis

        try:
            return redis.Redis(host="127.0.0.1", port=self.redis_port, socket_connect_timeout=1).ping()
        except redis.ConnectionError:
            return False

    def _api_up(self) -> bool:
        import requests

        self.check_alive()
        try:
            return requests.get(f"http://127.0.0.1:{self.api_port}/api/v2/version", timeout=2).ok
        except requests.ConnectionError:
            return False


"""Run the marts' dbt project (`dbt/` at the repository root) from its own virtualenv against a warehouse DSN.

dbt lives in `.venv-dbt` (its pins conflict with Airflow's), so it is run as a program, never imported. The
connection reaches `dbt/profiles.yml` through PRESSROOM_DBT_* variables (`profile_env`). Each run writes its
target and logs to a directory of its own, so runs in parallel (CLI, Airflow workers, tests) never collide.
"""

from __future__ import annotations

import logging
import os
import subprocess
import tempfile
from pathlib import Path

log = logging.getLogger(__name__)

REPO = Path(__file__).resolve().parents[3]


class DbtError(RuntimeError):
    """A dbt command failed; the message ends with dbt's own output."""


def project_dir() -> Path:
    """The dbt project (PRESSROOM_DBT_PROJECT_DIR, default `dbt/` in the repository)."""
    return Path(os.environ.get("PRESSROOM_DBT_PROJECT_DIR") or REPO / "dbt")


def executable() -> Path:
    """The dbt program of the project's dbt virtualenv (PRESSROOM_DBT_EXECUTABLE, default `.venv-dbt/bin/dbt`)."""
    return Path(os.environ.get("PRESSROOM_DBT_EXECUTABLE") or REPO / ".venv-dbt" / "bin" / "dbt")


def manifest_path() -> Path:
    """The manifest `dbt parse` writes at install time, which Cosmos renders the marts DAG from
    (PRESSROOM_DBT_MANIFEST, default `dbt/target/manifest.json`)."""
    return Path(os.environ.get("PRESSROOM_DBT_MANIFEST") or project_dir() / "target" / "manifest.json")


def profile_env(dsn: str) -> dict[str, str]:
    """The PRESSROOM_DBT_* variables `dbt/profiles.yml` reads, from a libpq DSN or URL."""
    from psycopg2.extensions import parse_dsn

    parts = parse_dsn(dsn)
    return {
        "PRESSROOM_DBT_HOST": parts.get("host") or "127.0.0.1",
        "PRESSROOM_DBT_PORT": str(parts.get("port") or 5432),
        "PRESSROOM_DBT_USER": parts.get("user") or os.environ.get("USER", "postgres"),
        "PRESSROOM_DBT_PASSWORD": parts.get("password") or "",
        "PRESSROOM_DBT_DBNAME": parts.get("dbname") or "pressroom",
    }


def run_dbt(dsn: str, *args: str, target_path: Path | None = None) -> str:
    """Run `dbt ARGS` on the project against `dsn`; returns dbt's output, raises DbtError when dbt fails.

    `target_path` keeps the artifacts (manifest, catalog, run results); by default they go to a temporary
    directory removed afterwards."""
    dbt = executable()
    if not dbt.exists():
        raise DbtError(f"{dbt} not found: run `make install` (it creates .venv-dbt from dbt/requirements.lock)")
    with tempfile.TemporaryDirectory(prefix="pressroom-dbt-") as scratch:
        command = [str(dbt), *args, "--project-dir", str(project_dir()), "--profiles-dir", str(project_dir()),
                   "--target-path", str(target_path or Path(scratch) / "target"),
                   "--log-path", str(Path(scratch) / "logs")]
        env = {**os.environ, **profile_env(dsn), "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"}
        log.info("running dbt %s", " ".join(args))
        proc = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    output = proc.stdout + proc.stderr
    if proc.returncode != 0:
        raise DbtError(f"dbt {' '.join(args)} failed (exit {proc.returncode}):\n{output[-6000:]}")
    return output

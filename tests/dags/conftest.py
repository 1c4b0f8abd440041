"""Airflow test set-up: a throwaway AIRFLOW_HOME with SQLite metadata, configured before airflow is imported.

The warehouse is the session's throwaway Postgres (tests/conftest.py); the metadata database only
holds the DagRuns of `dag.test()`.
"""

import atexit
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
AIRFLOW_HOME = Path(tempfile.mkdtemp(prefix="pressroom-test-airflow-"))
atexit.register(shutil.rmtree, AIRFLOW_HOME, ignore_errors=True)  # also when no test here needed it

os.environ.update({
    "AIRFLOW_HOME": str(AIRFLOW_HOME),
    "AIRFLOW__CORE__DAGS_FOLDER": str(REPO / "dags"),
    "AIRFLOW__CORE__PLUGINS_FOLDER": str(REPO / "plugins"),
    "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
    "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": f"sqlite:///{AIRFLOW_HOME}/airflow.db",
    "AIRFLOW__COSMOS__CACHE_DIR": str(AIRFLOW_HOME / "cosmos"),  # not /tmp/cosmos: another user may own it
})


@pytest.fixture(scope="session")
def airflow_db():
    """Airflow's metadata database, migrated once per session (removed with AIRFLOW_HOME at exit)."""
    proc = subprocess.run([str(Path(sys.executable).with_name("airflow")), "db", "migrate"],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]


@pytest.fixture
def dagbag():
    from airflow.dag_processing.dagbag import DagBag

    return DagBag(dag_folder=str(REPO / "dags"))

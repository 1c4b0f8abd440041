"""Team policy for DAG files: they import cleanly, carry owner/retries/tags/schedule, and do no I/O at parse."""

import subprocess
import sys
from pathlib import Path

from pressroom.sources import load_sources

REPO = Path(__file__).resolve().parents[2]


def test_dagbag_has_no_import_errors(dagbag):
    assert dagbag.import_errors == {}
    assert dagbag.dags


def test_one_ingest_dag_per_source(dagbag):
    expected = {f"press_ingest_{s.name}" for s in load_sources()}
    assert expected <= set(dagbag.dag_ids)


def test_ingest_dags_follow_policy(dagbag):
    for dag_id, dag in dagbag.dags.items():
        assert dag.tags, dag_id
        assert dag.max_active_runs == 1, dag_id
        assert dag.catchup is False, dag_id
        for task in dag.tasks:
            assert task.owner == "pressroom", (dag_id, task.task_id)
            assert task.retries >= 2, (dag_id, task.task_id)
            assert task.execution_timeout is not None, (dag_id, task.task_id)
        if dag_id.startswith("press_ingest_"):
            assert dag.timetable.__class__.__name__ == "CronDataIntervalTimetable", dag_id
            assert [t.task_id for t in dag.topological_sort()] == ["discover", "fetch", "extract", "normalise", "load"]
            assert {t.task_id for t in dag.tasks if t.is_mapped} == {"extract", "normalise"}


def test_disabled_sources_start_paused(dagbag):
    for source in load_sources():
        assert dagbag.dags[f"press_ingest_{source.name}"].is_paused_upon_creation is (not source.enabled)


PARSE_WITHOUT_IO = """
import socket, sys
import psycopg2

def refuse(*a, **k):
    raise AssertionError("I/O at DAG parse time")

socket.socket.connect = refuse
socket.create_connection = refuse
psycopg2.connect = refuse
import runpy
for path in sys.argv[1:]:
    runpy.run_path(path)
heavy = [m for m in ("trafilatura", "requests", "psycopg2.extras", "lxml") if m in sys.modules]
print("heavy:", heavy)
"""


def test_dag_files_touch_neither_network_nor_database_at_import():
    files = sorted(str(p) for p in (REPO / "dags").glob("*.py"))
    proc = subprocess.run([sys.executable, "-c", PARSE_WITHOUT_IO, *files], capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "heavy: []" in proc.stdout

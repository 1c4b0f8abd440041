"""The marts DAG: scheduled on the core-facts Asset, refresh → quality gate → report, and a real run over
the sample warehouse; a crossed threshold fails the quality task with the reason."""

from pathlib import Path

import pytest

from support.sample_warehouse import sample_warehouse


@pytest.fixture(scope="module")
def sample_dsn(pg_server, tmp_path_factory):
    with sample_warehouse(pg_server, tmp_path_factory.mktemp("sample")) as dsn:
        yield dsn


def test_marts_dag_runs_on_the_core_facts_asset(dagbag):
    from pressroom.airflow_tasks import CORE_FACTS

    dag = dagbag.dags["press_marts"]
    assert [t.task_id for t in dag.topological_sort()] == ["refresh", "check_quality", "write_report"]
    assert CORE_FACTS.name in str(dag.timetable.asset_condition)


def test_marts_dag_refreshes_checks_and_writes_the_report(airflow_db, dagbag, sample_dsn, tmp_path, monkeypatch):
    from airflow.sdk import DagRunState

    monkeypatch.setenv("PRESSROOM_DATABASE_URL", sample_dsn)
    monkeypatch.setenv("PRESSROOM_VAR_DIR", str(tmp_path))
    dag = dagbag.get_dag("press_marts")
    for task in dag.tasks:
        task.retries = 0
    run = dag.test()
    assert run.state == DagRunState.SUCCESS
    assert "Wadi al-Shai" in Path(tmp_path / "report" / "index.html").read_text(encoding="utf-8")


def test_crossed_threshold_fails_the_quality_task(airflow_db, dagbag, sample_dsn, tmp_path, monkeypatch):
    from airflow.sdk import DagRunState

    from pressroom.warehouse import quality

    monkeypatch.setenv("PRESSROOM_DATABASE_URL", sample_dsn)
    monkeypatch.setenv("PRESSROOM_VAR_DIR", str(tmp_path))
    monkeypatch.setitem(quality.THRESHOLDS, "unknown_place", 0.0)
    dag = dagbag.get_dag("press_marts")
    for task in dag.tasks:
        task.retries = 0
    run = dag.test()
    assert run.state == DagRunState.FAILED
    states = {ti.task_id: ti.state for ti in run.get_task_instances()}
    assert states["check_quality"] == "failed" and states["write_report"] != "success"
    assert not (tmp_path / "report" / "index.html").exists()

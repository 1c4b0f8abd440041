"""The marts DAG: the dbt project rendered by Cosmos (a task per model: the model, then its tests), scheduled on the
core-facts Asset and unpaused at creation; a real run over the sample warehouse; a normaliser error (zero
tolerance) fails the quality gate's task, red, and no report is written."""

from contextlib import closing
from pathlib import Path

import pytest

from pressroom import db
from support.sample_warehouse import sample_warehouse

MARTS = ["strike_events", "daily_strikes", "monthly_strikes", "strike_totals", "incidents", "spokesperson_quotes",
         "spokespeople", "source_freshness", "source_daily", "quality_findings", "quality_summary", "quality_checks",
         "names", "documents"]


@pytest.fixture(scope="module")
def sample_dsn(pg_server, tmp_path_factory):
    """The sample's raw/core rows and no marts yet: the DAG run builds them."""
    with sample_warehouse(pg_server, tmp_path_factory.mktemp("sample"), build_marts=False) as dsn:
        yield dsn


@pytest.fixture
def marts_dag(dagbag, sample_dsn, tmp_path, monkeypatch):
    monkeypatch.setenv("PRESSROOM_DATABASE_URL", sample_dsn)
    monkeypatch.setenv("PRESSROOM_VAR_DIR", str(tmp_path))
    dag = dagbag.get_dag("press_marts")
    for task in dag.tasks:
        task.retries = 0
    return dag


def test_marts_dag_is_the_dbt_project_on_the_core_facts_asset(dagbag):
    from pressroom.airflow_tasks import CORE_FACTS

    dag = dagbag.dags["press_marts"]
    order = [t.task_id for t in dag.topological_sort()]
    built = {t for t in order if t.endswith("_model_build") and ".stg_" not in t}  # staging: ephemeral, no task work
    assert built == {f"marts.{mart}_model_build" for mart in MARTS}
    assert order.index("marts.strike_events_model_build") < order.index("marts.daily_strikes_model_build")
    assert order[-1] == "write_report"
    assert CORE_FACTS.name in str(dag.timetable.asset_condition)
    assert dag.is_paused_upon_creation is False


def test_marts_dag_builds_tests_and_writes_the_report(airflow_db, marts_dag, sample_dsn, tmp_path):
    from airflow.sdk import DagRunState

    run = marts_dag.test()
    states = {ti.task_id: ti.state for ti in run.get_task_instances()}
    assert run.state == DagRunState.SUCCESS, states
    assert "Wadi al-Shai" in Path(tmp_path / "report" / "index.html").read_text(encoding="utf-8")
    with closing(db.connect(sample_dsn)) as conn, conn, conn.cursor() as cur:
        cur.execute("select count(*) from mart.quality_checks where failed")
        assert cur.fetchone() == (0,)
        cur.execute("select count(*) from mart.strike_events where counted_as = 'daily'")
        assert cur.fetchone()[0] > 0  # built by the run: the sample had no marts before


def test_a_normaliser_error_fails_the_quality_gate(airflow_db, marts_dag, sample_dsn, tmp_path):
    from airflow.sdk import DagRunState

    with closing(db.connect(sample_dsn)) as conn, conn, conn.cursor() as cur:
        cur.execute("insert into core.findings (document_id, check_name, severity, detail, normaliser_version)"
                    " select min(id), 'normaliser_error', 'error', 'ValueError: boom', 'test' from core.documents")
    gate = marts_dag.partial_subset(
        task_ids=["marts.quality_findings_model_build", "marts.quality_checks_model_build", "write_report"],
        include_upstream=False, include_downstream=False)
    run = gate.test()
    assert run.state == DagRunState.FAILED
    states = {ti.task_id: ti.state for ti in run.get_task_instances()}
    assert states["marts.quality_findings_model_build"] == "success"
    assert states["marts.quality_checks_model_build"] == "failed" and states["write_report"] != "success"
    assert not (tmp_path / "report" / "index.html").exists()

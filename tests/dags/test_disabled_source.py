"""sources.yaml `enabled` is the single truth: a disabled source's DAG is created paused, and a run of it
(unpaused in the UI, or triggered by hand) is skipped and fetches nothing."""

from datetime import UTC, datetime

import pytest
import yaml

from support.warehouse_rows import table_counts


@pytest.fixture
def disabled_source(tmp_path, monkeypatch, warehouse):
    sources = {"sources": [{"name": "switched_off", "kind": "urls", "start_urls": ["https://example.org/a"],
                            "enabled": False}]}
    (tmp_path / "sources.yaml").write_text(yaml.safe_dump(sources))
    monkeypatch.setenv("PRESSROOM_SOURCES_FILE", str(tmp_path / "sources.yaml"))
    monkeypatch.setenv("PRESSROOM_DATABASE_URL", warehouse)
    return warehouse


def test_run_of_a_disabled_source_is_skipped(airflow_db, disabled_source, dagbag):  # dagbag parses after the env
    from airflow.sdk import DagRunState

    dag = dagbag.get_dag("press_ingest_switched_off")
    assert dag.is_paused_upon_creation
    logical_date = datetime(2026, 11, 1, tzinfo=UTC)
    run = dag.test(logical_date=logical_date, run_after=logical_date)
    assert run.state == DagRunState.SUCCESS
    assert {ti.task_id: ti.state for ti in run.get_task_instances()}["discover"] == "skipped"
    assert table_counts(disabled_source)["raw.fetch_log"] == 0

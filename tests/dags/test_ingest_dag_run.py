"""End to end: the ingest DAG over a local HTTP server (bundled releases, the seed in a news page, bad
pages) into a throwaway Postgres; a second run of the same DagRun changes no row."""

from contextlib import closing
from datetime import UTC, datetime

import pytest
import yaml

from pressroom import db
from support.pages import BUNDLE, release_pages, seed_page
from support.warehouse_rows import table_counts


def site_pages() -> dict[str, tuple[int, str, bytes]]:
    pages = release_pages()
    pages["/english/middleeast/iraq/200620201"] = (200, "text/html; charset=utf-8", seed_page())
    pages["/empty"] = (200, "text/html", b"")
    pages["/binary"] = (200, "application/octet-stream", bytes(range(256)) * 64)
    return pages


@pytest.fixture
def e2e_source(static_site, tmp_path, monkeypatch, warehouse):
    site = static_site(site_pages())
    paths = sorted(site.pages) + ["/missing-404"]
    sources = {"sources": [{
        "name": "e2e_site", "kind": "urls", "start_urls": [site.url(p) for p in paths], "enabled": True,
        "official": False, "allow_private": True, "delay": 0, "schedule": "0 * * * *",
    }]}
    sources_file = tmp_path / "sources.yaml"
    sources_file.write_text(yaml.safe_dump(sources))
    monkeypatch.setenv("PRESSROOM_SOURCES_FILE", str(sources_file))
    monkeypatch.setenv("PRESSROOM_DATABASE_URL", warehouse)
    monkeypatch.setenv("PRESSROOM_ALLOW_PRIVATE_HOSTS", f"127.0.0.1:{site.server.server_address[1]}")
    monkeypatch.setenv("PRESSROOM_BATCH_SIZE", "4")  # several mapped extract/normalise instances
    return site, warehouse


def test_ingest_dag_end_to_end_and_idempotent(airflow_db, e2e_source, dagbag):  # dagbag parses after the env is set
    from airflow.sdk import DagRunState

    site, dsn = e2e_source
    dag = dagbag.get_dag("press_ingest_e2e_site")
    for task in dag.tasks:
        task.retries = 0  # a failure must fail the test now, not wait for a retry delay
    logical_date = datetime(2026, 11, 1, tzinfo=UTC)
    run = dag.test(logical_date=logical_date, run_after=logical_date)
    assert run.state == DagRunState.SUCCESS
    first = table_counts(dsn)
    n_bundle = len(list(BUNDLE.glob("*.html")))
    mapped = [ti for ti in run.get_task_instances() if ti.task_id == "extract"]
    assert len(mapped) == -(-(n_bundle + 1) // 4), "the bundle's and the seed's new versions in batches of 4"

    assert first["core.documents"] == n_bundle + 1
    assert first["core.strike_reports"] > n_bundle
    with closing(db.connect(dsn)) as conn, conn, conn.cursor() as cur:
        cur.execute("select url, error_class from raw.fetch_log where error_class is not null order by url")
        errors = dict(cur.fetchall())
        assert errors[site.url("/missing-404")] == "http_404"
        assert site.url("/binary") in errors
        cur.execute("select count(*) from raw.fetch_log where url = %s", (site.url("/empty"),))
        assert cur.fetchone()[0] >= 1, "an empty page is recorded"

        cur.execute(
            "select r.date_start, r.date_end, r.country, r.admin1, r.place, r.strikes_low, r.strikes_best,"
            " r.actor, r.scope, r.targets, r.evidence_text, r.evidence_start, r.evidence_end, d.text"
            " from core.strike_reports r join core.documents d on d.id = r.document_id"
            " where d.url = %s order by r.scope desc", (site.url("/english/middleeast/iraq/200620201"),))
        rows = cur.fetchall()
        event = [r for r in rows if r[8] == "event"]
        assert len(event) == 1
        e = event[0]
        assert (str(e[0]), str(e[1]), e[2], e[3], e[4], e[5], e[6], e[7]) == (
            "2020-06-19", "2020-06-19", "IQ", "Kirkuk", "Wadi al-Shai", 2, None, "coalition")
        assert {"type": "camp", "count": 3, "effect": "destroyed"} in e[9]
        assert e[13][e[11]:e[12]] == e[10], "evidence offsets slice the stored document text"
        assert [r[5] for r in rows if r[8] == "aggregate"] == [20000]
        assert not any("Khanaqin" in (r[4] or "") for r in rows)
        assert "Comments" not in rows[0][13] and "Post a comment" not in rows[0][13]

        cur.execute("select m.name, m.rank, m.role, m.organisation from core.spokesperson_mentions m"
                    " join core.documents d on d.id = m.document_id where d.url = %s",
                    (site.url("/english/middleeast/iraq/200620201"),))
        assert cur.fetchall() == [("Myles B. Caggins III", "Col.", "Coalition Spokesperson", "CJTF-OIR")]

    rerun = dag.test(logical_date=logical_date, run_after=logical_date)
    assert rerun.state == DagRunState.SUCCESS
    assert table_counts(dsn) == first, "re-running the same DagRun changes no row"

    later = dag.test(logical_date=datetime(2026, 11, 2, tzinfo=UTC), run_after=datetime(2026, 11, 2, tzinfo=UTC))
    assert later.state == DagRunState.SUCCESS
    after = table_counts(dsn)
    assert {t: c for t, c in after.items() if t != "raw.fetch_log"} == {
        t: c for t, c in first.items() if t != "raw.fetch_log"}, "a new run over unchanged pages adds no facts"

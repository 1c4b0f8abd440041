"""Source health as data: every discovery request and fetch attempt is recorded, a source that cannot be
reached at all fails its run (and `pressroom ingest`), transient fetch errors raise for a retry that fetches
only what is missing, and mart.source_freshness lists every configured source with its last error."""

from contextlib import closing

import pytest
import yaml

from pressroom import db, pipeline
from pressroom.cli import main
from pressroom.embedded_pg import free_port
from pressroom.source_health import SourceUnreachable, TransientFetchError
from pressroom.warehouse.marts import ensure_freshness_view
from support.pages import BUNDLE

PAGE = b"<html><body><p>" + b"Release text. " * 20 + b"</p></body></html>"


def freshness(dsn: str, sql: str) -> list[tuple]:
    """Rows of `sql` on mart.source_freshness, the dbt view built first (once built, it is always current)."""
    with closing(db.connect(dsn)) as conn:
        ensure_freshness_view(conn, dsn)
    return rows(dsn, sql)


def rows(dsn: str, sql: str, *params) -> list[tuple]:
    with closing(db.connect(dsn)) as conn, conn, conn.cursor() as cur:
        cur.execute(sql, params)
        return cur.fetchall()


@pytest.fixture
def configure(tmp_path, monkeypatch, warehouse):
    """Write a sources.yaml of the given entries (private addresses allowed, no delay, no retries)."""
    monkeypatch.setenv("PRESSROOM_DATABASE_URL", warehouse)
    monkeypatch.setenv("PRESSROOM_MAX_RETRIES", "0")
    monkeypatch.setenv("PRESSROOM_SOURCES_FILE", str(tmp_path / "sources.yaml"))

    def write(*entries: dict, allow_hosts: str = "") -> str:
        monkeypatch.setenv("PRESSROOM_ALLOW_PRIVATE_HOSTS", allow_hosts)
        defaults = {"allow_private": True, "delay": 0}
        (tmp_path / "sources.yaml").write_text(yaml.safe_dump({"sources": [{**defaults, **e} for e in entries]}))
        return warehouse

    return write


def test_unreachable_feed_fails_discovery_and_shows_in_freshness(configure):
    dead = f"http://127.0.0.1:{free_port()}"
    dsn = configure({"name": "dead_feed", "kind": "rss", "start_urls": [f"{dead}/rss"]},
                    {"name": "switched_off", "kind": "rss", "start_urls": [f"{dead}/other"], "enabled": False},
                    allow_hosts=dead.removeprefix("http://"))
    for run in ("r1", "r2"):
        with pytest.raises(SourceUnreachable, match=r"dead_feed.*connection_error"):
            pipeline.discover_urls("dead_feed", dsn=dsn, run_id=run)
    logged = rows(dsn, "select distinct purpose, error_class from raw.discovery_log where run_id = 'r1' order by 1")
    assert logged == [("feed", "connection_error"), ("robots", "connection_error")]
    health = freshness(dsn, "select source, enabled, health, consecutive_failed_runs, last_error_class, last_error"
                       " like '%%refused%%', last_success_at from mart.source_freshness order by source")
    assert health == [("dead_feed", True, "failing", 2, "connection_error", True, None),
                      ("switched_off", False, "never_run", 0, None, None, None)]


def test_partial_discovery_failure_is_recorded_and_the_run_goes_on(configure, static_site):
    site = static_site({"/news": (200, "text/html", b'<a href="/article/1">one</a>')})
    dsn = configure({"name": "half", "kind": "listing", "start_urls": [site.url("/news"), site.url("/gone")],
                     "max_pages": 1}, allow_hosts=f"127.0.0.1:{site.server.server_address[1]}")
    assert pipeline.discover_urls("half", dsn=dsn, run_id="r1") == [site.url("/article/1")]
    assert rows(dsn, "select purpose, error_class from raw.discovery_log where purpose <> 'robots' order by 2"
                ) == [("listing", "http_404"), ("listing", None)]
    assert freshness(dsn, "select health, consecutive_failed_runs from mart.source_freshness") == [("degraded", 0)]


def test_transient_fetch_errors_raise_and_the_retry_fetches_only_what_is_missing(configure, static_site):
    site = static_site({"/ok": (200, "text/html", PAGE), "/busy": (503, "text/html", b"busy")})
    dsn = configure({"name": "flaky", "kind": "urls", "start_urls": [site.url("/ok")]},
                    allow_hosts=f"127.0.0.1:{site.server.server_address[1]}")
    urls = [site.url("/ok"), site.url("/busy"), site.url("/missing")]
    with pytest.raises(TransientFetchError, match="1 of 3"):
        pipeline.fetch_urls(dsn, "flaky", urls, run_id="run", task_try=1, final_try=False)
    site.pages["/busy"] = (200, "text/html", PAGE.replace(b"Release", b"Statement"))
    versions = pipeline.fetch_urls(dsn, "flaky", urls, run_id="run", task_try=2, final_try=False)
    assert sorted(url for url, _ in versions) == [site.url("/busy"), site.url("/ok")]
    tries = dict(rows(dsn, "select url, task_try from raw.fetch_log where run_id = 'run'"))
    assert tries == {site.url("/ok"): 1, site.url("/busy"): 2, site.url("/missing"): 2}, \
        "the page fetched by the first try is not fetched again; the terminal 404 is recorded again"


def test_transient_errors_on_the_final_try_are_recorded_and_the_run_goes_on(configure, static_site):
    site = static_site({"/ok": (200, "text/html", PAGE), "/busy": (503, "text/html", b"busy")})
    dsn = configure({"name": "flaky", "kind": "urls", "start_urls": [site.url("/ok")]},
                    allow_hosts=f"127.0.0.1:{site.server.server_address[1]}")
    versions = pipeline.fetch_urls(dsn, "flaky", [site.url("/ok"), site.url("/busy")], run_id="run")
    assert [url for url, _ in versions] == [site.url("/ok")]
    assert rows(dsn, "select error_class from raw.fetch_log where url = %s", site.url("/busy")) == [("http_5xx",)]


def test_every_document_failing_transiently_means_unreachable(configure):
    dead = f"http://127.0.0.1:{free_port()}"
    dsn = configure({"name": "dead_list", "kind": "urls", "start_urls": [f"{dead}/a"]},
                    allow_hosts=dead.removeprefix("http://"))
    with pytest.raises(SourceUnreachable, match="none of its 2 document"):
        pipeline.fetch_urls(dsn, "dead_list", [f"{dead}/a", f"{dead}/b"], run_id="run")
    assert rows(dsn, "select count(*) from raw.fetch_log where error_class = 'connection_error'") == [(2,)]


def test_refetching_the_bundle_is_logged_every_time(configure):
    dsn = configure({"name": "bundle", "kind": "local", "path": str(BUNDLE)})
    urls = pipeline.discover_urls("bundle", dsn=dsn, run_id="first")
    assert len(pipeline.fetch_urls(dsn, "bundle", urls, run_id="first")) == len(urls)
    items = pipeline.fetch_urls(dsn, "bundle", urls, run_id="first")
    pipeline.load_documents(dsn, pipeline.normalise_documents(dsn, pipeline.extract_snapshots(dsn, items)))
    assert pipeline.fetch_urls(dsn, "bundle", urls, run_id="second") == []  # nothing left unfinished
    assert rows(dsn, "select run_id, count(*) from raw.fetch_log group by 1 order by 1") == [
        ("first", len(urls)), ("second", len(urls))]


def test_ingest_cli_exits_non_zero_for_an_unreachable_source(configure, capsys):
    dead = f"http://127.0.0.1:{free_port()}"
    dsn = configure({"name": "dead_feed", "kind": "rss", "start_urls": [f"{dead}/rss"]},
                    {"name": "switched_off", "kind": "rss", "start_urls": [f"{dead}/rss", f"{dead}/atom"],
                     "enabled": False},
                    allow_hosts=dead.removeprefix("http://"))
    assert main(["ingest"]) == 1
    assert rows(dsn, "select name, kind, enabled, start_urls from core.sources order by name") == [
        ("dead_feed", "rss", True, [f"{dead}/rss"]), ("switched_off", "rss", False, [f"{dead}/rss", f"{dead}/atom"])]
    assert "dead_feed: none of its 1 index request(s) succeeded" in capsys.readouterr().err
    assert main(["ingest", "switched_off"]) == 2
    assert "disabled in sources.yaml: switched_off" in capsys.readouterr().err
    assert main(["ingest", "switched_off", "--include-disabled"]) == 1


def test_sources_command_lists_switches_and_syncs(configure, capsys, monkeypatch):
    monkeypatch.delenv("AIRFLOW__DATABASE__SQL_ALCHEMY_CONN", raising=False)  # no Airflow: the file and core.sources
    dead = f"http://127.0.0.1:{free_port()}"
    dsn = configure({"name": "dead_feed", "kind": "rss", "start_urls": [f"{dead}/rss"], "schedule": "5 * * * *"},
                    {"name": "switched_off", "kind": "rss", "start_urls": [f"{dead}/rss"], "enabled": False},
                    allow_hosts=dead.removeprefix("http://"))
    assert main(["ingest", "dead_feed"]) == 1
    capsys.readouterr()
    assert main(["sources"]) == 0
    listing = capsys.readouterr().out.splitlines()
    assert listing[0].split() == ["source", "kind", "schedule", "enabled", "last", "success", "next", "run", "health"]
    dead_row, off_row = listing[1], listing[2]
    assert dead_row.startswith("dead_feed") and " yes " in dead_row and ":05 UTC" in dead_row
    assert "failing (connection_error, 1 failed run(s))" in dead_row
    assert off_row.startswith("switched_off") and " no " in off_row and off_row.endswith("never_run")

    assert main(["sources", "enable", "switched_off"]) == 0
    assert main(["sources", "disable", "dead_feed"]) == 0
    assert "DAG pause states follow at the next `make airflow`" in capsys.readouterr().out
    assert rows(dsn, "select name, enabled from core.sources order by name") == [
        ("dead_feed", False), ("switched_off", True)]


def test_sources_command_on_an_unmigrated_warehouse_says_what_to_do(empty_db, monkeypatch, capsys):
    monkeypatch.setenv("PRESSROOM_DATABASE_URL", empty_db)
    assert main(["sources"]) == 1
    assert capsys.readouterr().err == ("pressroom: the warehouse has no core.sources yet: run `pressroom db "
                                       "migrate`\n")

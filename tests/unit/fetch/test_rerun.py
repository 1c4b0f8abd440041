"""The fault suite end to end into raw.*: every outcome logged, good pages stored once, a re-run adds no
snapshot and a changed page adds exactly one (needs Postgres; through the storage layer)."""

from __future__ import annotations

from contextlib import closing

import pytest

from pressroom import db
from pressroom.discover import discover
from pressroom.sources import Source
from pressroom.store import raw

HTML = b"<html><body><p>Coalition strikes near Raqqa.</p></body></html>"


@pytest.fixture
def conn(warehouse):
    with closing(db.connect(warehouse)) as connection:
        yield connection


def count(conn, sql: str) -> int:
    with conn, conn.cursor() as cur:
        cur.execute(sql)
        return cur.fetchone()[0]


def run(conn, fetcher, source: Source, run_id: str) -> dict[str, str | None]:
    outcomes = {}
    for url in discover(source, fetcher):
        history = raw.url_histories(conn, [url])[url]
        result = fetcher.get(url, source=source, etag=history.etag, last_modified=history.last_modified)
        raw.record_fetch(conn, result, source=source.name, run_id=run_id)
        outcomes[url.rsplit("/", 1)[1]] = result.error_class or (
            "not_modified" if result.not_modified else "ok"
        )
    return outcomes


def test_faults_then_rerun(server, fetcher, conn):
    pages = {"a": HTML, "b": HTML + b"<!-- b -->"}

    def conditional(h, n):
        if h.headers.get("If-None-Match") == '"e1"':
            h.respond(304, b"")
        else:
            h.respond(200, HTML + b"<!-- etagged -->", headers={"ETag": '"e1"'})

    urls = [
        server.route("/doc/a", lambda h, n: h.respond(200, pages["a"])),
        server.route("/doc/b", lambda h, n: h.respond(200, pages["b"])),
        server.route("/doc/etagged", conditional),
        server.route("/doc/flaky", lambda h, n: h.respond(500, b"") if n == 1 else h.respond(200, HTML)),
        server.base + "/doc/missing",
        server.route("/doc/reset", lambda h, n: h.reset()),
        server.page("/doc/pdf", b"%PDF-1.4", "application/pdf"),
    ]
    source = Source(name="faults", kind="urls", start_urls=tuple(urls), delay=0)

    first = run(conn, fetcher, source, "run-1")
    assert first == {
        "a": "ok",
        "b": "ok",
        "etagged": "ok",
        "flaky": "ok",
        "missing": "http_404",
        "reset": "connection_error",
        "pdf": "not_html",
    }
    assert count(conn, "select count(*) from raw.snapshots") == 3  # flaky's body equals a's: one snapshot
    logged = count(conn, "select count(*) from raw.fetch_log")
    assert logged == 1 + 1 + 1 + 2 + 1 + 3 + 1  # one row per attempt

    pages["b"] = HTML + b"<!-- b, corrected -->"
    second = run(conn, fetcher, source, "run-2")
    assert second["etagged"] == "not_modified"
    assert count(conn, "select count(*) from raw.snapshots") == 4  # only b's new version
    assert count(conn, "select count(*) from raw.fetch_log where run_id = 'run-1'") == logged

    rerun_same_try = run(conn, fetcher, source, "run-2")
    assert rerun_same_try["a"] == "ok"
    assert count(conn, "select count(*) from raw.snapshots") == 4


def test_a_run_exported_as_warc_replays_offline(server, fetcher, conn, tmp_path):
    from pressroom.fetch.warc import write_warc
    from pressroom.store.state import run_snapshots

    urls = [server.page(f"/doc/{name}", HTML + name.encode()) for name in ("a", "b")]
    source = Source(name="live", kind="urls", start_urls=(*urls, server.base + "/doc/missing"), delay=0)
    run(conn, fetcher, source, "run-1")
    run(conn, fetcher, source, "run-2")

    path = tmp_path / "run-1.warc.gz"
    with path.open("wb") as out:
        assert write_warc(run_snapshots(conn, "run-1"), out) == 2

    replay = Source(name="replay", kind="warc", path=str(path))
    assert discover(replay, fetcher) == urls
    assert [fetcher.get(u, source=replay).body for u in urls] == [HTML + b"a", HTML + b"b"]

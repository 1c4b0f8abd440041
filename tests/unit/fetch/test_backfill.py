"""Archive back-fill: resumable via raw.backfill_cursors, skipping URLs already stored (needs Postgres)."""

from __future__ import annotations

from contextlib import closing
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from pressroom import db
from pressroom.discover import plan_backfill
from pressroom.models import Attempt, FetchResult
from pressroom.sources import Source
from pressroom.store import raw
from pressroom.store.state import BackfillCursor, load_cursor, save_cursor

FIXTURES = Path(__file__).parents[2] / "fixtures" / "http"


@pytest.fixture
def archive(server) -> Source:
    for number, name in ((1, "listing_page1.html"), (2, "listing_page2.html")):
        server.page(f"/releases/?page={number}", (FIXTURES / name).read_bytes())
    return Source(
        name="test_archive",
        kind="archive",
        archive_url=server.base + "/releases/?page={page}",
        allow=(r"/releases/article/\d+/",),
        backfill_until=date(2020, 1, 1),
        delay=0,
    )


@pytest.fixture
def conn(warehouse):
    with closing(db.connect(warehouse)) as connection:
        yield connection


def store(conn, url: str) -> None:
    body = f"<html><body>{url}</body></html>".encode()
    raw.record_fetch(
        conn,
        FetchResult(
            url=url,
            final_url=url,
            status=200,
            fetched_at=datetime.now(UTC),
            body=body,
            attempts=[Attempt(attempt=1, status=200, bytes=len(body))],
        ),
        source="test_archive",
        run_id="run-1",
    )


def test_backfill_resumes_from_the_saved_cursor_and_stops_at_the_date(server, fetcher, archive, conn):
    first = plan_backfill(archive, fetcher, conn, pages=1)
    assert [u.rsplit("/article/", 1)[1] for u in first.urls] == [
        "3001/strikes-in-syria/",
        "3002/raid-in-iraq/",
    ]
    assert (first.cursor.next_page, first.cursor.done) == (2, False)
    assert load_cursor(conn, archive.name) is None  # nothing saved until the caller stored the URLs

    for url in first.urls:
        store(conn, url)
    save_cursor(conn, first.cursor)
    second = plan_backfill(archive, fetcher, conn, pages=5)
    assert [u.rsplit("/article/", 1)[1] for u in second.urls] == ["1501/baghuz/"]
    assert second.cursor == BackfillCursor(archive.name, 3, date(2019, 3, 23), True, 2)
    assert server.hits("/releases/?page=1") == 1 and server.hits("/releases/?page=3") == 0

    save_cursor(conn, second.cursor)
    assert plan_backfill(archive, fetcher, conn).urls == []
    assert load_cursor(conn, archive.name) == second.cursor


def test_unsaved_run_is_walked_again_without_refetching_what_is_stored(fetcher, archive, conn):
    failed_run = plan_backfill(archive, fetcher, conn, pages=1)
    store(conn, failed_run.urls[0])

    rerun = plan_backfill(archive, fetcher, conn, pages=1)

    assert rerun.urls == failed_run.urls[1:] and rerun.cursor == failed_run.cursor


def test_a_failing_page_is_not_skipped(server, fetcher, archive, conn):
    server.route("/releases/?page=2", lambda h, n: h.respond(503, b""))

    plan = plan_backfill(archive, fetcher, conn, pages=5)

    assert (plan.cursor.next_page, plan.cursor.done, plan.cursor.pages_walked) == (2, False, 1)


def test_cursor_round_trips_through_json():
    cursor = BackfillCursor("s", 7, date(2019, 3, 23), True, 6)
    assert BackfillCursor.from_dict(cursor.as_dict()) == cursor

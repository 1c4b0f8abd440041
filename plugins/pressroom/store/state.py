"""Fetch state kept in the warehouse: back-fill cursors, already-stored URLs, the per-host schedule and slots
shared by every worker (`fetch.pg_limiter`), and the snapshots of a run (for WARC export)."""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from pressroom.models import FetchResult

from .statements import sql


@dataclass(frozen=True)
class BackfillCursor:
    """Where a source's archive walk resumes. JSON-friendly via `as_dict` / `from_dict` (for XCom)."""

    source: str
    next_page: int
    oldest_seen: date | None = None
    done: bool = False
    pages_walked: int = 0

    def as_dict(self) -> dict:
        return {
            "source": self.source,
            "next_page": self.next_page,
            "done": self.done,
            "oldest_seen": self.oldest_seen.isoformat() if self.oldest_seen else None,
            "pages_walked": self.pages_walked,
        }

    @classmethod
    def from_dict(cls, data: dict) -> BackfillCursor:
        oldest = data.get("oldest_seen")
        return cls(
            source=data["source"],
            next_page=int(data["next_page"]),
            done=bool(data.get("done")),
            oldest_seen=date.fromisoformat(oldest) if oldest else None,
            pages_walked=int(data.get("pages_walked", 0)),
        )


def load_cursor(conn, source: str) -> BackfillCursor | None:
    with conn, conn.cursor() as cur:
        cur.execute(
            "select next_page, oldest_seen, done, pages_walked from raw.backfill_cursors where source = %s",
            (source,),
        )
        row = cur.fetchone()
    return BackfillCursor(source, row[0], row[1], row[2], row[3]) if row else None


def save_cursor(conn, cursor: BackfillCursor) -> None:
    """Store the cursor (one transaction); call it once the URLs discovered up to it are stored."""
    with conn, conn.cursor() as cur:
        cur.execute(sql("state_save_cursor"),
                    (cursor.source, cursor.next_page, cursor.oldest_seen, cursor.done, cursor.pages_walked))


def stored_urls(conn, urls: list[str]) -> set[str]:
    """Those of `urls` that already have a stored snapshot (so a back-fill need not fetch them again)."""
    if not urls:
        return set()
    with conn, conn.cursor() as cur:
        cur.execute(
            "select distinct url from raw.fetch_log where snapshot_sha256 is not null and url = any(%s)",
            (list(urls),),
        )
        return {row[0] for row in cur.fetchall()}


def run_snapshots(conn, run_id: str) -> Iterator[FetchResult]:
    """The bodies stored by one run (from raw.fetch_log + raw.snapshots), as FetchResults for
    `pressroom.fetch.warc.write_warc`; streamed with a server-side cursor."""
    with conn, conn.cursor(name="run_snapshots") as cur:
        cur.execute(sql("state_run_snapshots"), (run_id,))
        for url, final_url, status, fetched_at, headers, content_type, encoding, body_gz in cur:
            yield FetchResult(
                url=url,
                final_url=final_url,
                status=status,
                fetched_at=fetched_at,
                body=gzip.decompress(bytes(body_gz)),
                headers=dict(headers or {}),
                content_type=content_type,
                encoding=encoding,
            )


def reserve_host_start(conn, host: str, delay: float) -> float:
    """Reserve the next start time of a request to `host` (database clock); returns seconds to wait for it."""
    with conn.cursor() as cur:
        cur.execute(sql("state_reserve_host_start"), {"host": host, "delay": float(delay)})
        return cur.fetchone()[0]


def try_lock_host_slot(conn, host: str, slot: int) -> bool:
    """Take one of `host`'s concurrency slots (a session advisory lock, released if the worker dies)."""
    with conn.cursor() as cur:
        cur.execute("select pg_try_advisory_lock(hashtext(%s), %s)", (host, slot))
        return cur.fetchone()[0]


def unlock_host_slot(conn, host: str, slot: int) -> None:
    with conn.cursor() as cur:
        cur.execute("select pg_advisory_unlock(hashtext(%s), %s)", (host, slot))

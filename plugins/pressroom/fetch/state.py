"""Database helpers for fetching (psycopg2 connections): back-fill cursors, already-stored URLs, and the
snapshots of a run (for WARC export)."""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from pressroom.models import FetchResult


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
        cur.execute(
            "insert into raw.backfill_cursors (source, next_page, oldest_seen, done, pages_walked)"
            " values (%s, %s, %s, %s, %s) on conflict (source) do update set next_page = excluded.next_page,"
            " oldest_seen = excluded.oldest_seen, done = excluded.done, pages_walked = excluded.pages_walked,"
            " updated_at = now()",
            (cursor.source, cursor.next_page, cursor.oldest_seen, cursor.done, cursor.pages_walked),
        )


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
        cur.execute(
            "select distinct on (l.url, s.sha256) l.url, coalesce(l.final_url, s.final_url), s.status,"
            " l.fetched_at, s.headers, s.content_type, s.encoding, s.body_gz"
            " from raw.fetch_log l join raw.snapshots s on s.sha256 = l.snapshot_sha256"
            " where l.run_id = %s order by l.url, s.sha256, l.fetched_at",
            (run_id,),
        )
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

"""raw.*: page bodies (raw.snapshots, immutable, one row per distinct body) and every document request
(raw.fetch_log), written per batch: COPY into staging tables, then one upsert each, in one transaction; every
discovery request (raw.discovery_log: feeds, sitemaps, listings, archive pages, robots.txt), appended."""

from __future__ import annotations

import gzip
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from pressroom.models import FetchResult, Request

from .statements import copy_rows, sql

KEPT_HEADERS = ("content-type", "etag", "last-modified", "content-language", "date", "server")
# gzip level of stored bodies, chosen by measurement (`make bench`, docs/benchmarks.md "Load throughput"): on
# the corpus pages level 3 costs less than half of level 6's CPU per page for ~12 % more bytes; level 1 saves
# little more CPU for another 6 % of bytes.
GZIP_LEVEL = 3
SNAPSHOT_COLUMNS = ("sha256", "url", "final_url", "source", "fetched_at", "status", "content_type", "encoding",
                    "headers", "size_bytes", "body_gz")
FETCH_LOG_COLUMNS = ("run_id", "task_try", "source", "url", "attempt", "status", "error_class", "error", "bytes",
                     "elapsed_ms", "final_url", "redirects", "etag", "last_modified", "not_modified",
                     "snapshot_sha256", "fetched_at")
DISCOVERY_LOG_COLUMNS = ("run_id", "task_try", "source", "purpose", "url", "status", "error_class", "error",
                         "attempts", "elapsed_ms", "requested_at")


@dataclass(frozen=True)
class UrlHistory:
    """What the warehouse knows of a URL before fetching it: validators for a conditional GET and the
    snapshots already stored as its document versions (or extraction failures)."""

    etag: str | None = None
    last_modified: str | None = None
    versions: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Snapshot:
    """A stored body with the fetch that brought it: `source` and `fetched_at` are of the fetch log
    (the source that fetched this URL, first time), not of whichever URL stored the bytes first."""

    sha256: str
    url: str
    source: str
    fetched_at: datetime
    last_fetched_at: datetime
    content_type: str | None
    encoding: str | None
    body: bytes


def url_histories(conn, urls: Sequence[str]) -> dict[str, UrlHistory]:
    """One look-up for a batch of URLs; URLs never fetched get an empty history."""
    histories = dict.fromkeys(urls, UrlHistory())
    if not urls:
        return histories
    with conn, conn.cursor() as cur:
        cur.execute(sql("raw_url_histories"), {"urls": list(urls)})
        for url, etag, last_modified, versions in cur:
            histories[url] = UrlHistory(etag, last_modified, frozenset(versions))
    return histories


def record_fetches(conn, results: Sequence[FetchResult], *, source: str, run_id: str,
                   task_try: int = 1) -> list[str | None]:
    """Store the bodies as snapshots (new ones only) and one fetch-log row per attempt of every result, in one
    transaction; a body fetched again marks its document version as the URL's current one. Any kind of request
    (page, listing, robots.txt) can be recorded. Returns each result's snapshot sha256, or None without a body."""
    shas = [result.sha256 if result.ok else None for result in results]
    with conn, conn.cursor() as cur:
        cur.execute("select sha256 from raw.snapshots where sha256 = any(%s)", ([s for s in shas if s],))
        stored = {row[0] for row in cur.fetchall()}
        cur.execute(sql("raw_create_staging"))
        new_bodies = []
        for result, sha in zip(results, shas, strict=True):
            if sha and sha not in stored:
                stored.add(sha)
                new_bodies.append(_snapshot_row(result, sha, source))
        copy_rows(cur, "staging_snapshots", SNAPSHOT_COLUMNS, new_bodies)
        copy_rows(cur, "staging_fetch_log", FETCH_LOG_COLUMNS,
                  (row for result, sha in zip(results, shas, strict=True)
                   for row in fetch_log_rows(result, sha, source=source, run_id=run_id, task_try=task_try)))
        cur.execute(sql("raw_merge_staging"))
    return shas


def record_fetch(conn, result: FetchResult, *, source: str, run_id: str, task_try: int = 1) -> str | None:
    """`record_fetches` for one result."""
    return record_fetches(conn, [result], source=source, run_id=run_id, task_try=task_try)[0]


def record_requests(conn, requests: Sequence[Request], *, source: str, run_id: str, task_try: int = 1) -> None:
    """Append discovery requests with their outcomes to raw.discovery_log (one COPY)."""
    if not requests:
        return
    with conn, conn.cursor() as cur:
        copy_rows(cur, "raw.discovery_log", DISCOVERY_LOG_COLUMNS, (
            (run_id, task_try, source, r.purpose, r.url, r.status, r.error_class, r.error, r.attempts,
             r.elapsed_ms, r.requested_at) for r in requests))


def fetched_in_run(conn, run_id: str, source: str) -> dict[str, str | None]:
    """URLs this run already fetched without error (an earlier task try), with the stored body (None: 304)."""
    with conn, conn.cursor() as cur:
        cur.execute(sql("raw_fetched_in_run"), {"run_id": run_id, "source": source})
        return dict(cur.fetchall())


def fetch_log_rows(result: FetchResult, sha: str | None, *, source: str, run_id: str, task_try: int) -> list[tuple]:
    """The fetch-log rows (FETCH_LOG_COLUMNS) of one result: one per attempt; the last carries the outcome."""
    headers = kept_headers(result)
    last = len(result.attempts)
    return [
        (run_id, task_try, source, result.url, a.attempt, a.status, a.error_class, a.error, a.bytes,
         a.elapsed_ms, a.final_url or result.final_url,
         result.redirects if a.attempt == last else [],
         a.etag or (headers.get("etag") if a.attempt == last else None),
         headers.get("last-modified") if a.attempt == last else None,
         result.not_modified and a.attempt == last, sha if a.attempt == last else None, result.fetched_at)
        for a in result.attempts
    ]


def kept_headers(result: FetchResult) -> dict[str, str]:
    return {k.lower(): v for k, v in result.headers.items() if k.lower() in KEPT_HEADERS}


def _snapshot_row(result: FetchResult, sha: str, source: str) -> tuple:
    import json

    return (sha, result.url, result.final_url, source, result.fetched_at, result.status, result.content_type,
            result.encoding, json.dumps(kept_headers(result)), len(result.body),
            gzip.compress(result.body, GZIP_LEVEL, mtime=0))


def load_snapshots(conn, versions: Sequence[Sequence[str]]) -> list[Snapshot]:
    """The stored bodies of [url, sha256] pairs (one query), with the source and times of their fetches.
    Raises LookupError when a snapshot is not stored."""
    if not versions:
        return []
    urls, shas = zip(*((url, sha) for url, sha in versions), strict=True)
    with conn, conn.cursor() as cur:
        cur.execute(sql("raw_load_snapshots"), {"urls": list(urls), "shas": list(shas)})
        found = {(row[1], row[0]): row for row in cur.fetchall()}
    snapshots = []
    for url, sha in versions:
        row = found.get((url, sha))
        if row is None:
            raise LookupError(f"snapshot {sha} not found")
        _, _, source, fetched_at, last_fetched_at, content_type, encoding, body_gz = row
        snapshots.append(Snapshot(sha, url, source, fetched_at, last_fetched_at, content_type, encoding,
                                  gzip.decompress(bytes(body_gz))))
    return snapshots

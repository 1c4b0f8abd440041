"""The only module that writes the warehouse from Python. Functions take a psycopg2 connection,
do one logical write per transaction and return what they wrote. Natural keys make every write
idempotent: a re-run inserts nothing twice and loses nothing.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
from dataclasses import dataclass
from datetime import datetime

from .models import ExtractedDoc, FetchResult

log = logging.getLogger(__name__)

KEPT_HEADERS = ("content-type", "etag", "last-modified", "content-language", "date", "server")


@dataclass(frozen=True)
class Snapshot:
    sha256: str
    url: str
    source: str
    fetched_at: datetime
    content_type: str | None
    encoding: str | None
    body: bytes


# --- raw -----------------------------------------------------------------------------------------


def record_fetch(conn, result: FetchResult, *, source: str, run_id: str, task_try: int = 1) -> str | None:
    """Store the body as an immutable snapshot (if any) and one fetch-log row per attempt.

    Returns the snapshot sha256 when a body was stored or already present, else None.
    """
    sha = result.sha256 if result.ok else None
    headers = {k.lower(): v for k, v in result.headers.items() if k.lower() in KEPT_HEADERS}
    attempts = result.attempts or []
    with conn, conn.cursor() as cur:
        if sha:
            cur.execute(
                "insert into raw.snapshots (sha256, url, final_url, source, fetched_at, status, content_type,"
                " encoding, headers, size_bytes, body_gz) values (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"
                " on conflict (sha256) do nothing",
                (sha, result.url, result.final_url, source, result.fetched_at, result.status, result.content_type,
                 result.encoding, json.dumps(headers), len(result.body), gzip.compress(result.body, 6)),
            )
        last = len(attempts)
        rows = [
            (run_id, task_try, source, result.url, a.attempt, a.status, a.error_class, a.error, a.bytes,
             a.elapsed_ms, a.final_url or result.final_url,
             result.redirects if a.attempt == last else [],
             a.etag or (headers.get("etag") if a.attempt == last else None),
             headers.get("last-modified") if a.attempt == last else None,
             result.not_modified and a.attempt == last, sha if a.attempt == last else None, result.fetched_at)
            for a in attempts
        ]
        if rows:
            from psycopg2.extras import execute_values

            execute_values(
                cur,
                "insert into raw.fetch_log (run_id, task_try, source, url, attempt, status, error_class, error,"
                " bytes, elapsed_ms, final_url, redirects, etag, last_modified, not_modified, snapshot_sha256,"
                " fetched_at) values %s on conflict (run_id, url, attempt) do update set"
                " (task_try, status, error_class, error, bytes, elapsed_ms, final_url, redirects, etag,"
                " last_modified, not_modified, snapshot_sha256, fetched_at) = (excluded.task_try,"
                " excluded.status, excluded.error_class, excluded.error, excluded.bytes, excluded.elapsed_ms,"
                " excluded.final_url, excluded.redirects, excluded.etag, excluded.last_modified,"
                " excluded.not_modified, excluded.snapshot_sha256, excluded.fetched_at)",
                rows,
            )
    return sha


def latest_validators(conn, url: str) -> tuple[str | None, str | None]:
    """ETag and Last-Modified of the newest successful fetch of `url`, for a conditional GET."""
    with conn, conn.cursor() as cur:
        cur.execute(
            "select etag, last_modified from raw.fetch_log where url = %s and snapshot_sha256 is not null"
            " order by fetched_at desc limit 1",
            (url,),
        )
        row = cur.fetchone()
    return (row[0], row[1]) if row else (None, None)


def fetched_in_run(conn, run_id: str, source: str) -> dict[str, str | None]:
    """URLs this run already fetched successfully (an earlier task try), with the stored snapshot (None: 304)."""
    with conn, conn.cursor() as cur:
        cur.execute(
            "select url, snapshot_sha256 from raw.fetch_log where run_id = %s and source = %s"
            " and error_class is null",
            (run_id, source),
        )
        return dict(cur.fetchall())


def stored_shas(conn, url: str) -> set[str]:
    """Snapshots already stored as document versions (or failures) of `url`."""
    with conn, conn.cursor() as cur:
        cur.execute(
            "select snapshot_sha256 from core.documents where url = %s"
            " union select snapshot_sha256 from core.extraction_failures where url = %s",
            (url, url),
        )
        return {row[0] for row in cur.fetchall()}


def load_snapshot(conn, sha256: str, url: str) -> Snapshot:
    with conn, conn.cursor() as cur:
        cur.execute(
            "select source, fetched_at, content_type, encoding, body_gz from raw.snapshots where sha256 = %s",
            (sha256,),
        )
        row = cur.fetchone()
    if row is None:
        raise LookupError(f"snapshot {sha256} not found")
    return Snapshot(sha256, url, row[0], row[1], row[2], row[3], gzip.decompress(bytes(row[4])))


# --- core ----------------------------------------------------------------------------------------


def upsert_document(conn, snap: Snapshot, doc: ExtractedDoc) -> int:
    """One document version per (url, snapshot); re-extraction updates it in place. Returns its id."""
    with conn, conn.cursor() as cur:
        cur.execute("select pg_advisory_xact_lock(hashtext(%s))", (snap.url,))
        cur.execute(
            "insert into core.documents (source, url, snapshot_sha256, version, title, published, text,"
            " text_sha256, sitename, language, extractor, extractor_version, fetched_at)"
            " values (%s, %s, %s, (select coalesce(max(version), 0) + 1 from core.documents where url = %s),"
            " %s, %s, %s, %s, %s, %s, %s, %s, %s)"
            " on conflict (url, snapshot_sha256) do update set title = excluded.title,"
            " published = excluded.published, text = excluded.text, text_sha256 = excluded.text_sha256,"
            " sitename = excluded.sitename, language = excluded.language, extractor = excluded.extractor,"
            " extractor_version = excluded.extractor_version, extracted_at = now()"
            " returning id",
            (snap.source, snap.url, snap.sha256, snap.url, doc.title, doc.published, doc.text,
             hashlib.sha256(doc.text.encode()).hexdigest(), doc.sitename, doc.language, doc.extractor,
             doc.extractor_version, snap.fetched_at),
        )
        return cur.fetchone()[0]


def record_extraction_failure(conn, snap: Snapshot, reason: str, extractor_version: str | None = None) -> None:
    with conn, conn.cursor() as cur:
        cur.execute(
            "insert into core.extraction_failures (snapshot_sha256, url, source, reason, extractor_version)"
            " values (%s, %s, %s, %s, %s) on conflict (snapshot_sha256, url) do update"
            " set reason = excluded.reason, extractor_version = excluded.extractor_version, recorded_at = now()",
            (snap.sha256, snap.url, snap.source, reason, extractor_version),
        )


def document_text(conn, document_id: int) -> tuple[str, str | None, object]:
    """(text, title, published) of a stored document version."""
    with conn, conn.cursor() as cur:
        cur.execute("select text, title, published from core.documents where id = %s", (document_id,))
        row = cur.fetchone()
    if row is None:
        raise LookupError(f"document {document_id} not found")
    return row


def save_analysis(conn, document_id: int, normaliser_version: str, result: dict) -> None:
    with conn, conn.cursor() as cur:
        cur.execute(
            "insert into core.analyses (document_id, normaliser_version, result) values (%s, %s, %s)"
            " on conflict (document_id) do update set normaliser_version = excluded.normaliser_version,"
            " result = excluded.result, analysed_at = now()",
            (document_id, normaliser_version, json.dumps(result, ensure_ascii=False)),
        )

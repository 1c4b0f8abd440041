"""core.*: document versions, extraction failures, analyses and refused documents, written per batch."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import date

from pressroom.models import ExtractedDoc

from .facts import FINDING_COLUMNS, MENTION_COLUMNS, REPORT_COLUMNS, PreparedAnalysis, prepare_analysis
from .raw import Snapshot
from .statements import copy_rows, sql

ANALYSIS_COLUMNS = ("document_id", "normaliser_version", "result", "refused_reason")
DOCUMENT_COLUMNS = ("source", "url", "snapshot_sha256", "title", "published", "text", "text_sha256", "sitename",
                    "language", "extractor", "extractor_version", "fetched_at", "last_fetched_at")


def write_documents(conn, extracted: Sequence[tuple[Snapshot, ExtractedDoc]]) -> list[int]:
    """One document version per (url, snapshot): new ones get the URL's next version numbers, re-extracted
    ones are updated in place; one transaction. Returns the ids in the order given."""
    if not extracted:
        return []
    with conn, conn.cursor() as cur:
        # versions are numbered per URL: writers of the same URLs take turns (sorted: no deadlock)
        cur.execute("select pg_advisory_xact_lock(hashtext(u)) from unnest(%s::text[]) as u order by u",
                    (sorted({snap.url for snap, _ in extracted}),))
        cur.execute(sql("core_create_staging_documents"))
        copy_rows(cur, "staging_documents", ("seq", *DOCUMENT_COLUMNS), (
            (seq, snap.source, snap.url, snap.sha256, doc.title, doc.published, doc.text,
             hashlib.sha256(doc.text.encode()).hexdigest(), doc.sitename, doc.language, doc.extractor,
             doc.extractor_version, snap.fetched_at, snap.last_fetched_at)
            for seq, (snap, doc) in enumerate(extracted)))
        cur.execute(sql("core_merge_documents"))
        ids = dict(cur.fetchall())
    return [ids[seq] for seq in range(len(extracted))]


def record_extraction_failures(conn, failures: Sequence[tuple[Snapshot, str]],
                               extractor_version: str | None = None) -> None:
    """Snapshots that gave no usable text, with the reason (re-recording updates the reason)."""
    if not failures:
        return
    from psycopg2.extras import execute_values

    with conn, conn.cursor() as cur:
        execute_values(cur, sql("core_upsert_extraction_failures"),
                       [(snap.sha256, snap.url, snap.source, reason, extractor_version) for snap, reason in failures])


def document_texts(conn, document_ids: Sequence[int]) -> dict[int, tuple[str, str | None, date | None, date]]:
    """{id: (text, title, published, fetched date)} of stored document versions; LookupError for unknown ids."""
    with conn, conn.cursor() as cur:
        cur.execute("select id, text, title, published, fetched_at::date from core.documents where id = any(%s)",
                    (list(document_ids),))
        texts = {row[0]: row[1:] for row in cur.fetchall()}
    missing = sorted(set(document_ids) - texts.keys())
    if missing:
        raise LookupError(f"document(s) {missing} not found")
    return texts


def write_analyses(conn, analyses: Sequence[PreparedAnalysis]) -> None:
    """Store prepared analyses (contract JSON, and fact rows in the core.prepared_* tables), replacing earlier
    ones; their facts become due for loading again. Clears an earlier normaliser failure."""
    if not analyses:
        return
    with conn, conn.cursor() as cur:
        cur.execute(sql("core_create_staging_analyses"))
        copy_rows(cur, "staging_analyses", ANALYSIS_COLUMNS,
                  ((a.document_id, a.normaliser_version, a.result_json, a.refused_reason) for a in analyses))
        cur.execute(sql("core_merge_analyses"))
        for table, columns, rows in (("core.prepared_strike_reports", REPORT_COLUMNS, "strike_reports"),
                                     ("core.prepared_findings", FINDING_COLUMNS, "findings"),
                                     ("core.prepared_spokesperson_mentions", MENTION_COLUMNS, "mentions")):
            copy_rows(cur, table, columns, (row for a in analyses for row in getattr(a, rows)))


def save_analysis(conn, document_id: int, normaliser_version: str, result: dict) -> None:
    """Prepare and store one analysis (tests, imports); ValueError when jsonb cannot hold it."""
    text, _, _, fetched = document_texts(conn, [document_id])[document_id]
    write_analyses(conn, [prepare_analysis(document_id, normaliser_version, result, text_length=len(text),
                                           fetched=fetched)])


def record_document_failures(conn, stage: str, failures: Sequence[tuple[int, str, str]]) -> None:
    """Quarantine (document id, normaliser version, reason) at `stage` (normalise or load)."""
    if not failures:
        return
    from psycopg2.extras import execute_values

    with conn, conn.cursor() as cur:
        execute_values(cur, sql("core_upsert_document_failures"),
                       [(i, stage, version, reason) for i, version, reason in failures])


def all_document_ids(conn) -> list[int]:
    """Every stored document version, oldest first."""
    with conn, conn.cursor() as cur:
        cur.execute("select id from core.documents order by id")
        return [row[0] for row in cur.fetchall()]

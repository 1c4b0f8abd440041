"""The ingest stages as plain functions: discover → fetch → extract → normalise → load.

Each stage opens its own connection from a DSN, reads its inputs from the warehouse by id and returns
ids or counts only (what Airflow passes through XCom). Bad documents are recorded and skipped; only
infrastructure errors (database, bugs in the stage itself) raise.
"""

from __future__ import annotations

import logging
from contextlib import closing, contextmanager

from . import db, load
from .load_facts import replace_facts_batch
from .models import ExtractionFailure
from .settings import get_settings

log = logging.getLogger(__name__)


def discover_urls(source_name: str, *, limit: int | None = None) -> list[str]:
    from .discover import discover
    from .fetch import Fetcher
    from .sources import get_source

    source = get_source(source_name)
    urls = discover(source, Fetcher(), limit=limit)
    log.info("source %s: discovered %d urls", source_name, len(urls))
    return urls


def fetch_urls(dsn: str, source_name: str, urls: list[str], *, run_id: str, task_try: int = 1) -> list[list[str]]:
    """Fetch each URL and store it; returns [url, sha256] of bodies that are new versions of their URL."""
    from .sources import get_source

    source = get_source(source_name)
    new_versions, outcomes = [], {"new": 0, "unchanged": 0, "failed": 0}
    with closing(db.connect(dsn)) as conn, _fetcher(dsn) as fetcher:
        for url in urls:
            etag, last_modified = load.latest_validators(conn, url)
            result = fetcher.get(url, source=source, etag=etag, last_modified=last_modified)
            known = load.stored_shas(conn, url)
            if source.kind == "local" and result.ok and result.sha256 in known:
                outcomes["unchanged"] += 1  # an archived file already stored: nothing to log or load
                continue
            sha = load.record_fetch(conn, result, source=source_name, run_id=run_id, task_try=task_try)
            if sha and sha not in known:
                new_versions.append([url, sha])
                outcomes["new"] += 1
            elif result.error_class:
                outcomes["failed"] += 1
                log.warning("fetch %s: %s (%s)", url, result.error_class, result.error)
            else:
                outcomes["unchanged"] += 1
    log.info("source %s: fetched %d urls: %s", source_name, len(urls), outcomes)
    return new_versions


@contextmanager
def _fetcher(dsn: str):
    """A Fetcher whose per-host politeness is held in-process, or across workers in the warehouse when
    PRESSROOM_HOST_LIMITER=postgres (Celery / several LocalExecutor processes)."""
    from .fetch import Fetcher

    if get_settings().host_limiter != "postgres":
        yield Fetcher()
        return
    from .fetch.pg_limiter import PostgresHostLimiter

    limiter = PostgresHostLimiter(dsn)
    try:
        yield Fetcher(limiter=limiter)
    finally:
        limiter.close()


def extract_snapshots(dsn: str, versions: list[list[str]]) -> list[int]:
    """Extract text from each stored snapshot into core.documents; returns the document ids."""
    from .analysis import extract_document

    ids = []
    with closing(db.connect(dsn)) as conn:
        for url, sha in versions:
            snap = load.load_snapshot(conn, sha, url)
            doc = extract_document(snap.body, content_type=snap.content_type, url=url, encoding=snap.encoding,
                                   reference_date=snap.fetched_at.date())
            if isinstance(doc, ExtractionFailure):
                load.record_extraction_failure(conn, snap, doc.reason)
                log.warning("extract %s: %s", url, doc.reason)
                continue
            ids.append(load.upsert_document(conn, snap, doc))
    log.info("extracted %d of %d snapshots", len(ids), len(versions))
    return ids


def normalise_documents(dsn: str, document_ids: list[int]) -> list[int]:
    """Run the normaliser on each document's text and store the result in core.analyses."""
    from .analysis import analyse_text

    with closing(db.connect(dsn)) as conn:
        for document_id in document_ids:
            text, title, published = load.document_text(conn, document_id)
            result, version = analyse_text(text, title=title, published=published)
            load.save_analysis(conn, document_id, version, result)
    log.info("normalised %d documents", len(document_ids))
    return document_ids


def load_documents(dsn: str, document_ids: list[int], *, batch_size: int = 500) -> dict[str, int]:
    """Replace the documents' facts from their stored analyses, one transaction per batch; returns row counts."""
    totals = {"documents": 0, "strike_reports": 0, "spokesperson_mentions": 0, "findings": 0}
    with closing(db.connect(dsn)) as conn:
        for batch in batched(document_ids, batch_size):
            for key, count in replace_facts_batch(conn, batch).items():
                totals[key] += count
            totals["documents"] += len(batch)
    log.info("loaded %s", totals)
    return totals


def batched(items: list, size: int) -> list[list]:
    """Consecutive batches of at most `size` items (load transactions; the DAG's mapped task instances)."""
    return [items[i:i + size] for i in range(0, len(items), size)]


def stored_document_ids(dsn: str) -> list[int]:
    """Every stored document version, for re-normalising with a new normaliser version."""
    with closing(db.connect(dsn)) as conn, conn, conn.cursor() as cur:
        cur.execute("select id from core.documents order by id")
        return [row[0] for row in cur.fetchall()]

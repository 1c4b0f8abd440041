"""The ingest stages as plain functions: discover → fetch → extract → normalise → load.

Each stage opens its own connection from a DSN, reads its inputs from the warehouse by id and returns
ids or counts only (what Airflow passes through XCom). Bad documents are recorded and skipped; only
infrastructure errors (database, bugs in the stage itself) raise, and, once everything is recorded, a
source that could not be reached at all or transient fetch errors worth a retry (see source_health).
"""

from __future__ import annotations

import logging
from contextlib import closing, contextmanager

from . import db, load
from . import source_health as health
from .load_facts import replace_facts_batch
from .models import ExtractionFailure
from .settings import get_settings

log = logging.getLogger(__name__)


def discover_urls(source_name: str, *, limit: int | None = None, dsn: str | None = None,
                  run_id: str = "adhoc", task_try: int = 1) -> list[str]:
    """The source's document URLs. With a `dsn`, core.sources is synchronised and every discovery request
    recorded; SourceUnreachable (after recording) when none of the source's index requests succeeded."""
    from .discover import discover
    from .fetch import Fetcher
    from .sources import get_source, load_sources

    source = get_source(source_name)
    fetcher = Fetcher()
    urls = discover(source, fetcher, limit=limit)
    requests = fetcher.take_requests()
    if dsn is not None:
        with closing(db.connect(dsn)) as conn:
            health.sync_sources(conn, load_sources())
            health.record_requests(conn, requests, source=source_name, run_id=run_id, task_try=task_try)
    health.check_discovery(source, requests)
    log.info("source %s: discovered %d urls", source_name, len(urls))
    return urls


def fetch_urls(dsn: str, source_name: str, urls: list[str], *, run_id: str, task_try: int = 1,
               final_try: bool = True) -> list[list[str]]:
    """Fetch each URL and store it (every attempt logged); returns [url, sha256] of new versions of their URL.

    After recording everything: SourceUnreachable when every URL failed transiently; TransientFetchError
    when some did and this is not the task's final try (the retry fetches only what this run has not got)."""
    from .sources import get_source

    source = get_source(source_name)
    new_versions, failed, unchanged = [], [], 0
    with closing(db.connect(dsn)) as conn, _fetcher(dsn) as fetcher:
        got = load.fetched_in_run(conn, run_id, source_name) if task_try > 1 else {}
        for url in urls:
            known = load.stored_shas(conn, url)
            if url in got:
                sha, result = got[url], None  # fetched by an earlier try of this task
            else:
                etag, last_modified = load.latest_validators(conn, url)
                result = fetcher.get(url, source=source, etag=etag, last_modified=last_modified)
                sha = load.record_fetch(conn, result, source=source_name, run_id=run_id, task_try=task_try)
            if sha and sha not in known:
                new_versions.append([url, sha])
            elif result is not None and result.error_class:
                failed.append((url, result.error_class, result.error))
                log.warning("fetch %s: %s (%s)", url, result.error_class, result.error)
            else:
                unchanged += 1
        health.record_requests(conn, fetcher.take_requests(), source=source_name, run_id=run_id,
                               task_try=task_try)
    log.info("source %s: fetched %d urls: %d new, %d unchanged, %d failed", source_name, len(urls),
             len(new_versions), unchanged, len(failed))
    transient = [f for f in failed if health.is_transient(f[1])]
    if transient and len(transient) == len(urls):
        raise health.SourceUnreachable(f"source {source_name}: none of its {len(urls)} document(s) could be "
                                       "fetched: " + health.failure_summary(transient))
    if transient and not final_try:
        raise health.TransientFetchError(f"source {source_name}: {len(transient)} of {len(urls)} fetches failed "
                                         "transiently, retrying: " + health.failure_summary(transient))
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

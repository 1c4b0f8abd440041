"""The ingest stages as plain functions: discover → fetch → extract → normalise → load.

Each stage opens its own connection from a DSN, reads its inputs from the warehouse (`store`) and returns
ids or counts only (what Airflow passes through XCom). Work is chosen by what is missing: the fetch stage
returns every unfinished item of its source, not only this run's new bodies, and each later stage skips
what is already done, so any re-run completes what an interrupted one left. Bad documents are recorded and
skipped; only infrastructure errors (database, bugs in the stage itself) raise, and, once everything is
recorded, a source that could not be reached at all or transient fetch errors worth a retry (see
source_health).

A work item is `[url, sha256]` (a stored body to extract) or a document version id (to normalise or load).
"""

from __future__ import annotations

import logging
from contextlib import closing, contextmanager

from . import db
from . import source_health as health
from .models import ExtractionFailure
from .settings import get_settings
from .store import core, facts, raw, work
from .store.sources import sync_sources

log = logging.getLogger(__name__)

# Fetch results are written every this many URLs or body bytes: one transaction each; a kill loses at most
# one such batch of requests (fetched again by the next run).
FETCH_WRITE_URLS = 100
FETCH_WRITE_BYTES = 32 * 1024 * 1024


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
            sync_sources(conn, load_sources())
            raw.record_requests(conn, requests, source=source_name, run_id=run_id, task_try=task_try)
    health.check_discovery(source, requests)
    log.info("source %s: discovered %d urls", source_name, len(urls))
    return urls


def fetch_urls(dsn: str, source_name: str, urls: list[str], *, run_id: str, task_try: int = 1,
               final_try: bool = True) -> list:
    """Fetch each URL and store the outcomes per batch (every attempt logged, bundle re-fetches included);
    returns the source's unfinished work items: bodies with no document version yet (new ones, and any an
    interrupted run left), then document versions still missing their analysis or facts.

    After recording everything: SourceUnreachable when every URL failed transiently; TransientFetchError
    when some did and this is not the task's final try (the retry fetches only what this run has not got)."""
    from .sources import get_source

    source = get_source(source_name)
    outcomes = {"new": 0, "unchanged": 0, "failed": 0, "earlier_try": 0}
    failed: list[tuple[str, str | None, str | None]] = []
    with closing(db.connect(dsn)) as conn, _fetcher(dsn) as fetcher:
        got = raw.fetched_in_run(conn, run_id, source_name) if task_try > 1 else {}
        todo = [url for url in urls if url not in got]
        outcomes["earlier_try"] = len(urls) - len(todo)
        for chunk in batched(todo, FETCH_WRITE_URLS):
            histories = raw.url_histories(conn, chunk)
            pending, size = [], 0
            for url in chunk:
                history = histories[url]
                pending.append(fetcher.get(url, source=source, etag=history.etag,
                                           last_modified=history.last_modified))
                size += len(pending[-1].body or b"")
                if size > FETCH_WRITE_BYTES:
                    failed += _record(conn, pending, histories, outcomes, source_name, run_id, task_try)
                    pending, size = [], 0
            failed += _record(conn, pending, histories, outcomes, source_name, run_id, task_try)
        raw.record_requests(conn, fetcher.take_requests(), source=source_name, run_id=run_id, task_try=task_try)
        items = unfinished_work(conn, source_name)
    log.info("source %s: fetched %d urls: %s; %d unfinished items", source_name, len(urls), outcomes, len(items))
    transient = [f for f in failed if health.is_transient(f[1])]
    if transient and len(transient) == len(urls):
        raise health.SourceUnreachable(f"source {source_name}: none of its {len(urls)} document(s) could be "
                                       "fetched: " + health.failure_summary(transient))
    if transient and not final_try:
        raise health.TransientFetchError(f"source {source_name}: {len(transient)} of {len(urls)} fetches failed "
                                         "transiently, retrying: " + health.failure_summary(transient))
    return items


def _record(conn, results, histories, outcomes, source_name, run_id, task_try) -> list[tuple]:
    """Write one batch of fetch results and count their outcomes; returns (url, error_class, error) of the
    failed ones."""
    shas = raw.record_fetches(conn, results, source=source_name, run_id=run_id, task_try=task_try)
    failed = []
    for result, sha in zip(results, shas, strict=True):
        if sha and sha not in histories[result.url].versions:
            outcomes["new"] += 1
        elif result.error_class:
            outcomes["failed"] += 1
            failed.append((result.url, result.error_class, result.error))
            log.warning("fetch %s: %s (%s)", result.url, result.error_class, result.error)
        else:
            outcomes["unchanged"] += 1
    return failed


def unfinished_work(conn, source_name: str) -> list:
    """Work items of a source that some stage has not done yet."""
    from .normalise import NORMALISER_VERSION

    return [*work.unextracted_snapshots(conn, source_name),
            *work.unfinished_documents(conn, source_name, NORMALISER_VERSION)]


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


def extract_snapshots(dsn: str, items: list) -> list[int]:
    """Extract the text of each body not yet extracted into core.documents (one write per batch); returns the
    document version ids of all items (ids given pass through)."""
    from .analysis import extract_document

    versions = [tuple(item) for item in items if isinstance(item, list | tuple)]
    passed = [item for item in items if isinstance(item, int)]
    with closing(db.connect(dsn)) as conn:
        stored = work.stored_versions(conn, versions)
        todo = [v for v in dict.fromkeys(versions) if v not in stored]
        extracted, failures = [], []
        for snap in raw.load_snapshots(conn, todo):
            try:
                doc = extract_document(snap.body, content_type=snap.content_type, url=snap.url,
                                       encoding=snap.encoding, reference_date=snap.fetched_at.date())
            except Exception as exc:  # one hostile page must not stop its batch; recorded below
                log.exception("extract %s failed", snap.url)
                doc = ExtractionFailure(f"extractor error: {type(exc).__name__}: {exc}")
            if isinstance(doc, ExtractionFailure):
                failures.append((snap, doc.reason))
                log.warning("extract %s: %s", snap.url, doc.reason)
            else:
                extracted.append((snap, doc))
        core.record_extraction_failures(conn, failures)
        ids = core.write_documents(conn, extracted)
    log.info("extracted %d of %d snapshots (%d already done)", len(ids), len(todo), len(versions) - len(todo))
    return [*(i for i in stored.values() if i is not None), *ids, *passed]


def normalise_documents(dsn: str, document_ids: list[int], *, force: bool = False) -> list[int]:
    """Run the normaliser on each document version without an analysis by the current normaliser version
    (every one with `force`), validate and prepare its fact rows, and store them in one write; returns the
    ids given."""
    from .analysis import analyse_text
    from .normalise import NORMALISER_VERSION

    with closing(db.connect(dsn)) as conn:
        todo = list(document_ids) if force else work.documents_to_analyse(conn, document_ids, NORMALISER_VERSION)
        analyses, failures = [], []
        for document_id, (text, title, published, fetched) in core.document_texts(conn, todo).items():
            try:
                result, version = analyse_text(text, title=title, published=published)
                analyses.append(facts.prepare_analysis(document_id, version, result, text_length=len(text),
                                                       fetched=fetched))
            except Exception as exc:  # e.g. a number too long to print: quarantined, the batch goes on
                log.exception("normalise document %s failed", document_id)
                failures.append((document_id, NORMALISER_VERSION, f"{type(exc).__name__}: {exc}"[:1000]))
        core.write_analyses(conn, analyses)
        core.record_document_failures(conn, "normalise", failures)
    log.info("normalised %d of %d documents (%d refused)", len(analyses), len(document_ids), len(failures))
    return document_ids


def load_documents(dsn: str, document_ids: list[int], *, batch_size: int = 5000) -> dict[str, int]:
    """Load the facts of those document versions whose prepared analysis is not loaded yet, one transaction per
    batch; returns row counts (`refused`: documents quarantined by validation)."""
    totals = {"documents": 0, "strike_reports": 0, "spokesperson_mentions": 0, "findings": 0, "refused": 0}
    with closing(db.connect(dsn)) as conn:
        for batch in batched(document_ids, batch_size):
            for key, count in facts.replace_facts_batch(conn, batch).items():
                totals[key] += count
    log.info("loaded %s", totals)
    return totals


def batched(items: list, size: int) -> list[list]:
    """Consecutive batches of at most `size` items (load transactions; the DAG's mapped task instances)."""
    return [items[i:i + size] for i in range(0, len(items), size)]


def stored_document_ids(dsn: str) -> list[int]:
    """Every stored document version, for re-normalising with a new normaliser version."""
    with closing(db.connect(dsn)) as conn:
        return core.all_document_ids(conn)

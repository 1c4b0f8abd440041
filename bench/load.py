"""Load throughput: rows/s of the load task (`pipeline.load_documents`: core.analyses → fact tables)
against a raw `COPY FROM STDIN` of exactly the rows it wrote (goal: loader >= 0.9 x COPY); and the gzip
level of stored bodies, measured on the real corpus pages (CPU per page against stored size).

Seeding stores N distinct document versions of the bundled OIR releases (what the project loads: a handful
of strike reports each) with their analyses, through the storage layer; only the load is timed. fsync is
on, as on a real server.
Usage: python -m bench.load [--documents 3000] [--rounds 5]
"""

from __future__ import annotations

import argparse
import gzip
import io
import os
import statistics
import time
from contextlib import closing
from datetime import UTC, date, datetime

from bench.corpus import bundle_pages, real_pages, varied_pages
from bench.report import publish, table
from bench.warehouse import server_version, throwaway_warehouse
from pressroom import db, pipeline
from pressroom.analysis import analyse_text, extract_document
from pressroom.models import Attempt, ExtractionFailure, FetchResult
from pressroom.store import core, facts, raw

FACT_TABLES = ("core.strike_reports", "core.spokesperson_mentions", "core.findings")
FETCHED_AT = datetime(2026, 11, 1, tzinfo=UTC)


def seed(dsn: str, documents: int) -> list[int]:
    """Store `documents` snapshots, document versions and analyses; returns the document ids."""
    analysed: dict[bytes, tuple] = {}  # the normaliser runs once per distinct real page
    fetched, extracted = [], []
    with closing(db.connect(dsn)) as conn:
        for path, body in varied_pages(documents, bundle_pages()).items():
            url = f"http://bench.local{path}"
            real = body.rsplit(b"\n<!-- pressroom bench page", 1)[0]
            if real not in analysed:
                doc = extract_document(real, content_type="text/html", url=url, reference_date=date(2026, 11, 1))
                analysed[real] = None if isinstance(doc, ExtractionFailure) else (
                    doc, *analyse_text(doc.text, title=doc.title, published=doc.published))
            if analysed[real] is None:
                continue
            fetched.append(FetchResult(url=url, final_url=url, status=200, fetched_at=FETCHED_AT, body=body,
                                       content_type="text/html", encoding="utf-8",
                                       attempts=[Attempt(attempt=1, status=200, bytes=len(body))]))
            extracted.append(analysed[real])
        shas = raw.record_fetches(conn, fetched, source="bench", run_id="bench")
        snapshots = raw.load_snapshots(conn, [[f.url, sha] for f, sha in zip(fetched, shas, strict=True)])
        ids = core.write_documents(conn, [(snap, doc) for snap, (doc, _, _) in zip(snapshots, extracted, strict=True)])
        core.write_analyses(conn, [
            facts.prepare_analysis(i, version, result, text_length=len(doc.text), fetched=FETCHED_AT.date())
            for i, (doc, result, version) in zip(ids, extracted, strict=True)])
    return ids


def dump_facts(dsn: str) -> dict[str, bytes]:
    with closing(db.connect(dsn)) as conn, conn, conn.cursor() as cur:
        dumps = {}
        for name in FACT_TABLES:
            buffer = io.BytesIO()
            cur.copy_expert(f"copy {name} to stdout", buffer)
            dumps[name] = buffer.getvalue()
        return dumps


def truncate_facts(dsn: str) -> None:
    """Empty fact tables and every analysis due for loading again."""
    with closing(db.connect(dsn)) as conn, conn, conn.cursor() as cur:
        cur.execute(f"truncate {', '.join(FACT_TABLES)}")
        cur.execute("update core.analyses set facts_loaded_at = null")


def copy_facts(dsn: str, dumps: dict[str, bytes]) -> float:
    """Seconds for a raw COPY FROM STDIN of the dumped rows, in one transaction."""
    with closing(db.connect(dsn)) as conn:
        started = time.perf_counter()
        with conn, conn.cursor() as cur:
            for name, data in dumps.items():
                cur.copy_expert(f"copy {name} from stdin", io.BytesIO(data))
        return time.perf_counter() - started


def timed_load(dsn: str, ids: list[int], pgoptions: str = "") -> tuple[float, int]:
    """Seconds and fact rows of one load into empty fact tables (`pgoptions`: libpq session settings)."""
    truncate_facts(dsn)
    os.environ["PGOPTIONS"] = pgoptions  # read by libpq when the loader connects
    try:
        started = time.perf_counter()
        counts = pipeline.load_documents(dsn, ids)
        return time.perf_counter() - started, sum(counts[t.split(".")[1]] for t in FACT_TABLES)
    finally:
        del os.environ["PGOPTIONS"]


def gzip_levels(levels=(1, 3, 6, 9)) -> list[list[str]]:
    """CPU milliseconds per page and stored size (of the raw bytes) per gzip level, on the real corpus pages."""
    bodies = [body for _, body in real_pages()]
    raw_bytes = sum(map(len, bodies))
    rows = []
    for level in levels:
        started = time.process_time()
        stored = sum(len(gzip.compress(body, level, mtime=0)) for body in bodies)
        cpu = time.process_time() - started
        rows.append([str(level) + (" (stored)" if level == raw.GZIP_LEVEL else ""), f"{cpu / len(bodies) * 1000:.2f}",
                     f"{stored / raw_bytes:.1%}"])
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--documents", type=int, default=3000)
    parser.add_argument("--rounds", type=int, default=5, help="alternating runs of each writer; medians reported")
    args = parser.parse_args(argv)
    loader, relaxed, copy = [], [], []
    with throwaway_warehouse() as dsn:
        ids = seed(dsn, args.documents)
        rows = timed_load(dsn, ids)[1]
        dumps = dump_facts(dsn)
        for _ in range(args.rounds):
            loader.append(timed_load(dsn, ids)[0])
            relaxed.append(timed_load(dsn, ids, "-c synchronous_commit=off")[0])
            truncate_facts(dsn)
            copy.append(copy_facts(dsn, dumps))
        version = server_version(dsn)
    loader_s, async_s, copy_s = (statistics.median(times) for times in (loader, relaxed, copy))
    copy_rate = rows / copy_s
    result_rows = [
        ["COPY FROM STDIN of the same rows (1 transaction)", f"{copy_s:.2f}", f"{copy_rate:,.0f}", "1.00"],
        ["pressroom loader (`pipeline.load_documents`)", f"{loader_s:.2f}", f"{rows / loader_s:,.0f}",
         f"**{copy_s / loader_s:.2f}**"],
        ["pressroom loader, synchronous_commit=off", f"{async_s:.2f}", f"{rows / async_s:,.0f}",
         f"{copy_s / async_s:.2f}"],
    ]
    body = f"""{len(ids)} document versions (the bundled OIR releases under distinct URLs) with stored analyses;
{rows:,} fact rows ({", ".join(FACT_TABLES)}). PostgreSQL {version}, embedded, fsync on. Median of
{args.rounds} alternating runs per writer, each into empty fact tables.

{table(["writer", "seconds", "rows/s", "ratio to COPY (goal >= 0.9)"], result_rows)}

The loader is timed as the load task runs it, from the analyses' prepared rows (core.prepared_*) to the
fact tables (marking the analyses loaded, deleting a version's old facts first); COPY only writes the
finished rows. The synchronous_commit=off line shows how much of the gap is commit (WAL flush) latency."""
    pages = len(real_pages())
    body += f"""

gzip level of stored bodies (`store.raw.GZIP_LEVEL`), on the {pages} real corpus pages; the fetch stage
compresses each new body once, on the fetching worker:

{table(["level", "CPU ms per page", "stored size of raw"], gzip_levels())}"""
    publish("load", "Load throughput", "python -m bench.load", body)


if __name__ == "__main__":
    main()

"""`pressroom ingest`: run the ingest stages for one or all sources without Airflow (development, cron)."""

from __future__ import annotations

import argparse
import uuid

from .. import db, pipeline
from ..settings import get_settings


def register(commands) -> None:
    p = commands.add_parser("ingest", help="discover, fetch, extract, normalise and load sources (no Airflow)")
    p.add_argument("sources", nargs="*", help="source names (default: every enabled source)")
    p.add_argument("--limit", type=int, help="at most this many documents per source")
    p.add_argument("--renormalise", action="store_true",
                   help="re-run the normaliser over every stored document instead (no fetching)")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from ..sources import load_sources

    dsn = db.warehouse_url(start=True)
    if args.renormalise:
        ids = pipeline.stored_document_ids(dsn)
        for batch in pipeline.batched(ids, get_settings().batch_size):
            pipeline.normalise_documents(dsn, batch, force=True)
        print(pipeline.load_documents(dsn, ids))
        return 0
    names = args.sources or [s.name for s in load_sources() if s.enabled]
    run_id = f"cli__{uuid.uuid4().hex[:12]}"
    for name in names:
        urls = pipeline.discover_urls(name, limit=args.limit)
        items = pipeline.fetch_urls(dsn, name, urls, run_id=run_id)
        ids = []
        for batch in pipeline.batched(items, get_settings().batch_size):  # what the DAG maps over
            ids += pipeline.normalise_documents(dsn, pipeline.extract_snapshots(dsn, batch))
        print(f"{name}: {len(urls)} urls, {len(items)} unfinished items, {pipeline.load_documents(dsn, ids)}")
    return 0

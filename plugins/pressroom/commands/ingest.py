"""`pressroom ingest`: run the ingest stages for one or all sources without Airflow (development, cron).

Exit status 1 when a source could not be reached at all (everything else is recorded and the run goes on
with the next source); 2 when a named source is disabled in sources.yaml (unless --include-disabled).
"""

from __future__ import annotations

import argparse
import sys
import uuid

from .. import db, pipeline
from ..settings import get_settings


def register(commands) -> None:
    p = commands.add_parser("ingest", help="discover, fetch, extract, normalise and load sources (no Airflow)")
    p.add_argument("sources", nargs="*", help="source names (default: every enabled source)")
    p.add_argument("--limit", type=int, help="at most this many documents per source")
    p.add_argument("--include-disabled", action="store_true",
                   help="also run named sources that sources.yaml disables (a one-off test of a source)")
    p.add_argument("--renormalise", action="store_true",
                   help="re-run the normaliser over every stored document instead (no fetching)")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from ..source_health import SourceUnreachable
    from ..sources import get_source, load_sources

    dsn = db.warehouse_url(start=True)
    if args.renormalise:
        ids = pipeline.stored_document_ids(dsn)
        for batch in pipeline.batched(ids, get_settings().batch_size):
            pipeline.normalise_documents(dsn, batch, force=True)
        print(pipeline.load_documents(dsn, ids))
        return 0
    disabled = [name for name in args.sources if not get_source(name).enabled]
    if disabled and not args.include_disabled:
        print(f"pressroom: disabled in sources.yaml: {', '.join(disabled)} (`pressroom sources enable NAME`, "
              "or --include-disabled for a one-off run)", file=sys.stderr)
        return 2
    names = args.sources or [s.name for s in load_sources() if s.enabled]
    run_id = f"cli__{uuid.uuid4().hex[:12]}"
    unreachable = []
    for name in names:
        try:
            urls = pipeline.discover_urls(name, limit=args.limit, dsn=dsn, run_id=run_id)
            items = pipeline.fetch_urls(dsn, name, urls, run_id=run_id)
        except SourceUnreachable as exc:
            print(f"pressroom: {exc}", file=sys.stderr)
            unreachable.append(name)
            continue
        ids = []
        for batch in pipeline.batched(items, get_settings().batch_size):  # what the DAG maps over
            ids += pipeline.normalise_documents(dsn, pipeline.extract_snapshots(dsn, batch))
        print(f"{name}: {len(urls)} urls, {len(items)} unfinished items, {pipeline.load_documents(dsn, ids)}")
    if unreachable:
        print(f"pressroom: unreachable: {', '.join(unreachable)} (see mart.source_freshness)", file=sys.stderr)
    return 1 if unreachable else 0

"""`pressroom db …`: the embedded server's life cycle, migrations, a summary of what landed and a check
that every stored document reached every ingest stage."""

from __future__ import annotations

import argparse
import os
import sys

from .. import db, roles
from ..settings import get_settings


def register(commands) -> None:
    p = commands.add_parser("db", help="warehouse database: start/stop the embedded server, migrate, summary")
    sub = p.add_subparsers(dest="db_command", required=True)
    sub.add_parser("start", help="start the embedded Postgres (initialise on first use)").set_defaults(handler=start)
    sub.add_parser("stop", help="stop the embedded Postgres").set_defaults(handler=stop)
    sub.add_parser("status", help="say where the warehouse is and whether it runs").set_defaults(handler=status)
    url = sub.add_parser("url", help="print a DSN (the warehouse, or --database airflow; --role: read-only login)")
    which = url.add_mutually_exclusive_group()
    which.add_argument("--database", default=db.WAREHOUSE_DB)
    which.add_argument("--role", choices=sorted(roles.GROUPS),
                     help="a read-only login on the warehouse for people or BI tools (made on first use)")
    url.set_defaults(handler=print_url)
    sub.add_parser("migrate", help="apply sql/migrations (start the embedded server if needed)").set_defaults(
        handler=migrate)
    sub.add_parser("summary", help="count documents, strike reports, spokespeople, errors").set_defaults(
        handler=summary)
    sub.add_parser("check", help="list documents missing a stage (exit 1 if any) and quarantined ones").set_defaults(
        handler=check)
    sub.add_parser("psql", help="open psql on the warehouse").set_defaults(handler=psql)


def start(args: argparse.Namespace) -> int:
    print(db.warehouse_url(start=True).rsplit("@", 1)[-1])
    return 0


def stop(args: argparse.Namespace) -> int:
    if get_settings().database_url:
        print("PRESSROOM_DATABASE_URL is set: nothing embedded to stop")
        return 0
    print("stopped" if db.embedded().stop() else "not running")
    return 0


def status(args: argparse.Namespace) -> int:
    settings = get_settings()
    if settings.database_url:
        print("warehouse: PRESSROOM_DATABASE_URL (external server)")
        return 0
    port = db.embedded(settings).port()
    print(f"embedded postgres in {settings.pg_dir}: " + (f"running on 127.0.0.1:{port}" if port else "stopped"))
    return 0 if port else 1


def print_url(args: argparse.Namespace) -> int:
    dsn = db.warehouse_url(start=True)
    if args.role:
        dsn = roles.login_url(dsn, args.role, get_settings().var_dir / "logins")
    elif args.database != db.WAREHOUSE_DB:
        db.ensure_database(dsn, args.database)
        dsn = db.with_database(dsn, args.database)
    print(dsn)
    return 0


def migrate(args: argparse.Namespace) -> int:
    from ..migrate import apply_migrations
    from ..sources import load_sources
    from ..store.sources import sync_sources

    conn = db.connect(db.warehouse_url(start=True))
    try:
        applied = apply_migrations(conn, get_settings().sql_dir / "migrations")
        sync_sources(conn, load_sources())
    finally:
        conn.close()
    print(f"applied {len(applied)} migration(s)" + (": " + ", ".join(applied) if applied else ""))
    return 0


# What the pipeline stored (raw and core, every version); every other figure comes from the marts (figures.py).
PIPELINE_SQL = """
select 'snapshots stored', count(*) from raw.snapshots
union all select 'document versions', count(*) from core.documents
union all select 'extraction failures', count(*) from core.extraction_failures
"""


def summary(args: argparse.Namespace) -> int:
    from ..warehouse.figures import headline

    conn = db.connect(db.warehouse_url())
    try:
        with conn, conn.cursor() as cur:
            figures = headline(conn)
            cur.execute(PIPELINE_SQL)
            rows = [*figures.items(), *cur.fetchall()]
    finally:
        conn.close()
    width = max(len(name) for name, _ in rows)
    print("(figures of the marts as last refreshed: the report and the ACLED export show the same)")
    for name, count in rows:
        print(f"{name:<{width}}  {'–' if count is None else count!s:>10}")
    return 0


def check(args: argparse.Namespace) -> int:
    """Every document some ingest stage has not reached (a re-run of the ingest completes them)."""
    from ..normalise import NORMALISER_VERSION
    from ..store import work

    conn = db.connect(db.warehouse_url())
    try:
        missing = work.missing_stages(conn, NORMALISER_VERSION)
        refused = work.quarantined(conn)
    finally:
        conn.close()
    for item in missing:
        version = f"document {item.document_id}" if item.document_id else f"snapshot {item.snapshot_sha256[:12]}"
        print(f"missing {item.stage}: {item.source} {item.url} ({version})")
    for document_id, url, stage, reason in refused:
        print(f"quarantined at {stage}: {url} (document {document_id}): {reason}")
    stages = {stage: sum(i.stage == stage for i in missing) for stage in ("extract", "normalise", "load")}
    print(f"{len(missing)} document(s) missing a stage ({', '.join(f'{k} {v}' for k, v in stages.items())}),"
          f" {len(refused)} quarantined")
    return 1 if missing else 0


def psql(args: argparse.Namespace) -> int:
    from ..embedded_pg import EmbeddedPostgresError, find_bin_dir

    try:
        binary = str(find_bin_dir() / "psql")
    except EmbeddedPostgresError:
        binary = "psql"
    dsn = db.warehouse_url(start=True)
    sys.stdout.flush()
    os.execvp(binary, [binary, dsn])

"""`pressroom sources`: the configured sources with their schedule, switch and health; switch one on or off.

sources.yaml `enabled` is the single truth: a disabled source's DAG runs skip whatever the Airflow UI toggle
says, and `sync` (run by enable/disable when Airflow is configured, and by `make airflow`) pauses exactly
the DAGs of disabled sources.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

from .. import db
from ..sources import Source, load_sources, next_run, set_enabled

DAG_PREFIX = "press_ingest_"


def register(commands) -> None:
    p = commands.add_parser("sources", help="list sources (schedule, enabled, last success, next run, health); "
                                            "enable/disable one")
    p.set_defaults(handler=list_sources)
    sub = p.add_subparsers(dest="sources_command")
    for verb in ("enable", "disable"):
        s = sub.add_parser(verb, help=f"{verb} a source in sources.yaml (and its DAG, when Airflow is configured)")
        s.add_argument("name")
        s.set_defaults(handler=switch, enabled=verb == "enable")
    sub.add_parser("sync", help="write core.sources and pause/unpause the ingest DAGs as sources.yaml says"
                   ).set_defaults(handler=sync)


def _connect(url: str):
    """The warehouse at `url`, with a one-line error when it has not been migrated yet."""
    from ..migrate import MigrationError

    conn = db.connect(url)
    with conn, conn.cursor() as cur:
        cur.execute("select to_regclass('core.sources') is not null")
        migrated = cur.fetchone()[0]
    if not migrated:
        conn.close()
        raise MigrationError("the warehouse has no core.sources yet: run `pressroom db migrate`")
    return closing(conn)


def list_sources(args: argparse.Namespace) -> int:
    from ..store.sources import source_health, sync_sources
    from ..warehouse.marts import ensure_freshness_view

    sources = load_sources()
    url = db.warehouse_url(start=True)
    with _connect(url) as conn:
        sync_sources(conn, sources)
        ensure_freshness_view(conn, url)
        health = source_health(conn)
    now = datetime.now(UTC)
    rows = [("source", "kind", "schedule", "enabled", "last success", "next run", "health")]
    for s in sources:
        h = health.get(s.name, {})
        upcoming = next_run(s, now)
        state = h.get("health", "never_run")
        if h.get("last_error_class") and state != "ok":
            state += f" ({h['last_error_class']}, {h['consecutive_failed_runs']} failed run(s))"
        rows.append((s.name, s.kind, s.schedule, "yes" if s.enabled else "no", _when(h.get("last_success_at")),
                     _when(upcoming), state))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]) - 1)]
    for row in rows:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=False)) + "  " + row[-1])
    return 0


def switch(args: argparse.Namespace) -> int:
    path = set_enabled(args.name, args.enabled)
    print(f"{args.name}: {'enabled' if args.enabled else 'disabled'} in {path}")
    return sync(args)


def sync(args: argparse.Namespace) -> int:
    from ..store.sources import sync_sources

    sources = load_sources()
    with _connect(db.warehouse_url(start=True)) as conn:
        sync_sources(conn, sources)
    if not os.environ.get("AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"):
        print("Airflow not configured in this shell: DAG pause states follow at the next `make airflow` "
              "(`make sources-sync` now); meanwhile runs of disabled sources are skipped")
        return 0
    return sync_airflow(sources)


def sync_airflow(sources: list[Source]) -> int:
    """Unpause the DAGs of enabled sources and pause the others (two `airflow dags` calls)."""
    airflow = str(Path(sys.executable).with_name("airflow"))
    for verb, wanted in (("unpause", True), ("pause", False)):
        names = [s.name for s in sources if s.enabled == wanted]
        if not names:
            continue
        pattern = f"^{DAG_PREFIX}({'|'.join(names)})$"
        proc = subprocess.run([airflow, "dags", verb, "-y", "--treat-dag-id-as-regex", pattern],
                              capture_output=True, text=True)
        if proc.returncode != 0:
            print(f"pressroom: airflow dags {verb} failed: {proc.stderr.strip().splitlines()[-1:]}",
                  file=sys.stderr)
            return 1
        print(f"airflow: {verb}d where needed, as sources.yaml says: {', '.join(DAG_PREFIX + n for n in names)}")
    return 0


def _when(value: datetime | None) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC") if value else "-"

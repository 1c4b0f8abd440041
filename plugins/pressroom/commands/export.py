"""`pressroom export --format acled|geojson`: strike events for merging with other data or map tools."""

from __future__ import annotations

import argparse
import sys
from contextlib import closing, nullcontext
from datetime import date
from pathlib import Path

from .. import db


def register(commands) -> None:
    p = commands.add_parser("export", help="export strike events as ACLED-style CSV or GeoJSON")
    p.add_argument("--format", choices=("acled", "geojson"), required=True)
    p.add_argument("--output", type=Path, help="file to write (default: stdout)")
    p.add_argument("--since", type=date.fromisoformat, help="events ending on or after YYYY-MM-DD")
    p.add_argument("--until", type=date.fromisoformat, help="events starting on or before YYYY-MM-DD")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from ..warehouse.export import strike_events, write_acled, write_geojson

    write = write_acled if args.format == "acled" else write_geojson
    target = args.output.open("w", encoding="utf-8", newline="") if args.output else nullcontext(sys.stdout)
    with closing(db.connect(db.warehouse_url(start=True))) as conn, target as out:
        count = write(strike_events(conn, args.since, args.until), out)
    if args.output:
        print(f"{count} events written to {args.output}", file=sys.stderr)
    return 0

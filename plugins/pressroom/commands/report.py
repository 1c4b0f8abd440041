"""`pressroom report`: refresh the marts and write the self-contained HTML report (or the data dictionary)."""

from __future__ import annotations

import argparse
from contextlib import closing
from pathlib import Path

from .. import db
from ..settings import get_settings


def register(commands) -> None:
    p = commands.add_parser("report", help="write the HTML report from the marts (or --dictionary)")
    p.add_argument("--output", type=Path, help="HTML file to write (default: var/report/index.html)")
    p.add_argument("--no-refresh", action="store_true", help="use the marts as they are (no refresh first)")
    p.add_argument("--dictionary", type=Path, metavar="PATH",
                   help="write the Markdown data dictionary generated from the database comments instead")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from ..warehouse.dictionary import render_markdown
    from ..warehouse.marts import refresh_marts
    from ..warehouse.report import write_report

    with closing(db.connect(db.warehouse_url(start=True))) as conn:
        if args.dictionary:
            args.dictionary.write_text(render_markdown(conn), encoding="utf-8")
            print(f"data dictionary: {args.dictionary.resolve()}")
            return 0
        if not args.no_refresh:
            refresh_marts(conn)
        path = write_report(conn, args.output or get_settings().var_dir / "report" / "index.html")
    print(f"report: {path}")
    return 0

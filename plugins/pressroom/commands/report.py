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
    p.add_argument("--no-refresh", action="store_true", help="use the marts as they are (no dbt run first)")
    p.add_argument("--dictionary", type=Path, metavar="PATH",
                   help="instead: write dbt's docs site to var/dbt-docs/ and the Markdown data dictionary to PATH")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from ..warehouse.dictionary import generate_docs, read_relations, render_markdown
    from ..warehouse.marts import refresh_marts
    from ..warehouse.report import write_report

    dsn = db.warehouse_url(start=True)
    if not args.no_refresh:
        refresh_marts(dsn)
    if args.dictionary:
        docs_dir = get_settings().var_dir / "dbt-docs"
        site = generate_docs(dsn, docs_dir)
        args.dictionary.write_text(render_markdown(read_relations(docs_dir)), encoding="utf-8")
        print(f"dbt docs: {site.resolve()}\ndata dictionary: {args.dictionary.resolve()}")
        return 0
    with closing(db.connect(dsn)) as conn:
        path = write_report(conn, args.output or get_settings().var_dir / "report" / "index.html")
    print(f"report: {path}")
    return 0

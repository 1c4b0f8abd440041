"""`pressroom search`: full-text search over documents, or fuzzy search on place and person names."""

from __future__ import annotations

import argparse
from contextlib import closing

from .. import db


def register(commands) -> None:
    p = commands.add_parser("search", help="search documents (full text) or --names (places, people)")
    p.add_argument("query", help='web-style query, e.g. "coalition strikes" kirkuk -syria')
    p.add_argument("--names", choices=("any", "place", "person"),
                   help="fuzzy-match place/person names instead of document text")
    p.add_argument("--limit", type=int, default=20)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from ..warehouse.search import search_documents, search_names

    with closing(db.connect(db.warehouse_url(start=True))) as conn:
        if args.names:
            kind = None if args.names == "any" else args.names
            for row in search_names(conn, args.query, kind=kind, limit=args.limit):
                where = ", ".join(v for v in (row["admin1"], row["country"]) if v)
                print(f"{row['similarity']:.2f}  {row['kind']:<6}  {row['name']} → {row['canonical']}"
                      + (f" ({where})" if where else ""))
        else:
            for row in search_documents(conn, args.query, limit=args.limit):
                print(f"{str(row['published'] or ''):<10}  {row['source']}  {row['title'] or row['url']}\n"
                      f"    {row['url']}\n    {' '.join(row['snippet'].split())}")
    return 0

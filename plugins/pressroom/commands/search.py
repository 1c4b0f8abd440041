"""`pressroom search`: full-text search over documents, or fuzzy search on place and person names.

Matched words are shown in bold on a terminal (never as raw tags); no hit is said, with exit status 1 (as grep).
"""

from __future__ import annotations

import argparse
import os
import sys
from contextlib import closing

from .. import db

# Marks ts_headline puts around matched words; replaced by the terminal's bold, or dropped.
MARKS = ("\x02", "\x03")
BOLD = ("\x1b[1m", "\x1b[0m")


def register(commands) -> None:
    p = commands.add_parser("search", help="search documents (full text) or --names (places, people)")
    p.add_argument("query", nargs="+", help='words of a web-style query, e.g. "fighting positions" raqqa -syria')
    p.add_argument("--names", choices=("any", "place", "person"),
                   help="fuzzy-match place/person names instead of document text")
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                   help="bold matched words: on a terminal (auto, unless NO_COLOR is set), always or never")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from ..warehouse.search import search_documents, search_names, web_query

    query = web_query(args.query)
    with closing(db.connect(db.warehouse_url(start=True))) as conn:
        if args.names:
            kind = None if args.names == "any" else args.names
            rows = search_names(conn, query, kind=kind, limit=args.limit)
            lines = [_name_line(row) for row in rows]
        else:
            rows = search_documents(conn, query, limit=args.limit, marks=MARKS)
            bold = BOLD if _colour(args.color) else ("", "")
            lines = [_document_lines(row, bold) for row in rows]
    if not lines:
        what = f"{args.names if args.names != 'any' else ''} names".strip() if args.names else "documents"
        print(f"no match: no {what} match {query!r}")
        return 1
    print("\n".join(lines))
    return 0


def _colour(choice: str) -> bool:
    if choice != "auto":
        return choice == "always"
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def _name_line(row: dict) -> str:
    where = ", ".join(v for v in (row["admin1"], row["country"]) if v)
    return (f"{row['similarity']:.2f}  {row['kind']:<6}  {row['name']} → {row['canonical']}"
            + (f" ({where})" if where else ""))


def _document_lines(row: dict, bold: tuple[str, str]) -> str:
    snippet = " ".join(row["snippet"].split()).replace(MARKS[0], bold[0]).replace(MARKS[1], bold[1])
    return (f"{str(row['published'] or ''):<10}  {row['source']}  {row['title'] or row['url']}\n"
            f"    {row['url']}\n    {snippet}")

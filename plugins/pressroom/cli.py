"""The `pressroom` console script. Light at import: subcommands import what they need."""

from __future__ import annotations

import argparse
import logging
import sys

from . import __version__


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="pressroom", description=__doc__)
    parser.add_argument("--version", action="version", version=f"pressroom {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging on stderr")
    commands = parser.add_subparsers(dest="command", required=True)
    for module in _command_modules():
        module.register(commands)
    args = parser.parse_args(argv)
    logging.basicConfig(
        stream=sys.stderr,
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    try:
        return args.handler(args) or 0
    except _expected_errors() as exc:
        print(f"pressroom: {exc}", file=sys.stderr)
        return 1


def _expected_errors() -> tuple[type[Exception], ...]:
    """Errors that explain themselves: printed as one line, without a traceback."""
    from .embedded_pg import EmbeddedPostgresError
    from .migrate import MigrationError
    from .sources import SourceConfigError
    from .superset import SupersetError

    return (EmbeddedPostgresError, MigrationError, SourceConfigError, SupersetError)


def _command_modules():
    from .commands import analyse, dashboard, db, export, ingest, report, search, sources

    return (analyse, db, ingest, sources, report, export, search, dashboard)


if __name__ == "__main__":
    sys.exit(main())

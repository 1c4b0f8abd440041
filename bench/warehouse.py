"""A throwaway warehouse for one benchmark: an embedded Postgres in a temp dir, a migrated database."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

from pressroom import db
from pressroom.embedded_pg import EmbeddedPostgres
from pressroom.migrate import apply_migrations
from pressroom.settings import get_settings


@contextmanager
def throwaway_warehouse(*, fsync: bool = True) -> Iterator[str]:
    """DSN of a migrated warehouse on a private server (fsync on by default: production-like commits)."""
    root = Path(tempfile.mkdtemp(prefix="pressroom-bench-pg-"))
    root.chmod(0o755)  # the server runs as an unprivileged user when benchmarks run as root
    server = EmbeddedPostgres(root / "pg", fsync=fsync)
    try:
        yield migrated_database(server.start(), db.WAREHOUSE_DB)
    finally:
        server.destroy()
        shutil.rmtree(root, ignore_errors=True)


def migrated_database(server_dsn: str, name: str) -> str:
    """Create database `name` on the server (if needed), apply the migrations; returns its DSN."""
    db.ensure_database(server_dsn, name)
    dsn = db.with_database(server_dsn, name)
    with closing(db.connect(dsn)) as conn:
        apply_migrations(conn, get_settings().sql_dir / "migrations")
    return dsn


def server_version(dsn: str) -> str:
    with closing(db.connect(dsn)) as conn, conn.cursor() as cur:
        cur.execute("show server_version")
        return cur.fetchone()[0]

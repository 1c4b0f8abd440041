"""Apply `sql/migrations/NNNN_*.sql` in order, each in one transaction with its ledger row.

The ledger is `public.pressroom_migrations` (it must exist before the first migration creates any schema).
A re-run applies nothing; an applied file whose checksum changed is an error, never silently re-applied.
"""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

LEDGER = "public.pressroom_migrations"
NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")
# Serialises concurrent runners (two DAG runs, compose init and a CLI) on the same database.
LOCK_ID = 0x7072657373


class MigrationError(RuntimeError):
    """A migration failed or the ledger disagrees with the files."""


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str

    @property
    def checksum(self) -> str:
        return hashlib.sha256(self.sql.encode()).hexdigest()


def discover(directory: Path) -> list[Migration]:
    found = []
    for path in sorted(directory.glob("*.sql")):
        match = NAME.match(path.name)
        if not match:
            raise MigrationError(f"{path.name}: migration files are named NNNN_verb_object.sql")
        found.append(Migration(int(match.group(1)), path.name, path.read_text(encoding="utf-8")))
    versions = [m.version for m in found]
    if len(versions) != len(set(versions)):
        raise MigrationError(f"duplicate migration numbers in {directory}")
    return found


def apply_migrations(conn, directory: Path) -> list[str]:
    """Apply what has not run yet; returns the names applied (empty on a re-run)."""
    migrations = discover(directory)
    with conn:
        with conn.cursor() as cur:
            cur.execute("select pg_advisory_lock(%s)", (LOCK_ID,))
            cur.execute(
                f"create table if not exists {LEDGER} (version integer primary key, name text not null, "
                "checksum text not null, applied_at timestamptz not null default now())"
            )
            cur.execute(f"select version, name, checksum from {LEDGER}")
            applied = {row[0]: row for row in cur.fetchall()}
    applied_now = []
    try:
        for migration in migrations:
            done = applied.get(migration.version)
            if done:
                if done[2] != migration.checksum:
                    raise MigrationError(f"{migration.name} changed after it was applied (ledger: {done[1]})")
                continue
            try:
                with conn, conn.cursor() as cur:
                    cur.execute(migration.sql)
                    cur.execute(
                        f"insert into {LEDGER} (version, name, checksum) values (%s, %s, %s)",
                        (migration.version, migration.name, migration.checksum),
                    )
            except Exception as exc:
                raise MigrationError(f"{migration.name} failed: {exc}".strip()) from exc
            log.info("applied migration %s", migration.name)
            applied_now.append(migration.name)
    finally:
        with conn, conn.cursor() as cur:
            cur.execute("select pg_advisory_unlock(%s)", (LOCK_ID,))
    if not applied_now:
        log.info("migrations up to date (%d applied earlier)", len(applied))
    return applied_now

"""Row counts of the pipeline's tables, for idempotency and executor-equivalence checks."""

from __future__ import annotations

from contextlib import closing

from pressroom import db

PIPELINE_TABLES = ("raw.fetch_log", "raw.snapshots", "core.documents", "core.extraction_failures", "core.analyses",
                   "core.strike_reports", "core.spokespeople", "core.spokesperson_mentions", "core.findings")


def table_counts(dsn: str, tables: tuple[str, ...] = PIPELINE_TABLES) -> dict[str, int]:
    with closing(db.connect(dsn)) as conn, conn, conn.cursor() as cur:
        counts = {}
        for table in tables:
            cur.execute(f"select count(*) from {table}")
            counts[table] = cur.fetchone()[0]
        return counts

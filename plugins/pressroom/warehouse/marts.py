"""Refresh the marts: `dbt run` of the dbt project, each model built aside and swapped in (readers never see a
half-built mart). The DAG runs the same models through Cosmos, with their tests after each."""

from __future__ import annotations

from .dbt import run_dbt


def refresh_marts(dsn: str) -> str:
    """Build every mart (`dbt run`); returns dbt's log, raises DbtError when a model fails."""
    return run_dbt(dsn, "run")



def ensure_freshness_view(conn, dsn: str) -> None:
    """Build mart.source_freshness (a dbt view: always current once built) when no dbt run has made it yet."""
    with conn, conn.cursor() as cur:
        cur.execute("select to_regclass('mart.source_freshness') is not null")
        built = cur.fetchone()[0]
    if not built:
        run_dbt(dsn, "run", "--select", "source_freshness")

"""Refresh the marts: `dbt run` of the dbt project, each model built aside and swapped in (readers never see a
half-built mart). The DAG runs the same models through Cosmos, with their tests after each."""

from __future__ import annotations

from .dbt import run_dbt


def refresh_marts(dsn: str) -> str:
    """Build every mart (`dbt run`); returns dbt's log, raises DbtError when a model fails."""
    return run_dbt(dsn, "run")


"""core.sources: the configured sources (enabled or not), synchronised from sources.yaml, and their health
as mart.source_freshness reports it."""

from __future__ import annotations

from collections.abc import Sequence

from pressroom.sources import Source

from .statements import sql


def sync_sources(conn, sources: Sequence[Source]) -> None:
    """Make core.sources list exactly the configured sources (one transaction)."""
    rows = {
        "names": [s.name for s in sources],
        "kinds": [s.kind for s in sources],
        "schedules": [s.schedule for s in sources],
        "enabled": [s.enabled for s in sources],
        "official": [s.official for s in sources],
        "descriptions": [s.description for s in sources],
        # one text per source (nested arrays must be rectangular): the start URLs joined by newlines
        "start_urls": ["\n".join(_start_urls(s)) for s in sources],
    }
    with conn, conn.cursor() as cur:
        cur.execute(sql("sources_sync"), rows)


def _start_urls(source: Source) -> tuple[str, ...]:
    return tuple(source.start_urls or ((source.archive_url,) if source.archive_url else
                                       ((source.path,) if source.path else ())))


def source_health(conn) -> dict[str, dict]:
    """mart.source_freshness of every configured source, by name."""
    with conn, conn.cursor() as cur:
        cur.execute(sql("sources_health"))
        names = [c.name for c in cur.description]
        return {row[0]: dict(zip(names, row, strict=True)) for row in cur.fetchall()}

"""Source health as data: the configured sources in core.sources, every discovery request in
raw.discovery_log, and the verdicts that make failures show.

Failure classes: transient errors (no answer, timeouts, 5xx, 429) are worth retrying; terminal ones (404,
not HTML, too large, robots) are recorded and skipped. A source that answered nothing at all in a run fails
the run (`SourceUnreachable`); some failed requests among successes are only recorded.
"""

from __future__ import annotations

from collections.abc import Iterable

from .models import Request
from .sources import Source

TRANSIENT = frozenset({"http_429", "http_5xx", "timeout", "connection_error", "truncated"})


class SourceUnreachable(RuntimeError):
    """No request to the source succeeded in this run (raised after everything was recorded)."""


class TransientFetchError(RuntimeError):
    """Some fetches failed transiently; raised (after recording) so that Airflow retries the task."""


def is_transient(error_class: str | None) -> bool:
    return error_class in TRANSIENT


def failure_summary(failures: Iterable[tuple[str, str | None, str | None]]) -> str:
    """'url: error_class (error)' for the first few failures, for an exception message or an alert."""
    failures = list(failures)
    shown = [f"{url}: {error_class} ({error})" for url, error_class, error in failures[:3]]
    more = f"; and {len(failures) - 3} more" if len(failures) > 3 else ""
    return "; ".join(shown) + more


def check_discovery(source: Source, requests: list[Request]) -> None:
    """SourceUnreachable when the source's index requests (feeds, sitemaps, listings) all failed."""
    index = [r for r in requests if r.purpose != "robots"]
    if index and all(r.error_class for r in index):
        raise SourceUnreachable(
            f"source {source.name}: none of its {len(index)} index request(s) succeeded: "
            + failure_summary((r.url, r.error_class, r.error) for r in index)
        )


def sync_sources(conn, sources: list[Source]) -> None:
    """Make core.sources list exactly the configured sources (enabled or not)."""
    rows = [
        (s.name, s.kind, s.schedule, s.enabled, s.official, s.description,
         list(s.start_urls or ((s.archive_url,) if s.archive_url else ((s.path,) if s.path else ()))))
        for s in sources
    ]
    with conn, conn.cursor() as cur:
        cur.execute("delete from core.sources where not (name = any(%s))", ([r[0] for r in rows],))
        for row in rows:
            cur.execute(
                "insert into core.sources (name, kind, schedule, enabled, official, description, start_urls)"
                " values (%s, %s, %s, %s, %s, %s, %s) on conflict (name) do update set kind = excluded.kind,"
                " schedule = excluded.schedule, enabled = excluded.enabled, official = excluded.official,"
                " description = excluded.description, start_urls = excluded.start_urls, synced_at = now()",
                row,
            )


def record_requests(conn, requests: list[Request], *, source: str, run_id: str, task_try: int = 1) -> None:
    """Append the discovery requests (with their outcomes) to raw.discovery_log."""
    if not requests:
        return
    from psycopg2.extras import execute_values

    with conn, conn.cursor() as cur:
        execute_values(
            cur,
            "insert into raw.discovery_log (run_id, task_try, source, purpose, url, status, error_class, error,"
            " attempts, elapsed_ms, requested_at) values %s",
            [(run_id, task_try, source, r.purpose, r.url, r.status, r.error_class, r.error, r.attempts,
              r.elapsed_ms, r.requested_at) for r in requests],
        )


HEALTH_SQL = """
select source, kind, schedule, enabled, last_success_at, health, consecutive_failed_runs, last_error_class,
    last_error
from mart.source_freshness
where configured
order by source
"""


def ensure_freshness_view(conn, dsn: str) -> None:
    """Build mart.source_freshness (a dbt view: always current once built) when no dbt run has made it yet."""
    with conn, conn.cursor() as cur:
        cur.execute("select to_regclass('mart.source_freshness') is not null")
        built = cur.fetchone()[0]
    if not built:
        from .warehouse.dbt import run_dbt

        run_dbt(dsn, "run", "--select", "source_freshness")


def source_health(conn) -> dict[str, dict]:
    """mart.source_freshness of every configured source, by name."""
    with conn, conn.cursor() as cur:
        cur.execute(HEALTH_SQL)
        names = [c.name for c in cur.description]
        return {row[0]: dict(zip(names, row, strict=True)) for row in cur.fetchall()}

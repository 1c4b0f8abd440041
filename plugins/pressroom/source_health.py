"""Source health verdicts that make failures show; what they judge is recorded by the storage layer
(`store.raw.record_requests` → raw.discovery_log, `store.sources` → core.sources, mart.source_freshness).

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

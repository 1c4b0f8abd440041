"""Data-quality gates over the marts: each check is a rate (affected / total) compared with a threshold.

`check_quality` raises `DataQualityError` naming every check over its threshold, so a DAG task fails
loudly and says why; the findings themselves stay in mart.quality_findings for analysts.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass

log = logging.getLogger(__name__)

# Highest acceptable share of affected rows per check (0-1). fetch_errors is checked per source.
THRESHOLDS: Mapping[str, float] = {
    "headline_sum": 0.25,
    "engagements_below_strikes": 0.25,
    "unknown_place": 0.5,
    "date_outside_document": 0.05,
    "extraction_failures": 0.5,
    "fetch_errors": 0.5,
}

CHECKS_SQL = """
with documents_with_reports as (
    select count(distinct document_id) as total from mart.strike_events
),
finding_documents as (
    select check_name, count(distinct document_id) as affected
    from mart.quality_findings
    group by check_name
),
finding_reports as (
    select check_name, count(*) as affected
    from mart.quality_findings
    where report_id is not null
    group by check_name
)
select c.check_name, coalesce(f.affected, 0), d.total
from (values ('headline_sum'), ('engagements_below_strikes')) as c (check_name)
cross join documents_with_reports as d
left join finding_documents as f on f.check_name = c.check_name
union all
select 'unknown_place',
    (select coalesce(max(affected), 0) from finding_reports where check_name = 'unknown_place'),
    (select count(*) from mart.strike_events where place_as_written is not null)
union all
select 'date_outside_document',
    (select coalesce(max(affected), 0) from finding_reports where check_name = 'date_outside_document'),
    (select count(*) from mart.strike_events
     where scope in ('event', 'backfill') and published is not null and date_start is not null)
union all
select 'extraction_failures', sum(extraction_failures), sum(extraction_failures + documents)
from mart.source_freshness
union all
select 'fetch_errors:' || source, errors, attempts
from mart.source_freshness
"""


@dataclass(frozen=True)
class CheckResult:
    """One check: `affected` of `total` rows, against the highest acceptable share `threshold`."""

    name: str
    affected: int
    total: int
    threshold: float

    @property
    def rate(self) -> float:
        return self.affected / self.total if self.total else 0.0

    @property
    def failed(self) -> bool:
        return self.rate > self.threshold

    def describe(self) -> str:
        return (f"{self.name}: {self.affected} of {self.total} ({self.rate:.1%}) "
                f"{'exceeds' if self.failed else 'within'} threshold {self.threshold:.1%}")


class DataQualityError(RuntimeError):
    """One or more checks crossed their threshold; the message lists each."""

    def __init__(self, failures: list[CheckResult]):
        self.failures = failures
        super().__init__("data-quality checks failed:\n" + "\n".join(f"- {f.describe()}" for f in failures))


def run_checks(conn, thresholds: Mapping[str, float] = THRESHOLDS) -> list[CheckResult]:
    """Every check's result (nothing raised). Per-source checks use the threshold of their prefix."""
    with conn, conn.cursor() as cur:
        cur.execute(CHECKS_SQL)
        rows = cur.fetchall()
    return [CheckResult(name, int(affected or 0), int(total or 0), thresholds[name.split(":")[0]])
            for name, affected, total in rows]


def check_quality(conn, thresholds: Mapping[str, float] = THRESHOLDS) -> list[CheckResult]:
    """Run the checks, log each, and raise DataQualityError if any crossed its threshold."""
    results = run_checks(conn, thresholds)
    for result in results:
        log.log(logging.ERROR if result.failed else logging.INFO, "%s", result.describe())
    failures = [r for r in results if r.failed]
    if failures:
        raise DataQualityError(failures)
    return results

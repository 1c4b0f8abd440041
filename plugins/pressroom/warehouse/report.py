"""`pressroom report`: one self-contained HTML file from the marts — strikes over time by country and
province, a map and table of places, conflicting incidents, source freshness and data-quality findings.

Charts are inline SVG (charts.py): the file opens offline, with no scripts and nothing to download.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from html import escape
from pathlib import Path

from . import charts

log = logging.getLogger(__name__)

QUERIES = {
    "totals": """
        select (select count(*) from mart.documents),
            (select count(*) from mart.source_freshness),
            (select count(*) from mart.strike_events where actor = 'coalition' and scope = 'event'),
            (select min(day) from mart.daily_strikes),
            (select max(day) from mart.daily_strikes)""",
    "monthly": """
        select date_trunc('month', day)::date as month, country, sum(strikes_low)
        from mart.daily_strikes
        group by 1, 2
        order by 1, 2""",
    "provinces": """
        select country || ' · ' || coalesce(admin1, '(province unknown)'), sum(strikes_low)
        from mart.daily_strikes
        group by country, admin1
        order by 2 desc nulls last, 1
        limit 15""",
    "places": """
        select place, admin1, country, avg(lat), avg(lon), sum(strikes_low), count(distinct date_start),
            min(date_start), max(date_end)
        from mart.strike_events
        where actor = 'coalition' and scope in ('event', 'backfill') and place is not null
        group by place, admin1, country
        order by 6 desc nulls last, 1
        limit 40""",
    "conflicts": """
        select day, country, admin1, location, array_to_string(source_names, ', '), disagreement
        from mart.incidents
        where conflicting
        order by day desc
        limit 50""",
    "freshness": """
        select source, last_success_at, last_attempt_at, attempts, errors, error_rate, documents,
            latest_published, extraction_failures
        from mart.source_freshness
        order by source""",
    "quality_counts": """
        select check_name, origin, count(*), count(distinct document_id)
        from mart.quality_findings
        group by check_name, origin
        order by 3 desc""",
    "findings": """
        select check_name, published, source, detail, url
        from mart.quality_findings
        order by published desc nulls last, check_name
        limit 100""",
}

# Country names drawn on the place map (approximate centres), for orientation only.
MAP_REGIONS = (("SYRIA", 35.2, 38.3), ("IRAQ", 32.8, 44.5))

STYLE = """
body{font-family:system-ui,sans-serif;margin:24px auto;max-width:960px;color:#222}
h1{margin-bottom:0}.meta{color:#666;margin-top:4px}
.cards{display:flex;gap:12px;margin:16px 0}.card{background:#f3f5f8;border-radius:6px;padding:10px 14px}
.card b{display:block;font-size:20px}
table{border-collapse:collapse;width:100%;font-size:12px;margin:8px 0 20px}
th,td{border-bottom:1px solid #e3e3e3;padding:3px 6px;text-align:left;vertical-align:top}
th{background:#f3f5f8}td.n{text-align:right}section{margin-top:28px}
"""


@dataclass
class ReportData:
    """Everything the report shows, read from the marts."""

    generated_at: datetime
    totals: tuple
    monthly: list[tuple]
    provinces: list[tuple]
    places: list[tuple]
    conflicts: list[tuple]
    freshness: list[tuple]
    quality_counts: list[tuple]
    findings: list[tuple]


def collect(conn) -> ReportData:
    """Run the report's queries against the marts."""
    results = {}
    with conn, conn.cursor() as cur:
        for name, sql in QUERIES.items():
            cur.execute(sql)
            results[name] = cur.fetchall()
    results["totals"] = results["totals"][0]
    return ReportData(generated_at=datetime.now(UTC), **results)


def month_series(monthly: list[tuple]) -> tuple[list[str], dict[str, list[float]]]:
    """Every month from the first to the last (gaps as zero) and one series of strikes per country."""
    if not monthly:
        return [], {}
    first, last = monthly[0][0], monthly[-1][0]
    months, current = [], first
    while current <= last:
        months.append(current)
        current = date(current.year + current.month // 12, current.month % 12 + 1, 1)
    index = {m: i for i, m in enumerate(months)}
    series: dict[str, list[float]] = {}
    for month, country, strikes in monthly:
        series.setdefault(country or "unknown", [0.0] * len(months))[index[month]] += float(strikes or 0)
    return [m.strftime("%Y-%m") for m in months], series


def render(data: ReportData) -> str:
    """The report as one HTML document."""
    documents, sources, events, first_day, last_day = data.totals
    categories, series = month_series(data.monthly)
    located = [(p[0], float(p[3]), float(p[4]), float(p[5] or 0)) for p in data.places if p[3] is not None]
    body = [
        "<h1>pressroom: coalition strikes on ISIS</h1>",
        f'<p class="meta">Generated {data.generated_at:%Y-%m-%d %H:%M} UTC from the warehouse marts. '
        "Counts are lower bounds (stated counts where given), summed over sources: a strike reported by a "
        "release and a news article counts twice here (mart.incidents de-duplicates). Back-filled and "
        "cumulative figures are not added to daily counts.</p>",
        '<div class="cards">' + "".join(
            f'<div class="card"><b>{escape(str(v if v is not None else "–"))}</b>{label}</div>'
            for label, v in (("documents", documents), ("sources", sources), ("strike reports", events),
                             ("first day", first_day), ("last day", last_day))) + "</div>",
        "<section><h2>Strikes over time</h2>",
        charts.stacked_bars(categories, series, title="Strikes per month by country (lower bound)")
        if categories else "<p>No daily strike counts yet.</p>",
        charts.horizontal_bars([(p[0], float(p[1] or 0)) for p in data.provinces],
                               title="Strikes by province (top 15)") if data.provinces else "",
        "</section><section><h2>Places</h2>",
        charts.point_map(located, title="Located places, circle area ~ strikes", regions=MAP_REGIONS)
        if located else "",
        _table(("place", "province", "country", "lat", "lon", "strikes", "days", "first", "last"), data.places),
        "</section><section><h2>Incidents with conflicting counts across documents</h2>",
        _table(("day", "country", "province", "location", "sources", "disagreement"), data.conflicts),
        "</section><section><h2>Source freshness</h2>",
        _table(("source", "last success", "last attempt", "attempts", "errors", "error rate", "documents",
                "latest published", "extraction failures"), data.freshness),
        "</section><section><h2>Data-quality findings</h2>",
        _table(("check", "origin", "findings", "documents"), data.quality_counts),
        _table(("check", "published", "source", "detail", "url"), data.findings),
        "</section>",
    ]
    return ('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            "<title>pressroom report</title>"
            f"<style>{STYLE}</style></head><body>\n" + "\n".join(body) + "\n</body></html>\n")


def write_report(conn, path: Path) -> Path:
    """Collect, render and write the report; returns its absolute path."""
    path = Path(path).resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(collect(conn)), encoding="utf-8")
    log.info("report written to %s", path)
    return path


def _table(headers: tuple[str, ...], rows: list[tuple]) -> str:
    if not rows:
        return "<p><i>None.</i></p>"
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(_cell(v) for v in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _cell(value) -> str:
    if value is None:
        return "<td></td>"
    if isinstance(value, datetime):
        return f"<td>{value:%Y-%m-%d %H:%M}</td>"
    if isinstance(value, float):
        return f'<td class="n">{value:.4g}</td>'
    if isinstance(value, int | Decimal):
        return f'<td class="n">{value}</td>'
    return f"<td>{escape(str(value))}</td>"

"""`pressroom report`: one self-contained HTML file from the marts — strikes over time by country and
province, a map and table of places, conflicting incidents, source freshness and data-quality findings.

Every figure is defined once, in figures.py, so the cards, the charts, the tables, `pressroom db summary` and
the ACLED export agree. Charts are inline SVG (charts.py) on coastlines and borders from basemap.py: the file
opens offline, with no scripts and nothing to download.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from html import escape
from pathlib import Path

from . import basemap, charts
from .figures import HEADLINE, QUERIES, headline

log = logging.getLogger(__name__)

# Country names drawn on the place map (approximate centres), for orientation only.
MAP_REGIONS = (("SYRIA", 35.2, 38.3), ("IRAQ", 32.3, 44.0), ("TURKEY", 38.1, 41.0), ("IRAN", 33.5, 47.6),
               ("JORDAN", 30.9, 36.9), ("SAUDI ARABIA", 29.6, 41.5))
MAP_BOUNDS = (34.5, 29.0, 49.0, 38.5)  # west, south, east, north

STYLE = """
body{font-family:system-ui,sans-serif;margin:24px auto;max-width:960px;color:#222}
h1{margin-bottom:0}.meta{color:#666;margin-top:4px}
.cards{display:flex;gap:12px;margin:16px 0}.card{background:#f3f5f8;border-radius:6px;padding:10px 14px}
.card b{display:block;font-size:20px}
table{border-collapse:collapse;width:100%;font-size:12px;margin:8px 0 20px;table-layout:auto}
th,td{border-bottom:1px solid #e3e3e3;padding:3px 6px;text-align:left;vertical-align:top;overflow-wrap:break-word}
th{white-space:nowrap}td.url{font-size:11px;color:#555;word-break:break-all;min-width:180px}
.note{color:#666;font-size:12px}
.cards{flex-wrap:wrap}svg{max-width:100%;height:auto}
th{background:#f3f5f8}td.n{text-align:right}section{margin-top:28px}
"""


@dataclass
class ReportData:
    """Everything the report shows, read from the marts."""

    generated_at: datetime
    totals: dict
    monthly: list[tuple]
    provinces: list[tuple]
    unplaced: list[tuple]
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
        results["totals"] = headline(conn)
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
    categories, series = month_series(data.monthly)
    located = [(p[0], float(p[3]), float(p[4]), float(p[5] or 0)) for p in data.places
               if p[3] is not None and p[4] is not None]
    unplaced = float(data.unplaced[0][0] or 0) if data.unplaced else 0.0
    body = [
        "<h1>pressroom: coalition strikes on ISIS</h1>",
        f'<p class="meta">Generated {data.generated_at:%Y-%m-%d %H:%M} UTC from the warehouse marts. '
        "A strike report is one coalition report of strikes on a stated day or range (one row of the ACLED "
        "export). Strikes are the lower bounds of single-day event reports, summed over sources (a strike "
        "reported by a release and a news article counts twice here; mart.incidents de-duplicates). "
        "Back-filled strikes (earlier days reported late) are counted apart and never added; cumulative and "
        "multi-day totals stay in mart.strike_totals.</p>",
        '<div class="cards">' + "".join(
            f'<div class="card"><b>{escape(_figure(data.totals.get(label)))}</b>{escape(label)}</div>'
            for label, _ in HEADLINE) + "</div>",
        "<section><h2>Strikes over time</h2>",
        charts.stacked_bars(categories, series, title="Strikes per month by country (lower bound)")
        if categories else "<p>No daily strike counts yet.</p>",
        charts.horizontal_bars([(p[0], float(p[1] or 0)) for p in data.provinces],
                               title="Strikes by province (top 15)") if data.provinces else "",
        f'<p class="note">{unplaced:g} strikes of reports that name no province are not shown by province.</p>'
        if unplaced else "",
        "</section><section><h2>Places</h2>",
        charts.point_map(located, title="Located places, circle area ~ strikes", bounds=MAP_BOUNDS,
                         regions=MAP_REGIONS, outlines=basemap.outlines(MAP_BOUNDS))
        if located else "",
        _table(("place", "province", "country", "strikes", "back-filled", "days", "first", "last"),
               [(p[0], p[1], p[2], *p[5:]) for p in data.places]),
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
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            "<title>pressroom report</title>"
            f"<style>{STYLE}</style></head><body>\n" + "\n".join(body) + "\n</body></html>\n")


def _figure(value) -> str:
    return "–" if value is None else str(value)


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
    body = "".join("<tr>" + "".join(_cell(v, h) for v, h in zip(row, headers, strict=True)) + "</tr>"
                   for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _cell(value, header: str = "") -> str:
    if value is None:
        return "<td></td>"
    if isinstance(value, datetime):
        return f"<td>{value:%Y-%m-%d %H:%M}</td>"
    if isinstance(value, float):
        return f'<td class="n">{value:.4g}</td>'
    if isinstance(value, int | Decimal):
        return f'<td class="n">{value}</td>'
    return f'<td class="url">{escape(str(value))}</td>' if header == "url" else f"<td>{escape(str(value))}</td>"

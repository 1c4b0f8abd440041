"""The HTML report renders from plain data: self-contained (no scripts, no remote URLs), charts as SVG."""

import re
from datetime import UTC, date, datetime
from decimal import Decimal

from pressroom.warehouse.charts import horizontal_bars, point_map, stacked_bars
from pressroom.warehouse.report import ReportData, month_series, render


def data(**overrides) -> ReportData:
    base = {
        "generated_at": datetime(2026, 11, 25, 12, 0, tzinfo=UTC),
        "totals": (10, 2, 50, date(2017, 3, 24), date(2020, 6, 19)),
        "monthly": [(date(2017, 3, 1), "IQ", 6), (date(2017, 3, 1), "SY", 8), (date(2017, 6, 1), "SY", 18)],
        "provinces": [("SY · Raqqa", 44), ("IQ · Kirkuk", 3)],
        "places": [("Ar Raqqah", "Raqqa", "SY", 35.95, 39.01, 49, 7, date(2015, 11, 1), date(2017, 7, 17)),
                   ("Kisik", "Nineveh", "IQ", None, None, 5, 3, date(2015, 11, 1), date(2017, 6, 24))],
        "conflicts": [(date(2020, 6, 19), "IQ", "Kirkuk", "Wadi al-Shai", "news, release",
                       "ranges do not overlap: at least 2 vs at most 1")],
        "freshness": [("news", datetime(2026, 11, 25, tzinfo=UTC), datetime(2026, 11, 25, tzinfo=UTC), 4, 1,
                       Decimal("0.25"), 3, date(2020, 6, 20), 0)],
        "quality_counts": [("unknown_place", "warehouse", 7, 6)],
        "findings": [("unknown_place", date(2017, 6, 26), "news", "place 'Kisik' has no coordinates <here>",
                      "https://example.mil/a")],
    }
    return ReportData(**(base | overrides))


def test_month_series_fills_gaps_with_zero():
    months, series = month_series(data().monthly)
    assert months == ["2017-03", "2017-04", "2017-05", "2017-06"]
    assert series == {"IQ": [6.0, 0.0, 0.0, 0.0], "SY": [8.0, 0.0, 0.0, 18.0]}


def test_report_is_self_contained_with_all_sections():
    html = render(data())
    assert "<script" not in html and not re.search(r"(src|href)=\"https?://", html)
    assert html.count("<svg") == 3
    for heading in ("Strikes over time", "Places", "Incidents with conflicting counts", "Source freshness",
                    "Data-quality findings"):
        assert heading in html
    assert "Wadi al-Shai" in html and "&lt;here&gt;" in html


def test_empty_warehouse_renders_without_charts():
    html = render(data(monthly=[], provinces=[], places=[], conflicts=[], findings=[], quality_counts=[],
                       totals=(0, 0, 0, None, None)))
    assert "<svg" not in html and "No daily strike counts yet." in html


def test_charts_scale_to_the_largest_value_and_escape_labels():
    svg = horizontal_bars([("A & B", 10), ("C", 5)], title="t")
    assert "A &amp; B" in svg and svg.startswith("<svg")
    bars = stacked_bars(["2017-01", "2017-02"], {"IQ": [1, 3], "SY": [2, 0]}, title="t")
    assert bars.count("<rect") == 3 + 2  # three non-zero bars, two legend keys
    assert point_map([("Mosul", 36.34, 43.13, 15)], title="t", regions=(("IRAQ", 33, 44),)).count("<circle") == 1

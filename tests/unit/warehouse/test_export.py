"""ACLED-style CSV and GeoJSON rows from strike events."""

import csv
import io
import json
from datetime import date

from pressroom.warehouse.export import ACLED_COLUMNS, acled_row, time_precision, write_acled, write_geojson


def event(**overrides) -> dict:
    base = {
        "report_id": 7, "document_id": 3, "source": "centcom_releases", "url": "https://example.mil/a",
        "published": date(2017, 7, 18), "scope": "event", "date_start": date(2017, 7, 17),
        "date_end": date(2017, 7, 17), "date_precision": "day", "country": "SY", "admin1": "Raqqa",
        "place": "Ar Raqqah", "place_as_written": "Raqqa", "lat": 35.95, "lon": 39.01, "geo_precision": 2,
        "strikes_low": 16, "strikes_best": 16, "strikes_high": 16, "engagements": None,
        "evidence_text": "Near Raqqa, 16 strikes engaged 10 ISIS tactical units", "evidence_start": 10,
        "evidence_end": 62,
    }
    return base | overrides


def test_acled_row_uses_acled_names_and_values():
    row = acled_row(event())
    assert {k: row[k] for k in ("event_id_cnty", "event_date", "year", "time_precision", "event_type",
                                "sub_event_type", "country", "iso", "admin1", "location", "latitude",
                                "geo_precision", "actor2")} == {
        "event_id_cnty": "PR7", "event_date": "2017-07-17", "year": 2017, "time_precision": 1,
        "event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike", "country": "Syria",
        "iso": 760, "admin1": "Raqqa", "location": "Ar Raqqah", "latitude": 35.95, "geo_precision": 2,
        "actor2": "Islamic State (Syria)"}
    assert row["strikes_best"] == 16 and row["engagements"] == ""


def test_time_precision_of_ranges():
    assert time_precision(event(date_start=date(2017, 7, 14))) == 2
    assert time_precision(event(date_start=date(2017, 6, 1))) == 3


def test_unlocated_province_report_falls_back_to_admin1_and_precision_3():
    row = acled_row(event(place=None, lat=None, lon=None, geo_precision=None))
    assert (row["location"], row["latitude"], row["geo_precision"]) == ("Raqqa", "", 3)


def test_csv_has_acled_columns_first_and_one_row_per_event():
    out = io.StringIO()
    assert write_acled(iter([event(), event(report_id=8)]), out) == 2
    reader = csv.DictReader(io.StringIO(out.getvalue()))
    assert tuple(reader.fieldnames[: len(ACLED_COLUMNS)]) == ACLED_COLUMNS
    assert [r["event_id_cnty"] for r in reader] == ["PR7", "PR8"]


def test_geojson_keeps_located_events_only_with_lon_lat_order():
    out = io.StringIO()
    assert write_geojson(iter([event(), event(report_id=8, lat=None, lon=None)]), out) == 1
    collection = json.loads(out.getvalue())
    assert collection["type"] == "FeatureCollection"
    [feature] = collection["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [39.01, 35.95]}
    assert feature["properties"]["location"] == "Ar Raqqah"

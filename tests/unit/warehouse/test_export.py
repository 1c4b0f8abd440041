"""ACLED's CSV and GeoJSON rows from strike events: ACLED's columns, codes and wording; nothing invented."""

import csv
import io
import json
from datetime import date

from pressroom.warehouse.acled import ACLED_COLUMNS, acled_row, fatalities_stated, publisher, time_precision
from pressroom.warehouse.export import EXTRA_COLUMNS, write_acled, write_geojson


def event(**overrides) -> dict:
    base = {
        "report_id": 7, "document_id": 3, "source": "dod_releases",
        "url": "https://www.defense.gov/News/Article/Article/1250324/x/",
        "published": date(2017, 7, 18), "scope": "event", "campaign": "counter-isis", "date_start": date(2017, 7, 17),
        "date_end": date(2017, 7, 17), "date_precision": "day", "country": "SY", "admin1": "Raqqa",
        "place": "Ar Raqqah", "place_as_written": "Raqqa", "lat": 35.95, "lon": 39.01, "geo_precision": 2,
        "strikes_low": 16, "strikes_best": 16, "strikes_high": 16, "engagements": None,
        "evidence_text": "Near Raqqa, 16 strikes engaged 10 ISIS tactical units", "evidence_start": 10,
        "evidence_end": 62,
    }
    return base | overrides


def test_acled_row_has_acleds_31_columns_codes_and_names():
    row = acled_row(event())
    assert tuple(row) == ACLED_COLUMNS and len(ACLED_COLUMNS) == 31
    assert {k: row[k] for k in ("event_id_cnty", "event_date", "year", "time_precision", "disorder_type",
                                "event_type", "sub_event_type", "actor1", "inter1", "actor2", "inter2",
                                "interaction", "iso", "region", "country", "location", "source",
                                "source_scale", "fatalities")} == {
        "event_id_cnty": "SYR7", "event_date": "2017-07-17", "year": 2017, "time_precision": 1,
        "disorder_type": "Political violence", "event_type": "Explosions/Remote violence",
        "sub_event_type": "Air/drone strike", "actor1": "Military Forces of the United States (2017-2021)",
        "inter1": 8, "actor2": "Islamic State (Syria)", "inter2": 2, "interaction": 28, "iso": 760,
        "region": "Middle East", "country": "Syria", "location": "Ar Raqqah",
        "source": "US Department of Defense", "source_scale": "International", "fatalities": ""}


def test_notes_are_one_acled_style_sentence():
    assert acled_row(event())["notes"] == (
        "On 17 July 2017, US-led coalition forces conducted 16 air strikes against Islamic State targets near "
        "Ar Raqqah, Raqqa, Syria, according to US Department of Defense.")
    unilateral = acled_row(event(
        country="SY", admin1=None, place=None, strikes_best=None, strikes_low=1, date_start=date(2023, 7, 7),
        date_end=date(2023, 7, 7), url="https://www.centcom.mil/MEDIA/PRESS-RELEASES/x/",
        evidence_text="On July 7, U.S. Central Command conducted a strike in Syria, killing two ISIS leaders."))
    assert unilateral["notes"] == (
        "On 7 July 2023, US forces conducted at least one air strike against Islamic State targets in Syria, "
        "killing 2, according to CENTCOM.")
    assert unilateral["fatalities"] == 2 and unilateral["event_id_cnty"] == "SYR7"


def test_partner_forces_named_in_the_report_are_associated_actors():
    iraq = acled_row(event(country="IQ", date_start=date(2020, 6, 19), date_end=date(2020, 6, 19),
                           evidence_text="In coordination with the Government of Iraq, Coalition aircraft struck"))
    assert iraq["assoc_actor_1"] == "Military Forces of Iraq (2020-2022)"
    assert iraq["actor1"] == "Military Forces of the United States (2017-2021)"
    assert iraq["event_id_cnty"].startswith("IRQ") and iraq["actor2"] == "Islamic State (Iraq)"
    sdf = acled_row(event(evidence_text="strikes in support of the Syrian Democratic Forces"))
    assert sdf["assoc_actor_1"] == "SDF: Syrian Democratic Forces"
    assert acled_row(event(scope="backfill"))["tags"] == "reported late"


def test_strikes_of_another_or_unknown_campaign_are_not_on_the_islamic_state():
    militia = acled_row(event(country="IQ", campaign="other", url="https://www.centcom.mil/MEDIA/PRESS-RELEASES/x/",
                              evidence_text="U.S. forces conducted strikes on Kata'ib Hizballah facilities"))
    assert (militia["actor2"], militia["inter2"], militia["interaction"]) == (
        "Unidentified Armed Group (Iraq)", 3, 38)
    assert "against armed group targets near" in militia["notes"] and "Islamic State" not in militia["notes"]
    assert acled_row(event(campaign="unknown"))["actor2"] == "Unidentified Armed Group (Syria)"


def test_fatalities_only_when_stated():
    assert fatalities_stated("a strike killed 14 ISIS fighters") == 14
    assert fatalities_stated("resulting in two ISIS operatives killed") == 2
    assert fatalities_stated("the strike destroyed an ISIS tactical vehicle") is None
    assert fatalities_stated("estimates may be revised") is None


def test_publisher_from_the_documents_address():
    assert publisher("https://www.inherentresolve.mil/NEWSROOM/a") == ("CJTF-OIR", "International")
    assert publisher("https://www.rudaw.net/english/a") == ("Rudaw", "National")
    assert publisher("https://news.example.org/a") == ("news.example.org", "Other")


def test_time_precision_of_ranges():
    assert time_precision(event(date_start=date(2017, 7, 14))) == 2
    assert time_precision(event(date_start=date(2017, 6, 1))) == 3


def test_unlocated_province_report_falls_back_to_admin1_and_precision_3():
    row = acled_row(event(place=None, lat=None, lon=None, geo_precision=None))
    assert (row["location"], row["latitude"], row["geo_precision"]) == ("Raqqa", "", 3)


def test_csv_has_acled_columns_then_ours_and_one_row_per_report():
    out = io.StringIO()
    assert write_acled(iter([event(), event(report_id=8)]), out) == 2
    reader = csv.DictReader(io.StringIO(out.getvalue()))
    assert tuple(reader.fieldnames) == ACLED_COLUMNS + EXTRA_COLUMNS
    rows = list(reader)
    assert [r["event_id_cnty"] for r in rows] == ["SYR7", "SYR8"]
    assert rows[0]["pipeline_source"] == "dod_releases" and rows[0]["strikes_best"] == "16"


def test_geojson_keeps_located_events_only_with_lon_lat_order():
    out = io.StringIO()
    assert write_geojson(iter([event(), event(report_id=8, lat=None, lon=None)]), out) == 1
    collection = json.loads(out.getvalue())
    assert collection["type"] == "FeatureCollection"
    [feature] = collection["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [39.01, 35.95]}
    assert feature["properties"]["location"] == "Ar Raqqah"

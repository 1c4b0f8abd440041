"""Exports analysts can merge with data they already use: ACLED-style CSV and GeoJSON of strike events.

Rows are coalition event and back-fill reports with a stated day or range (mart.strike_events); cumulative
aggregates are left out. ACLED's column names are used where they fit; strike counts and evidence follow
in extra columns.
"""

from __future__ import annotations

import csv
import json
import logging
from collections.abc import Iterator
from datetime import date
from typing import TextIO

log = logging.getLogger(__name__)

EVENTS_SQL = """
select report_id, document_id, source, url, published, scope, date_start, date_end, date_precision,
    country, admin1, place, place_as_written, lat, lon, geo_precision, strikes_low, strikes_best,
    strikes_high, engagements, evidence_text, evidence_start, evidence_end
from mart.strike_events
where actor = 'coalition'
  and scope in ('event', 'backfill')
  and date_start is not null
  and (%(since)s::date is null or date_end >= %(since)s)
  and (%(until)s::date is null or date_start <= %(until)s)
order by date_start, country, admin1 nulls last, place nulls last, report_id
"""

COUNTRIES = {"IQ": ("Iraq", 368), "SY": ("Syria", 760)}
# pressroom's label for the reporting coalition (ACLED's own actor names differ by period).
ACTOR1 = "Operation Inherent Resolve Coalition"
ACTOR2 = {"IQ": "Islamic State (Iraq)", "SY": "Islamic State (Syria)"}

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "actor2", "iso", "country", "admin1", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes",
)
EXTRA_COLUMNS = (
    "strikes_low", "strikes_best", "strikes_high", "engagements", "scope", "date_start", "date_end",
    "report_id", "document_url", "published", "evidence_text", "evidence_start", "evidence_end",
)


def strike_events(conn, since: date | None = None, until: date | None = None) -> Iterator[dict]:
    """Exportable strike events as dicts, ordered by day and place."""
    with conn, conn.cursor(name="export_events") as cur:
        cur.itersize = 2000
        cur.execute(EVENTS_SQL, {"since": since, "until": until})
        names = None
        for row in cur:
            names = names or [c.name for c in cur.description]
            yield dict(zip(names, row, strict=True))


def time_precision(event: dict) -> int:
    """ACLED time precision: 1 a stated day, 2 a range of up to a week, 3 longer."""
    days = (event["date_end"] - event["date_start"]).days
    return 1 if days == 0 else 2 if days <= 7 else 3


def acled_row(event: dict) -> dict:
    """One ACLED-style CSV row (ACLED columns first, then pressroom's extra columns)."""
    country, iso = COUNTRIES.get(event["country"], (event["country"], ""))
    location = event["place"] or event["admin1"] or country
    return {
        "event_id_cnty": f"PR{event['report_id']}",
        "event_date": event["date_end"].isoformat(),
        "year": event["date_end"].year,
        "time_precision": time_precision(event),
        "disorder_type": "Political violence",
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Air/drone strike",
        "actor1": ACTOR1,
        "actor2": ACTOR2.get(event["country"], "Islamic State"),
        "iso": iso,
        "country": country,
        "admin1": event["admin1"] or "",
        "location": location or "",
        "latitude": event["lat"] if event["lat"] is not None else "",
        "longitude": event["lon"] if event["lon"] is not None else "",
        "geo_precision": event["geo_precision"] or (1 if event["lat"] is not None else 3),
        "source": event["source"],
        "source_scale": "Other",
        "notes": event["evidence_text"],
        "strikes_low": _blank(event["strikes_low"]),
        "strikes_best": _blank(event["strikes_best"]),
        "strikes_high": _blank(event["strikes_high"]),
        "engagements": _blank(event["engagements"]),
        "scope": event["scope"],
        "date_start": event["date_start"].isoformat(),
        "date_end": event["date_end"].isoformat(),
        "report_id": event["report_id"],
        "document_url": event["url"],
        "published": event["published"].isoformat() if event["published"] else "",
        "evidence_text": event["evidence_text"],
        "evidence_start": event["evidence_start"],
        "evidence_end": event["evidence_end"],
    }


def write_acled(events: Iterator[dict], out: TextIO) -> int:
    """Write events as ACLED-style CSV; returns the number of rows."""
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS + EXTRA_COLUMNS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for event in events:
        writer.writerow(acled_row(event))
        count += 1
    log.info("wrote %d ACLED rows", count)
    return count


def geojson_feature(event: dict) -> dict:
    """A GeoJSON Point feature for a located event ([lon, lat], as the spec orders them)."""
    row = acled_row(event)
    properties = {k: row[k] for k in ("event_id_cnty", "event_date", "time_precision", "country", "admin1",
                                      "location", "geo_precision", "source", "strikes_low", "strikes_best",
                                      "strikes_high", "scope", "document_url", "notes")}
    return {"type": "Feature", "id": row["event_id_cnty"],
            "geometry": {"type": "Point", "coordinates": [event["lon"], event["lat"]]},
            "properties": properties}


def write_geojson(events: Iterator[dict], out: TextIO) -> int:
    """Write located events as a GeoJSON FeatureCollection; returns the number of features."""
    features = [geojson_feature(e) for e in events if e["lat"] is not None and e["lon"] is not None]
    json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False, indent=1)
    out.write("\n")
    log.info("wrote %d GeoJSON features", len(features))
    return len(features)


def _blank(value):
    return "" if value is None else value

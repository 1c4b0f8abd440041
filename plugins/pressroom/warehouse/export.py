"""Exports analysts can merge with data they already use: ACLED's CSV and GeoJSON of strike events.

One row per strike report (figures.STRIKE_REPORTS: reports counted as daily or backfill, and dated coalition
ranges; no aggregates, no "no strikes" reports). ACLED's 31 columns come first (acled.py), then the counts
and the evidence.
"""

from __future__ import annotations

import csv
import json
import logging
from collections.abc import Iterator
from datetime import date
from typing import TextIO

from .acled import ACLED_COLUMNS, acled_row, blank
from .figures import STRIKE_REPORTS

log = logging.getLogger(__name__)

EVENTS_SQL = f"""
select report_id, document_id, source, url, published, scope, campaign, date_start, date_end, date_precision,
    country, admin1, place, place_as_written, lat, lon, geo_precision, strikes_low, strikes_best,
    strikes_high, engagements, evidence_text, evidence_start, evidence_end
from {STRIKE_REPORTS}
  and (%(since)s::date is null or date_end >= %(since)s)
  and (%(until)s::date is null or date_start <= %(until)s)
order by date_start, country, admin1 nulls last, place nulls last, report_id
"""

# pressroom's columns after ACLED's: the counts as read, the scope, and the evidence with its document.
EXTRA_COLUMNS = (
    "strikes_low", "strikes_best", "strikes_high", "engagements", "scope", "campaign", "date_start", "date_end",
    "report_id", "document_url", "pipeline_source", "published", "place_as_written", "evidence_text",
    "evidence_start", "evidence_end",
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


def export_row(event: dict) -> dict:
    """ACLED's 31 columns, then pressroom's extra columns."""
    return {
        **acled_row(event),
        "strikes_low": blank(event["strikes_low"]),
        "strikes_best": blank(event["strikes_best"]),
        "strikes_high": blank(event["strikes_high"]),
        "engagements": blank(event["engagements"]),
        "scope": event["scope"],
        "campaign": event["campaign"],
        "date_start": event["date_start"].isoformat(),
        "date_end": event["date_end"].isoformat(),
        "report_id": event["report_id"],
        "document_url": event["url"],
        "pipeline_source": event["source"],
        "published": event["published"].isoformat() if event["published"] else "",
        "place_as_written": event["place_as_written"] or "",
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
        writer.writerow(export_row(event))
        count += 1
    log.info("wrote %d ACLED rows", count)
    return count


def geojson_feature(event: dict) -> dict:
    """A GeoJSON Point feature for a located event ([lon, lat], as the spec orders them)."""
    row = export_row(event)
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

"""One strike report as one row of ACLED's export: ACLED's 31 columns, in ACLED's order, with ACLED's meanings.

Columns and codes follow ACLED's codebook: state forces are named "Military Forces of <country> (<period of
the government>)"; U.S. forces striking in Iraq or Syria are external forces (inter code 8). The target follows
the mart's `campaign`: counter-isis strikes hit the Islamic State, a rebel group (2, interaction 28); strikes of
another campaign (e.g. on Iran-backed militias) or of one the normaliser could not tell hit an "Unidentified
Armed Group (<country>)", a political militia (3, interaction 38), never the Islamic State by default. Partner
forces the report names (the Iraqi Security Forces, the SDF) are associated actors. `fatalities` is filled only
when the report's own sentence states a death toll, and `source` names the publisher (from the document's web
address), not the pipeline's source.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from urllib.parse import urlsplit

from ..normalise.numbers import CARDINAL, cardinal

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude",
    "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)
# ISO 3166 alpha-3 (event_id_cnty prefix), numeric (iso), ACLED's country name and region.
COUNTRIES = {"IQ": ("IRQ", 368, "Iraq"), "SY": ("SYR", 760, "Syria")}
REGION = "Middle East"
EXTERNAL_FORCES, REBEL_GROUPS, POLITICAL_MILITIAS = 8, 2, 3


def _period(periods: tuple[tuple[date, str], ...], day: date) -> str:
    """The label of the last period that started on or before `day`."""
    return [label for start, label in periods if start <= day][-1]


# Presidential terms (inauguration day) and Iraqi prime ministers' terms, as ACLED dates its state forces.
US_PERIODS = ((date(2009, 1, 20), "2009-2017"), (date(2017, 1, 20), "2017-2021"), (date(2021, 1, 20), "2021-2025"),
              (date(2025, 1, 20), "2025-"))
IRAQ_PERIODS = ((date(2014, 9, 8), "2014-2018"), (date(2018, 10, 25), "2018-2020"), (date(2020, 5, 7), "2020-2022"),
                (date(2022, 10, 27), "2022-"))
IRAQI_PARTNERS = re.compile(r"\b(?:Iraqi Security Forces|ISF|Iraqi (?:army|forces|security forces)|"
                            r"Government of Iraq|Iraqi government)\b", re.IGNORECASE)
SDF = re.compile(r"\b(?:Syrian Democratic Forces|SDF)\b")
US_ONLY = re.compile(r"\bU\.?S\.? (?:Central Command|forces|military)|\bCENTCOM\b")
ISLAMIC_STATE = {"IQ": "Islamic State (Iraq)", "SY": "Islamic State (Syria)"}
COUNTER_ISIS = "counter-isis"

# Publishers by web address, and ACLED's source scale for each (U.S. commands report from outside the country).
PUBLISHERS = {
    "defense.gov": ("US Department of Defense", "International"),
    "war.gov": ("US Department of War", "International"),
    "centcom.mil": ("CENTCOM", "International"),
    "inherentresolve.mil": ("CJTF-OIR", "International"),
    "dvidshub.net": ("DVIDS", "International"),
    "rudaw.net": ("Rudaw", "National"),
    "kurdistan24.net": ("Kurdistan 24", "National"),
}

VICTIMS = r"(?:fighters|militants|operatives|terrorists|members|leaders?|officials?|operative|fighter|militant)"
KILLED = re.compile(
    rf"\b(?:killing|killed) (?P<a>{CARDINAL}) (?:[\w-]+ ){{0,2}}{VICTIMS}\b|"
    rf"\b(?P<b>{CARDINAL}) (?:[\w-]+ ){{0,2}}{VICTIMS} (?:were |was )?killed\b",
    re.IGNORECASE,
)


def publisher(url: str) -> tuple[str, str]:
    """(publisher name, ACLED source scale) of a document's web address; unknown sites by their host name."""
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    for domain, known in PUBLISHERS.items():
        if host == domain or host.endswith("." + domain):
            return known
    return host, "Other"


def fatalities_stated(text: str) -> int | None:
    """The death toll the sentence states in exact words ("killing two ISIS operatives"), else None."""
    for m in KILLED.finditer(text or ""):
        number = cardinal(m.group("a") or m.group("b"))
        if number:
            return number
    return None


def partners(event: dict, day: date) -> str:
    """ACLED names of the partner forces the report's sentence names, "; "-separated as ACLED writes them."""
    text = event["evidence_text"] or ""
    named = []
    if event["country"] == "IQ" and IRAQI_PARTNERS.search(text) and day >= IRAQ_PERIODS[0][0]:
        named.append(f"Military Forces of Iraq ({_period(IRAQ_PERIODS, day)})")
    if SDF.search(text):
        named.append("SDF: Syrian Democratic Forces")
    return "; ".join(named)


def time_precision(event: dict) -> int:
    """ACLED time precision: 1 a stated day, 2 a range of up to a week, 3 longer."""
    days = (event["date_end"] - event["date_start"]).days
    return 1 if days == 0 else 2 if days <= 7 else 3


def target(event: dict, country: str) -> tuple[str, int, str]:
    """(ACLED actor2, its inter code, the target as the note words it) from the report's campaign."""
    if event["campaign"] == COUNTER_ISIS:
        return ISLAMIC_STATE.get(event["country"], "Islamic State"), REBEL_GROUPS, "Islamic State targets"
    group = f"Unidentified Armed Group ({country})" if country else "Unidentified Armed Group"
    return group, POLITICAL_MILITIAS, "armed group targets"


def note(event: dict, country: str, publisher_name: str, fatalities: int | None) -> str:
    """One sentence in ACLED's style: when, who, what, where, the count as stated, and the death toll if any."""
    start, end = event["date_start"], event["date_end"]
    when = f"On {_day(end)}" if start == end else f"Between {_day(start)} and {_day(end)}"
    stated = event["strikes_best"] is not None
    n = event["strikes_best"] if stated else event["strikes_low"]
    count = ("an air strike" if n == 1 else f"{n} air strikes") if stated else (
        f"at least {'one air strike' if n == 1 else f'{n} air strikes'}")
    text = event["evidence_text"] or ""
    who = "US forces" if US_ONLY.search(text) and "coalition" not in text.lower() else "US-led coalition forces"
    place = ", ".join(dict.fromkeys(v for v in (event["place"], event["admin1"], country) if v))
    where = f"near {place}" if event["place"] or event["admin1"] else f"in {place or 'an unnamed place'}"
    late = " (reported late)" if event["scope"] == "backfill" else ""
    killed = f", killing {fatalities}" if fatalities else ""
    targets = target(event, country)[2]
    return f"{when}, {who} conducted {count}{late} against {targets} {where}{killed}, according to " \
           f"{publisher_name}."


def acled_row(event: dict) -> dict:
    """ACLED's 31 columns for one coalition strike report of mart.strike_events."""
    iso3, iso, country = COUNTRIES.get(event["country"], ("XXX", "", event["country"] or ""))
    day = event["date_end"]
    location = event["place"] or event["admin1"] or country
    source, scale = publisher(event["url"])
    killed = fatalities_stated(event["evidence_text"])
    actor2, inter2, _ = target(event, country)
    return {
        "event_id_cnty": f"{iso3}{event['report_id']}",
        "event_date": day.isoformat(),
        "year": day.year,
        "time_precision": time_precision(event),
        "disorder_type": "Political violence",
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Air/drone strike",
        "actor1": f"Military Forces of the United States ({_period(US_PERIODS, day)})",
        "assoc_actor_1": partners(event, day),
        "inter1": EXTERNAL_FORCES,
        "actor2": actor2,
        "assoc_actor_2": "",
        "inter2": inter2,
        "interaction": int(f"{min(EXTERNAL_FORCES, inter2)}{max(EXTERNAL_FORCES, inter2)}"),
        "civilian_targeting": "",
        "iso": iso,
        "region": REGION,
        "country": country,
        "admin1": event["admin1"] or "",
        "admin2": "",
        "admin3": "",
        "location": location,
        "latitude": blank(event["lat"]),
        "longitude": blank(event["lon"]),
        "geo_precision": event["geo_precision"] or (1 if event["lat"] is not None else 3),
        "source": source,
        "source_scale": scale,
        "notes": note(event, country, source, killed),
        "fatalities": blank(killed),
        "tags": "reported late" if event["scope"] == "backfill" else "",
        "timestamp": int(datetime.combine(event["published"] or day, datetime.min.time(), UTC).timestamp()),
    }


def _day(d: date) -> str:
    return f"{d.day} {d:%B %Y}"


def blank(value):
    """CSV cell of an optional value: empty when unknown (never 0)."""
    return "" if value is None else value

"""The limits a document's facts must meet before they are loaded (pure; docs/storage.md lists them).

The loader refuses a whole document version when one of its facts breaks a limit, so a bad page never
reaches the fact tables half-loaded nor fails its batch on a constraint: the reason is recorded instead.
The normaliser reports plausibility as findings on its own; these limits hold whatever it emits.
"""

from __future__ import annotations

import math
import re
from datetime import date, timedelta

SCOPES = ("event", "backfill", "aggregate")
ACTORS = ("coalition", "other")
CAMPAIGNS = ("counter-isis", "other", None)
# Plausible maxima per strike report. A daily or weekly release reports tens to a few hundred strikes
# (the busiest weeks of 2017 stayed under 1 000); cumulative totals of Operation Inherent Resolve are
# ~35 000 strikes / ~100 000 engagements.
MAX_STRIKES = {"event": 2_000, "backfill": 2_000, "aggregate": 200_000}
MAX_ENGAGEMENTS = {"event": 10_000, "backfill": 10_000, "aggregate": 1_000_000}
MAX_TARGET_COUNT = 10_000
# Longest date range one report may cover: a year for reported strikes, 20 years for a cumulative total.
MAX_RANGE_DAYS = {"event": 366, "backfill": 366, "aggregate": 7_305}
EARLIEST_DATE = date(1990, 1, 1)
# A strike cannot postdate the fetch of the page that reports it (a day's slack for time zones).
FETCH_SLACK = timedelta(days=1)
ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
YEAR_FIRST = re.compile(r"[0-9]{4}-")
YEARLESS_DATE = re.compile(r"XXXX-([0-9]{2})-([0-9]{2})")


class Refused(ValueError):
    """A fact breaks a limit; the message names the field and the limit."""


def document_problem(result: dict, *, text_length: int, fetched: date) -> str | None:
    """Why this analysis (contract JSON) cannot be loaded, or None when every fact meets the limits."""
    try:
        _check_list(result, "strike_reports", lambda r: check_report(r, text_length=text_length, fetched=fetched))
        _check_list(result, "spokespeople", lambda p: check_person(p, text_length=text_length))
        _check_list(result, "findings", lambda f: check_finding(f, text_length=text_length))
    except Refused as exc:
        return str(exc)
    return None


def _check_list(result: dict, key: str, check) -> None:
    items = result.get(key) or []
    if not isinstance(items, list):
        raise Refused(f"{key} is not a list")
    for n, item in enumerate(items):
        if not isinstance(item, dict):
            raise Refused(f"{key}[{n}] is not an object")
        try:
            check(item)
        except Refused as exc:
            raise Refused(f"{key}[{n}]: {exc}") from None


def check_report(r: dict, *, text_length: int, fetched: date) -> None:
    scope = _choice(r, "scope", SCOPES)
    _choice(r, "actor", ACTORS)
    _choice(r, "campaign", CAMPAIGNS)
    _text(r, "rule", required=True)
    for key in ("date_precision", "country", "admin1", "place", "place_normalised"):
        _text(r, key)
    start, end = _date(r, "date_start", fetched), _date(r, "date_end", fetched)
    if start and end:
        if end < start:
            raise Refused(f"date range reversed ({start} to {end})")
        if (end - start).days > MAX_RANGE_DAYS[scope]:
            raise Refused(f"date range of {(end - start).days} days exceeds {MAX_RANGE_DAYS[scope]} for {scope}")
    _number(r, "lat", -90, 90)
    _number(r, "lon", -180, 180)
    _integer(r, "geo_precision", 1, 3)
    strikes = r.get("strikes") or {}
    if not isinstance(strikes, dict):
        raise Refused("strikes is not an object")
    low, best, high = (_integer(strikes, k, 0, MAX_STRIKES[scope], label=f"strikes.{k}")
                       for k in ("low", "best", "high"))
    bounds = [v for v in (low, best, high) if v is not None]
    if bounds != sorted(bounds):
        raise Refused(f"strike counts out of order (low {low}, best {best}, high {high})")
    _integer(r, "engagements", 0, MAX_ENGAGEMENTS[scope])
    targets = r.get("targets") or []
    if not isinstance(targets, list) or not all(isinstance(t, dict) for t in targets):
        raise Refused("targets is not a list of objects")
    for target in targets:
        _integer(target, "count", 0, MAX_TARGET_COUNT, label="targets.count")
    _evidence(r.get("evidence"), text_length, required=True)


def check_person(p: dict, *, text_length: int) -> None:
    _text(p, "name", required=True)
    for key in ("rank", "role", "organisation"):
        _text(p, key)
    quotes = p.get("quotes") or []
    if not isinstance(quotes, list):
        raise Refused("quotes is not a list")
    _evidence(p.get("evidence"), text_length, required=True)


def check_finding(f: dict, *, text_length: int) -> None:
    _text(f, "check", required=True)
    _text(f, "severity")
    _text(f, "detail")
    _evidence(f.get("evidence"), text_length, required=False)


def _choice(item: dict, key: str, allowed: tuple) -> str | None:
    value = item.get(key)
    if value not in allowed:
        raise Refused(f"{key} {value!r} not one of {', '.join(repr(a) for a in allowed)}")
    return value


def _text(item: dict, key: str, *, required: bool = False) -> str | None:
    value = item.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str) or (required and not value):
        raise Refused(f"{key} must be {'a non-empty' if required else 'a'} string")
    return value


def _integer(item: dict, key: str, low: int, high: int, *, label: str | None = None) -> int | None:
    value = item.get(key)
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool):
        raise Refused(f"{label or key} is not an integer")
    if not low <= value <= high:
        raise Refused(f"{label or key} {value} outside {low}..{high}")
    return value


def _number(item: dict, key: str, low: float, high: float) -> None:
    value = item.get(key)
    if value is None:
        return
    if not isinstance(value, int | float) or isinstance(value, bool) or not math.isfinite(value):
        raise Refused(f"{key} is not a finite number")
    if not low <= value <= high:
        raise Refused(f"{key} {value} outside {low}..{high}")


def _date(item: dict, key: str, fetched: date) -> date | None:
    """The date of a full ISO value; a year-less XXXX-MM-DD must still be a calendar day (kept as text)."""
    value = item.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise Refused(f"{key} is not a string")
    if yearless := YEARLESS_DATE.fullmatch(value):
        try:
            date(2000, int(yearless[1]), int(yearless[2]))  # a leap year: XXXX-02-29 is a day
        except ValueError:
            raise Refused(f"{key} {value!r} is not a calendar day") from None
        return None
    if not ISO_DATE.fullmatch(value):
        return None  # month or year precision: kept as written, never put into a date column
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise Refused(f"{key} {value!r} is not a calendar day") from None
    if not EARLIEST_DATE <= day <= fetched + FETCH_SLACK:
        raise Refused(f"{key} {day} outside {EARLIEST_DATE}..{fetched + FETCH_SLACK} (the fetch date)")
    return day


def _evidence(evidence, text_length: int, *, required: bool) -> None:
    if evidence is None and not required:
        return
    if not isinstance(evidence, dict):
        raise Refused("evidence is not an object")
    _text(evidence, "text", required=True)
    start = _integer(evidence, "start", 0, text_length, label="evidence.start")
    end = _integer(evidence, "end", 0, text_length, label="evidence.end")
    if start is None or end is None or end < start:
        raise Refused(f"evidence offsets {start}..{end} not a span of the {text_length}-character text")


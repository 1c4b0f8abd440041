"""Dates in strike reports, resolved against the publication date.

- "yesterday" → published − 1 day; "today"/"tonight" → published; "yesterday and today", "over the past 24
  hours" → the range published − 1 … published; "in the last two days" → published − 2 … published ("the past
  week": − 7); "Monday and
  today", "Sept. 14 and yesterday" → from that day to publication (− 1 for yesterday).
- A weekday is the most recent such day on or before the publication date: in a Saturday article
  "Friday" is the day before and "on Saturday" is the same day; "on Monday and Tuesday" is a range.
- "July 28", "Dec. 16", "June 24, 2017"; ranges "between July 23-29", "Dec. 15-17", "between Dec. 16-22",
  "July 30 to Aug. 2". Without a year the publication year is used (the previous year when the date would
  otherwise lie after publication); without a publication date the year is unknown and the ISO 8601-2
  (EDTF) form with an unspecified year, "XXXX-MM-DD", is returned.
- A weekday next to "said"/"announced"/"statement" is the day of the announcement, not of the strikes.

`DateRange.start/end` are ISO strings, `precision` is "day" (one day) or "range" (several days).
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass

MONTHS = {
    "jan": 1,
    "january": 1,
    "feb": 2,
    "february": 2,
    "mar": 3,
    "march": 3,
    "apr": 4,
    "april": 4,
    "may": 5,
    "jun": 6,
    "june": 6,
    "jul": 7,
    "july": 7,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "oct": 10,
    "october": 10,
    "nov": 11,
    "november": 11,
    "dec": 12,
    "december": 12,
}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

MONTH = (  # a month name as releases and the press write it: "Dec.", "Sept.", "July", "December"
    r"(?:(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?|"
    r"January|February|March|April|May|June|July|August|September|October|November|December)"
)
MONTH_OR_DAY_RE = re.compile(rf"(?:{MONTH}|\d{{1,2}}(?:st|nd|rd|th)?),?", re.IGNORECASE)  # a date word
_MONTH = "(?P<{0}>" + MONTH + ")"
_YEAR = r"(?:,?\s+(?P<{0}>(?:19|20)\d\d))?"
RANGE_RE = re.compile(
    rf"\b{_MONTH.format('m1')}\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?{_YEAR.format('y1')}(?:(?<=\d{{4}}),)?"
    r"\s*(?:-|–|to|and|through|until)\s*"
    rf"(?:{_MONTH.format('m2')}\s+)?(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b{_YEAR.format('y2')}"
)
DAY_RE = re.compile(
    rf"\b{_MONTH.format('m1')}\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\b{_YEAR.format('y1')}"
    rf"|\b(?P<d2>\d{{1,2}})\s+{_MONTH.format('m2')}{_YEAR.format('y2')}"
)
RELATIVE_RE = re.compile(
    r"\b(?P<rel>yesterday and today|yesterday|today|tonight|(?:last|this) (?:night|morning)|"
    r"(?:in|over|during) the (?:past|last) (?:24 hours|24 hrs|day))\b",
    re.IGNORECASE,
)
PAST_DAYS_RE = re.compile(  # "in the last two days", "over the past week": the N days up to publication
    r"\b(?:in|over|during) the (?:past|last) (?:(?P<n>two|three|four|five|six|seven|[2-7]) days|(?P<week>week))\b",
    re.IGNORECASE,
)
# "In August", "early April", "during October 2017" (not "August 18"): the whole month, precision "month".
_MONTH_NAME = r"(?P<m1>January|February|March|April|May|June|July|August|September|October|November|December)"
MONTH_ONLY_RE = re.compile(  # also a month before the strike noun: "A July drone strike", "the August airstrikes"
    r"\b(?:[Ii]n|[Dd]uring|[Ee]arly|[Ll]ate|[Mm]id-?|[Tt]hroughout)\s+(?:early\s+|late\s+|mid-?)?"
    rf"{_MONTH_NAME}(?:,?\s+(?P<y1>(?:19|20)\d\d))?\b(?!\s*\d)"
    rf"|\b(?:[Aa]n?|[Tt]he|[Aa]nother)\s+{_MONTH_NAME.replace('m1', 'm2')}"
    r"(?=\s+(?:(?!\d)[\w-]+\s+)?(?:air\s?)?strikes?\b)"
)
WEEKEND_RE = re.compile(r"\b(?:over|during|on|at|this|last) the weekend\b|\b(?:this|last) weekend\b", re.IGNORECASE)
LAST_WEEK_RE = re.compile(r"\blast week\b", re.IGNORECASE)
LAST_MONTH_RE = re.compile(r"\blast month\b", re.IGNORECASE)
# "31/02/2017": numeric dates as non-U.S. sources write them (day first, else month first when only that is valid).
NUMERIC_RE = re.compile(r"\b(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>(?:19|20)\d\d)\b")
MAX_RANGE_DAYS = 366  # a stated range longer than this is refused (a finding), see data/vocabulary/strikes.yaml
_SMALL = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
WEEKDAY_RANGE_RE = re.compile(
    rf"\b(?P<wd1>{'|'.join(WEEKDAYS)})\s+(?:and|to|through|until)\s+(?P<wd2>{'|'.join(WEEKDAYS)})\b",
    re.IGNORECASE,
)
# "Monday and today", "Sept. 14 and yesterday": from a day to the day before or of publication.
UNTIL_RELATIVE_RE = re.compile(
    rf"\b(?:(?P<wd>{'|'.join(WEEKDAYS)})|{_MONTH.format('m1')}\s+(?P<d1>\d{{1,2}}))\s+(?:and|to|through|until)\s+"
    r"(?P<rel>yesterday|today)\b",
    re.IGNORECASE,
)
WEEKDAY_RE = re.compile(rf"\b(?P<wd>{'|'.join(WEEKDAYS)})(?:’s|'s)?\b", re.IGNORECASE)
# The weekday or date of an announcement ("said on Saturday", "in a Monday statement"), not of the strikes.
ANNOUNCE_BEFORE = re.compile(  # "said on Monday", and the date that glosses it: "said on Monday (October 9)"
    r"(?:said|says|announced|stated|reported|told(?:\s+[A-Z][\w.]*){0,2}|tweeted|added|released|statement|release|"
    r"confirmed)"
    r"(?:\s+(?:details|results|information|reporters|journalists))?"
    rf"(?:\s+(?:on|in a|in|late|early))*\s*(?:(?:{'|'.join(WEEKDAYS)})\s*\(\s*)?$",
    re.IGNORECASE,
)
AGENCY_DATELINE_RE = re.compile(r"\s*\([A-Z][\w .'-]{1,30}\)\s*(?:[—–]|--?)\s")
ANNOUNCE_AFTER = re.compile(r"^\s*(?:statement|release|news release|press release|[—–]|-\s)", re.IGNORECASE)
DATELINE_RE = re.compile(
    rf"^\s*[A-Z][A-Z .,]{{2,40}}(?:,\s*[A-Z][a-z]+\.)?,\s*{_MONTH.format('m1')}\s+"
    rf"(?P<d1>\d{{1,2}}),\s+(?P<y1>\d{{4}})\s*[—–-]",
    re.MULTILINE,
)


@dataclass(frozen=True)
class DateRange:
    start: str | None
    end: str | None
    precision: str | None
    at: int = -1  # offset of the expression inside the searched text
    until: int = -1
    rule: str | None = None  # how it was read: range, month-day, yesterday, today, day-of-week
    problem: str | None = None  # why a stated date was refused (impossible, reversed, too long): a finding

    def as_fields(self) -> dict:
        return {"date_start": self.start, "date_end": self.end, "date_precision": self.precision}


UNKNOWN = DateRange(None, None, None)


def month_number(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def weekday_before(name: str, published: dt.date) -> dt.date:
    """The most recent `name` day on or before `published`."""
    back = (published.weekday() - WEEKDAYS.index(name.lower())) % 7
    return published - dt.timedelta(days=back)


def _day(month: int, day: int, year: int | None, published: dt.date | None) -> str | dt.date | None:
    if year is None and published is not None:
        year = published.year
        try:
            if dt.date(year, month, day) > published + dt.timedelta(days=1):
                year -= 1
        except ValueError:
            return None
    if year is None:
        return f"XXXX-{month:02d}-{day:02d}"
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _iso(value: str | dt.date) -> str:
    return value if isinstance(value, str) else value.isoformat()


def _is_announcement(text: str, start: int, end: int) -> bool:
    """ "said on Monday", "in a Monday statement", a dateline "Dec. 20, 2016 —" (a dash after a date dates the
    release only when the date has its year: "The airstrike on Feb. 23 — but …" dates the strike)."""
    after = ANNOUNCE_AFTER.match(text[end : end + 20])
    dash = after and after.group().strip()[:1] in "—–-"
    dated_line = after and (not dash or re.search(r"\d{4}$", text[start:end]))
    agency = AGENCY_DATELINE_RE.match(text[end : end + 40])  # "WASHINGTON, Jan. 23 (Xinhua) --": the agency's date
    return bool(ANNOUNCE_BEFORE.search(text[max(0, start - 30) : start]) or dated_line or agency)


def _until_relative(m: re.Match, published: dt.date | None) -> DateRange | None:
    """ "Monday and today", "Sept. 14 and yesterday" → the range from that day to published (− 1 for yesterday)."""
    if published is None:
        return None
    end = published - dt.timedelta(days=1) if m["rel"].lower() == "yesterday" else published
    start = weekday_before(m["wd"], end) if m["wd"] else _day(month_number(m["m1"]), int(m["d1"]), None, published)
    if not isinstance(start, dt.date) or start > end:
        return None
    rule = "day-of-week" if m["wd"] else "range"
    return DateRange(start.isoformat(), end.isoformat(), "range" if start < end else "day", m.start(), m.end(), rule)


def find_all(text: str, published: dt.date | None) -> list[DateRange]:
    """Every date expression in `text` that dates an event (not an announcement), resolved, in text order."""
    return list(_find_all(text, published))


@functools.lru_cache(maxsize=256)  # every mention of a clause asks for the same clause's dates
def _find_all(text: str, published: dt.date | None) -> tuple[DateRange, ...]:
    found: list[DateRange] = []
    found += [_range(m, published) for m in RANGE_RE.finditer(text)]
    found += [r for m in UNTIL_RELATIVE_RE.finditer(text) if (r := _until_relative(m, published))]
    for m in DAY_RE.finditer(text):
        if any(r.at <= m.start() < r.until for r in found) or _is_announcement(text, m.start(), m.end()):
            continue
        month = month_number(m["m1"] or m["m2"])
        year = m["y1"] or m["y2"]
        day = _day(month, int(m["d1"] or m["d2"]), int(year) if year else None, published)
        if day:
            found.append(DateRange(_iso(day), _iso(day), "day", m.start(), m.end(), "month-day"))
        else:
            found.append(_refused(m, f"impossible calendar date {m.group()!r}"))
    found += [r for m in NUMERIC_RE.finditer(text) if (r := _numeric(m))]
    for m in MONTH_ONLY_RE.finditer(text):
        if not any(r.at < m.end() and m.start() < r.until for r in found):
            found.append(_month(m, published))
    for m in WEEKEND_RE.finditer(text):
        if published is None:
            found.append(DateRange(None, None, None, m.start(), m.end(), "weekend"))
            continue
        sunday = weekday_before("sunday", published)
        found.append(DateRange((sunday - dt.timedelta(days=1)).isoformat(), sunday.isoformat(), "range", m.start(),
                               m.end(), "weekend"))  # fmt: skip
    for m in LAST_WEEK_RE.finditer(text):
        if published is None:
            found.append(DateRange(None, None, None, m.start(), m.end(), "last-week"))
            continue
        monday = published - dt.timedelta(days=published.weekday() + 7)
        found.append(DateRange(monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat(), "range", m.start(),
                               m.end(), "last-week"))  # fmt: skip
    for m in LAST_MONTH_RE.finditer(text):  # the previous calendar month, as a month-only date
        if published is None:
            found.append(DateRange(None, None, None, m.start(), m.end(), "last-month"))
            continue
        last = published.replace(day=1) - dt.timedelta(days=1)
        found.append(DateRange(last.replace(day=1).isoformat(), last.isoformat(), "month", m.start(), m.end(),
                               "last-month"))  # fmt: skip
    for m in RELATIVE_RE.finditer(text):
        in_range = any(r.at <= m.start() < r.until for r in found)
        if in_range or _is_announcement(text, m.start(), m.end()):  # "officials reported today"
            continue
        rel = m["rel"].lower()
        rule = "yesterday" if rel.startswith(("yesterday", "last night")) else "today"
        if rel.startswith(("in the", "over the", "during the")):  # "over the past 24 hours"
            rule, rel = "past-24-hours", "yesterday and today"
        if published is None:
            found.append(DateRange(None, None, None, m.start(), m.end(), rule))
            continue
        start = published - dt.timedelta(days=1) if rule != "today" else published
        end = published if rel == "yesterday and today" else start
        precision = "range" if end != start else "day"
        found.append(DateRange(start.isoformat(), end.isoformat(), precision, m.start(), m.end(), rule))
    for m in PAST_DAYS_RE.finditer(text):
        if published is None:
            found.append(DateRange(None, None, None, m.start(), m.end(), "past-days"))
            continue
        days = 7 if m["week"] else _SMALL.get(m["n"].lower()) or int(m["n"])
        start = published - dt.timedelta(days=days)
        found.append(DateRange(start.isoformat(), published.isoformat(), "range", m.start(), m.end(), "past-days"))
    for m in WEEKDAY_RANGE_RE.finditer(text):
        if published is None:
            found.append(DateRange(None, None, None, m.start(), m.end(), "day-of-week"))
            continue
        end = weekday_before(m["wd2"], published)
        start = weekday_before(m["wd1"], end)
        found.append(DateRange(start.isoformat(), end.isoformat(), "range", m.start(), m.end(), "day-of-week"))
    for m in WEEKDAY_RE.finditer(text):
        dated = any(0 <= r.at - m.end() <= 3 for r in found)  # "Sunday, August 17": the date wins
        in_range = any(r.at <= m.start() < r.until for r in found)
        possessive = m.group().endswith("s")  # "Tuesday's strike" dates the strike, whoever speaks of it
        if dated or in_range or (not possessive and _is_announcement(text, m.start(), m.end())):
            continue
        day = weekday_before(m["wd"], published).isoformat() if published else None
        found.append(DateRange(day, day, "day" if day else None, m.start(), m.end(), "day-of-week"))
    return tuple(sorted(found, key=lambda r: r.at))


# "the operation occurred the previous day": the day before a date the text states (else before publication).
PREVIOUS_DAY_RE = re.compile(r"\bthe (?:previous|preceding) day\b|\bthe day before\b(?! (?:yesterday|that))", re.I)


def stated_day(text: str, published: dt.date | None) -> str | None:
    """The last month-day date written in `text`, announcements included ("CENTCOM's statement, dated Jan. 17")."""
    days = [
        _day(month_number(m["m1"] or m["m2"]), int(m["d1"] or m["d2"]), int(y) if (y := m["y1"] or m["y2"]) else None,
             published)
        for m in DAY_RE.finditer(text)
    ]  # fmt: skip
    days = [d for d in days if d]
    return _iso(days[-1]) if days else None


def day_before(anchor: str | None, published: dt.date | None) -> DateRange | None:
    """The day before `anchor` (ISO, or "XXXX-MM-DD" when the year is unknown), else before publication."""
    if anchor is None:
        if published is None:
            return None
        day = (published - dt.timedelta(days=1)).isoformat()
        return DateRange(day, day, "day", rule="previous-day")
    year = anchor[:4]
    known = dt.date.fromisoformat(("2001" if year == "XXXX" else year) + anchor[4:]) - dt.timedelta(days=1)
    day = known.isoformat() if year != "XXXX" else "XXXX" + known.isoformat()[4:]
    return DateRange(day, day, "day", rule="previous-day")


# The period an aggregate states: "since 2014", "since August 2014", "since Aug. 8", "in 2024", "this year".
PERIOD_RE = re.compile(
    rf"\bsince\s+(?:{_MONTH.format('m1')}\s+(?:(?P<d1>\d{{1,2}}),?\s+)?)?(?P<y1>(?:19|20)\d\d)\b"
    rf"|\bsince\s+{_MONTH.format('m2')}\s+(?P<d2>\d{{1,2}})\b"
    r"|\bin\s+(?P<y3>(?:19|20)\d\d)\b|\b(?P<this>this year)\b",
    re.IGNORECASE,
)


def period(text: str, published: dt.date | None) -> DateRange | None:
    """The period an aggregate states: an open one ("since 2014") runs to the publication date (null without one),
    a year ("188 strikes in 2024") is the whole year, "this year" the publication's year up to publication."""
    m = PERIOD_RE.search(text)
    if m is None:
        return None
    end = published.isoformat() if published else None
    if m["y3"]:
        return DateRange(f"{m['y3']}-01-01", f"{m['y3']}-12-31", "range", m.start(), m.end(), "period")
    if m["this"]:
        start = f"{published.year}-01-01" if published else None
        return DateRange(start, end, "range" if published else None, m.start(), m.end(), "period")
    if m["y1"]:
        month = month_number(m["m1"]) if m["m1"] else 1
        start = f"{m['y1']}-{month:02d}-{int(m['d1'] or 1):02d}"
    else:
        day = _day(month_number(m["m2"]), int(m["d2"]), None, published)
        if day is None:
            return None
        start = _iso(day)
    return DateRange(start, end, "range", m.start(), m.end(), "period")


def _refused(m: re.Match, problem: str) -> DateRange:
    return DateRange(None, None, None, m.start(), m.end(), "refused-date", problem)


def _range(m: re.Match, published: dt.date | None) -> DateRange:
    """ "Between Dec. 16-22", "July 30 to Aug. 2", "February 3, 2026, and February 12, 2026". Without a year both
    ends take the start's year (a range never runs backwards: "Dec. 16-22" in a release of Dec. 18, 2017 is
    2017-12-16/22), the end the next year when its month comes before the start's ("Dec. 30 to Jan. 2").
    Impossible days, ranges still ending before they start and ranges longer than MAX_RANGE_DAYS are refused."""
    m1 = month_number(m["m1"])
    m2 = month_number(m["m2"]) if m["m2"] else m1
    y1, y2 = (int(y) if y else None for y in (m["y1"], m["y2"]))
    start = _day(m1, int(m["d1"]), y1 or y2, published)
    if start is None:
        return _refused(m, f"impossible calendar date in {m.group()!r}")
    if isinstance(start, dt.date):
        year = y2 or (start.year + 1 if m2 < m1 and not y1 else start.year)
        try:
            end: str | dt.date = dt.date(year, m2, int(m["d2"]))
        except ValueError:
            return _refused(m, f"impossible calendar date in {m.group()!r}")
        if end < start:
            return _refused(m, f"range {m.group()!r} ends before it starts")
        if (end - start).days > MAX_RANGE_DAYS:
            return _refused(m, f"range {m.group()!r} is longer than {MAX_RANGE_DAYS} days")
    else:
        end = _day(m2, int(m["d2"]), None, None)
        if end is None:
            return _refused(m, f"impossible calendar date in {m.group()!r}")
    return DateRange(_iso(start), _iso(end), "range", m.start(), m.end(), "range")


def _numeric(m: re.Match) -> DateRange | None:
    """ "16/09/2023" (day first), "09/16/2023" (only valid month first); impossible either way → refused;
    valid both ways and different → ambiguous, no date."""
    a, b, year = int(m["a"]), int(m["b"]), int(m["y"])
    readings = set()
    for day, month in ((a, b), (b, a)):
        try:
            readings.add(dt.date(year, month, day))
        except ValueError:
            pass
    if not readings:
        return _refused(m, f"impossible calendar date {m.group()!r}")
    if len(readings) > 1:
        return None
    day = readings.pop().isoformat()
    return DateRange(day, day, "day", m.start(), m.end(), "month-day")


def _month(m: re.Match, published: dt.date | None) -> DateRange:
    """ "In August" → the whole month; the year stated, else the publication's (the previous one for a month
    after publication), else unknown ("XXXX-08-01")."""
    month = month_number(m["m1"] or m["m2"])
    year = int(m["y1"]) if m["y1"] else None
    if year is None and published is not None:
        year = published.year - (month > published.month)
    last = calendar.monthrange(year or 2000, month)[1]  # 2000: a leap year, so February ends on the 29th
    prefix = f"{year:04d}" if year else "XXXX"
    start, end = f"{prefix}-{month:02d}-01", f"{prefix}-{month:02d}-{last:02d}"
    return DateRange(start, end, "month", m.start(), m.end(), "month-only")


def nearest(text: str, position: int, published: dt.date | None) -> DateRange | None:
    """The event date expression in `text` closest to `position` (the strike mention)."""
    found = find_all(text, published)
    return min(found, key=lambda r: min(abs(r.at - position), abs(r.until - position))) if found else None


def dateline(text: str) -> dt.date | None:
    """The date of a release dateline ("SOUTHWEST ASIA, July 18, 2017 —"), if the text opens with one."""
    m = DATELINE_RE.search(text[:600])
    if not m:
        return None
    try:
        return dt.date(int(m["y1"]), month_number(m["m1"]), int(m["d1"]))
    except ValueError:
        return None

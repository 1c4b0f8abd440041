"""htmldate's last-resort date parser, replaced by a small English one.

When its own rules find nothing, htmldate's extensive search hands a few strings per hundred pages to dateparser
(`htmldate.extractors.get_external_parser`), gated by "a month name of any locale" (`month_words`). Both load
every dateparser locale and compile their patterns — about 0.5 CPU-second in every fresh process (each Airflow
task, each `pressroom analyse`), the largest fixed cost of extraction — for pages that are English: the sources
are. On the 190 benchmark pages dateparser was asked once and its answer was not the date htmldate kept, so the
dates found are the same with this parser, which reads "November 20, 2019", "20 November 2019" and
"Nov. 20 15:23 2019". htmldate exposes no option for either, so `install()` replaces both once per process.
"""

from __future__ import annotations

import calendar
import functools
import re
from datetime import datetime

MONTHS = {name.lower(): n for n in range(1, 13) for name in (calendar.month_name[n], calendar.month_abbr[n])}
MONTHS["sept"] = 9
_TIME = r"(?:\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?[,\s]+)?"
DATE_RE = re.compile(
    rf"\b(?:(?P<day1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month1>[a-z]{{3,9}})\.?"
    rf"|(?P<month2>[a-z]{{3,9}})\.?\s+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?)[,\s]+{_TIME}(?P<year>(?:19|20)\d{{2}})\b",
    re.I,
)


class EnglishDateParser:
    """The one method htmldate calls on its external parser."""

    def get_date_data(self, string: str) -> dict:
        for m in DATE_RE.finditer(string):
            month = MONTHS.get((m["month1"] or m["month2"]).lower())
            if month:
                try:
                    return {"date_obj": datetime(int(m["year"]), month, int(m["day1"] or m["day2"]))}
                except ValueError:
                    continue
        return {"date_obj": None}


@functools.cache
def install() -> None:
    import htmldate.extractors

    parser = EnglishDateParser()
    htmldate.extractors.get_external_parser = lambda: parser
    htmldate.extractors.month_words = frozenset  # English month names are matched by htmldate itself

"""Normalisation of strike reports: text in, strike reports, spokespeople and data-quality findings out.

Pure functions: no I/O except the package's gazetteer data files, no network, no database, no Airflow.
See docs/normalisation.md for the rules and their ids.
"""

from __future__ import annotations

import datetime as dt

from . import campaign, checks, dates, spokespeople, strikes
from . import text as text_module

NORMALISER_VERSION = "2026.11.5"

REPORT_FIELDS = (
    "date_start", "date_end", "date_precision", "country", "admin1", "place", "place_normalised", "lat", "lon",
    "geo_precision", "strikes", "engagements", "scope", "actor", "campaign", "targets", "evidence", "rule",
)  # fmt: skip


def _ordered(report: dict) -> dict:
    """Contract fields first, in contract order, then the extras (places, anchor, relative, of_total)."""
    return {
        **{k: report[k] for k in REPORT_FIELDS},
        **{k: v for k, v in report.items() if k not in REPORT_FIELDS},
    }


def analyse(text: str, published: dt.date | None = None, title: str | None = None) -> dict:
    """Strike reports, spokespeople, headline totals and findings of one document.

    `published` resolves relative dates; when it is missing, a release dateline ("SOUTHWEST ASIA, July 18,
    2017 —") is used, else relative dates stay null. The strike rules read `text.normalise(text)` (same length);
    evidence is sliced from `text` itself. `title` is accepted for the caller's convenience; the
    facts are read from `text`, where every evidence offset points.
    """
    published = published or dates.dateline(text)
    normalised = text_module.normalise(text)  # one character for one: offsets hold for `text`
    reports, headlines = strikes.extract(normalised, published)
    reports, implausible = checks.plausible(reports)
    headlines, implausible_totals = checks.plausible(headlines)
    campaign.assign(normalised, reports + headlines)
    for fact in reports + headlines + implausible + implausible_totals:
        evidence = fact["evidence"]
        if evidence:
            evidence["text"] = text[evidence["start"] : evidence["end"]]
    return {
        "strike_reports": [_ordered(r) for r in reports],
        "spokespeople": spokespeople.extract(text),
        "headlines": [_ordered(h) for h in headlines],
        "findings": implausible + implausible_totals + checks.run(reports, headlines),
    }


__all__ = ["NORMALISER_VERSION", "analyse"]

"""The limits a document's facts must meet before loading: each broken limit is named in the reason."""

from datetime import date

import pytest

from pressroom.store.validate import document_problem

FETCHED = date(2017, 12, 20)
EVIDENCE = {"text": "one strike", "start": 0, "end": 10}


def report(**changes) -> dict:
    base = {"rule": "r", "scope": "event", "actor": "coalition", "campaign": "counter-isis",
            "date_start": "2017-12-16", "date_end": "2017-12-18", "strikes": {"low": 1, "best": 1, "high": 1},
            "evidence": EVIDENCE}
    return {**base, **changes}


def problem(*reports, people=(), findings=()) -> str | None:
    result = {"strike_reports": list(reports), "spokespeople": list(people), "findings": list(findings)}
    return document_problem(result, text_length=100, fetched=FETCHED)


def test_a_plausible_document_passes():
    assert problem(report(), report(date_start="XXXX-02-29", date_end=None, date_precision="day")) is None


@pytest.mark.parametrize("changes,reason", [
    ({"date_start": "2017-12-16", "date_end": "2016-12-22"}, "date range reversed"),
    ({"date_start": "2017-02-31", "date_end": None}, "not a calendar day"),
    ({"date_start": "XXXX-02-30", "date_end": None}, "not a calendar day"),
    ({"date_start": "2019-01-01", "date_end": None}, "the fetch date"),
    ({"date_start": "2015-01-01"}, "exceeds 366"),
    ({"strikes": {"best": 999999999999999999999}}, "strikes.best 999999999999999999999 outside"),
    ({"strikes": {"best": 4294967297}}, "outside 0..2000"),
    ({"engagements": 99999999999}, "engagements 99999999999 outside"),
    ({"strikes": {"low": 5, "high": 2}}, "out of order"),
    ({"scope": "weekly"}, "scope 'weekly' not one of"),
    ({"lat": 91.0}, "lat 91.0 outside"),
    ({"geo_precision": 40000}, "geo_precision 40000 outside"),
    ({"evidence": {"text": "x", "start": 5, "end": 500}}, "evidence.end 500 outside"),
    ({"rule": None}, "rule must be a non-empty string"),
])
def test_each_broken_limit_refuses_the_document_with_its_reason(changes, reason):
    found = problem(report(), report(**changes))
    assert found is not None and found.startswith("strike_reports[1]: ") and reason in found


def test_aggregates_may_be_large_and_long():
    assert problem(report(scope="aggregate", date_start="2014-08-08", strikes={"best": 34000})) is None


def test_spokespeople_and_findings_are_checked_too():
    assert "spokespeople[0]: name" in problem(people=[{"name": "", "evidence": EVIDENCE}])
    assert "findings[0]: evidence" in problem(findings=[{"check": "c", "evidence": {"text": "x", "start": 3}}])
    assert problem(findings=[{"check": "c", "severity": "warning", "detail": "d", "evidence": None}]) is None


@pytest.mark.parametrize("value", [float("nan"), float("inf"), "x\x00y"])
def test_an_analysis_jsonb_cannot_hold_is_refused_before_the_write(value):
    from pressroom.store.facts import encode_analysis

    with pytest.raises(ValueError):
        encode_analysis({"strike_reports": [report(place=value)]})

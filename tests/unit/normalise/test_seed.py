"""The project's seed requirement on the Rudaw 2020-06-20 article (read from ../shared at test time)."""

import datetime as dt
from pathlib import Path

import pytest

from pressroom.normalise import analyse

SHARED = Path(__file__).resolve().parents[3] / ".." / "shared"  # ../shared next to the repository
SEED = SHARED / "seed"


@pytest.fixture(scope="module")
def seed():
    text = (SEED / "rudaw-2020-06-20-wadi-al-shai.txt").read_text(encoding="utf-8")
    return text, analyse(text, published=dt.date(2020, 6, 20))


def test_one_event_report(seed):
    text, out = seed
    events = [r for r in out["strike_reports"] if r["scope"] == "event"]
    assert len(events) == 1
    r = events[0]
    assert (r["date_start"], r["date_end"], r["country"], r["admin1"], r["place"], r["actor"]) == (
        "2020-06-19",
        "2020-06-19",
        "IQ",
        "Kirkuk",
        "Wadi al-Shai",
        "coalition",
    )
    assert r["strikes"] == {"low": 2, "best": None, "high": None}
    assert r["targets"] == [{"type": "camp", "count": 3, "effect": "destroyed"}]
    assert r["rule"].startswith("narrative.")


def test_aggregate_and_no_khanaqin(seed):
    _, out = seed
    aggregates = [r for r in out["strike_reports"] if r["scope"] == "aggregate"]
    # "since 2014": the revised contract gives an open period its start and the publication date as its end
    # (the seed's gold.jsonl predates that rule and leaves the aggregate undated; aggregates are not date-scored)
    got = [(a["strikes"]["low"], a["country"], a["date_start"], a["date_end"]) for a in aggregates]
    assert got == [(20000, None, "2014-01-01", "2020-06-20")]
    assert not any("Khanaqin" in (r["place"] or "") for r in out["strike_reports"])


def test_spokesperson(seed):
    _, out = seed
    [p] = out["spokespeople"]
    assert (p["name"], p["rank"], p["role"], p["organisation"]) == (
        "Myles B. Caggins III",
        "Col.",
        "Coalition Spokesperson",
        "CJTF-OIR",
    )
    assert len(p["quotes"]) >= 2  # the quote he "said" and the one he "added"


def test_every_evidence_slices_the_text(seed):
    text, out = seed
    items = out["strike_reports"] + out["spokespeople"]
    items += [q for p in out["spokespeople"] for q in p["quotes"]]
    for item in items:
        ev = item.get("evidence", item)
        assert text[ev["start"] : ev["end"]] == ev["text"]

"""Strike rules per release era, on U.S. government releases (public domain, 17 U.S.C. 105; source URLs
given per fixture) and, for news-only traps, on the dev corpus read from ../shared at test time."""

import datetime as dt
from pathlib import Path

import pytest

from pressroom.normalise import analyse

SHARED = Path(__file__).resolve().parents[3] / ".." / "shared"  # ../shared next to the repository
DEV = SHARED / "corpus" / "dev"


def reports(text, published=None):
    return analyse(text, published=published)["strike_reports"]


def brief(report):
    return (
        report["date_start"],
        report["country"],
        report["place"],
        report["strikes"]["best"],
        report["scope"],
    )


# https://www.centcom.mil (2014 U.S. Central Command release "Airstrikes Hit ISIL Near Mosul Dam", dev-020)
ERA_2014 = """TAMPA, Fla., Sept. 13, 2014 – U.S. military forces continued to attack ISIL terrorists in Iraq, \
employing \
attack aircraft to conduct two airstrikes yesterday in support of Iraqi security forces near the Mosul Dam.

U.S. Central Command has conducted a total of 160 airstrikes across Iraq."""

# https://www.defense.gov/News/Article/Article/1250324/ (2017 daily release with engagements and back-fill, dev-001)
ERA_2017_DAILY = """SOUTHWEST ASIA, July 18, 2017 — U.S. and coalition military forces continued to attack the Islamic \
State of Iraq and Syria yesterday, conducting 29 strikes consisting of 36 engagements, Combined Joint Task Force \
Operation Inherent Resolve officials reported today.

Strikes in Syria

In Syria, coalition military forces conducted 25 strikes consisting of 32 engagements against ISIS targets:

-- Near Abu Kamal, two strikes destroyed four ISIS oil refinement stills, three oil storage tanks and three oil barrels.

-- Near Raqqa, 16 strikes engaged 10 ISIS tactical units and destroyed 13 fighting positions.

Strikes in Iraq

In Iraq, coalition military forces conducted four strikes consisting of four engagements against ISIS targets:

-- Near Qayyarah, a strike suppressed an ISIS tactical unit.

July 16 Strikes

Additionally, 13 strikes were conducted in Syria and Iraq on July 16 that closed within the last 24 hours:

-- Near Raqqa, Syria, 12 strikes engaged eight ISIS tactical units and destroyed six fighting positions.

-- Near Mosul, Iraq, a strike engaged a tactical unit and destroyed a fighting position."""

# https://www.defense.gov/News/Article/Article/1587453/ (2018 weekly summary with zero days, dev-017)
ERA_2018_WEEKLY = """Between July 23-29, coalition military forces conducted nine strikes, \
consisting of 11 engagements, \
in Iraq and Syria

Strikes in Syria

There were no reported strikes conducted Syria yesterday.

On July 27 in Syria, coalition military forces conducted six strikes consisting of seven engagements against ISIS \
targets near Abu Kamal. The strikes destroyed an ISIS fighting position and damaged three ISIS lines of communication.

There were no reported strikes conducted in Syria between July 23-26.

Strikes in Iraq

On July 24, coalition military forces conducted a strike consisting of two engagements against ISIS targets near \
Makhmur. The strike engaged an ISIS tactical unit."""

# http://www.centcom.mil/en/news/articles/nov.-2-military-airstrikes-continue-against-isil-terrorists-in-syria-and-ir
# (2015 release as trafilatura flattens its bullet list, dev-022)
ERA_2015_FLAT = """SOUTHWEST ASIA — On Nov. 1, coalition military forces continued to attack ISIL terrorists in Syria \
and Iraq. In Syria, coalition military forces conducted 10 strikes using fighter, attack, and remotely piloted \
aircraft. The following is a summary of the strikes conducted against ISIL since the last press release: Syria *  \
Near Mar'a, six strikes struck five separate ISIL tactical units and destroyed three ISIL fighting positions. Iraq *  \
Near Kisik, one strike struck an ISIL tactical unit and destroyed an ISIL fighting position. Coalition nations which \
have conducted strikes in Iraq include Australia, Belgium, Canada, Denmark, France, Jordan, and the United States."""

# https://www.defense.gov/News/Article/Article/1398774/ (Dec. 2017 multi-day release, dev-024)
ERA_2017_MULTIDAY = """SOUTHWEST ASIA, Dec. 18, 2017 — U.S. and coalition military forces continued to attack the \
Islamic State of Iraq and Syria between Dec. 15-17, conducting 19 strikes consisting of 26 engagements, Combined \
Joint Task Force Operation Inherent Resolve officials reported today.

Strikes in Iraq

Yesterday in Iraq, coalition military forces conducted a strike consisting of one engagement against ISIS targets \
near Rutbah. The strike destroyed an ISIS-held building.

There were no reported strikes in Iraq on Dec. 16."""


def test_2014_centcom_release():
    out = reports(ERA_2014, dt.date(2014, 9, 13))
    assert [brief(r) for r in out] == [
        ("2014-09-12", "IQ", "Mosul Dam", 2, "event"),
        (None, "IQ", None, 160, "aggregate"),
    ]


def test_2017_daily_release_keeps_per_place_reports_and_backfill():
    result = analyse(ERA_2017_DAILY, published=dt.date(2017, 7, 18))
    assert [brief(r) for r in result["strike_reports"]] == [
        ("2017-07-17", "SY", "Abu Kamal", 2, "event"),
        ("2017-07-17", "SY", "Raqqa", 16, "event"),
        ("2017-07-17", "IQ", "Qayyarah", 1, "event"),
        ("2017-07-16", "SY", "Raqqa", 12, "backfill"),
        ("2017-07-16", "IQ", "Mosul", 1, "backfill"),
    ]
    headlines = {(h["country"], h["strikes"]["best"], h["engagements"], h["scope"]) for h in result["headlines"]}
    assert headlines == {
        (None, 29, 36, "event"),
        ("SY", 25, 32, "event"),
        ("IQ", 4, 4, "event"),
        (None, 13, None, "backfill"),
    }
    # this excerpt leaves out per-place lines, so the headline check reports the gaps as findings
    assert {f["check"] for f in result["findings"]} == {"headline_sum"}
    raqqa = result["strike_reports"][1]
    assert {"type": "tactical unit", "count": 10, "effect": "engaged"} in raqqa["targets"]
    assert {"type": "fighting position", "count": 13, "effect": "destroyed"} in raqqa["targets"]


def test_2018_weekly_summary_with_zero_days():
    out = reports(ERA_2018_WEEKLY, dt.date(2018, 7, 30))
    assert [
        (r["date_start"], r["date_end"], r["country"], r["place"], r["strikes"]["best"], r["engagements"]) for r in out
    ] == [
        ("2018-07-27", "2018-07-27", "SY", "Abu Kamal", 6, 7),
        ("2018-07-24", "2018-07-24", "IQ", "Makhmur", 1, 2),
        ("2018-07-29", "2018-07-29", "SY", None, 0, None),
        ("2018-07-23", "2018-07-26", "SY", None, 0, None),
    ]


def test_2015_release_flattened_by_trafilatura():
    out = reports(ERA_2015_FLAT, dt.date(2015, 11, 2))
    assert [brief(r) for r in out] == [
        ("2015-11-01", "SY", "Mar'a", 6, "event"),
        ("2015-11-01", "IQ", "Kisik", 1, "event"),
    ]


def test_2017_multiday_release():
    out = reports(ERA_2017_MULTIDAY, dt.date(2017, 12, 18))
    assert [brief(r) for r in out] == [
        ("2017-12-17", "IQ", "Rutbah", 1, "event"),
        ("2017-12-16", "IQ", None, 0, "event"),
    ]


def test_evidence_slices_the_text():
    for text in (ERA_2014, ERA_2017_DAILY, ERA_2018_WEEKLY, ERA_2015_FLAT):
        for r in reports(text, dt.date(2018, 1, 1)):
            assert text[r["evidence"]["start"] : r["evidence"]["end"]] == r["evidence"]["text"]


def test_engagements_below_strikes_is_a_finding():
    text = "On July 24, coalition military forces conducted three strikes consisting of two engagements near Makhmur."
    result = analyse(text, published=dt.date(2018, 7, 30))
    assert result["strike_reports"][0]["engagements"] == 2
    assert [f["check"] for f in result["findings"]] == ["engagements_below_strikes"]


def dev(doc):
    return (DEV / f"{doc}.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("doc", ["dev-005", "dev-021"])
def test_other_actors_are_not_coalition(doc):
    """Russian (dev-005) and Turkish (dev-021) strikes are reported with actor `other`."""
    out = reports(dev(doc), dt.date(2015, 7, 24))
    assert out and all(r["actor"] == "other" for r in out)


def test_isis_attack_is_no_strike_report():
    assert reports(dev("dev-029"), dt.date(2020, 2, 18)) == []


def test_cumulative_totals_are_aggregates():
    out = reports(dev("dev-004"), dt.date(2014, 8, 18))
    aggregates = [r["strikes"]["best"] for r in out if r["scope"] == "aggregate"]
    assert 68 in aggregates
    # the contract: an open period ("since Aug. 8") runs from its start to the publication date
    assert {(r["date_start"], r["date_end"]) for r in out if r["scope"] == "aggregate" and r["date_start"]} <= {
        ("2014-08-08", "2014-08-18")
    }
    assert [r["strikes"]["best"] for r in out if r["scope"] == "event"] == [15]


def test_vague_quantities_never_invent_best():
    """'dozens of air strikes in the city of Palmyra' (dev-028) → at least 24, best null."""
    palmyra = [r for r in reports(dev("dev-028"), dt.date(2016, 12, 17)) if r["place"] == "Palmyra"]
    assert palmyra[0]["strikes"] == {"low": 24, "best": None, "high": None}


def test_relative_location_keeps_its_anchor():
    """'about 16 miles west of the city of Tuz Khurmatu' (dev-023) stays with its anchor place."""
    kirkuk = reports(dev("dev-023"))[0]
    assert (kirkuk["admin1"], kirkuk["anchor"], kirkuk["relative"]) == (
        "Kirkuk",
        "Tuz Khurmatu",
        "about 16 miles west",
    )


ONE_REPORT = {  # id: (text, publication date, expected fields of the one report)
    "a-named-province-is-no-place": (
        "On Monday, two air strikes hit the countryside of the Syrian Suwayda Governorate, blaming Jordanian jets.",
        "2022-10-11", {"place": None, "country": "SY"},
    ),
    "an-organisation-area-is-no-place": (
        "Two U.S. F-15E aircraft based in the CENTCOM area of responsibility struck two facilities in Syria on Monday.",
        "2023-03-28", {"place": None, "country": "SY"},
    ),
    "a-village-after-through": (
        "A coalition drone strike killed an ISIS militant riding through the village of Tell Qasr on Sunday.",
        "2022-10-11", {"place": "Tell Qasr"},
    ),
    "the-end-of-a-persons-name-is-no-place": (
        "U.S. forces killed Abdallah Makki Muslih al-Rifai in a precision airstrike in Iraq on March 13.",
        "2025-03-15", {"place": None, "country": "IQ"},
    ),
    "an-aside-names-no-striker-and-an-undated-repeat-is-one-report": (
        "The coalition launched strikes in Iraq, including four strikes near Mosul.\n\nThe U.S.-led coalition "
        "conducted strikes against the Islamic State group (banned in Russia) in Iraq on Wednesday, including four "
        "airstrikes near Mosul, the task force said.",
        "2017-03-02", {"place": "Mosul", "actor": "coalition", "date_start": "2017-03-01"},
    ),
    "the-place-of-another-event-is-not-the-strikes": (
        "U.S. forces launched airstrikes on militia sites in Syria on Sunday, after a rocket attack on a base near "
        "Kirkuk.",
        "2019-12-30", {"place": None, "country": "SY"},
    ),
    "a-bearing-from-an-adjectived-city": (
        "RAF jets carried out a strike on an ISIS cave in Syria.\n\nThe cave was located in the mountains north of "
        "the ancient city of Palmyra.",
        "2026-01-04", {"place": "Palmyra", "relative": "north"},
    ),
    "strike-as-a-modifier-and-the-aircraft-place": (
        "U.S. forces conducted airstrikes in Syria on Sunday. In terms of airstrike details, two U.S. Air Force "
        "F-15E fighter aircraft based in the region struck two facilities. The facilities were located near Deir "
        "ez-Zor.",
        "2023-03-27", {"place": "Deir ez-Zor", "strikes": {"low": 2, "best": None, "high": None}},
    ),
}  # fmt: skip


@pytest.mark.parametrize(("text", "published", "expected"), ONE_REPORT.values(), ids=ONE_REPORT.keys())
def test_one_report_with(text, published, expected):
    (report,) = analyse(text, dt.date.fromisoformat(published))["strike_reports"]
    assert {k: report[k] for k in expected} == expected


@pytest.mark.parametrize(
    "text",
    [
        # a lead with the town, then the same strike with the province only
        'On Tuesday, U.S. forces conducted a "defensive airstrike" in Musayyib, Babil province, Iraq. The United States'
        ' conducted a "defensive airstrike" Tuesday against militants in Babil province, an official said.',
        # the report, then a quote about the same strike
        "On Friday 10 April, RAF jets conducted air strikes against Daesh in northern Iraq near Tuz Khurmatu. “The "
        "jets delivered a successful strike against Daesh terrorists,” the minister said.",
    ],
    ids=["lead-and-province-paraphrase", "report-and-quote"],
)
def test_a_strike_told_again_is_one_report(text):
    assert len(analyse(text, dt.date(2024, 7, 31))["strike_reports"]) == 1

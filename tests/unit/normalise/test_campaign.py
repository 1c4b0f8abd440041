"""Campaign and actor per the contract, and texts that report no strike (sentences written for the tests)."""

import datetime as dt

import pytest

from pressroom.normalise import analyse, campaign

PUBLISHED = dt.date(2024, 11, 13)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("U.S. forces conducted an airstrike on an ISIS camp in Syria on Monday.", ("coalition", "counter-isis")),
        (
            "U.S. forces conducted strikes against an Iran-backed militia's depot in Syria on Monday.",
            ("coalition", "other"),
        ),
        ("A U.S. drone strike on Monday killed a Hurras al-Din leader in Idlib.", ("coalition", "other")),
        ("Jordanian warplanes struck drug smugglers in southern Syria on Monday.", ("coalition", "other")),
        ("An RAF Reaper conducted a strike on Daesh fighters in Syria on Monday.", ("coalition", "counter-isis")),
        ("French aircraft conducted airstrikes on ISIS positions in Syria on Monday.", ("coalition", "counter-isis")),
        ("Six ISIS militants were killed in an Iraqi airstrike near Makhmur on Monday.", ("other", None)),
        ("A Turkish drone strike killed three PKK members near Sinjar on Monday.", ("other", None)),
        (
            "On Jan. 3, 2020, a U.S. drone strike destroyed a convoy carrying Iran's top military figure Soleimani.",
            ("coalition", "other"),
        ),
    ],
)
def test_actor_and_campaign(text, expected):
    [report] = analyse(text, PUBLISHED)["strike_reports"]
    assert (report["actor"], report["campaign"]) == expected


def test_a_named_operation_decides_over_the_target():
    text = "CENTCOM said the strike on an al-Qaida affiliate was part of its counter-ISIS action."
    assert campaign.of_text(text) == "counter-isis"
    assert campaign.of_text("strikes on al-Qaida, alongside the campaign against ISIS remnants") == "other"


@pytest.mark.parametrize(
    "text",
    [
        "The US military said it did not carry out an air strike on a rocket launcher near Ain al-Asad on Monday.",
        "The launcher was not destroyed as a result of a US air strike, a US military official said.",
        "Militia rockets struck a U.S. base in Erbil on Monday in an attack on American and allied forces.",
    ],
)
def test_no_strike_report(text):
    assert analyse(text, PUBLISHED)["strike_reports"] == []


def test_hyphenated_target_words_still_name_the_target():
    assert campaign.of_text("an operation that targeted a senior al-Qaeda-linked terrorist") == "other"


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        pytest.param(
            'The US military said it conducted a "kinetic strike" overnight Monday in Syria against a Hurras al-Din '
            'leader. "CENTCOM Forces conducted a kinetic strike in Idlib province, Syria, June 27," the statement '
            "read.",
            dt.date(2022, 6, 28),
            ("2022-06-27", None, "Idlib", 1),
            id="paraphrase-and-quote-are-one-report",
        ),
        pytest.param(
            "CENTCOM said a U.S. drone strike in northwestern Syria on February 15 killed a Hurras al-Din leader. "
            "The strike near Uram al-Jawz in Idlib province was part of a U.S. campaign.",
            dt.date(2025, 2, 19),
            ("2025-02-15", "Uram al-Jawz", "Idlib", 1),
            id="definite-strike-at-a-place-needs-no-event-verb",
        ),
    ],
)
def test_one_strike_told_twice(text, published, expected):
    [report] = analyse(text, published)["strike_reports"]
    assert (report["date_start"], report["place"], report["admin1"], report["strikes"]["best"]) == expected


def test_targets_munitions_and_aircraft_are_counted_apart_from_strikes():
    text = "On 26 October, a US F-15 and two F-16s used precision-guided munitions to strike two ISIS sites in Syria."
    [report] = analyse(text, PUBLISHED)["strike_reports"]
    assert report["strikes"] == {"low": 1, "best": None, "high": None}
    assert (report["targets_count"], report["aircraft_count"]) == (2, 3)

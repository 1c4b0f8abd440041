"""One rule per row, on short sentences written for these tests in the style of the releases and the press."""

import datetime as dt

import pytest

from pressroom.normalise import analyse

WED = dt.date(2020, 3, 11)


def summary(text, published=WED):
    return [
        (
            r["date_start"],
            r["date_end"],
            r["country"],
            r["place"],
            r["admin1"],
            r["strikes"]["low"],
            r["strikes"]["best"],
            r["scope"],
            r["actor"],
        )
        for r in analyse(text, published=published)["strike_reports"]
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Coalition jets struck ISIS positions in the Makhmour area on Monday and Tuesday.",
            [("2020-03-09", "2020-03-10", "IQ", "Makhmour", None, 1, None, "event", "coalition")],
            id="weekday-range",
        ),
        pytest.param(
            "U.S. and partner aircraft conducted 13 airstrikes in Syria yesterday and today.",
            [("2020-03-10", "2020-03-11", "SY", None, None, 13, 13, "event", "coalition")],
            id="yesterday-and-today",
        ),
        pytest.param(
            "A coalition airstrike in Anbar destroyed an ISIS weapons cache on March 3.",
            [("2020-03-03", "2020-03-03", "IQ", None, "Anbar", 1, 1, "event", "coalition")],
            id="bare-governorate-gives-admin1-and-country",
        ),
        pytest.param(
            "Coalition aircraft conducted several airstrikes on ISIS caves in the Qara Chokh mountains southeast "
            "of Makhmour on Tuesday.",
            [("2020-03-10", "2020-03-10", "IQ", "Qara Chokh mountains", None, 3, None, "event", "coalition")],
            id="relative-anchor-is-not-the-place",
        ),
        pytest.param(
            "There were also strikes near Baiji, Fallujah and Ramadi on Tuesday.",
            [
                ("2020-03-10", "2020-03-10", "IQ", "Baiji", "Salah ad-Din", 1, None, "event", "coalition"),
                ("2020-03-10", "2020-03-10", "IQ", "Fallujah", "Anbar", 1, None, "event", "coalition"),
                ("2020-03-10", "2020-03-10", "IQ", "Ramadi", "Anbar", 1, None, "event", "coalition"),
            ],
            id="listed-places-without-counts-one-report-each",
        ),
        pytest.param(
            "Russian jets conducted at least 30 strikes in Idlib province on Tuesday. Turkish jets struck "
            "Kurdish militia positions near Afrin.",
            [
                ("2020-03-10", "2020-03-10", "SY", None, "Idlib", 30, None, "event", "other"),
                ("2020-03-10", "2020-03-10", "SY", "Afrin", "Aleppo", 1, None, "event", "other"),
            ],
            id="other-actors-are-not-merged-across-actors",
        ),
        pytest.param(
            "Iraqi F-16s conducted three airstrikes against ISIS hideouts in the Hamrin mountains on Monday.",
            [("2020-03-09", "2020-03-09", "IQ", "Hamrin mountains", None, 3, 3, "event", "other")],
            id="iraqi-only-strikes",
        ),
        pytest.param(
            "ISIS militants attacked a checkpoint on Monday. The group later launched a drone strike on "
            "an Iraqi army checkpoint.",
            [],
            id="isis-drone-strike-is-an-attack",
        ),
        pytest.param("An ISIS suicide bomber struck a market in Baghdad on Thursday.", [], id="suicide-bombing"),
        pytest.param(
            "The coalition has conducted more than 34,000 strikes against ISIS.",
            [(None, None, None, None, None, 34001, None, "aggregate", "coalition")],
            id="large-figure-is-aggregate",
        ),
        pytest.param(
            "Since Aug. 8, U.S. Central Command has conducted a total of 89 airstrikes across Iraq. Of these 89 "
            "strikes, 57 have been in support of Iraqi forces near the Mosul Dam.",
            [
                ("2019-08-08", "2020-03-11", "IQ", None, None, 89, 89, "aggregate", "coalition"),
                (None, None, "IQ", "Mosul Dam", None, 57, 57, "aggregate", "coalition"),
            ],
            id="subset-of-an-aggregate",
        ),
        pytest.param(
            "The coalition has been conducting airstrikes against ISIS since 2014.",
            [],
            id="campaign-statement-without-figure",
        ),
        pytest.param(
            "Col. Myles B. Caggins III said the strikes killed 20 fighters.",
            [],
            id="definite-mention-without-facts-refers-back",
        ),
        pytest.param(
            "-- Near Mosul, a dozen strikes engaged three ISIS tactical units.",
            [(None, None, "IQ", "Mosul", "Nineveh", 12, 12, "event", "coalition")],
            id="release-line-without-coalition-word",
        ),
        pytest.param(
            "Other Recent Strikes\n-- On Sept. 28, near Al Qaim, Iraq, a strike destroyed an ISIS staging area.",
            [("2017-09-28", "2017-09-28", "IQ", "Al Qaim", "Anbar", 1, 1, "backfill", "coalition")],
            id="other-recent-strikes-is-backfill",
        ),
        pytest.param(
            "The U.S.-led coalition carried out 22 air strikes in Iraq and Syria on Sunday. In Iraq, 17 strikes "
            "near Mosul, Ramadi and Kirkuk hit tactical units. In Syria, five strikes near Raqqa destroyed "
            "buildings.",
            [
                ("2020-03-08", "2020-03-08", "IQ", None, None, 17, 17, "event", "coalition"),
                ("2020-03-08", "2020-03-08", "SY", "Raqqa", "Raqqa", 5, 5, "event", "coalition"),
            ],
            id="two-country-total-is-a-headline",
        ),
        pytest.param(
            "U.S. warplanes have launched 20 airstrikes on ISIS targets near the Syrian town of Kobani over the past "
            "24 hours.",
            [("2020-03-10", "2020-03-11", "SY", "Kobani", "Aleppo", 20, 20, "event", "coalition")],
            id="past-24-hours",
        ),
        pytest.param(
            "In a statement, the coalition said Tuesday's strike near Qaim killed an ISIS financier.",
            [("2020-03-10", "2020-03-10", "IQ", "Qaim", "Anbar", 1, 1, "event", "coalition")],
            id="possessive-weekday-strike",
        ),
        pytest.param(
            "Coalition military forces conducted 12 strikes consisting of 16 engagements in Iraq and Syria, officials "
            "reported today. Ten strikes were in Syria and two in Iraq.",
            [
                (None, None, "SY", None, None, 10, 10, "event", "coalition"),
                (None, None, "IQ", None, None, 2, 2, "event", "coalition"),
            ],
            id="reported-today-is-no-strike-date",
        ),
        pytest.param(
            "Then there are Stormtroopers, many of whom die in a single strike.", [], id="no-military-context"
        ),
        pytest.param(
            "A US Chinook helicopter was shot down and destroyed last night near Ramadi, militants claimed.",
            [],
            id="aircraft-that-is-hit-is-no-strike",
        ),
        # Generalisation rules (sentences written for these tests).
        pytest.param(
            "Coalition jets conducted 30 air raids on ISIS positions near Raqqa on Saturday.",
            [("2020-03-07", "2020-03-07", "SY", "Raqqa", "Raqqa", 30, 30, "event", "coalition")],
            id="air-raids-are-strikes",
        ),
        pytest.param(
            "On Monday, two of the coalition strikes destroyed ISIS boats south of Bayji.",
            [("2020-03-09", "2020-03-09", "IQ", "Bayji", "Salah ad-Din", 2, 2, "event", "coalition")],
            id="partitive-count",
        ),
        pytest.param(
            "-- Near Dayr Az Zawr [Deir Ezzor], two strikes engaged two ISIS tactical units.",
            [(None, None, "SY", "Dayr Az Zawr", "Deir ez-Zor", 2, 2, "event", "coalition")],
            id="bracketed-alias-of-a-place",
        ),
        pytest.param(
            "Additionally, 14 strikes consisting of 20 engagements were conducted in Iraq and Syria on March 8 and 9, "
            "which closed in the past 24 hours.",
            [("2020-03-08", "2020-03-09", None, None, None, 14, 14, "backfill", "coalition")],
            id="two-country-backfill-without-breakdown-is-a-report",
        ),
        pytest.param(
            "Officials also announced details today from 12 strikes conducted March 6-8 for which the information was "
            "not yet available in time for yesterday's report:\n-- On March 7 near Raqqa, Syria, 12 strikes engaged "
            "ISIS tactical units.",
            [("2020-03-07", "2020-03-07", "SY", "Raqqa", "Raqqa", 12, 12, "backfill", "coalition")],
            id="not-yet-available-is-backfill",
        ),
        pytest.param(
            "U.S. aircraft conducted five airstrikes near Kobani Monday and today.",
            [("2020-03-09", "2020-03-11", "SY", "Kobani", "Aleppo", 5, 5, "event", "coalition")],
            id="weekday-and-today-range",
        ),
        pytest.param(
            "Iraqi Security Forces conducted an airstrike near Qaim on March 3, supported by the coalition.",
            [("2020-03-03", "2020-03-03", "IQ", "Qaim", "Anbar", 1, 1, "event", "other")],
            id="iraqi-security-forces-strike-with-coalition-support",
        ),
        pytest.param(
            "Iraq’s warplanes conducted eight airstrikes near Hawija on Tuesday, the coalition said. Another strike "
            "hit a hideout near Tuz on Monday.",
            [
                ("2020-03-10", "2020-03-10", "IQ", "Hawija", "Kirkuk", 8, 8, "event", "other"),
                ("2020-03-09", "2020-03-09", "IQ", "Tuz", "Salah ad-Din", 1, 1, "event", "other"),
            ],
            id="actor-carries-over-to-uncued-mentions",
        ),
        pytest.param(
            "-- Near Tal Afar, a strike destroyed three ISIS vehicle-borne-IED facilities.",
            [(None, None, "IQ", "Tal Afar", "Nineveh", 1, 1, "event", "coalition")],
            id="ied-as-target-is-no-attack",
        ),
        pytest.param("An IED attack struck an army patrol near Kirkuk on Monday.", [], id="ied-attack"),
        pytest.param(
            "Coalition aircraft conducted 15 strikes on ISIS in Iraq on Tuesday, including six near Mosul.",
            [("2020-03-10", "2020-03-10", "IQ", "Mosul", "Nineveh", 6, 6, "event", "coalition")],
            id="including-n-near-x",
        ),
        pytest.param(
            "Coalition jets conducted seven airstrikes near Qayyarah, Mosul and Tal Afar on Monday. Near Mosul, four "
            "airstrikes destroyed fighting positions.",
            [
                ("2020-03-09", "2020-03-09", "IQ", "Mosul", "Nineveh", 4, 4, "event", "coalition"),
                ("2020-03-09", "2020-03-09", "IQ", "Qayyarah", "Nineveh", 1, None, "event", "coalition"),
                ("2020-03-09", "2020-03-09", "IQ", "Tal Afar", "Nineveh", 1, None, "event", "coalition"),
            ],
            id="count-shared-by-listed-places-is-a-headline",
        ),
        pytest.param(
            "Three airstrikes near Kisik, Sinjar and Tal Afar destroyed a cave on Monday. The strikes in Iraq help "
            "Iraqi forces who are advancing on Mosul.",
            [("2020-03-09", "2020-03-09", "IQ", None, None, 3, 3, "event", "coalition")],
            id="definite-mention-does-not-place-a-listed-report",
        ),
        pytest.param(
            "Coalition aircraft conducted 17 strikes near Manbij. Coalition warplanes destroyed six fighting "
            "positions near Manbij on Saturday, the task force said.",
            [("2020-03-07", "2020-03-07", "SY", "Manbij", "Aleppo", 17, 17, "event", "coalition")],
            id="same-place-sentence-dates-the-count",
        ),
        pytest.param(
            "In Iraq, coalition forces conducted a total of four strikes consisting of four engagements on Monday. "
            "Near Qaim, two strikes destroyed a headquarters. Near Bayji, two strikes destroyed a tunnel.",
            [
                ("2020-03-09", "2020-03-09", "IQ", "Qaim", "Anbar", 2, 2, "event", "coalition"),
                ("2020-03-09", "2020-03-09", "IQ", "Bayji", "Salah ad-Din", 2, 2, "event", "coalition"),
            ],
            id="day-total-with-engagements-is-no-aggregate",
        ),
        pytest.param(
            "Coalition jets launched airstrikes on ISIS positions on the outskirts of Al-Baghuz town in the eastern "
            "Deir Ezzor countryside on Friday.",
            [("2020-03-06", "2020-03-06", "SY", "Al-Baghuz", "Deir ez-Zor", 2, None, "event", "coalition")],
            id="countryside-is-the-governorate-outskirts-of-is-an-anchor",
        ),
        pytest.param(
            "ERBIL, Kurdistan Region — Coalition airstrikes hit ISIS positions in the mountainous Khazer area on "
            "Monday.",
            [("2020-03-09", "2020-03-09", "IQ", "Khazer", None, 2, None, "event", "coalition")],
            id="dateline-place-is-skipped",
        ),
        pytest.param(
            "Coalition aircraft bombed ISIS hideouts around Kharayij on Monday.",
            [("2020-03-09", "2020-03-09", None, "Kharayij", None, 1, None, "event", "coalition")],
            id="unknown-place-around-x-is-kept-as-written",
        ),
        pytest.param(
            "An airstrike launched by the coalition killed nine ISIS militants southwest of Kirkuk on Sunday. "
            "Coalition jets targeted ISIS locations in Hawija and Rashad.",
            [("2020-03-08", "2020-03-08", "IQ", "Kirkuk", "Kirkuk", 1, 1, "event", "coalition")],
            id="aircraft-sentence-describes-the-strike-before-it",
        ),
        pytest.param(
            "Coalition airstrikes killed up to 150 ISIS fighters near Hajin last week. The strikes on March 4 hit an "
            "ISIS headquarters, the coalition said.",
            [("2020-03-04", "2020-03-04", "SY", "Hajin", "Deir ez-Zor", 2, None, "event", "coalition")],
            id="definite-mention-dates-the-report-before-it",
        ),
        pytest.param(
            "Coalition airstrikes killed 16 ISIS militants near Sinjar in the last two days.",
            [("2020-03-09", "2020-03-11", "IQ", "Sinjar", "Nineveh", 2, None, "event", "coalition")],
            id="last-two-days",
        ),
        pytest.param(
            "Turkish jets struck ISIS targets near al-Bab, the military said on Sunday. The coalition also conducted "
            "three strikes near al-Bab on Saturday.",
            [
                (None, None, "SY", "al-Bab", "Aleppo", 1, None, "event", "other"),
                ("2020-03-07", "2020-03-07", "SY", "al-Bab", "Aleppo", 3, 3, "event", "coalition"),
            ],
            id="place-with-lower-case-article",
        ),
        pytest.param(
            "Iraqi F-16s, with coalition intelligence support, struck an ISIS hideout near Tarmiyah on Monday.",
            [("2020-03-09", "2020-03-09", "IQ", "Tarmiyah", "Baghdad", 1, None, "event", "other")],
            id="supporting-partner-is-not-the-striker",
        ),
        pytest.param(
            "The Iraqi army, supported by coalition airstrikes, retook Rawah on Monday.",
            [("2020-03-09", "2020-03-09", "IQ", "Rawah", "Anbar", 2, None, "event", "coalition")],
            id="supporting-strikes-are-the-partners",
        ),
        pytest.param(
            "The airstrikes near Qaim on Monday supported Iraqi Security Forces operations, the coalition said.",
            [("2020-03-09", "2020-03-09", "IQ", "Qaim", "Anbar", 2, None, "event", "coalition")],
            id="supported-iraqi-forces-are-not-the-striker",
        ),
        pytest.param(
            "Over the past week, coalition forces conducted 21 strikes consisting of 30 engagements in Syria.",
            [("2020-03-04", "2020-03-11", "SY", None, None, 21, 21, "event", "coalition")],
            id="past-week",
        ),
    ],
)
def test_rule(text, expected):
    published = dt.date(2017, 10, 1) if "Sept. 28" in text else WED
    assert summary(text, published) == expected


def test_weekday_without_publication_date_stays_null():
    [r] = analyse("Coalition aircraft conducted two airstrikes near Rutbah on Friday.")["strike_reports"]
    assert (r["date_start"], r["date_precision"], r["strikes"]["best"]) == (None, None, 2)


def test_year_less_date_uses_unspecified_year():
    [r] = analyse("Coalition forces conducted four strikes near Hajin on Dec. 16.")["strike_reports"]
    assert (r["date_start"], r["date_end"]) == ("XXXX-12-16", "XXXX-12-16")


def test_long_release_list_stays_one_multi_place_report():
    text = "There were also strikes near Baiji, Fallujah, Makhmur, Ramadi, Sinjar and Tal Afar."
    [r] = analyse(text, published=WED)["strike_reports"]
    assert r["places"] == ["Baiji", "Fallujah", "Makhmur", "Ramadi", "Sinjar", "Tal Afar"]

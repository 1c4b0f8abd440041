import datetime as dt

import pytest

from pressroom.normalise import dates

SATURDAY = dt.date(2020, 6, 20)


@pytest.mark.parametrize(
    ("text", "published", "start", "end", "precision"),
    [
        ("The Friday airstrikes specifically targeted", SATURDAY, "2020-06-19", "2020-06-19", "day"),
        ("Peshmerga forces carried out a raid on Saturday", SATURDAY, "2020-06-20", "2020-06-20", "day"),
        ("conduct two airstrikes yesterday", dt.date(2014, 9, 13), "2014-09-12", "2014-09-12", "day"),
        (
            "Between July 23-29, coalition military forces conducted nine strikes",
            dt.date(2018, 7, 30),
            "2018-07-23",
            "2018-07-29",
            "range",
        ),
        (
            "On Dec. 16, coalition military forces conducted three strikes",
            dt.date(2017, 12, 18),
            "2017-12-16",
            "2017-12-16",
            "day",
        ),
        # a December date read in a January article belongs to the previous year
        (
            "On Dec. 30, coalition military forces conducted a strike",
            dt.date(2018, 1, 2),
            "2017-12-30",
            "2017-12-30",
            "day",
        ),
        (
            "US military on sunday August 17 conducted airstrikes",
            dt.date(2014, 8, 18),
            "2014-08-17",
            "2014-08-17",
            "day",
        ),
        ("targeted the group on June 19 with 16 air strikes", None, "XXXX-06-19", "XXXX-06-19", "day"),
        # "<day> and today/yesterday" is one range (CENTCOM release of Oct. 14, 2014, public domain:
        # https://www.centcom.mil/MEDIA/PRESS-RELEASES/Press-Release-View/Article/904374/)
        (
            "attack ISIL terrorists in Syria Monday and today",
            dt.date(2014, 10, 14),
            "2014-10-13",
            "2014-10-14",
            "range",
        ),
        # sentences written for these tests
        ("to conduct three airstrikes Oct. 2 and yesterday", dt.date(2014, 10, 5), "2014-10-02", "2014-10-04", "range"),
        ("strikes were conducted on August 18 and 19", dt.date(2017, 8, 21), "2017-08-18", "2017-08-19", "range"),
        ("jets struck targets in Iraq in the past 24 hrs", dt.date(2015, 12, 14), "2015-12-13", "2015-12-14", "range"),
        # a date glossing the announcement weekday is the announcement's, not the strike's
        (
            "told reporters on Monday (October 9) that jets conducted 20 air raids on Saturday",
            dt.date(2017, 10, 9),
            "2017-10-07",
            "2017-10-07",
            "day",
        ),
        # public domain: https://www.defense.gov/News/Article/Article/1289632/
        (
            "Officials also announced details today from 59 strikes consisting of 115 engagements conducted Aug. 21-23",
            dt.date(2017, 8, 25),
            "2017-08-21",
            "2017-08-23",
            "range",
        ),
        (
            "attacked Islamic State targets in Syria between Dec. 16-22",
            None,
            "XXXX-12-16",
            "XXXX-12-22",
            "range",
        ),
    ],
)
def test_event_dates(text, published, start, end, precision):
    found = dates.find_all(text, published)[0]
    assert (found.start, found.end, found.precision) == (start, end, precision)


@pytest.mark.parametrize(
    "text",
    [
        "the coalition announced on Saturday that it destroyed three camps",
        "the CJTF-OIR said in a Saturday statement",
        "SOUTHWEST ASIA, Dec. 20, 2016 — U.S. and coalition military forces",
    ],
)
def test_announcement_dates_are_not_event_dates(text):
    assert dates.find_all(text, SATURDAY) == []


def test_relative_dates_stay_unresolved_without_publication_date():
    found = dates.find_all("The Friday airstrikes", None)[0]
    assert found.start is None and found.precision is None


def test_dateline():
    # U.S. Central Command news release, public domain (dev-020)
    assert dates.dateline("TAMPA, Fla., Sept. 13, 2014 – U.S. military forces continued") == dt.date(2014, 9, 13)


def test_a_news_agency_dateline_dates_no_strike():
    text = "WASHINGTON, Jan. 23 (Xinhua) -- U.S. forces conducted strikes against facilities in Iraq."
    assert dates.find_all(text, dt.date(2024, 1, 24)) == []


def test_reversed_range_is_fixed_by_the_start_year_and_impossible_dates_are_refused():
    published = dt.date(2017, 12, 18)
    [between] = dates.find_all("Between Dec. 16-22, coalition forces conducted 12 strikes", published)
    assert (between.start, between.end, between.problem) == ("2017-12-16", "2017-12-22", None)
    [feb] = dates.find_all("Feb. 29-31, 2017", published)
    [numeric] = dates.find_all("on 31/02/2017", published)
    assert feb.start is None and "impossible" in feb.problem and numeric.start is None and numeric.problem


def test_month_weekend_last_week_and_previous_day():
    published = dt.date(2025, 2, 18)  # a Tuesday
    [month] = dates.find_all("In August, U.S. forces killed a leader", published)
    [weekend] = dates.find_all("an airstrike over the weekend", published)
    [week] = dates.find_all("an airstrike last week", published)
    assert (month.start, month.end, month.precision) == ("2024-08-01", "2024-08-31", "month")
    assert (weekend.start, weekend.end) == ("2025-02-15", "2025-02-16")
    assert (week.start, week.end) == ("2025-02-10", "2025-02-16")
    assert dates.day_before("XXXX-01-17", None).start == "XXXX-01-16"


def test_a_month_day_before_the_strike_noun_is_a_day_not_a_month():
    text = "Near Raqqa, Syria, a June 24 strike destroyed two fighting positions."
    [day] = dates.find_all(text, dt.date(2017, 6, 26))
    assert (day.start, day.end, day.precision) == ("2017-06-24", "2017-06-24", "day")

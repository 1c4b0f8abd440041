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

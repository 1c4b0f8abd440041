"""Every example query of docs/analysts.md runs against the sample data and returns the expected rows.

The queries are read from the document (```sql blocks starting with `-- example: <name>`), so the doc and
this test cannot drift: a new example without expected rows here fails, as does a removed one.
"""

from contextlib import closing
from datetime import date

import pytest

from pressroom import db
from pressroom.warehouse.examples import example_queries
from support.sample_warehouse import sample_warehouse

JUNE_20 = date(2020, 6, 20)
CAGGINS = (JUNE_20, "Col.", "Myles B. Caggins III", "CJTF-OIR")
EXPECTED = {
    "kirkuk_per_month_2020": [(date(2020, 6, 1), 1, 2)],
    "busiest_places_in_a_week": [
        ("Raqqa", "Raqqa", "SY", 16), ("Deir ez-Zor", "Deir ez-Zor", "SY", 6), ("Abu Kamal", "Deir ez-Zor", "SY", 2),
        ("Mosul", "Nineveh", "IQ", 2), ("Qayyarah", "Nineveh", "IQ", 1)],
    "caggins_june_2020": [
        (*CAGGINS, "sample_news", "Blowing up ISIS hideouts in bucolic locations ultimately results in security"
                                  " in cities and villages,"),
        (*CAGGINS, "sample_news", "The Iraqi Security Forces have tactical overmatch against ISIS; airstrikes"
                                  " help destroy ISIS targets in terrain difficult to reach by standard vehicles,"),
        (*CAGGINS, "sample_news", "increased coordination"),
        (*CAGGINS, "sample_release", "The Iraqi Security Forces continue to pressure ISIS remnants in difficult"
                                     " terrain,")],
    "conflicting_incidents": [(date(2020, 6, 19), "IQ", "Kirkuk", "Wadi al-Shai", ["sample_news", "sample_release"],
                               "ranges do not overlap: at least 2 vs at most 1")],
    "country_month_2017": [
        (date(2017, 3, 1), "IQ", 6, None), (date(2017, 3, 1), "SY", 8, None),
        (date(2017, 6, 1), "IQ", 3, 3), (date(2017, 6, 1), "SY", 18, 2),
        (date(2017, 7, 1), "IQ", 4, 1), (date(2017, 7, 1), "SY", 25, 12),
        (date(2017, 12, 1), "IQ", 3, None), (date(2017, 12, 1), "SY", 16, None)],
    "source_health": [("oir_releases_bundle", 9, 9, 0, 0, True), ("sample_news", 1, 1, 0, 0, True),
                      ("sample_release", 1, 1, 0, 0, True)],
    "findings_by_source": [("unknown_place", "sample_news", 1, 1), ("unknown_place", "sample_release", 1, 1)],
    "full_text_fighting_positions_raqqa": [
        (date(2016, 12, 20), "Counter-ISIL Strikes Continue Against Terrorists in Syria, Iraq"),
        (date(2017, 3, 25), "U.S., Coalition Continue Strikes Against ISIS in Syria, Iraq"),
        (date(2017, 6, 26), "Military Strikes Target ISIS Terrorists in Syria, Iraq"),
        (date(2017, 7, 18), "Inherent Resolve Strikes Target ISIS in Syria, Iraq")],
    "fuzzy_place_abu_kamal": [("Abu Kamal", 9, 27, date(2017, 3, 24), date(2018, 7, 28))],
    "spokespeople_by_organisation": [
        ("CJTF-OIR", "Maj. Gen.", "James Jarrard", date(2018, 7, 20), date(2018, 7, 20), 1, 1),
        ("CJTF-OIR", "Col.", "Myles B. Caggins III", JUNE_20, JUNE_20, 2, 4),
        ("SDF", None, "Kino Gabriel", date(2018, 7, 20), date(2018, 7, 20), 1, 1)],
}


@pytest.fixture(scope="module")
def sample_dsn(pg_server, tmp_path_factory):
    with sample_warehouse(pg_server, tmp_path_factory.mktemp("sample")) as dsn:
        yield dsn


def test_the_doc_has_ten_examples_each_with_expected_rows():
    assert len(example_queries()) == 10
    assert set(example_queries()) == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_query_returns_expected_rows(sample_dsn, name):
    with closing(db.connect(sample_dsn)) as conn, conn, conn.cursor() as cur:
        cur.execute("set local role pressroom_analyst")  # what analysts run as: mart only
        cur.execute(example_queries()[name])
        assert cur.fetchall() == EXPECTED[name]

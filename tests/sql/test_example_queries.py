"""Every example query of docs/analysts.md returns the rows it should on what `make run` loads (the bundle only).

The queries are read from the document (```sql blocks starting with `-- example: <name>`), so the doc and
this test cannot drift: a new example without a check here fails, as does a removed one. Each runs as the
analyst role and must return at least one row; the checks assert facts the bundled releases state (a count
the normaliser reads may still move, a place spelling may change, so nothing depends on exact totals).
"""

import unicodedata
from contextlib import closing
from datetime import date

import pytest
import yaml

from pressroom import db
from pressroom.warehouse.examples import example_queries
from support.sample_warehouse import REPO, sample_warehouse

MANIFEST = REPO / "samples" / "oir-releases" / "manifest.yaml"


def ascii_lower(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def kirkuk_per_month_2020(rows):
    june = {month: (incidents, strikes) for month, incidents, strikes in rows}[date(2020, 6, 1)]
    assert june[0] >= 1 and june[1] >= 1  # Wadi al-Shai, 19 June 2020 (CJTF-OIR "Camp Closed")


def busiest_places_in_a_week(rows):
    assert 1 <= len(rows) <= 5
    place, admin1, country, strikes = rows[0]
    assert (country, admin1) == ("SY", "Raqqa") and strikes >= 16  # "Near Raqqa, 16 strikes" on 17 July 2017
    assert all(r[0] is not None for r in rows)


def caggins_june_2020(rows):
    assert {(r[0], r[3]) for r in rows} == {(date(2020, 6, 20), "CJTF-OIR")}
    assert all("Caggins" in r[2] for r in rows)
    assert any("tactical overmatch" in r[5] for r in rows)


def incidents_and_conflicts_per_year(rows):
    years = {r[0]: r for r in rows}
    assert {2014, 2017, 2020} <= years.keys()
    assert all(incidents >= 1 and strikes >= 1 for _, incidents, _, _, strikes in rows)


def country_month_2017(rows):
    assert {r[0].year for r in rows} == {2017}
    july = {r[1]: r for r in rows if r[0] == date(2017, 7, 1)}
    assert july.keys() == {"IQ", "SY"}
    assert july["SY"][2] >= 16 and july["SY"][3] >= 12  # July 16 back-fill: 12 strikes near Raqqa


def source_health(rows):
    documents = len(yaml.safe_load(MANIFEST.read_text(encoding="utf-8")))
    health = {r[0]: r for r in rows}
    assert health["oir_releases_bundle"] == ("oir_releases_bundle", "ok", 0, None, documents, documents, 0, True)
    assert {r[1] for name, *_ in rows if name != "oir_releases_bundle" for r in [health[name]]} <= {"never_run"}


def findings_by_source(rows):
    assert {r[2] for r in rows} == {"oir_releases_bundle"}
    assert all(r[3] >= 1 and r[4] >= 1 for r in rows)


def full_text_fighting_positions_raqqa(rows):
    assert all(date(2016, 1, 1) <= published < date(2018, 1, 1) for published, _ in rows)
    assert (date(2017, 7, 18), "Inherent Resolve Strikes Target ISIS in Syria, Iraq") in rows


def fuzzy_place_abu_kamal(rows):
    [(place, days, strikes, first_day, last_day)] = rows
    assert ascii_lower(place).replace("albu", "abu").replace(" ", "") == "abukamal"
    assert days >= 5 and strikes >= 10 and first_day.year == 2017 and last_day.year == 2018


def spokespeople_by_organisation(rows):
    spoke = {(r[0], r[2]) for r in rows}
    assert {("CJTF-OIR", "Myles B. Caggins III"), ("CENTCOM", "Brad Cooper")} <= spoke
    caggins = next(r for r in rows if r[2] == "Myles B. Caggins III")
    assert caggins[3] <= date(2019, 9, 24) and caggins[4] >= date(2020, 6, 20)


CHECKS = {check.__name__: check for check in (
    kirkuk_per_month_2020, busiest_places_in_a_week, caggins_june_2020, incidents_and_conflicts_per_year,
    country_month_2017, source_health, findings_by_source, full_text_fighting_positions_raqqa,
    fuzzy_place_abu_kamal, spokespeople_by_organisation)}


@pytest.fixture(scope="module")
def bundle_dsn(pg_server, tmp_path_factory):
    with sample_warehouse(pg_server, tmp_path_factory.mktemp("bundle"), extra_sources=False) as dsn:
        yield dsn


def test_the_doc_has_ten_examples_each_with_a_check():
    assert len(example_queries()) == 10
    assert set(example_queries()) == set(CHECKS)


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_example_query_returns_the_rows_it_should(bundle_dsn, name):
    with closing(db.connect(bundle_dsn)) as conn, conn, conn.cursor() as cur:
        cur.execute("set local role pressroom_analyst")  # what analysts run as: mart only
        cur.execute(example_queries()[name])
        rows = cur.fetchall()
    assert rows, f"example {name} returned no row on the bundled releases"
    CHECKS[name](rows)

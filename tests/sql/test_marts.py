"""The marts over the sample data: grains, back-fill kept apart, incidents linked across sources, refresh,
documentation of every column, search, and the read-only roles."""

from contextlib import closing

import pytest

from pressroom import db
from pressroom.warehouse.dictionary import read_relations, render_markdown, undocumented
from pressroom.warehouse.marts import materialised_marts, refresh_marts
from pressroom.warehouse.search import search_documents, search_names
from support.sample_warehouse import sample_warehouse


@pytest.fixture(scope="module")
def sample_dsn(pg_server, tmp_path_factory):
    with sample_warehouse(pg_server, tmp_path_factory.mktemp("sample")) as dsn:
        yield dsn


def rows(dsn: str, sql: str, params=()) -> list[tuple]:
    with closing(db.connect(dsn)) as conn, conn, conn.cursor() as cur:
        cur.execute(sql, params)
        return cur.fetchall()


def test_every_raw_core_mart_relation_and_column_is_commented(sample_dsn):
    with closing(db.connect(sample_dsn)) as conn:
        assert undocumented(read_relations(conn)) == []


def test_dictionary_is_generated_from_comments(sample_dsn):
    with closing(db.connect(sample_dsn)) as conn:
        markdown = render_markdown(conn)
    assert "### `mart.daily_strikes` (materialised view)" in markdown
    assert "| `backfill_best` | bigint | Sum of stated counts of back-filled reports. |" in markdown


def test_refresh_runs_each_mart_after_the_marts_it_reads(sample_dsn):
    with closing(db.connect(sample_dsn)) as conn:
        order = [name for name, _ in materialised_marts(conn)]
        assert order.index("mart.strike_events") < order.index("mart.daily_strikes")
        assert order.index("mart.strike_events") < order.index("mart.incidents")
        before = rows(sample_dsn, "select count(*), sum(strikes_low) from mart.daily_strikes")
        assert set(refresh_marts(conn)) == set(order)
    assert rows(sample_dsn, "select count(*), sum(strikes_low) from mart.daily_strikes") == before


def test_backfill_is_kept_out_of_daily_counts(sample_dsn):
    # The 26 June 2017 release back-fills strikes of 24 June that no earlier release counted.
    got = rows(sample_dsn, "select strikes_low, backfill_best, backfill_reports from mart.daily_strikes"
               " where day = '2017-06-24'")
    assert got and all(low is None and best > 0 and n == 1 for low, best, n in got)
    assert rows(sample_dsn, "select sum(strikes_low), sum(backfill_low) from mart.daily_strikes") == rows(
        sample_dsn, "select sum(strikes_low) filter (where scope = 'event'),"
        " sum(strikes_low) filter (where scope = 'backfill') from mart.strike_events"
        " where actor = 'coalition' and date_start = date_end")
    totals = rows(sample_dsn, "select scope, strikes_low from mart.strike_totals where scope = 'aggregate'")
    assert totals and all(scope == "aggregate" for scope, _ in totals)
    assert rows(sample_dsn, "select count(*) from mart.daily_strikes where strikes_low > 10000") == [(0,)]


def test_incident_links_release_and_news_and_flags_the_conflict(sample_dsn):
    [(sources, documents, conflicting, disagreement, figures)] = rows(
        sample_dsn,
        "select source_names, documents, conflicting, disagreement, figures from mart.incidents"
        " where day = '2020-06-19' and location = 'Wadi al-Shai'")
    assert sources == ["sample_news", "sample_release"] and documents == 2
    assert conflicting and disagreement == "ranges do not overlap: at least 2 vs at most 1"
    assert sorted((f["source"], f["strikes_low"], f["strikes_best"]) for f in figures) == [
        ("sample_news", 2, None), ("sample_release", 1, 1)]


def test_quality_findings_cover_normaliser_and_warehouse_checks(sample_dsn):
    checks = dict(rows(sample_dsn, "select check_name, count(*) from mart.quality_findings group by 1"))
    assert checks["headline_sum"] == 1
    assert checks["unknown_place"] >= 1
    assert rows(sample_dsn, "select detail from mart.quality_findings where check_name = 'unknown_place'"
                " and place = 'Kisik' limit 1") == [("place 'Kisik' has no coordinates in the gazetteer",)]


def test_source_freshness_has_one_row_per_source(sample_dsn):
    got = rows(sample_dsn, "select source, documents, errors from mart.source_freshness order by source")
    assert got == [("oir_releases_bundle", 9, 0), ("sample_news", 1, 0), ("sample_release", 1, 0)]


def test_full_text_and_trigram_search(sample_dsn):
    with closing(db.connect(sample_dsn)) as conn:
        hits = search_documents(conn, "Wadi al-Shai camps")
        assert [h["source"] for h in hits][:1] == ["sample_news"]
        assert "<b>" in hits[0]["snippet"]
        places = search_names(conn, "Albu Kamal", kind="place")
        assert places[0]["canonical"] == "Abu Kamal"
        people = search_names(conn, "Cagins", kind="person")
        assert people[0]["canonical"] == "Myles B. Caggins III"


def test_search_uses_the_gin_indexes(sample_dsn):
    with closing(db.connect(sample_dsn)) as conn, conn, conn.cursor() as cur:
        cur.execute("set local enable_seqscan = off")
        cur.execute("explain select * from mart.documents"
                    " where search_vector @@ websearch_to_tsquery('english', 'raqqa')")
        assert "documents_search_idx" in "\n".join(r[0] for r in cur.fetchall())
        cur.execute("explain select * from mart.names where trigrams && mart.trigrams('kirkuk')")
        assert "names_trigrams_idx" in "\n".join(r[0] for r in cur.fetchall())


@pytest.mark.parametrize("role", ["pressroom_analyst", "pressroom_dashboard"])
def test_read_only_roles_see_mart_only(sample_dsn, role):
    with closing(db.connect(sample_dsn)) as conn, conn.cursor() as cur:
        cur.execute(f"set role {role}")
        cur.execute("select count(*) from mart.daily_strikes")
        assert cur.fetchone()[0] > 0
        cur.execute("select count(*) from mart.names where trigrams && mart.trigrams('mosul')")
        assert cur.fetchone()[0] > 0
        for forbidden in ("select count(*) from core.documents", "select count(*) from raw.snapshots",
                          "delete from mart.daily_strikes"):
            cur.execute("savepoint s")
            with pytest.raises(Exception, match="permission denied"):
                cur.execute(forbidden)
            cur.execute("rollback to savepoint s")
        conn.rollback()

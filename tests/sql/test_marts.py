"""The marts (dbt models) over the sample data: grains, the one definition of what each report counts as,
back-fill kept apart, incidents linked across sources, the quality checks, dbt docs covering every relation and
column, search, and the read-only roles."""

from contextlib import closing

import pytest
import yaml

from pressroom import db
from pressroom.warehouse.dbt import run_dbt
from pressroom.warehouse.dictionary import generate_docs, read_relations, render_markdown, undocumented
from pressroom.warehouse.search import search_documents, search_names
from support.sample_warehouse import REPO, sample_warehouse


@pytest.fixture(scope="module")
def sample_dsn(pg_server, tmp_path_factory):
    with sample_warehouse(pg_server, tmp_path_factory.mktemp("sample")) as dsn:
        yield dsn


def rows(dsn: str, sql: str, params=()) -> list[tuple]:
    with closing(db.connect(dsn)) as conn, conn, conn.cursor() as cur:
        cur.execute(sql, params)
        return cur.fetchall()


@pytest.fixture(scope="module")
def docs_relations(sample_dsn, tmp_path_factory):
    docs_dir = tmp_path_factory.mktemp("dbt-docs")
    assert generate_docs(sample_dsn, docs_dir).exists()
    return read_relations(docs_dir)


def test_dbt_docs_cover_every_raw_core_mart_relation_and_column(sample_dsn, docs_relations):
    in_database = {schema + "." + name for schema, name in rows(
        sample_dsn, "select table_schema, table_name from information_schema.tables"
                    " where table_schema in ('raw', 'core', 'mart')")}
    assert {r.qualified for r in docs_relations} == in_database  # every raw/core table is a dbt source
    assert undocumented(docs_relations) == []


def test_dictionary_is_rendered_from_the_manifest_and_catalog(docs_relations):
    markdown = render_markdown(docs_relations)
    assert "### `mart.daily_strikes` (table)" in markdown
    assert "| `backfill_best` | bigint | Sum of stated counts of back-filled reports. |" in markdown
    assert "### `core.strike_reports` (table)" in markdown


def test_counted_as_is_the_one_definition_every_strike_mart_follows(sample_dsn):
    counted = dict(rows(sample_dsn, "select counted_as, count(*) from mart.strike_events group by 1"))
    assert set(counted) <= {"daily", "backfill", "total", "other_actor"} and counted["daily"] > 0
    assert rows(sample_dsn, "select sum(reports), sum(backfill_reports) from mart.daily_strikes") == [
        (counted["daily"], counted.get("backfill", 0))]
    assert rows(sample_dsn, "select count(*) from mart.strike_totals") == [(counted.get("total", 0),)]
    assert rows(sample_dsn, "select count(*) from mart.strike_events where counted_as = 'daily'"
                " and (actor <> 'coalition' or scope <> 'event' or date_start is distinct from date_end)") == [(0,)]
    assert rows(sample_dsn, "select sum(documents) from mart.incidents") == rows(
        sample_dsn, "select count(distinct (document_id, date_start, country, coalesce(place, admin1)))"
        " from mart.strike_events where counted_as = 'daily' and coalesce(place, admin1) is not null")


def test_marts_carry_campaign_and_the_place_names(sample_dsn):
    assert {c for (c,) in rows(sample_dsn, "select distinct campaign from mart.daily_strikes")} <= {
        "counter-isis", "other", "unknown"}
    assert rows(sample_dsn, "select count(*) from mart.strike_events"
                " where place is distinct from coalesce(place_normalised, place_as_written)") == [(0,)]
    assert rows(sample_dsn, "select count(*) from mart.strike_events where place_normalised is not null") != [(0,)]


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
    # the bundle's CJTF-OIR story of 20 June 2020 reports the same strikes as the two extra sources
    assert sources == ["oir_releases_bundle", "sample_news", "sample_release"] and documents == 3
    assert conflicting and disagreement == "ranges do not overlap: at least 2 vs at most 1"
    assert {("sample_news", 2, None), ("sample_release", 1, 1)} <= {
        (f["source"], f["strikes_low"], f["strikes_best"]) for f in figures}


def test_quality_findings_cover_normaliser_and_warehouse_checks(sample_dsn):
    checks = dict(rows(sample_dsn, "select check_name, count(*) from mart.quality_findings group by 1"))
    assert checks["headline_sum"] == 1
    assert checks["unknown_place"] >= 1
    assert rows(sample_dsn, "select detail from mart.quality_findings where check_name = 'unknown_place'"
                " and place = 'Kisik' limit 1") == [("place 'Kisik' has no coordinates in the gazetteer",)]


def test_source_freshness_has_one_row_per_source(sample_dsn):
    got = rows(sample_dsn, "select source, documents, errors from mart.source_freshness order by source")
    bundled = len(yaml.safe_load((REPO / "samples" / "oir-releases" / "manifest.yaml").read_text(encoding="utf-8")))
    assert got == [("oir_releases_bundle", bundled, 0), ("sample_news", 1, 0), ("sample_release", 1, 0)]


def test_full_text_and_trigram_search(sample_dsn):
    with closing(db.connect(sample_dsn)) as conn:
        hits = search_documents(conn, "Wadi al-Shai camps")
        assert {h["source"] for h in hits[:2]} == {"oir_releases_bundle", "sample_news"}
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
        assert "Index Cond: (trigrams &&" in "\n".join(r[0] for r in cur.fetchall())  # the GIN index


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


def test_quality_checks_gate_normaliser_errors_and_recent_fetch_errors(sample_dsn):
    checks = {name: (affected, threshold, failed) for name, affected, threshold, failed in rows(
        sample_dsn, "select check_name, affected, threshold, failed from mart.quality_checks")}
    assert checks["normaliser_error"] == (0, 0, False)  # zero tolerance
    assert {"fetch_errors:oir_releases_bundle", "headline_sum", "unknown_place"} <= set(checks)
    assert not any(failed for _, _, failed in checks.values())
    # ten failures a month ago and one today: only today's counts against the 7-day window
    with closing(db.connect(sample_dsn)) as conn, conn, conn.cursor() as cur:
        cur.execute("insert into raw.fetch_log (run_id, source, url, attempt, error_class, fetched_at)"
                    " select 'old', 'sample_news', 'https://example.org/' || n, 1, 'timeout',"
                    " now() - interval '30 days'"
                    " from generate_series(1, 10) as n"
                    " union all select 'new', 'sample_news', 'https://example.org/x', 1, 'http_500', now()")
    run_dbt(sample_dsn, "run", "--select", "quality_checks")
    assert rows(sample_dsn, "select affected, total from mart.quality_checks"
                " where check_name = 'fetch_errors:sample_news'") == [(1, 2)]

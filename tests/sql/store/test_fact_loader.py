"""The batch fact loader: one transaction per batch, rows COPY'd, same rows on every re-load."""

from contextlib import closing

import pytest

from pressroom import db, pipeline
from pressroom.store import core
from support.sample_warehouse import sample_warehouse

FACTS = ("core.strike_reports", "core.findings", "core.spokespeople", "core.spokesperson_mentions")


@pytest.fixture(scope="module")
def sample_dsn(pg_server, tmp_path_factory):
    with sample_warehouse(pg_server, tmp_path_factory.mktemp("sample")) as dsn:
        yield dsn


def snapshot(dsn: str) -> dict[str, list]:
    with closing(db.connect(dsn)) as conn, conn, conn.cursor() as cur:
        found = {}
        for table in FACTS:
            cur.execute(f"select count(*) from {table}")
            found[table] = cur.fetchone()[0]
        cur.execute("select canonical_key, name, rank, organisation from core.spokespeople order by 1")
        found["registry"] = cur.fetchall()
        return found


def mark_unloaded(dsn: str) -> None:
    with closing(db.connect(dsn)) as conn, conn, conn.cursor() as cur:
        cur.execute("update core.analyses set facts_loaded_at = null")


@pytest.mark.parametrize("batch_size", [1, 3, 500])
def test_reloading_in_any_batch_size_gives_the_same_rows(sample_dsn, batch_size):
    before = snapshot(sample_dsn)
    ids = pipeline.stored_document_ids(sample_dsn)
    mark_unloaded(sample_dsn)
    totals = pipeline.load_documents(sample_dsn, ids, batch_size=batch_size)
    assert totals["documents"] == len(ids)
    assert totals["strike_reports"] == before["core.strike_reports"]
    assert totals["spokesperson_mentions"] == before["core.spokesperson_mentions"]
    assert snapshot(sample_dsn) == before
    assert pipeline.load_documents(sample_dsn, ids)["documents"] == 0  # loaded: nothing left to do


def test_mentions_of_one_person_merge_into_one_registry_row(sample_dsn):
    registry = snapshot(sample_dsn)["registry"]
    assert ("caggins", "Myles B. Caggins III", "Col.", "CJTF-OIR") in registry
    assert len({key for key, *_ in registry}) == len(registry)


def test_a_document_without_analysis_is_left_to_the_normalise_stage_and_the_others_load(sample_dsn):
    before = snapshot(sample_dsn)
    ids = pipeline.stored_document_ids(sample_dsn)
    mark_unloaded(sample_dsn)
    assert pipeline.load_documents(sample_dsn, [*ids, 10**9])["documents"] == len(ids)
    assert snapshot(sample_dsn) == before


def test_a_date_without_a_year_is_kept_as_written_not_guessed(sample_dsn):
    document_id = pipeline.stored_document_ids(sample_dsn)[0]
    evidence = {"text": "x", "start": 0, "end": 1}
    report = {"rule": "test.partial-date", "scope": "event", "actor": "coalition", "date_start": "XXXX-06-19",
              "date_end": "XXXX-06-19", "date_precision": "day", "strikes": {"low": 1, "best": 1, "high": 1},
              "evidence": evidence}
    with closing(db.connect(sample_dsn)) as conn:
        with conn, conn.cursor() as cur:
            cur.execute("select result, normaliser_version from core.analyses where document_id = %s", (document_id,))
            original, version = cur.fetchone()
        core.save_analysis(conn, document_id, version, {**original, "strike_reports": [report]})
        try:
            pipeline.load_documents(sample_dsn, [document_id])
            with conn, conn.cursor() as cur:
                cur.execute("select date_start, date_end, extra from core.strike_reports where document_id = %s",
                            (document_id,))
                assert cur.fetchall() == [(None, None, {"date_start_text": "XXXX-06-19",
                                                        "date_end_text": "XXXX-06-19"})]
        finally:
            core.save_analysis(conn, document_id, version, original)
            pipeline.load_documents(sample_dsn, [document_id])

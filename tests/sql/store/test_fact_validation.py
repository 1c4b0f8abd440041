"""Poison pills are isolated: generated facts (hypothesis) through the real loader never raise a constraint
error; a document breaking a limit is quarantined with its reason and a finding, its batch neighbour loads."""

from __future__ import annotations

import uuid
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pressroom import db, pipeline
from pressroom.migrate import apply_migrations
from pressroom.models import Attempt, ExtractedDoc, FetchResult
from pressroom.store import core, raw
from pressroom.store.validate import document_problem

MIGRATIONS = Path(__file__).resolve().parents[3] / "sql" / "migrations"
TEXT = "Coalition forces conducted strikes near Raqqa. " * 5
FETCHED = datetime(2018, 1, 10, tzinfo=UTC)
GOOD = {"strike_reports": [{"rule": "good", "scope": "event", "actor": "coalition", "date_start": "2018-01-09",
                            "date_end": "2018-01-09", "strikes": {"best": 3},
                            "evidence": {"text": TEXT[:9], "start": 0, "end": 9}}],
        "spokespeople": [{"name": "Ryan Dillon", "rank": "Col.", "evidence": {"text": "x", "start": 1, "end": 2}}],
        "findings": []}


@pytest.fixture(scope="module")
def documents(pg_server):
    """A migrated database with two document versions: (dsn, [poisoned id, good id])."""
    name = f"test_{uuid.uuid4().hex[:10]}"
    db.ensure_database(pg_server, name)
    dsn = db.with_database(pg_server, name)
    with closing(db.connect(dsn)) as conn:
        apply_migrations(conn, MIGRATIONS)
        for n in range(2):
            url, body = f"http://site.test/{n}", f"<p>{n}</p>".encode()
            raw.record_fetch(conn, FetchResult(url=url, final_url=url, status=200, fetched_at=FETCHED, body=body,
                                               attempts=[Attempt(attempt=1, status=200)]), source="s", run_id="r")
        snapshots = raw.load_snapshots(conn, [[f"http://site.test/{n}", raw_sha(n)] for n in range(2)])
        ids = core.write_documents(conn, [(snap, ExtractedDoc(text=TEXT)) for snap in snapshots])
    yield dsn, ids
    with closing(db.connect(db.with_database(pg_server, "postgres"))) as conn:
        conn.autocommit = True
        with conn.cursor() as cur:
            cur.execute(f'drop database if exists "{name}" with (force)')


def raw_sha(n: int) -> str:
    import hashlib

    return hashlib.sha256(f"<p>{n}</p>".encode()).hexdigest()


def jsonb_text(max_size: int):
    """Text jsonb can hold (a NUL is refused before any write: see the jsonb test below)."""
    return st.text(alphabet=st.characters(blacklist_characters="\x00"), max_size=max_size)


def any_text():
    return st.one_of(st.none(), jsonb_text(12), st.integers())


counts = st.one_of(st.none(), st.integers(min_value=-5, max_value=3000), st.integers(min_value=2**31 - 3),
                   st.floats(allow_nan=False, allow_infinity=False), st.just(1e300), jsonb_text(3))
dates = st.one_of(st.none(), st.dates().map(str), st.sampled_from(
    ["2017-02-31", "XXXX-02-29", "XXXX-02-31", "2017-12", "2016-12-22", "2018-01-09", "2099-01-01", "garbage"]))
offsets = st.one_of(st.integers(min_value=-3, max_value=len(TEXT) + 3), st.none(), st.just(2**40))
evidence = st.one_of(st.none(), st.fixed_dictionaries({"text": any_text(), "start": offsets, "end": offsets}))
reports = st.fixed_dictionaries(
    {"rule": any_text(), "scope": st.sampled_from(["event", "backfill", "aggregate", "daily", None]),
     "actor": st.sampled_from(["coalition", "other", "coalition "]), "date_start": dates, "date_end": dates,
     "strikes": st.one_of(st.none(), st.fixed_dictionaries({"low": counts, "best": counts, "high": counts})),
     "evidence": evidence},
    optional={"campaign": st.sampled_from(["counter-isis", "other", "isis"]), "engagements": counts,
              "lat": st.floats(allow_nan=False, allow_infinity=False),
              "lon": st.floats(allow_nan=False, allow_infinity=False), "geo_precision": counts, "place": any_text(),
              "place_normalised": any_text(), "targets": st.lists(st.fixed_dictionaries({"count": counts}),
                                                                  max_size=2),
              "notes": any_text()})
people = st.fixed_dictionaries({"name": any_text(), "evidence": evidence},
                               optional={"rank": any_text(), "quotes": st.lists(st.text(max_size=5), max_size=2)})
findings = st.fixed_dictionaries({"check": any_text(), "evidence": evidence},
                                 optional={"severity": any_text(), "detail": any_text()})
analyses = st.fixed_dictionaries({"strike_reports": st.lists(reports, max_size=3),
                                  "spokespeople": st.lists(people, max_size=2),
                                  "findings": st.lists(findings, max_size=2)})


def rows(dsn: str, document_id: int) -> tuple[int, int, list[str], list[str]]:
    with closing(db.connect(dsn)) as conn, conn, conn.cursor() as cur:
        cur.execute("""select (select count(*) from core.strike_reports where document_id = %(d)s),
                              (select count(*) from core.spokesperson_mentions where document_id = %(d)s),
                              (select coalesce(array_agg(reason), '{}') from core.document_failures
                               where document_id = %(d)s and stage = 'load'),
                              (select coalesce(array_agg(check_name), '{}') from core.findings
                               where document_id = %(d)s)""", {"d": document_id})
        return cur.fetchone()


@settings(max_examples=40, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(analysis=analyses)
def test_generated_facts_load_or_are_quarantined_never_a_constraint_error(documents, analysis):
    dsn, (poisoned, good) = documents
    with closing(db.connect(dsn)) as conn:
        core.save_analysis(conn, poisoned, "test", analysis)
        core.save_analysis(conn, good, "test", GOOD)
    totals = pipeline.load_documents(dsn, [poisoned, good])
    assert totals["documents"] == 2

    problem = document_problem(analysis, text_length=len(TEXT), fetched=FETCHED.date())
    reports, mentions, failures, checks = rows(dsn, poisoned)
    if problem:
        assert failures == [problem] and checks == ["facts_refused"] and reports == mentions == 0
    else:
        assert failures == [] and "facts_refused" not in checks
        assert (reports > 0) == bool(analysis["strike_reports"]) and reports <= len(analysis["strike_reports"])
    assert rows(dsn, good)[:3] == (1, 1, [])


def test_renormalising_a_warehouse_with_a_poison_document_loads_every_other_one(documents):
    dsn, (poisoned, good) = documents
    reversed_range = {**GOOD["strike_reports"][0], "date_start": "2017-12-16", "date_end": "2016-12-22"}
    with closing(db.connect(dsn)) as conn:
        core.save_analysis(conn, poisoned, "test", {**GOOD, "strike_reports": [reversed_range]})
        core.save_analysis(conn, good, "test", GOOD)
    assert pipeline.load_documents(dsn, [poisoned, good])["refused"] == 1
    assert rows(dsn, poisoned) == (0, 0, ["strike_reports[0]: date range reversed (2017-12-16 to 2016-12-22)"],
                                   ["facts_refused"])
    assert rows(dsn, good)[:3] == (1, 1, [])


def test_a_normaliser_output_jsonb_cannot_hold_quarantines_only_its_document(documents, monkeypatch):
    from pressroom import analysis
    from pressroom.normalise import NORMALISER_VERSION
    from pressroom.store import work

    dsn, (poisoned, good) = documents
    outputs = iter([({**GOOD, "strike_reports": [{**GOOD["strike_reports"][0], "lat": float("nan")}]}, "v"),
                    (GOOD, NORMALISER_VERSION)])
    monkeypatch.setattr(analysis, "analyse_text", lambda *args, **kwargs: next(outputs))
    pipeline.normalise_documents(dsn, [poisoned, good], force=True)
    with closing(db.connect(dsn)) as conn:
        assert work.documents_to_analyse(conn, [poisoned, good], NORMALISER_VERSION) == []  # both done
        refused = [(i, stage) for i, _, stage, _ in work.quarantined(conn)]
        assert (poisoned, "normalise") in refused and good not in {i for i, _ in refused}
        due = {(m.stage, m.document_id) for m in work.missing_stages(conn, NORMALISER_VERSION)}
        assert ("load", good) in due and ("load", poisoned) not in due

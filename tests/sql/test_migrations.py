"""The migration runner: applies in order, records each, re-runs apply nothing, edits are refused."""

from contextlib import closing
from pathlib import Path

import pytest

from pressroom import db
from pressroom.migrate import LEDGER, MigrationError, apply_migrations

REPO = Path(__file__).resolve().parents[2]


def test_apply_twice_is_a_no_op(empty_db):
    with closing(db.connect(empty_db)) as conn:
        first = apply_migrations(conn, REPO / "sql" / "migrations")
        assert first and first == sorted(first)
        assert apply_migrations(conn, REPO / "sql" / "migrations") == []
        with conn, conn.cursor() as cur:
            cur.execute(f"select count(*) from {LEDGER}")
            assert cur.fetchone()[0] == len(first)
            cur.execute("select count(*) from information_schema.schemata where schema_name in ('raw','core','mart')")
            assert cur.fetchone()[0] == 3


def test_changed_migration_is_refused(empty_db, tmp_path):
    (tmp_path / "0001_create_things.sql").write_text("create table things (id int);")
    with closing(db.connect(empty_db)) as conn:
        apply_migrations(conn, tmp_path)
        (tmp_path / "0001_create_things.sql").write_text("create table things (id bigint);")
        with pytest.raises(MigrationError, match="changed after it was applied"):
            apply_migrations(conn, tmp_path)


def test_failed_migration_rolls_back_with_its_ledger_row(empty_db, tmp_path):
    (tmp_path / "0001_create_good.sql").write_text("create table good (id int);")
    (tmp_path / "0002_create_bad.sql").write_text("create table bad (id int); select no_such_function();")
    with closing(db.connect(empty_db)) as conn:
        with pytest.raises(MigrationError, match="0002_create_bad.sql failed"):
            apply_migrations(conn, tmp_path)
        with conn, conn.cursor() as cur:
            cur.execute(f"select name from {LEDGER}")
            assert [r[0] for r in cur.fetchall()] == ["0001_create_good.sql"]
            cur.execute("select to_regclass('public.bad')")
            assert cur.fetchone()[0] is None


def test_badly_named_file_is_refused(empty_db, tmp_path):
    (tmp_path / "create_things.sql").write_text("select 1;")
    with closing(db.connect(empty_db)) as conn, pytest.raises(MigrationError, match="NNNN_verb_object"):
        apply_migrations(conn, tmp_path)


def test_snapshots_are_immutable(warehouse):
    with closing(db.connect(warehouse)) as conn:
        with conn, conn.cursor() as cur:
            cur.execute("insert into raw.snapshots (sha256, url, source, fetched_at, size_bytes, body_gz)"
                        " values ('x', 'http://a', 's', now(), 0, '')")
        with pytest.raises(Exception, match="immutable"), conn, conn.cursor() as cur:
            cur.execute("update raw.snapshots set url = 'http://b'")

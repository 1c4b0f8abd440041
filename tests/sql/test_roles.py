"""Read-only logins (`pressroom db url --role …`, pressroom.roles) and the limits of their roles (migration 0110):
a statement timeout, a temporary-file cap, read-only transactions, a connection limit, CONNECT on the
warehouse only."""

import stat
from contextlib import ExitStack, closing

import psycopg2
import pytest

from pressroom import db, roles
from pressroom.cli import main

LIMITS = {  # role: (statement_timeout, temp_file_limit) as `show` prints them
    "analyst": ("1min", "1GB"),
    "dashboard": ("30s", "256MB"),
}


@pytest.fixture
def logins(warehouse, tmp_path):
    return {kind: roles.login_url(warehouse, kind, tmp_path / "logins") for kind in LIMITS}


def settings_of(url: str) -> tuple[str, ...]:
    with closing(psycopg2.connect(url)) as conn, conn.cursor() as cur:
        values = []
        for name in ("statement_timeout", "temp_file_limit", "default_transaction_read_only"):
            cur.execute(f"show {name}")
            values.append(cur.fetchone()[0])
        return tuple(values)


@pytest.mark.parametrize("kind", sorted(LIMITS))
def test_login_reads_marts_only_with_the_role_limits(logins, warehouse, kind):
    assert settings_of(logins[kind]) == (*LIMITS[kind], "on")
    with closing(db.connect(warehouse)) as conn, conn, conn.cursor() as cur:  # a mart as dbt makes it (owner)
        cur.execute("create view mart.role_probe as select 1 as one")
    with closing(psycopg2.connect(logins[kind])) as conn, conn.cursor() as cur:
        cur.execute("select count(*) from mart.role_probe")
        for forbidden in ("select count(*) from core.documents", "create table mart.x (i int)",
                          "set temp_file_limit = -1"):
            with pytest.raises(psycopg2.Error, match="permission denied|read-only transaction"):
                cur.execute(forbidden)
            conn.rollback()


@pytest.mark.parametrize("kind", sorted(LIMITS))
def test_connection_limit(logins, warehouse, kind):
    with closing(db.connect(warehouse)) as conn, conn.cursor() as cur:
        cur.execute("select rolconnlimit from pg_roles where rolname = %s", (roles.login_name(kind),))
        limit = cur.fetchone()[0]
    assert 0 < limit <= 20
    with ExitStack() as open_connections:
        for _ in range(limit):
            open_connections.enter_context(closing(psycopg2.connect(logins[kind])))
        with pytest.raises(psycopg2.OperationalError, match="too many connections for role"):
            psycopg2.connect(logins[kind])


@pytest.mark.parametrize("kind", sorted(LIMITS))
def test_connect_on_the_warehouse_database_only(logins, pg_server, kind):
    db.ensure_database(pg_server, "airflow")  # how `make airflow-init` makes it
    for other in ("airflow", "postgres"):
        with pytest.raises(psycopg2.OperationalError, match="permission denied for database"):
            psycopg2.connect(db.with_database(logins[kind], other))


def test_login_url_is_idempotent_and_keeps_the_password_private(warehouse, tmp_path):
    first = roles.login_url(warehouse, "analyst", tmp_path / "logins")
    assert roles.login_url(warehouse, "analyst", tmp_path / "logins") == first
    secret = tmp_path / "logins" / f"{roles.login_name('analyst')}.json"
    assert stat.S_IMODE(secret.stat().st_mode) == 0o600
    assert stat.S_IMODE(secret.parent.stat().st_mode) == 0o700
    with closing(psycopg2.connect(first)) as conn, conn.cursor() as cur:
        cur.execute("select current_user")
        assert cur.fetchone()[0] == roles.login_name("analyst")


def test_cli_prints_a_working_url(warehouse, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PRESSROOM_DATABASE_URL", warehouse)
    monkeypatch.setenv("PRESSROOM_VAR_DIR", str(tmp_path))
    assert main(["db", "url", "--role", "dashboard"]) == 0
    url = capsys.readouterr().out.strip()
    assert (tmp_path / "logins" / f"{roles.login_name('dashboard')}.json").is_file()
    assert settings_of(url)[0] == LIMITS["dashboard"][0]

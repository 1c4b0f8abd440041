"""Where the warehouse is: PRESSROOM_DATABASE_URL if set, else the project's embedded Postgres."""

from __future__ import annotations

import logging
from urllib.parse import urlsplit, urlunsplit

from .embedded_pg import EmbeddedPostgres
from .settings import Settings, get_settings

log = logging.getLogger(__name__)

WAREHOUSE_DB = "pressroom"
AIRFLOW_DB = "airflow"


def embedded(settings: Settings | None = None) -> EmbeddedPostgres:
    return EmbeddedPostgres((settings or get_settings()).pg_dir)


def with_database(dsn: str, dbname: str) -> str:
    """The same server DSN pointing at another database."""
    parts = urlsplit(dsn)
    return urlunsplit(parts._replace(path=f"/{dbname}"))


def warehouse_url(settings: Settings | None = None, *, start: bool = False) -> str:
    """DSN of the warehouse database; with `start`, the embedded server is started and the database made."""
    settings = settings or get_settings()
    if settings.database_url:
        return settings.database_url
    server = embedded(settings)
    server_dsn = server.start() if start else server.dsn()
    if start:
        ensure_database(server_dsn, WAREHOUSE_DB)
    return with_database(server_dsn, WAREHOUSE_DB)


def ensure_database(server_dsn: str, dbname: str) -> None:
    """CREATE DATABASE unless it exists (it cannot run inside a transaction, hence autocommit)."""
    import psycopg2

    conn = psycopg2.connect(with_database(server_dsn, "postgres"))
    try:
        conn.autocommit = True
        with conn.cursor() as cur:
            cur.execute("select 1 from pg_database where datname = %s", (dbname,))
            if cur.fetchone() is None:
                cur.execute(f'create database "{dbname}"')
                if dbname != WAREHOUSE_DB:  # the read-only roles connect to the warehouse only (migration 0110)
                    cur.execute(f'revoke connect on database "{dbname}" from public')
                log.info("created database %s", dbname)
    finally:
        conn.close()


def connect(dsn: str | None = None):
    """A psycopg2 connection to the warehouse (application_name set for pg_stat_activity)."""
    import psycopg2

    return psycopg2.connect(dsn or warehouse_url(), application_name="pressroom")

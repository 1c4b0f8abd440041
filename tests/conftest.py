"""Shared fixtures: a throwaway Postgres for the whole test session, fresh databases per test, and a
local HTTP server for real pages (tests never touch the internet)."""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
import uuid
from collections.abc import Iterator
from contextlib import closing
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from pressroom import db
from pressroom.embedded_pg import EmbeddedPostgres
from pressroom.migrate import apply_migrations

# astronomer-cosmos sends usage metrics from every DAG parse and task unless told not to; tests never call the web
# (Celery and Airflow subprocesses inherit this).
os.environ["DO_NOT_TRACK"] = "true"

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
MIGRATIONS = REPO / "sql" / "migrations"


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """A throwaway embedded cluster (fsync off) for the session; yields the server DSN, removed at the end."""
    root = Path(tempfile.mkdtemp(prefix="pressroom-test-pg-"))
    root.chmod(0o755)  # the server runs as an unprivileged user when tests run as root
    server = EmbeddedPostgres(root / "pg", fsync=False)
    try:
        yield server.start()
    finally:
        server.destroy()
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def empty_db(pg_server: str) -> Iterator[str]:
    """DSN of a new, empty database, dropped after the test."""
    name = f"test_{uuid.uuid4().hex[:10]}"
    db.ensure_database(pg_server, name)
    try:
        yield db.with_database(pg_server, name)
    finally:
        with closing(db.connect(db.with_database(pg_server, "postgres"))) as conn:
            conn.autocommit = True
            with conn.cursor() as cur:
                cur.execute(f'drop database if exists "{name}" with (force)')


@pytest.fixture
def warehouse(empty_db: str) -> str:
    """DSN of a new database with every migration applied."""
    with closing(db.connect(empty_db)) as conn:
        apply_migrations(conn, MIGRATIONS)
    return empty_db


class StaticSite:
    """Serves `pages` ({path: (status, content_type, body bytes)}) on 127.0.0.1; unknown paths are 404."""

    def __init__(self, pages: dict[str, tuple[int, str, bytes]]):
        self.pages = pages
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (http.server API)
                status, content_type, body = site.pages.get(self.path, (404, "text/html", b"<h1>Not found</h1>"))
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base_url + path

    def __enter__(self) -> StaticSite:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def static_site():
    """Factory: `with static_site(pages) as site:` — or use the returned site directly; shut down after."""
    sites: list[StaticSite] = []

    def start(pages: dict[str, tuple[int, str, bytes]]) -> StaticSite:
        site = StaticSite(pages).__enter__()
        sites.append(site)
        return site

    yield start
    for site in sites:
        site.__exit__()

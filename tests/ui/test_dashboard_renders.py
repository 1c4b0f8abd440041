"""`make dashboard` for real: Superset from .venv-dashboard, provisioned by `pressroom dashboard` against the
sample warehouse as the read-only dashboard login, served by gunicorn on 127.0.0.1, the dashboard opened in headless
Chromium (tests/ui/dashboard_browser.py): every chart of the committed bundle is drawn from rows, none errs."""

import json
import os
import signal
import sqlite3
import subprocess
import time
import urllib.request
from contextlib import closing
from pathlib import Path
from unittest import mock

import pytest
import yaml

from pressroom.cli import main
from pressroom.embedded_pg import free_port
from pressroom.superset import BUNDLE_DIR, DASHBOARD_SLUG, Superset
from support.sample_warehouse import sample_warehouse

BROWSER_SCRIPT = Path(__file__).with_name("dashboard_browser.py")
CHARTS = {yaml.safe_load(f.read_text())["slice_name"] for f in (BUNDLE_DIR / "charts").glob("*.yaml")}


@pytest.fixture(scope="module")
def superset(pg_server, tmp_path_factory):
    """Provisioned the way `make dashboard` does it, then served on a free port: (base URL, Superset)."""
    root = tmp_path_factory.mktemp("superset")
    with sample_warehouse(pg_server, root) as dsn:
        superset = Superset(root / "dashboard")
        if not (superset.venv_bin / "superset").is_file():
            pytest.fail("Superset is not installed: `make test` installs .venv-dashboard (make dashboard-install)")
        with mock.patch.dict(os.environ, {"PRESSROOM_DATABASE_URL": dsn, "PRESSROOM_VAR_DIR": str(root)}):
            for _ in range(2):  # idempotent: the second run changes nothing
                assert main(["dashboard", "--provision-only"]) == 0
        assert provisioned(superset.home / "superset.db") == (1, 1, 4, len(CHARTS), 1)
        port = free_port()
        log = (root / "gunicorn.log").open("w")
        server = subprocess.Popen(superset.server_command(port, workers=1), env=superset.env(), cwd=root,
                                  stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            wait_until_healthy(f"http://127.0.0.1:{port}/health", server, root / "gunicorn.log")
            yield f"http://127.0.0.1:{port}", superset
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=60)
            log.close()


def provisioned(metadata: Path) -> tuple[int, ...]:
    """Users, databases, datasets, charts and dashboards in Superset's metadata."""
    with closing(sqlite3.connect(metadata)) as conn:
        return tuple(conn.execute(f"select count(*) from {table}").fetchone()[0]
                     for table in ("ab_user", "dbs", "tables", "slices", "dashboards"))


def wait_until_healthy(url: str, server: subprocess.Popen, log: Path, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert server.poll() is None, f"Superset exited: {log.read_text()[-3000:]}"
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    pytest.fail(f"Superset not healthy after {timeout}s: {log.read_text()[-3000:]}")


def test_every_chart_of_the_dashboard_renders_data(superset, tmp_path):
    base, installation = superset
    screenshot = tmp_path / "dashboard.png"
    proc = subprocess.run(
        [str(installation.venv_bin / "python"), str(BROWSER_SCRIPT), base, "admin",
         installation.admin_password(), DASHBOARD_SLUG, str(screenshot)],
        capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    seen = json.loads(proc.stdout.strip().splitlines()[-1])
    charts = {c["name"]: c for c in seen["charts"]}
    assert set(charts) == CHARTS
    for name, chart in charts.items():
        assert not chart["errors"] and not chart["empty"], (name, chart)
        assert chart["drawn"] > 0, (name, chart)
        assert seen["data"].get(str(chart["id"]), 0) > 0, (name, seen["data"])
    assert screenshot.stat().st_size > 50_000

"""Apache Superset as pressroom's dashboard (`make dashboard`, `pressroom dashboard`).

Superset runs from its own virtualenv (.venv-dashboard, pinned in dashboard/requirements.lock: its pins conflict
with Airflow's) and is driven through its command line. Its state lives in `home` (var/dashboard):
    superset.db    metadata (SQLite)
    secret_key     Flask SECRET_KEY (0600, made on first use)
    admin.json     the `admin` login's password (0600, made on first use)
Provisioning (dashboard/provision.py, one process in that virtualenv) is idempotent: `superset db upgrade`,
`superset init`, the admin user, then the committed dashboard (dashboard/bundle/, Superset's YAML export
format) imported with `superset import-dashboards` (overwrite), its database pointed at the
warehouse as the read-only dashboard login (pressroom.roles) — also when the warehouse's port changed.
"""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path

import yaml

from .private_files import create_private_file
from .settings import PROJECT_ROOT

DASHBOARD_DIR = PROJECT_ROOT / "dashboard"
BUNDLE_DIR = DASHBOARD_DIR / "bundle"
DATABASE_YAML = Path("databases") / "pressroom_warehouse.yaml"
DASHBOARD_SLUG = "pressroom"
ADMIN = "admin"


class SupersetError(RuntimeError):
    """A Superset command failed (its output's tail is in the message)."""


@dataclass(frozen=True)
class Superset:
    """One Superset installation: its state directory and the virtualenv it runs from."""

    home: Path
    venv_bin: Path = Path(os.environ.get("PRESSROOM_DASHBOARD_BIN", PROJECT_ROOT / ".venv-dashboard" / "bin"))

    def env(self) -> dict[str, str]:
        return {**os.environ, "SUPERSET_CONFIG_PATH": str(DASHBOARD_DIR / "superset_config.py"),
                "PRESSROOM_DASHBOARD_HOME": str(self.home), "SUPERSET_HOME": str(self.home)}

    def admin_password(self) -> str:
        return json.loads((self.home / "admin.json").read_text())["password"]

    def provision(self, warehouse_url: str) -> None:
        """Metadata schema, roles, admin login and the dashboard, connected to `warehouse_url` (read-only)."""
        if not (self.venv_bin / "superset").is_file():
            raise SupersetError(f"{self.venv_bin / 'superset'} is missing: `make dashboard` installs it")
        self.home.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not (self.home / "secret_key").exists():
            create_private_file(self.home / "secret_key", secrets.token_urlsafe(48))
        if not (self.home / "admin.json").exists():
            create_private_file(self.home / "admin.json",
                                json.dumps({"user": ADMIN, "password": secrets.token_urlsafe(18)}))
        bundle = self.home / "bundle.zip"  # holds the login's password: 0600, removed after the import
        try:
            write_bundle(bundle, warehouse_url)
            proc = subprocess.run([str(self.venv_bin / "python"), str(DASHBOARD_DIR / "provision.py"), str(bundle)],
                                  env=self.env(), cwd=self.home, capture_output=True, text=True)
        finally:
            bundle.unlink(missing_ok=True)
        if proc.returncode != 0:
            tail = " | ".join((proc.stdout + proc.stderr).strip().splitlines()[-8:])
            raise SupersetError(f"provisioning Superset failed (exit {proc.returncode}): {tail}")

    def server_command(self, port: int, workers: int = 2, host: str = "127.0.0.1") -> list[str]:
        """gunicorn serving Superset on `host`:`port` (run with env())."""
        return [str(self.venv_bin / "gunicorn"), "--bind", f"{host}:{port}", "--workers", str(workers),
                "--worker-class", "gthread", "--threads", "8", "--timeout", "120", "--limit-request-line", "0",
                "--limit-request-field_size", "0", "--no-control-socket", "superset.app:create_app()"]


def write_bundle(path: Path, warehouse_url: str) -> None:
    """dashboard/bundle/ as the ZIP `superset import-dashboards` reads, its database set to `warehouse_url`."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as f, zipfile.ZipFile(f, "w") as bundle:
        for file in sorted(BUNDLE_DIR.rglob("*.yaml")):
            relative = file.relative_to(BUNDLE_DIR)
            text = file.read_text(encoding="utf-8")
            if relative == DATABASE_YAML:
                database = yaml.safe_load(text)
                database["sqlalchemy_uri"] = warehouse_url
                text = yaml.safe_dump(database, sort_keys=False)
            bundle.writestr(str(Path("pressroom_dashboard") / relative), text)


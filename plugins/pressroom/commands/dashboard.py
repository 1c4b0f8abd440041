"""`pressroom dashboard`: provision Apache Superset (pressroom.superset) and serve it on 127.0.0.1."""

from __future__ import annotations

import argparse
import os
import sys

from .. import db, roles
from ..settings import get_settings


def register(commands) -> None:
    p = commands.add_parser("dashboard", help="Apache Superset with the provisioned dashboard (make dashboard)")
    p.add_argument("--port", type=int, default=8088, help="port (default 8088)")
    p.add_argument("--host", default="127.0.0.1",
                   help="address to bind (default 127.0.0.1; 0.0.0.0 only inside a container, see docker-compose.yml)")
    p.add_argument("--provision-only", action="store_true", help="set up and import the dashboard, do not serve")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from ..superset import DASHBOARD_SLUG, Superset

    settings = get_settings()
    superset = Superset(settings.var_dir / "dashboard")
    superset.provision(roles.login_url(db.warehouse_url(start=True), "dashboard", settings.var_dir / "logins"))
    if args.provision_only:
        print(f"dashboard provisioned in {superset.home}")
        return 0
    print(f"Superset on http://{args.host}:{args.port}/superset/dashboard/{DASHBOARD_SLUG}/ — login: admin, "
          f"password in {superset.home / 'admin.json'}", flush=True)
    command = superset.server_command(args.port, host=args.host)
    sys.stdout.flush()
    os.execve(command[0], command, superset.env())

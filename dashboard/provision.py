"""Provisions Superset in one process, so its app starts once instead of once per command.

Run by pressroom.superset with .venv-dashboard/bin/python (SUPERSET_CONFIG_PATH and PRESSROOM_DASHBOARD_HOME set):
    python dashboard/provision.py BUNDLE.zip
Runs Superset's own commands — `db upgrade`, `init`, `import-dashboards` (overwrite) — through its command-line
group, and makes the `admin` login, or sets its password, from $PRESSROOM_DASHBOARD_HOME/admin.json.
"""

import json
import os
import sys
from pathlib import Path

from flask.cli import ScriptInfo
from superset.cli.main import create_app, superset

ADMIN = "admin"


def run(info: ScriptInfo, *args: str) -> None:
    superset.main(list(args), obj=info, standalone_mode=False)


def ensure_admin(password: str) -> None:
    from superset import security_manager
    from werkzeug.security import check_password_hash

    user = security_manager.find_user(username=ADMIN)
    if user is None:
        security_manager.add_user(ADMIN, "pressroom", "admin", "admin@localhost",
                                  security_manager.find_role("Admin"), password=password)
        print("admin login created")
    elif not check_password_hash(user.password, password):
        security_manager.reset_password(user.id, password)
        print("admin password set from admin.json")


def main(bundle: str) -> None:
    home = Path(os.environ["PRESSROOM_DASHBOARD_HOME"])
    info = ScriptInfo(create_app=create_app)  # shared by every command: one app
    run(info, "db", "upgrade")
    run(info, "init")
    with info.load_app().app_context():
        ensure_admin(json.loads((home / "admin.json").read_text())["password"])
    run(info, "import-dashboards", "--path", bundle, "--username", ADMIN)


if __name__ == "__main__":
    main(sys.argv[1])

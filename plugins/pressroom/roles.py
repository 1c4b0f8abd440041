"""Login roles for people and tools: `pressroom db url --role analyst|dashboard`.

Each kind of reader has a group role made by the migrations (pressroom_analyst, pressroom_dashboard: read-only
on `mart`, limits in migration 0110) and one login role that is a member of it. The login's random password is
kept in a 0600 file under var/ and set again on every call, so the URL printed always works, also after the
database was recreated. Role settings (statement_timeout, temp_file_limit, …) and the connection limit apply to
the role a session logs in as, so they are copied from the group onto the login.
"""

from __future__ import annotations

import json
import secrets
from contextlib import closing
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

from . import db
from .private_files import create_private_file

GROUPS = {"analyst": "pressroom_analyst", "dashboard": "pressroom_dashboard"}


def login_name(kind: str) -> str:
    return f"{GROUPS[kind]}_login"


def login_url(admin_dsn: str, kind: str, secrets_dir: Path) -> str:
    """A read-only DSN of the warehouse for `kind` (analyst or dashboard); creates or refreshes the login."""
    user = login_name(kind)
    password = _password(secrets_dir / f"{user}.json", user)
    with closing(db.connect(admin_dsn)) as conn, conn, conn.cursor() as cur:
        cur.execute("select 1 from pg_roles where rolname = %s", (user,))
        verb = "alter" if cur.fetchone() else "create"
        cur.execute(f'{verb} role "{user}" login password %s', (password,))
        _copy_group_limits(cur, GROUPS[kind], user)
    return with_credentials(admin_dsn, user, password)


def with_credentials(dsn: str, user: str, password: str) -> str:
    """The same DSN logging in as another user."""
    parts = urlsplit(dsn)
    netloc = f"{quote(user, safe='')}:{quote(password, safe='')}@{parts.netloc.rsplit('@', 1)[-1]}"
    return urlunsplit(parts._replace(netloc=netloc))


def _copy_group_limits(cur, group: str, user: str) -> None:
    cur.execute(f'grant "{group}" to "{user}"')
    cur.execute("select rolconnlimit from pg_roles where rolname = %s", (group,))
    cur.execute(f'alter role "{user}" connection limit {int(cur.fetchone()[0])}')
    cur.execute(f'alter role "{user}" reset all')
    cur.execute(
        "select unnest(s.setconfig) from pg_db_role_setting as s join pg_roles as r on r.oid = s.setrole"
        " where r.rolname = %s and s.setdatabase = 0", (group,))
    for setting in [row[0] for row in cur.fetchall()]:
        name, value = setting.split("=", 1)
        cur.execute(f'alter role "{user}" set {name} = %s', (value,))


def _password(path: Path, user: str) -> str:
    """The password kept in `path` (0600 in a 0700 folder), made on first use."""
    if path.exists():
        return json.loads(path.read_text())["password"]
    password = secrets.token_urlsafe(24)
    create_private_file(path, json.dumps({"user": user, "password": password}))
    return password

"""Superset configuration for pressroom's dashboard (SUPERSET_CONFIG_PATH points here; see pressroom.superset).

Everything lives in PRESSROOM_DASHBOARD_HOME (var/dashboard by default): the metadata database (SQLite), the
secret key (0600, made by pressroom.superset on first use). The server binds to 127.0.0.1 (gunicorn's -b).
"""

import os
import sqlite3
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import Engine

HOME = Path(os.environ["PRESSROOM_DASHBOARD_HOME"])
SECRET_KEY = (HOME / "secret_key").read_text().strip()
SQLALCHEMY_DATABASE_URI = f"sqlite:///{HOME / 'superset.db'}"
DATA_DIR = str(HOME)

# Render every chart of a dashboard at once (not only those scrolled into view), no example data, no telemetry.
FEATURE_FLAGS = {"DASHBOARD_VIRTUALIZATION": False}
SUPERSET_LOAD_EXAMPLES = False
SCARF_ANALYTICS = False
# The machine has no internet: no Mapbox token, so the deck.gl map draws its points on an empty base map.
MAPBOX_API_KEY = ""
ROW_LIMIT = 50_000
SUPERSET_WEBSERVER_TIMEOUT = 60


@event.listens_for(Engine, "connect")
def _sqlite_write_ahead_log(dbapi_connection, _record) -> None:
    """The metadata database in WAL mode with synchronous=NORMAL: readers (gunicorn threads) do not block the
    writer, and commits sync less (`superset db upgrade` a third faster); still consistent after a crash."""
    if isinstance(dbapi_connection, sqlite3.Connection):
        cursor = dbapi_connection.cursor()
        cursor.execute("pragma journal_mode = wal")
        cursor.execute("pragma synchronous = normal")
        cursor.close()

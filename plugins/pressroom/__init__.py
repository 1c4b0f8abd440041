"""pressroom: fetch, extract, normalise and load coalition strike reports into Postgres.

Plain Python, importable without Airflow. Modules stay light at import time: trafilatura, psycopg2 and
requests are imported where they are used.
"""

import logging

__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())

"""The analysts' side of the warehouse: mart refresh, data-quality gates, search, exports, the HTML report and
the data dictionary. Plain functions taking a psycopg2 connection; no Airflow."""

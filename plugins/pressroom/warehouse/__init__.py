"""The analysts' side of the warehouse: building the marts with dbt (dbt.py, marts.py), search, exports, the HTML
report and the data dictionary from dbt's docs. Plain Python; no Airflow."""

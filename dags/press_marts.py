"""
### pressroom marts — build the analysts' marts with dbt whenever an ingest run has loaded core facts

Scheduled on the `pressroom.core.facts` Asset (updated by every ingest DAG's load task), and unpaused at
creation so the marts follow the facts without anyone switching it on. The `marts` task group is the dbt
project in `dbt/`, rendered by astronomer-cosmos: one task per model, its tests after it (unique, not_null,
relationships, accepted_values). `quality_checks`' tests are the data-quality gate: a check over its threshold
(normaliser errors: any) fails that task, red, naming the check, and the report is not written.
"""

import pendulum
from airflow.sdk import dag, task
from cosmos import DbtTaskGroup

from pressroom.airflow_tasks import CORE_FACTS, DEFAULT_ARGS, dbt_marts_configs, failure_notifiers


@dag(
    dag_id="press_marts",
    description="Build mart.* with dbt (Cosmos) after each core load, gate on data quality, write the report",
    schedule=[CORE_FACTS],
    start_date=pendulum.datetime(2026, 1, 1, tz="UTC"),
    catchup=False,
    max_active_runs=1,
    is_paused_upon_creation=False,
    default_args={**DEFAULT_ARGS, "on_failure_callback": failure_notifiers("marts")},
    tags=["pressroom", "marts", "data-quality", "dbt"],
    doc_md=__doc__,
)
def press_marts():
    marts = DbtTaskGroup(group_id="marts", **dbt_marts_configs())

    @task
    def write_report() -> str:
        from contextlib import closing

        from pressroom import db
        from pressroom.airflow_tasks import warehouse_dsn
        from pressroom.settings import get_settings
        from pressroom.warehouse.report import write_report

        with closing(db.connect(warehouse_dsn())) as conn:
            return str(write_report(conn, get_settings().var_dir / "report" / "index.html"))

    marts >> write_report()


marts_dag = press_marts()


if __name__ == "__main__":
    marts_dag.test()

"""
### pressroom marts — refresh the analysts' marts whenever an ingest run has loaded core facts

Scheduled on the `pressroom.core.facts` Asset (updated by every ingest DAG's load task):
refresh the materialised marts → run the data-quality checks (the task fails, listing every check over
its threshold, when one is crossed) → write the HTML report under `var/report/`.
"""

import pendulum
from airflow.sdk import dag, task

from pressroom.airflow_tasks import CORE_FACTS, DEFAULT_ARGS, failure_notifiers


@dag(
    dag_id="press_marts",
    description="Refresh mart.* after each core load, gate on data quality, write the report",
    schedule=[CORE_FACTS],
    start_date=pendulum.datetime(2026, 1, 1, tz="UTC"),
    catchup=False,
    max_active_runs=1,
    # Unpause it (UI, or `airflow dags unpause press_marts`) to refresh marts after every ingest run; paused, it
    # never races the ingest DAGs in executor tests. `pressroom report` refreshes the marts on its own.
    is_paused_upon_creation=True,
    default_args={**DEFAULT_ARGS, "on_failure_callback": failure_notifiers("marts")},
    tags=["pressroom", "marts", "data-quality"],
    doc_md=__doc__,
)
def press_marts():
    @task
    def refresh() -> dict[str, float]:
        from contextlib import closing

        from pressroom import db
        from pressroom.airflow_tasks import warehouse_dsn
        from pressroom.warehouse.marts import refresh_marts

        with closing(db.connect(warehouse_dsn())) as conn:
            return refresh_marts(conn)

    @task
    def check_quality(refreshed: dict[str, float]) -> dict[str, float]:
        """Fails with every check over its threshold in the message (DataQualityError)."""
        from contextlib import closing

        from pressroom import db
        from pressroom.airflow_tasks import warehouse_dsn
        from pressroom.warehouse.quality import check_quality

        with closing(db.connect(warehouse_dsn())) as conn:
            return {r.name: round(r.rate, 4) for r in check_quality(conn)}

    @task
    def write_report(checks: dict[str, float]) -> str:
        from contextlib import closing

        from pressroom import db
        from pressroom.airflow_tasks import warehouse_dsn
        from pressroom.settings import get_settings
        from pressroom.warehouse.report import write_report

        with closing(db.connect(warehouse_dsn())) as conn:
            return str(write_report(conn, get_settings().var_dir / "report" / "index.html"))

    write_report(check_quality(refresh()))


marts_dag = press_marts()


if __name__ == "__main__":
    marts_dag.test()

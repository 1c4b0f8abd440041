"""
### pressroom ingest — one DAG per source in `plugins/pressroom/sources.yaml`

discover → fetch → extract → normalise → load. Tasks pass URLs, snapshot hashes, document ids and
counts through XCom, never page bodies; every stage reads its input from the warehouse. `fetch` returns the
source's unfinished work (new bodies, and whatever an interrupted run left at any stage) in batches
(PRESSROOM_BATCH_SIZE); `extract`/`normalise` are mapped over them and skip what is done, so LocalExecutor
processes or Celery workers work on a run in parallel; a run with nothing unfinished skips them.
`enabled` in sources.yaml is the single truth: disabled sources get a DAG too, paused at creation, and a
run of a disabled source is skipped even if the DAG is unpaused in the UI (`pressroom sources enable NAME`).
A source that cannot be reached at all fails `discover` (or `fetch`) after its retries; with
PRESSROOM_ALERT_EMAIL set, each failed task sends one e-mail (Airflow's SmtpNotifier).
The load task updates the `pressroom.core.facts` Asset, which schedules the marts refresh.
"""

import pendulum
from airflow.sdk import CronDataIntervalTimetable, dag, task

from pressroom.airflow_tasks import CORE_FACTS, DEFAULT_ARGS, failure_notifiers
from pressroom.sources import Source, load_sources


def build_ingest_dag(source: Source):
    @dag(
        dag_id=f"press_ingest_{source.name}",
        description=source.description or f"Ingest {source.name} ({source.kind})",
        schedule=CronDataIntervalTimetable(source.schedule, timezone="UTC"),
        start_date=pendulum.datetime(2026, 1, 1, tz="UTC"),
        catchup=False,
        max_active_runs=1,
        is_paused_upon_creation=not source.enabled,
        default_args={**DEFAULT_ARGS, "on_failure_callback": failure_notifiers(f"source {source.name}")},
        tags=["pressroom", "ingest", source.kind, "official" if source.official else "news"],
        doc_md=__doc__,
    )
    def ingest():
        @task
        def discover() -> list[str]:
            from pressroom import pipeline
            from pressroom.airflow_tasks import run_identity, skip_if_disabled, warehouse_dsn

            skip_if_disabled(source.name)
            run_id, task_try = run_identity()
            return pipeline.discover_urls(source.name, dsn=warehouse_dsn(), run_id=run_id, task_try=task_try)

        @task
        def fetch(urls: list[str]) -> list[list]:
            from pressroom import pipeline
            from pressroom.airflow_tasks import is_final_try, run_identity, warehouse_dsn
            from pressroom.settings import get_settings

            run_id, task_try = run_identity()
            items = pipeline.fetch_urls(warehouse_dsn(), source.name, urls, run_id=run_id, task_try=task_try,
                                        final_try=is_final_try())
            return pipeline.batched(items, get_settings().batch_size)

        @task
        def extract(items: list) -> list[int]:
            from pressroom import pipeline
            from pressroom.airflow_tasks import warehouse_dsn

            return pipeline.extract_snapshots(warehouse_dsn(), items)

        @task
        def normalise(document_ids: list[int]) -> list[int]:
            from pressroom import pipeline
            from pressroom.airflow_tasks import warehouse_dsn

            return pipeline.normalise_documents(warehouse_dsn(), document_ids)

        @task(outlets=[CORE_FACTS])
        def load(batches: list[list[int]]) -> dict[str, int]:
            from pressroom import pipeline
            from pressroom.airflow_tasks import publish_counts, warehouse_dsn

            counts = pipeline.load_documents(warehouse_dsn(), [i for batch in batches for i in batch])
            publish_counts(counts)
            return counts

        load(normalise.expand(document_ids=extract.expand(items=fetch(discover()))))

    return ingest()


for _source in load_sources():
    globals()[f"press_ingest_{_source.name}"] = build_ingest_dag(_source)


if __name__ == "__main__":
    import sys

    globals()[f"press_ingest_{sys.argv[1]}"].test()

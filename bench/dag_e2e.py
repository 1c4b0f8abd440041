"""End-to-end ingest DAG on N distinct real pages (default 5 000) served by a local HTTP server: wall time
and per-stage breakdown of one `dag.test()` run (one process) and of one run on LocalExecutor with 2 worker
processes, then a cProfile of the same stages on a sample of pages to show where the time goes.

Airflow runs with throwaway AIRFLOW_HOMEs (SQLite metadata for dag.test(), Postgres for LocalExecutor); each
run writes its own fresh warehouse database on a throwaway embedded Postgres with fsync on.
Usage: python -m bench.dag_e2e [--pages 5000] [--profile-pages 200] [--workers 2]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import shutil
import subprocess
import sys
import tempfile
import time
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

import yaml

from bench import local_executor
from bench.corpus import REPO, serve, varied_pages
from bench.report import publish, table
from bench.warehouse import migrated_database, throwaway_warehouse
from pressroom import db

SOURCE = "bench_e2e"
LOGICAL_DATE = datetime(2026, 11, 1, tzinfo=UTC)


def configure_airflow(home: Path) -> None:
    """Airflow settings for this process and its `airflow db migrate`, before airflow is imported."""
    os.environ.update({
        "AIRFLOW_HOME": str(home),
        "AIRFLOW__CORE__DAGS_FOLDER": str(REPO / "dags"),
        "AIRFLOW__CORE__PLUGINS_FOLDER": str(REPO / "plugins"),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
        "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": f"sqlite:///{home}/airflow.db",
    })
    airflow = Path(sys.executable).with_name("airflow")
    subprocess.run([str(airflow), "db", "migrate"], check=True, capture_output=True, timeout=300)


def configure_source(workdir: Path, base_url: str, paths: list[str], dsn: str) -> list[str]:
    """A `urls` source over the served pages (no delay); returns its URLs."""
    urls = [base_url + p for p in paths]
    sources = {"sources": [{"name": SOURCE, "kind": "urls", "start_urls": urls, "enabled": True,
                            "allow_private": True, "delay": 0, "schedule": "0 0 1 1 *"}]}
    (workdir / "sources.yaml").write_text(yaml.safe_dump(sources))
    os.environ.update({
        "PRESSROOM_SOURCES_FILE": str(workdir / "sources.yaml"),
        "PRESSROOM_DATABASE_URL": dsn,
        "PRESSROOM_ALLOW_PRIVATE_HOSTS": base_url.removeprefix("http://"),
    })
    return urls


def run_dag() -> tuple[float, list[tuple], str]:
    """(wall seconds, [(task, map index, start, end)], final state) of one dag.test() run."""
    from airflow.dag_processing.dagbag import DagBag
    from airflow.models import TaskInstance
    from airflow.utils.session import create_session

    dag = DagBag(dag_folder=str(REPO / "dags")).get_dag(f"press_ingest_{SOURCE}")
    started = time.perf_counter()
    run = dag.test(logical_date=LOGICAL_DATE, run_after=LOGICAL_DATE)
    wall = time.perf_counter() - started
    with create_session() as session:
        tis = session.query(TaskInstance).filter(TaskInstance.dag_id == dag.dag_id,
                                                 TaskInstance.run_id == run.run_id).all()
        tasks = [(ti.task_id, ti.map_index, ti.start_date, ti.end_date) for ti in tis if ti.start_date]
    return wall, tasks, str(run.state)


def stage_rows(tasks: list[tuple], wall: float, pages: int) -> list[list[str]]:
    """Per stage: task instances, busy seconds (sum over instances), span (first start to last end), its
    share of the run's wall time and pages per second of span."""
    rows = []
    for name in ("discover", "fetch", "extract", "normalise", "load"):
        mine = [t for t in tasks if t[0] == name and t[3]]
        if not mine:
            continue
        busy = sum((end - start).total_seconds() for _, _, start, end in mine)
        span = (max(t[3] for t in mine) - min(t[2] for t in mine)).total_seconds()
        rows.append([name, str(len(mine)), f"{busy:.1f}", f"{span:.1f}", f"{span / wall:.0%}",
                     f"{pages / span:.1f}" if span else "-"])
    return rows


def busy_seconds(tasks: list[tuple], name: str) -> float:
    return sum((end - start).total_seconds() for task, _, start, end in tasks if task == name and end)


def run_local_executor(server_dsn: str, workdir: Path, workers: int, pages: int) -> tuple[float, list, str]:
    """The same DAG run on LocalExecutor (`workers` processes) into a fresh warehouse database."""
    metadata = db.with_database(server_dsn, "airflow_local")
    db.ensure_database(server_dsn, "airflow_local")
    warehouse = migrated_database(server_dsn, "pressroom_local")
    extra = {k: v for k, v in os.environ.items() if k.startswith("PRESSROOM_")}
    extra["PRESSROOM_DATABASE_URL"] = warehouse
    with local_executor.deployment(workdir / "airflow-local", metadata, workers, extra) as env:
        return local_executor.run_once(env, metadata, f"press_ingest_{SOURCE}", timeout=max(600, pages))


def profile_stages(dsn: str, urls: list[str]) -> str:
    """cProfile of fetch → extract → normalise → load (the task bodies) on `urls`; top functions."""
    from pressroom import pipeline

    profiler = cProfile.Profile()
    profiler.enable()
    items = pipeline.fetch_urls(dsn, SOURCE, urls, run_id="bench-profile")
    ids = pipeline.extract_snapshots(dsn, items)
    pipeline.normalise_documents(dsn, ids)
    pipeline.load_documents(dsn, ids)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(15)
    return "\n".join(line for line in out.getvalue().splitlines()
                     if line.strip() and not line.startswith(("Ordered by", "   List reduced")))


def row_counts(dsn: str) -> dict[str, int]:
    with closing(db.connect(dsn)) as conn, conn.cursor() as cur:
        counts = {}
        for name in ("raw.snapshots", "core.documents", "core.extraction_failures", "core.strike_reports"):
            cur.execute(f"select count(*) from {name}")
            counts[name] = cur.fetchone()[0]
        return counts


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=5000)
    parser.add_argument("--profile-pages", type=int, default=200)
    parser.add_argument("--workers", type=int, default=2, help="LocalExecutor worker processes")
    args = parser.parse_args(argv)
    workdir = Path(tempfile.mkdtemp(prefix="pressroom-bench-e2e-"))
    pages = varied_pages(args.pages)
    try:
        configure_airflow(workdir / "airflow")
        with serve(pages) as base_url, throwaway_warehouse() as dsn:
            urls = configure_source(workdir, base_url, sorted(pages), dsn)
            wall, tasks, state = run_dag()
            counts = row_counts(dsn)
            local_wall, local_tasks, local_state = run_local_executor(dsn, workdir, args.workers, args.pages)
            profile = profile_stages(migrated_database(dsn, "bench_profile"), urls[:args.profile_pages])
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    header = ["stage", "task instances", "busy seconds", "span seconds", "span share of wall", "pages/s (span)"]
    extraction_rate = args.pages / busy_seconds(tasks, "extract")
    body = f"""{args.pages:,} distinct pages (the corpus pages under distinct URLs, each with a marker comment) served
by a local HTTP server into an embedded Postgres (fsync on); PRESSROOM_BATCH_SIZE
{os.environ.get("PRESSROOM_BATCH_SIZE", "100")} documents per mapped extract/normalise task. Busy seconds add up
the stage's task instances; span runs from its first start to its last end.

**`dag.test()`** (tasks one after another in one process, SQLite metadata): DagRun **{state}**, wall time
**{wall:.0f} s** ({args.pages / wall:.1f} pages/s end to end).

{table(header, stage_rows(tasks, wall, args.pages))}

**LocalExecutor, {args.workers} worker processes** (api-server, scheduler, dag-processor; Postgres metadata):
DagRun **{local_state}**, wall time **{local_wall:.0f} s** ({args.pages / local_wall:.1f} pages/s end to end).

{table(header, stage_rows(local_tasks, local_wall, args.pages))}

Extraction alone (the extract tasks' busy time in the `dag.test()` run, one process): {extraction_rate:.1f}
pages/s. End to end against it (goal >= 0.5): `dag.test()` **{args.pages / wall / extraction_rate:.2f}**,
LocalExecutor **{args.pages / local_wall / extraction_rate:.2f}**.

Rows (`dag.test()` run): {", ".join(f"{k} {v:,}" for k, v in counts.items())}.

cProfile of the task bodies (fetch → extract → normalise → load) on the first {args.profile_pages} pages,
top functions by own time:

```
{profile}
```"""
    publish("dag-e2e", "End-to-end DAG run", f"python -m bench.dag_e2e --pages {args.pages}", body)


if __name__ == "__main__":
    main()

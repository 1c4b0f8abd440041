"""End-to-end ingest DAG on N distinct real pages (default 5 000) served by a local HTTP server:
wall time of one `dag.test()` run and the per-task breakdown, then a cProfile of the same stages on a
sample of pages to show where the time goes.

Airflow runs with a throwaway AIRFLOW_HOME (SQLite metadata); the warehouse is a throwaway embedded
Postgres with fsync on. Usage: python -m bench.dag_e2e [--pages 5000] [--profile-pages 200]
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


def run_dag() -> tuple[float, list[tuple[str, float]], str]:
    """(wall seconds, [(task, seconds)], final state) of one dag.test() run."""
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
        tasks = sorted(((ti.task_id, ti.duration or 0.0) for ti in tis), key=lambda t: dag.task_ids.index(t[0]))
    return wall, tasks, str(run.state)


def profile_stages(dsn: str, urls: list[str]) -> str:
    """cProfile of fetch → extract → normalise → load (the task bodies) on `urls`; top functions."""
    from pressroom import pipeline

    profiler = cProfile.Profile()
    profiler.enable()
    versions = pipeline.fetch_urls(dsn, SOURCE, urls, run_id="bench-profile")
    ids = pipeline.extract_snapshots(dsn, versions)
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
    args = parser.parse_args(argv)
    workdir = Path(tempfile.mkdtemp(prefix="pressroom-bench-e2e-"))
    pages = varied_pages(args.pages)
    try:
        configure_airflow(workdir / "airflow")
        with serve(pages) as base_url, throwaway_warehouse() as dsn:
            urls = configure_source(workdir, base_url, sorted(pages), dsn)
            wall, tasks, state = run_dag()
            counts = row_counts(dsn)
            profile = profile_stages(migrated_database(dsn, "bench_profile"), urls[:args.profile_pages])
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    task_rows = [[task, f"{seconds:.1f}", f"{seconds / wall:.0%}", f"{args.pages / seconds:.1f}" if seconds else "-"]
                 for task, seconds in tasks]
    body = f"""{args.pages:,} distinct pages (the corpus pages under distinct URLs, each with a marker comment) served
by a local HTTP server; one `dag.test()` run (tasks in sequence, one process) into an embedded Postgres
(fsync on), Airflow metadata in SQLite. DagRun state: **{state}**; wall time **{wall:.0f} s**
({args.pages / wall:.1f} pages/s end to end).

{table(["task", "seconds", "share of wall", "pages/s"], task_rows)}

Rows: {", ".join(f"{k} {v:,}" for k, v in counts.items())}.

cProfile of the task bodies (fetch → extract → normalise → load) on the first {args.profile_pages} pages,
top functions by own time:

```
{profile}
```"""
    publish("dag-e2e", "End-to-end DAG run", f"python -m bench.dag_e2e --pages {args.pages}", body)


if __name__ == "__main__":
    main()

"""The ingest DAG on a real CeleryExecutor deployment (Redis broker, two Celery workers, api-server,
scheduler, dag-processor) over the local test server: the warehouse rows equal those of a LocalExecutor
`airflow dags test` run of the same source into another fresh database."""

from __future__ import annotations

import shutil
import tempfile
import uuid
from contextlib import closing
from pathlib import Path

import pytest
import yaml
from celery_cluster import REPO, CeleryCluster, airflow_env, require_redis, run_airflow

from pressroom import db
from pressroom.migrate import apply_migrations
from support.pages import release_pages, seed_page
from support.processes import wait_until
from support.warehouse_rows import table_counts

pytestmark = pytest.mark.celery

DAG_ID = "press_ingest_celery_site"
TASKS = 5  # discover, fetch, extract, normalise, load
RUN_TIMEOUT = 150


def write_sources(path: Path, site) -> None:
    """One `urls` source over the test site; a yearly schedule so the scheduler adds no run of its own."""
    urls = [site.url(p) for p in sorted(site.pages)] + [site.url("/missing-404")]
    path.write_text(yaml.safe_dump({"sources": [{
        "name": "celery_site", "kind": "urls", "start_urls": urls, "enabled": True, "allow_private": True,
        "delay": 0, "schedule": "0 0 1 1 *",
    }]}))


def facts(dsn: str) -> list[tuple]:
    """The extracted documents and strike reports by content, not by generated id."""
    with closing(db.connect(dsn)) as conn, conn, conn.cursor() as cur:
        cur.execute("select d.url, d.text_sha256, r.rule, r.scope, r.place, r.strikes_best, r.evidence_start"
                    " from core.documents d left join core.strike_reports r on r.document_id = d.id"
                    " order by 1, 2, 3, 4, 5, 6, 7")
        return cur.fetchall()


def warehouse_connection(dsn: str) -> dict[str, str]:
    """The warehouse as the `pressroom_warehouse` Airflow Connection, as docker-compose sets it. The
    PRESSROOM_DATABASE_URL fallback points nowhere, so the run only succeeds if the tasks read the Connection."""
    return {"AIRFLOW_CONN_PRESSROOM_WAREHOUSE": dsn, "PRESSROOM_DATABASE_URL": "postgresql://nobody@127.0.0.1:9/none"}


def metadata_one(dsn: str, sql: str, *params):
    with closing(db.connect(dsn)) as conn, conn, conn.cursor() as cur:
        cur.execute(sql, params)
        return cur.fetchone()


@pytest.fixture
def databases(pg_server):
    """Fresh databases: Airflow metadata for each deployment, and one migrated warehouse for each run."""
    names = {key: f"celery_{key}_{uuid.uuid4().hex[:8]}" for key in ("meta", "meta_local", "wh", "wh_local")}
    for name in names.values():
        db.ensure_database(pg_server, name)
    dsns = {key: db.with_database(pg_server, name) for key, name in names.items()}
    for key in ("wh", "wh_local"):
        with closing(db.connect(dsns[key])) as conn:
            apply_migrations(conn, REPO / "sql" / "migrations")
    yield dsns
    with closing(db.connect(db.with_database(pg_server, "postgres"))) as conn:
        conn.autocommit = True
        with conn.cursor() as cur:
            for name in names.values():
                cur.execute(f'drop database if exists "{name}" with (force)')


def test_celery_run_matches_local_run(databases, static_site):
    require_redis()
    pages = release_pages()
    pages["/news/seed"] = (200, "text/html; charset=utf-8", seed_page())
    site = static_site(pages)
    workdir = Path(tempfile.mkdtemp(prefix="pressroom-celery-"))
    try:
        write_sources(workdir / "sources.yaml", site)
        pressroom_env = {
            "PRESSROOM_SOURCES_FILE": str(workdir / "sources.yaml"),
            "PRESSROOM_ALLOW_PRIVATE_HOSTS": f"127.0.0.1:{site.server.server_address[1]}",
        }
        with CeleryCluster(workdir / "celery", databases["meta"],
                           {**pressroom_env, **warehouse_connection(databases["wh"])}) as cluster:
            try:
                local_env = airflow_env(workdir / "local", databases["meta_local"], {
                    **pressroom_env, "PRESSROOM_DATABASE_URL": databases["wh_local"],
                    "AIRFLOW__CORE__EXECUTOR": "LocalExecutor"})
                run_airflow(local_env, "db", "migrate")
                run_airflow(local_env, "dags", "test", DAG_ID, "2026-11-01T00:00:00+00:00")

                wait_until(lambda: cluster.check_alive() or metadata_one(
                    databases["meta"], "select 1 from dag where dag_id = %s and not is_paused", DAG_ID),
                    90, f"the dag-processor to register {DAG_ID}")
                # press_marts starts unpaused and would follow the ingest run's Asset event through Celery:
                # pause it so exactly the ingest DAG's tasks are counted.
                wait_until(lambda: cluster.check_alive() or metadata_one(
                    databases["meta"], "select 1 from dag where dag_id = 'press_marts'"),
                    90, "the dag-processor to register press_marts")
                run_airflow(cluster.env, "dags", "pause", "press_marts")
                run_airflow(cluster.env, "dags", "trigger", DAG_ID, "--logical-date", "2026-11-01T00:00:00+00:00")
                state = wait_until(lambda: cluster.check_alive() or _finished(databases["meta"]),
                                   RUN_TIMEOUT, f"the {DAG_ID} run to finish")
                assert state == "success", f"DagRun {state}"
                celery_tasks = metadata_one(databases["meta"], "select count(*) from celery_taskmeta")[0]
            except BaseException:
                print(cluster.logs())
                raise
        assert celery_tasks == TASKS, "every task went through Celery"
        celery_counts, local_counts = table_counts(databases["wh"]), table_counts(databases["wh_local"])
        assert celery_counts["core.documents"] == len(pages)
        assert celery_counts == local_counts, {"celery": celery_counts, "local": local_counts}
        assert facts(databases["wh"]) == facts(databases["wh_local"])
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def _finished(metadata_dsn: str) -> str | None:
    row = metadata_one(metadata_dsn, "select state from dag_run where dag_id = %s and run_type = 'manual'", DAG_ID)
    return row[0] if row and row[0] in ("success", "failed") else None

"""A warehouse loaded with the sample data, built through the real pipeline stages (no Airflow, no network).

Three local bundles: the repository's `samples/oir-releases` (DoD/CENTCOM/CJTF-OIR releases, 2014-2025), a news
source with the Rudaw seed article (Wadi al-Shai strikes of 19 June 2020, Col. Caggins quoted) and a release source that
reports the same strikes with a different count, so the incidents mart has a conflict to find.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import pytest
import yaml

from pressroom import db, pipeline
from pressroom.migrate import apply_migrations
from pressroom.warehouse.marts import refresh_marts
from support.pages import news_page, seed_page

REPO = Path(__file__).resolve().parents[2]
RELEASE_TEXT = """\
BAGHDAD, Iraq - On June 19, Coalition military forces conducted one strike against ISIS targets near \
Wadi al-Shai in Kirkuk province, at the request of the Government of Iraq.
"The Iraqi Security Forces continue to pressure ISIS remnants in difficult terrain," said Coalition \
Spokesperson Col. Myles B. Caggins III.
"""
BUNDLES = {
    "sample_news": ("https://www.rudaw.net/english/middleeast/iraq/200620201", seed_page()),
    "sample_release": (
        "https://www.inherentresolve.mil/Releases/News-Releases/Article/2226262/wadi-al-shai-strike/",
        news_page(RELEASE_TEXT, title="Coalition strike destroys ISIS hideout south of Kirkuk",
                  published="2020-06-20", site="Operation Inherent Resolve").encode(),
    ),
}


def write_sources(root: Path, extra_sources: bool = True) -> Path:
    """A sources.yaml listing the repository's bundle and (with `extra_sources`) bundles for the extra sources."""
    sources = [{"name": "oir_releases_bundle", "kind": "local", "path": str(REPO / "samples" / "oir-releases"),
                "official": True}]
    for name, (url, body) in BUNDLES.items() if extra_sources else ():
        (root / name).mkdir()
        (root / name / "page.html").write_bytes(body)
        (root / name / "manifest.yaml").write_text(yaml.safe_dump([{"url": url, "file": "page.html"}]))
        sources.append({"name": name, "kind": "local", "path": str(root / name)})
    path = root / "sources.yaml"
    path.write_text(yaml.safe_dump({"sources": sources}))
    return path


def load_sample(dsn: str, build_marts: bool = True) -> None:
    """Run discover → fetch → extract → normalise → load for every configured source, then build the marts."""
    from pressroom.sources import load_sources

    for source in load_sources():
        items = pipeline.fetch_urls(dsn, source.name, pipeline.discover_urls(source.name), run_id="sample")
        pipeline.load_documents(dsn, pipeline.normalise_documents(dsn, pipeline.extract_snapshots(dsn, items)))
    if build_marts:
        refresh_marts(dsn)


@contextmanager
def sample_warehouse(server_dsn: str, workdir: Path, extra_sources: bool = True,
                     build_marts: bool = True) -> Iterator[str]:
    """DSN of a new database, migrated and loaded with the sample sources; dropped on exit.

    Without `extra_sources` it holds what `make run` loads: the repository's bundle only.
    Use it in a module-scoped fixture (loading takes a few seconds)."""
    name = f"sample_{uuid.uuid4().hex[:10]}"
    db.ensure_database(server_dsn, name)
    dsn = db.with_database(server_dsn, name)
    try:
        with closing(db.connect(dsn)) as conn:
            apply_migrations(conn, REPO / "sql" / "migrations")
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("PRESSROOM_SOURCES_FILE", str(write_sources(workdir, extra_sources)))
            patch.setenv("PRESSROOM_DATABASE_URL", dsn)
            load_sample(dsn, build_marts)
        yield dsn
    finally:
        with closing(db.connect(db.with_database(server_dsn, "postgres"))) as conn:
            conn.autocommit = True
            with conn.cursor() as cur:
                cur.execute(f'drop database if exists "{name}" with (force)')

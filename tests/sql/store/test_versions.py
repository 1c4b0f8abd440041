"""Versions follow the site: the current document is the body fetched most recently (also when it equals an
older version), and a document's source is the source that fetched it (not whichever stored the bytes first)."""

from contextlib import closing

import pytest
import yaml

from pressroom import db, pipeline


def page(text: str) -> tuple[int, str, bytes]:
    body = f"<html><body><article><p>{text}</p><p>{'Coalition forces continue operations. ' * 8}</p></article>"
    return 200, "text/html", (body + "</body></html>").encode()


@pytest.fixture
def sources(static_site, tmp_path, monkeypatch):
    site = static_site({"/release": page("Version A."), "/copy": page("Version A.")})
    config = [{"name": name, "kind": "urls", "start_urls": [site.url(path)], "delay": 0, "allow_private": True}
              for name, path in (("site_one", "/release"), ("site_two", "/copy"))]
    (tmp_path / "sources.yaml").write_text(yaml.safe_dump({"sources": config}))
    monkeypatch.setenv("PRESSROOM_SOURCES_FILE", str(tmp_path / "sources.yaml"))
    monkeypatch.setenv("PRESSROOM_ALLOW_PRIVATE_HOSTS", site.base_url.removeprefix("http://"))
    return site


def ingest(dsn: str, source: str) -> None:
    items = pipeline.fetch_urls(dsn, source, pipeline.discover_urls(source), run_id=f"run-{source}")
    pipeline.load_documents(dsn, pipeline.normalise_documents(dsn, pipeline.extract_snapshots(dsn, items)))


def query(dsn: str, sql: str, *params) -> list[tuple]:
    with closing(db.connect(dsn)) as conn, conn, conn.cursor() as cur:
        cur.execute(sql, params)
        return cur.fetchall()


def test_a_page_changing_back_makes_its_old_version_current_again(warehouse, sources):
    url = sources.url("/release")
    current = "select version, text like 'Version %%' || %s || '%%' from core.current_documents where url = %s"
    ingest(warehouse, "site_one")
    sources.pages["/release"] = page("Version B.")
    ingest(warehouse, "site_one")
    assert query(warehouse, current, "B", url) == [(2, True)]
    sources.pages["/release"] = page("Version A.")
    ingest(warehouse, "site_one")
    assert query(warehouse, current, "A", url) == [(1, True)]
    assert query(warehouse, "select count(*) from core.documents where url = %s", url) == [(2,)]


def test_identical_bytes_from_two_sources_are_filed_under_each_fetching_source(warehouse, sources):
    ingest(warehouse, "site_one")
    ingest(warehouse, "site_two")
    assert query(warehouse, "select count(*) from raw.snapshots") == [(1,)]
    assert query(warehouse, "select url, source from core.documents order by source") == [
        (sources.url("/release"), "site_one"), (sources.url("/copy"), "site_two")]

"""The fetch stage against a real warehouse: the per-host limiter is chosen by PRESSROOM_HOST_LIMITER."""

from contextlib import closing

import pytest
import yaml

from pressroom import db, pipeline


@pytest.fixture
def site_source(static_site, tmp_path, monkeypatch):
    site = static_site({"/a": (200, "text/html", b"<html><body><p>" + b"Release text. " * 20 + b"</p></body></html>")})
    sources = {"sources": [{"name": "one_page", "kind": "urls", "start_urls": [site.url("/a")], "delay": 0,
                            "allow_private": True}]}
    (tmp_path / "sources.yaml").write_text(yaml.safe_dump(sources))
    monkeypatch.setenv("PRESSROOM_SOURCES_FILE", str(tmp_path / "sources.yaml"))
    monkeypatch.setenv("PRESSROOM_ALLOW_PRIVATE_HOSTS", f"127.0.0.1:{site.server.server_address[1]}")
    return site


@pytest.mark.parametrize("limiter,scheduled_hosts", [("local", 0), ("postgres", 1)])
def test_host_limiter_setting_selects_where_politeness_is_held(warehouse, site_source, monkeypatch, limiter,
                                                               scheduled_hosts):
    monkeypatch.setenv("PRESSROOM_HOST_LIMITER", limiter)
    versions = pipeline.fetch_urls(warehouse, "one_page", [site_source.url("/a")], run_id="t1")
    assert len(versions) == 1
    with closing(db.connect(warehouse)) as conn, conn, conn.cursor() as cur:
        cur.execute("select count(*) from raw.host_schedule")
        assert cur.fetchone()[0] == scheduled_hosts

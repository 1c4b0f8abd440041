"""discover(): feeds, sitemaps (index, gzip), paginated listings, bundles; failures never raise."""

from __future__ import annotations

import gzip
import importlib.util
from datetime import date
from pathlib import Path

import pytest

from pressroom.discover import discover
from pressroom.sources import Source, SourceConfigError

FIXTURES = Path(__file__).parents[1] / "fixtures" / "http"


def _load_local_server():
    """The fetch tests' HTTP server fixtures, loaded by path (tests/ is not a package)."""
    spec = importlib.util.spec_from_file_location(
        "localserver", Path(__file__).parent / "fetch" / "localserver.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_local = _load_local_server()
server, settings, sleeps, fetcher = _local.server, _local.settings, _local.sleeps, _local.fetcher


def fixture(name: str, base: str) -> bytes:
    return (FIXTURES / name).read_text(encoding="utf-8").replace("{base}", base).encode()


def source(kind: str, start_urls: tuple[str, ...] = (), **fields) -> Source:
    return Source(name="test_source", kind=kind, start_urls=start_urls, delay=0, **fields)


def test_rss_feed_with_broken_entries(server, fetcher):
    url = server.page("/feed.rss", fixture("releases_feed.rss", server.base), "application/rss+xml")

    urls = discover(source("rss", (url,), allow=(r"/releases/article/",)), fetcher)

    assert urls == [
        f"{server.base}/releases/article/1001/coalition-strikes/",
        f"{server.base}/releases/article/1002/isis-leader",
        f"{server.base}/releases/article/1003/broken",
    ]


def test_atom_feed(server, fetcher):
    url = server.page("/feed.atom", fixture("news_feed.atom", server.base), "application/atom+xml")

    urls = discover(source("atom", (url,)), fetcher, limit=1)

    assert urls == [f"{server.base}/en/story/2025/06/04/drone-strike"]


def test_sitemap_index_with_gzipped_child_and_a_missing_one(server, fetcher):
    server.page("/sitemap_index.xml", fixture("sitemap_index.xml", server.base), "application/xml")
    server.page(
        "/sitemap-2025-06.xml.gz",
        gzip.compress(fixture("sitemap-2025-06.xml", server.base)),
        "application/x-gzip",
    )
    server.page("/sitemap-2019-03.xml", fixture("sitemap-2019-03.xml", server.base), "text/xml")

    urls = discover(source("sitemap", (server.base + "/sitemap_index.xml",), allow=("/releases/",)), fetcher)

    assert urls == [
        f"{server.base}/releases/article/2001/june-strikes",
        f"{server.base}/releases/article/2002/june-raid",
        f"{server.base}/releases/article/1501/baghuz",
    ]
    assert server.hits("/sitemap_index.xml") == 1  # the self-reference is not re-fetched


def test_sitemap_backfill_until_skips_older_sitemaps_and_urls(server, fetcher):
    server.page("/sitemap_index.xml", fixture("sitemap_index.xml", server.base), "application/xml")
    server.page(
        "/sitemap-2025-06.xml.gz",
        gzip.compress(fixture("sitemap-2025-06.xml", server.base)),
        "application/x-gzip",
    )

    urls = discover(
        source(
            "sitemap",
            (server.base + "/sitemap_index.xml",),
            allow=("/releases/",),
            backfill_until=date(2025, 6, 10),
        ),
        fetcher,
    )

    assert urls == [f"{server.base}/releases/article/2002/june-raid"]
    assert server.hits("/sitemap-2019-03.xml") == 0


def test_listing_pages_follow_rel_next(server, fetcher):
    server.page("/releases/", fixture("listing_page1.html", server.base))
    server.page("/releases/?page=2", fixture("listing_page2.html", server.base))

    urls = discover(
        source("listing", (server.base + "/releases/",), allow=(r"/releases/article/\d+",)), fetcher
    )

    assert urls == [
        f"{server.base}/releases/article/3001/strikes-in-syria/",
        f"{server.base}/releases/article/3002/raid-in-iraq/",
        f"{server.base}/releases/article/1501/baghuz/",
    ]


def test_listing_respects_max_pages(server, fetcher):
    server.page("/releases/", fixture("listing_page1.html", server.base))

    urls = discover(
        source("listing", (server.base + "/releases/",), allow=("/article/",), max_pages=1), fetcher
    )

    assert len(urls) == 2 and server.hits("/releases/?page=2") == 0


def test_archive_walks_numbered_pages_until_an_empty_one(server, fetcher):
    server.page("/archive/1", fixture("listing_page1.html", server.base))
    server.page("/archive/2", fixture("listing_page2.html", server.base))
    server.page("/archive/3", b"<html><body>No more releases.</body></html>")

    urls = discover(
        source("archive", archive_url=server.base + "/archive/{page}", allow=("/article/",)), fetcher
    )

    assert len(urls) == 3 and server.hits("/archive/4") == 0


def test_failing_index_gives_an_empty_list(server, fetcher):
    server.route("/feed.rss", lambda h, n: h.respond(500, b""))

    assert discover(source("rss", (server.base + "/feed.rss",)), fetcher) == []


def test_garbage_feed_gives_an_empty_list(server, fetcher):
    url = server.page("/feed.rss", b"<html><body>not a feed", "application/rss+xml")

    assert discover(source("rss", (url,)), fetcher) == []


def test_urls_kind_returns_its_start_urls_canonical_and_deduplicated(fetcher):
    src = source(
        "urls", ("https://Example.org/a?utm_source=x", "https://example.org/a#frag", "https://example.org/b")
    )

    assert discover(src, fetcher) == ["https://example.org/a", "https://example.org/b"]


def test_local_bundle(tmp_path, fetcher):
    (tmp_path / "a.html").write_bytes(b"<html><body>A</body></html>")
    (tmp_path / "manifest.yaml").write_text(
        "- {url: 'https://www.defense.gov/News/Releases/Release/Article/1/a/', file: a.html,"
        " published: 2017-07-18}\n"
        "- {url: 'https://www.defense.gov/News/Releases/Release/Article/2/b/', file: b.html}\n"
    )
    src = Source(name="bundle", kind="local", path=str(tmp_path))

    urls = discover(src, fetcher)
    results = [fetcher.get(u, source=src) for u in urls]

    assert len(urls) == 2
    assert results[0].ok and results[0].status == 200 and results[0].final_url == urls[0]
    assert results[1].error_class == "file_missing"


@pytest.mark.parametrize("kind", ["local", "warc"])
def test_missing_bundle_is_a_configuration_error(tmp_path, fetcher, kind):
    with pytest.raises(SourceConfigError, match="cannot read"):
        discover(Source(name="bundle", kind=kind, path=str(tmp_path / "nothing")), fetcher)


def test_malformed_manifest_is_a_configuration_error(tmp_path, fetcher):
    (tmp_path / "manifest.yaml").write_text("- {url: 'https://a.example/x', file: ../../etc/passwd}\n")

    with pytest.raises(SourceConfigError, match="outside the bundle"):
        discover(Source(name="bundle", kind="local", path=str(tmp_path)), fetcher)


def test_shipped_bundle_source(fetcher):
    from pressroom.sources import load_sources

    bundle = next(s for s in load_sources() if s.name == "oir_releases_bundle")
    urls = discover(bundle, fetcher)

    assert urls and all(fetcher.get(u, source=bundle).ok for u in urls)

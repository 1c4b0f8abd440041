from datetime import UTC, datetime

from pressroom.discover import discover
from pressroom.fetch.warc import write_warc
from pressroom.models import FetchResult
from pressroom.sources import Source

ARABIC = "<html><body><p>التحالف الدولي</p></body></html>".encode()


def result(url: str, body: bytes | None, status: int = 200, error_class: str | None = None) -> FetchResult:
    return FetchResult(
        url=url,
        final_url=url,
        status=status,
        fetched_at=datetime(2025, 6, 3, 10, tzinfo=UTC),
        body=body,
        headers={"Content-Type": "text/html; charset=utf-8", "Content-Length": "9", "ETag": '"v1"'},
        error_class=error_class,
    )


def test_export_then_replay_as_a_source(tmp_path, fetcher):
    path = tmp_path / "run.warc.gz"
    results = [
        result("https://www.rudaw.net/english/middleeast/03062025", ARABIC),
        result("https://www.kurdistan24.net/en/story/1/x", None, 404, "http_404"),
        result("https://www.centcom.mil/MEDIA/PRESS-RELEASES/Press-Release-View/Article/1/x/", b"<p>x</p>"),
    ]
    with path.open("wb") as out:
        assert write_warc(results, out) == 2

    source = Source(name="replay", kind="warc", path=str(path))
    urls = discover(source, fetcher)
    replayed = fetcher.get(urls[0], source=source)

    assert urls == [results[0].url, results[2].url]
    assert replayed.ok and replayed.body == ARABIC and replayed.encoding == "utf-8"
    assert replayed.fetched_at == results[0].fetched_at and replayed.headers["ETag"] == '"v1"'
    assert replayed.content_type == "text/html"
    assert fetcher.get("https://example.org/other", source=source).error_class == "not_in_bundle"


def test_real_world_warc_with_gzip_content_encoding(tmp_path, fetcher):
    """Records captured by other crawlers keep the transfer encoding; the replayed body is decoded."""
    import gzip
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    payload = gzip.compress(b"<html><body>compressed</body></html>")
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        headers = StatusAndHeaders(
            "200 OK",
            [
                ("Content-Type", "text/html"),
                ("Content-Encoding", "gzip"),
                ("Content-Length", str(len(payload))),
            ],
            protocol="HTTP/1.1",
        )
        writer.write_record(
            writer.create_warc_record(
                "https://example.org/a", "response", payload=BytesIO(payload), http_headers=headers
            )
        )

    source = Source(name="crawl", kind="warc", path=str(path))

    assert fetcher.get("https://example.org/a", source=source).body == b"<html><body>compressed</body></html>"

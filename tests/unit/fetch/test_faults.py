"""The fault suite: each broken answer is recorded with a stable code, never raised, and retried only
when a retry can help."""

from __future__ import annotations

import gzip
import time

import pytest

from pressroom.fetch import Fetcher
from pressroom.sources import Source

HTML = b"<html><body><p>Coalition strikes near Raqqa.</p></body></html>"


def test_404_is_recorded_without_retry(server, fetcher):
    result = fetcher.get(server.base + "/missing")

    assert (result.status, result.error_class, result.body) == (404, "http_404", None)
    assert len(result.attempts) == 1 and not result.ok


def test_410_is_recorded_without_retry(server, fetcher):
    url = server.route("/gone", lambda h, n: h.respond(410, b"gone"))

    result = fetcher.get(url)

    assert (result.status, result.error_class) == (410, "http_410")
    assert server.hits("/gone") == 1


def test_429_retry_after_is_honoured(server, fetcher, sleeps):
    def limited(h, n):
        if n == 1:
            h.respond(429, b"slow down", headers={"Retry-After": "2"})
        else:
            h.respond(200, HTML)

    result = fetcher.get(server.route("/busy", limited))

    assert result.ok and result.body == HTML
    assert [a.error_class for a in result.attempts] == ["http_429", None]
    assert 2.0 in sleeps


def test_429_with_excessive_retry_after_gives_up(server, fetcher, sleeps):
    url = server.route("/busy", lambda h, n: h.respond(429, b"", headers={"Retry-After": "86400"}))

    result = fetcher.get(url)

    assert result.error_class == "http_429" and len(result.attempts) == 1 and not sleeps


def test_500_then_success(server, fetcher, sleeps):
    url = server.route("/flaky", lambda h, n: h.respond(500, b"oops") if n == 1 else h.respond(200, HTML))

    result = fetcher.get(url)

    assert result.ok and [a.status for a in result.attempts] == [500, 200]
    assert result.attempts[0].error_class == "http_5xx"
    assert len(sleeps) == 1 and 0 < sleeps[0] <= 0.05


def test_persistent_5xx_stops_after_max_retries(server, fetcher, settings):
    url = server.route("/down", lambda h, n: h.respond(503, b"down"))

    result = fetcher.get(url)

    assert result.error_class == "http_5xx" and len(result.attempts) == settings.max_retries + 1


def test_timeout(server, fetcher):
    def slow(h, n):
        time.sleep(1.0)
        h.respond(200, HTML)

    started = time.monotonic()
    result = fetcher.get(server.route("/slow", slow))

    assert result.error_class == "timeout" and result.body is None
    assert [a.error_class for a in result.attempts] == ["timeout"] * 3
    assert time.monotonic() - started < 5


def test_slow_drip_body_hits_the_total_deadline(server, settings, sleeps):
    def drip(h, n):
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.send_header("Content-Length", "100000")
        h.end_headers()
        for _ in range(100):
            h.wfile.write(b"<p>" + b"x" * 1000)
            h.wfile.flush()
            time.sleep(0.1)

    fetcher = Fetcher(
        settings.__class__(**{**settings.__dict__, "total_timeout": 0.5, "max_retries": 0}),
        sleep=sleeps.append,
    )
    result = fetcher.get(server.route("/drip", drip))

    assert result.error_class == "timeout"


def test_connection_reset(server, fetcher):
    result = fetcher.get(server.route("/reset", lambda h, n: h.reset()))

    assert result.error_class == "connection_error"
    assert len(result.attempts) == 3


def test_truncated_body(server, fetcher):
    def truncated(h, n):
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.send_header("Content-Length", "5000")
        h.end_headers()
        h.wfile.write(HTML)
        h.close_connection = True

    result = fetcher.get(server.route("/cut", truncated))

    assert result.error_class == "truncated" and result.body is None


def test_body_over_the_size_cap_by_content_length(server, fetcher):
    result = fetcher.get(server.page("/big", b"<p>" + b"x" * 300_000))

    assert result.error_class == "too_large"


def test_body_over_the_size_cap_while_streaming(server, fetcher):
    def unbounded(h, n):
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.send_header("Connection", "close")
        h.end_headers()
        for _ in range(50):
            h.wfile.write(b"<p>" + b"x" * 10_000)
        h.close_connection = True

    result = fetcher.get(server.route("/stream", unbounded))

    assert result.error_class == "too_large"


def test_gzip_bomb(server, fetcher):
    bomb = gzip.compress(b"\0" * 20_000_000, 9)
    assert len(bomb) < 100_000
    url = server.page("/bomb", bomb, **{"Content-Encoding": "gzip"})

    result = fetcher.get(url)

    assert result.error_class == "decompression_bomb" and len(result.attempts) == 1


def test_gzip_transfer_encoding_is_decoded(server, fetcher):
    url = server.page("/gz", gzip.compress(HTML), **{"Content-Encoding": "gzip"})

    result = fetcher.get(url)

    assert result.ok and result.body == HTML


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "application/pdf"),
        (b"%PDF-1.7\n\x00\x01binary", "text/html"),
    ],
)
def test_binary_body_is_refused(server, fetcher, body, content_type):
    result = fetcher.get(server.page("/file", body, content_type))

    assert result.error_class == "not_html" and result.body is None and len(result.attempts) == 1


def test_wrong_charset_header(server, fetcher):
    arabic = "<html><body><p>التحالف الدولي ينفذ ضربات جوية في سوريا</p></body></html>".encode()
    url = server.page("/ar", arabic, "text/html; charset=iso-8859-1")

    result = fetcher.get(url)

    assert result.encoding == "utf-8" and "التحالف" in result.body.decode(result.encoding)


def test_redirect_is_followed_and_recorded(server, fetcher):
    server.page("/final", HTML)
    server.route("/moved", lambda h, n: h.respond(301, b"", headers={"Location": "/final"}))

    result = fetcher.get(server.base + "/moved")

    assert result.ok and result.final_url == server.base + "/final"
    assert result.redirects == [server.base + "/final"]
    assert result.attempts[0].final_url == server.base + "/final"


def test_redirect_loop(server, fetcher):
    server.route("/a", lambda h, n: h.respond(302, b"", headers={"Location": "/b"}))
    server.route("/b", lambda h, n: h.respond(302, b"", headers={"Location": "/a"}))

    result = fetcher.get(server.base + "/a")

    assert result.error_class == "redirect_loop" and len(result.attempts) == 1


def test_too_many_redirects(server, fetcher, settings):
    for i in range(10):
        server.route(f"/r{i}", lambda h, n, i=i: h.respond(302, b"", headers={"Location": f"/r{i + 1}"}))

    result = fetcher.get(server.base + "/r0")

    assert result.error_class == "too_many_redirects"
    assert len(result.redirects) == settings.max_redirects


def test_redirect_to_a_private_address_is_refused(server, fetcher):
    port = server.base.rsplit(":", 1)[1]
    server.page("/secret", HTML)
    url = server.route(
        "/jump", lambda h, n: h.respond(302, b"", headers={"Location": f"http://localhost:{port}/secret"})
    )

    result = fetcher.get(url)

    assert result.error_class == "private_address" and server.hits("/secret") == 0


def test_private_target_needs_explicit_permission(server, settings, sleeps):
    url = server.page("/doc", HTML)
    strict = Fetcher(
        settings.__class__(**{**settings.__dict__, "allow_private_hosts": ()}), sleep=sleeps.append
    )

    refused = strict.get(url)
    allowed = strict.get(
        url, source=Source(name="intranet", kind="urls", start_urls=(url,), allow_private=True, delay=0)
    )

    assert refused.error_class == "private_address" and server.hits("/doc") == 1
    assert allowed.ok


def test_robots_disallow(server, fetcher):
    server.page("/robots.txt", b"User-agent: *\nDisallow: /private/\n", "text/plain")
    server.page("/private/doc", HTML)
    server.page("/public/doc", HTML)

    refused = fetcher.get(server.base + "/private/doc")
    allowed = fetcher.get(server.base + "/public/doc")

    assert refused.error_class == "robots_disallowed" and server.hits("/private/doc") == 0
    assert allowed.ok and server.hits("/robots.txt") == 1


def test_robots_5xx_means_disallow(server, fetcher):
    server.route("/robots.txt", lambda h, n: h.respond(500, b""))
    server.page("/doc", HTML)

    assert fetcher.get(server.base + "/doc").error_class == "robots_disallowed"


def test_etag_304_round_trip(server, fetcher):
    def conditional(h, n):
        if h.headers.get("If-None-Match") == '"v1"':
            h.respond(304, b"", headers={"ETag": '"v1"'})
        else:
            h.respond(200, HTML, headers={"ETag": '"v1"', "Last-Modified": "Tue, 03 Jun 2025 10:00:00 GMT"})

    url = server.route("/cond", conditional)
    first = fetcher.get(url)
    second = fetcher.get(url, etag=first.headers["ETag"], last_modified=first.headers["Last-Modified"])

    assert first.ok and first.body == HTML
    assert second.not_modified and second.status == 304 and second.body is None and second.error_class is None
    assert second.attempts[0].etag == '"v1"'
    sent = dict(server.state.request_headers[-1:])["/cond"]
    assert sent["If-Modified-Since"] == "Tue, 03 Jun 2025 10:00:00 GMT"


def test_unreachable_host(fetcher):
    with_closed_port = "http://127.0.0.1:9/nothing"

    result = fetcher.get(with_closed_port)

    assert result.error_class == "connection_error" and len(result.attempts) == 3


def test_mixed_batch_loses_nothing_and_rerun_is_stable(server, fetcher):
    good = [server.page(f"/ok/{i}", HTML + str(i).encode()) for i in range(3)]
    bad = [
        server.base + "/missing",
        server.route("/reset", lambda h, n: h.reset()),
        server.page("/pdf", b"%PDF-1.4", "application/pdf"),
    ]
    urls = [good[0], bad[0], good[1], bad[1], bad[2], good[2]]

    first = [fetcher.get(u) for u in urls]
    second = [fetcher.get(u) for u in urls]

    assert [r.url for r in first] == urls
    assert [r.ok for r in first] == [True, False, True, False, False, True]
    assert [(r.error_class, r.sha256) for r in first] == [(r.error_class, r.sha256) for r in second]


def test_truncated_chunked_body(server, fetcher):
    def cut_chunks(h, n):
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.send_header("Transfer-Encoding", "chunked")
        h.end_headers()
        h.wfile.write(b"%x\r\n%s\r\n" % (len(HTML), HTML))
        h.wfile.write(b"400\r\npartial")
        h.close_connection = True

    assert fetcher.get(server.route("/chunks", cut_chunks)).error_class == "truncated"


def test_corrupt_gzip_is_recorded(server, fetcher):
    url = server.page("/badgz", b"\x1f\x8b\x08\x00garbage-garbage", **{"Content-Encoding": "gzip"})

    assert fetcher.get(url).error_class == "bad_encoding"


def test_unrequested_content_encoding_is_refused(server, fetcher):
    url = server.page("/br", b"\x0b\x02\x80hello\x03", **{"Content-Encoding": "br"})

    assert fetcher.get(url).error_class == "bad_encoding"


def test_missing_content_type_is_sniffed(server, fetcher):
    html = server.page("/untyped", HTML, content_type="")
    binary = server.page("/blob", b"\x89PNG\r\n\x1a\n\x00\x00", content_type="application/octet-stream")

    assert fetcher.get(html).ok
    assert fetcher.get(binary).error_class == "not_html"


def test_retry_after_as_http_date(server, fetcher, sleeps):
    from datetime import UTC, datetime, timedelta
    from email.utils import format_datetime

    when = format_datetime(datetime.now(UTC) + timedelta(seconds=5), usegmt=True)
    url = server.route(
        "/dated",
        lambda h, n: h.respond(503, b"", headers={"Retry-After": when}) if n == 1 else h.respond(200, HTML),
    )

    result = fetcher.get(url)

    assert result.ok and 3 < sleeps[0] <= 5


def test_robots_crawl_delay_slows_the_host(server, fetcher, sleeps):
    server.page("/robots.txt", b"User-agent: pressroom\nCrawl-delay: 7\nAllow: /\n", "text/plain")
    for i in range(2):
        server.page(f"/doc/{i}", HTML)

    fetcher.get(server.base + "/doc/0")
    fetcher.get(server.base + "/doc/1")

    assert sleeps and 6 < max(sleeps) <= 7


def test_empty_body(server, fetcher):
    assert fetcher.get(server.page("/empty", b" \n")).error_class == "empty_body"


def test_dns_rebinding_is_caught_at_connect_time(server, settings, sleeps, monkeypatch):
    """The name looked public when checked, but the connection landed on a private address."""
    import pressroom.fetch.fetcher as fetcher_module

    monkeypatch.setattr(fetcher_module, "check_target", lambda url, hosts, allow_private: None)
    strict = Fetcher(
        settings.__class__(**{**settings.__dict__, "allow_private_hosts": ()}), sleep=sleeps.append
    )

    result = strict.get(server.page("/doc", HTML))

    assert result.error_class == "private_address" and result.body is None

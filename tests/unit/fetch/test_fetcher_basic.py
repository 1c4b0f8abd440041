from pressroom.sources import Source

HTML = b"<html><head><title>t</title></head><body><p>Coalition forces conducted strikes.</p></body></html>"


def test_get_returns_body_and_metadata(server, fetcher):
    url = server.page("/release/1", HTML, ETag='"v1"', **{"Last-Modified": "Tue, 03 Jun 2025 10:00:00 GMT"})

    result = fetcher.get(url)

    assert result.ok and result.status == 200 and result.body == HTML
    assert result.final_url == url and result.content_type == "text/html" and result.encoding == "utf-8"
    assert result.headers["ETag"] == '"v1"'
    assert [(a.attempt, a.status, a.etag) for a in result.attempts] == [(1, 200, '"v1"')]
    assert result.attempts[0].bytes == len(HTML)


def test_user_agent_names_the_contact(server, fetcher, settings):
    fetcher.get(server.page("/ua", HTML))

    headers = dict(server.state.request_headers)["/ua"]
    assert headers["User-Agent"] == settings.resolved_user_agent
    assert settings.contact in headers["User-Agent"]


def test_urls_source_is_fetched_over_http(server, fetcher):
    url = server.page("/doc", HTML)
    source = Source(name="t", kind="urls", start_urls=(url,), delay=0)

    assert fetcher.get(url, source=source).ok

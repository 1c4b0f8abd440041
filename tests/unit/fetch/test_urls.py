import pytest

from pressroom.fetch.urls import canonicalise, check_target, dedupe, is_public_address


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        (
            "HTTPS://WWW.Centcom.MIL:443/MEDIA/PRESS-RELEASES/?utm_source=x#top",
            "https://www.centcom.mil/MEDIA/PRESS-RELEASES/",
        ),
        (
            "https://www.rudaw.net/english/kurdistan/04062025?fbclid=abc&gclid=1",
            "https://www.rudaw.net/english/kurdistan/04062025",
        ),
        ("https://example.org/a/b/../c/./d?b=2&a=1", "https://example.org/a/c/d?a=1&b=2"),
        ("https://example.org", "https://example.org/"),
        ("http://127.0.0.1:8000/doc?id=3&utm_medium=email", "http://127.0.0.1:8000/doc?id=3"),
    ],
)
def test_canonicalise(url, canonical):
    assert canonicalise(url) == canonical


def test_dedupe_keeps_first_seen_order():
    urls = ["https://a.example/x?utm_campaign=1", "https://a.example/y", "https://A.example/x#frag"]

    assert dedupe(urls) == ["https://a.example/x", "https://a.example/y"]


@pytest.mark.parametrize(
    ("ip", "public"),
    [
        ("127.0.0.1", False),
        ("10.1.2.3", False),
        ("192.168.0.1", False),
        ("172.16.5.4", False),
        ("169.254.169.254", False),
        ("100.64.0.1", False),
        ("0.0.0.0", False),
        ("::1", False),
        ("fe80::1", False),
        ("fc00::1", False),
        ("::ffff:127.0.0.1", False),
        ("224.0.0.1", False),
        ("8.8.8.8", True),
        ("2606:4700::1111", True),
    ],
)
def test_is_public_address(ip, public):
    assert is_public_address(ip) is public


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://localhost:8080/x",
        "http://[::1]/",
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.1/",
        "http://0x7f000001/",
    ],
)
def test_private_targets_are_refused(url):
    assert check_target(url)[0] == "private_address"


def test_allow_lists_lift_the_refusal():
    assert check_target("http://127.0.0.1:8000/", allowed_hosts=("127.0.0.1:8000",)) is None
    assert check_target("http://127.0.0.1:8000/", allowed_hosts=("127.0.0.1",)) is None
    assert check_target("http://127.0.0.1:9000/", allowed_hosts=("127.0.0.1:8000",))[0] == "private_address"
    assert check_target("http://10.0.0.1/", allow_private=True) is None


@pytest.mark.parametrize(
    "url", ["ftp://example.org/file", "file:///etc/passwd", "javascript:alert(1)", "http:///x"]
)
def test_non_http_urls_are_refused(url):
    assert check_target(url)[0] == "bad_url"


def test_unresolvable_host_is_a_connection_error():
    assert check_target("http://no-such-host.invalid/")[0] == "connection_error"

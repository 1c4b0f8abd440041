"""`Fetcher.get`: one URL in, one `FetchResult` out, every try recorded, no exception for data outcomes."""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urljoin

import requests

from pressroom.fetch import charset
from pressroom.fetch.local import LocalBundle
from pressroom.fetch.politeness import HostLimiter, LocalHostLimiter
from pressroom.fetch.robots import RobotsCache
from pressroom.fetch.session import GZIP_MAGIC, BodyError, build_session, gunzip, read_body
from pressroom.fetch.urls import check_target, host_key, is_public_address, private_allowed
from pressroom.fetch.warc import WarcArchive
from pressroom.models import Attempt, FetchResult, Request
from pressroom.settings import Settings
from pressroom.sources import Source

log = logging.getLogger(__name__)

MARKUP_TYPES = frozenset(
    {
        "text/html",
        "application/xhtml+xml",
        "application/xml",
        "text/xml",
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/x-rss+xml",
    }
)
# Often mislabelled: read the body and sniff it.
SNIFF_TYPES = frozenset(
    {
        "",
        "text/plain",
        "application/octet-stream",
        "binary/octet-stream",
        "application/gzip",
        "application/x-gzip",
    }
)
RETRYABLE = frozenset({"http_429", "http_5xx", "timeout", "connection_error", "truncated"})
KEPT_HEADERS = (
    "Content-Type",
    "Content-Language",
    "ETag",
    "Last-Modified",
    "Date",
    "Cache-Control",
    "Expires",
    "Retry-After",
    "Content-Length",
)
ROBOTS_MAX_BYTES = 512 * 1024
CRAWL_DELAY_CAP = 60.0


@dataclass
class _Try:
    """What one try (including its redirect hops) produced."""

    status: int | None = None
    final_url: str | None = None
    body: bytes | None = None
    headers: dict[str, str] = field(default_factory=dict)
    error_class: str | None = None
    error: str | None = None
    wire_bytes: int = 0
    redirects: list[str] = field(default_factory=list)
    retry_after: float | None = None


class Fetcher:
    """Polite HTTP(S) fetcher (robots, per-host limits, SSRF guard, retries) that also serves local
    bundles and WARC sources. One instance may be shared by threads.

    `requests` journals every request that is not a document fetch (index pages: `get(purpose=...)`, and
    robots.txt) with its outcome; the caller records and clears it (`take_requests`)."""

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        sleep: Callable[[float], None] = time.sleep,
        limiter: HostLimiter | None = None,
        session: requests.Session | None = None,
    ):
        self.settings = settings or Settings()
        self._sleep = sleep
        self._limiter = limiter or LocalHostLimiter(sleep=sleep)
        self._session = session or build_session(self.settings)
        agent = self.settings.resolved_user_agent.split("/")[0].split()[0]  # product token, e.g. "pressroom"
        self._robots = RobotsCache(self._fetch_robots, agent=agent, ttl=self.settings.robots_ttl)
        self._bundles: dict[Path, LocalBundle | WarcArchive] = {}
        self.requests: list[Request] = []

    def take_requests(self) -> list[Request]:
        """The journalled non-document requests since the last call."""
        taken, self.requests = self.requests, []
        return taken

    def get(
        self,
        url: str,
        *,
        source: Source | None = None,
        etag: str | None = None,
        last_modified: str | None = None,
        purpose: str = "document",
    ) -> FetchResult:
        """Fetch `url`; errors are returned as `error_class`, never raised (see models.FetchResult).

        Any `purpose` other than "document" (feed, sitemap, listing, archive) is journalled in `requests`."""
        if source is not None and source.kind in ("local", "warc"):
            return self.file_source(source).get(url)
        result = self._get(url, source, etag, last_modified)
        if purpose != "document":
            self.requests.append(Request(
                purpose, url, result.fetched_at, result.status, result.error_class, result.error,
                len(result.attempts), sum(a.elapsed_ms for a in result.attempts)))
        return result

    def _get(self, url: str, source: Source | None, etag: str | None, last_modified: str | None) -> FetchResult:
        fetched_at = datetime.now(UTC)
        conditional = {k: v for k, v in (("If-None-Match", etag), ("If-Modified-Since", last_modified)) if v}
        attempts: list[Attempt] = []
        waited = 0.0
        for number in range(1, self.settings.max_retries + 2):
            started = time.monotonic()
            outcome = self._try(url, source, conditional)
            attempts.append(
                Attempt(
                    attempt=number,
                    status=outcome.status,
                    error_class=outcome.error_class,
                    error=outcome.error,
                    bytes=outcome.wire_bytes,
                    elapsed_ms=int((time.monotonic() - started) * 1000),
                    final_url=outcome.final_url,
                    etag=outcome.headers.get("ETag"),
                )
            )
            if outcome.error_class not in RETRYABLE or number > self.settings.max_retries:
                break
            wait = self._wait_before_retry(number, outcome.retry_after)
            if wait is None or waited + wait > self.settings.max_retry_wait:
                log.info(
                    "giving up %s after try %d: %s (retry wait %s too long)",
                    url,
                    number,
                    outcome.error_class,
                    wait,
                )
                break
            log.info("retrying %s in %.2fs after %s", url, wait, outcome.error_class)
            self._sleep(wait)
            waited += wait
        return self._result(url, fetched_at, outcome, attempts)

    def file_source(self, source: Source) -> LocalBundle | WarcArchive:
        """The (cached) bundle or WARC archive behind a local/warc source."""
        path = source.resolve_path(self.settings.project_root)
        if path not in self._bundles:
            if source.kind == "local":
                self._bundles[path] = LocalBundle(path)
            else:
                self._bundles[path] = WarcArchive(path)
        return self._bundles[path]

    def _result(self, url: str, fetched_at: datetime, outcome: _Try, attempts: list[Attempt]) -> FetchResult:
        content_type = outcome.headers.get("Content-Type")
        result = FetchResult(
            url=url,
            final_url=outcome.final_url,
            status=outcome.status,
            fetched_at=fetched_at,
            body=outcome.body if outcome.error_class is None else None,
            headers=outcome.headers,
            content_type=content_type.split(";")[0].strip().lower() if content_type else None,
            error_class=outcome.error_class,
            error=outcome.error,
            attempts=attempts,
            redirects=outcome.redirects,
            not_modified=outcome.status == 304,
        )
        if result.body is not None:
            result.encoding = charset.detect(result.body, content_type)
        log.info(
            "fetched %s: status=%s error=%s bytes=%s tries=%d",
            url,
            result.status,
            result.error_class,
            len(result.body) if result.body is not None else 0,
            len(attempts),
        )
        return result

    def _wait_before_retry(self, number: int, retry_after: float | None) -> float | None:
        """Seconds to wait before try `number + 1`; None when the server asks for longer than we accept."""
        if retry_after is not None:
            return retry_after if retry_after <= self.settings.retry_after_max else None
        ceiling = min(self.settings.backoff_max, self.settings.backoff_base * 2 ** (number - 1))
        return ceiling / 2 + random.uniform(0, ceiling / 2)

    def _try(
        self,
        url: str,
        source: Source | None,
        headers: dict[str, str],
        document: bool = True,
        max_bytes: int | None = None,
    ) -> _Try:
        """One try: follow redirects hop by hop (each hop SSRF-checked, and robots-checked for a
        `document`; robots.txt itself is fetched with document=False), read the body."""
        deadline = time.monotonic() + self.settings.total_timeout
        allow_private = bool(source and source.allow_private)
        outcome = _Try()
        current = url
        while True:
            outcome.final_url = current
            refusal = check_target(current, self.settings.allow_private_hosts, allow_private)
            if refusal:
                outcome.error_class, outcome.error = refusal
                log.warning("refused %s: %s", current, outcome.error)
                return outcome
            if document and not self._robots.allowed(current, allow_private):
                outcome.error_class, outcome.error = "robots_disallowed", f"robots.txt disallows {current}"
                log.info("skipped %s: robots.txt disallows", current)
                return outcome
            delay = self._delay(current, source, document, allow_private)
            concurrency = source.concurrency if source else 1
            with self._limiter.slot(host_key(current), delay, concurrency):
                location = self._hop(
                    current,
                    headers,
                    outcome,
                    deadline,
                    document=document,
                    max_bytes=max_bytes or self.settings.max_body_bytes,
                    allow_private=allow_private,
                )
            if location is None:
                return outcome
            target = urljoin(current, location)
            if target == url or target in outcome.redirects:
                outcome.error_class, outcome.error = "redirect_loop", f"{current} redirects back to {target}"
            elif len(outcome.redirects) >= self.settings.max_redirects:
                outcome.error_class = "too_many_redirects"
                outcome.error = f"more than {self.settings.max_redirects} redirects"
            if outcome.error_class:
                log.warning("stopped %s: %s", url, outcome.error)
                return outcome
            outcome.redirects.append(target)
            current = target

    def _delay(self, url: str, source: Source | None, document: bool, allow_private: bool) -> float:
        delay = source.delay if source else self.settings.default_delay
        crawl_delay = self._robots.crawl_delay(url, allow_private) if document else None
        return max(delay, min(crawl_delay or 0.0, CRAWL_DELAY_CAP))

    def _hop(
        self,
        url: str,
        headers: dict[str, str],
        outcome: _Try,
        deadline: float,
        *,
        document: bool,
        max_bytes: int,
        allow_private: bool,
    ) -> str | None:
        """Send one request; fill `outcome`; return the redirect target if the answer is a redirect.

        `document` False (robots.txt) skips the content-type checks."""
        timeout = (
            self.settings.connect_timeout,
            max(0.1, min(self.settings.read_timeout, deadline - time.monotonic())),
        )
        try:
            response = self._session.get(
                url, headers=headers, stream=True, allow_redirects=False, timeout=timeout
            )
        except requests.Timeout as exc:
            outcome.error_class, outcome.error = "timeout", str(exc)
            return None
        except requests.ConnectionError as exc:
            outcome.error_class, outcome.error = "connection_error", str(exc)
            return None
        except requests.RequestException as exc:
            outcome.error_class, outcome.error = "bad_url", str(exc)
            return None
        with response:
            peer = _peer_address(response)
            if (
                peer
                and not is_public_address(peer)
                and not private_allowed(url, self.settings.allow_private_hosts, allow_private)
            ):
                # DNS answered differently than at check_target time (rebinding): refuse before reading
                outcome.error_class, outcome.error = "private_address", f"{url} connected to {peer}"
                log.warning("refused %s: connected to non-public address %s", url, peer)
                return None
            outcome.status = response.status_code
            outcome.headers = {k: response.headers[k] for k in KEPT_HEADERS if k in response.headers}
            if response.is_redirect and "Location" in response.headers:
                return response.headers["Location"]
            if response.status_code == 304:
                return None
            if response.status_code >= 400 or response.status_code < 200:
                code = response.status_code
                outcome.error_class = "http_5xx" if code >= 500 else f"http_{code}"
                outcome.error = f"HTTP {code} {response.reason}"
                outcome.retry_after = parse_retry_after(response.headers.get("Retry-After"))
                return None
            self._read(response, outcome, deadline, document, max_bytes)
        return None

    def _read(
        self, response: requests.Response, outcome: _Try, deadline: float, document: bool, max_bytes: int
    ) -> None:
        mime = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if document and mime not in MARKUP_TYPES and mime not in SNIFF_TYPES and not mime.endswith("+xml"):
            outcome.error_class, outcome.error = "not_html", f"content type {mime!r}"
            return
        try:
            body, outcome.wire_bytes = read_body(response, max_bytes, deadline)
            if body.startswith(GZIP_MAGIC):
                body = gunzip(body, max_bytes)
        except BodyError as exc:
            outcome.error_class, outcome.error = exc.error_class, str(exc)
            return
        if document and not body.strip():
            outcome.error_class, outcome.error = "empty_body", "the response body is empty"
            return
        if document and not looks_like_markup(body):
            outcome.error_class, outcome.error = "not_html", f"body of type {mime!r} is not markup"
            return
        outcome.body = body

    def _fetch_robots(self, robots_url: str, allow_private: bool) -> tuple[int | None, bytes | None]:
        source = Source(
            name="robots",
            kind="urls",
            start_urls=(robots_url,),
            allow_private=allow_private,
            delay=self.settings.default_delay,
        )
        started, clock = datetime.now(UTC), time.monotonic()
        outcome = self._try(robots_url, source, {}, document=False, max_bytes=ROBOTS_MAX_BYTES)
        # A 4xx robots.txt means "no rules": only no answer or a 5xx is a failure of the host.
        failed = outcome.status is None or outcome.status >= 500
        self.requests.append(Request(
            "robots", robots_url, started, outcome.status, outcome.error_class if failed else None,
            outcome.error if failed else None, 1, int((time.monotonic() - clock) * 1000)))
        if outcome.status is None:
            return None, None
        return outcome.status, outcome.body


def _peer_address(response: requests.Response) -> str | None:
    """IP address the response came from (None when the socket is not available, e.g. a mocked session)."""
    try:
        return str(response.raw.connection.sock.getpeername()[0])
    except (AttributeError, OSError, TypeError):
        return None


def parse_retry_after(value: str | None) -> float | None:
    """Retry-After as seconds from now (delta-seconds or HTTP-date); None when absent or unparsable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def looks_like_markup(body: bytes) -> bool:
    """HTML/XML sniff: starts with '<' after BOM/whitespace and has no NUL bytes early on."""
    head = body[:1024]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True  # UTF-16 with BOM: NULs expected
    return b"\x00" not in head and head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<")

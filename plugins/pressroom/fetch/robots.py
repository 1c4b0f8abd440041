"""robots.txt rules cached per host (RFC 9309 semantics for unavailable/unreachable files)."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

log = logging.getLogger(__name__)

# (robots_url, allow_private) -> (status, body) of GET robots.txt, or (None, None) when unreachable.
RobotsFetch = Callable[[str, bool], tuple[int | None, bytes | None]]


@dataclass
class _Entry:
    parser: RobotFileParser | None  # None: allow everything
    expires: float


class RobotsCache:
    """Answers "may `agent` fetch `url`?" fetching each host's robots.txt at most once per `ttl`.

    404/4xx → everything allowed; 5xx → everything disallowed (re-checked after `error_ttl`); unreachable
    → allowed and not cached (the document fetch itself will then record the connection failure).
    """

    def __init__(
        self,
        fetch: RobotsFetch,
        agent: str,
        ttl: float = 86400,
        error_ttl: float = 600,
        clock: Callable[[], float] = time.monotonic,
    ):
        self._fetch = fetch
        self._agent = agent
        self._ttl = ttl
        self._error_ttl = error_ttl
        self._clock = clock
        self._entries: dict[str, _Entry] = {}

    def allowed(self, url: str, allow_private: bool = False) -> bool:
        entry = self._entry(url, allow_private)
        return entry.parser is None or entry.parser.can_fetch(self._agent, url)

    def crawl_delay(self, url: str, allow_private: bool = False) -> float | None:
        entry = self._entry(url, allow_private)
        delay = entry.parser.crawl_delay(self._agent) if entry.parser else None
        return float(delay) if delay is not None else None

    def _entry(self, url: str, allow_private: bool) -> _Entry:
        parts = urlsplit(url)
        robots_url = urlunsplit((parts.scheme, parts.netloc, "/robots.txt", "", ""))
        entry = self._entries.get(robots_url)
        if entry and entry.expires > self._clock():
            return entry
        status, body = self._fetch(robots_url, allow_private)
        now = self._clock()
        if status is None:
            log.info("robots unreachable, allowing: %s", robots_url)
            return _Entry(None, now)
        if 200 <= status < 300 and body is not None:
            parser = RobotFileParser(robots_url)
            parser.parse(body.decode("utf-8", errors="replace").splitlines())
            entry = _Entry(parser, now + self._ttl)
        elif status >= 500:
            parser = RobotFileParser(robots_url)
            parser.disallow_all = True
            entry = _Entry(parser, now + self._error_ttl)
            log.info("robots %s answered %s: host treated as disallowed", robots_url, status)
        else:
            entry = _Entry(None, now + self._ttl)
        self._entries[robots_url] = entry
        return entry

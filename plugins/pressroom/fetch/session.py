"""The configured requests session and capped, bomb-safe body reading."""

from __future__ import annotations

import time
import zlib

import requests
from urllib3.exceptions import ProtocolError, ReadTimeoutError

from pressroom.settings import Settings

GZIP_MAGIC = b"\x1f\x8b"
CHUNK = 64 * 1024


class BodyError(Exception):
    """Reading a body failed; `error_class` is the fetch-log code."""

    def __init__(self, error_class: str, message: str):
        super().__init__(message)
        self.error_class = error_class


def build_session(settings: Settings) -> requests.Session:
    """One session per fetcher: identifying User-Agent, gzip/deflate only (no brotli/zstd to guard).

    No urllib3-level retries; redirects are not followed here (the fetcher sends with
    allow_redirects=False and follows hops itself so every try and hop is checked and logged).
    """
    session = requests.Session()
    session.trust_env = False  # no proxies or .netrc credentials picked up from the environment
    session.headers.update(
        {
            "User-Agent": settings.resolved_user_agent,
            "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.5",
            "Accept-Encoding": "gzip, deflate",
            "Accept-Language": "en, ar;q=0.8, ckb;q=0.7, *;q=0.5",
        }
    )
    return session


class Inflater:
    """Incremental gzip/zlib decompression that refuses to produce more than `limit` bytes."""

    def __init__(self, limit: int):
        self._limit = limit
        self._out = 0
        self._z = zlib.decompressobj(wbits=47)  # 32 + 15: auto-detect gzip or zlib header

    def feed(self, data: bytes) -> bytes:
        try:
            chunk = self._z.decompress(data, self._limit - self._out + 1)
        except zlib.error as exc:
            raise BodyError("bad_encoding", f"corrupt compressed body: {exc}") from exc
        self._out += len(chunk)
        if self._out > self._limit:
            raise BodyError("decompression_bomb", f"decompresses beyond {self._limit} bytes")
        return chunk

    def check_complete(self) -> None:
        if not self._z.eof:
            raise BodyError("truncated", "compressed stream ends early")


def gunzip(data: bytes, limit: int) -> bytes:
    """Decompress a whole gzip file (e.g. sitemap.xml.gz) under the same bomb guard."""
    inflater = Inflater(limit)
    body = inflater.feed(data)
    inflater.check_complete()
    return body


def read_body(response: requests.Response, max_bytes: int, deadline: float) -> tuple[bytes, int]:
    """(decoded body, bytes on the wire). Raises BodyError for too_large, decompression_bomb, truncated,
    timeout, connection_error and unsupported content encodings."""
    coding = response.headers.get("Content-Encoding", "").strip().lower()
    if coding in ("", "identity"):
        inflater = None
    elif coding in ("gzip", "x-gzip", "deflate"):
        inflater = Inflater(max_bytes)
    else:
        raise BodyError("bad_encoding", f"unsupported Content-Encoding {coding!r}")
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise BodyError("too_large", f"Content-Length {declared} exceeds {max_bytes}")
    wire = 0
    parts: list[bytes] = []
    try:
        # read1: whatever has arrived (≤ CHUNK), so a slow drip cannot outlast the deadline check
        while chunk := response.raw.read1(CHUNK, decode_content=False):
            wire += len(chunk)
            if wire > max_bytes:
                raise BodyError("too_large", f"body exceeds {max_bytes} bytes")
            if time.monotonic() > deadline:
                raise BodyError("timeout", "total time limit reached while reading the body")
            parts.append(inflater.feed(chunk) if inflater else chunk)
    except ReadTimeoutError as exc:
        raise BodyError("timeout", f"read timed out: {exc}") from exc
    except ProtocolError as exc:
        kind = "truncated" if "IncompleteRead" in repr(exc) else "connection_error"
        raise BodyError(kind, f"body read failed: {exc}") from exc
    except (OSError, requests.RequestException) as exc:
        raise BodyError("connection_error", f"body read failed: {exc}") from exc
    if declared.isdigit() and wire < int(declared):
        raise BodyError("truncated", f"got {wire} of {declared} bytes")
    if inflater:
        inflater.check_complete()
    return b"".join(parts), wire

"""Plain data objects passed between the pipeline stages (no I/O, no heavy imports)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True)
class Attempt:
    """One HTTP attempt, as written to the fetch log."""

    attempt: int
    status: int | None = None
    error_class: str | None = None
    error: str | None = None
    bytes: int = 0
    elapsed_ms: int = 0
    final_url: str | None = None
    etag: str | None = None


@dataclass(frozen=True)
class Request:
    """One request made to find documents (feed, sitemap, listing, archive page, robots.txt) and its outcome,
    as written to raw.discovery_log. `error_class` None means the source answered usefully."""

    purpose: str
    url: str
    requested_at: datetime
    status: int | None = None
    error_class: str | None = None
    error: str | None = None
    attempts: int = 1
    elapsed_ms: int = 0


@dataclass
class FetchResult:
    """Outcome of fetching one URL: the body bytes (never parsed text) or a recorded error.

    `error_class` is None when a usable body was received; otherwise a short stable code such as
    `http_404`, `timeout`, `too_large`, `not_html`, `robots_disallowed`, `private_address`.
    """

    url: str
    final_url: str | None
    status: int | None
    fetched_at: datetime
    body: bytes | None = None
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str | None = None
    encoding: str | None = None
    error_class: str | None = None
    error: str | None = None
    attempts: list[Attempt] = field(default_factory=list)
    redirects: list[str] = field(default_factory=list)
    not_modified: bool = False

    @property
    def ok(self) -> bool:
        return self.error_class is None and self.body is not None

    @property
    def sha256(self) -> str | None:
        return hashlib.sha256(self.body).hexdigest() if self.body is not None else None


@dataclass(frozen=True)
class ExtractedDoc:
    """Main text and metadata extracted from one snapshot."""

    text: str
    title: str | None = None
    published: date | None = None
    sitename: str | None = None
    language: str | None = None
    extractor: str = "trafilatura"
    extractor_version: str | None = None


@dataclass(frozen=True)
class ExtractionFailure:
    """A snapshot that gave no usable text, with the reason."""

    reason: str

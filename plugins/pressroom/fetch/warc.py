"""WARC in and out: replay a WARC file as a source; export fetched snapshots as a WARC file."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path
from typing import BinaryIO

from pressroom.fetch import charset
from pressroom.fetch.urls import canonicalise
from pressroom.models import Attempt, FetchResult
from pressroom.sources import SourceConfigError

log = logging.getLogger(__name__)

# Describe the stored (decoded) body, not the original transfer.
DROPPED_HEADERS = frozenset({"content-encoding", "transfer-encoding", "content-length"})


class WarcArchive:
    """Index of the HTTP response records in one WARC file (first record per canonical URL wins).

    An unreadable file is a configuration error (SourceConfigError)."""

    def __init__(self, path: Path):
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed

        self.path = path
        self._offsets: dict[str, tuple[str, int]] = {}
        try:
            with path.open("rb") as stream:
                records = ArchiveIterator(stream)
                for record in records:
                    uri = record.rec_headers.get_header("WARC-Target-URI")
                    if record.rec_type == "response" and uri and record.http_headers:
                        self._offsets.setdefault(canonicalise(uri), (uri, records.get_record_offset()))
        except (OSError, ArchiveLoadFailed) as exc:
            raise SourceConfigError(f"{path}: cannot read WARC: {exc}") from exc
        log.info("warc %s: %d responses indexed", path, len(self._offsets))

    def urls(self) -> list[str]:
        return [uri for uri, _ in self._offsets.values()]

    def get(self, url: str) -> FetchResult:
        """The archived response for `url` (status as recorded), or `not_in_bundle`."""
        from warcio.archiveiterator import ArchiveIterator

        found = self._offsets.get(canonicalise(url))
        if found is None:
            error = f"{url} is not in {self.path}"
            log.warning("warc %s: not_in_bundle", url)
            return FetchResult(
                url=url,
                final_url=None,
                status=None,
                fetched_at=datetime.now(UTC),
                error_class="not_in_bundle",
                error=error,
                attempts=[Attempt(attempt=1, error_class="not_in_bundle", error=error)],
            )
        uri, offset = found
        with self.path.open("rb") as stream:
            stream.seek(offset)
            record = next(iter(ArchiveIterator(stream)))
            body = record.content_stream().read()
            status = int(record.http_headers.get_statuscode())
            headers = {k: v for k, v in record.http_headers.headers if k.lower() not in DROPPED_HEADERS}
            warc_date = record.rec_headers.get_header("WARC-Date")
        content_type = headers.get("Content-Type")
        ok = 200 <= status < 300
        return FetchResult(
            url=url,
            final_url=uri,
            status=status,
            fetched_at=datetime.fromisoformat(warc_date.replace("Z", "+00:00"))
            if warc_date
            else datetime.now(UTC),
            body=body if ok else None,
            headers=headers,
            content_type=content_type.split(";")[0].strip().lower() if content_type else None,
            encoding=charset.detect(body, content_type) if ok else None,
            error_class=None if ok else ("http_5xx" if status >= 500 else f"http_{status}"),
            attempts=[Attempt(attempt=1, status=status, bytes=len(body), final_url=uri)],
        )


def write_warc(results: Iterable[FetchResult], out: BinaryIO) -> int:
    """Write the successful results as gzipped WARC response records; returns how many were written."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    writer = WARCWriter(out, gzip=True)
    written = 0
    for result in results:
        if not result.ok or result.body is None:
            continue
        headers = [(k, v) for k, v in result.headers.items() if k.lower() not in DROPPED_HEADERS]
        headers.append(("Content-Length", str(len(result.body))))
        http_headers = StatusAndHeaders(f"{result.status or 200} OK", headers, protocol="HTTP/1.1")
        record = writer.create_warc_record(
            result.final_url or result.url,
            "response",
            payload=BytesIO(result.body),
            http_headers=http_headers,
            warc_headers_dict={"WARC-Date": result.fetched_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")},
        )
        writer.write_record(record)
        written += 1
    log.info("warc export: %d records", written)
    return written

"""Local snapshot bundles: a directory with manifest.yaml, a list of {url, file, content_type?} (extra keys
such as published or title are ignored)."""

from __future__ import annotations

import logging
import mimetypes
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from pressroom.fetch import charset
from pressroom.fetch.urls import canonicalise
from pressroom.models import Attempt, FetchResult
from pressroom.sources import SourceConfigError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ManifestEntry:
    url: str
    file: Path
    content_type: str | None = None


class LocalBundle:
    """The pages of one bundle, keyed by canonical URL. A missing or malformed manifest is a
    configuration error (SourceConfigError), not a fetch outcome."""

    def __init__(self, root: Path):
        import yaml

        self.root = root.resolve()
        manifest = self.root / "manifest.yaml"
        try:
            items = yaml.safe_load(manifest.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as exc:
            raise SourceConfigError(f"{manifest}: cannot read: {exc}") from exc
        if not isinstance(items, list) or not all(
            isinstance(i, dict) and "url" in i and "file" in i for i in items
        ):
            raise SourceConfigError(f"{manifest}: expected a list of {{url, file, content_type?}} entries")
        self.entries: dict[str, ManifestEntry] = {}
        for item in items:
            file = (self.root / item["file"]).resolve()
            if not file.is_relative_to(self.root):
                raise SourceConfigError(f"{manifest}: {item['file']!r} is outside the bundle")
            entry = ManifestEntry(item["url"], file, item.get("content_type"))
            self.entries.setdefault(canonicalise(item["url"]), entry)

    def urls(self) -> list[str]:
        return [entry.url for entry in self.entries.values()]

    def get(self, url: str) -> FetchResult:
        """The bundled page as a 200 FetchResult, or `not_in_bundle` / `file_missing`."""
        now = datetime.now(UTC)
        entry = self.entries.get(canonicalise(url))
        if entry is None:
            return _failure(url, now, "not_in_bundle", f"{url} is not in {self.root}/manifest.yaml")
        try:
            body = entry.file.read_bytes()
        except OSError as exc:
            return _failure(url, now, "file_missing", f"{entry.file}: {exc}")
        content_type = entry.content_type or mimetypes.guess_type(entry.file.name)[0] or "text/html"
        log.info("local %s: %d bytes from %s", url, len(body), entry.file.name)
        return FetchResult(
            url=url,
            final_url=url,
            status=200,
            fetched_at=now,
            body=body,
            headers={"Content-Type": content_type},
            content_type=content_type.split(";")[0].strip(),
            encoding=charset.detect(body, content_type),
            attempts=[Attempt(attempt=1, status=200, bytes=len(body), final_url=url)],
        )


def _failure(url: str, now: datetime, error_class: str, error: str) -> FetchResult:
    log.warning("local %s: %s (%s)", url, error_class, error)
    return FetchResult(
        url=url,
        final_url=None,
        status=None,
        fetched_at=now,
        error_class=error_class,
        error=error,
        attempts=[Attempt(attempt=1, error_class=error_class, error=error)],
    )

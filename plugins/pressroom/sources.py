"""The declarative source list (sources.yaml): one `Source` per publisher feed, sitemap, listing or bundle.

Only PyYAML is imported here, so DAG files can read the list at parse time cheaply.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, fields, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

KINDS = ("rss", "atom", "sitemap", "listing", "archive", "local", "urls", "warc")
FILE_KINDS = ("local", "warc")
NAME_RE = re.compile(r"^[a-z0-9_]+$")
CRON_PRESETS = ("@once", "@hourly", "@daily", "@weekly", "@monthly", "@yearly", "@annually")
# Comma-separated source names (or "all") switched on regardless of `enabled` in the YAML.
ENABLE_ENV = "PRESSROOM_ENABLE_SOURCES"


class SourceConfigError(ValueError):
    """sources.yaml is malformed; the message names the file, the source and the field."""


@dataclass(frozen=True)
class Source:
    """One configured source. `allow`/`deny` are regexes matched (re.search) against canonical URLs."""

    name: str
    kind: str
    start_urls: tuple[str, ...] = ()
    allow: tuple[str, ...] = ()
    deny: tuple[str, ...] = ()
    enabled: bool = True
    official: bool = False
    language: str = "en"
    schedule: str = "0 * * * *"
    max_pages: int = 50
    delay: float = 2.0
    concurrency: int = 1
    allow_private: bool = False
    path: str | None = None
    # Back-fill: archive page URL template with "{page}", its first page number, and the oldest date wanted.
    archive_url: str | None = None
    archive_first_page: int = 1
    backfill_until: date | None = None
    description: str = ""

    def allows(self, url: str) -> bool:
        """True when `url` matches an allow pattern (or there are none) and no deny pattern."""
        if self.allow and not any(re.search(p, url) for p in self.allow):
            return False
        return not any(re.search(p, url) for p in self.deny)

    def resolve_path(self, project_root: Path) -> Path:
        """Absolute path of a local/warc source's bundle."""
        if self.path is None:
            raise SourceConfigError(f"source {self.name!r} has no path")
        path = Path(self.path)
        return path if path.is_absolute() else project_root / path


def load_sources(path: Path | None = None) -> list[Source]:
    """Read and validate the source list; raises SourceConfigError with a precise message."""
    import yaml

    from pressroom.settings import Settings

    path = Path(path) if path is not None else Settings().sources_file
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise SourceConfigError(f"{path}: cannot read: {exc}") from exc
    entries = data.get("sources") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise SourceConfigError(f"{path}: expected a top-level 'sources:' list")
    forced = _forced_enabled()
    sources: list[Source] = []
    for index, entry in enumerate(entries):
        source = _parse(entry, where=f"{path}: sources[{index}]")
        if forced is not None and (forced == {"all"} or source.name in forced):
            source = replace(source, enabled=True)
        sources.append(source)
    names = [s.name for s in sources]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise SourceConfigError(f"{path}: duplicate source names: {', '.join(duplicates)}")
    return sources


def _forced_enabled() -> set[str] | None:
    value = os.environ.get(ENABLE_ENV, "").strip()
    return {n.strip() for n in value.split(",") if n.strip()} if value else None


def _parse(entry: Any, where: str) -> Source:
    if not isinstance(entry, dict):
        raise SourceConfigError(f"{where}: expected a mapping, got {type(entry).__name__}")
    name = entry.get("name")
    if not isinstance(name, str) or not NAME_RE.match(name):
        raise SourceConfigError(f"{where}: name {name!r} must match [a-z0-9_]+")
    where = f"{where} ({name})"
    known = {f.name for f in fields(Source)}
    unknown = sorted(set(entry) - known)
    if unknown:
        raise SourceConfigError(f"{where}: unknown field(s): {', '.join(unknown)}")
    values = dict(entry)
    for key in ("start_urls", "allow", "deny"):
        raw = values.get(key, [])
        if isinstance(raw, str):
            raw = [raw]
        if not isinstance(raw, list) or not all(isinstance(v, str) for v in raw):
            raise SourceConfigError(f"{where}: {key} must be a list of strings")
        values[key] = tuple(raw)
    try:
        source = Source(**values)
    except TypeError as exc:
        raise SourceConfigError(f"{where}: {exc}") from exc
    _validate(source, where)
    return source


def _validate(s: Source, where: str) -> None:
    def fail(msg: str) -> None:
        raise SourceConfigError(f"{where}: {msg}")

    if s.kind not in KINDS:
        fail(f"kind {s.kind!r} is not one of {', '.join(KINDS)}")
    for key in ("enabled", "official", "allow_private"):
        if not isinstance(getattr(s, key), bool):
            fail(f"{key} must be true or false")
    if s.kind in FILE_KINDS:
        if not isinstance(s.path, str) or not s.path:
            fail(f"kind {s.kind} needs a path")
    elif s.kind == "archive":
        if not isinstance(s.archive_url, str) or "{page}" not in s.archive_url:
            fail("kind archive needs archive_url with a {page} placeholder")
    elif not s.start_urls:
        fail(f"kind {s.kind} needs start_urls")
    if s.archive_url is not None and s.kind != "archive":
        fail("archive_url is only used by kind archive")
    for url in s.start_urls + ((s.archive_url,) if s.archive_url else ()):
        if not re.match(r"^https?://[^/\s]+", url):
            fail(f"URL {url!r} is not an absolute http(s) URL")
    for pattern in s.allow + s.deny:
        try:
            re.compile(pattern)
        except re.error as exc:
            fail(f"bad regex {pattern!r}: {exc}")
    if not isinstance(s.max_pages, int) or isinstance(s.max_pages, bool) or s.max_pages < 1:
        fail("max_pages must be a positive integer")
    if not isinstance(s.concurrency, int) or isinstance(s.concurrency, bool) or s.concurrency < 1:
        fail("concurrency must be a positive integer")
    if not isinstance(s.delay, int | float) or isinstance(s.delay, bool) or s.delay < 0:
        fail("delay must be a number of seconds >= 0")
    if not isinstance(s.schedule, str) or not (s.schedule in CRON_PRESETS or len(s.schedule.split()) == 5):
        fail(f"schedule {s.schedule!r} must be a 5-field cron string or an @preset")
    if s.backfill_until is not None and not isinstance(s.backfill_until, date):
        fail("backfill_until must be a date (YYYY-MM-DD)")
    if not isinstance(s.language, str) or not re.match(r"^[a-z]{2,3}(-[A-Za-z]+)?$", s.language):
        fail(f"language {s.language!r} must be an ISO 639 code such as en, ar, ckb")


def get_source(name: str, path: Path | None = None) -> Source:
    """The source called `name`; SourceConfigError when there is none."""
    for source in load_sources(path):
        if source.name == name:
            return source
    raise SourceConfigError(f"no source named {name!r} in {path or 'the configured sources file'}")


def set_enabled(name: str, enabled: bool, path: Path | None = None) -> Path:
    """Rewrite the `enabled:` line of source `name` in the sources file (comments and layout kept)."""
    from pressroom.settings import Settings

    path = Path(path) if path is not None else Settings().sources_file
    get_source(name, path)  # a clear error for an unknown name or a broken file
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    name_re = re.compile(rf"^(\s*(?:-\s+)?)name:\s*['\"]?{re.escape(name)}['\"]?\s*(?:#.*)?$")
    at = next(i for i, line in enumerate(lines) if name_re.match(line))
    key_col = len(name_re.match(lines[at]).group(1))  # column of the entry's keys
    item_re = re.compile(rf"^\s{{{key_col - 2}}}-\s")
    start = next(i for i in range(at, -1, -1) if item_re.match(lines[i]))
    end = next((i for i in range(at + 1, len(lines)) if item_re.match(lines[i])
                or (lines[i].strip() and not lines[i].startswith(" " * key_col) and not item_re.match(lines[i]))),
               len(lines))
    value = f"{'true' if enabled else 'false'}\n"
    enabled_re = re.compile(rf"^(\s{{{key_col - 2}}}-\s+|\s{{{key_col}}})enabled:")
    found = next((i for i in range(start, end) if enabled_re.match(lines[i])), None)
    if found is None:
        lines.insert(at + 1, f"{' ' * key_col}enabled: {value}")
    else:
        lines[found] = f"{enabled_re.match(lines[found]).group(1)}enabled: {value}"
    path.write_text("".join(lines), encoding="utf-8")
    if get_source(name, path).enabled != enabled and _forced_enabled() is None:
        raise SourceConfigError(f"{path}: could not set enabled: {enabled} for {name!r}")
    return path


def next_run(source: Source, after: datetime) -> datetime | None:
    """When the scheduler next starts the source's DAG (None for a disabled source or an @once preset)."""
    from croniter import croniter

    if not source.enabled or source.schedule == "@once":
        return None
    expression = {"@annually": "@yearly"}.get(source.schedule, source.schedule)
    return croniter(expression, after).get_next(datetime)

"""Which document URLs to fetch for a source: from feeds, sitemaps, listing/archive pages, bundles or lists.

Index pages are fetched through the same `Fetcher` (robots, politeness, SSRF guard apply), which journals
each request with its outcome. A failed index page is logged and skipped; `discover` never raises for fetch
or parse problems (the caller judges the journal: see pressroom.source_health).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from pressroom.fetch import Fetcher
from pressroom.fetch.urls import canonicalise, dedupe
from pressroom.sources import Source
from pressroom.store.state import BackfillCursor, load_cursor, stored_urls

log = logging.getLogger(__name__)

SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
URL_DATE_RE = re.compile(r"/(20\d\d|19\d\d)[/-](0[1-9]|1[0-2])(?:[/-](0[1-9]|[12]\d|3[01]))?(?:/|$|[^\d])")


@dataclass(frozen=True)
class Page:
    """Links found on one index page, and the oldest date it mentions (for back-fill stopping)."""

    links: list[str]
    next_url: str | None = None
    oldest: date | None = None


def discover(source: Source, fetcher: Fetcher, limit: int | None = None) -> list[str]:
    """Canonical, de-duplicated document URLs for `source`, at most `limit` of them.

    Index pages that fail to load or parse are logged and skipped (partial or empty list); a missing or
    unreadable bundle/WARC raises SourceConfigError, since returning nothing would hide a broken setup.
    """
    found = list(_candidates(source, fetcher, limit))
    urls = dedupe(found)
    if source.kind not in ("local", "warc", "urls"):
        urls = [u for u in urls if source.allows(u)]
    urls = urls[:limit] if limit is not None else urls
    log.info("discover %s: %d document URLs (%d links seen)", source.name, len(urls), len(found))
    return urls


def _candidates(source: Source, fetcher: Fetcher, limit: int | None) -> Iterator[str]:
    if source.kind in ("local", "warc"):
        yield from fetcher.file_source(source).urls()
    elif source.kind == "urls":
        yield from source.start_urls
    elif source.kind in ("rss", "atom"):
        for url in source.start_urls:
            yield from _feed_links(url, source, fetcher)
    elif source.kind == "sitemap":
        for url in source.start_urls:
            yield from _sitemap_links(url, source, fetcher)
    elif source.kind == "listing":
        for url in source.start_urls:
            yield from _listing_links(url, source, fetcher, limit)
    elif source.kind == "archive":
        yield from walk_archive(source, fetcher, source.archive_first_page, source.max_pages).links


@dataclass(frozen=True)
class ArchiveWalk:
    """Links from consecutive archive pages, where to continue, and whether the archive is exhausted."""

    links: list[str]
    next_page: int
    pages: int
    oldest: date | None
    done: bool


def walk_archive(source: Source, fetcher: Fetcher, first_page: int, pages: int) -> ArchiveWalk:
    """Walk up to `pages` archive pages from `first_page`.

    Stops early (done) at an empty page or at a page older than `source.backfill_until`; a page that fails
    to load stops the walk so that it is retried next time."""
    links: list[str] = []
    number, oldest, done = first_page, None, False
    while number < first_page + pages:
        page = fetch_index_page(source.archive_url.format(page=number), source, fetcher, "archive")
        if page is None:
            break
        number += 1
        if page.oldest and (oldest is None or page.oldest < oldest):
            oldest = page.oldest
        if not page.links:
            done = True
            break
        links.extend(page.links)
        if source.backfill_until and page.oldest and page.oldest < source.backfill_until:
            done = True
            break
    log.info(
        "archive %s: pages %d-%d walked, %d links, done=%s",
        source.name,
        first_page,
        number - 1,
        len(links),
        done,
    )
    return ArchiveWalk(links, number, number - first_page, oldest, done)


@dataclass(frozen=True)
class Backfill:
    """Document URLs to fetch (not stored yet) and the cursor to save once they are stored."""

    urls: list[str]
    cursor: BackfillCursor


def plan_backfill(source: Source, fetcher: Fetcher, conn, pages: int | None = None) -> Backfill:
    """The next `pages` (default `max_pages`) archive pages after the stored cursor.

    Nothing is written: call `pressroom.store.state.save_cursor(conn, plan.cursor)` after the URLs have been
    fetched and stored, so a failed run walks the same pages again instead of skipping them.
    """
    if source.kind != "archive" or not source.archive_url:
        raise ValueError(f"source {source.name} is not an archive source")
    cursor = load_cursor(conn, source.name) or BackfillCursor(source.name, source.archive_first_page)
    if cursor.done:
        log.info("backfill %s: already complete (oldest seen %s)", source.name, cursor.oldest_seen)
        return Backfill([], cursor)
    walk = walk_archive(source, fetcher, cursor.next_page, pages or source.max_pages)
    urls = [u for u in dedupe(walk.links) if source.allows(u)]
    stored = stored_urls(conn, urls)
    oldest = min((d for d in (cursor.oldest_seen, walk.oldest) if d), default=None)
    moved = BackfillCursor(source.name, walk.next_page, oldest, walk.done, cursor.pages_walked + walk.pages)
    log.info(
        "backfill %s: %d new URLs (%d already stored), next page %d",
        source.name,
        len(urls) - len(stored),
        len(stored),
        moved.next_page,
    )
    return Backfill([u for u in urls if u not in stored], moved)


def _body(url: str, source: Source, fetcher: Fetcher, purpose: str) -> tuple[str, bytes] | None:
    result = fetcher.get(url, source=source, purpose=purpose)
    if not result.ok:
        log.warning("discover %s: index %s failed: %s", source.name, url, result.error_class or "no body")
        return None
    return result.final_url or url, result.body


def _feed_links(url: str, source: Source, fetcher: Fetcher) -> Iterator[str]:
    import feedparser

    fetched = _body(url, source, fetcher, "feed")
    if fetched is None:
        return
    base, body = fetched
    feed = feedparser.parse(body, response_headers={"content-location": base})
    if feed.bozo and not feed.entries:
        log.warning("discover %s: feed %s unparsable: %s", source.name, url, feed.get("bozo_exception"))
    for entry in feed.entries:
        link = entry.get("link") or next(
            (lk.get("href") for lk in entry.get("links", []) if lk.get("rel", "alternate") == "alternate"),
            None,
        )
        if link:
            yield _absolute(base, link)
        else:
            log.info("discover %s: feed entry without link skipped: %r", source.name, entry.get("title"))


def _sitemap_links(url: str, source: Source, fetcher: Fetcher) -> Iterator[str]:
    """Walk a sitemap or sitemap index (breadth first, at most max_pages sitemap files)."""
    queue, seen = [url], set()
    while queue and len(seen) < source.max_pages:
        current = queue.pop(0)
        if canonicalise(current) in seen:
            continue
        seen.add(canonicalise(current))
        fetched = _body(current, source, fetcher, "sitemap")
        if fetched is None:
            continue
        root = _parse_xml(fetched[1], current, source)
        if root is None:
            continue
        for node in root.iter(f"{SITEMAP_NS}sitemap", "sitemap"):
            loc = _child_text(node, "loc")
            lastmod = _child_text(node, "lastmod")
            if loc and not _older_than(lastmod, source.backfill_until):
                queue.append(loc)
        for node in root.iter(f"{SITEMAP_NS}url", "url"):
            loc = _child_text(node, "loc")
            if loc and not _older_than(_child_text(node, "lastmod"), source.backfill_until):
                yield loc


def _parse_xml(body: bytes, url: str, source: Source):
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=False)
    try:
        root = etree.fromstring(body, parser)
    except etree.XMLSyntaxError as exc:
        root, error = None, exc
    else:
        error = "empty document"
    if root is None:
        log.warning("discover %s: sitemap %s unparsable: %s", source.name, url, error)
    return root


def _child_text(node, name: str) -> str | None:
    child = node.find(f"{SITEMAP_NS}{name}")
    if child is None:
        child = node.find(name)
    return child.text.strip() if child is not None and child.text else None


def _older_than(lastmod: str | None, until: date | None) -> bool:
    if not lastmod or until is None:
        return False
    try:
        return date.fromisoformat(lastmod[:10]) < until
    except ValueError:
        return False


def _listing_links(url: str, source: Source, fetcher: Fetcher, limit: int | None) -> Iterator[str]:
    """Links on a listing page and its rel="next" successors (at most max_pages pages, no page twice)."""
    count, seen = 0, set()
    current: str | None = url
    while current and canonicalise(current) not in seen and len(seen) < source.max_pages:
        if limit is not None and count >= limit:
            return
        seen.add(canonicalise(current))
        page = fetch_index_page(current, source, fetcher, "listing")
        if page is None:
            return
        count += len(page.links)
        yield from page.links
        current = page.next_url


def fetch_index_page(url: str, source: Source, fetcher: Fetcher, purpose: str = "listing") -> Page | None:
    """Fetch and parse one HTML index page (a "listing" or "archive" page); None when it could not be fetched."""
    fetched = _body(url, source, fetcher, purpose)
    return parse_index_page(*fetched, source=source) if fetched else None


def parse_index_page(base: str, body: bytes, source: Source) -> Page:
    """Canonical links matching the source's patterns, the rel=next URL and the oldest date seen."""
    import lxml.html
    from lxml import etree

    from pressroom.fetch import charset

    try:
        doc = lxml.html.document_fromstring(
            body.decode(charset.detect(body), errors="replace"), base_url=base
        )
    except (etree.ParserError, ValueError) as exc:
        log.warning("discover %s: listing %s unparsable: %s", source.name, base, exc)
        return Page(links=[])
    doc.make_links_absolute(base, handle_failures="discard")
    hrefs = [href.strip() for href in doc.xpath("//a/@href") if href.strip().startswith(("http:", "https:"))]
    matching = [link for link in dedupe(hrefs) if source.allows(link)]
    next_links = doc.xpath("//a[@rel='next']/@href | //link[@rel='next']/@href")
    dates = [d for d in (_to_date(v) for v in doc.xpath("//time/@datetime")) if d]
    dates += [d for d in (_url_date(link) for link in matching) if d]
    return Page(
        links=matching, next_url=next_links[0] if next_links else None, oldest=min(dates, default=None)
    )


def _to_date(value: str) -> date | None:
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def _url_date(url: str) -> date | None:
    match = URL_DATE_RE.search(url)
    if not match:
        return None
    year, month, day = match.group(1), match.group(2), match.group(3) or "01"
    return date(int(year), int(month), int(day))


def _absolute(base: str, link: str) -> str:
    from urllib.parse import urljoin

    return urljoin(base, link.strip())

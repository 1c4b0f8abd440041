"""Charset detection for HTML/XML bodies: BOM, valid UTF-8, declared charset, then statistical guess.

Declared charsets are often wrong (UTF-8 pages labelled ISO-8859-1, Arabic windows-1256 pages labelled
Latin-1), so a declaration is trusted only when the body decodes with it and it is not a single-byte Western
charset that would "decode" anything.
"""

from __future__ import annotations

import codecs
import re

BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# Single-byte charsets that accept any byte sequence: a declaration of these proves nothing.
PERMISSIVE = frozenset({"latin-1", "iso8859-1", "cp1252", "ascii", "iso8859-15"})
META_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)
XML_RE = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_\-.]+)""", re.IGNORECASE)
HEADER_RE = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_\-:.]+)", re.IGNORECASE)


def normalise_name(name: str | None) -> str | None:
    """Python codec name for a declared charset (WHATWG: ISO-8859-1 and ASCII mean windows-1252)."""
    if not name:
        return None
    try:
        codec = codecs.lookup(name.strip().lower()).name
    except LookupError:
        return None
    return "cp1252" if codec in ("latin-1", "iso8859-1", "ascii") else codec


def declared(body: bytes, content_type: str | None) -> list[str]:
    """Charsets declared by the Content-Type header, then the document itself, in that order."""
    found = []
    if content_type and (m := HEADER_RE.search(content_type)):
        found.append(m.group(1))
    head = body[:4096]
    for regex in (XML_RE, META_RE):
        if m := regex.search(head):
            found.append(m.group(1).decode("ascii"))
    return [n for n in (normalise_name(f) for f in found) if n]


def _decodes(body: bytes, codec: str) -> bool:
    try:
        body.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def detect(body: bytes, content_type: str | None = None) -> str:
    """Best charset (a Python codec name) to decode `body` with."""
    for bom, codec in BOMS:
        if body.startswith(bom):
            return codec
    if _decodes(body, "utf-8"):
        return "utf-8"  # pure ASCII included: UTF-8 is a superset, and non-ASCII UTF-8 is rarely accidental
    candidates = declared(body, content_type)
    for codec in candidates:
        if codec not in PERMISSIVE and codec != "utf-8" and _decodes(body, codec):
            return codec
    return _guess(body[:200_000]) or (candidates[0] if candidates else "cp1252")


def _guess(sample: bytes) -> str | None:
    """Statistical guess (charset-normalizer), preferring windows-1252 (the web's default) on a tie."""
    from charset_normalizer import from_bytes

    matches = from_bytes(sample)
    best = matches.best()
    if best is None:
        return None
    tie = any(m.encoding == "cp1252" and m.percent_chaos <= best.percent_chaos for m in matches)
    if tie or (_decodes(sample, "cp1252") and sample.decode("cp1252") == str(best)):
        return "cp1252"
    return normalise_name(best.encoding) or best.encoding

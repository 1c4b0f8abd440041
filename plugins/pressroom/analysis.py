"""One document from bytes to the contract's JSON object: extract, then normalise.

Shared by `pressroom analyse` and the DAG so that both give the same facts for the same bytes.
"""

from __future__ import annotations

import logging
from datetime import date

from .extract import decode, extract_html, plain_text
from .models import ExtractedDoc, ExtractionFailure

log = logging.getLogger(__name__)


def extract_document(
    body: bytes,
    *,
    content_type: str | None,
    url: str | None = None,
    encoding: str | None = None,
    reference_date: date | None = None,
) -> ExtractedDoc | ExtractionFailure:
    """Plain text is used as it is; anything else goes through trafilatura."""
    if content_type and content_type.split(";")[0].strip() == "text/plain":
        return plain_text(decode(body, encoding))
    return extract_html(body, url=url, encoding=encoding, reference_date=reference_date)


def analyse_text(text: str, *, title: str | None = None, published: date | None = None) -> tuple[dict, str]:
    """Normaliser facts for one text and the normaliser version. A normaliser crash on one document
    is recorded as a finding (and logged) instead of stopping the batch."""
    from .normalise import NORMALISER_VERSION, analyse

    try:
        return analyse(text, published=published, title=title), NORMALISER_VERSION
    except Exception as exc:
        log.exception("normaliser failed on %r", title)
        finding = {"check": "normaliser_error", "severity": "error", "detail": f"{type(exc).__name__}: {exc}",
                   "evidence": None}
        return {"strike_reports": [], "spokespeople": [], "findings": [finding]}, NORMALISER_VERSION


def analyse_extracted(doc: ExtractedDoc, *, published: date | None = None, url: str | None = None) -> dict:
    """Normalise extracted text; `published` (else the page metadata date) anchors relative dates."""
    published = published or doc.published
    facts, _ = analyse_text(doc.text, published=published, title=doc.title)
    return {
        "title": doc.title,
        "published": published.isoformat() if published else None,
        "url": url,
        **facts,
    }

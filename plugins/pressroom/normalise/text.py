"""Sentences and clauses with character offsets into the analysed text.

Every fact keeps `evidence = {"text", "start", "end"}` with `text == analysed_text[start:end]`.
Bullets ("-- Near Mosul, …", "*  Near Mosul, …" as trafilatura flattens HTML lists) start a new sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Abbreviations that end in a period but do not end a sentence.
ABBREVIATIONS = {
    "col",
    "gen",
    "maj",
    "lt",
    "brig",
    "adm",
    "capt",
    "sgt",
    "cpl",
    "pvt",
    "cmdr",
    "cdr",
    "mr",
    "mrs",
    "ms",
    "dr",
    "st",
    "no",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "u.s",
    "u.k",
    "u.n",
    "fla",
    "calif",
    "va",
    "d.c",
    "inc",
    "vs",
    "jr",
    "sr",
    "rep",
    "sen",
    "gov",
    "lt. col",
}
BREAK_RE = re.compile(r"(?<=[.!?])[\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])|\n+|\s+\*\s+|(?:^|\s)--\s+|(?:^|\s)•\s+")
CLAUSE_RE = re.compile(r";\s+|,\s+(?:while|whereas|and another)\s+")
STRIP = " \t\r\n-*•|\u00a0"


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str

    def evidence(self) -> dict:
        return {"text": self.text, "start": self.start, "end": self.end}


def span(text: str, start: int, end: int) -> Span:
    """The span of text[start:end] with surrounding blanks and bullet marks removed."""
    while start < end and text[start] in STRIP:
        start += 1
    while end > start and text[end - 1] in STRIP:
        end -= 1
    return Span(start, end, text[start:end])


def _ends_with_abbreviation(chunk: str) -> bool:
    m = re.search(r"(?:^|[\s(])([A-Za-z.]+)\.$", chunk)
    if not m:
        return False
    word = m.group(1).lower()
    # initials: "Myles B. Caggins", "George H.W. Bush"
    return word in ABBREVIATIONS or len(word) == 1 or bool(re.fullmatch(r"(?:[a-z]\.)+[a-z]", word))


def sentences(text: str) -> list[Span]:
    """Sentences (and bullet items, and lines) of `text`, in order, with offsets."""
    out: list[Span] = []
    start = 0
    for m in BREAK_RE.finditer(text):
        chunk = text[start : m.start()]
        if "\n" not in m.group() and _ends_with_abbreviation(chunk.rstrip('"”’)]')):
            continue
        s = span(text, start, m.start())
        if s.text:
            out.append(s)
        start = m.end()
    s = span(text, start, len(text))
    if s.text:
        out.append(s)
    return out


def paragraphs(text: str) -> list[Span]:
    """Lines of `text` (paragraphs in extracted article text), with offsets."""
    out, start = [], 0
    for line in text.splitlines(keepends=True):
        s = span(text, start, start + len(line))
        if s.text:
            out.append(s)
        start += len(line)
    return out


def clauses(text: str, sentence: Span) -> list[Span]:
    """A sentence cut at semicolons and ", while …" so that each clause carries one fact."""
    out, start = [], sentence.start
    for m in CLAUSE_RE.finditer(sentence.text):
        out.append(span(text, start, sentence.start + m.start()))
        start = sentence.start + m.end()
    out.append(span(text, start, sentence.end))
    return [c for c in out if c.text]

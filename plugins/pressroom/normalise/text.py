"""Text normalisation, sentences and clauses with character offsets into the analysed text.

Every fact keeps `evidence = {"text", "start", "end"}` with `text == analysed_text[start:end]`.
`normalise` runs before the rules and changes characters one for one (never the length), so an offset into the
normalised text is the same offset into the analysed text: curly quotes and apostrophes → ASCII, the dash family
(‐ ‑ ‒ – — ―, minus) → "-" or "–" kept for ranges, no-break and odd spaces → " ", and a hard line wrap inside a
sentence or bullet (a line that does not end a sentence, followed by a line that continues it in lower case) → " ".
Bullets ("-- Near Mosul, …", "*  Near Mosul, …" as trafilatura flattens HTML lists) start a new sentence.
Sentences longer than MAX_SENTENCE characters (text without punctuation) are cut at a blank, so that no rule ever
scans more than a bounded window: the normaliser is linear in the input size.
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
MAX_SENTENCE = 1200  # characters; the longest sentence of a real release in the corpora is under 900
_ONE_FOR_ONE = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2212": "-", "\u2015": "—",
    "\u00a0": " ", "\u2007": " ", "\u2009": " ", "\u202f": " ", "\u200a": " ", "\t": " ",
})  # fmt: skip
# A hard wrap: a line that ends inside a sentence (no closing punctuation) and a next line that continues it.
WRAP_RE = re.compile(r"(?<=[\w,;(\-])[ ]*\n(?=[ ]*[a-z(])")


def normalise(text: str) -> str:
    """`text` with quotes, dashes and spaces normalised and hard-wrapped lines joined, one character for one."""
    text = text.translate(_ONE_FOR_ONE)
    return WRAP_RE.sub(lambda m: " " * len(m.group()), text)


BREAK_RE = re.compile(r"(?<=[.!?])[\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])|\n+|\s+\*\s+|(?:^|\s)--\s+|(?:^|\s)•\s+")
# A semicolon, ", while …", and ", and the United States has …" (a second independent clause with its own subject).
CLAUSE_RE = re.compile(
    r";\s+|,\s+(?:while|whereas|and another)\s+|,\s+and\s+(?=the (?:United States|U\.S\.|coalition)\b)"
)
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
    """Sentences (and bullet items, and lines) of `text`, in order, with offsets; none longer than MAX_SENTENCE."""
    out: list[Span] = []
    start = 0
    for m in BREAK_RE.finditer(text):
        if "\n" not in m.group() and m.start() - start < MAX_SENTENCE:
            if _ends_with_abbreviation(text[max(start, m.start() - 40) : m.start()].rstrip('"”’)]')):
                continue
        out += _bounded(text, start, m.start())
        start = m.end()
    out += _bounded(text, start, len(text))
    return out


def _bounded(text: str, start: int, end: int) -> list[Span]:
    """The span text[start:end] (trimmed), cut at blanks into pieces of at most MAX_SENTENCE characters."""
    out = []
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        out.append(span(text, start, cut))
        start = cut
    out.append(span(text, start, end))
    return [s for s in out if s.text]


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

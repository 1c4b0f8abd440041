"""What a coalition strike was part of: `counter-isis` or `other` (contract: campaign).

A named operation or campaign the text places the strike in decides ("counter-ISIS action", "Operation Inherent
Resolve"; not one the strike is only "alongside"); otherwise the target the text names: ISIS → counter-isis;
Iran-backed militias, the IRGC, al-Qaida affiliates, smugglers, Soleimani → other. Cues are looked for in the
report's evidence, then in the text around it, then in the whole document (where a zero-strike line finds the
release's campaign); at a level that names both kinds of target, the one named more often wins, a tie looks
further. A coalition document that names neither is counter-ISIS (the coalition's campaign). The cues are data
(data/vocabulary/campaign.yaml). Reports of other actors get no campaign.
"""

from __future__ import annotations

import re
from collections import Counter

from . import vocabulary

COUNTER_ISIS = "counter-isis"
AROUND = 300  # characters either side of the evidence: the neighbouring sentences
_VOCABULARY = vocabulary.load("campaign")


def _compile(kinds: dict) -> list[tuple[str, re.Pattern]]:
    """Whole words, also inside hyphenated compounds ("al-Qaeda-linked", "ISIS-affiliated")."""
    return [
        (kind, re.compile(rf"(?<!\w){vocabulary.alternation(patterns)}(?!\w)", re.IGNORECASE))
        for kind, patterns in kinds.items()
    ]


OPERATIONS = _compile(_VOCABULARY["operations"])
TARGETS = _compile(_VOCABULARY["targets"])
NOT_PART_OF = re.compile(vocabulary.alternation(_VOCABULARY["not_part_of"]) + r"\W+(?:\w+\W+){0,5}$", re.IGNORECASE)


def _operation(text: str) -> tuple[str | None, str]:
    """The campaign a named operation gives, and the text without the campaigns the strike is only beside
    ("alongside the campaign against ISIS remnants"), whose targets say nothing of the strike's."""
    beside = []
    for kind, pattern in OPERATIONS:
        for m in pattern.finditer(text):
            if not NOT_PART_OF.search(text[max(0, m.start() - 60) : m.start()]):
                return kind, text
            beside.append((m.start(), m.end()))
    for start, end in sorted(beside, reverse=True):
        text = text[:start] + " " + text[end:]
    return None, text


def _target(text: str) -> str | None:
    counts = Counter({kind: len(pattern.findall(text)) for kind, pattern in TARGETS})
    (first, n1), (_, n2) = counts.most_common(2)
    return first if n1 > n2 else None


def of_text(text: str) -> str | None:
    """The campaign one piece of text names, or None when it names none (or both equally)."""
    named, rest = _operation(text)
    return named or _target(rest)


def assign(text: str, reports: list[dict]) -> None:
    """Set `campaign` on every coalition report (in place), None on the others."""
    document = None
    for report in reports:
        if report["actor"] != "coalition":
            report["campaign"] = None
            continue
        start, end = report["evidence"]["start"], report["evidence"]["end"]
        found = of_text(report["evidence"]["text"]) or of_text(text[max(0, start - AROUND) : end + AROUND])
        if not found:
            document = document or of_text(text) or COUNTER_ISIS
            found = document
        report["campaign"] = found

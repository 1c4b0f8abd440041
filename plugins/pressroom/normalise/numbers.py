"""Quantities as intervals: "12" → 12..12, "twenty-one" → 21, "a dozen" → 12, "dozens" → at least 24.

A count is `{"low": int|None, "best": int|None, "high": int|None}`. `best` is set only when the text states
the number exactly; vague and approximate quantities give bounds and leave `best` null:
"several" ≥ 3, "dozens of" ≥ 24, "tens of thousands" ≥ 20 000, "at least N" ≥ N, "more than N" ≥ N+1,
"up to N" ≤ N, "nearly N" 0.9N..N, "about N" 0.9N..1.1N.
"""

from __future__ import annotations

import math
import re

# fmt: off
UNITS = {
    "a": 1, "an": 1, "one": 1, "single": 1, "another": 1, "no": 0, "zero": 0, "two": 2, "three": 3, "four": 4,
    "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "a dozen": 12, "two dozen": 24, "three dozen": 36,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
ORDINALS = ("second", "third", "fourth", "fifth")  # "a third air strike" is one strike
# Vague quantities → lower bound (a plural "strikes" without any quantity is at least 2: see strikes.py).
VAGUE_LOW = {
    "a few": 2, "few": 2, "a couple of": 2, "a handful of": 2, "multiple": 2, "a number of": 2,
    "a series of": 2, "more": 2, "several": 3, "numerous": 3, "dozens of": 24, "dozens": 24, "scores of": 40,
    "hundreds of": 200, "hundreds": 200, "several hundred": 300, "thousands of": 2000, "thousands": 2000,
    "tens of thousands of": 20000, "tens of thousands": 20000,
}
# fmt: on
APPROXIMATE = ("about", "around", "approximately", "some", "roughly", "an estimated")
BELOW = ("nearly", "almost", "up to", "fewer than", "less than")
ABOVE = ("more than", "over", "at least")

_WORD = "|".join(sorted(list(UNITS) + list(TENS), key=len, reverse=True))
_DIGITS = r"\d{1,3}(?:,\d{3})+|\d+"
_ONES = "one|two|three|four|five|six|seven|eight|nine"
# "twenty-one", "21", "1,200", "fives" (a source typo for "five"; accepted only as the plural of a number word)
CARDINAL = rf"(?:(?:{'|'.join(TENS)})[- ](?:{_ONES})|{_DIGITS}|(?:{_WORD})s?)"
_VAGUE = "|".join(sorted((re.escape(k) for k in VAGUE_LOW), key=len, reverse=True))
_BOUND = "|".join(sorted(APPROXIMATE + BELOW + ABOVE, key=len, reverse=True))


def quantity(name: str = "q") -> str:
    """Regex for a quantity in front of a noun ("at least 133", "a dozen", "dozens of", "a third"), with
    group names prefixed by `name` so that one pattern can hold several quantities."""
    return (
        rf"(?:(?P<{name}_bound>{_BOUND})\s+)?(?:(?P<{name}_vague>{_VAGUE})"
        rf"|(?P<{name}_ordinal>a (?:{'|'.join(ORDINALS)}))|(?P<{name}_card>{CARDINAL}))"
    )


QUANTITY_RE = re.compile(rf"\b{quantity()}\b", re.IGNORECASE)


def cardinal(word: str) -> int | None:
    """A single cardinal ("21", "1,200", "twenty-one", "a dozen", "fives") as an int, or None."""
    w = word.lower().strip()
    if re.fullmatch(_DIGITS, w):
        return int(w.replace(",", ""))
    parts = re.split(r"[- ]", w)
    if len(parts) == 2 and parts[0] in TENS and parts[1] in UNITS:
        return TENS[parts[0]] + UNITS[parts[1]]
    if w in UNITS:
        return UNITS[w]
    if w in TENS:
        return TENS[w]
    if w.endswith("s") and UNITS.get(w[:-1], 0) > 1:
        return UNITS[w[:-1]]
    return None


def exact(n: int) -> dict:
    return {"low": n, "best": n, "high": n}


def at_least(n: int) -> dict:
    return {"low": n, "best": None, "high": None}


def bounded(n: int, bound: str) -> dict:
    """The interval of "<bound> n" ("more than 60", "nearly 100", "about 20")."""
    if bound in ABOVE:
        return at_least(n + 1 if bound != "at least" else n)
    if bound in ("fewer than", "less than"):
        return {"low": None, "best": None, "high": n - 1}
    if bound == "up to":
        return {"low": None, "best": None, "high": n}
    if bound in BELOW:  # nearly, almost
        return {"low": math.floor(n * 0.9), "best": None, "high": n}
    return {"low": math.floor(n * 0.9), "best": None, "high": math.ceil(n * 1.1)}  # about, around, some


def interval(match: re.Match, name: str = "q") -> dict | None:
    """The interval of the quantity captured under `name` in `match`, or None when there is none."""
    groups = match.groupdict()
    if groups.get(f"{name}_ordinal"):
        return exact(1)
    if groups.get(f"{name}_vague"):
        return at_least(VAGUE_LOW[groups[f"{name}_vague"].lower()])
    n = cardinal(groups[f"{name}_card"]) if groups.get(f"{name}_card") else None
    if n is None:
        return None
    bound = (groups.get(f"{name}_bound") or "").lower()
    return bounded(n, bound) if bound else exact(n)


def parse(text: str) -> dict | None:
    """The interval of a whole quantity phrase ("at least 133", "tens of thousands"), or None."""
    m = QUANTITY_RE.fullmatch(text.strip())
    return interval(m) if m else None

"""Targets and effects: "destroyed four ISIS oil refinement stills, three oil storage tanks and a vehicle" →
[{"type": "oil infrastructure", "count": 4, "effect": "destroyed"}, …].

Effects: destroyed, damaged, suppressed, engaged. Types come from a small taxonomy (TYPES); an object that
fits none is typed "other". Counts are exact numbers when stated ("a"/"an" = 1), else null.
"""

from __future__ import annotations

import functools
import re

from . import numbers

EFFECTS = {
    "destroyed": "destroyed",
    "destroying": "destroyed",
    "took out": "destroyed",
    "blasted": "destroyed",
    "damaged": "damaged",
    "degraded": "damaged",
    "damaging": "damaged",
    "suppressed": "suppressed",
    "engaged": "engaged",
    "struck": "engaged",
    "hit": "engaged",
    "hitting": "engaged",
    "striking": "engaged",
}
# The first type whose pattern matches the object wins (so "oil storage tanks" are oil infrastructure, not vehicles).
TYPES = {
    "oil infrastructure": r"oil|wellheads?|pump ?jacks?|refiner(?:y|ies)|stills?|tanker trucks?|fuel trucks?",
    "vbied": r"vehicle[- ]borne improvised explosive devices?|VBIEDs?|vehicle bombs?|car bombs?",
    "tactical unit": (
        r"tactical units?|units? of (?:militant )?fighters|fighting units?|large units?|heavy machine gun teams?|"
        r"mortar teams?"
    ),
    "fighting position": r"fighting positi?ons?|sniper positions?|mortar positions?|positions?|emplacements?",
    "tunnel": r"tunnels?(?: systems?| entrances?)?",
    "cave": r"caves?",
    "camp": r"camps?(?: sites?)?|hideouts?|safe ?houses?|training (?:camps?|areas?)|dwellings?",
    "command and control": r"command[- ]and[- ]control (?:nodes?|centers?)|headquarters",
    "weapons": (
        r"weapons? (?:caches?|storage facilit(?:y|ies)|systems?)|mortar systems?|mortars?|heavy machine guns?|"
        r"artillery(?: systems?| pieces?| weapons?)?|rockets?|"
        r"anti-(?:air|aircraft)\w*(?: artillery)?(?: pieces?| guns?| weapons?)?|"
        r"ammo caches?|explosives? (?:caches?|storage facilit(?:y|ies))|supply caches?|weapons?"
    ),
    "vehicle": (
        r"(?:tactical |armou?red |armed )?vehicles?|trucks?|pickup trucks?|humvees?|armou?red personnel carriers?|"
        r"tanks?|front end loaders?"
    ),
    "building": r"buildings?|warehouses?|facilit(?:y|ies)|staging areas?|logistics centers?|storage containers?",
    "supply route": r"supply routes?|lines? of communication|roads?|bridges?",
    "checkpoint": r"checkpoints?",
    "aircraft": r"unmanned aerial (?:systems?|vehicles?)|drones?",
}
_EFFECT_RE = re.compile(r"\b(" + "|".join(sorted(EFFECTS, key=len, reverse=True)) + r")\b", re.IGNORECASE)
_ITEM_SPLIT = re.compile(r",\s*(?:and\s+)?|\s+and\s+")
_QTY = re.compile(rf"^\s*(?:{numbers.quantity()})\b\s*", re.IGNORECASE)
_TYPE_RES = [(name, re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE)) for name, pattern in TYPES.items()]


def classify(obj: str) -> str | None:
    for name, pattern in _TYPE_RES:
        if pattern.search(obj):
            return name
    return None


def extract(clause: str) -> list[dict]:
    """Targets with counts and effects named in one clause (a fresh list: the clause is read once, see _extract)."""
    return [dict(t) for t in _extract(clause)]


@functools.lru_cache(maxsize=256)  # every mention of a clause asks for the same clause's targets
def _extract(clause: str) -> tuple[dict, ...]:
    out: list[dict] = []
    marks = list(_EFFECT_RE.finditer(clause))
    for i, m in enumerate(marks):
        effect = EFFECTS[m.group(1).lower()]
        end = marks[i + 1].start() if i + 1 < len(marks) else len(clause)
        objects = re.split(
            r"[.;:”\"(]|\b(?:near|in|around|across|while|which|that|killing|where|before|after)\b",
            clause[m.end() : end],
        )[0]
        for item in _ITEM_SPLIT.split(objects):
            kind = classify(item)
            if not kind:
                continue
            q = _QTY.match(item)
            count = numbers.interval(q) if q else None
            out.append({"type": kind, "count": count["best"] if count else None, "effect": effect})
    return tuple(out)

"""Who struck: the US-led coalition or another actor — and mentions that are no strike report at all.

`coalition`: CJTF-OIR, Operation Inherent Resolve, CENTCOM, the US-led coalition, U.S. forces and partner air
forces. `other`: Russian, Syrian-regime, Turkish, Iraqi-only (Iraqi air force, Iraqi Security Forces, "Iraq's
warplanes", the Security Media Cell), Iranian or Israeli strikes, unidentified aircraft. The target is a
separate question (campaign.py): a U.S. strike on a militia is `coalition`. The cues are data
(data/vocabulary/actors.yaml). A nationality inside the strike phrase ("an Iraqi airstrike") decides; then the
actor cue nearest before the mention; then a cue anywhere in the clause; then the actor of the latest mention that
had a cue ("Iraqi warplanes carried out several
airstrikes … The strike was the second this year"); then the document default (`other` when the document names
other actors only). ISIS striking (or anyone striking Iraqi, Kurdish or coalition forces) is an attack, not a
strike report.
"""

from __future__ import annotations

import re

from . import vocabulary

_VOCABULARY = vocabulary.load("actors")
CUES = {name: "|".join(patterns) for name, patterns in _VOCABULARY.items() if name != "in_mention"}
CUE_RE = re.compile(
    "|".join(rf"(?P<{name.replace('-', '_')}>{pattern})" for name, pattern in CUES.items()).join(
        (r"(?<![\w-])(?:", r")(?![\w-])")
    ),
    re.IGNORECASE,
)
COALITION = re.compile(rf"(?<![\w-])(?:{CUES['coalition']})(?![\w-])")
# A nationality inside the strike phrase itself: "an Iraqi airstrike", "a Turkish drone strike".
IN_MENTION = {
    actor: re.compile(vocabulary.words(patterns), re.IGNORECASE)
    for actor, patterns in _VOCABULARY["in_mention"].items()
}
# ISIS as the one who strikes: "ISIS militants launched a drone strike", "the group later launched a strike".
ISIS_SUBJECT = re.compile(
    r"\b(?:ISIS|ISIL|Daesh|Islamic State|IS|militants|jihadists|insurgents|the group)\b[^.;,]{0,40}"
    r"\b(?:launched|carried out|conducted|claimed)\s*$",
    re.IGNORECASE,
)
ON_PARTNERS = re.compile(
    r"\b(?:on|against|targeting|at)\s+(?:(?:an?|the)\s+)?(?:U\.S\.-led\s+|US-led\s+)?"
    r"(?:Iraqi|Peshmerga|Kurdish|U\.S\.|US|coalition|American|SDF)\s+"
    r"(?:and (?:allied|coalition|partner|Coalition)\s+)?"
    r"(?:army\s+|military\s+)?(?:checkpoint|base|position|forces|troops|convoy|outpost|soldiers|patrol)",
    re.IGNORECASE,
)


# A text that can report strikes at all ("a single strike" in a film review cannot).
MILITARY = re.compile(
    r"\b(?:ISIS|ISIL|Daesh|Islamic State|coalition|air ?strikes?|air-strikes?|warplanes?|jets|drones?|military|"
    r"militants?|CJTF|CENTCOM|Central Command|Inherent Resolve|Pentagon|strikes? near|engagements?|tactical units?|"
    r"fighting positions?|militias?|(?:armed|security|military|U\.S\.|US|coalition) forces|troops)\b",
    re.IGNORECASE,
)


# A cue that names a supporting partner, not the striker: "Iraqi F-16s, with coalition intelligence support,
# struck …". A support phrase right before the mention still names it: "supported by coalition airstrikes".
SUPPORTING = re.compile(
    r"\b(?:with|(?:supported|backed|assisted|aided) by|in (?:coordination|cooperation) with|in support of|"
    r"with (?:\w+ )?support (?:from|of))(?: the)?\s*$",
    re.IGNORECASE,
)


def cue(before: str) -> str | None:
    """The actor family ("coalition", "russian", …) of the cue nearest before a mention, within 60 characters;
    a supporting partner's cue that does not stand right before the mention is passed over."""
    window = before[-60:]
    for m in reversed(list(CUE_RE.finditer(window))):
        detached = "," in window[m.end() :] or len(window[m.end() :].split()) > 1
        if SUPPORTING.search(window[: m.start()]) and detached:
            continue
        return m.lastgroup.replace("_", "-")
    return None


# An IED is an attack when it strikes ("an IED attack", "hit by an IED"), not when it is a target
# ("destroyed three vehicle-borne-IED facilities").
TERROR_ATTACK = re.compile(
    r"\bsuicide (?:bomber|attack|bombing)s?\b|\bcar bombs?\b|\broadside bombs?\b|"
    r"\bIEDs?\s+(?:attacks?|blasts?|explosions?|detonat\w*|struck|exploded)|\b(?:by|with) an? IED\b",
    re.I,
)


def is_attack(before: str, clause: str, around: str | None = None) -> bool:
    """ISIS striking, or anyone striking Iraqi, Kurdish or coalition forces (said within `around`, the mention and
    the words next to it; the whole clause when not given): an attack, no strike report."""
    near = clause if around is None else around
    return bool(ISIS_SUBJECT.search(before) or ON_PARTNERS.search(near) or TERROR_ATTACK.search(clause))


def document_default(text: str) -> str:
    """`other` for a document that names other actors and never the coalition; `coalition` otherwise (the
    pipeline reads coalition releases and the news quoting them)."""
    families = {m.lastgroup for m in CUE_RE.finditer(text)}
    return "other" if families and "coalition" not in families else "coalition"


def explicit(before: str, clause: str) -> str | None:
    """Actor that the clause itself names for a strike mention (`before` is the clause text up to the mention):
    the nearest cue before it, else another actor named anywhere in the clause; None without a cue."""
    family = cue(before)
    if family:
        return "coalition" if family == "coalition" else "other"
    families = {m.lastgroup for m in CUE_RE.finditer(clause)}
    if families and "coalition" not in families:
        return "other"
    return None


def in_mention(phrase: str) -> str | None:
    """The actor a strike phrase names itself ("an Iraqi airstrike" → other), or None."""
    found = [actor for actor, pattern in IN_MENTION.items() if pattern.search(phrase)]
    return found[0] if len(found) == 1 else None

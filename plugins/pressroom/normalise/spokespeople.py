"""Spokespeople and officials quoted for the coalition (and designated spokespeople of partners).

Three constructions are recognised:
- role before name: "Coalition Spokesperson Col. Myles B. Caggins III", "SDF spokesman Kino Gabriel",
  "Defense Secretary Ash Carter", "CJTF-OIR Commander Lt. Gen. Paul Funk II";
- role, then the name between commas: "the spokeswoman for the SDF campaign in Raqqa, Jihan Sheikh Ahmad, said";
- name before role: "Army Col. Myles B. Caggins III, a coalition military spokesman",
  "Maj. Gen. Eric Hill, commanding general of the coalition's special operations joint task force".
Designated spokespeople (and public affairs officers) of the coalition, defence ministries, armed forces and
partner forces are kept, not those of bodies that do not report military operations (White House, UN, State
Department, Taliban, monitors, companies, police); commanders, envoys and directors only when their role, or the
unit named after it ("commanding general, Special Operations Joint Task Force – Operation Inherent Resolve"),
names the coalition (local Peshmerga or Iraqi army commanders who brief the press are not spokespeople). "The
spokesman for the US-led coalition said …" followed by "US Army Col. Wayne Marotto wrote …" names that officer.
Ranks are normalised with or without periods ("Colonel", "Col" → "Col.", "UK Major General", "Maj Gen." →
"Maj. Gen."); names are kept as written, without rank.

`canonical_key` is the registry key that merges name variants: "Col. Myles B. Caggins III" and "Caggins" → "caggins".
"""

from __future__ import annotations

import re
import unicodedata

from .text import Span, paragraphs

RANKS = {
    "lieutenant colonel": "Lt. Col.", "lt. col.": "Lt. Col.", "lieutenant general": "Lt. Gen.", "lt. gen.": "Lt. Gen.",
    "major general": "Maj. Gen.", "maj. gen.": "Maj. Gen.", "brigadier general": "Brig. Gen.",
    "brig. gen.": "Brig. Gen.", "general": "Gen.", "gen.": "Gen.", "colonel": "Col.", "col.": "Col.",
    "major": "Maj.", "maj.": "Maj.", "captain": "Capt.", "capt.": "Capt.", "rear admiral": "Rear Adm.",
    "rear adm.": "Rear Adm.", "vice admiral": "Vice Adm.", "vice adm.": "Vice Adm.", "admiral": "Adm.",
    "adm.": "Adm.", "lieutenant": "Lt.", "lt.": "Lt.", "sergeant": "Sgt.", "sgt.": "Sgt.",
    "lieutenant commander": "Lt. Cmdr.", "lt. cmdr.": "Lt. Cmdr.", "cmdr.": "Cmdr.",
}  # fmt: skip
# Ranks are matched with or without their periods ("Maj Gen.", "Lt Col"); the written form is looked up in RANKS.
_RANK = "|".join(
    re.escape(r).replace(r"\ ", r"\s+").replace(r"\.", r"\.?") for r in sorted(RANKS, key=len, reverse=True)
)
_RANK_KEYS = {key.replace(".", ""): rank for key, rank in RANKS.items()}
_SERVICE = r"(?:(?:U\.S\.|US|UK|British|French|Australian|Canadian|Army|Air Force|Navy|Marine(?: Corps)?)\s+)*"
RANK_RE = rf"(?:{_SERVICE}(?P<rank>(?i:{_RANK}))\s+)?"
_WORD = r"[A-Z]['’]?[a-z]+(?:[A-Z][a-z]+)?"  # Caggins, McGurk, O'Brien
NAME_RE = rf"(?P<name>{_WORD}(?: [A-Z]\.)?(?: (?:al-|bin )?{_WORD}(?:-{_WORD})?){{1,2}}(?: (?:III|II|IV|Jr\.|Sr\.))?)"
SPOKES = (
    r"(?i:spokes(?:man|woman|person)|press secretary|press officer|Defense Secretary|Secretary of Defense|"
    r"public affairs (?:officer|director|chief)|(?:chief|director) of public affairs)"
)
# Capitalised words that open a sentence rather than a role ("While White House press secretary …").
_NOT_ROLE = r"(?:While|And|But|The|A|An|As|When|Said|In|On|At|Meanwhile|However|According|Former|Then)\b"
# Officials other than spokespeople count only when their role names the coalition (COALITION_ROLE).
OFFICIAL = r"(?i:(?:deputy )?commander|commanding general|(?:special )?(?:presidential )?envoy|director)"
ROLE_FIRST_RE = re.compile(
    rf"(?P<role>(?:(?!{_NOT_ROLE})(?:[A-Z][\w-]*(?:['’]s)?|coalition|military|chief|official|deputy|principal)\s+)"
    rf"{{0,4}}(?:{SPOKES}|{OFFICIAL}))\s+{RANK_RE}{NAME_RE}"
)
_ROLE_CHAR = r"(?:U\.S\.|U\.K\.|[^,.;“\"])"  # a role runs to the next punctuation, "U.S.-led" included
NAME_FIRST_RE = re.compile(
    rf"{RANK_RE}{NAME_RE},\s+(?:(?:a|an|the)\s+)?(?P<role>(?:the\s+)?{_ROLE_CHAR}{{0,40}}?"
    rf"(?:{SPOKES}|{OFFICIAL}){_ROLE_CHAR}{{0,70}}?)(?=[,.;“\"]|\s+said|\s+told|$)"
)
# "the spokeswoman for the SDF campaign in Raqqa, Jihan Sheikh Ahmad, said": the role, then the name in commas.
ROLE_COMMA_NAME_RE = re.compile(
    rf"\b[Tt]he\s+(?P<role>{_ROLE_CHAR}{{0,40}}?{SPOKES}{_ROLE_CHAR}{{0,60}}?),\s+{RANK_RE}{NAME_RE},"
)
# The unit a role names after a comma: "Maj Gen. Eric Hill, commanding general, Special Operations Joint Task
# Force – Operation Inherent Resolve, said".
ROLE_TAIL_RE = re.compile(rf",\s+(?P<unit>{_ROLE_CHAR}{{3,90}}?)(?=,|[.;“\"]|$)")
SPEECH_VERB = r"(?:said|says|told|wrote|tweeted|added|stated)"
# "The spokesman for the US-led anti-ISIS coalition said …" with the name only in a later sentence: "US Army Col.
# Wayne Marotto wrote on Twitter". The named officer must carry a U.S. or coalition service before the rank.
UNNAMED_SPOKES_RE = re.compile(
    r"\b(?:the|a)\s+(?P<role>(?:[\w.-]+\s+){0,3}?spokes(?:man|woman|person)\b"
    rf"(?:\s+for\s+(?:(?!\s{SPEECH_VERB}\b)[^,.;]){{0,60}})?)",
    re.I,
)
QUOTED_OFFICER_RE = re.compile(
    rf"\b(?:U\.S\.|US|coalition)\s+(?:(?:Army|Air Force|Navy|Marine Corps|Marine)\s+)?(?P<rank>(?i:{_RANK}))\s+"
    rf"{NAME_RE}(?P<role>)\s+{SPEECH_VERB}\b"
)
COALITION_ROLE = re.compile(r"coalition|CJTF|Inherent Resolve|Joint Task Force|OIR|CENTCOM|Central Command", re.I)
EXCLUDED_ROLE = re.compile(r"Peshmerga|PUK|KDP|Iraqi Army|Popular Mobilization|reporter|activist|sheikh", re.I)
# Designated spokespeople of bodies that do not report military operations (the pipeline keeps the coalition's,
# defence ministries', armed forces' and partner forces' spokespeople).
NOT_MILITARY_ROLE = re.compile(
    r"White House|United Nations|\bUN\b|UNICEF|UNHCR|Red Cross|ICRC|State Department|Taliban|Observatory|"
    r"company|airline|hospital|police",
    re.I,
)
ORGANISATIONS = [
    ("SDF", re.compile(r"\bSDF\b|Syrian Democratic Forces")),
    ("DoD", re.compile(r"Defense Secretary|Secretary of Defense|Pentagon", re.I)),
    ("CENTCOM", re.compile(r"CENTCOM|Central Command", re.I)),
    ("Global Coalition", re.compile(r"Global Coalition", re.I)),
    ("CJTF-OIR", COALITION_ROLE),
    ("Iraqi military", re.compile(r"Iraq['’]s|Iraqi", re.I)),
]
QUOTE_RE = re.compile(r"“([^”]{3,})”|\"([^\"]{3,})\"")
SUFFIXES = {"iii", "ii", "iv", "jr", "sr"}


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def canonical_key(name: str) -> str:
    """Registry key of a person: the folded last name, without rank words, initials or suffixes."""
    words = [w for w in re.split(r"[^a-z'-]+", fold(name)) if w]
    words = [w for w in words if w not in SUFFIXES and len(w) > 1 and f"{w}." not in RANKS and w not in RANKS]
    return words[-1].strip("'-") if words else ""


def normalise_rank(rank: str | None) -> str | None:
    return _RANK_KEYS.get(re.sub(r"\s+", " ", rank.lower().replace(".", ""))) if rank else None


def organisation(role: str) -> str | None:
    return next((org for org, pattern in ORGANISATIONS if pattern.search(role)), None)


def _person(text: str, m: re.Match, role: str) -> dict:
    start = m.start("rank") if m["rank"] else m.start("name")
    end = max(m.end("name"), m.end("role"))
    start = min(start, m.start("role"))
    return {
        "name": m["name"],
        "rank": normalise_rank(m["rank"]),
        "role": role.strip(),
        "organisation": organisation(role),
        "evidence": {"text": text[start:end], "start": start, "end": end},
        "canonical_name": m["name"],
        "canonical_key": canonical_key(m["name"]),
        "quotes": [],
    }


def _accepted(role: str) -> bool:
    if EXCLUDED_ROLE.search(role):
        return False
    if re.search(SPOKES, role, re.I):
        return not NOT_MILITARY_ROLE.search(role)
    return bool(COALITION_ROLE.search(role))


def _full_role(text: str, m: re.Match) -> str:
    """The role, with the unit named after it when the role itself names none ("commanding general, Special
    Operations Joint Task Force – Operation Inherent Resolve")."""
    role = m["role"]
    tail = ROLE_TAIL_RE.match(text, m.end("role"))
    if tail and not organisation(role) and COALITION_ROLE.search(tail["unit"]):
        return f"{role}, {tail['unit']}"
    return role


def extract(text: str) -> list[dict]:
    """Spokespeople of one document, one per person, with the quotes attributed to them."""
    people: dict[str, dict] = {}
    for regex in (ROLE_FIRST_RE, NAME_FIRST_RE, ROLE_COMMA_NAME_RE):
        for m in regex.finditer(text):
            role = _full_role(text, m)
            if not _accepted(role) or re.match(r"(?:The|A|An|In|On|He|She)\b", m["name"]):
                continue
            person = _person(text, m, role)
            key = canonical_key(person["name"])
            known = people.get(key)
            if known is None or len(person["name"]) > len(known["name"]):
                people[key] = person
    if not any(p["organisation"] == "CJTF-OIR" for p in people.values()):
        unnamed = _unnamed_coalition_spokesperson(text)
        if unnamed:
            people.setdefault(unnamed["canonical_key"], unnamed)
    for paragraph in paragraphs(text):  # quotes of the paragraphs that name the person (full name or surname)
        for key, person in people.items():
            if key and re.search(rf"\b{re.escape(key)}\b", fold(paragraph.text)):
                person["quotes"].extend(_quotes(paragraph))
    return sorted(people.values(), key=lambda p: p["evidence"]["start"])


def _unnamed_coalition_spokesperson(text: str) -> dict | None:
    """The officer a document quotes after naming the coalition's spokesperson without a name, if any."""
    role = next((m["role"] for m in UNNAMED_SPOKES_RE.finditer(text) if COALITION_ROLE.search(m["role"])), None)
    officer = QUOTED_OFFICER_RE.search(text)
    return _person(text, officer, role) if role and officer else None


def _quotes(s: Span) -> list[dict]:
    out = []
    for q in QUOTE_RE.finditer(s.text):
        group = 1 if q.group(1) else 2
        start = s.start + q.start(group)
        out.append({"text": q.group(group), "start": start, "end": start + len(q.group(group))})
    return out

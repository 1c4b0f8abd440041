"""Named officials who speak on the record for the coalition, CENTCOM, the Pentagon, partner defence ministries
and partner forces (contract: `spokespeople`).

A person is first *mentioned* with a role or rank, by one of these rules (the fact's `rule`):
- `speaker.role-name`: role before the name, "CENTCOM commander Gen. Michael Erik Kurilla", "French Armed Forces
  Minister Sébastien Lecornu";
- `speaker.name-role`: the name, then the role after a comma or "is the": "Dana Stroul, Deputy Assistant Secretary
  for Defense …", "Brigadier Karl Harris is the Deputy Commanding General of …";
- `speaker.role-comma-name`: "the spokeswoman for the SDF campaign in Raqqa, Jihan Sheikh Ahmad, said";
- `speaker.heading`: a transcript heading, "MAJ. GEN. PAT RYDER:", "GEN. KURILLA:", "General Pat Ryder (00:04):";
- `speaker.signature`: the signature line under a quoted statement, "~Col. Myles B. Caggins III, Coalition Spokesman";
- `speaker.rank-name`: a ranked officer with service words and no role who speaks, "said U.S. Army Col. …";
- `speaker.unnamed-spokesperson`: "the spokesman for the US-led coalition said …" then "US Army Col. Wayne Marotto
  wrote …" names that officer.
The person is kept only if the role belongs to a listed organisation or is a spokesperson's with a defence cue
("military spokesperson"), and no excluded body is named (vocabularies: `data/spokespeople.yaml`); and only if
the person speaks: a speech verb right after the mention ("… Kurilla said", "… Sabrina Singh stated that", not
"…, officials said"), a speech cue right before it ("said Adm. Brad Cooper", "according to", "I'm Brigadier
General Pat Ryder"), a quote after a colon; or, marked `+said-later`, the surname with a speech verb elsewhere
("Barzani tweeted", "Brig Harris added"). People only met, visited, photographed or targeted are not listed.
Names are kept as written, without rank, with the quotation marks of a nickname dropped ("Mike “Erik” Kurilla" →
"Mike Erik Kurilla").

`canonical_key` is the registry key that merges name variants: "Col. Myles B. Caggins III" and "Caggins" → "caggins".
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml

from .text import Span, paragraphs, sentences

VOCABULARY = yaml.load(  # noqa: S506 (a safe loader: libyaml's when built, else the pure-Python one)
    (Path(__file__).resolve().parent.parent / "data" / "spokespeople.yaml").read_text("utf-8"),
    Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader),
)


def _alternation(phrases, *, loose_periods: bool = False) -> str:
    """Whole-phrase alternation, longest first; spaces match any run of spaces or a hyphen ("Major-General")."""
    parts = []
    for phrase in sorted(set(phrases), key=len, reverse=True):
        part = re.escape(phrase).replace(r"\ ", r"[\s-]+")
        parts.append(part.replace(r"\.", r"\.?") if loose_periods else part)
    return "|".join(parts)


def _words(phrases, flags: int = 0) -> re.Pattern:
    """Any of the phrases as whole words."""
    return re.compile(rf"(?<![\w-])(?:{_alternation(phrases)})(?![\w-])", flags)


RANKS = {form: rank for rank, forms in VOCABULARY["ranks"].items() for form in forms}
_RANK_KEYS = {re.sub(r"[\s.-]+", " ", form).strip(): rank for form, rank in RANKS.items()}
_RANK = rf"(?i:{_alternation(RANKS, loose_periods=True)})(?![\w-])"
_SERVICE = rf"(?:(?:{_alternation(VOCABULARY['services'])})\s+)*"
RANK_RE = rf"(?:(?P<service>{_SERVICE})(?P<rank>{_RANK})\s+)?"
_TITLE = rf"(?:{_alternation(VOCABULARY['titles'], loose_periods=True)})"

_UP, _LO = "A-ZÀ-ÖØ-Þ", "a-zß-öø-ÿ"
_NAME_WORD = rf"[{_UP}](?:['’][{_UP}])?[{_LO}]+(?:[{_UP}][{_LO}]+)?(?:-[{_UP}{_LO}][{_LO}]+)*"  # McGurk, Jean-Noël
_NICKNAME = rf"[“\"‘']{_NAME_WORD}[”\"’']"
_SUFFIX = r"(?:III|II|IV|Jr\.|Sr\.)"
_GAP = r"[ \t\u00a0]+"
NAME_RE = (
    rf"(?P<name>{_NAME_WORD}(?:{_GAP}(?:[{_UP}]\.|{_NICKNAME}))*"
    rf"(?:{_GAP}(?:al-|Al-|bin |ibn |de |van )?{_NAME_WORD}){{1,2}}(?:,?{_GAP}{_SUFFIX})?)"
)

_SPOKES = _alternation(VOCABULARY["spokesperson_roles"])
_OFFICIAL = _alternation(VOCABULARY["official_roles"])
_MINISTER = _alternation(VOCABULARY["ministerial_roles"])
_HEAD = rf"(?i:{_SPOKES}|{_MINISTER}|{_OFFICIAL})(?![\w-])"
SPOKES_RE = _words(VOCABULARY["spokesperson_roles"], re.I)
MINISTER_RE = _words(VOCABULARY["ministerial_roles"], re.I)
DEFENCE_CUE_RE = _words(VOCABULARY["defence_cues"], re.I)
_NOT_ROLE = rf"(?:{_alternation(VOCABULARY['not_role_words'])})\b"
_ROLE_WORD = (
    rf"(?:(?!{_NOT_ROLE})(?:U\.S\.|U\.K\.|\([{_UP}][\w-]*\)|[{_UP}][\w-]*(?:['’]s)?|coalition|military|chief|deputy"
    r"|principal)\s+)"
)
_ROLE_CHAR = r"(?:U\.S\.|U\.K\.|[^,.;:“\"\n])"  # a role runs to the next punctuation, "U.S.-led" included

ROLE_NAME_RE = re.compile(rf"(?P<role>{_ROLE_WORD}{{0,4}}{_HEAD})\s+{RANK_RE}{NAME_RE}")
NAME_ROLE_RE = re.compile(
    rf"{RANK_RE}{NAME_RE}(?:,\s+|\s+(?:is|was|serves as)\s+)(?:(?:a|an|the)\s+)?(?P<role>(?:the\s+)?"
    rf"{_ROLE_CHAR}{{0,40}}?{_HEAD}{_ROLE_CHAR}{{0,80}}?)(?=[,.;:“\"\n]|\s+(?:said|told|in)\b|$)"
)
# "the spokeswoman for the SDF campaign in Raqqa, Jihan Sheikh Ahmad, said"; after a comma or at the start of a
# sentence also without "the": "Operation Inherent Resolve's Commanding General, Lt. Gen. X, said".
_ROLE_COMMA_NAME = rf"(?P<role>{_ROLE_CHAR}{{0,40}}?{_HEAD}{_ROLE_CHAR}{{0,60}}?),\s+{RANK_RE}{NAME_RE},"
ROLE_COMMA_NAME_RE = re.compile(rf"(?:\b[Tt]he\s+|(?<=, )(?=[{_UP}])){_ROLE_COMMA_NAME}")
SENTENCE_ROLE_COMMA_NAME_RE = re.compile(rf"(?:[Tt]he\s+)?{_ROLE_COMMA_NAME}")
# A ranked officer without a role, speaking: "“…,” said U.S. Army Lt. Gen. Paul Funk." (speaks for the
# organisation the document names or, failing that, the one the service words name).
RANK_NAME_RE = re.compile(rf"(?P<service>{_SERVICE})(?P<rank>(?=[{_UP}]){_RANK})\s+{NAME_RE}(?P<role>)")
# The unit a role names after a comma: "Maj Gen. Eric Hill, commanding general, Special Operations Joint Task
# Force – Operation Inherent Resolve, said".
ROLE_TAIL_RE = re.compile(rf",\s+(?P<unit>{_ROLE_CHAR}{{3,90}}?)(?=,|[.;“\"]|$)")
_CAPS_WORD = rf"[{_UP}](?:['’][{_UP}])?[{_UP}]+(?:-[{_UP}]+)*"
HEADING_RE = re.compile(
    rf"^[ \t]*(?:(?P<rank>{_RANK})|(?P<title>(?i:{_TITLE}))(?:[ \t]+OF[ \t]+(?:DEFENSE|WAR))?)?[ \t]*"
    rf"(?P<name>{_CAPS_WORD}(?:[ \t]+(?:[{_UP}]\.|{_CAPS_WORD})){{0,3}}(?:,?[ \t]+{_SUFFIX})?)[ \t]*:",
    re.M,
)

# "General Patrick Ryder (00:04):": a transcript speaker written in mixed case, with the time stamp of the recording.
TIMESTAMP_HEADING_RE = re.compile(
    rf"^[ \t]*(?:(?P<rank>{_RANK})[ \t]+)?{NAME_RE}[ \t]*\(\d{{1,2}}:\d{{2}}(?::\d{{2}})?\)[ \t]*:", re.M
)
# "~Col. Myles B. Caggins III, Coalition Spokesman" on its own line right after a quoted statement: its signature.
SIGNATURE_RE = re.compile(
    rf"[”\"][ \t]*\n[ \t\n]*[~–—-]*[ \t]*{RANK_RE}{NAME_RE},[ \t]+(?P<role>[^,.;:\n]{{3,80}}?)[ \t]*$", re.M
)

_SPEECH_VERB = _alternation(VOCABULARY["speech_verbs"])
# A speech verb, not in the passive ("was briefed", "were told"; "was quoted" is listed as a cue of its own).
SPEECH_AFTER_RE = re.compile(
    rf"(?i:(?<![\w-])(?<!\bwas )(?<!\bwere )(?<!\bbeen )(?<!\bbeing )(?:{_SPEECH_VERB})(?![\w-]))"
)
SPEECH_BEFORE_RE = re.compile(
    rf"(?<![\w-])(?i:{_alternation(VOCABULARY['speech_before'])})(?:\s+[\w.]+){{0,2}}[\s,]*$"
)
# Where the clause after a mention ends: a sentence end (not "U.S." or a rank or title abbreviation such as "Adm."),
# a line end or a quotation mark.
_ABBREVIATIONS = sorted({word[:-1].capitalize() for form in [*RANKS, *VOCABULARY["titles"]] for word in form.split()
                         if word.endswith(".")})
CLAUSE_END_RE = re.compile(
    r"(?<![A-Z])" + "".join(rf"(?<!\b{a})" for a in _ABBREVIATIONS) + r"[.!?;](?=\s|$)|\n|[“”\"]"
)
# "The spokesman for the US-led anti-ISIS coalition said …" with the name only in a later sentence: "US Army Col.
# Wayne Marotto wrote on Twitter". The named officer must carry a U.S. or coalition service before the rank.
UNNAMED_SPOKES_RE = re.compile(
    rf"\b(?:the|a)\s+(?P<role>(?:[\w.-]+\s+){{0,3}}?(?:{_SPOKES})\b(?:\s+for\s+(?:(?!\s(?:said|told)\b)[^,.;]){{0,60}})?)",
    re.I,
)
QUOTED_OFFICER_RE = re.compile(
    rf"\b(?P<service>(?:U\.S\.|US|coalition)\s+(?:(?:Army|Air Force|Navy|Marine Corps|Marine)\s+)?)(?P<rank>{_RANK})\s+"
    rf"{NAME_RE}(?P<role>)\s+(?i:{_SPEECH_VERB})\b"
)
EXCLUDED_RE = _words(VOCABULARY["excluded_roles"], re.I)
EXCLUDED_PRINCIPAL_RE = _words(VOCABULARY["excluded_principals"], re.I)
NOT_NAME_WORDS = frozenset(VOCABULARY["not_name_words"])
OTHER_SPEAKERS = frozenset(word.lower() for word in VOCABULARY["other_speakers"])
ORGANISATIONS = [(org, _words(aliases, re.I)) for org, aliases in VOCABULARY["organisations"].items()]
NATIONALITIES = [(org, _words(aliases)) for org, aliases in VOCABULARY["nationalities"].items()]
SPELLINGS = [(org, _words([word])) for word, org in VOCABULARY["spellings"].items()]
# Sentences without one of these hold no mention and are skipped (most of a news page): a role (in the lower-cased
# text), or the first word of a rank as written before a name ("Gen.", "Gen ", "General ", "Major-"). Plain
# literals, so that finding them is cheap. Headings are read over the whole text.
ROLE_ANCHOR_RE = re.compile("|".join(map(re.escape, sorted({role.lower() for role in (
    *VOCABULARY["spokesperson_roles"], *VOCABULARY["official_roles"], *VOCABULARY["ministerial_roles"])},
    key=len, reverse=True))))
RANK_ANCHOR_RE = re.compile("|".join(map(re.escape, sorted({
    first.capitalize() + end for form in RANKS for first in [form.split()[0].rstrip(".")]
    for end in ((".", " ") if form.split()[0].endswith(".") else (" ", "-"))
}, key=len, reverse=True))))
PRECEDING_RE = re.compile(r"(?:[\w'’.()-]+[ \t]+){0,3}$")
QUOTE_RE = re.compile(r"“([^”]{3,})”|\"([^\"]{3,})\"")
SUFFIXES = {"iii", "ii", "iv", "jr", "sr"}


@dataclass
class Mention:
    """A named person with a role or rank, as one rule found it."""

    rule: str
    name: str
    rank: str | None
    role: str
    prefix: str  # service words written before the rank ("Peshmerga", "U.S. Army")
    start: int
    end: int
    speaks: bool


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def canonical_key(name: str) -> str:
    """Registry key of a person: the folded last name, without rank words, initials or suffixes."""
    words = [w for w in re.split(r"[^a-z'-]+", fold(name)) if w]
    words = [w for w in words if w not in SUFFIXES and len(w) > 1 and f"{w}." not in RANKS and w not in RANKS]
    return words[-1].strip("'-") if words else ""


def normalise_rank(rank: str | None) -> str | None:
    return _RANK_KEYS.get(re.sub(r"[\s.-]+", " ", rank.lower()).strip()) if rank else None


def body(text: str) -> str | None:
    """The first listed organisation (in the data file's order) that `text` names by one of its aliases."""
    return next((org for org, pattern in ORGANISATIONS if pattern.search(text)), None)


def organisation(role: str, prefix: str = "", ranked: bool = False) -> str | None:
    """The canonical organisation a role (or the service words before a rank) names; a nationality counts for
    ranked officers and roles with a defence cue; for a minister, else the spelling of "Defense"/"Defence"."""
    org = body(role) or body(prefix)
    if org:
        return org
    if ranked or DEFENCE_CUE_RE.search(role):
        for text in (role, prefix):
            org = next((org for org, pattern in NATIONALITIES if pattern.search(text)), None)
            if org:
                return org
    if not MINISTER_RE.search(role):
        return None
    return next((org for org, pattern in SPELLINGS if pattern.search(role)), None)


def accepted(role: str, prefix: str = "", ranked: bool = False) -> bool:
    """The role is one the contract lists: a spokesperson or an official of a listed organisation, or a
    spokesperson whose role has a defence cue ("military spokesperson"); a minister or secretary only with a
    defence cue."""
    spokes, cue = SPOKES_RE.search(role), DEFENCE_CUE_RE.search(role)
    if EXCLUDED_RE.search(f"{prefix} {role}"):
        return False
    if EXCLUDED_PRINCIPAL_RE.search(f"{prefix} {role}") and not (spokes and cue):
        return False
    if MINISTER_RE.search(role) and not (spokes or cue):
        return False
    return organisation(role, prefix, ranked) is not None or bool(spokes and cue)


def _name(m: re.Match) -> tuple[str, int]:
    """The matched name without the words after it that are never names ("Pat Ryder Holds a Press Briefing" →
    "Pat Ryder"), and where it ends."""
    written = m["name"]
    for word in re.finditer(r"[^\s“”\"‘’,]+", written):
        if word.start() and word[0] in NOT_NAME_WORDS:
            written = written[: word.start()].rstrip(" ,\t\u00a0“\"‘")
            break
    return _clean_name(written), m.start("name") + len(written)


def _plausible_name(name: str, min_words: int = 2) -> bool:
    words = re.findall(r"[\w’'-]+", name)
    return len(words) >= min_words and not any(w in NOT_NAME_WORDS for w in words)


def _clean_name(name: str) -> str:
    """Nickname quotation marks dropped, spaces collapsed."""
    return re.sub(r"\s+", " ", re.sub(r"[“”\"‘’](?=\w)|(?<=\w)[“”\"‘’](?!\w)", "", name)).strip()


def speaks_at(text: str, start: int, end: int) -> bool:
    """A speech verb in the clause right after `end`, a quote after a colon, or a speech cue right before `start`."""
    after = text[end : end + 100]
    stop = CLAUSE_END_RE.search(after)
    clause = after[: stop.start()] if stop else after
    if re.match(r"\s*:\s*[“\"]", after) or any(
        _word_before(clause, verb.start()) not in OTHER_SPEAKERS for verb in SPEECH_AFTER_RE.finditer(clause)
    ):
        return True
    before = text[max(0, start - 45) : start]
    before = re.split(r"[.!?;\n”]\s", before)[-1]
    return bool(SPEECH_BEFORE_RE.search(before))


def _word_before(text: str, at: int) -> str:
    words = text[:at].split()
    return words[-1].lower() if words else ""


def _full_role(text: str, m: re.Match) -> str:
    """The role, with the unit named after it when the role itself names none ("commanding general, Special
    Operations Joint Task Force – Operation Inherent Resolve")."""
    role = m["role"]
    tail = ROLE_TAIL_RE.match(text, m.end("role"))
    if tail and not organisation(role) and body(tail["unit"]):
        return f"{role}, {tail['unit']}"
    return role


def _mention(text: str, m: re.Match, rule: str) -> Mention | None:
    role = _full_role(text, m).strip()
    name, name_end = _name(m)
    start = min(m.start("rank") if m["rank"] else m.start("name"), m.start("role"))
    prefix = f"{_words_before(text, start)} {m['service'] or ''}"
    if not _plausible_name(name) or not accepted(role, prefix, bool(m["rank"])):
        return None
    end = max(name_end, m.end("role"))
    spoken_from = min(start, m.start("service")) if m["rank"] else start  # "said U.S. Army Col. …"
    return Mention(rule, name, normalise_rank(m["rank"]), role, (m["service"] or "").strip(), start, end,
                   speaks_at(text, spoken_from, end))


def _words_before(text: str, start: int) -> str:
    """Up to three words right before a mention, in its sentence ("Kirkuk police" spokesman …)."""
    return PRECEDING_RE.search(text, max(0, start - 50), start)[0]


def _regions(text: str) -> list[tuple[int, int]]:
    """Sentences that hold a role or rank word: the only places a mention can be."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a character whose lower case is longer ("İ"): keep offsets aligned
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    anchors = sorted({m.start() for m in ROLE_ANCHOR_RE.finditer(lowered)}
                     | {m.start() for m in RANK_ANCHOR_RE.finditer(text)})
    by_line: dict[int, list[tuple[int, int]]] = {}
    regions: list[tuple[int, int]] = []
    for at in anchors:
        start = text.rfind("\n", 0, at) + 1
        if start not in by_line:
            end = text.find("\n", at)
            line = text[start : end if end >= 0 else len(text)]
            by_line[start] = [(start + s.start, start + s.end) for s in sentences(line)]
        regions += [r for r in by_line[start] if r[0] <= at < r[1] and r not in regions[-1:]]
    return regions


def mentions(text: str) -> list[Mention]:
    """Every accepted mention of a named official, in text order."""
    found = []
    for start, end in _regions(text):
        for regex, rule in ((ROLE_NAME_RE, "speaker.role-name"), (NAME_ROLE_RE, "speaker.name-role"),
                            (ROLE_COMMA_NAME_RE, "speaker.role-comma-name")):
            for m in regex.finditer(text, start, end):
                mention = _mention(text, m, rule)
                if mention:
                    found.append(mention)
        opening = SENTENCE_ROLE_COMMA_NAME_RE.match(text, start, end)
        mention = opening and _mention(text, opening, "speaker.role-comma-name")
        if mention and not any(f.start == mention.start for f in found):
            found.append(mention)
        for m in RANK_NAME_RE.finditer(text, start, end):
            if not any(f.start <= m.start("rank") < f.end for f in found):
                found.extend(_ranked_speaker(text, m))
    found += [mention for m in SIGNATURE_RE.finditer(text) if (mention := _signature(text, m))]
    return sorted(found, key=lambda m: m.start)


def _signature(text: str, m: re.Match) -> Mention | None:
    """The signature of a quoted statement: the person signed it, so speaks (rule `speaker.signature`)."""
    mention = _mention(text, m, "speaker.signature")
    if mention:
        mention.speaks = True
    return mention


def _ranked_speaker(text: str, m: re.Match) -> list[Mention]:
    """A ranked officer with no role but with service words ("U.S. Army Col."), as a mention only where the
    officer speaks and no excluded body (an Iranian general, a militia) is named right before."""
    name, name_end = _name(m)
    before = f"{_words_before(text, m.start())} {m['service']}"
    excluded = EXCLUDED_RE.search(before) or EXCLUDED_PRINCIPAL_RE.search(before)
    if not m["service"] or not _plausible_name(name) or excluded:
        return []
    start = m.start("rank")
    if not speaks_at(text, m.start(), name_end):
        return []
    return [Mention("speaker.rank-name", name, normalise_rank(m["rank"]), "", (m["service"] or "").strip(), start,
                    name_end, True)]


def _headings(text: str, known: dict[str, Mention]) -> list[Mention]:
    """Transcript speakers: "MAJ. GEN. PAT RYDER:", "GEN. KURILLA:", "MR. KIRBY:" (a rank or title, or the
    surname of a person mentioned elsewhere)."""
    found = []
    for m in TIMESTAMP_HEADING_RE.finditer(text):
        name, _ = _name(m)
        if m["rank"] and _plausible_name(name):
            found.append(Mention("speaker.heading", name, normalise_rank(m["rank"]), "", "", m.start("rank"),
                                 m.end("name"), True))
    for m in HEADING_RE.finditer(text):
        name = m["name"]
        key = canonical_key(name)
        if not (m["rank"] or m["title"] or key in known) or not key or not _plausible_name(name.title(), 1):
            continue
        written = known[key].name if key in known else _full_name(text, key) or _title_case(name)
        start = m.start("rank") if m["rank"] else (m.start("title") if m["title"] else m.start("name"))
        found.append(Mention("speaker.heading", written, normalise_rank(m["rank"]), "", "", start, m.end("name"), True))
    return found


def _title_case(name: str) -> str:
    """"LLOYD J. AUSTIN III" → "Lloyd J. Austin III"."""
    return " ".join(w if w.strip(",.").lower() in SUFFIXES else w.title() for w in name.split())


def _full_name(text: str, key: str) -> str | None:
    """The longest "Rank First Last" written anywhere in the text for this surname key ("Gen. Michael Erik
    Kurilla Holds a Press Briefing" names the speaker of "GEN. KURILLA:")."""
    names = [name for name, _ in map(_name, RANK_NAME_RE.finditer(text)) if canonical_key(name) == key]
    return max(names, key=len, default=None)


def _surname(name: str) -> str:
    words = [w for w in name.split() if w.strip(",.").lower() not in SUFFIXES]
    return words[-1] if words else name


def _speaks_later(text: str, mention: Mention) -> bool:
    """The surname (after a rank or title, or alone) with a speech verb anywhere else in the text."""
    pattern = re.compile(rf"(?:(?:{_RANK}|{_TITLE})\s+)?(?<![\w-]){re.escape(_surname(mention.name))}(?![\w-])")
    return any(
        (m.start() < mention.start or m.start() >= mention.end) and speaks_at(text, m.start(), m.end())
        for m in pattern.finditer(text)
    )


def _document_organisation(text: str) -> str | None:
    """The listed organisation a transcript names most often: who a heading speaker speaks for."""
    counts = Counter({org: len(pattern.findall(text)) for org, pattern in ORGANISATIONS})
    org, n = counts.most_common(1)[0]
    return org if n else None


def _fact(text: str, person: Mention, role: str, org: str | None, rank: str | None, later: bool) -> dict:
    return {
        "name": person.name,
        "rank": rank,
        "role": role,
        "organisation": org,
        "evidence": {"text": text[person.start : person.end], "start": person.start, "end": person.end},
        "rule": person.rule + ("+said-later" if later else ""),
        "canonical_name": person.name,
        "canonical_key": canonical_key(person.name),
        "quotes": [],
    }


def extract(text: str) -> list[dict]:
    """Spokespeople of one document, one per person, with the quotes attributed to them."""
    by_key: dict[str, list[Mention]] = {}
    for mention in mentions(text):
        by_key.setdefault(canonical_key(mention.name), []).append(mention)
    first = {key: group[0] for key, group in by_key.items()}
    for heading in _headings(text, first):
        by_key.setdefault(canonical_key(heading.name), []).append(heading)
    role_less = any(not m.role for group in by_key.values() for m in group)
    document_org = _document_organisation(text) if role_less else None
    people = {key: person for key, group in by_key.items()
              if key and (person := _spokesperson(text, group, document_org))}
    unnamed = _unnamed_coalition_spokesperson(text, people)
    if unnamed and not people.get(unnamed["canonical_key"], {}).get("role"):
        people[unnamed["canonical_key"]] = unnamed
    for paragraph in paragraphs(text) if people else ():  # quotes of the paragraphs that name the person
        folded = fold(paragraph.text)
        for key, person in people.items():
            if re.search(rf"\b{re.escape(key)}\b", folded):
                person["quotes"].extend(_quotes(paragraph))
    return sorted(people.values(), key=lambda p: p["evidence"]["start"])


def _spokesperson(text: str, group: list[Mention], document_org: str | None) -> dict | None:
    """One person's fact from all their mentions, if they speak: the role, rank and organisation of the best
    described mention, the longest name, the rule of the mention that heard them speak."""
    speaking = [m for m in group if m.speaks]
    later = not speaking and _speaks_later(text, group[0])
    if not speaking and not later:
        return None
    best = max([m for m in group if m.role] or group, key=lambda m: (m.speaks, len(m.name)))
    rank = best.rank or next((m.rank for m in group if m.rank), None)
    if best.role:
        org = organisation(best.role, best.prefix, bool(rank))
    else:  # a heading or a ranked officer: a partner's service ("Iraqi Army Maj. Gen."), else the organisation the
        # document names (U.S. officers speak for the coalition, CENTCOM or the Pentagon), else the service's
        service = organisation("", best.prefix, True)
        org = service if service not in (None, "DoD") else document_org or service
    if org is None and not SPOKES_RE.search(best.role) and not (best.rule == "speaker.heading" and rank):
        return None
    rule = best.rule if best.speaks or not speaking else speaking[0].rule
    name = max(group, key=lambda m: len(m.name)).name
    person = Mention(rule, name, best.rank, best.role, best.prefix, best.start, best.end, best.speaks)
    return _fact(text, person, best.role, org, rank, later)


def _unnamed_coalition_spokesperson(text: str, people: dict[str, dict]) -> dict | None:
    """The officer a document quotes after naming the coalition's spokesperson without a name, if any."""
    if any(p["organisation"] == "CJTF-OIR" and p["role"] for p in people.values()):
        return None
    spokes = UNNAMED_SPOKES_RE.finditer(text) if "spokes" in text.lower() else ()
    role = next((m["role"] for m in spokes if organisation(m["role"]) == "CJTF-OIR"), None)
    officer = QUOTED_OFFICER_RE.search(text) if role else None
    if not officer:
        return None
    start, end = officer.start("service"), officer.end("name")
    person = Mention("speaker.unnamed-spokesperson", _clean_name(officer["name"]), normalise_rank(officer["rank"]),
                     role, "", start, end, True)
    return _fact(text, person, role, organisation(role), person.rank, False)


def _quotes(s: Span) -> list[dict]:
    out = []
    for q in QUOTE_RE.finditer(s.text):
        group = 1 if q.group(1) else 2
        start = s.start + q.start(group)
        out.append({"text": q.group(group), "start": start, "end": start + len(q.group(group))})
    return out


__all__ = ["canonical_key", "extract", "fold", "normalise_rank", "organisation", "speaks_at"]

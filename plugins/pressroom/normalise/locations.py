"""Places named in a clause of strike text: which gazetteer entries, which governorate, which country, and
which strike mention each place belongs to.

- Capitalised phrases are looked up in the gazetteer longest n-gram first ("Mosul Dam" before "Mosul");
  "Near X" anchors unknown to the gazetteer are kept as written.
- "X province"/"X governorate" and bare governorate names that are no town ("in Anbar") give `admin1`.
- Skipped: countries, ISIS's names ("Islamic State of Iraq and Syria"), datelines ("ERBIL, Kurdistan Region –"),
  bracketed glosses of a place ("Near Dayr Az Zawr [Deir Ezzor], …"),
  all-capital words, and the anchor of a relative location when another place is named ("in the Qara Chokh
  mountains southeast of Makhmour").
- A region gives way to a more precise place; several places sharing one count make a multi-place report.
"""

from __future__ import annotations

import functools
import re

from . import dates, places, vocabulary

PROVINCE_RE = re.compile(
    r"(?:\b(?:Iraq|Syria)['’]s\s+)?\b(?P<name>[A-Z][\w'’-]*(?:\s+(?:ad|al|ez|az)?[- ]?[A-Z][\w'’-]*)?)"
    r"\s+(?i:province|governorate|countryside)\b"
)
PROVINCE_TAIL_RE = re.compile(r"\s(?:[Pp]rovince|[Gg]overnorate)$")
_BEARING = r"(?:north|south|east|west)(?:-?(?:east|west))?"
RELATIVE_RE = re.compile(
    rf"\b(?P<rel>(?:(?:about |some |around |approximately )?\d+(?:\.\d+)? (?:miles|kilometers|kilometres|km) )?"
    rf"{_BEARING}) of (?:the (?:[a-z]+ )?(?:city|town|village) of )?"
    r"(?P<anchor>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})"
)
NEAR_ANCHOR_RE = re.compile(  # "near X", "around X", "on the outskirts of X", "in the mountainous X area"
    r"\b(?:[Nn]ear|around|outskirts of) (?:the (?:city|town|village) of )?"
    r"(?P<name>[A-Z][\w'’-]*(?:(?:[ -](?:al|ar|as|ash|ad|an|el|az|ez|at)[- ]|\s+)[A-Z][\w'’-]*){0,2})"
    r"|\bthe (?:[a-z]+ )?(?P<area>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?) area\b"
)
# A release or news dateline opening the text: "ERBIL, Kurdistan Region — …", "KIRKUK, Iraq — …".
LEADING_DATELINE_RE = re.compile(r"^\s*[A-Z][A-Z .'-]{2,}(?:,\s*[A-Z][\w .]*?)?\s*[—–-]\s")
_ARTICLE = r"(?:al|ar|as|ash|ad|an|el|az|ez)"
CAPITALISED_RE = re.compile(
    rf"(?:\b{_ARTICLE}-)?\b[A-Z][\w'’‘-]*(?:\s+(?:{_ARTICLE}[- ])?[A-Z][\w'’‘-]*){{0,3}}"
    r"(?:\s+(?:dam|mountains?|valley|region|lake)\b)?"
)
ISIS_NAMES_RE = re.compile(
    r"Islamic State of Iraq and (?:Syria|the Levant|al-Sham)|ISIS|ISIL|Daesh|Islamic State", re.I
)
DATELINE_PLACE_RE = re.compile(r"^\s*(?:\(|[–—-]|,\s*(?:Kurdistan Region|Iraq|Syria|Fla\.))")
# A bracketed gloss right after a place name: "Near Dayr Az Zawr [Deir Ezzor], two strikes".
ALIAS_RE = re.compile(r"\s*[\[(][^\])]{1,40}[\])]")
NOT_PLACES = set(
    "iraq syria coalition government kurdish iraqi syrian us the near strikes islamic state security forces army "
    "american turkish russian operation".split()
)


_PLACES = vocabulary.load("places")
_NAME = (
    r"(?:(?:al|Al|el|El)[- ])?[A-Z][\w'’‘-]*(?:(?:[ -](?:al|ar|as|ash|ad|an|el|az|ez|at|bin|ibn)[- ]|\s+)"
    rf"[A-Z][\w'’‘-]*){{0,3}}(?:\s+{vocabulary.alternation(_PLACES['kept_tails'])}\b)?"
)
# "in Thibeem", "near the cities of Abu Kamal and Mayadin", "in the Metina, Hakurk, Gara, Qandil and Asos regions",
# "in Jurf al-Sakhr and Al-Qa'im area": place names from the text's structure, in the gazetteer or not.
STRUCTURE_RE = re.compile(
    rf"\b(?i:{vocabulary.alternation(_PLACES['prepositions'])})\s+(?:the\s+)?"
    rf"(?:{vocabulary.alternation(_PLACES['list_heads'])}\s+of\s+(?:the\s+)?)?"
    rf"(?P<list>{_NAME}(?:\s*,\s*(?:the\s+)?{_NAME})*(?:\s*,?\s+and\s+(?:the\s+)?{_NAME})?)"
    rf"(?:\s+{vocabulary.alternation(_PLACES['dropped_tails'])}\b)?"
)
LIST_ITEM_RE = re.compile(_NAME)
# "near the Syrian border", "the Iraq-Syria border": a border names no country of the strike.
BORDER_RE = re.compile(r"\b(?:Syrian|Iraqi|Iraq|Syria)(?:[- ](?:Iraqi|Syrian|Iraq|Syria))?\s+border\b", re.IGNORECASE)
NOT_A_PLACE_WORD = {w.lower().rstrip(".") for w in _PLACES["not_places"]}
SPLIT_MAX = _PLACES["split_max"]
GENERIC_HEADS = frozenset(_PLACES["generic_heads"])


def structural_places(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int, str, places.Place | None]]:
    """Names after "in/near/outside/around" (one or a list), not overlapping `taken` spans, that are no country,
    month, weekday, compass region, organisation or bare governorate: kept as written, resolved when possible."""
    gaz = places.gazetteer()
    out = []
    for m in STRUCTURE_RE.finditer(text):
        for item in LIST_ITEM_RE.finditer(text, m.start("list"), m.end("list")):
            start, name = item.start(), item.group().rstrip(",.;:’'")
            first = re.split(r"[\s-]", name)[0].lower().rstrip(".")
            if re.search(r"['’]s\b", name):  # "near the Iraqi’s largest dam": a possessive, no place name
                continue
            if len(name) < 3 or re.match(r"\.\w", text[start + len(name) : start + len(name) + 2]):
                continue  # "In August, U.S. forces": an abbreviation, no place
            if any(a < start + len(name) and start < b for a, b in taken) or first in NOT_A_PLACE_WORD:
                continue
            if country_in(name) or ISIS_NAMES_RE.search(name) or places.fold(name) in NOT_PLACES:
                continue
            hit = gaz.lookup(name)
            if hit is None and gaz.admin1_name(name):
                continue  # "in Anbar": a governorate (province() gives admin1)
            out.append((start, start + len(name), name, hit))
    return out


def in_personal_name(before: list[re.Match]) -> bool:
    """A name after two or more capitalised words of the same run that are no place words ("Abdallah Makki Muslih
    al-Rifai"): the last part of a person's name, no place."""
    words = [w.group().strip(",.;:") for w in before]
    return len(words) >= 2 and all(
        w[:1].isupper() and w.lower().rstrip(".") not in NOT_A_PLACE_WORD and not places.gazetteer().lookup(w)
        for w in words
    )


def country_in(text: str) -> set[str]:
    """Countries named in `text`, ignoring the ones inside ISIS's names ("Islamic State of Iraq and Syria")."""
    return set(_countries(text))


@functools.lru_cache(maxsize=1024)
def _countries(text: str) -> frozenset[str]:
    text = BORDER_RE.sub(" ", ISIS_NAMES_RE.sub(" ", text))
    return frozenset(places.COUNTRIES[m.group(1).lower()] for m in re.finditer(r"\b(Iraq|Syria)(?:['’]s|n)?\b", text))


def find_places(text: str) -> list[tuple[int, int, str, places.Place | None]]:
    """Named places in a clause: gazetteer n-grams of capitalised phrases (longest first), plus "Near X"
    anchors that the gazetteer does not know. Provinces, datelines and all-capital words are skipped."""
    gaz = places.gazetteer()
    found = []
    province_spans = [(m.start(), m.end()) for m in PROVINCE_RE.finditer(text)]
    masked = ISIS_NAMES_RE.sub(lambda x: "x" * len(x.group()), text)
    for m in CAPITALISED_RE.finditer(masked):
        if any(a <= m.start() < b for a, b in province_spans):
            continue
        words = list(re.finditer(r"\S+", m.group()))
        i = 0
        while i < len(words):
            for j in range(len(words), i, -1):
                start = m.start() + words[i].start()
                name = text[start : m.start() + words[j - 1].end()].rstrip(",.;:’'")
                dateline = start <= 1 and DATELINE_PLACE_RE.match(text[start + len(name) :])
                capitalised = re.sub(rf"^{_ARTICLE}-", "", name)[:1].isupper()  # "al-Bab" is capitalised
                if places.fold(name) in NOT_PLACES or name.isupper() or not capitalised or dateline:
                    continue
                hit = gaz.lookup(name)
                if hit and not in_personal_name(words[:i]):
                    found.append((start, start + len(name), name, hit))
                    i = j - 1
                    break
            i += 1
    for m in NEAR_ANCHOR_RE.finditer(text):
        group = "name" if m["name"] else "area"
        name = m[group].rstrip(",.;:’'")
        known = any(s <= m.start(group) < e for s, e, _, _ in found)
        if (
            not known
            and places.fold(name) not in NOT_PLACES
            and re.split(r"[\s-]", name)[0].lower().rstrip(".") not in NOT_A_PLACE_WORD  # "the CENTCOM area"
            and name.lower() not in dates.MONTHS
            and name.lower() not in dates.WEEKDAYS
            and not ISIS_NAMES_RE.search(name)
            and not country_in(name)
        ):
            found.append((m.start(group), m.start(group) + len(name), name, None))
    found = [f for f in found if f[2] not in GENERIC_HEADS]  # "Tell" of "Tell Qasr": the structure gives the name
    found += structural_places(text, [(f[0], f[1]) for f in found] + province_spans)
    tied = [(m.start("list"), m.end("list")) for m in STRUCTURE_RE.finditer(text)]
    if len(found) > 1 and tied:  # "Suwayda 24 … said a strike … in Thibeem": the place the text ties the strike to
        found = [f for f in found if any(a <= f[0] < b for a, b in tied)] or found
    dateline = LEADING_DATELINE_RE.match(text)
    found = [f for f in found if not dateline or f[0] >= dateline.end()]
    glosses = [(g.start(), g.end()) for f in found if (g := ALIAS_RE.match(text, f[1]))]
    found = [f for f in found if not any(a <= f[0] < b for a, b in glosses)]
    anchors = {rel.start("anchor") for rel in RELATIVE_RE.finditer(text)}
    if len(found) > 1:
        found = [f for f in found if f[0] not in anchors] or found
    return sorted(found)


@functools.lru_cache(maxsize=256)  # asked once per mention of the clause
def province(clause: str) -> str | None:
    """The admin1 a clause names: "Kirkuk province", or a bare governorate name that is no town ("in Anbar")."""
    m = PROVINCE_RE.search(clause)
    if m:  # "the Syrian Suwayda Governorate": the name, else its last word
        return places.gazetteer().admin1_name(m["name"]) or places.gazetteer().admin1_name(m["name"].split()[-1])
    for m in CAPITALISED_RE.finditer(clause):
        name = places.gazetteer().admin1_name(m.group())
        if name and not places.gazetteer().lookup(m.group()):
            return name
    return None


def no_place(country: str | None) -> dict:
    """Place fields of a report that names no place (a country total, a zero day)."""
    return {"place": None, "place_normalised": None, "country": country, "admin1": None, "lat": None, "lon": None,
            "geo_precision": None, "geonames_id": None}  # fmt: skip


def place_fields(found: list, clause: str, country: str | None) -> tuple[dict, list[str]]:
    """Place fields for the places given to one mention; several places → a multi-place report (place null,
    the names in `places`). A region gives way to a more precise place in the same clause."""
    admin1 = province(clause)
    country = country or (places.gazetteer().admin1_country(admin1) if admin1 else None)
    base = {**no_place(country), "admin1": admin1, "geo_precision": 3 if admin1 else None}
    found = [f for f in found if not f[3] or f[3].kind != "region"] or found
    if admin1:  # "the Suwayda Governorate" is the province (admin1), no place
        found = [f for f in found if not PROVINCE_TAIL_RE.search(f[2])]
    names = list(dict.fromkeys(name for _, _, name, _ in found))
    if len(names) != 1:
        return base, names
    start, _, name, _ = found[0]
    near = re.search(r"\b(?:near|around|outside|close to|of)\s+(?:the\s+(?:\w+\s+)?of\s+)?$", clause[:start], re.I)
    resolved = places.resolve(name, country, near=bool(near))
    resolved["country"] = country or resolved["country"]
    resolved["admin1"] = admin1 or resolved["admin1"]
    return resolved, []


def assign_places(found: list, positions: list[int], clause: str) -> list[list]:
    """Give each place to one mention: "Near X, N strikes" to the mention right after it, else to the mention
    before it, else to the first one."""
    out: list[list] = [[] for _ in positions]
    for item in found:
        start, end = item[0], item[1]
        gloss = ALIAS_RE.match(clause, end)
        end = gloss.end() if gloss else end
        gap = r"[,\s“\"]*(?:(?:Iraq|Syria),[\s“\"]*)?(?:a|an|the)?\s*"
        after = [i for i, p in enumerate(positions) if 0 <= p - end <= 16 and re.fullmatch(gap, clause[end:p] + " ")]
        before = [i for i, p in enumerate(positions) if p < start]
        out[after[0] if after else before[-1] if before else 0].append(item)
    return out

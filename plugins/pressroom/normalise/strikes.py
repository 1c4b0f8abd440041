"""Strike mentions in release and news text, across the release eras.

The text is read sentence by sentence with a running `Context` (country section, date of the release, event
or back-fill section, the place of the latest coalition operation). Each clause is searched for mentions:

- counted: "N strikes", "N air strikes consisting of M engagements", "another 18 precision airstrikes",
  "three June 24 strikes", "three of the U.S.-led strikes", "51 air raids", "Among the strikes … were five near
  Kobani", "22 strikes …, including 10 near Mosul", and a second count with the noun left out ("six air strikes
  in Syria, and 12 more in Iraq");
- vague: a plural "airstrikes" without a number (at least 2) in a clause that reports an event;
- definite: "the strikes", "Friday's airstrikes", "Tuesday's strike" (coreference.py decides whether it is new);
- aircraft: aircraft doing something to a target without the word strike ("a jet blasted an ISIS cave") — at
  least 1, one per place it is "near";
- zero days: "There were no reported strikes in Iraq on Dec. 16" → 0 strikes, place null.

Each mention gets a place (places.py), a date (the nearest date expression, else the context date), an actor
(actors.py), a scope (aggregate cues in the clause; back-fill sections) and targets (targets.py).
coreference.py then applies the document-level rules.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from . import actors, dates, locations, numbers, places, targets, vocabulary
from .coreference import Mention, resolve
from .text import Span, clauses, sentences

_VOCABULARY = vocabulary.load("strikes")
NOUN = vocabulary.alternation(_VOCABULARY["nouns"])  # "airstrikes", "air raids", typos such as "airstike"
_MONTH = dates.MONTH
_MONTHDAY = rf"{_MONTH} \d{{1,2}}"
MODIFIER = (  # words between the count and the noun: data/vocabulary/strikes.yaml, any hyphenated compound
    rf"(?:{vocabulary.alternation(_VOCABULARY['modifiers'])}|[\w.]+-led|[a-z]+-[a-z]+|{_MONTHDAY})"
)
COUNTED_RE = re.compile(
    rf"\b{numbers.quantity('q')}\s+[\"']?(?:of (?:the|these|those)\s+)?(?:{MODIFIER}\s+){{0,3}}(?P<noun>{NOUN})\b"
    rf"(?:,?\s+consisting of\s+{numbers.quantity('e')}\s+engagements?)?",
    re.IGNORECASE,
)
NOT_A_COUNT_RE = re.compile(rf"(?:\b{_MONTH}|\d[-/])\s*$")  # "June 24 Strikes", "2018-07-30 Coalition Strikes"
ELIDED_RE = re.compile(
    rf"^[^.;]{{0,80}}?,?\s+and\s+{numbers.quantity('q')}\s+(?:more\s+)?in\s+(?P<country>Iraq|Syria)\b"
)
AMONG_RE = re.compile(  # "Among the strikes … were five near Kobani", "22 strikes …, including 10 near Mosul"
    rf"(?:\bAmong the (?:air ?)?strikes\b.*?\bwere|\bincluding)\s+{numbers.quantity('q')}\s+(?=near\b|in\b|around\b)",
    re.I,
)
MENTION_RE = re.compile(rf"\b{NOUN}\b", re.IGNORECASE)
ZERO_RE = re.compile(
    r"\b(?:no (?:reported |coalition |new |air )*strikes?|conducted no (?:air ?)?strikes?|"
    r"did not conduct any (?:air ?)?strikes?)\b",
    re.IGNORECASE,
)
AIRCRAFT_VERB_RE = re.compile(
    rf"\b{vocabulary.alternation(_VOCABULARY['striking_aircraft'])}\b"
    r"(?:(?!\b(?:was|were|been|shot|crashed|downed|by)\b)[^.;]){0,100}?"  # the aircraft acts, it is not hit
    r"\b(?P<verb>engaged|blasted|bombed|pounded|struck|targeted|targeting|destroyed|hit|to strike)\b",
    re.IGNORECASE,
)
FORCES_VERB_RE = re.compile(  # "U.S. forces struck a weapons storage facility Wednesday in eastern Syria"
    rf"(?<!and )(?<!with )(?<!by )\b{vocabulary.alternation(_VOCABULARY['striking_forces'])}\b"
    r"(?:(?!\b(?:was|were|been|by|and|partner\w*|Iraqi|Syrian|Kurdish|SDF)\b)[^.;]){0,40}?"
    rf"\b(?:(?P<verb>{vocabulary.alternation(_VOCABULARY['striking_verbs'])})|(?P<attack>{_VOCABULARY['striking_attack']}))\b",
)
BOTH_COUNTRIES_RE = re.compile(  # "airstrikes in Iraq and Syria against 85 targets", "on five sites in Iraq and Syria"
    r"[^.;]{0,40}?\bin (?:both )?(?:Iraq and Syria|Syria and Iraq)\b"
)
SINGULAR_RE = re.compile(r"\b(?:a|an|one|single)\s+(?:[\w.'-]+\s+){0,2}$", re.IGNORECASE)
MORE_AIRCRAFT_RE = re.compile(
    r"\b(?:and|with|alongside)\s+(?:an?|another|one|two|three|four|\d+|several|other)\b", re.IGNORECASE
)
# "while on Feb. 22 another killed Wasim …": a second strike with the noun left out.
ANOTHER_RE = re.compile(
    r"\banother\s+(?:attack\s+)?(?=(?:killed|struck|hit|targeted|destroyed|took out)\b)", re.IGNORECASE
)
EVENT_VERB_RE = re.compile(
    r"\b(?:conducted|conducting|carried out|carrying out|launched|launching|targeted|targeting|hit|hitting|struck|"
    r"striking|destroyed|destroying|took out|killed|killing|pounded|pounding|included|continued|bombed|engaged|"
    r"supported|took place|occurred|were conducted|was conducted|there were)\b",
    re.IGNORECASE,
)
AGGREGATE_RE = re.compile(
    rf"\b(?:since (?:{_MONTHDAY}|{_MONTH}|(?:19|20)\d\d|the (?:start|beginning)|it began|the campaign began)|"
    r"since [^.;]{0,60}?\b(?:19|20)\d\d\b|this year|a total of|in total|to date|so far|cumulative(?:ly)?|"
    r"altogether|tens of thousands|thousands of)\b",
    re.IGNORECASE,
)
# "U.S. forces have carried out multiple retaliatory strikes …": a count word in the present perfect with no date of
# its own sums up a campaign (an aggregate), it tells no event.
PERFECT_RE = re.compile(
    r"\b(?:have|has)\s+(?:been\s+)?(?:\w+ly\s+)?(?:carried out|conducted|launched|carrying out|"
    r"conducting|launching|struck|targeted|hit)\b",
    re.IGNORECASE,
)
# The event as a noun: "the attack on …", "in response to attacks", not "continued to attack".
OTHER_EVENT_RE = re.compile(
    r"\b(?:the|an?|this|that|these|those|its|their|his|her|response to|after|following|before|during|since)\s+"
    rf"(?:[\w'-]+\s+){{0,2}}{vocabulary.words(_VOCABULARY['other_events'])}",
    re.IGNORECASE,
)
STRIKE_EVENT_RE = re.compile(
    rf"\b(?:{NOUN}|(?:drone|air|aerial) attacks?|struck|conducted|carried out|launched|hit|targeted|engaged|killed)\b",
    re.I,
)
# "hit more than 70 ISIS targets", "two US F-16 fighter jets": counts that are never strike counts (contract), kept
# as extras (`targets_count`, `munitions_count`, `aircraft_count`, `sorties_count`) when the number is exact.
OTHER_COUNT_RES = {
    f"{kind}_count": re.compile(
        rf"\b{numbers.quantity('q')}\s+(?:(?!(?:used|to|and|with|of|in|on|at|by|for|the|an?)\b)[\w.'-]+\s+){{0,2}}?"
        rf"{vocabulary.alternation(words)}\b",
        re.IGNORECASE,
    )
    for kind, words in _VOCABULARY["non_strike_counts"].items()
}
DENIAL_RE = re.compile(vocabulary.alternation(_VOCABULARY["denial"]), re.IGNORECASE)
LATE_DISCLOSURE_RE = re.compile(vocabulary.alternation(_VOCABULARY["late_disclosure"]), re.IGNORECASE)
AGGREGATE_MIN = 500  # no day or place of the campaign saw this many strikes: such a figure is a running total
DEFINITE_RE = re.compile(
    r"(?:\b(?:the|these|those|its|their|this|that|such|each|every|any|of)\s+(?:[\w.’'-]+\s+){0,2}|\b\w+['’]s\s+)$",
    re.IGNORECASE,
)
# "The strike near Uram al-Jawz … was part of …": a definite strike tied to a place reports it without an event verb.
DEFINITE_PLACE_RE = re.compile(
    rf"\b(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:[\w-]+\s+)?{NOUN}\s+(?:near|in|outside|on the outskirts of)\s+(?:the\s+)?[A-Z]"
)
MODIFIES_RE = re.compile(
    r"\s+(?:details|package|group|groups|capability|capabilities|force|team|cell|aircraft|fighters?|drones?|"
    r"assets|options?|plans?|planning|coordination|cell)\b",
    re.IGNORECASE,
)
GENERIC_RE = re.compile(r"\b(?:defines?|defined|definition|for example|such as)\b", re.IGNORECASE)
BACKFILL_RE = re.compile(
    r"closed (?:with)?in the (?:last|past) 24 hours|"
    r"(?:not (?:yet )?available|unavailable) (?:in time for|at the time of)|"
    r"not (?:included|reported) in (?:the|a|yesterday['’]s) (?:previous )?(?:press )?release|"
    rf"^(?:other recent strikes|additional strikes)\b|^{_MONTHDAY}(?:\s*[-–]\s*\d{{1,2}})? strikes$",
    re.IGNORECASE,
)
SECTION_RE = re.compile(
    r"^(?:(?:strikes|separately|additionally|meanwhile)?\s*in\s+)?(?P<country>Iraq|Syria)\b|:\s*(?P<tail>Iraq|Syria)$",
    re.IGNORECASE,
)
STRIKE_CONTEXT_RE = re.compile(
    rf"\b(?:{NOUN}|attack\w*|bomb\w*|raids?|targets?|engage\w*|hit|struck|pounded|continued)\b|^{_MONTHDAY}",
    re.I,
)
OPERATION_RE = re.compile(r"\bthe (?:operation|raid|mission|assault)\b", re.IGNORECASE)
SUBSET_RE = re.compile(
    rf"\bOf (?:those|these|the) (?P<total>[\d,]+) (?:air ?)?strikes,\s+{numbers.quantity('q')}\b", re.I
)
RELEASE_LINE_RE = re.compile(r"[“\"]?[Nn]ear ")  # the per-place line of a release: "Near Mosul, four strikes …"


@dataclass
class Context:
    """What earlier sentences established."""

    country: str | None = None  # the section's country ("Strikes in Syria", "In Iraq, …")
    date: dates.DateRange = dates.UNKNOWN  # the date of the strikes being reported
    scope: str = "event"  # "backfill" after a back-fill header
    place: tuple | None = None  # the single place of the latest coalition-operation sentence
    place_sentence: int = -10
    actor: str | None = None  # the actor of the latest mention whose clause named one (actors.explicit)
    denied: set = field(default_factory=set)  # the dates (None: undated) of strikes the text denies
    stated: str | None = None  # the last month-day date written so far, announcements included


def find_mentions(body: str) -> list[tuple[re.Match, dict, str]]:
    """(match, count interval, kind) of every strike mention in a clause, in text order."""
    if GENERIC_RE.search(body):
        return []
    counted = [
        (m, numbers.interval(m, "q"), "counted")
        for m in COUNTED_RE.finditer(body)
        if not NOT_A_COUNT_RE.search(body[max(0, m.start() - 16) : m.start()])
    ]
    counted += [(m, numbers.interval(m, "q"), "among") for m in AMONG_RE.finditer(body)]
    subsets = [(m, numbers.interval(m, "q"), "subset") for m in SUBSET_RE.finditer(body)]
    counted = [c for c in counted if not any(s.start() <= c[0].start() < s.end() for s, _, _ in subsets)] + subsets
    counted = [c for c in counted if c[1]]
    taken = [(m.start(), m.end()) for m, _, _ in counted]
    vague = []
    # a vague plural in a clause naming both countries reports an event only when the clause dates it
    one_country = len(locations.country_in(body)) < 2 or bool(dates.find_all(body, None))
    if (EVENT_VERB_RE.search(body) or DEFINITE_PLACE_RE.search(body)) and one_country:
        for m in MENTION_RE.finditer(body):
            if any(a <= m.start() < b for a, b in taken):
                continue
            if MODIFIES_RE.match(body, m.end()):  # "airstrike details", "strike group": no strike told
                continue
            definite = bool(DEFINITE_RE.search(body[: m.start()]))
            if m.group().lower().endswith("s"):
                vague.append((m, numbers.at_least(2), "definite" if definite else "vague"))
            elif definite:  # "Tuesday's strike near Qaim", "the strike": one strike, unless many aircraft flew it
                vague.append((m, numbers.at_least(1) if many_aircraft(body) else numbers.exact(1), "definite"))
    if counted or vague:
        return sorted(counted + vague, key=lambda t: t[0].start())
    another = [(m, numbers.exact(1), "another") for m in ANOTHER_RE.finditer(body)]
    if another:
        return another
    aircraft = [(m, aircraft_count(body, m), "aircraft") for m in AIRCRAFT_VERB_RE.finditer(body)]
    forces = [
        (m, numbers.exact(1) if m["attack"] else numbers.at_least(1), "forces") for m in FORCES_VERB_RE.finditer(body)
    ]
    return aircraft or forces[:1]


def many_aircraft(body: str) -> bool:
    """ "The large scale strike … involved dozens of fighter aircraft": several aircraft for one told strike (an
    operation, not a counted strike)."""
    counts = OTHER_COUNT_RES["aircraft_count"].finditer(body)
    return any((numbers.interval(m, "q") or {}).get("low", 0) > 1 for m in counts)


def aircraft_count(body: str, m: re.Match) -> dict:
    """One aircraft told in the singular ("a Reaper drone … engaged a terrorist", "a jet blasted a cave") struck
    once: exactly 1 (contract: singular); several aircraft, or an attack told without a count: at least 1."""
    singular = (
        SINGULAR_RE.search(body[max(0, m.start() - 30) : m.start()])
        and not m.group().split()[0].endswith("s")
        and not MORE_AIRCRAFT_RE.search(m.group())  # "a US F-15 and two F-16s"
    )
    return numbers.exact(1) if singular else numbers.at_least(1)


def mentions_in_clause(
    clause: Span, ctx: Context, published: dt.date | None, default_actor: str, index: int, headline_line: bool
) -> list[Mention]:
    body = clause.text
    if DENIAL_RE.search(body):  # "did not carry out an air strike", "unconfirmed explosions": no strike report
        denied = dates.nearest(body, 0, published)
        ctx.denied.add(denied.start if denied else None)
        return []
    items = [
        i for i in find_mentions(body)
        if not actors.is_attack(body[: i[0].start()], body, body[max(0, i[0].start() - 40) : i[0].end() + 60])
    ]  # fmt: skip
    if not items:
        return []
    # "… follow a rocket attack on Iraq's K-1 base near Kirkuk": a place of another event is not the strike's
    found = [f for f in locations.find_places(body) if not other_event_date(body, f[0])]
    per_item = locations.assign_places(found, [m.start() for m, _, _ in items], body)
    if len(items) == 1 and items[0][2] == "aircraft" and len(found) > 1:
        # "drones engaged a unit near Ayn Isa and another close to Mar'a": one mention per place "near" it
        anchors = [f for f in found if re.search(r"\b(?:near|close to|around)\s+$", body[: f[0]], re.I)]
        per_item = [[f] for f in anchors] or [found[:1]]
        items = items * len(per_item)
    out = []
    for (m, count, kind), assigned in zip(items, per_item, strict=True):
        elided = ELIDED_RE.match(body[m.end() :]) if kind == "counted" else None
        window = body[max(0, m.start() - 80) : m.end() + (elided.start("country") - 8 if elided else 60)]
        countries = locations.country_in(window) or locations.country_in(body)
        assigned = [f for f in assigned if not f[3] or not countries or f[3].country in countries]
        # "Coalition warplanes backed the operation": the place where the operation was
        follows_operation = index - ctx.place_sentence <= 3 and OPERATION_RE.search(body)
        if not assigned and kind in ("vague", "aircraft") and follows_operation:
            assigned = [ctx.place]
        fields, listed = locations.place_fields(assigned, body, country_of(countries, assigned or found, ctx))
        report = build_report(clause, m, count, kind, fields, listed, ctx, published, default_actor)
        if report is None:
            continue
        cue = actors.cue(body[: actor_position(m, kind)])
        out.extend(
            Mention(
                index,
                r,
                kind,
                headline_line,
                multi_country=len(countries) > 1 and r is report,
                places=listed,
                cue=cue,
                phrase=wording(m),
            )
            for r in per_country(report, bool(BOTH_COUNTRIES_RE.match(body[m.end() : m.end() + 80])))
        )
        if elided:
            out.append(elided_mention(elided, out[-1], index, headline_line))
    return out


def per_country(report: dict, both: bool) -> list[dict]:
    """ "conducted airstrikes in Iraq and Syria" (`both`: the countries follow the mention) with no count, place or
    province: one report per country, each owed at least one strike; a stated count for both stays one report."""
    if not both or report["country"] or report["place"] or report["admin1"] or report["scope"] != "event":
        return [report]
    if report["strikes"]["best"] is not None:
        return [report]
    return [
        {**report, **locations.no_place(c), "strikes": numbers.at_least(1), "rule": report["rule"] + "+per-country"}
        for c in ("IQ", "SY")
    ]


def wording(m: re.Match) -> str:
    """The strike phrase without its date words, to tell a repeated phrase ("a precision airstrike" twice)."""
    return " ".join(w for w in re.findall(r"[\w.-]+", m.group().lower()) if not dates.MONTH_OR_DAY_RE.fullmatch(w))


def country_of(countries: set[str], found: list, ctx: Context) -> str | None:
    """The country near the mention; else the one of the clause's places; else the section's."""
    if countries:
        return next(iter(countries)) if len(countries) == 1 else None
    place_countries = {p.country for _, _, _, p in found if p}
    return place_countries.pop() if len(place_countries) == 1 else ctx.country


def is_aggregate(body: str, count: dict, engagements: dict | None) -> bool:
    """A running total: an aggregate cue or a figure no day saw. "A total of four strikes consisting of four
    engagements in Iraq" is the day's total of a release, not a running one."""
    cues = {c.group().lower() for c in AGGREGATE_RE.finditer(body)}
    if engagements and cues == {"a total of"}:
        cues = set()
    return bool(cues) or (count["low"] or 0) >= AGGREGATE_MIN


def build_report(clause: Span, m: re.Match, count: dict, kind: str, fields: dict, listed: list[str], ctx: Context,
                 published: dt.date | None, default_actor: str) -> dict | None:  # fmt: skip
    """The report of one mention (None for a campaign statement without a figure)."""
    body = clause.text
    own_date = event_date(body, m.start(), published)
    date_rule = own_date.rule if own_date else "context-date" if ctx.date.start else None
    engagements = numbers.interval(m, "e") if kind == "counted" else None
    aggregate = is_aggregate(body, count, engagements) or (
        kind == "counted" and count["best"] is None and own_date is None and bool(PERFECT_RE.search(body))
    )
    if aggregate and kind not in ("counted", "subset"):
        return None  # "has been conducting airstrikes since 2014"
    if aggregate and not fields["place"] and not locations.country_in(body):
        fields = {**fields, "country": None}  # a campaign total names its country itself, or covers both
    if listed and kind != "counted":
        count = numbers.at_least(max(len(listed), count["low"] or 0))  # one strike per listed place at least
    family = "release" if RELEASE_LINE_RE.match(body) else "narrative"
    stated = dates.period(body, published) if aggregate else None  # "since 2014" → 2014-01-01 … published
    if aggregate:
        date_rule = "period" if stated else None
    report = {
        **(stated or dates.UNKNOWN if aggregate else own_date or ctx.date).as_fields(),
        **fields,
        "strikes": count,
        "engagements": engagements["best"] if engagements else None,
        "scope": "aggregate" if aggregate else ctx.scope,
        "actor": actor_of(body, m, kind, ctx, default_actor),
        "targets": targets.extract(body),
        "evidence": clause.evidence(),
        "rule": f"{family}.{kind}" + (f"+{date_rule}" if date_rule else ""),
    }
    report.update(other_counts(body))
    if own_date and own_date.problem:
        report["date_problem"] = own_date.problem
    if listed:
        report["places"] = listed
    if kind == "subset":  # "Of those 68 strikes, 35 have been … near the Mosul Dam"
        report["of_total"] = numbers.cardinal(m["total"])
    rel = locations.RELATIVE_RE.search(body)
    if rel and fields["place"]:  # "southwest of Kirkuk", "in the Qara Chokh mountains southeast of Makhmour"
        report.update(anchor=rel["anchor"], relative=rel["rel"])
    return report


def other_counts(body: str) -> dict:
    """Exact counts of targets, munitions, aircraft and sorties the clause states ("nine targets" → targets_count 9,
    "a US F-15 and two F-16s" → aircraft_count 3)."""
    out = {}
    for key, pattern in OTHER_COUNT_RES.items():
        counts = [(numbers.interval(m, "q") or {}).get("best") for m in pattern.finditer(body)]
        if counts and all(counts):
            out[key] = sum(counts)
    return out


def actor_position(m: re.Match, kind: str) -> int:
    """Where the actor cue search ends: at the verb for aircraft ("Iraqi F-16s … struck"), else at the mention."""
    if kind not in ("aircraft", "forces"):
        return m.start()
    return m.start("verb") if m.groupdict().get("verb") else m.start("attack")


def mention_phrase(body: str, m: re.Match, kind: str) -> str:
    """The strike phrase with the two words before it ("an Iraqi airstrike", "Turkish drone strikes"; for aircraft
    acting, the aircraft: "Iraqi F-16s")."""
    phrase = m.group().split()[0] if kind == "aircraft" else m.group()
    before = re.search(r"(?:[\w.’'-]+ ){0,2}$", body[max(0, m.start() - 40) : m.start()])
    return (before.group() if before else "") + phrase


ASIDE_RE = re.compile(r"\([^()]{1,60}\)")  # "(banned in Russia)": an aside names no striker


def actor_of(body: str, m: re.Match, kind: str, ctx: Context, default_actor: str) -> str:
    """The actor the strike phrase names; else the clause's cue for the mention (asides in brackets masked); else
    the latest one named; else the document's."""
    body = ASIDE_RE.sub(lambda a: " " * len(a.group()), body)
    named = actors.in_mention(mention_phrase(body, m, kind)) or actors.explicit(body[: actor_position(m, kind)], body)
    if named:
        ctx.actor = named
    return named or ctx.actor or default_actor


def elided_mention(m: re.Match, first: Mention, index: int, headline_line: bool) -> Mention:
    """ "six air strikes in Syria, and 12 more in Iraq": the second count, with the first one's date."""
    country = places.COUNTRIES[m["country"].lower()]
    report = {**first.fields, **locations.no_place(country), "strikes": numbers.interval(m, "q"),
              "engagements": None, "rule": "narrative.elided-count"}  # fmt: skip
    report.pop("places", None)
    return Mention(index, report, "elided-count", headline_line)


def zero_report(clause: Span, ctx: Context, published: dt.date | None) -> dict | None:
    """ "There were no reported strikes conducted in Iraq on July 25." → a zero for that day and country."""
    m = ZERO_RE.search(clause.text)
    if not m:
        return None
    countries = locations.country_in(clause.text)
    date = dates.nearest(clause.text, m.start(), published) or ctx.date
    country = next(iter(countries)) if len(countries) == 1 else ctx.country
    return {**date.as_fields(), **locations.no_place(country), "strikes": numbers.exact(0), "engagements": None,
            "scope": ctx.scope, "actor": "coalition", "targets": [], "evidence": clause.evidence(),
            "rule": "release.no-strikes"}  # fmt: skip


def other_event_date(body: str, at: int) -> bool:
    """The date at `at` belongs to another event ("the attack on al-Asad Airbase … on Jan. 20", "the funeral on
    Friday"): the nearest event word before it, within 80 characters, names no strike."""
    window = body[max(0, at - 80) : at]
    other = [m.end() for m in OTHER_EVENT_RE.finditer(window)]
    strike = [m.end() for m in STRIKE_EVENT_RE.finditer(window)]
    return bool(other) and (not strike or other[-1] > strike[-1])


def event_date(body: str, position: int, published: dt.date | None) -> dates.DateRange | None:
    """The date expression nearest to the mention at `position` that does not date another event."""
    found = [d for d in dates.find_all(body, published) if not other_event_date(body, d.at)]
    return min(found, key=lambda r: min(abs(r.at - position), abs(r.until - position))) if found else None


def update_context(sentence: Span, index: int, ctx: Context, published: dt.date | None) -> None:
    body = sentence.text
    previous_day = dates.PREVIOUS_DAY_RE.search(body)
    if previous_day:  # "CENTCOM said the operation occurred the previous day" (after "a statement dated Jan. 17")
        ctx.date = dates.day_before(dates.stated_day(body[: previous_day.start()], published) or ctx.stated,
                                    published) or ctx.date  # fmt: skip
    ctx.stated = dates.stated_day(body, published) or ctx.stated
    section = SECTION_RE.search(body)
    if section and (section["tail"] or len(body) < 40 or re.match(r"(?:\w+ )?in (?:Iraq|Syria)\b", body, re.I)):
        ctx.country = places.COUNTRIES[(section["country"] or section["tail"]).lower()]
    if BACKFILL_RE.search(body):
        ctx.scope = "backfill"
    if STRIKE_CONTEXT_RE.search(body):
        found = [d for d in dates.find_all(body, published) if not d.problem and not other_event_date(body, d.at)]
        if found:
            ctx.date = found[0]
        countries = locations.country_in(body)
        if len(countries) == 1 and not RELEASE_LINE_RE.match(body):
            ctx.country = next(iter(countries))
    if actors.COALITION.search(body):
        found = [f for f in locations.find_places(body) if f[3] and f[3].kind != "region"]
        if len({f[3] for f in found}) == 1:
            ctx.place, ctx.place_sentence = found[0], index


LOCATED_RE = re.compile(r"\b(?:was|were|is|are) located (?:near|in|outside|around|close to)\s", re.IGNORECASE)


def locate_relative(clause: Span, report: dict) -> None:
    """ "The camp was located about 16 miles west of the city of Tuz Khurmatu": the previous sentence's
    place-less report gets the anchor place, and the distance and bearing in `relative`; "The facilities were
    located near Deir ez-Zor": that place."""
    if report["place"]:
        return
    rel = locations.RELATIVE_RE.search(clause.text)
    if not rel:
        located = LOCATED_RE.search(clause.text)
        found = [f for f in locations.find_places(clause.text) if located and f[0] >= located.end()]
        if found:  # "The facilities were located near Deir ez-Zor in eastern Syria."
            resolved = places.resolve(found[0][2], report["country"], near=True)
            report.update({k: v for k, v in resolved.items() if k != "admin1" or not report["admin1"]})
            report["rule"] += "+located"
        return
    resolved = places.resolve(rel["anchor"], report["country"], near=True)
    report.update({k: v for k, v in resolved.items() if k != "admin1" or not report["admin1"]})
    report.update(anchor=rel["anchor"], relative=rel["rel"], rule=report["rule"] + "+relative")


def is_headline_line(text: str, s: Span) -> bool:
    """A title or standfirst: a whole short line without closing punctuation (looked for within 160 characters
    of the sentence, never across the whole text)."""
    if len(s.text) > 160 or s.text.endswith((".", ":", "”", '"', "’")):
        return False
    line_start = text.rfind("\n", max(0, s.start - 161), s.start) + 1 if s.start else 0
    line_end = text.find("\n", s.end, s.end + 161)
    line_end = len(text) if line_end < 0 and len(text) - s.end <= 161 else line_end
    if line_start == 0 and s.start > 161 or line_end < 0:
        return False
    return text[line_start:line_end].strip() == s.text


def extract(text: str, published: dt.date | None) -> tuple[list[dict], list[dict]]:
    """(strike reports, headline totals) of one document; nothing for a text without military context."""
    if not actors.MILITARY.search(text):
        return [], []
    ctx = Context()
    default_actor = actors.document_default(text)
    mentions: list[Mention] = []
    zeros: list[dict] = []
    lead_targets: list[dict] = []
    for index, sentence in enumerate(sentences(text)):
        update_context(sentence, index, ctx, published)
        headline_line = is_headline_line(text, sentence)
        before = len(mentions)
        for clause in clauses(text, sentence):
            zero = zero_report(clause, ctx, published)
            if zero:
                zeros.append(zero)
                continue
            found = mentions_in_clause(clause, ctx, published, default_actor, index, headline_line)
            previous = [m for m in mentions if m.sentence == index - 1]
            if not found and previous:
                locate_relative(clause, previous[0].fields)
            mentions.extend(found)
        # "The coalition … destroyed three ISIS camps. The Friday airstrikes targeted …": the lead names the effects
        for m in mentions[before:]:
            m.fields["targets"] = m.fields["targets"] or lead_targets
        quiet = len(mentions) == before and actors.COALITION.search(sentence.text)
        lead_targets = targets.extract(sentence.text) if quiet else []
    reports, headlines = resolve(mentions)
    # "The US military said it did not carry out an air strike … on Monday": the claims of it are dropped too
    reports = [r for r in reports if r["actor"] != "coalition" or r["date_start"] not in ctx.denied]
    mark_late_disclosures(text, reports, published)
    return reports + zeros, headlines


def mark_late_disclosures(text: str, reports: list[dict], published: dt.date | None) -> None:
    """ "The operation … took place in June but was only recently declassified": event reports in the cue's
    paragraph, or dated within a period the cue's sentence states, are back-fills (disclosed late)."""
    for cue in LATE_DISCLOSURE_RE.finditer(text):
        para_start, para_end = text.rfind("\n", 0, cue.start()) + 1, text.find("\n", cue.end())
        para_end = len(text) if para_end < 0 else para_end
        sentence = next((s for s in sentences(text[para_start:para_end]) if s.start <= cue.start() - para_start
                         < s.end), None)  # fmt: skip
        periods = [d for d in dates.find_all(sentence.text, published) if d.start] if sentence else []
        for r in reports:
            in_paragraph = para_start <= r["evidence"]["start"] < para_end
            if r["scope"] == "event" and (in_paragraph or any(within_period(r, d) for d in periods)):
                r["scope"] = "backfill"
                r["rule"] += "+late-disclosure"


def within_period(report: dict, period: dates.DateRange) -> bool:
    """The report's date lies within `period` (month and day only when either year is unknown)."""
    if not report["date_start"]:
        return False
    start, end, ps, pe = report["date_start"], report["date_end"] or report["date_start"], period.start, period.end
    if "X" in start + ps:
        start, end, ps, pe = start[5:], end[5:], ps[5:], pe[5:]
    return ps <= start and end <= pe

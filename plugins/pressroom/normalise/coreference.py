"""Document-level rules over the strike mentions found clause by clause (strikes.py).

- Titles and standfirsts repeat the body: their mentions count only when the body has none.
- The same fact told twice (a quoted release and its paraphrase) is kept once; the same place on two lines of
  one release (other targets) is one report whose counts add up (`summed`).
- A definite mention ("the strikes", "these airstrikes", "Friday's strikes") is a new report only when nothing
  was reported before it and it names a date, place or province; otherwise it refers back, and may tell where
  or when the previous event happened.
- One event told in two nearby sentences (one has the count, the other the place or date) becomes one report.
- A vague mention that adds nothing (no place, date or province; or the place of a counted report) is dropped; so is
  an exact count with no date, place or province that a dated report of the same actor and count repeats.
- A figure that restates an aggregate, or a part of it ("Of those 68 strikes, 35 …"), is an aggregate too.
- Headline totals: a place-less count whose country and dates also have per-place reports, a count that covers
  both countries and is broken down by other reports of its dates, or a count shared by listed places ("nine
  airstrikes near Kisik, Mosul, Sinjar and Tal Afar") whose places have reports of their own, is moved to
  `headlines` (so that the check can compare the sum); so is a place-less count that dated reports of two or more
  days right after it add up to ("two strikes in Syria" told as a Sept. 24 and a Sept. 16 strike). A two-country
  count without a breakdown ("46 other
  strikes … in Iraq and Syria on August 18 and 19") stays a report.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import places
from .locations import SPLIT_MAX


@dataclass
class Mention:
    """One strike report under construction, with what the document-level rules need to know about it."""

    sentence: int  # index of the sentence it was found in
    fields: dict  # the report (contract fields and extras)
    kind: str  # counted, among, subset, vague, definite, aircraft, elided-count
    headline_line: bool = False
    multi_country: bool = False  # the count covers Iraq and Syria together
    places: list[str] = field(default_factory=list)  # a list of places sharing the count
    cue: str | None = None  # the actor family named right before the mention (actors.cue)
    phrase: str = ""  # the strike phrase without date words ("a precision airstrike")

    @property
    def vague(self) -> bool:
        return self.fields["strikes"]["best"] is None


def resolve(mentions: list[Mention]) -> tuple[list[dict], list[dict]]:
    """(strike reports, headline totals) of one document."""
    body = [m for m in mentions if not m.headline_line] or mentions
    kept: list[Mention] = []
    for m in body:
        side = next((k for k in kept if other_side(k, m)), None)
        if side:  # "four airstrikes southwest of Kobani … Three airstrikes northeast of Kobani": one place, one day
            add_counts(side.fields, m.fields)
            continue
        twin = next((k for k in kept if same_fact(m.fields, k.fields)), None)
        if twin and another_line(twin, m):  # the same place twice in a release: one report, the counts add up
            add_counts(twin.fields, m.fields)
            continue
        if twin:
            continue
        prev = kept[-1] if kept else None
        if m.kind == "definite" and (kept or not new_facts(m.fields)):
            if kept and lists_places_of(prev, m):  # "… conducted airstrikes. The strikes were in A and B."
                prev.places = m.places
                prev.fields.update(places=m.places, rule=prev.fields["rule"] + "+merged")
            elif kept and tells_where_or_when(prev, m):
                merge(prev.fields, m.fields)
            continue
        if prev and same_event(prev, m):
            merge(prev.fields, m.fields)
            continue
        kept.append(m)
    restate_aggregates(kept)
    reports: list[Mention] = []
    for i, m in enumerate(kept):  # in order: a report absorbed by a later one cannot absorb that one in turn
        if m.fields["scope"] == "aggregate" or not absorbed(m, reports + kept[i:]):
            reports.append(m)
    totals = [m for m in reports if is_total(m, reports)]
    out = [f for m in reports if m not in totals for f in one_per_place(m)]
    out += [f for m in totals if m.places for f in unreported_places(m, reports)]
    return out, [m.fields for m in totals if not m.vague]


def unreported_places(total: Mention, reports: list[Mention]) -> list[dict]:
    """ "nine strikes … near Beiji, Kisik, Mosul and Tal Afar", Mosul counted in a report of its own: the listed
    places without a report of their own are each owed at least one strike (the count stays the headline total)."""
    own = {
        places.fold(o.fields["place"] or "") for o in reports if o is not total and compatible(o.fields, total.fields)
    }
    return per_place(total.fields, [name for name in total.places if places.fold(name) not in own])


def another_line(a: Mention, b: Mention) -> bool:
    """Two per-place release lines ("-- Near Mosul, two strikes …" twice, with other targets) are two sets of
    strikes at one place, not one line told twice."""
    return (
        a.fields["rule"].startswith("release.")
        and b.fields["rule"].startswith("release.")
        and a.fields["evidence"]["text"] != b.fields["evidence"]["text"]
        and a.sentence != b.sentence
    )


def other_side(a: Mention, b: Mention) -> bool:
    """Two exact counts at one place and day from different bearings ("southwest of Kobani", "northeast of
    Kobani"): strikes around one place, whose counts add up (one report per place per day)."""
    fa, fb = a.fields, b.fields
    return (
        a.sentence != b.sentence
        and bool(fa.get("relative") and fb.get("relative")) and fa["relative"] != fb["relative"]
        and fa["strikes"]["best"] is not None and fb["strikes"]["best"] is not None
        and same_place(fa, fb) and same_dates(fa, fb)
        and fa["actor"] == fb["actor"] and fa["scope"] == fb["scope"] == "event"
    )  # fmt: skip


def add_counts(into: dict, other: dict) -> None:
    """One report per place per day: the counts of a second line for the same place and day are added."""
    into["strikes"] = {
        k: (into["strikes"][k] + other["strikes"][k] if into["strikes"][k] is not None
            and other["strikes"][k] is not None else None)
        for k in ("low", "best", "high")
    }  # fmt: skip
    if into["engagements"] is not None and other["engagements"] is not None:
        into["engagements"] += other["engagements"]
    into["targets"] = into["targets"] + other["targets"]
    into["rule"] += "+summed"


def lists_places_of(prev: Mention, m: Mention) -> bool:
    """A definite mention naming a list of places after a place-less report of the same actor: "the strikes" refer
    back to the latest report, however far."""
    return (
        bool(m.places)
        and not prev.places
        and not prev.fields["place"]
        and prev.fields["actor"] == m.fields["actor"]
        and prev.fields["scope"] == m.fields["scope"] == "event"
        and compatible(prev.fields, m.fields)
    )


def one_per_place(m: Mention) -> list[dict]:
    """A short list of places without per-place counts gives one report per place, each owed at least one strike
    (contract: places); an exact count shared by the list, or a long release-era list, stays one report."""
    f = m.fields
    if not (1 < len(m.places) <= SPLIT_MAX) or f["strikes"]["best"] is not None:
        return [f]
    return per_place(f, m.places)


def per_place(f: dict, names: list[str]) -> list[dict]:
    """One report of `f` per named place, each with at least one strike."""
    out = []
    for name in names:
        resolved = places.resolve(name, f["country"])
        report = {**f, **{k: v for k, v in resolved.items() if v is not None or k != "country"}}
        report.update(strikes={"low": 1, "best": None, "high": None}, rule=f["rule"] + "+place-list")
        report.pop("places", None)
        out.append(report)
    return out


def tells_where_or_when(prev: Mention, m: Mention) -> bool:
    """A definite mention up to two sentences after a report names the place (of a place-less report that lists
    no places) or the date (of an undated one) of that report."""
    where = bool(m.fields["place"]) and not prev.fields["place"] and not prev.places
    when = bool(m.fields["date_start"]) and (not prev.fields["date_start"] or narrows(m.fields, prev.fields))
    return (where or when) and m.fields["scope"] != "aggregate" and m.sentence - prev.sentence <= 2


def narrows(day: dict, period: dict) -> bool:
    """`day` is one day inside the range or month `period` ("last week … The strikes on March 4")."""
    return (
        day["date_precision"] == "day"
        and period["date_precision"] in ("range", "month")
        and period["date_start"] <= day["date_start"] <= period["date_end"]
    )


def new_facts(f: dict) -> bool:
    """A date, place or province: what makes "The Friday airstrikes …" a report of its own."""
    return bool(f["date_start"] or f["date_precision"] or f["place"] or f["admin1"])


def compatible(a: dict, b: dict) -> bool:
    """Countries agree where both are known, and the date intervals overlap where both are known."""
    if a["country"] and b["country"] and a["country"] != b["country"]:
        return False
    if not a["date_start"] or not b["date_start"]:
        return True
    return a["date_start"] <= (b["date_end"] or b["date_start"]) and b["date_start"] <= (
        a["date_end"] or a["date_start"]
    )


def same_fact(a: dict, b: dict) -> bool:
    keys = ("country", "date_start", "date_end", "place", "admin1", "scope", "actor", "strikes")
    return all(a[k] == b[k] for k in keys) and a.get("places") == b.get("places")


def same_place(a: dict, b: dict) -> bool:
    if a["place_normalised"] and b["place_normalised"]:
        return a["place_normalised"] == b["place_normalised"]
    return bool(a["place"] and b["place"]) and places.fold(a["place"]) == places.fold(b["place"])


def same_event(prev: Mention, m: Mention) -> bool:
    """`m`, in the same clause or up to two sentences after `prev`, completes it: one of them is vague, neither
    lists places, they name at most one place, and `m` names no other actor (a cue of the same actor may only
    complete an exact count that had none)."""
    a, b = prev.fields, m.fields
    return (
        (0 < m.sentence - prev.sentence <= 2 or a["evidence"] == b["evidence"])
        and names_no_other_actor(m, prev)
        and (not m.cue or m.cue == prev.cue or not prev.vague)
        and not (a["admin1"] and b["admin1"] and a["admin1"] != b["admin1"])
        and (m.vague or prev.vague)
        and a["scope"] == b["scope"] == "event"
        and a["actor"] == b["actor"]
        and not m.places
        and not prev.places
        and compatible(a, b)
        and (not (a["place"] and b["place"]) or same_place(a, b))
    )


def names_no_other_actor(m: Mention, prev: Mention) -> bool:
    """`m` names no actor, the actor family of `prev`, or the coalition after an uncued coalition report."""
    return not m.cue or m.cue == prev.cue or (not prev.cue and m.cue == "coalition" == prev.fields["actor"])


def merge(into: dict, other: dict) -> None:
    """Fill what `into` lacks from `other`; the more precise count brings its evidence with it."""
    mine, theirs = into["strikes"], other["strikes"]
    if mine["best"] is None and (theirs["best"] is not None or (theirs["low"] or 0) > (mine["low"] or 0)):
        into.update(strikes=theirs, evidence=other["evidence"], engagements=other["engagements"])
    for key in ("date_start", "date_end", "date_precision"):
        into[key] = into[key] or other[key]
    into["country"] = into["country"] or other["country"]
    if not into["place"] and other["place"]:
        for key in ("place", "place_normalised", "admin1", "lat", "lon", "geo_precision", "geonames_id", "country"):
            into[key] = other[key] or into[key]
    if other["date_start"] and into["date_start"] and narrows(other, into):
        for key in ("date_start", "date_end", "date_precision"):
            into[key] = other[key]
    into["targets"] = into["targets"] or other["targets"]
    into["rule"] += "+merged"


def restate_aggregates(kept: list[Mention]) -> None:
    figures = {m.fields["strikes"]["best"] for m in kept if m.fields["scope"] == "aggregate"} - {None, 0}
    for m in kept:
        restated = m.fields["strikes"]["best"] in figures or m.fields.get("of_total") in figures
        if restated and m.fields["scope"] != "aggregate":
            m.fields.update(scope="aggregate", date_start=None, date_end=None, date_precision=None)
            m.fields["rule"] += "+restated-aggregate"


def absorbed(m: Mention, kept: list[Mention]) -> bool:
    """A vague mention that adds nothing to the reports of the same actor; forces acting on targets after a report of
    their country and dates (which they describe); or aircraft acting on targets in the
    sentence right after a strike report ("… killed Sunday as an airstrike launched by the coalition targeted …
    “The coalition jets targeted IS locations in al-Rashad and Hawija”"), which describes that strike."""
    f = m.fields
    if m.kind == "forces" and any(
        o.sentence < m.sentence and o.fields["scope"] == "event" and o.fields["actor"] == f["actor"]
        and o.fields["country"] == f["country"] and compatible(o.fields, f) for o in kept
    ):  # fmt: skip
        return True  # "… six strikes in Syria. In Syria, coalition forces struck targets near A and B": those strikes
    if m.places:
        return False
    described = m.kind in ("aircraft", "forces") and next(
        (
            o
            for o in kept
            if o.sentence == m.sentence - 1
            and o.fields["actor"] == f["actor"]
            and names_no_other_actor(m, o)
            and compatible(o.fields, f)
        ),
        None,
    )
    if described:  # the aircraft's place tells where the strike it describes was
        if f["place"] and not described.fields["place"] and not described.places:
            merge(described.fields, f)
        return True
    if quoted_repeat(m, kept):
        return True
    if not m.vague:
        return repeats_dated(m, kept)
    others = [
        o.fields for o in kept if o is not m and o.fields["scope"] != "aggregate" and o.fields["actor"] == f["actor"]
    ]
    if not f["place"] and not f["date_start"] and not f["admin1"]:
        return bool(others)
    return any(
        o["strikes"]["best"] is not None
        and o["strikes"]["best"] >= (f["strikes"]["low"] or 0)
        and same_place(o, f)
        and compatible(o, f)
        for o in others
    )


def quoted_repeat(m: Mention, kept: list[Mention]) -> bool:
    """A quotation undated by itself ("“… to deliver a successful strike against Daesh …”") after an event report
    of the same actor and dates: the quote speaks of that strike (dev-recent NOTES: a quote and a paraphrase)."""
    f = m.fields
    if not f["evidence"]["text"].startswith(("“", '"')) or "context-date" not in f["rule"] or f["place"]:
        return False
    return any(
        o is not m and o.sentence < m.sentence and o.fields["scope"] == "event" and o.fields["actor"] == f["actor"]
        and compatible(o.fields, f) for o in kept
    )  # fmt: skip


def same_dates(a: dict, b: dict) -> bool:
    return (a["date_start"], a["date_end"]) == (b["date_start"], b["date_end"])


def repeats_dated(m: Mention, kept: list[Mention]) -> bool:
    """An exact count at a place with no date that a dated report of the same place, count and actor states; or an
    exact count with no place (and no date, or the date of the other; its province, if any, the other's) that
    a dated report of the same actor, country, count and wording (and a place or province) states too: the same
    strike told twice (a
    paraphrase and a quote), kept once, with its date and place."""
    f = m.fields
    if f["place"] and not f["date_start"] and f["scope"] == "event":  # "four strikes near Mosul", dated elsewhere
        return any(
            o is not m and o.fields["date_start"] and same_place(o.fields, f) and o.fields["strikes"] == f["strikes"]
            and o.fields["actor"] == f["actor"] and o.fields["scope"] == "event" for o in kept
        )  # fmt: skip
    if f["place"] or f["scope"] != "event":
        return False
    return any(
        o is not m
        and o.phrase == m.phrase
        and (not f["admin1"] or o.fields["admin1"] == f["admin1"])
        and o.fields["date_start"]
        and (not f["date_start"] or (o.fields["place"] or o.fields["admin1"]) and same_dates(o.fields, f))
        and o.fields["scope"] == "event"
        and o.fields["actor"] == f["actor"]
        and o.fields["strikes"] == f["strikes"]
        and compatible(o.fields, f)
        for o in kept
    )


def adds_up_to(m: Mention, reports: list[Mention]) -> bool:
    """ "two strikes in Syria" then "A Sept. 24 strike …" and "A Sept. 16 strike …": a place-less exact count that
    the dated exact reports right after it (same actor and country, two or more days) add up to is their total."""
    f = m.fields
    if f["strikes"]["best"] is None:
        return False
    parts = [
        o.fields for o in sorted(reports, key=lambda o: o.sentence)
        if o.sentence > m.sentence and o.fields["scope"] == f["scope"] and o.fields["actor"] == f["actor"]
        and o.fields["date_start"] and o.fields["strikes"]["best"] is not None
        and (not f["country"] or o.fields["country"] == f["country"])
    ]  # fmt: skip
    total, days = 0, set()
    for g in parts:
        total, days = total + g["strikes"]["best"], days | {g["date_start"]}
        if total >= f["strikes"]["best"]:
            break
    return total == f["strikes"]["best"] and len(days) >= 2


def within(o: Mention, listed: list[str]) -> bool:
    """`o` is at one of the listed places, or lists only some of them."""
    names = {places.fold(n) for n in listed}
    if o.places:
        return {places.fold(n) for n in o.places} < names
    return places.fold(o.fields["place"] or "") in names


def is_total(m: Mention, reports: list[Mention]) -> bool:
    f = m.fields
    if f["scope"] == "aggregate" or f["place"] or f["admin1"]:
        return False
    if adds_up_to(m, reports):
        return True
    if m.places:
        return any(
            o is not m and o.fields["scope"] == f["scope"] and compatible(o.fields, f) and within(o, m.places)
            for o in reports
        )
    return any(
        o is not m
        and (o.fields["place"] or m.multi_country)
        and o.fields["scope"] == f["scope"]
        and o.fields["actor"] == f["actor"]
        and (not f["country"] or o.fields["country"] == f["country"])
        and compatible(o.fields, f)
        and not exceeds(o.fields, f)
        for o in reports
    )


def exceeds(part: dict, total: dict) -> bool:
    """A part with more strikes than the total is no part of it ("killed … in an airstrike", then a monitor's "two
    separate airstrikes … in Idlib")."""
    high = total["strikes"]["high"]
    return high is not None and (part["strikes"]["low"] or 0) > high

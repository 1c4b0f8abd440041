"""Place names → gazetteer entries (country, admin1, lat/lon, geo precision).

The gazetteer is the GeoNames cities500 extract for Iraq and Syria (data/gazetteer_geonames_iq_sy.tsv, CC BY 4.0,
built by scripts/build_gazetteer.py) plus a curated supplement (data/places_supplement.yaml) for wadis,
mountains, dams, regions, small villages and transliteration variants.

Names are compared after `fold`: accents and apostrophes removed, Arabic articles (al-, ar-, ash-, …) dropped,
case folded, non-letters removed — so "Ar Raqqah", "Raqqa" and "al-Raqqah" meet.

Geo precision codes (in the spirit of ACLED geo_precision / UCDP where_prec):
1 = the named town or village itself, 2 = near a named place / a small named area (wadi, mountain, dam) /
a distance from an anchor, 3 = a region or governorate (admin1), null = country only or unknown.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import yaml

COUNTRIES = {"iraq": "IQ", "syria": "SY"}
AREA_KINDS = {"wadi", "mountain", "dam", "area"}
_ARTICLE = re.compile(r"\b(?:al|ar|as|ash|ad|an|el|at|ath|az|ez|es|ed|aş|aț|aḑ|aţ)[- ]")


@lru_cache(maxsize=65536)
def fold(name: str) -> str:
    text = unicodedata.normalize("NFKD", name or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"['’‘ʿʾ`´]", "", text)
    text = _ARTICLE.sub("", text)
    text = re.sub(r"\b(?:the|city|town|village|of|province|governorate)\b", " ", text)
    return re.sub(r"[^a-z0-9]+", "", text)


FEATURE = "feature:"
GENERIC_HEADS = re.compile(r"\b(?:mount|mountains?|mt|jabal|jebel|wadi|valley|ridge|hills?|range)\b", re.IGNORECASE)


def feature_core(name: str) -> str:
    """A natural feature's name without its generic head words: "Mount Hamrin", "Hamrin Mountains" → "hamrin"."""
    return fold(GENERIC_HEADS.sub(" ", name))


def ascii_name(name: str) -> str:
    """GeoNames' transliteration in plain ASCII: diacritics and ‘ayn/hamza marks dropped ("Ḩadīthah" → "Hadithah")."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", re.sub(r"['’‘ʿʾ`´]", "", text)).strip()


@dataclass(frozen=True)
class Place:
    name: str  # canonical name (GeoNames name or supplement name)
    country: str
    admin1: str | None
    lat: float | None
    lon: float | None
    kind: str  # "populated" (GeoNames), or the supplement kind
    population: int = 0
    geonames_id: int | None = None
    english: str | None = None  # the common English ASCII spelling (place_normalised)

    def precision(self, near: bool = False) -> int:
        if self.kind == "region":
            return 3
        if self.kind in AREA_KINDS or near:
            return 2
        return 1


@dataclass(frozen=True)
class Gazetteer:
    by_key: dict[str, tuple[Place, ...]]
    admin1: dict[str, tuple[str, str]]  # folded spelling → (canonical admin1, country)

    def lookup(self, name: str, country: str | None = None) -> Place | None:
        """The best entry for `name`: the supplement first, then the most populous, preferring `country`; a
        natural feature also by its name without the generic head ("Mount Hamrin" → the Hamrin Mountains)."""
        core = feature_core(name)
        candidates = self.by_key.get(fold(name), ()) or (self.by_key.get(fold(FEATURE + core), ()) if core else ())
        if country:
            candidates = tuple(p for p in candidates if p.country == country) or candidates
        return candidates[0] if candidates else None

    def admin1_name(self, name: str) -> str | None:
        return self.admin1.get(fold(name), (None, None))[0]

    def admin1_country(self, canonical: str) -> str | None:
        return next((country for name, country in self.admin1.values() if name == canonical), None)


def _data(name: str):
    return resources.files("pressroom").joinpath("data", name)


@cache
def gazetteer() -> Gazetteer:
    """Load the package's gazetteer files once (about 500 GeoNames rows plus the supplement)."""
    by_key: dict[str, list[Place]] = {}

    def add(key_name: str, place: Place) -> None:
        key = fold(key_name)
        if key and place not in by_key.setdefault(key, []):
            by_key[key].append(place)

    supplement = yaml.safe_load(_data("places_supplement.yaml").read_text(encoding="utf-8"))
    for entry in supplement["places"]:
        place = Place(
            entry["name"],
            entry["country"],
            entry.get("admin1"),
            entry.get("lat"),
            entry.get("lon"),
            entry["kind"],
            english=ascii_name(entry["name"]),
        )
        for n in [entry["name"], *entry.get("aliases", [])]:
            add(n, place)
            if entry["kind"] in AREA_KINDS and feature_core(n):  # "Mount Hamrin", "Jabal Hamrin" meet on "Hamrin"
                add(FEATURE + feature_core(n), place)
    rows = _data("gazetteer_geonames_iq_sy.tsv").read_text(encoding="utf-8").splitlines()
    english = {int(k): v for k, v in (supplement.get("english") or {}).items()}
    geonames = []
    for row in csv.DictReader((r for r in rows if not r.startswith("#")), delimiter="\t"):
        gid = int(row["geonameid"])
        place = Place(
            row["name"],
            row["country"],
            row["admin1"] or None,
            float(row["lat"]),
            float(row["lon"]),
            "populated",
            int(row["population"]),
            gid,
            english.get(gid) or ascii_name(row["name"]),
        )
        geonames.append((place, [row["name"], *filter(None, row["alternatenames"].split("|"))]))
    geonames.sort(key=lambda item: -item[0].population)
    for place, names in geonames:
        for n in names:
            add(n, place)
    for entry in supplement["aliases"]:
        for place in by_key.get(fold(entry["of"]), []):
            add(entry["alias"], place)
    admin1 = {
        fold(v): (canonical, country)
        for country, governorates in supplement["admin1"].items()
        for canonical, variants in governorates.items()
        for v in variants
    }
    return Gazetteer({k: tuple(v) for k, v in by_key.items()}, admin1)


def resolve(name: str, country: str | None = None, near: bool = False) -> dict:
    """Report fields for a place name as written: the gazetteer entry when there is one."""
    place = gazetteer().lookup(name, country)
    if place is None:
        return {
            "place": name,
            "place_normalised": None,
            "country": country,
            "admin1": None,
            "lat": None,
            "lon": None,
            "geo_precision": None,
            "geonames_id": None,
        }
    return {
        "place": name,
        "place_normalised": place.english or place.name,
        "country": place.country,
        "admin1": place.admin1,
        "lat": place.lat,
        "lon": place.lon,
        "geo_precision": place.precision(near),
        "geonames_id": place.geonames_id,
    }

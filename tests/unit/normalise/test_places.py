import pytest

from pressroom.normalise import places


@pytest.mark.parametrize(
    ("name", "canonical", "country", "admin1"),
    [
        ("Kirkuk", "Kirkuk", "IQ", "Kirkuk"),
        ("Kerkuk", "Kirkuk", "IQ", "Kirkuk"),
        ("Erbil", "Erbil", "IQ", "Erbil"),
        ("Irbil", "Erbil", "IQ", "Erbil"),
        ("Raqqa", "Ar Raqqah", "SY", "Raqqa"),
        ("Ar Raqqah", "Ar Raqqah", "SY", "Raqqa"),
        ("Qaim", "Al Qā’im", "IQ", "Anbar"),
        ("Al Qa'im", "Al Qā’im", "IQ", "Anbar"),
        ("Dayr Az Zawr", "Deir ez-Zor", "SY", "Deir ez-Zor"),
        ("Deir ez Zour", "Deir ez-Zor", "SY", "Deir ez-Zor"),
        ("Wadi al-Shai", "Wadi al-Shai", "IQ", "Kirkuk"),
        ("Wadi al-Shay", "Wadi al-Shai", "IQ", "Kirkuk"),
        ("Mar'a", "Māri‘", "SY", "Aleppo"),
        ("Shadaddi", "Ash Shaddādah", "SY", "Hasakah"),
        ("Mosul Dam", "Mosul Dam", "IQ", None),
        ("Hamrin Mountains", "Hamrin Mountains", "IQ", None),
        ("As Safah", "Ash Shafah", "SY", "Deir ez-Zor"),
        ("Al-Shafah", "Ash Shafah", "SY", "Deir ez-Zor"),
        ("Khazir", "Khazer", "IQ", None),
        ("Sultan Abdalla", "Sultan Abdallah", "IQ", None),
    ],
)
def test_gazetteer_variants(name, canonical, country, admin1):
    place = places.gazetteer().lookup(name)
    assert (place.name, place.country, place.admin1) == (canonical, country, admin1)


def test_precision_codes():
    assert places.resolve("Mosul")["geo_precision"] == 1
    assert places.resolve("Mosul", near=True)["geo_precision"] == 2
    assert places.resolve("Wadi al-Shai")["geo_precision"] == 2
    assert places.resolve("Kurdistan Region")["geo_precision"] == 3
    assert places.resolve("Nowhere Town") == {
        "place": "Nowhere Town",
        "place_normalised": None,
        "country": None,
        "admin1": None,
        "lat": None,
        "lon": None,
        "geo_precision": None,
        "geonames_id": None,
    }


@pytest.mark.parametrize(
    ("written", "normalised", "geonames_id"),
    [
        ("Albu Kamal", "Abu Kamal", 174448),
        ("al-Mayadin", "Mayadin", 173480),
        ("Ar Raqqah", "Raqqa", 172955),
        ("Tall Afar", "Tal Afar", 90393),
        ("Haqlaniyah", "Haqlaniyah", 95886),
        ("Hadithah", "Haditha", 96309),
    ],
)
def test_place_normalised_is_the_common_ascii_spelling_and_keeps_the_geonames_id(written, normalised, geonames_id):
    resolved = places.resolve(written)
    got = (resolved["place"], resolved["place_normalised"], resolved["geonames_id"])
    assert got == (written, normalised, geonames_id)


def test_other_geonames_places_are_plain_ascii():
    assert places.resolve("Khanaqin")["place_normalised"] == "Khanaqin"
    assert places.resolve("Al Hayy")["place_normalised"].isascii()


def test_natural_features_meet_without_their_generic_head():
    assert places.gazetteer().lookup("Mount Hamrin").name == "Hamrin Mountains"


def test_admin1_spellings():
    assert places.gazetteer().admin1_name("Ninawa") == "Nineveh"
    assert places.gazetteer().admin1_name("Salahuddin") == "Salah ad-Din"


def test_geonames_rows_have_coordinates():
    mosul = places.gazetteer().lookup("Mosul")
    assert mosul.kind == "populated" and 36 < mosul.lat < 37 and 43 < mosul.lon < 44

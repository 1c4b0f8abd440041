import pytest

from pressroom.normalise import spokespeople


@pytest.mark.parametrize(
    ("sentence", "name", "rank", "role", "organisation"),
    [
        # CJTF-OIR release, public domain (dev-014: terrorism-online.blogspot.com copy of the July 20, 2018 release)
        ("said SDF spokesman Kino Gabriel.", "Kino Gabriel", None, "SDF spokesman", "SDF"),
        (
            "Army Maj. Gen. James Jarrard, commander of CJTF-OIR’s Special Operations Joint Task Force, said",
            "James Jarrard",
            "Maj. Gen.",
            "commander of CJTF-OIR’s Special Operations Joint Task Force",
            "CJTF-OIR",
        ),
        (
            "said Coalition Spokesperson Col. Myles B. Caggins III.",
            "Myles B. Caggins III",
            "Col.",
            "Coalition Spokesperson",
            "CJTF-OIR",
        ),
        (
            "said UK Major General Christopher Ghika, the coalition’s deputy commander.",
            "Christopher Ghika",
            "Maj. Gen.",
            "coalition’s deputy commander",
            "CJTF-OIR",
        ),
        ("Defense Secretary Ash Carter, in a Monday statement", "Ash Carter", None, "Defense Secretary", "DoD"),
        (
            "said CJTF-OIR Commander Lt. Gen. Paul Funk II.",
            "Paul Funk II",
            "Lt. Gen.",
            "CJTF-OIR Commander",
            "CJTF-OIR",
        ),
        ("coalition commander Lt. Gen. Pat White said", "Pat White", "Lt. Gen.", "coalition commander", "CJTF-OIR"),
        (
            "said Brett McGurk, the Special Presidential Envoy for the Global Coalition to Defeat ISIS.",
            "Brett McGurk",
            None,
            "Special Presidential Envoy for the Global Coalition to Defeat ISIS",
            "Global Coalition",
        ),
        (
            "While White House press secretary Stephanie Grisham said",
            "Stephanie Grisham",
            None,
            "White House press secretary",
            "White House",
        ),
    ],
)
def test_spokespeople(sentence, name, rank, role, organisation):
    [p] = spokespeople.extract(sentence)
    assert (p["name"], p["rank"], p["role"], p["organisation"]) == (name, rank, role, organisation)
    assert sentence[p["evidence"]["start"] : p["evidence"]["end"]] == p["evidence"]["text"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Sirwan Barzani, commander of the Peshmerga forces on the Gwer-Makhmour front, told Rudaw",
        "Lieutenant colonel Ahmed Mustafa, a Peshmerga commander, confirmed the attack",
        "the coalition spokesperson said on Tuesday",
    ],
)
def test_local_commanders_and_unnamed_spokespeople_are_not_listed(sentence):
    assert spokespeople.extract(sentence) == []


@pytest.mark.parametrize("variant", ["Col. Myles B. Caggins III", "Myles B. Caggins III", "Caggins", "CAGGINS"])
def test_canonical_key_merges_name_variants(variant):
    assert spokespeople.canonical_key(variant) == "caggins"


def test_one_entry_per_person_with_quotes():
    text = (
        '"Strikes like these help," said Coalition Spokesperson Col. Myles B. Caggins III.\n'
        '"We will continue," Caggins added.'
    )
    [p] = spokespeople.extract(text)
    assert [q["text"] for q in p["quotes"]] == ["Strikes like these help,", "We will continue,"]

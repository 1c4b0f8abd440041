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
        ("Defense Secretary Ash Carter said in a Monday statement", "Ash Carter", None, "Defense Secretary", "DoD"),
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
        # Rank and role forms (sentences written for these tests).
        (
            "said Brig Gen. Jane Doe, deputy commander, Combined Joint Task Force – Operation Inherent Resolve, on "
            "Friday.",
            "Jane Doe",
            "Brig. Gen.",
            "deputy commander, Combined Joint Task Force – Operation Inherent Resolve",
            "CJTF-OIR",
        ),
        (
            "Col. John Dorrian, a spokesman for the U.S.-led coalition, said",
            "John Dorrian",
            "Col.",
            "spokesman for the U.S.-led coalition",
            "CJTF-OIR",
        ),
        (
            "Col. John Smith, chief of public affairs for the Combined Joint Task Force, told reporters",
            "John Smith",
            "Col.",
            "chief of public affairs for the Combined Joint Task Force",
            "CJTF-OIR",
        ),
        ("Navy Cmdr. Bill Urban, a CENTCOM spokesman, said", "Bill Urban", "Cmdr.", "CENTCOM spokesman", "CENTCOM"),
        (
            "The Pentagon press secretary, John Kirby, said the strikes",
            "John Kirby",
            None,
            "Pentagon press secretary",
            "DoD",
        ),
        ("Pentagon spokesman Navy Capt. Jeff Davis told reporters", "Jeff Davis", "Capt.", "Pentagon spokesman", "DoD"),
        (
            "Lt Col Joe Scrocca, spokesperson for Operation Inherent Resolve, said",
            "Joe Scrocca",
            "Lt. Col.",
            "spokesperson for Operation Inherent Resolve",
            "CJTF-OIR",
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
        "the coalition spokesperson said on Tuesday",
        # spokespeople of bodies that do not report military operations (sentences written for this test)
        "While White House press secretary Stephanie Grisham said",
        "UN spokesman Stephane Dujarric said the strikes",
        "Taliban spokesman Zabihullah Mujahid said",
        "The spokesman for the Syrian Observatory for Human Rights, Rami Abdel Rahman, said",
    ],
)
def test_local_commanders_and_unnamed_spokespeople_are_not_listed(sentence):
    assert spokespeople.extract(sentence) == []


def test_unnamed_coalition_spokesperson_is_the_officer_quoted_later():
    text = (
        "A coalition spokesman said the strikes destroyed four caves.\n"
        '"Coalition aircraft struck 4 caves," U.S. Army Col. Scott Rawlinson tweeted on Monday.'
    )
    [p] = spokespeople.extract(text)
    assert (p["name"], p["rank"], p["organisation"]) == ("Scott Rawlinson", "Col.", "CJTF-OIR")
    assert text[p["evidence"]["start"] : p["evidence"]["end"]] == p["evidence"]["text"]


def test_unnamed_spokesperson_is_not_given_to_a_local_commander():
    text = "The coalition spokesman said aircraft responded. Maj. Gen. Hiwa Rash told reporters two attackers died."
    assert spokespeople.extract(text) == []


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


# Sentences written for these tests: one per mechanism of the contract's spokesperson rule.
@pytest.mark.parametrize(
    ("text", "name", "rank", "organisation"),
    [
        ("CENTCOM commander General Mike “Erik” Kurilla said the strikes hit two sites.", "Mike Erik Kurilla",
         "Gen.", "CENTCOM"),
        ("Sirwan Barzani, commander of the Peshmerga forces on the front, told reporters the operation began.",
         "Sirwan Barzani", None, "Peshmerga"),
        ("Peshmerga Major-General Jane Doe, Commander of Sector 9, announced on Thursday that two caves were hit.",
         "Jane Doe", "Maj. Gen.", "Peshmerga"),
        ("UK Defence Secretary John Doe said RAF Typhoons took part.", "John Doe", None, "UK MoD"),
        ("Defence Secretary John Doe told a newspaper the operation was a success.", "John Doe", None, "UK MoD"),
        ("Secretary of War John Doe said the strikes were a success.", "John Doe", None, "DoD"),
        ("The director of the Joint Staff, Lt. Gen. John Doe, said the strikes hit three sites.", "John Doe",
         "Lt. Gen.", "DoD"),
        ("CJTF-OIR Chief of Staff Brig. Gen. John Doe said the operation continues.", "John Doe", "Brig. Gen.",
         "CJTF-OIR"),
        ("Good evening. I'm Brigadier General John Doe, Pentagon press secretary.", "John Doe", "Brig. Gen.", "DoD"),
        ("John Doe, a member of the SDF General Command, spoke at the ceremony. Doe emphasized the sacrifice.",
         "John Doe", None, "SDF"),
        ("The Iraqi prime minister's military spokesman, John Doe, said the strikes hit.", "John Doe", None,
         "Iraqi military"),
        ("Meanwhile, Peshmerga Ministry's Chief of Staff, Lt. Gen. John Doe, told reporters the raid succeeded.",
         "John Doe", "Lt. Gen.", "Peshmerga"),
        ("Gen. John Doe Holds a Press Briefing\nGEN. DOE: Thank you. The Pentagon will answer questions.",
         "John Doe", "Gen.", "DoD"),
        ("Operation Inherent Resolve's Commanding General, Lt. Gen. John Doe, said the coalition struck.",
         "John Doe", "Lt. Gen.", "CJTF-OIR"),
        ("Lt. Gen. John Doe, who commands the coalition, said ISIS was weak.", "John Doe", "Lt. Gen.", "CJTF-OIR"),
        ("U.S. Central Command (CENTCOM) Commander Adm. John Doe said the strike killed a leader.", "John Doe",
         "Adm.", "CENTCOM"),
    ],
)
def test_officials_who_speak(text, name, rank, organisation):
    [p] = spokespeople.extract(text)
    assert (p["name"], p["rank"], p["organisation"]) == (name, rank, organisation)
    assert text[p["evidence"]["start"] : p["evidence"]["end"]] == p["evidence"]["text"]


@pytest.mark.parametrize(
    "text",
    [
        "Colonel John Doe, head of the advisory team, met with Peshmerga Major-General Jane Roe on Monday.",
        "The Pentagon under Secretary of Defense John Doe conducted a drone strike in Baghdad. File Photo",
        "The raids were carried out as Gen John Doe, the US chairman of the Joint Chiefs of Staff, visited Amman.",
        "Iraqi Prime Minister John Doe said the attack was unacceptable.",
        "French Foreign Minister John Doe said the talks went well.",
        "Kirkuk police spokesman Col. John Doe said two people were injured.",
        "Russian Defense Ministry spokesman John Doe said Russian jets struck targets.",
        "Treasury Secretary John Doe said sanctions would follow.",
        "Walter Reed National Military Medical Center, a Pentagon spokeswoman said.",
        "The strike, approved by Defense Secretary John Doe, was carried out on Friday, officials said.",
        "Jane Roe, a spokesperson for the photo app, said the feature was removed.",
        "US Treasury spokesperson Jane Roe said sanctions would follow.",
    ],
)
def test_people_only_mentioned_and_other_bodies_are_not_listed(text):
    assert spokespeople.extract(text) == []


def test_a_passive_verb_is_not_speech_and_abbreviations_do_not_end_the_clause():
    assert spokespeople.extract("Gen. John Doe, CENTCOM commander, was briefed on the strike.") == []
    text = "CENTCOM commander Gen. John Doe and Pentagon spokeswoman Adm. Jane Roe said the strikes hit."
    assert [p["name"] for p in spokespeople.extract(text)] == ["John Doe", "Jane Roe"]


@pytest.mark.parametrize(
    ("text", "organisation"),
    [
        ("Coalition jets struck. Iraqi Army Maj. Gen. John Doe said the coalition helped.", "Iraqi military"),
        ("Coalition jets struck. “We hit them,” U.S. Army Col. John Doe said.", "CJTF-OIR"),
    ],
)
def test_a_ranked_officer_without_role_speaks_for_a_partner_service_or_the_document(text, organisation):
    [p] = spokespeople.extract(text)
    assert (p["name"], p["organisation"], p["rule"]) == ("John Doe", organisation, "speaker.rank-name")

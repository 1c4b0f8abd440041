from pressroom.normalise import text

# CJTF-OIR release of July 18, 2017, https://www.defense.gov/News/Article/Article/1250324/
RELEASE = """Strikes in Iraq

In Iraq, coalition military forces conducted four strikes consisting of four engagements against ISIS targets:

-- Near Mosul, two strikes engaged two ISIS tactical units and destroyed a weapons cache and a staging area.

-- Near Qayyarah, a strike suppressed an ISIS tactical unit."""


def test_sentences_have_offsets_and_bullets_split():
    found = text.sentences(RELEASE)
    assert [s.text[:20] for s in found] == [
        "Strikes in Iraq",
        "In Iraq, coalition m",
        "Near Mosul, two stri",
        "Near Qayyarah, a str",
    ]
    assert all(RELEASE[s.start : s.end] == s.text for s in found)


def test_trafilatura_flattened_bullets_and_abbreviations():
    flat = "Syria *  Near Al Hawl, one strike destroyed an ISIL VBIED. Iraq *  Near Bayji, Lt. Col. Smith said so."
    assert [s.text for s in text.sentences(flat)] == [
        "Syria",
        "Near Al Hawl, one strike destroyed an ISIL VBIED.",
        "Iraq",
        "Near Bayji, Lt. Col. Smith said so.",
    ]


def test_initials_do_not_end_a_sentence():
    line = "said Coalition Spokesperson Col. Myles B. Caggins III. The strikes continued."
    assert len(text.sentences(line)) == 2


def test_clauses_split_at_semicolons_and_while():
    line = "Coalition strikes took out three camps in Kirkuk province, while a jet blasted a cave in Nineveh."
    sentence = text.sentences(line)[0]
    assert [c.text for c in text.clauses(line, sentence)] == [
        "Coalition strikes took out three camps in Kirkuk province",
        "a jet blasted a cave in Nineveh.",
    ]


def test_normalise_is_one_for_one_and_joins_hard_wraps():
    raw = "Near Mosul, four strikes engaged\n  an ISIS unit “near” the ‑ river\u00a0bank.\nNear Raqqa, two strikes."
    flat = text.normalise(raw)
    assert len(flat) == len(raw)
    assert flat == 'Near Mosul, four strikes engaged   an ISIS unit "near" the - river bank.\nNear Raqqa, two strikes.'


def test_a_wrapped_bullet_is_one_sentence():
    wrapped = (
        "-- Near Mosul, two strikes engaged two ISIS tactical units and\ndestroyed a weapons cache.\n"
        "-- Near Tal Afar, one strike."
    )
    found = text.sentences(text.normalise(wrapped))
    assert [s.text[:14] for s in found] == ["Near Mosul, tw", "Near Tal Afar,"]


def test_no_sentence_is_longer_than_the_cap():
    long = "militants moved along the road " * 2000
    found = text.sentences(long)
    assert max(len(s.text) for s in found) <= text.MAX_SENTENCE
    assert all(long[s.start : s.end] == s.text for s in found)

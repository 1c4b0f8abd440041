import datetime as dt

from pressroom.normalise import analyse, checks

# CJTF-OIR release of June 26, 2017 (per-place lines shortened),
# https://www.defense.gov/News/Article/Article/1228587/
RELEASE = """In Iraq, coalition military forces conducted three strikes consisting of 52 engagements \
against ISIS targets:

-- Near Mosul, two strikes engaged three ISIS tactical units.

-- Near Samarra, a strike engaged an ISIS tactical unit."""


def test_headline_that_adds_up_gives_no_finding():
    result = analyse(RELEASE, published=dt.date(2017, 6, 26))
    assert [h["strikes"]["best"] for h in result["headlines"]] == [3]
    assert result["findings"] == []


def test_headline_that_does_not_add_up_is_a_finding():
    result = analyse(
        RELEASE.replace("Near Samarra, a strike", "Near Samarra, two strikes"), published=dt.date(2017, 6, 26)
    )
    [finding] = result["findings"]
    assert finding["check"] == "headline_sum" and finding["severity"] == "warning"
    assert "add up to 4" in finding["detail"]
    assert finding["evidence"]["text"].startswith("In Iraq, coalition military forces conducted three strikes")


def test_engagements_check():
    report = {"engagements": 1, "strikes": {"low": 2, "best": 2, "high": 2}, "evidence": None}
    assert [f["check"] for f in checks.engagements([report])] == ["engagements_below_strikes"]

import pytest

from pressroom.normalise import targets


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        ("it destroyed three ISIS camps south of Kirkuk province", [("camp", 3, "destroyed")]),
        # CJTF-OIR release of July 18, 2017, https://www.defense.gov/News/Article/Article/1250324/
        (
            "Near Abu Kamal, two strikes destroyed four ISIS oil refinement stills, three oil storage tanks and "
            "three oil barrels.",
            [
                ("oil infrastructure", 4, "destroyed"),
                ("oil infrastructure", 3, "destroyed"),
                ("oil infrastructure", 3, "destroyed"),
            ],
        ),
        ("Near Qayyarah, a strike suppressed an ISIS tactical unit.", [("tactical unit", 1, "suppressed")]),
        ("The strike damaged an ISIS line of communication.", [("supply route", 1, "damaged")]),
        ("a jet blasted an ISIS cave in Nineveh province", [("cave", 1, "destroyed")]),
        (
            "Near Huwayjah, a strike destroyed an ISIL command-and-control node.",
            [("command and control", 1, "destroyed")],
        ),
        (
            "one strike destroyed an ISIL vehicle borne improvised explosive device (VBIED)",
            [("vbied", 1, "destroyed")],
        ),
        (
            "destroyed six tunnel entrances and a weapons cache",
            [("tunnel", 6, "destroyed"), ("weapons", 1, "destroyed")],
        ),
        ("The airstrikes targeted militant hideouts", []),
    ],
)
def test_targets(clause, expected):
    assert [(t["type"], t["count"], t["effect"]) for t in targets.extract(clause)] == expected

import pytest

from pressroom.normalise import numbers


@pytest.mark.parametrize(
    ("phrase", "low", "best", "high"),
    [
        ("12", 12, 12, 12),
        ("1,200", 1200, 1200, 1200),
        ("twenty-one", 21, 21, 21),
        ("a dozen", 12, 12, 12),
        ("a", 1, 1, 1),
        ("an", 1, 1, 1),
        ("a third", 1, 1, 1),  # "A third air strike was conducted near Mosul"
        ("fives", 5, 5, 5),  # source typo "fives strikes" in a 2017 CJTF-OIR release
        ("several", 3, None, None),
        ("dozens of", 24, None, None),
        ("tens of thousands of", 20000, None, None),
        ("at least 133", 133, None, None),
        ("over 60", 61, None, None),
        ("two dozen", 24, 24, 24),
        ("a handful of", 2, None, None),
        ("about 20", 18, None, 22),
        ("nearly 100", 90, None, 100),
        ("up to 10", None, None, 10),
    ],
)
def test_quantities_are_intervals(phrase, low, best, high):
    assert numbers.parse(phrase) == {"low": low, "best": best, "high": high}


def test_not_a_quantity():
    assert numbers.parse("airstrikes") is None

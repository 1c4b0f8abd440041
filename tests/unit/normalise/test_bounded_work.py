"""Normalisation is linear in the input size: every clause-level rule reads a bounded window, once per clause.

Asserts on work done (characters handed to the clause-level rules, clause reads of the per-clause caches), never on
wall time.
"""

import pytest

from pressroom.normalise import analyse, dates, locations, strikes, targets, text

FILLER = "the militants moved along the road and "


def sparse(size: int) -> str:
    """`size` characters without punctuation, a strike mention every ~2 000 characters."""
    chunk = FILLER * 50 + "coalition airstrikes hit them near Mosul "
    return (chunk * (size // len(chunk) + 1))[:size]


@pytest.fixture
def scanned(monkeypatch):
    """Lengths of the clauses handed to the clause-level rules during one analysis."""
    seen: list[int] = []
    for module, name in ((strikes, "find_mentions"), (locations, "find_places")):
        original = getattr(module, name)

        def counting(body, *args, _original=original, **kwargs):
            seen.append(len(body))
            return _original(body, *args, **kwargs)

        monkeypatch.setattr(module, name, counting)
    dates._find_all.cache_clear()
    targets._extract.cache_clear()
    return seen


@pytest.mark.parametrize(
    "document",
    [
        pytest.param(FILLER * 2600 + "coalition airstrikes near Mosul", id="100k-one-unpunctuated-sentence"),
        pytest.param(sparse(1_000_000), id="1mb-unpunctuated"),
        pytest.param(("coalition airstrikes hit the militants moved along the road " * 500)[:30_000], id="dense"),
        pytest.param(
            "Near Mosul, four strikes engaged two ISIS tactical units on July 16. " * 1500, id="release-lines"
        ),
    ],
)
def test_work_is_linear_in_the_input(scanned, document):
    analyse(document)
    assert max(scanned) <= text.MAX_SENTENCE
    assert sum(scanned) <= 3 * len(document)  # each character reaches the clause rules a bounded number of times
    clause_reads = dates._find_all.cache_info().misses + targets._extract.cache_info().misses
    assert clause_reads * text.MAX_SENTENCE <= 4 * len(document) + 4 * text.MAX_SENTENCE

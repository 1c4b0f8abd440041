"""Vocabularies as data: strike nouns, actor families, campaign cues, denial cues, plausible maxima.

The word lists live in `plugins/pressroom/data/vocabulary/*.yaml` (one file per concern, each entry a short regex
alternative); this module loads them once and builds the alternations the rules use.
"""

from __future__ import annotations

import functools
from importlib import resources

import yaml


@functools.cache
def load(name: str) -> dict:
    """The parsed vocabulary file `name` (without .yaml), read once per process."""
    path = resources.files("pressroom").joinpath("data", "vocabulary", f"{name}.yaml")
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def alternation(patterns: list[str]) -> str:
    """One non-capturing group of the alternatives, longest first (so "airstrikes" wins over "strikes")."""
    return "(?:" + "|".join(sorted(patterns, key=len, reverse=True)) + ")"


def words(patterns: list[str]) -> str:
    """The alternatives as whole words: not inside a longer word or hyphenated compound."""
    return rf"(?<![\w-]){alternation(patterns)}(?![\w-])"

"""Shared paths for the normaliser tests: ../shared (seed, dev corpus, scorer) next to the repository."""

from __future__ import annotations

from pathlib import Path

SHARED = Path(__file__).resolve().parents[3] / ".." / "shared"
DEV = SHARED / "corpus" / "dev"
SEED = SHARED / "seed"

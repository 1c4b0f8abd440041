"""Secrets kept on disk (passwords, keys): files readable by their owner only."""

from __future__ import annotations

import os
from pathlib import Path


def create_private_file(path: Path, text: str) -> None:
    """Write `text` to a new file created 0600 (in a 0700 folder when the folder is new); fails if it exists."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(text)

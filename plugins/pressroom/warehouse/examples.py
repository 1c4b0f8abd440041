"""The example queries of docs/analysts.md, read from the document itself (tests and the benchmark run them)."""

from __future__ import annotations

import re
from pathlib import Path

from ..settings import PROJECT_ROOT

ANALYSTS_DOC = PROJECT_ROOT / "docs" / "analysts.md"
EXAMPLE = re.compile(r"```sql\n-- example: (\w+)\n(.*?)```", re.S)


def example_queries(path: Path = ANALYSTS_DOC) -> dict[str, str]:
    """{name: sql} for every ```sql block that starts with `-- example: <name>`, in document order."""
    return dict(EXAMPLE.findall(path.read_text(encoding="utf-8")))

"""The storage layer's SQL files and the COPY helper every batch write uses."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path

SQL_DIR = Path(__file__).with_name("sql")
COPY_CHUNK = 1 << 20  # bytes per write to the server (the 8 KiB default costs a call per 8 KiB)
_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


@cache
def sql(name: str) -> str:
    """The statement in `sql/<name>.sql`."""
    return (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")


def copy_rows(cur, table: str, columns: Sequence[str], rows: Iterable[Sequence]) -> int:
    """COPY `rows` into `table` (text format, sent 1 MiB per call); returns the number of rows sent."""
    text = "".join("\t".join(map(_copy_field, row)) + "\n" for row in rows)
    if text:
        cur.copy_expert(f"copy {table} ({', '.join(columns)}) from stdin", io.BytesIO(text.encode()), COPY_CHUNK)
    return text.count("\n")


def _copy_field(value) -> str:
    if value is None:
        return "\\N"
    if isinstance(value, str):
        return value.translate(_ESCAPES)
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, bytes | bytearray | memoryview):
        return "\\\\x" + bytes(value).hex()
    if isinstance(value, list | tuple):  # text[]
        return ("{" + ",".join('"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"' for s in value)
                + "}").translate(_ESCAPES)
    return str(value)

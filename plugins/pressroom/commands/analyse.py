"""`pressroom analyse`: the scored contract (../shared/contract/README.md).

One file → one JSON object on stdout; `--input-dir/--output-dir` → one JSON file per input.
Needs no Airflow, database or network.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from pathlib import Path

from ..analysis import analyse_extracted, extract_document
from ..fetch.session import BodyError, gunzip
from ..models import ExtractionFailure
from ..settings import get_settings

log = logging.getLogger(__name__)

HTML_SUFFIXES = {".html", ".htm"}
BATCH_SUFFIXES = HTML_SUFFIXES | {".txt"}


class UnreadableInput(Exception):
    """The file cannot be read or is of a kind `analyse` does not take."""


def register(commands) -> None:
    p = commands.add_parser("analyse", help="normalise one document (or a folder) to contract JSON")
    p.add_argument("file", nargs="?", type=Path, help=".html/.htm (optionally .gz) page or .txt article text")
    p.add_argument("--published", type=date.fromisoformat, help="publication date YYYY-MM-DD")
    p.add_argument("--url", help="the document's URL (recorded, never fetched)")
    p.add_argument("--source", help="source name (recorded)")
    p.add_argument("--input-dir", type=Path, help="batch: analyse every .html/.htm/.txt file here")
    p.add_argument("--output-dir", type=Path, help="batch: write <stem>.json files here")
    p.add_argument("--workers", type=int, default=1, help="batch: processes (default 1)")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if args.input_dir:
        if not args.output_dir:
            print("pressroom analyse: --input-dir needs --output-dir", file=sys.stderr)
            return 2
        return run_batch(args.input_dir, args.output_dir, args.workers)
    if not args.file:
        print("pressroom analyse: give FILE or --input-dir/--output-dir", file=sys.stderr)
        return 2
    try:
        result = analyse_file(args.file, published=args.published, url=args.url)
    except UnreadableInput as exc:
        print(f"pressroom analyse: {exc}", file=sys.stderr)
        return 2
    if args.source:
        result["source"] = args.source
    sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
    return 0


def analyse_file(path: Path, *, published: date | None = None, url: str | None = None, with_text=False) -> dict:
    """Read, extract and normalise one file; raises UnreadableInput for files it cannot take."""
    body, is_html = read_input(path)
    doc = extract_document(
        body, content_type="text/html" if is_html else "text/plain", url=url, reference_date=published
    )
    if isinstance(doc, ExtractionFailure):
        raise UnreadableInput(f"{path}: {doc.reason}")
    result = analyse_extracted(doc, published=published, url=url)
    if with_text:
        result["text"] = doc.text
    return result


def read_input(path: Path) -> tuple[bytes, bool]:
    """File bytes and whether they are HTML, by suffix (a trailing .gz is decompressed). Files and decompressed
    bodies are capped at the fetcher's body size, so memory stays bounded whatever the input."""
    suffixes = [s.lower() for s in path.suffixes]
    gzipped = bool(suffixes) and suffixes[-1] == ".gz"
    kind = suffixes[-2] if gzipped and len(suffixes) > 1 else (suffixes[-1] if suffixes else "")
    if kind not in BATCH_SUFFIXES:
        got = "".join(suffixes) or "no suffix"
        raise UnreadableInput(f"{path}: expected .html, .htm, .txt (optionally .gz), got {got}")
    limit = get_settings().max_body_bytes  # the fetcher's cap: no page the pipeline stores is larger
    try:
        size = path.stat().st_size
        if size > limit:
            raise UnreadableInput(f"{path}: {size} bytes exceeds the input cap of {limit} bytes"
                                  " (PRESSROOM_MAX_BODY_BYTES)")
        body = path.read_bytes()
        if gzipped:
            body = gunzip(body, limit)
    except OSError as exc:
        raise UnreadableInput(f"{path}: {exc.strerror or exc}") from exc
    except BodyError as exc:
        cap = " (PRESSROOM_MAX_BODY_BYTES)" if exc.error_class == "decompression_bomb" else ""
        raise UnreadableInput(f"{path}: {exc}{cap}") from exc
    if kind == ".txt" and b"\x00" in body[:4096]:
        raise UnreadableInput(f"{path}: binary content in a .txt file")
    return body, kind in HTML_SUFFIXES


def run_batch(input_dir: Path, output_dir: Path, workers: int) -> int:
    files = sorted(p for p in input_dir.iterdir() if p.is_file() and p.suffix.lower() in BATCH_SUFFIXES)
    output_dir.mkdir(parents=True, exist_ok=True)
    if workers > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            outcomes = list(pool.map(_batch_one, files, chunksize=8))
    else:
        outcomes = [_batch_one(path) for path in files]
    failed = 0
    for path, result in zip(files, outcomes, strict=True):
        failed += "error" in result
        (output_dir / f"{path.stem}.json").write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
    log.info("analysed %d files into %s (%d failed)", len(files), output_dir, failed)
    return 0


def _batch_one(path: Path) -> dict:
    try:
        return analyse_file(path, with_text=True)
    except UnreadableInput as exc:
        return {"file": path.name, "error": str(exc)}
    except Exception as exc:  # one bad file must not stop the batch; the error is in its output file
        log.exception("failed on %s", path)
        return {"file": path.name, "error": f"{type(exc).__name__}: {exc}"}

"""`pressroom analyse` time against input size: the whole command (a process each) on .txt inputs of growing
size, made of a public-domain release repeated (sentences) and of the same words without punctuation (the
hostile case), up to the input cap; a size that takes longer than --budget seconds stops its series.
Usage: python -m bench.analyse_size [--budget 30]
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.corpus import BUNDLE
from bench.report import publish, table
from pressroom.extract import extract_html
from pressroom.settings import get_settings

SIZES = (10_000, 100_000, 1_000_000, 10_000_000)


def base_texts() -> dict[str, str]:
    """The sentence text of one bundled release, and the same words without any punctuation."""
    page = sorted(BUNDLE.glob("*.html"))[0]
    text = extract_html(page.read_bytes()).text
    return {"release text repeated": text, "words, no punctuation": re.sub(r"[^\w\s]", "", text)}


def timed_analyse(path: Path, budget: float) -> tuple[float | None, int]:
    """(seconds, exit code) of one `pressroom analyse` process; None seconds past the budget."""
    started = time.perf_counter()
    try:
        proc = subprocess.run([sys.executable, "-m", "pressroom.cli", "analyse", str(path)], capture_output=True,
                              timeout=budget)
    except subprocess.TimeoutExpired:
        return None, -1
    return time.perf_counter() - started, proc.returncode


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--budget", type=float, default=30.0, help="seconds one size may take")
    args = parser.parse_args(argv)
    cap = get_settings().max_body_bytes
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        empty = Path(tmp) / "empty.txt"
        empty.write_text("No strikes.\n")
        start_up, _ = timed_analyse(empty, args.budget)
        for kind, text in base_texts().items():
            for size in (s for s in SIZES if s <= cap):
                path = Path(tmp) / f"{size}.txt"
                path.write_text((text + "\n") * (size // (len(text) + 1) + 1), encoding="utf-8")
                seconds, code = timed_analyse(path, args.budget)
                rows.append([kind, f"{size:,}", f"> {args.budget:.0f} (stopped)" if seconds is None
                             else f"{seconds:.2f}", str(code)])
                if seconds is None:
                    break
    body = f"""Whole `pressroom analyse FILE.txt` process per input (a one-line input takes {start_up:.2f} s: start-up);
inputs are capped at {cap:,} bytes (PRESSROOM_MAX_BODY_BYTES, the fetcher's cap).

{table(["input", "bytes", "seconds", "exit code"], rows)}"""
    publish("analyse-size", "Analyse time against input size", "python -m bench.analyse_size", body)


if __name__ == "__main__":
    main()

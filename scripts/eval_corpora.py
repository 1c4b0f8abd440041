#!/usr/bin/env python3
"""Score the normaliser on every corpus under a folder (default ../shared/corpus) and print one table.

    python3 scripts/eval_corpora.py [CORPORA_DIR] [--cmd ".venv/bin/pressroom analyse"]

Each sub-folder with a gold.jsonl is scored by ../shared/eval/score.py (--json); one row per corpus.
Standard library only (runs with the system python, like score.py).
"""

import argparse
import json
import subprocess
import sys
from pathlib import Path

COLUMNS = ("docs", "report_precision", "report_recall", "report_f1", "count_exact", "no_invented_count",
           "aggregate_leaks", "other_actor_leaks", "campaign_ok", "spokesperson_f1", "errors")  # fmt: skip


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpora", nargs="?", type=Path, default=Path("../shared/corpus"))
    ap.add_argument("--cmd", default=".venv/bin/pressroom analyse")
    args = ap.parse_args()
    scorer = args.corpora.parent / "eval" / "score.py"
    rows = []
    for gold in sorted(args.corpora.glob("*/gold.jsonl")):
        proc = subprocess.run([sys.executable, str(scorer), str(gold.parent), "--cmd", args.cmd, "--json"],
                              capture_output=True, text=True)  # fmt: skip
        if proc.returncode != 0:
            print(f"{gold.parent.name}: scorer failed: {proc.stderr.strip()[-300:]}", file=sys.stderr)
            return 1
        rows.append((gold.parent.name, json.loads(proc.stdout.strip().splitlines()[-1])))
    if not rows:
        print(f"no corpus with a gold.jsonl under {args.corpora}", file=sys.stderr)
        return 1
    print("| corpus | " + " | ".join(COLUMNS) + " |")
    print("|---" * (len(COLUMNS) + 1) + "|")
    for name, metrics in rows:
        print(f"| {name} | " + " | ".join(str(metrics.get(c)) for c in COLUMNS) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())

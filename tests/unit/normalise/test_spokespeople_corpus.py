"""Spokespeople of ../shared/corpus/dev-recent (2022–2026 documents), scored with ../shared/eval/score.py's name
matching. The floor is the figure reached; a rule change that lowers it fails here."""

import importlib.util
import json
from pathlib import Path

from pressroom.normalise import spokespeople

SHARED = Path(__file__).resolve().parents[3] / ".." / "shared"
RECENT = SHARED / "corpus" / "dev-recent"
FLOORS = {"f1": 1.0, "rank_ok": 1.0, "org_ok": 1.0}


def _scorer():
    spec = importlib.util.spec_from_file_location("pressroom_score", SHARED / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_dev_recent_spokespeople_floor():
    score = _scorer()
    tp = n_pred = n_gold = rank_ok = org_ok = 0
    for line in (RECENT / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        text = (RECENT / doc["file"]).read_text(encoding="utf-8")
        pred, gold = spokespeople.extract(text), doc.get("spokespeople", [])
        pairs = score.greedy(gold, pred, lambda g, p: score.name_key(g["name"]) == score.name_key(p["name"]))
        tp, n_pred, n_gold = tp + len(pairs), n_pred + len(pred), n_gold + len(gold)
        rank_ok += sum(score.fold(gold[g].get("rank")) == score.fold(pred[p]["rank"]) for g, p in pairs)
        org_ok += sum(score.org_key(gold[g].get("organisation")) == score.org_key(pred[p]["organisation"])
                      for g, p in pairs)
        for p in pred:
            assert text[p["evidence"]["start"] : p["evidence"]["end"]] == p["evidence"]["text"]
    achieved = {"f1": score.prf(tp, n_pred, n_gold)[2], "rank_ok": rank_ok / tp, "org_ok": org_ok / tp}
    assert all(achieved[k] >= floor for k, floor in FLOORS.items()), achieved

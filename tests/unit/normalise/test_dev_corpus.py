"""The dev corpora through `analyse`, scored with the matching logic of ../shared/eval/score.py.

Floors are the figures achieved (docs/normalisation.md); a rule change that lowers one fails here.
"""

import datetime as dt
import importlib.util
import json
from pathlib import Path

import pytest

from pressroom.analysis import extract_document
from pressroom.normalise import analyse

SHARED = Path(__file__).resolve().parents[3] / ".." / "shared"  # ../shared next to the repository
CORPORA = SHARED / "corpus"


# Spokespeople on dev: its gold predates the contract's partner-force rule and does not list three quoted Peshmerga
# commanders (dev-015, dev-018, dev-029) that the contract now counts: 9 of 12 listed are in the gold.
FLOORS = {
    "dev": {"report_f1": 1.0, "count_exact": 1.0, "no_invented_count": 1.0, "campaign_ok": 1.0,
            "spokesperson_f1": 0.85},
    "dev-recent": {"report_f1": 0.91, "count_exact": 1.0, "no_invented_count": 1.0, "campaign_ok": 1.0,
                   "spokesperson_f1": 1.0},
}  # fmt: skip


def load_scorer():
    spec = importlib.util.spec_from_file_location("pressroom_score", SHARED / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def analysed_text(path):
    if path.suffix == ".txt":
        return path.read_text(encoding="utf-8")
    return extract_document(path.read_bytes(), content_type="text/html").text


@pytest.fixture(scope="module", params=sorted(FLOORS))
def corpus(request):
    return request.param


@pytest.fixture(scope="module")
def metrics(corpus):
    score = load_scorer()
    folder = CORPORA / corpus
    t = dict(
        tp=0,
        pred=0,
        gold=0,
        count_ok=0,
        count_n=0,
        nocount_ok=0,
        nocount_n=0,
        agg_leak=0,
        other_leak=0,
        sp_tp=0,
        sp_pred=0,
        sp_gold=0,
        campaign_ok=0,
        campaign_n=0,
    )
    for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        published = dt.date.fromisoformat(doc["published"]) if doc.get("published") else None
        text = analysed_text(folder / doc["file"])
        out = analyse(text, published=published)
        for item in out["strike_reports"] + out["spokespeople"]:
            assert text[item["evidence"]["start"] : item["evidence"]["end"]] == item["evidence"]["text"]
        preds = [p for p in out["strike_reports"] if score.is_event(p) and p["actor"] == "coalition"]
        golds = [g for g in doc["strike_reports"] if score.is_event(g) and g.get("actor") == "coalition"]
        pairs = score.greedy(golds, preds, score.report_matches)
        t["tp"] += len(pairs)
        t["pred"] += len(preds)
        t["gold"] += len(golds)
        for gi, pi in pairs:
            if golds[gi].get("campaign"):
                t["campaign_n"] += 1
                t["campaign_ok"] += preds[pi].get("campaign") == golds[gi]["campaign"]
            if isinstance(golds[gi].get("strikes"), int):
                t["count_n"] += 1
                t["count_ok"] += score.best(preds[pi]) == golds[gi]["strikes"]
            else:
                t["nocount_n"] += 1
                t["nocount_ok"] += score.best(preds[pi]) is None
        rest = [p for i, p in enumerate(preds) if i not in {pi for _, pi in pairs}]
        for g in doc["strike_reports"]:
            if g.get("scope") == "aggregate":
                t["agg_leak"] += any(
                    score.best(p) == g.get("strikes") or g.get("evidence", "")[:40] in p["evidence"]["text"]
                    for p in rest
                )
            elif g.get("actor") == "other":
                t["other_leak"] += any(
                    score.report_matches(g, p) or (not p["place"] and score.report_matches({**g, "place": None}, p))
                    for p in rest
                )
        sp_pairs = score.greedy(
            doc["spokespeople"],
            out["spokespeople"],
            lambda g, p: score.name_key(g["name"]) == score.name_key(p["name"]),
        )
        t["sp_tp"] += len(sp_pairs)
        t["sp_pred"] += len(out["spokespeople"])
        t["sp_gold"] += len(doc["spokespeople"])
    return {
        "report_f1": score.prf(t["tp"], t["pred"], t["gold"])[2],
        "count_exact": t["count_ok"] / t["count_n"],
        "no_invented_count": t["nocount_ok"] / t["nocount_n"],
        "aggregate_leaks": t["agg_leak"],
        "other_actor_leaks": t["other_leak"],
        "spokesperson_f1": score.prf(t["sp_tp"], t["sp_pred"], t["sp_gold"])[2],
        "campaign_ok": t["campaign_ok"] / t["campaign_n"] if t["campaign_n"] else 1.0,
    }


def test_floors(corpus, metrics):
    below = {k: (round(metrics[k], 3), floor) for k, floor in FLOORS[corpus].items() if metrics[k] < floor}
    assert below == {}, metrics


def test_no_leaks(metrics):
    assert (metrics["aggregate_leaks"], metrics["other_actor_leaks"]) == (0, 0), metrics

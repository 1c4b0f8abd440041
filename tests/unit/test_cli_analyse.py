"""`pressroom analyse` follows ../shared/contract/README.md (run as the scorer runs it: a subprocess)."""

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SEED = REPO.parent / "shared" / "seed" / "rudaw-2020-06-20-wadi-al-shai.txt"
PRESSROOM = [sys.executable, "-m", "pressroom.cli"]


def analyse(*args, env=None):
    return subprocess.run([*PRESSROOM, "analyse", *map(str, args)], capture_output=True, text=True, timeout=120,
                          env=env)


@pytest.fixture(scope="module")
def seed_output():
    proc = analyse(SEED, "--published", "2020-06-20")
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout), SEED.read_text(encoding="utf-8")


def test_seed_event_report(seed_output):
    out, text = seed_output
    events = [r for r in out["strike_reports"] if r["scope"] == "event"]
    assert len(events) == 1
    event = events[0]
    assert (event["date_start"], event["date_end"]) == ("2020-06-19", "2020-06-19")
    assert (event["country"], event["admin1"], event["actor"]) == ("IQ", "Kirkuk", "coalition")
    assert event["place"] == "Wadi al-Shai"
    assert event["strikes"]["low"] == 2 and event["strikes"]["best"] is None
    assert {"type": "camp", "count": 3, "effect": "destroyed"} in event["targets"]
    assert "Wadi al-Shai" in event["evidence"]["text"]


def test_seed_aggregate_is_not_an_event(seed_output):
    out, _ = seed_output
    aggregates = [r for r in out["strike_reports"] if r["scope"] == "aggregate"]
    assert len(aggregates) == 1
    assert aggregates[0]["strikes"]["low"] == 20000 and aggregates[0]["strikes"]["best"] is None
    assert "tens of thousands" in aggregates[0]["evidence"]["text"]


def test_seed_no_khanaqin_report(seed_output):
    out, _ = seed_output
    assert not any("Khanaqin" in (r.get("place") or "") + r["evidence"]["text"] for r in out["strike_reports"])


def test_seed_spokesperson(seed_output):
    out, _ = seed_output
    [person] = out["spokespeople"]
    assert person["name"] == "Myles B. Caggins III"
    assert (person["rank"], person["role"], person["organisation"]) == ("Col.", "Coalition Spokesperson", "CJTF-OIR")


def test_every_evidence_slices_the_analysed_text(seed_output):
    out, text = seed_output
    for fact in out["strike_reports"] + out["spokespeople"]:
        ev = fact["evidence"]
        assert text[ev["start"]:ev["end"]] == ev["text"]


def test_html_gz_input_is_extracted(tmp_path):
    page = tmp_path / "page.html.gz"
    page.write_bytes(gzip.compress(b"<html><head><title>T</title></head><body><article><p>"
                                   + b"Nothing about strikes here at all, only a long enough paragraph of text. " * 3
                                   + b"</p></article></body></html>"))
    proc = analyse(page)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["strike_reports"] == [] and out["published"] is None


@pytest.mark.parametrize("name,content", [("missing.txt", None), ("data.pdf", b"%PDF-1.4"), ("bad.html.gz", b"nope")])
def test_unreadable_input_exits_2_with_one_line(tmp_path, name, content):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    proc = analyse(path)
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert len(proc.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("name,content,message", [
    ("big.html", b"<p>" + b"x" * 70_000 + b"</p>", "exceeds the input cap of 65536 bytes"),
    ("bomb.html.gz", gzip.compress(b"<p>" + b"0" * 10_000_000), "decompresses beyond 65536 bytes"),
])
def test_inputs_over_the_fetchers_caps_exit_2_naming_the_cap(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    proc = analyse(path, env={**os.environ, "PRESSROOM_MAX_BODY_BYTES": "65536"})
    assert proc.returncode == 2 and proc.stdout == ""
    assert len(proc.stderr.strip().splitlines()) == 1
    assert message in proc.stderr and "PRESSROOM_MAX_BODY_BYTES" in proc.stderr


def test_batch_mode_writes_one_json_per_file_and_survives_failures(tmp_path):
    inp, out = tmp_path / "in", tmp_path / "out"
    inp.mkdir()
    (inp / "seed.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (inp / "empty.html").write_text("<html><body></body></html>")
    proc = subprocess.run([*PRESSROOM, "analyse", "--input-dir", inp, "--output-dir", out],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    seed = json.loads((out / "seed.json").read_text())
    assert seed["text"].startswith("ERBIL") and seed["strike_reports"]
    assert "error" in json.loads((out / "empty.json").read_text())

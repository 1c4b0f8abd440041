"""Property: whatever is done to a real document (wraps, bullets, odd quotes and dashes, cuts, noise), the
normaliser does not crash and every evidence slices the analysed text exactly."""

import datetime as dt
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pressroom.normalise import analyse

CORPORA = Path(__file__).resolve().parents[3] / ".." / "shared" / "corpus"
# U.S. government release (public domain): CJTF-OIR, July 18, 2017, https://www.defense.gov/News/Article/Article/1250324/
SEED = """SOUTHWEST ASIA, July 18, 2017 — Coalition military forces conducted 22 strikes consisting of 35 engagements
against ISIS targets in Iraq and Syria on July 16. In Syria, coalition military forces conducted 19 strikes
consisting of 26 engagements against ISIS targets:
-- Near Abu Kamal, one strike destroyed an ISIS oil rig.
-- Near Raqqa, 18 strikes engaged 12 ISIS tactical units and destroyed 11 fighting positions.
There were no reported strikes in Iraq on July 16."""
DOCUMENTS = [SEED] + sorted(p.read_text(encoding="utf-8") for p in CORPORA.glob("*/*.txt"))[:40]
NOISE = "\n\n  \t\u00a0“”‘’\"'–—‑-•*,.;:()[]0123456789 near Near airstrikes strike Dec. 31/02/2017 Feb. 29-31, 2017 "


@st.composite
def mutated(draw):
    text = draw(st.sampled_from(DOCUMENTS))
    for _ in range(draw(st.integers(0, 6))):
        at = draw(st.integers(0, len(text)))
        kind = draw(st.sampled_from(["insert", "delete", "wrap", "duplicate"]))
        if kind == "insert":
            text = text[:at] + draw(st.text(alphabet=NOISE, max_size=30)) + text[at:]
        elif kind == "delete":
            text = text[:at] + text[at + draw(st.integers(0, 200)) :]
        elif kind == "wrap":  # hard-wrap the rest at a random width
            width = draw(st.integers(20, 90))
            rest = text[at:]
            text = text[:at] + "\n".join(rest[i : i + width] for i in range(0, len(rest), width))
        else:
            text = text[:at] + text[at : at + 400] + text[at:]
    return text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(text=mutated(), published=st.one_of(st.none(), st.dates(dt.date(2014, 1, 1), dt.date(2026, 12, 31))))
def test_no_crash_and_offsets_exact(text, published):
    out = analyse(text, published)
    for key in ("strike_reports", "headlines", "spokespeople"):
        for fact in out[key]:
            ev = fact["evidence"]
            assert text[ev["start"] : ev["end"]] == ev["text"], (key, ev)

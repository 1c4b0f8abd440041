"""The rule registry: every rule documented and exemplified, every example true, every emitted rule registered."""

import datetime as dt
import json
from pathlib import Path

import pytest

from pressroom.analysis import extract_document
from pressroom.normalise import analyse, registry

REPO = Path(__file__).resolve().parents[3]
CORPORA = REPO / ".." / "shared" / "corpus"
EXAMPLES = [(rule, example) for rule in registry.rules().values() for example in rule.examples]


def test_every_rule_has_a_purpose_and_an_example():
    assert [r.id for r in registry.rules().values() if not r.purpose.strip() or not r.examples] == []


@pytest.mark.parametrize(("rule", "example"), EXAMPLES, ids=[f"{r.id}-{i}" for i, (r, _) in enumerate(EXAMPLES)])
def test_example(rule, example):
    result = analyse(example.text, example.published)
    assert registry.mismatches(rule, example, result) == []
    assert registry.unregistered(result) == set()


def _corpus_documents():
    for gold in sorted(CORPORA.glob("*/gold.jsonl")):
        for line in gold.read_text(encoding="utf-8").splitlines():
            entry = json.loads(line)
            yield gold.parent / entry["file"], entry.get("published")


def test_every_rule_emitted_on_the_corpora_is_registered():
    unknown = set()
    for path, published in _corpus_documents():
        raw = path.read_bytes()
        text = raw.decode("utf-8") if path.suffix == ".txt" else extract_document(raw, content_type="text/html").text
        unknown |= registry.unregistered(analyse(text, dt.date.fromisoformat(published) if published else None))
    assert unknown == set()


def test_docs_rule_table_is_generated_from_the_registry():
    doc = (REPO / "docs" / "normalisation.md").read_text(encoding="utf-8")
    assert registry.DOC_BEGIN in doc, "run: python -m pressroom.normalise.registry docs/normalisation.md"
    assert registry.with_table(doc) == doc, "run: python -m pressroom.normalise.registry docs/normalisation.md"

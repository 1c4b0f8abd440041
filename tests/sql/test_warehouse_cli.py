"""`pressroom report`, `export` and `search` against the sample warehouse."""

import csv
import json
from datetime import date

import pytest

from pressroom.cli import main
from support.sample_warehouse import sample_warehouse


@pytest.fixture(scope="module")
def sample_dsn(pg_server, tmp_path_factory):
    with sample_warehouse(pg_server, tmp_path_factory.mktemp("sample")) as dsn:
        yield dsn


@pytest.fixture
def env(sample_dsn, monkeypatch):
    monkeypatch.setenv("PRESSROOM_DATABASE_URL", sample_dsn)


def test_report_prints_where_it_wrote(env, tmp_path, capsys):
    assert main(["report", "--output", str(tmp_path / "r.html")]) == 0
    assert capsys.readouterr().out == f"report: {tmp_path / 'r.html'}\n"
    assert "Wadi al-Shai" in (tmp_path / "r.html").read_text(encoding="utf-8")


def test_report_default_path_is_under_var(env, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PRESSROOM_VAR_DIR", str(tmp_path))
    assert main(["report", "--no-refresh"]) == 0
    assert (tmp_path / "report" / "index.html").is_file()


def test_dictionary_and_dbt_docs(env, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PRESSROOM_VAR_DIR", str(tmp_path))
    assert main(["report", "--no-refresh", "--dictionary", str(tmp_path / "dd.md")]) == 0
    assert "### `mart.incidents` (table)" in (tmp_path / "dd.md").read_text(encoding="utf-8")
    assert (tmp_path / "dbt-docs" / "static_index.html").is_file()


# ACLED's export, as its codebook lists it: every column in order, with its type (optional ones may be empty).
ACLED_EXPORT = (
    ("event_id_cnty", str), ("event_date", date.fromisoformat), ("year", int), ("time_precision", int),
    ("disorder_type", str), ("event_type", str), ("sub_event_type", str), ("actor1", str), ("assoc_actor_1", str),
    ("inter1", int), ("actor2", str), ("assoc_actor_2", str), ("inter2", int), ("interaction", int),
    ("civilian_targeting", str), ("iso", int), ("region", str), ("country", str), ("admin1", str),
    ("admin2", str), ("admin3", str), ("location", str), ("latitude", float), ("longitude", float),
    ("geo_precision", int), ("source", str), ("source_scale", str), ("notes", str), ("fatalities", int),
    ("tags", str), ("timestamp", int),
)
OPTIONAL = {"assoc_actor_1", "assoc_actor_2", "civilian_targeting", "admin1", "admin2", "admin3", "latitude",
            "longitude", "fatalities", "tags"}


def load_acled(path) -> list[dict]:
    """The CSV read with ACLED's column list and types (a missing, misplaced or mistyped column fails)."""
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        assert header[: len(ACLED_EXPORT)] == [name for name, _ in ACLED_EXPORT]
        rows = []
        for values in reader:
            row = dict(zip(header, values, strict=True))
            for name, kind in ACLED_EXPORT:
                assert row[name] or name in OPTIONAL, (name, row)
                row[name] = kind(row[name]) if row[name] else None
            rows.append(row)
    return rows


def test_export_acled_and_geojson(env, tmp_path):
    assert main(["export", "--format", "acled", "--since", "2020-01-01", "--output", str(tmp_path / "e.csv")]) == 0
    rows = load_acled(tmp_path / "e.csv")
    wadi = [r for r in rows if r["location"] == "Wadi al-Shai"]
    assert {(r["event_date"], r["source"], r["strikes_low"]) for r in wadi} == {
        (date(2020, 6, 19), "CJTF-OIR", "1"), (date(2020, 6, 19), "Rudaw", "2"),
        (date(2020, 6, 19), "CJTF-OIR", "1")} and len(wadi) == 3  # one row per strike report
    assert all(r["event_id_cnty"].startswith("IRQ") for r in wadi)
    # the target follows the mart's campaign: the Islamic State (interaction 28) for counter-isis strikes only
    assert all((r["interaction"] == 28) == (r["campaign"] == "counter-isis") for r in rows)
    assert len({r["event_id_cnty"] for r in rows}) == len(rows)
    assert main(["export", "--format", "geojson", "--output", str(tmp_path / "e.geojson")]) == 0
    features = json.loads((tmp_path / "e.geojson").read_text(encoding="utf-8"))["features"]
    assert features and all(len(f["geometry"]["coordinates"]) == 2 for f in features)


def test_search_names_and_documents(env, capsys):
    assert main(["search", "--names", "person", "cagins"]) == 0
    assert "Myles B. Caggins III" in capsys.readouterr().out
    assert main(["search", "hideouts Kirkuk", "--limit", "1"]) == 0
    assert "ISIS hideout south of Kirkuk" in capsys.readouterr().out


def test_search_takes_several_words_and_a_quoted_phrase(env, capsys):
    assert main(["search", "fighting positions", "raqqa"]) == 0  # the shell's `"fighting positions" raqqa`
    out = capsys.readouterr().out
    assert "Inherent Resolve Strikes Target ISIS in Syria, Iraq" in out
    assert "<b>" not in out and "\x1b" not in out and "\x02" not in out  # not a terminal: plain words
    assert main(["search", "--color", "always", "fighting positions", "raqqa", "--limit", "1"]) == 0
    assert "\x1b[1mfighting\x1b[0m" in capsys.readouterr().out


def test_search_says_when_nothing_matches(env, capsys):
    assert main(["search", "zzyzx", "quux"]) == 1
    assert capsys.readouterr().out == "no match: no documents match 'zzyzx quux'\n"
    assert main(["search", "--names", "place", "zzyzx"]) == 1
    assert "no match: no place names match 'zzyzx'" in capsys.readouterr().out

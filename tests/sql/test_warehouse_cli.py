"""`pressroom report`, `export` and `search` against the sample warehouse."""

import csv
import json

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


def test_export_acled_and_geojson(env, tmp_path):
    assert main(["export", "--format", "acled", "--since", "2020-01-01", "--output", str(tmp_path / "e.csv")]) == 0
    with open(tmp_path / "e.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert {(r["event_date"], r["location"], r["source"], r["strikes_low"]) for r in rows} == {
        ("2020-06-19", "Wadi al-Shai", "sample_news", "2"), ("2020-06-19", "Wadi al-Shai", "sample_release", "1")}
    assert main(["export", "--format", "geojson", "--output", str(tmp_path / "e.geojson")]) == 0
    features = json.loads((tmp_path / "e.geojson").read_text(encoding="utf-8"))["features"]
    assert features and all(len(f["geometry"]["coordinates"]) == 2 for f in features)


def test_search_names_and_documents(env, capsys):
    assert main(["search", "--names", "person", "cagins"]) == 0
    assert "Myles B. Caggins III" in capsys.readouterr().out
    assert main(["search", "hideouts Kirkuk", "--limit", "1"]) == 0
    assert "ISIS hideout south of Kirkuk" in capsys.readouterr().out

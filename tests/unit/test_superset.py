"""The committed Superset bundle is consistent, and write_bundle() points its database at the given login
(without the database: tests/ui/test_dashboard_renders.py imports and renders it in a real Superset)."""

import stat
import zipfile

import yaml

from pressroom.superset import BUNDLE_DIR, DATABASE_YAML, write_bundle


def load(kind: str) -> list[dict]:
    return [yaml.safe_load(f.read_text(encoding="utf-8")) for f in sorted((BUNDLE_DIR / kind).rglob("*.yaml"))]


def test_bundle_references_resolve():
    databases = {d["uuid"] for d in load("databases")}
    datasets = {d["uuid"]: d for d in load("datasets")}
    charts = {c["uuid"]: c for c in load("charts")}
    assert all(d["database_uuid"] in databases for d in datasets.values())
    assert all(c["dataset_uuid"] in datasets for c in charts.values())
    [dashboard] = load("dashboards")
    placed = {n["meta"]["uuid"] for n in dashboard["position"].values() if isinstance(n, dict) and n.get("type") ==
              "CHART"}
    assert placed == set(charts), "every chart is on the dashboard, and only those"
    for dataset in datasets.values():
        assert dataset["sql"] and " mart." in dataset["sql"], "SQL datasets on the marts (the dashboard role's reach)"


def test_write_bundle_sets_the_database_url_in_a_private_zip(tmp_path):
    url = "postgresql://pressroom_dashboard_login:s3cret@127.0.0.1:5999/pressroom"
    path = tmp_path / "bundle.zip"
    write_bundle(path, url)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    with zipfile.ZipFile(path) as bundle:
        names = bundle.namelist()
        assert "pressroom_dashboard/metadata.yaml" in names
        database = yaml.safe_load(bundle.read(f"pressroom_dashboard/{DATABASE_YAML}"))
    assert database["sqlalchemy_uri"] == url
    assert len(names) == len(list(BUNDLE_DIR.rglob("*.yaml")))

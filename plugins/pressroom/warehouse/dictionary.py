"""The data dictionary is dbt's docs: `dbt docs generate` writes a static site with its manifest and catalog, and
docs/data-dictionary.md is rendered from the same two files.

Text comes from the database's comments where there are any (raw/core: written once, in migrations; marts:
persisted from dbt/models/marts/_marts.yml), else from the dbt descriptions.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from .dbt import run_dbt

SCHEMAS = ("raw", "core", "mart")
KINDS = {"BASE TABLE": "table", "VIEW": "view", "MATERIALIZED VIEW": "materialised view"}
SITE = "static_index.html"


@dataclass
class Column:
    name: str
    type: str
    comment: str | None


@dataclass
class Relation:
    schema: str
    name: str
    kind: str
    comment: str | None
    columns: list[Column] = field(default_factory=list)

    @property
    def qualified(self) -> str:
        return f"{self.schema}.{self.name}"


def generate_docs(dsn: str, docs_dir: Path) -> Path:
    """`dbt docs generate --static` into `docs_dir` (manifest.json, catalog.json and the one-file site);
    returns the site's path."""
    run_dbt(dsn, "docs", "generate", "--static", target_path=docs_dir)
    return docs_dir / SITE


def read_relations(docs_dir: Path) -> list[Relation]:
    """Every source and model of the catalog, by schema then name, with columns in table order."""
    manifest = json.loads((docs_dir / "manifest.json").read_text(encoding="utf-8"))
    catalog = json.loads((docs_dir / "catalog.json").read_text(encoding="utf-8"))
    documented = {**manifest["nodes"], **manifest["sources"]}
    relations = []
    for unique_id, entry in {**catalog["nodes"], **catalog["sources"]}.items():
        meta, node = entry["metadata"], documented.get(unique_id, {})
        described = {name: c.get("description") for name, c in node.get("columns", {}).items()}
        columns = [Column(c["name"], c["type"], c.get("comment") or described.get(c["name"]) or None)
                   for c in sorted(entry["columns"].values(), key=lambda c: c["index"])]
        relations.append(Relation(meta["schema"], meta["name"], KINDS.get(meta["type"], meta["type"].lower()),
                                  meta.get("comment") or node.get("description") or None, columns))
    order = {schema: i for i, schema in enumerate(SCHEMAS)}
    return sorted(relations, key=lambda r: (order.get(r.schema, len(order)), r.name))


def undocumented(relations: list[Relation]) -> list[str]:
    """Relations and columns without a comment or description, as schema.relation[.column]."""
    missing = []
    for rel in relations:
        if not rel.comment:
            missing.append(rel.qualified)
        missing += [f"{rel.qualified}.{c.name}" for c in rel.columns if not c.comment]
    return missing


def render_markdown(relations: list[Relation]) -> str:
    """The dictionary as Markdown: one section per schema, one table of columns per relation."""
    lines = [
        "# Data dictionary",
        "",
        "Generated from dbt's manifest and catalog by `make docs` (`pressroom report --dictionary PATH`), which also "
        "writes dbt's docs site to `var/dbt-docs/`. Do not edit by hand: raw/core text is the tables' comments "
        "(change them in a new migration), mart text is `dbt/models/marts/_marts.yml`.",
        "",
    ]
    for schema in SCHEMAS:
        lines += [f"## Schema `{schema}`", ""]
        for rel in (r for r in relations if r.schema == schema):
            lines += [f"### `{rel.qualified}` ({rel.kind})", "", rel.comment or "*(no comment)*", "",
                      "| column | type | comment |", "|---|---|---|"]
            lines += [f"| `{c.name}` | {c.type} | {_cell(c.comment)} |" for c in rel.columns]
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _cell(text: str | None) -> str:
    return (text or "").replace("|", "\\|").replace("\n", " ")

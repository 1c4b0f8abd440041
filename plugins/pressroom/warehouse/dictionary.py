"""The data dictionary, generated from the database's own COMMENT ON text (written once, in migrations)."""

from __future__ import annotations

from dataclasses import dataclass, field

SCHEMAS = ("raw", "core", "mart")
KINDS = {"r": "table", "v": "view", "m": "materialised view"}

RELATIONS_SQL = """
select n.nspname, c.relname, c.relkind, obj_description(c.oid, 'pg_class'), c.oid
from pg_class as c
join pg_namespace as n on n.oid = c.relnamespace
where n.nspname = any(%s) and c.relkind in ('r', 'v', 'm')
order by array_position(%s, n.nspname::text), c.relname
"""

COLUMNS_SQL = """
select a.attrelid, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
    col_description(a.attrelid, a.attnum)
from pg_attribute as a
where a.attrelid = any(%s) and a.attnum > 0 and not a.attisdropped
order by a.attrelid, a.attnum
"""

FUNCTIONS_SQL = """
select n.nspname, p.proname || '(' || pg_get_function_arguments(p.oid) || ')',
    pg_get_function_result(p.oid), obj_description(p.oid, 'pg_proc')
from pg_proc as p
join pg_namespace as n on n.oid = p.pronamespace
where n.nspname = %s and p.prokind = 'f'
order by 2
"""

SCHEMAS_SQL = "select nspname, obj_description(oid, 'pg_namespace') from pg_namespace where nspname = any(%s)"


@dataclass
class Column:
    name: str
    type: str
    not_null: bool
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


def read_relations(conn, schemas: tuple[str, ...] = SCHEMAS) -> list[Relation]:
    """Tables, views and materialised views of `schemas` with their columns and comments."""
    with conn, conn.cursor() as cur:
        cur.execute(RELATIONS_SQL, (list(schemas), list(schemas)))
        by_oid = {oid: Relation(schema, name, KINDS[kind], comment)
                  for schema, name, kind, comment, oid in cur.fetchall()}
        cur.execute(COLUMNS_SQL, (list(by_oid),))
        for oid, name, type_, not_null, comment in cur.fetchall():
            by_oid[oid].columns.append(Column(name, type_, not_null, comment))
    return list(by_oid.values())


def undocumented(relations: list[Relation]) -> list[str]:
    """Relations and columns without a comment, as schema.relation[.column]."""
    missing = []
    for rel in relations:
        if not rel.comment:
            missing.append(rel.qualified)
        missing += [f"{rel.qualified}.{c.name}" for c in rel.columns if not c.comment]
    return missing


def render_markdown(conn, schemas: tuple[str, ...] = SCHEMAS) -> str:
    """The dictionary as Markdown: one section per schema, one table of columns per relation."""
    functions = {}
    with conn, conn.cursor() as cur:
        cur.execute(SCHEMAS_SQL, (list(schemas),))
        schema_comments = dict(cur.fetchall())
        for schema in schemas:
            cur.execute(FUNCTIONS_SQL, (schema,))
            functions[schema] = cur.fetchall()
    lines = [
        "# Data dictionary",
        "",
        "Generated from the database's `COMMENT ON` text by `pressroom report --dictionary docs/data-dictionary.md`"
        " (run it after adding a migration). Do not edit by hand: change the comment in a new migration.",
        "",
    ]
    relations = read_relations(conn, schemas)
    for schema in schemas:
        lines += [f"## Schema `{schema}`", "", schema_comments.get(schema) or "", ""]
        for rel in (r for r in relations if r.schema == schema):
            lines += [f"### `{rel.qualified}` ({rel.kind})", "", rel.comment or "*(no comment)*", "",
                      "| column | type | comment |", "|---|---|---|"]
            for col in rel.columns:
                type_ = col.type + (" not null" if col.not_null else "")
                lines.append(f"| `{col.name}` | {type_} | {_cell(col.comment)} |")
            lines.append("")
        if functions[schema]:
            lines += [f"### Functions in `{schema}`", "", "| function | returns | comment |", "|---|---|---|"]
            lines += [f"| `{schema}.{signature}` | {result} | {_cell(comment)} |"
                      for _, signature, result, comment in functions[schema]]
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _cell(text: str | None) -> str:
    return (text or "").replace("|", "\\|").replace("\n", " ")

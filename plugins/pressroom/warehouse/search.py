"""Search helpers: full-text over current documents and trigram (fuzzy) search on place and person names."""

from __future__ import annotations

FULL_TEXT_SQL = """
with query as (
    select websearch_to_tsquery('english', %(q)s) as tsq
)
select d.document_id, d.source, d.url, d.published, d.title,
    ts_rank(d.search_vector, query.tsq) as rank,
    ts_headline('english', d.text, query.tsq, %(headline)s) as snippet
from mart.documents as d, query
where d.search_vector @@ query.tsq
order by rank desc, d.published desc nulls last
limit %(limit)s
"""

NAMES_SQL = """
with candidates as (
    select n.*, mart.trigram_overlap(mart.trigrams(%(q)s), n.trigrams) as similarity
    from mart.names as n
    where n.trigrams && mart.trigrams(%(q)s)
      and (%(kind)s::text is null or n.kind = %(kind)s)
)
select c.kind, c.name, c.canonical, c.country, c.admin1, c.mentions, c.similarity
from candidates as c
where c.similarity >= %(threshold)s
order by c.similarity desc, mart.trigram_similarity(c.name, %(q)s) desc, c.mentions desc
limit %(limit)s
"""


def search_documents(conn, query: str, limit: int = 20, marks: tuple[str, str] = ("<b>", "</b>")) -> list[dict]:
    """Current documents matching a web-style query ("coalition strikes" -syria), best first, with snippets
    whose matched words stand between `marks`."""
    start, stop = (m.replace('"', "") for m in marks)
    headline = f'MaxFragments=2, MaxWords=18, MinWords=6, StartSel="{start}", StopSel="{stop}"'
    return _rows(conn, FULL_TEXT_SQL, {"q": query, "limit": limit, "headline": headline})


def web_query(words: list[str]) -> str:
    """The arguments of a command line as one web-style query. One argument is the query as typed
    ("coalition strikes" -syria, quoted whole); among several, one holding spaces was quoted on the command line,
    so it stays a phrase (`pressroom search "fighting positions" raqqa` → '"fighting positions" raqqa')."""
    if len(words) == 1:
        return words[0]
    return " ".join(f'"{w}"' if " " in w.strip() and not w.startswith('"') else w for w in words)


def search_names(conn, query: str, *, kind: str | None = None, threshold: float = 0.5,
                 limit: int = 20) -> list[dict]:
    """Place/person names similar to `query` (misspellings, transliterations), most similar first."""
    return _rows(conn, NAMES_SQL, {"q": query, "kind": kind, "threshold": threshold, "limit": limit})


def _rows(conn, sql: str, params: dict) -> list[dict]:
    with conn, conn.cursor() as cur:
        cur.execute(sql, params)
        names = [c.name for c in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

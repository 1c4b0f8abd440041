"""What each ingest stage still has to do, chosen by what is missing rather than by what is new, so any
re-run (DAG, CLI, after a kill, after a 304) completes what an interrupted run left:

- extract: bodies in the fetch log with no document version and no extraction failure;
- normalise: document versions with no prepared analysis, or one by another normaliser version (and no
  recorded normaliser failure at the current version);
- load: prepared analyses whose facts are not loaded (selected by `facts.replace_facts_batch` itself).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .statements import sql


@dataclass(frozen=True)
class MissingStage:
    """One document (version) that has not reached `stage`; `snapshot_sha256` set when no version exists yet."""

    stage: str
    source: str
    url: str
    document_id: int | None
    snapshot_sha256: str


def unextracted_snapshots(conn, source: str) -> list[list[str]]:
    """[url, sha256] of the bodies `source` fetched that have no document version nor extraction failure."""
    with conn, conn.cursor() as cur:
        cur.execute(sql("work_unextracted_snapshots"), {"source": source})
        return [list(row) for row in cur.fetchall()]


def unfinished_documents(conn, source: str, normaliser_version: str) -> list[int]:
    """Ids of `source`'s document versions still missing their analysis (at this normaliser version) or facts."""
    with conn, conn.cursor() as cur:
        cur.execute(sql("work_unfinished_documents"), {"source": source, "version": normaliser_version})
        return [row[0] for row in cur.fetchall()]


def documents_to_analyse(conn, document_ids: Sequence[int], normaliser_version: str) -> list[int]:
    """Those of `document_ids` without an analysis by this normaliser version (nor a failure at it)."""
    with conn, conn.cursor() as cur:
        cur.execute(sql("work_documents_to_analyse"), {"docs": list(document_ids), "version": normaliser_version})
        return [row[0] for row in cur.fetchall()]


def missing_stages(conn, normaliser_version: str) -> list[MissingStage]:
    """Every document (version) some stage has not reached, for `pressroom db check`."""
    with conn, conn.cursor() as cur:
        cur.execute(sql("work_missing_stages"), {"version": normaliser_version})
        return [MissingStage(*row) for row in cur.fetchall()]


def quarantined(conn) -> list[tuple[int, str, str, str]]:
    """(document id, url, stage, reason) of the document versions a stage refused."""
    with conn, conn.cursor() as cur:
        cur.execute("select f.document_id, d.url, f.stage, f.reason from core.document_failures f"
                    " join core.documents d on d.id = f.document_id order by f.document_id, f.stage")
        return cur.fetchall()


def stored_versions(conn, versions: Sequence[tuple[str, str]]) -> dict[tuple[str, str], int | None]:
    """Those of the (url, sha256) bodies already extracted: their document version id, or None when the
    extraction failed (done as well)."""
    if not versions:
        return {}
    urls, shas = (list(column) for column in zip(*versions, strict=True))
    with conn, conn.cursor() as cur:
        cur.execute(sql("work_stored_versions"), {"urls": urls, "shas": shas})
        return {(url, sha): document_id for url, sha, document_id in cur.fetchall()}

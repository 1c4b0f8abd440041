"""The fact tables (core.strike_reports, core.spokesperson_mentions, core.findings, core.spokespeople).

Two steps, so the load task only moves rows:
- `prepare_analysis` (normalise stage, pure): validate a document's analysis (`validate`) and build its fact
  rows; a document breaking a limit gets no facts but a `facts_refused` finding and its reason. The rows are
  stored with the analysis in the core.prepared_* tables (core.write_analyses).
- `replace_facts_batch` (load stage): in one transaction per batch, mark the analyses not loaded yet as
  loaded (their row locks make two loads of the same documents take turns), delete their old facts, copy
  the prepared rows with `insert … select`, merge the spokespeople registry and record refused documents in
  core.document_failures. Re-loading the same analyses yields the same rows.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from .statements import sql
from .validate import ISO_DATE, YEAR_FIRST, document_problem

log = logging.getLogger(__name__)

REPORT_COLUMNS = ("document_id", "rule", "scope", "actor", "campaign", "date_start", "date_end", "date_precision",
                  "country", "admin1", "place", "place_normalised", "lat", "lon", "geo_precision", "strikes_low",
                  "strikes_best", "strikes_high", "engagements", "targets", "evidence_text", "evidence_start",
                  "evidence_end", "extra", "normaliser_version")
REPORT_FIELDS = {"rule", "scope", "actor", "campaign", "date_start", "date_end", "date_precision", "country", "admin1",
                 "place", "place_normalised", "lat", "lon", "geo_precision", "strikes", "engagements", "targets",
                 "evidence"}
MENTION_COLUMNS = ("document_id", "ordinal", "canonical_key", "name", "rank", "role", "organisation", "quotes",
                   "evidence_text", "evidence_start", "evidence_end", "normaliser_version")
FINDING_COLUMNS = ("document_id", "check_name", "severity", "detail", "evidence_text", "evidence_start",
                   "evidence_end", "normaliser_version")
REFUSED_CHECK = "facts_refused"


@dataclass(frozen=True)
class PreparedAnalysis:
    """An analysis ready to store: its JSON and its validated fact rows (REPORT_COLUMNS, MENTION_COLUMNS,
    FINDING_COLUMNS), or why they were refused."""

    document_id: int
    normaliser_version: str
    result_json: str
    strike_reports: list[tuple]
    mentions: list[tuple]
    findings: list[tuple]
    refused_reason: str | None


def prepare_analysis(document_id: int, normaliser_version: str, result: dict, *, text_length: int,
                     fetched: date) -> PreparedAnalysis:
    """Validate and build the rows of one analysis; ValueError when jsonb cannot hold it (NaN, NUL)."""
    from pressroom.normalise.spokespeople import canonical_key

    result_json = encode_analysis(result)
    problem = document_problem(result, text_length=text_length, fetched=fetched)
    if problem:
        refusal = (document_id, REFUSED_CHECK, "error", problem, None, None, None, normaliser_version)
        return PreparedAnalysis(document_id, normaliser_version, result_json, [], [], [refusal], problem)
    reports = _report_rows(document_id, normaliser_version, result.get("strike_reports") or [])
    mentions, seen = [], set()
    for p in result.get("spokespeople") or []:
        evidence, key = p["evidence"], canonical_key(p["name"])
        if (key, evidence["start"], evidence["end"]) not in seen:
            seen.add((key, evidence["start"], evidence["end"]))
            mentions.append((document_id, len(mentions), key, p["name"], p.get("rank"), p.get("role"),
                             p.get("organisation"), _json(p.get("quotes") or []), evidence["text"],
                             evidence["start"], evidence["end"], normaliser_version))
    findings = [_finding_row(document_id, normaliser_version, f) for f in result.get("findings") or []]
    return PreparedAnalysis(document_id, normaliser_version, result_json, reports, mentions, findings, None)


def encode_analysis(result: dict) -> str:
    """The contract JSON as jsonb takes it; ValueError for what it cannot hold (NaN, infinities, NUL)."""
    encoded = json.dumps(result, ensure_ascii=False, allow_nan=False)
    if "\\u0000" in encoded.replace("\\\\", ""):
        raise ValueError("analysis contains a NUL character")
    return encoded


def replace_facts_batch(conn, document_ids: Sequence[int]) -> dict[str, int]:
    """Load the facts of those of these document versions whose prepared analysis is not loaded yet, in one
    transaction: their old facts are replaced. Returns row counts (`documents` loaded, `refused`: quarantined)."""
    with conn, conn.cursor() as cur:
        cur.execute(sql("facts_mark_loaded"), {"docs": list(document_ids)})
        analyses = cur.fetchall()
        counts = dict.fromkeys(("strike_reports", "findings", "spokesperson_mentions"), 0)
        refused = [(document_id, "load", version, reason) for document_id, version, reason in analyses if reason]
        if analyses:
            params = {"docs": sorted(row[0] for row in analyses)}
            cur.execute(sql("facts_delete"), params)
            for statement, table in (("facts_insert_strike_reports", "strike_reports"),
                                     ("facts_insert_findings", "findings"),
                                     ("facts_merge_spokespeople", None),
                                     ("facts_insert_mentions", "spokesperson_mentions")):
                cur.execute(sql(statement), params)
                if table:
                    counts[table] = cur.rowcount
        if refused:
            from psycopg2.extras import execute_values

            execute_values(cur, sql("core_upsert_document_failures"), refused)
    for document_id, _, _, reason in refused:
        log.warning("document %s refused: %s", document_id, reason)
    counts.update(documents=len(analyses), refused=len(refused))
    log.info("loaded %s", counts)
    return counts


def _report_rows(document_id: int, version: str, items: list[dict]) -> list[tuple]:
    """Strike-report rows, the first of any duplicate natural key kept (the table's unique key)."""
    rows, seen = [], set()
    for r in items:
        strikes, evidence = r.get("strikes") or {}, r["evidence"]
        start, end = r.get("date_start"), r.get("date_end")
        key = (r["rule"], evidence["start"], evidence["end"], r.get("place_normalised"), _day(start))
        if key in seen:
            continue
        seen.add(key)
        extra = {k: v for k, v in r.items() if k not in REPORT_FIELDS}
        # a date without a year ('XXXX-06-19') stays in extra as written, never guessed into a column
        for name, value in (("date_start_text", start), ("date_end_text", end)):
            if value is not None and not YEAR_FIRST.match(value):
                extra[name] = value
        rows.append((document_id, r["rule"], r["scope"], r["actor"], r.get("campaign"), _day(start), _day(end),
                     r.get("date_precision"), r.get("country"), r.get("admin1"), r.get("place"),
                     r.get("place_normalised"), r.get("lat"), r.get("lon"), r.get("geo_precision"),
                     strikes.get("low"), strikes.get("best"), strikes.get("high"), r.get("engagements"),
                     _json(r.get("targets") or []), evidence["text"], evidence["start"], evidence["end"],
                     _json(extra), version))
    return rows


def _day(value: str | None) -> str | None:
    """A full ISO date goes into the date columns; month/year precision and year-less dates do not."""
    return value if value is not None and ISO_DATE.fullmatch(value) else None


def _finding_row(document_id: int, version: str, f: dict) -> tuple:
    evidence = f.get("evidence") or {}
    return (document_id, f["check"], f.get("severity") or "warning", f.get("detail") or "", evidence.get("text"),
            evidence.get("start"), evidence.get("end"), version)


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False)

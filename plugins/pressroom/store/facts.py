"""The fact tables (core.strike_reports, core.spokesperson_mentions, core.findings, core.spokespeople) of a
batch of document versions, replaced from their stored analyses in one transaction.

Each analysis is validated first (`validate`); a document whose facts break a limit is quarantined (a row in
core.document_failures and a `facts_refused` finding) and the rest of the batch loads. Rows are built here
and COPY'd straight into the fact tables after the batch's old rows are deleted; the spokespeople registry is
merged with one upsert. Re-loading the same analyses yields the same rows (natural keys: document version +
rule + evidence offsets), and the analyses are marked loaded in the same transaction.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence

from .statements import copy_rows, sql
from .validate import ISO_DATE, YEAR_FIRST, document_problem

log = logging.getLogger(__name__)

REPORT_COLUMNS = ("document_id", "rule", "scope", "actor", "campaign", "date_start", "date_end", "date_precision",
                  "country", "admin1", "place", "place_normalised", "lat", "lon", "geo_precision", "strikes_low",
                  "strikes_best", "strikes_high", "engagements", "targets", "evidence_text", "evidence_start",
                  "evidence_end", "extra", "normaliser_version")
REPORT_FIELDS = {"rule", "scope", "actor", "campaign", "date_start", "date_end", "date_precision", "country", "admin1",
                 "place", "place_normalised", "lat", "lon", "geo_precision", "strikes", "engagements", "targets",
                 "evidence"}
MENTION_COLUMNS = ("document_id", "spokesperson_id", "name", "rank", "role", "organisation", "quotes",
                   "evidence_text", "evidence_start", "evidence_end", "normaliser_version")
FINDING_COLUMNS = ("document_id", "check_name", "severity", "detail", "evidence_text", "evidence_start",
                   "evidence_end", "normaliser_version")
REFUSED_CHECK = "facts_refused"


def replace_facts_batch(conn, document_ids: Sequence[int]) -> dict[str, int]:
    """Delete and re-insert the facts of these document versions in one transaction; returns row counts
    (`refused`: documents quarantined). Raises LookupError when a document has no stored analysis."""
    from pressroom.normalise.spokespeople import canonical_key

    params = {"docs": list(document_ids)}
    reports, mentions, findings, refused = [], [], [], []
    with conn, conn.cursor() as cur:
        cur.execute(sql("facts_read_analyses"), params)
        analyses = cur.fetchall()
        missing = sorted(set(document_ids) - {row[0] for row in analyses})
        if missing:
            raise LookupError(f"no analysis stored for document(s) {missing}")
        for document_id, version, result_json, text_length, fetched in analyses:
            result = _parse(result_json)
            problem = document_problem(result, text_length=text_length, fetched=fetched) if isinstance(
                result, dict) else "analysis is not a JSON object"
            if problem:
                refused.append((document_id, version, problem))
                findings.append((document_id, REFUSED_CHECK, "error", problem, None, None, None, version))
                continue
            reports.extend(_report_rows(document_id, version, result.get("strike_reports") or []))
            mentions.extend((document_id, version, canonical_key(p["name"]), p)
                            for p in result.get("spokespeople") or [])
            findings.extend(_finding_row(document_id, version, f) for f in result.get("findings") or [])
        cur.execute(sql("facts_delete"), params)
        copy_rows(cur, "core.strike_reports", REPORT_COLUMNS, reports)
        copy_rows(cur, "core.findings", FINDING_COLUMNS, findings)
        mention_count = copy_rows(cur, "core.spokesperson_mentions", MENTION_COLUMNS,
                                  _mention_rows(cur, mentions))
        if refused:
            from psycopg2.extras import execute_values

            execute_values(cur, sql("core_upsert_document_failures"),
                           [(i, "load", version, reason) for i, version, reason in refused])
        cur.execute(sql("facts_mark_loaded"), params)
    for document_id, _, reason in refused:
        log.warning("document %s refused: %s", document_id, reason)
    counts = {"strike_reports": len(reports), "spokesperson_mentions": mention_count, "findings": len(findings),
              "refused": len(refused)}
    log.info("%d document(s): %s", len(document_ids), counts)
    return counts


def _parse(result_json: str):
    """The analysis JSON; an integer too long for Python's int() becomes a float the validation refuses."""
    return json.loads(result_json, parse_int=lambda s: int(s) if len(s) <= 20 else float(s))


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


def _mention_rows(cur, mentions: list[tuple[int, str, str, dict]]) -> list[tuple]:
    """Merge the batch's people into the registry (one upsert) and build their mention rows."""
    if not mentions:
        return []
    from psycopg2.extras import execute_values

    mentions.sort(key=lambda m: m[0])  # registry fields follow the latest mention: document order
    people: dict[str, list] = {}
    for _, _, key, p in mentions:
        name, rank, organisation = p["name"], p.get("rank"), p.get("organisation")
        if key not in people:
            people[key] = [key, name, rank, organisation]
            continue
        entry = people[key]
        if len(name) > len(entry[1]):
            entry[1] = name
        entry[2] = rank or entry[2]
        entry[3] = organisation or entry[3]
    ids = dict(execute_values(cur, sql("facts_merge_spokespeople"), list(people.values()), fetch=True))
    rows, seen = [], set()
    for document_id, version, key, p in mentions:
        evidence = p["evidence"]
        natural = (document_id, key, evidence["start"], evidence["end"])
        if natural in seen:
            continue
        seen.add(natural)
        rows.append((document_id, ids[key], p["name"], p.get("rank"), p.get("role"), p.get("organisation"),
                     _json(p.get("quotes") or []), evidence["text"], evidence["start"], evidence["end"], version))
    return rows


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False)

"""Replace a document version's facts with its stored analysis, in one transaction.

Set-based: the analysis JSON already sits in core.analyses, so the fact rows are produced by SQL
(`jsonb_to_recordset`), not row by row from Python. Re-loading the same analysis yields the same rows.
"""

from __future__ import annotations

import logging

log = logging.getLogger(__name__)

DELETE_FACTS = """
delete from core.strike_reports where document_id = %(doc)s;
delete from core.spokesperson_mentions where document_id = %(doc)s;
delete from core.findings where document_id = %(doc)s;
"""

INSERT_REPORTS = """
insert into core.strike_reports (
    document_id, rule, scope, actor, date_start, date_end, date_precision, country, admin1, place,
    place_normalised, lat, lon, geo_precision, strikes_low, strikes_best, strikes_high, engagements, targets,
    evidence_text, evidence_start, evidence_end, extra, normaliser_version)
select
    a.document_id, r->>'rule', r->>'scope', r->>'actor', (r->>'date_start')::date, (r->>'date_end')::date,
    r->>'date_precision', r->>'country', r->>'admin1', r->>'place', r->>'place_normalised',
    (r->>'lat')::float8, (r->>'lon')::float8, (r->>'geo_precision')::smallint,
    (r->'strikes'->>'low')::int, (r->'strikes'->>'best')::int, (r->'strikes'->>'high')::int,
    (r->>'engagements')::int, coalesce(r->'targets', '[]'),
    r->'evidence'->>'text', (r->'evidence'->>'start')::int, (r->'evidence'->>'end')::int,
    r - array['rule', 'scope', 'actor', 'date_start', 'date_end', 'date_precision', 'country', 'admin1',
              'place', 'place_normalised', 'lat', 'lon', 'geo_precision', 'strikes', 'engagements',
              'targets', 'evidence'],
    a.normaliser_version
from core.analyses as a, jsonb_array_elements(a.result->'strike_reports') as r
where a.document_id = %(doc)s
on conflict do nothing
"""

INSERT_FINDINGS = """
insert into core.findings (document_id, check_name, severity, detail, evidence_text, evidence_start,
    evidence_end, normaliser_version)
select a.document_id, f->>'check', coalesce(f->>'severity', 'warning'), coalesce(f->>'detail', ''),
    f->'evidence'->>'text', (f->'evidence'->>'start')::int, (f->'evidence'->>'end')::int, a.normaliser_version
from core.analyses as a, jsonb_array_elements(coalesce(a.result->'findings', '[]')) as f
where a.document_id = %(doc)s
"""

UPSERT_PERSON = """
insert into core.spokespeople (canonical_key, name, rank, organisation) values (%s, %s, %s, %s)
on conflict (canonical_key) do update set
    name = case when length(excluded.name) > length(core.spokespeople.name) then excluded.name
                else core.spokespeople.name end,
    rank = coalesce(excluded.rank, core.spokespeople.rank),
    organisation = coalesce(excluded.organisation, core.spokespeople.organisation)
returning id
"""

INSERT_MENTION = """
insert into core.spokesperson_mentions (document_id, spokesperson_id, name, rank, role, organisation, quotes,
    evidence_text, evidence_start, evidence_end, normaliser_version)
values (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)
on conflict do nothing
"""


def replace_facts(conn, document_id: int) -> dict[str, int]:
    """Delete and re-insert the facts of one document version from core.analyses; returns row counts."""
    import json

    from .normalise.spokespeople import canonical_key

    params = {"doc": document_id}
    with conn, conn.cursor() as cur:
        cur.execute("select result, normaliser_version from core.analyses where document_id = %s", (document_id,))
        row = cur.fetchone()
        if row is None:
            raise LookupError(f"no analysis stored for document {document_id}")
        result, version = row
        cur.execute(DELETE_FACTS, params)
        cur.execute(INSERT_REPORTS, params)
        reports = cur.rowcount
        cur.execute(INSERT_FINDINGS, params)
        findings = cur.rowcount
        mentions = 0
        for person in result.get("spokespeople", []):
            cur.execute(UPSERT_PERSON, (canonical_key(person["name"]), person["name"], person.get("rank"),
                                        person.get("organisation")))
            person_id = cur.fetchone()[0]
            evidence = person["evidence"]
            cur.execute(INSERT_MENTION, (
                document_id, person_id, person["name"], person.get("rank"), person.get("role"),
                person.get("organisation"), json.dumps(person.get("quotes", []), ensure_ascii=False),
                evidence["text"], evidence["start"], evidence["end"], version,
            ))
            mentions += cur.rowcount
    log.info("document %s: %d strike reports, %d spokesperson mentions, %d findings",
             document_id, reports, mentions, findings)
    return {"strike_reports": reports, "spokesperson_mentions": mentions, "findings": findings}

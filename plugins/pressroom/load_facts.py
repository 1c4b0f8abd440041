"""Replace document versions' facts with their stored analyses: one transaction per batch of documents.

Set-based: the analysis JSON already sits in core.analyses, so strike reports and findings are produced by SQL
(`jsonb_array_elements`). Spokespeople need Python's canonical_key(), so their rows are COPY'd into a temporary
staging table and merged into the registry and the mentions with two set-based statements. Re-loading the
same analyses yields the same rows (natural keys: document version + rule + evidence offsets).
"""

from __future__ import annotations

import csv
import io
import json
import logging

log = logging.getLogger(__name__)

DELETE_FACTS = """
delete from core.strike_reports where document_id = any(%(docs)s);
delete from core.spokesperson_mentions where document_id = any(%(docs)s);
delete from core.findings where document_id = any(%(docs)s);
"""

INSERT_REPORTS = """
insert into core.strike_reports (
    document_id, rule, scope, actor, campaign, date_start, date_end, date_precision, country, admin1, place,
    place_normalised, lat, lon, geo_precision, strikes_low, strikes_best, strikes_high, engagements, targets,
    evidence_text, evidence_start, evidence_end, extra, normaliser_version)
select
    a.document_id, r->>'rule', r->>'scope', r->>'actor', r->>'campaign',
    case when r->>'date_start' ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' then (r->>'date_start')::date end,
    case when r->>'date_end' ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' then (r->>'date_end')::date end,
    r->>'date_precision', r->>'country', r->>'admin1', r->>'place', r->>'place_normalised',
    (r->>'lat')::float8, (r->>'lon')::float8, (r->>'geo_precision')::smallint,
    (r->'strikes'->>'low')::int, (r->'strikes'->>'best')::int, (r->'strikes'->>'high')::int,
    (r->>'engagements')::int, coalesce(r->'targets', '[]'),
    r->'evidence'->>'text', (r->'evidence'->>'start')::int, (r->'evidence'->>'end')::int,
    r - array['rule', 'scope', 'actor', 'campaign', 'date_start', 'date_end', 'date_precision', 'country', 'admin1',
              'place', 'place_normalised', 'lat', 'lon', 'geo_precision', 'strikes', 'engagements',
              'targets', 'evidence']
        -- a date without a year ('XXXX-06-19') stays in extra as written, never guessed into a column
        || jsonb_strip_nulls(jsonb_build_object(
            'date_start_text', case when r->>'date_start' !~ '^[0-9]{4}-' then r->>'date_start' end,
            'date_end_text', case when r->>'date_end' !~ '^[0-9]{4}-' then r->>'date_end' end)),
    a.normaliser_version
from core.analyses as a, jsonb_array_elements(a.result->'strike_reports') as r
where a.document_id = any(%(docs)s)
on conflict do nothing
"""

INSERT_FINDINGS = """
insert into core.findings (document_id, check_name, severity, detail, evidence_text, evidence_start,
    evidence_end, normaliser_version)
select a.document_id, f->>'check', coalesce(f->>'severity', 'warning'), coalesce(f->>'detail', ''),
    f->'evidence'->>'text', (f->'evidence'->>'start')::int, (f->'evidence'->>'end')::int, a.normaliser_version
from core.analyses as a, jsonb_array_elements(coalesce(a.result->'findings', '[]')) as f
where a.document_id = any(%(docs)s)
"""

CREATE_STAGING = """
create temporary table staging_mentions (
    seq integer not null,
    document_id bigint not null,
    canonical_key text not null,
    name text not null,
    rank text,
    role text,
    organisation text,
    quotes jsonb not null,
    evidence_text text not null,
    evidence_start integer not null,
    evidence_end integer not null
) on commit drop
"""
STAGING_COLUMNS = ("seq", "document_id", "canonical_key", "name", "rank", "role", "organisation", "quotes",
                   "evidence_text", "evidence_start", "evidence_end")

# One registry row per key: the fullest name; rank and organisation of the latest mention that states them.
MERGE_PEOPLE = """
with incoming as (
    select
        s.canonical_key,
        (array_agg(s.name order by length(s.name) desc, s.seq))[1] as name,
        (array_agg(s.rank order by s.seq desc) filter (where s.rank is not null))[1] as rank,
        (array_agg(s.organisation order by s.seq desc) filter (where s.organisation is not null))[1]
            as organisation
    from staging_mentions as s
    group by s.canonical_key
)
insert into core.spokespeople (canonical_key, name, rank, organisation)
select i.canonical_key, i.name, i.rank, i.organisation
from incoming as i
on conflict (canonical_key) do update set
    name = case when length(excluded.name) > length(core.spokespeople.name) then excluded.name
                else core.spokespeople.name end,
    rank = coalesce(excluded.rank, core.spokespeople.rank),
    organisation = coalesce(excluded.organisation, core.spokespeople.organisation)
"""

INSERT_MENTIONS = """
insert into core.spokesperson_mentions (document_id, spokesperson_id, name, rank, role, organisation, quotes,
    evidence_text, evidence_start, evidence_end, normaliser_version)
select s.document_id, p.id, s.name, s.rank, s.role, s.organisation, s.quotes, s.evidence_text, s.evidence_start,
    s.evidence_end, a.normaliser_version
from staging_mentions as s
join core.spokespeople as p on p.canonical_key = s.canonical_key
join core.analyses as a on a.document_id = s.document_id
order by s.seq
on conflict do nothing
"""


def replace_facts_batch(conn, document_ids: list[int]) -> dict[str, int]:
    """Delete and re-insert the facts of these document versions in one transaction; returns row counts."""
    params = {"docs": list(document_ids)}
    with conn, conn.cursor() as cur:
        # Only the spokespeople come to Python (reading whole results cost a third of the load's time).
        cur.execute("select document_id, coalesce(result->'spokespeople', '[]') from core.analyses"
                    " where document_id = any(%(docs)s)", params)
        spokespeople = dict(cur.fetchall())
        missing = sorted(set(document_ids) - spokespeople.keys())
        if missing:
            raise LookupError(f"no analysis stored for document(s) {missing}")
        cur.execute(DELETE_FACTS, params)
        cur.execute(INSERT_REPORTS, params)
        reports = cur.rowcount
        cur.execute(INSERT_FINDINGS, params)
        findings = cur.rowcount
        mentions = _load_mentions(cur, spokespeople)
    log.info("%d document(s): %d strike reports, %d spokesperson mentions, %d findings",
             len(document_ids), reports, mentions, findings)
    return {"strike_reports": reports, "spokesperson_mentions": mentions, "findings": findings}


def _load_mentions(cur, spokespeople: dict[int, list[dict]]) -> int:
    """COPY the documents' spokespeople into staging, merge the registry, insert the mentions."""
    from .normalise.spokespeople import canonical_key

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    seq = 0
    for document_id in sorted(spokespeople):
        for person in spokespeople[document_id]:
            evidence = person["evidence"]
            writer.writerow((seq, document_id, canonical_key(person["name"]), person["name"], person.get("rank"),
                             person.get("role"), person.get("organisation"),
                             json.dumps(person.get("quotes", []), ensure_ascii=False),
                             evidence["text"], evidence["start"], evidence["end"]))
            seq += 1
    if not seq:
        return 0
    cur.execute(CREATE_STAGING)
    buffer.seek(0)
    cur.copy_expert(f"copy staging_mentions ({', '.join(STAGING_COLUMNS)}) from stdin with (format csv)", buffer)
    cur.execute(MERGE_PEOPLE)
    cur.execute(INSERT_MENTIONS)
    return cur.rowcount

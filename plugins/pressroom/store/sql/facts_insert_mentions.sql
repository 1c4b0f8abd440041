insert into core.spokesperson_mentions (document_id, spokesperson_id, name, rank, role, organisation, quotes,
    evidence_text, evidence_start, evidence_end, normaliser_version)
select m.document_id, p.id, m.name, m.rank, m.role, m.organisation, m.quotes, m.evidence_text, m.evidence_start,
    m.evidence_end, m.normaliser_version
from core.prepared_spokesperson_mentions as m
join core.spokespeople as p on p.canonical_key = m.canonical_key
where m.document_id = any(%(docs)s)
order by m.document_id, m.ordinal

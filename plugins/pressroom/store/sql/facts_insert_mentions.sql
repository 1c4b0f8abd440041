insert into core.spokesperson_mentions (document_id, spokesperson_id, name, rank, role, organisation, quotes,
    evidence_text, evidence_start, evidence_end, normaliser_version)
select s.document_id, p.id, s.name, s.rank, s.role, s.organisation, s.quotes, s.evidence_text, s.evidence_start,
    s.evidence_end, s.normaliser_version
from staging_mentions as s
join core.spokespeople as p on p.canonical_key = s.canonical_key
order by s.seq

-- The batch's analyses as JSON text (parsed in Python), with what validation needs; locked so two loads of
-- the same documents take turns.
select a.document_id, a.normaliser_version, a.result::text, length(d.text), d.fetched_at::date
from core.analyses as a
join core.documents as d on d.id = a.document_id
where a.document_id = any(%(docs)s)
order by a.document_id
for update of a

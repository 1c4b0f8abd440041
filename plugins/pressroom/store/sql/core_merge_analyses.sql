insert into core.analyses (document_id, normaliser_version, result)
select distinct on (document_id) document_id, normaliser_version, result
from staging_analyses
order by document_id
on conflict (document_id) do update set
    normaliser_version = excluded.normaliser_version, result = excluded.result, analysed_at = now(),
    facts_loaded_at = null;

delete from core.document_failures as f
using staging_analyses as s
where f.document_id = s.document_id and f.stage = 'normalise';

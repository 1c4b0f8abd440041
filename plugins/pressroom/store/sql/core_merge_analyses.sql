insert into core.analyses (document_id, normaliser_version, result, refused_reason, facts_prepared)
select distinct on (document_id) document_id, normaliser_version, result, refused_reason, true
from staging_analyses
order by document_id
on conflict (document_id) do update set
    normaliser_version = excluded.normaliser_version, result = excluded.result,
    refused_reason = excluded.refused_reason, facts_prepared = true, analysed_at = now(), facts_loaded_at = null;

delete from core.document_failures as f
using staging_analyses as s
where f.document_id = s.document_id and f.stage = 'normalise';

-- the analyses' prepared rows are replaced (the caller COPYs the new ones next, in the same transaction)
delete from core.prepared_strike_reports as p using staging_analyses as s where p.document_id = s.document_id;
delete from core.prepared_findings as p using staging_analyses as s where p.document_id = s.document_id;
delete from core.prepared_spokesperson_mentions as p using staging_analyses as s where p.document_id = s.document_id;

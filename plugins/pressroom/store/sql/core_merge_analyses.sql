insert into core.analyses (document_id, normaliser_version, result, strike_report_rows, spokesperson_rows,
    finding_rows, refused_reason)
select distinct on (document_id) *
from staging_analyses
order by document_id
on conflict (document_id) do update set
    normaliser_version = excluded.normaliser_version, result = excluded.result,
    strike_report_rows = excluded.strike_report_rows, spokesperson_rows = excluded.spokesperson_rows,
    finding_rows = excluded.finding_rows, refused_reason = excluded.refused_reason, analysed_at = now(),
    facts_loaded_at = null;

delete from core.document_failures as f
using staging_analyses as s
where f.document_id = s.document_id and f.stage = 'normalise';

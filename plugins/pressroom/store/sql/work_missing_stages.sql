-- Fetched bodies with no document version nor extraction failure.
select 'extract' as stage, l.source, l.url, null::bigint as document_id, l.snapshot_sha256
from raw.fetch_log as l
where l.snapshot_sha256 is not null
  and not exists (
      select 1 from core.documents as d where d.url = l.url and d.snapshot_sha256 = l.snapshot_sha256)
  and not exists (
      select 1 from core.extraction_failures as f where f.url = l.url and f.snapshot_sha256 = l.snapshot_sha256)
group by l.source, l.url, l.snapshot_sha256
union all
-- Document versions without an analysis by the current normaliser (a recorded normaliser failure counts as done).
select 'normalise', d.source, d.url, d.id, d.snapshot_sha256
from core.documents as d
left join core.analyses as a on a.document_id = d.id
where (a.document_id is null or a.normaliser_version <> %(version)s or not a.facts_prepared)
  and not exists (
      select 1 from core.document_failures as f
      where f.document_id = d.id and f.stage = 'normalise' and f.normaliser_version = %(version)s)
union all
-- Prepared analyses whose facts are not loaded.
select 'load', d.source, d.url, d.id, d.snapshot_sha256
from core.analyses as a
join core.documents as d on d.id = a.document_id
where a.facts_loaded_at is null and a.facts_prepared
order by 1, 3

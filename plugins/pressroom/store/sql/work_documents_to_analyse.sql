select d.id
from unnest(%(docs)s::bigint[]) as d(id)
left join core.analyses as a on a.document_id = d.id
where (a.document_id is null or a.normaliser_version <> %(version)s or not a.facts_prepared)
  and not exists (
      select 1 from core.document_failures as f
      where f.document_id = d.id and f.stage = 'normalise' and f.normaliser_version = %(version)s)
order by d.id

select d.id
from core.documents as d
left join core.analyses as a on a.document_id = d.id
where d.source = %(source)s
  and (
      (a.document_id is null or a.normaliser_version <> %(version)s or not a.facts_prepared)
          and not exists (
              select 1 from core.document_failures as f
              where f.document_id = d.id and f.stage = 'normalise' and f.normaliser_version = %(version)s)
      or a.facts_loaded_at is null and a.facts_prepared
  )
order by d.id

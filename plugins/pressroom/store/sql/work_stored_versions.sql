select w.url, w.sha256, d.id
from unnest(%(urls)s::text[], %(shas)s::text[]) as w(url, sha256)
left join core.documents as d on d.url = w.url and d.snapshot_sha256 = w.sha256
where d.id is not null
   or exists (
       select 1 from core.extraction_failures as f where f.url = w.url and f.snapshot_sha256 = w.sha256)

select l.url, l.snapshot_sha256
from raw.fetch_log as l
where l.source = %(source)s
  and l.snapshot_sha256 is not null
  and not exists (
      select 1 from core.documents as d where d.url = l.url and d.snapshot_sha256 = l.snapshot_sha256)
  and not exists (
      select 1 from core.extraction_failures as f where f.url = l.url and f.snapshot_sha256 = l.snapshot_sha256)
group by l.url, l.snapshot_sha256
order by min(l.fetched_at), l.url

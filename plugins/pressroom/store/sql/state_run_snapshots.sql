select distinct on (l.url, s.sha256) l.url, coalesce(l.final_url, s.final_url), s.status, l.fetched_at, s.headers,
    s.content_type, s.encoding, s.body_gz
from raw.fetch_log as l
join raw.snapshots as s on s.sha256 = l.snapshot_sha256
where l.run_id = %s
order by l.url, s.sha256, l.fetched_at

-- Per URL: validators of its newest fetch that stored a body, and the snapshots already stored as its
-- document versions or extraction failures.
with wanted as (
    select distinct unnest(%(urls)s::text[]) as url
),
validators as (
    select distinct on (l.url) l.url, l.etag, l.last_modified
    from raw.fetch_log as l
    join wanted as w on w.url = l.url
    where l.snapshot_sha256 is not null
    order by l.url, l.fetched_at desc
),
versions as (
    select v.url, array_agg(v.snapshot_sha256) as shas
    from (
        select d.url, d.snapshot_sha256 from core.documents as d join wanted as w on w.url = d.url
        union
        select f.url, f.snapshot_sha256 from core.extraction_failures as f join wanted as w on w.url = f.url
    ) as v
    group by v.url
)
select w.url, va.etag, va.last_modified, coalesce(ve.shas, '{}')
from wanted as w
left join validators as va on va.url = w.url
left join versions as ve on ve.url = w.url

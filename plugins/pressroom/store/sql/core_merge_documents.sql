-- Callers hold an advisory lock per URL, so version numbers cannot race.
with refreshed as (
    update core.documents as d set
        title = s.title, published = s.published, text = s.text, text_sha256 = s.text_sha256,
        sitename = s.sitename, language = s.language, extractor = s.extractor,
        extractor_version = s.extractor_version, source = s.source,
        last_fetched_at = greatest(d.last_fetched_at, s.last_fetched_at), extracted_at = now()
    from staging_documents as s
    where d.url = s.url and d.snapshot_sha256 = s.snapshot_sha256
    returning d.id, d.url, d.snapshot_sha256
),
fresh as (
    -- one row per new (url, snapshot), numbered after the URL's stored versions in fetch order
    select distinct on (s.url, s.snapshot_sha256) s.*
    from staging_documents as s
    where not exists (
        select 1 from core.documents as d where d.url = s.url and d.snapshot_sha256 = s.snapshot_sha256)
    order by s.url, s.snapshot_sha256, s.seq
),
inserted as (
    insert into core.documents (source, url, snapshot_sha256, version, title, published, text, text_sha256,
        sitename, language, extractor, extractor_version, fetched_at, last_fetched_at)
    select f.source, f.url, f.snapshot_sha256,
        coalesce((select max(d.version) from core.documents as d where d.url = f.url), 0)
            + row_number() over (partition by f.url order by f.fetched_at, f.seq),
        f.title, f.published, f.text, f.text_sha256, f.sitename, f.language, f.extractor, f.extractor_version,
        f.fetched_at, f.last_fetched_at
    from fresh as f
    returning id, url, snapshot_sha256
)
select s.seq, w.id
from staging_documents as s
join (select * from refreshed union all select * from inserted) as w
    on w.url = s.url and w.snapshot_sha256 = s.snapshot_sha256

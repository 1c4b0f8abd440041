-- grain: the latest version of each document URL ("no newer version exists" is an index probe on (url, version)).
select
    d.id as document_id,
    d.source,
    d.url,
    d.version,
    d.title,
    d.published,
    d.text,
    d.search_vector,
    d.fetched_at
from {{ source('core', 'documents') }} as d
where not exists (
    select 1
    from {{ source('core', 'documents') }} as newer
    where newer.url = d.url
      and newer.version > d.version
)

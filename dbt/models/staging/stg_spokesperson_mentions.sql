-- grain: one mention of a registry person in the current version of a document.
select
    m.id as mention_id,
    m.spokesperson_id,
    p.canonical_key,
    p.name as person,
    m.name as name_as_written,
    m.rank,
    m.role,
    m.organisation,
    coalesce(d.published, d.fetched_at::date) as day,
    d.source,
    d.url,
    d.title,
    m.quotes
from {{ source('core', 'spokesperson_mentions') }} as m
join {{ source('core', 'spokespeople') }} as p on p.id = m.spokesperson_id
join {{ ref('stg_current_documents') }} as d on d.document_id = m.document_id

{{ config(indexes=[{'columns': ['person_key'], 'unique': true}]) }}
-- grain: one row per spokesperson x organisation: when they spoke for it and how often.
with spoke as (
    select
        q.spokesperson_id,
        q.canonical_key,
        q.person,
        coalesce(q.organisation, '') as organisation,
        q.rank,
        q.day,
        q.url,
        q.quote
    from {{ ref('spokesperson_quotes') }} as q
)

select
    format('%s|%s', s.spokesperson_id, s.organisation) as person_key,
    s.spokesperson_id,
    s.canonical_key,
    s.person,
    nullif(s.organisation, '') as organisation,
    (array_agg(s.rank order by s.day desc) filter (where s.rank is not null))[1] as latest_rank,
    min(s.day) as first_day,
    max(s.day) as last_day,
    count(distinct s.url) as documents,
    count(s.quote) as quotes
from spoke as s
group by s.spokesperson_id, s.canonical_key, s.person, s.organisation

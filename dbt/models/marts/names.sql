{{ config(
    pre_hook="{{ create_name_functions() }}",
    indexes=[
        {'columns': ['name_key'], 'unique': true},
        {'columns': ['trigrams'], 'type': 'gin'},
    ],
) }}
-- grain: one row per name variant x canonical name x kind (place or person), with its trigrams for fuzzy search.
with places as (
    select 'place' as kind, e.place_as_written as name, e.place as canonical, e.country, e.admin1, e.geonames_id
    from {{ ref('strike_events') }} as e
    where e.place_as_written is not null
    union all
    select 'place', e.place, e.place, e.country, e.admin1, e.geonames_id
    from {{ ref('strike_events') }} as e
    where e.place is not null
),

people as (
    -- every mention (all document versions, as the registry merges them) and each registry name itself
    select 'person' as kind, m.name, p.name as canonical, null::text as country, null::text as admin1,
        null::bigint as geonames_id
    from {{ source('core', 'spokesperson_mentions') }} as m
    join {{ source('core', 'spokespeople') }} as p on p.id = m.spokesperson_id
    union all
    select 'person', p.name, p.name, null, null, null
    from {{ source('core', 'spokespeople') }} as p
),

variants as (
    select
        n.kind,
        n.name,
        n.canonical,
        max(n.country) as country,
        max(n.admin1) as admin1,
        max(n.geonames_id) as geonames_id,
        count(*) as mentions
    from (select * from places union all select * from people) as n
    group by n.kind, n.name, n.canonical
)

select
    format('%s|%s|%s', v.kind, v.name, v.canonical) as name_key,
    v.*,
    {{ target.schema }}.trigrams(v.name) as trigrams
from variants as v

-- One registry row per key: the fullest name; rank and organisation of the latest mention that states them.
with incoming as (
    select
        m.canonical_key,
        (array_agg(m.name order by length(m.name) desc, m.document_id, m.ordinal))[1] as name,
        (array_agg(m.rank order by m.document_id desc, m.ordinal desc) filter (where m.rank is not null))[1]
            as rank,
        (array_agg(m.organisation order by m.document_id desc, m.ordinal desc)
            filter (where m.organisation is not null))[1] as organisation
    from core.prepared_spokesperson_mentions as m
    where m.document_id = any(%(docs)s)
    group by m.canonical_key
)
insert into core.spokespeople as p (canonical_key, name, rank, organisation)
select i.canonical_key, i.name, i.rank, i.organisation
from incoming as i
order by i.canonical_key
on conflict (canonical_key) do update set
    name = case when length(excluded.name) > length(p.name) then excluded.name else p.name end,
    rank = coalesce(excluded.rank, p.rank),
    organisation = coalesce(excluded.organisation, p.organisation)

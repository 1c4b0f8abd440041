-- One registry row per key: the fullest name; rank and organisation of the latest mention that states them.
with incoming as (
    select
        s.canonical_key,
        (array_agg(s.name order by length(s.name) desc, s.seq))[1] as name,
        (array_agg(s.rank order by s.seq desc) filter (where s.rank is not null))[1] as rank,
        (array_agg(s.organisation order by s.seq desc) filter (where s.organisation is not null))[1]
            as organisation
    from staging_mentions as s
    group by s.canonical_key
)
insert into core.spokespeople as p (canonical_key, name, rank, organisation)
select i.canonical_key, i.name, i.rank, i.organisation
from incoming as i
on conflict (canonical_key) do update set
    name = case when length(excluded.name) > length(p.name) then excluded.name else p.name end,
    rank = coalesce(excluded.rank, p.rank),
    organisation = coalesce(excluded.organisation, p.organisation)

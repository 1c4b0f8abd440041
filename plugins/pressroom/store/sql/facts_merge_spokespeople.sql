-- One registry row per key: the fullest name; rank and organisation of the latest mention that states them.
insert into core.spokespeople as p (canonical_key, name, rank, organisation)
values %s
on conflict (canonical_key) do update set
    name = case when length(excluded.name) > length(p.name) then excluded.name else p.name end,
    rank = coalesce(excluded.rank, p.rank),
    organisation = coalesce(excluded.organisation, p.organisation)
returning canonical_key, id

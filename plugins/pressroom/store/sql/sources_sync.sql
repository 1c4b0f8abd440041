-- core.sources becomes exactly the configured sources: the others are deleted, these inserted or updated.
with configured as (
    select *
    from unnest(%(names)s::text[], %(kinds)s::text[], %(schedules)s::text[], %(enabled)s::boolean[],
        %(official)s::boolean[], %(descriptions)s::text[], %(start_urls)s::text[])
        as c(name, kind, schedule, enabled, official, description, start_urls)
),
removed as (
    delete from core.sources as s
    where not exists (select from configured as c where c.name = s.name)
)
insert into core.sources (name, kind, schedule, enabled, official, description, start_urls)
select name, kind, schedule, enabled, official, description,
    case when start_urls = '' then '{}'::text[] else string_to_array(start_urls, E'\n') end
from configured
order by name
on conflict (name) do update set
    (kind, schedule, enabled, official, description, start_urls, synced_at)
    = (excluded.kind, excluded.schedule, excluded.enabled, excluded.official, excluded.description,
       excluded.start_urls, now());

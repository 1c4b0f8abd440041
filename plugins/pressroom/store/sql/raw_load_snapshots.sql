-- Bodies of (url, sha256) pairs with the source that fetched them at that URL (latest) and their first and
-- last fetch times; a snapshot stored without a fetch-log row (tests, imports) falls back to its own columns.
select s.sha256, w.url, coalesce(f.source, s.source), coalesce(f.first_fetched, s.fetched_at),
    coalesce(f.last_fetched, s.fetched_at), s.content_type, s.encoding, s.body_gz
from unnest(%(urls)s::text[], %(shas)s::text[]) as w(url, sha256)
join raw.snapshots as s on s.sha256 = w.sha256
left join lateral (
    select (array_agg(l.source order by l.fetched_at desc))[1] as source,
        min(l.fetched_at) as first_fetched, max(l.fetched_at) as last_fetched
    from raw.fetch_log as l
    where l.url = w.url and l.snapshot_sha256 = w.sha256
) as f on true

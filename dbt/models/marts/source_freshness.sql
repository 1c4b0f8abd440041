{{ config(materialized='view') }}
-- grain: one row per source, configured (core.sources) or seen in the logs. A view, so always current: a source
-- that goes dark loads no facts, and a table refreshed after new facts would keep showing it healthy.
with requests as (
    select
        r.source,
        max(r.requested_at) as last_attempt_at,
        max(r.requested_at) filter (where r.error_class is null) as last_success_at
    from {{ source('raw', 'source_requests') }} as r
    group by r.source
),

last_errors as (
    select distinct on (r.source) r.source, r.requested_at, r.error_class, r.error
    from {{ source('raw', 'source_requests') }} as r
    where r.error_class is not null
    order by r.source, r.requested_at desc
),

runs as (
    select
        r.source,
        r.run_id,
        max(r.requested_at) as run_at,
        bool_or(r.error_class is null) as reached,
        count(*) filter (where r.error_class is not null) as errors
    from {{ source('raw', 'source_requests') }} as r
    group by r.source, r.run_id
),

ranked_runs as (
    select u.*, row_number() over (partition by u.source order by u.run_at desc) as recency
    from runs as u
),

streaks as (
    select
        u.source,
        coalesce(min(u.recency) filter (where u.reached) - 1, count(*)) as consecutive_failed_runs,
        max(u.errors) filter (where u.recency = 1) as last_run_errors
    from ranked_runs as u
    group by u.source
),

fetches as (
    select
        f.source,
        count(*) as attempts,
        count(*) filter (where f.failed) as errors
    from {{ ref('stg_fetch_log') }} as f
    group by f.source
),

documents as (
    select
        d.source,
        count(*) as documents,
        max(d.published) as latest_published,
        max(d.fetched_at) as latest_document_at
    from {{ ref('stg_current_documents') }} as d
    group by d.source
),

recent as (
    select
        d.source,
        count(*) filter (where d.fetched_at >= now() - interval '24 hours') as documents_24h,
        count(*) as documents_7d
    from {{ source('core', 'documents') }} as d
    where d.fetched_at >= now() - interval '7 days'
    group by d.source
),

failures as (
    select x.source, count(*) as extraction_failures
    from {{ ref('stg_extraction_failures') }} as x
    group by x.source
),

names as (
    select c.name as source from {{ source('core', 'sources') }} as c
    union
    select q.source from requests as q
    union
    select d.source from documents as d
)

select
    n.source,
    c.name is not null as configured,
    c.kind,
    c.schedule,
    coalesce(c.enabled, false) as enabled,
    q.last_attempt_at,
    q.last_success_at,
    coalesce(s.consecutive_failed_runs, 0) as consecutive_failed_runs,
    coalesce(s.last_run_errors, 0) as last_run_errors,
    e.requested_at as last_error_at,
    e.error_class as last_error_class,
    e.error as last_error,
    case
        when q.last_attempt_at is null then 'never_run'
        when s.consecutive_failed_runs > 0 then 'failing'
        when s.last_run_errors > 0 then 'degraded'
        else 'ok'
    end as health,
    coalesce(f.attempts, 0) as attempts,
    coalesce(f.errors, 0) as errors,
    round(coalesce(f.errors, 0)::numeric / nullif(f.attempts, 0), 4) as error_rate,
    coalesce(d.documents, 0) as documents,
    coalesce(w.documents_24h, 0) as documents_24h,
    coalesce(w.documents_7d, 0) as documents_7d,
    d.latest_published,
    d.latest_document_at,
    coalesce(x.extraction_failures, 0) as extraction_failures
from names as n
left join {{ source('core', 'sources') }} as c on c.name = n.source
left join requests as q on q.source = n.source
left join streaks as s on s.source = n.source
left join last_errors as e on e.source = n.source
left join fetches as f on f.source = n.source
left join documents as d on d.source = n.source
left join recent as w on w.source = n.source
left join failures as x on x.source = n.source

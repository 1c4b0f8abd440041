{{ config(indexes=[
    {'columns': ['day_key'], 'unique': true},
    {'columns': ['day', 'source']},
]) }}
-- grain: one row per day x source: documents published that day, fetch attempts and errors made that day.
with published as (
    select d.published as day, d.source, count(*) as documents
    from {{ ref('stg_current_documents') }} as d
    where d.published is not null
    group by d.published, d.source
),

fetched as (
    select
        f.fetched_at::date as day,
        f.source,
        count(*) as attempts,
        count(*) filter (where f.failed) as errors
    from {{ ref('stg_fetch_log') }} as f
    group by f.fetched_at::date, f.source
)

select
    format('%s|%s', coalesce(p.day, f.day), coalesce(p.source, f.source)) as day_key,
    coalesce(p.day, f.day) as day,
    coalesce(p.source, f.source) as source,
    coalesce(p.documents, 0) as documents,
    coalesce(f.attempts, 0) as fetch_attempts,
    coalesce(f.errors, 0) as fetch_errors
from published as p
full join fetched as f on f.day = p.day and f.source = p.source

{{ config(indexes=[{'columns': ['source'], 'unique': true}]) }}
-- grain: one row per source: last successful fetch, error rate, documents and their dates.
with fetches as (
    select
        f.source,
        max(f.fetched_at) as last_attempt_at,
        max(f.fetched_at) filter (where not f.failed) as last_success_at,
        count(*) as attempts,
        count(*) filter (where f.failed) as errors,
        (array_agg(f.error_class order by f.fetched_at desc) filter (where f.failed))[1] as last_error_class
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

failures as (
    select x.source, count(*) as extraction_failures
    from {{ ref('stg_extraction_failures') }} as x
    group by x.source
),

sources as (
    select source from fetches
    union
    select source from documents
)

select
    s.source,
    f.last_attempt_at,
    f.last_success_at,
    coalesce(f.attempts, 0) as attempts,
    coalesce(f.errors, 0) as errors,
    round(coalesce(f.errors, 0)::numeric / nullif(f.attempts, 0), 4) as error_rate,
    f.last_error_class,
    coalesce(d.documents, 0) as documents,
    d.latest_published,
    d.latest_document_at,
    coalesce(x.extraction_failures, 0) as extraction_failures
from sources as s
left join fetches as f on f.source = s.source
left join documents as d on d.source = s.source
left join failures as x on x.source = s.source

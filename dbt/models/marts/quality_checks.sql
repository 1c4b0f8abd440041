{{ config(indexes=[{'columns': ['check_name'], 'unique': true}]) }}
{%- set thresholds = var('quality_thresholds') %}
-- grain: one data-quality check (fetch_errors once per source): affected of total rows, the rate and its threshold
-- (var quality_thresholds in dbt_project.yml). The within_threshold tests on this model are the run's gate.
with documents_with_reports as (
    select count(distinct document_id) as total from {{ ref('strike_events') }}
),

finding_documents as (
    select check_name, count(distinct document_id) as affected
    from {{ ref('quality_findings') }}
    group by check_name
),

finding_reports as (
    select check_name, count(*) as affected
    from {{ ref('quality_findings') }}
    where report_id is not null
    group by check_name
),

recent_fetches as (
    select f.source, count(*) filter (where f.failed) as errors, count(*) as attempts
    from {{ ref('stg_fetch_log') }} as f
    where f.fetched_at >= now() - interval '{{ var("fetch_error_window_days") }} days'
    group by f.source
),

counts as (
    select 'normaliser_error' as check_name,
        (select coalesce(max(affected), 0) from finding_documents where check_name = 'normaliser_error') as affected,
        (select count(*) from {{ ref('stg_current_documents') }}) as total
    union all
    select c.check_name, coalesce(f.affected, 0), d.total
    from (values ('headline_sum'), ('engagements_below_strikes')) as c (check_name)
    cross join documents_with_reports as d
    left join finding_documents as f on f.check_name = c.check_name
    union all
    select 'unknown_place',
        (select coalesce(max(affected), 0) from finding_reports where check_name = 'unknown_place'),
        (select count(*) from {{ ref('strike_events') }} where place_as_written is not null)
    union all
    select 'date_outside_document',
        (select coalesce(max(affected), 0) from finding_reports where check_name = 'date_outside_document'),
        (select count(*) from {{ ref('strike_events') }}
         where scope in ('event', 'backfill') and published is not null and date_start is not null)
    union all
    select 'extraction_failures', coalesce(sum(extraction_failures), 0), coalesce(sum(extraction_failures + documents), 0)
    from {{ ref('source_freshness') }}
    union all
    select 'fetch_errors:' || r.source, r.errors, r.attempts
    from recent_fetches as r
),

thresholds as (
    select t.check_group, t.threshold
    from (values
        {%- for name, value in thresholds.items() %}
        ('{{ name }}', {{ value }}::numeric){{ "," if not loop.last }}
        {%- endfor %}
    ) as t (check_group, threshold)
),

rated as (
    select
        c.check_name,
        c.affected::bigint as affected,
        c.total::bigint as total,
        round(coalesce(c.affected::numeric / nullif(c.total, 0), 0), 4) as rate,
        t.threshold
    from counts as c
    join thresholds as t on t.check_group = split_part(c.check_name, ':', 1)
)

select
    r.check_name,
    r.affected,
    r.total,
    r.rate,
    r.threshold,
    coalesce(r.affected::numeric / nullif(r.total, 0), 0) > r.threshold as failed,
    format('%s: %s of %s (%s%%) %s threshold %s%%', r.check_name, r.affected, r.total, round(r.rate * 100, 1),
           case when coalesce(r.affected::numeric / nullif(r.total, 0), 0) > r.threshold
                then 'exceeds' else 'within' end,
           round(r.threshold * 100, 1)) as detail
from rated as r

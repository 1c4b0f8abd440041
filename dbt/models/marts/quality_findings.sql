{{ config(indexes=[
    {'columns': ['finding_key'], 'unique': true},
    {'columns': ['check_name', 'published']},
    {'columns': ['source', 'published']},
    {'columns': ['published']},
]) }}
-- grain: one data-quality finding on a current document version: the normaliser's own checks (headline_sum,
-- engagements_below_strikes, and normaliser_error when it crashed on the document) and warehouse checks
-- (unknown_place, date_outside_document).
with normaliser as (
    select
        format('finding|%s', f.finding_id) as finding_key,
        f.check_name,
        'normaliser' as origin,
        f.severity,
        f.detail,
        f.document_id,
        null::bigint as report_id,
        d.source,
        d.url,
        d.published,
        null::date as day,
        null::text as country,
        null::text as admin1,
        null::text as place,
        f.evidence_text
    from {{ ref('stg_findings') }} as f
    join {{ ref('stg_current_documents') }} as d on d.document_id = f.document_id
),

report_checks as (
    select
        'unknown_place' as check_name,
        format('place %L has no coordinates in the gazetteer', e.place_as_written) as detail,
        e.*
    from {{ ref('strike_events') }} as e
    where e.place_as_written is not null
      and e.lat is null
    union all
    select
        'date_outside_document',
        format('strikes dated %s to %s in a document published %s', e.date_start, e.date_end, e.published),
        e.*
    from {{ ref('strike_events') }} as e
    where e.scope in ('event', 'backfill')
      and e.published is not null
      and (e.date_end > e.published or e.date_start < e.published - 31)
),

warehouse as (
    select
        format('%s|%s', r.check_name, r.report_id) as finding_key,
        r.check_name,
        'warehouse' as origin,
        'warning' as severity,
        r.detail,
        r.document_id,
        r.report_id,
        r.source,
        r.url,
        r.published,
        r.date_start as day,
        r.country,
        r.admin1,
        r.place,
        r.evidence_text
    from report_checks as r
)

select * from normaliser
union all
select * from warehouse

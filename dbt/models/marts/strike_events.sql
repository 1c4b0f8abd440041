{{ config(indexes=[
    {'columns': ['report_id'], 'unique': true},
    {'columns': ['date_start']},
    {'columns': ['country', 'date_start']},
    {'columns': ['admin1', 'date_start']},
    {'columns': ['place', 'date_start']},
]) }}
-- grain: one strike report read from the current version of a document (every scope and actor), with the one
-- definition of what each report counts as (counted_as) that every other mart, the report and the exports use.
select
    r.report_id,
    r.document_id,
    r.source,
    r.url,
    r.title,
    r.published,
    r.scope,
    r.actor,
    coalesce(r.campaign, 'unknown') as campaign,
    case
        when r.actor <> 'coalition' then 'other_actor'
        when r.scope = 'aggregate' or r.date_start is null or r.date_start <> r.date_end then 'total'
        when r.scope = 'backfill' then 'backfill'
        else 'daily'
    end as counted_as,
    r.date_start,
    r.date_end,
    r.date_precision,
    r.country,
    r.admin1,
    coalesce(r.place_normalised, r.place_as_written) as place,
    r.place_normalised,
    r.place_as_written,
    r.geonames_id,
    r.lat,
    r.lon,
    r.geo_precision,
    r.strikes_low,
    r.strikes_best,
    r.strikes_high,
    r.engagements,
    r.targets,
    r.evidence_text,
    r.evidence_start,
    r.evidence_end,
    r.rule
from {{ ref('stg_strike_reports') }} as r

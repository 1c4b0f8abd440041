{{ config(indexes=[{'columns': ['report_id'], 'unique': true}]) }}
-- grain: one coalition report that is not a single-day count (counted_as total: cumulative aggregates, multi-day
-- ranges and undated reports). Never add these to daily counts.
select
    e.report_id,
    e.source,
    e.url,
    e.published,
    e.scope,
    e.campaign,
    e.date_start,
    e.date_end,
    e.date_precision,
    e.country,
    e.admin1,
    e.place,
    e.strikes_low,
    e.strikes_best,
    e.strikes_high,
    e.evidence_text
from {{ ref('strike_events') }} as e
where e.counted_as = 'total'

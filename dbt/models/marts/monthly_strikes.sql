{{ config(indexes=[
    {'columns': ['month_key'], 'unique': true},
    {'columns': ['month', 'country']},
]) }}
-- grain: one row per month x country x admin1 x source x campaign; daily_strikes rolled up for dashboards.
with by_month as (
    select
        date_trunc('month', d.day)::date as month,
        d.country,
        d.admin1,
        d.source,
        d.campaign,
        sum(d.strikes_low) as strikes_low,
        sum(d.strikes_best) as strikes_best,
        sum(d.reports) as reports,
        sum(d.backfill_low) as backfill_low,
        sum(d.backfill_best) as backfill_best,
        sum(d.backfill_reports) as backfill_reports
    from {{ ref('daily_strikes') }} as d
    group by 1, d.country, d.admin1, d.source, d.campaign
)

select
    format('%s|%s|%s|%s|%s', m.month, m.country, m.admin1, m.source, m.campaign) as month_key,
    m.*
from by_month as m

{{ config(indexes=[
    {'columns': ['day_key'], 'unique': true},
    {'columns': ['day']},
    {'columns': ['country', 'day']},
    {'columns': ['admin1', 'day']},
    {'columns': ['place', 'day']},
]) }}
-- grain: one row per day x country x admin1 x place x source x campaign; coalition single-day reports only
-- (counted_as daily or backfill). Back-filled figures sit in their own columns; totals and multi-day ranges are
-- in strike_totals and never summed in here.
with single_day as (
    select *
    from {{ ref('strike_events') }}
    where counted_as in ('daily', 'backfill')
),

by_place as (
    select
        s.date_start as day,
        s.country,
        s.admin1,
        s.place,
        s.source,
        s.campaign,
        max(s.geonames_id) as geonames_id,
        sum(s.strikes_low) filter (where s.counted_as = 'daily') as strikes_low,
        sum(s.strikes_best) filter (where s.counted_as = 'daily') as strikes_best,
        case when bool_and(s.strikes_high is not null) filter (where s.counted_as = 'daily')
             then sum(s.strikes_high) filter (where s.counted_as = 'daily') end as strikes_high,
        coalesce(bool_and(s.strikes_best is not null) filter (where s.counted_as = 'daily'), true)
            as all_counts_stated,
        count(*) filter (where s.counted_as = 'daily') as reports,
        sum(s.strikes_low) filter (where s.counted_as = 'backfill') as backfill_low,
        sum(s.strikes_best) filter (where s.counted_as = 'backfill') as backfill_best,
        case when bool_and(s.strikes_high is not null) filter (where s.counted_as = 'backfill')
             then sum(s.strikes_high) filter (where s.counted_as = 'backfill') end as backfill_high,
        count(*) filter (where s.counted_as = 'backfill') as backfill_reports
    from single_day as s
    group by s.date_start, s.country, s.admin1, s.place, s.source, s.campaign
)

select
    format('%s|%s|%s|%s|%s|%s', b.day, b.country, b.admin1, b.place, b.source, b.campaign) as day_key,
    b.*
from by_place as b

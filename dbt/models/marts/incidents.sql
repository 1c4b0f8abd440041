{{ config(indexes=[
    {'columns': ['incident_key'], 'unique': true},
    {'columns': ['day']},
    {'columns': ['admin1', 'day']},
]) }}
-- grain: one incident = coalition strikes on one day at one place (or province when no place is named) in one
-- country, linking every current document that reports them as daily events (releases, news). Back-filled
-- figures are left out: they count further strikes on that day, not the same ones again.
with located as (
    select
        format('%s|%s|%s', e.date_start, e.country, coalesce(e.place, e.admin1)) as incident_key,
        e.*
    from {{ ref('strike_events') }} as e
    where e.counted_as = 'daily'
      and coalesce(e.place, e.admin1) is not null
),

linked as (
    select
        l.incident_key,
        l.date_start as day,
        l.country,
        max(l.admin1) as admin1,
        coalesce(max(l.place), max(l.admin1)) as location,
        count(distinct l.source) as sources,
        count(distinct l.document_id) as documents,
        array_agg(distinct l.source order by l.source) as source_names,
        min(l.strikes_low) as min_low,
        max(l.strikes_low) as max_low,
        min(l.strikes_high) as min_high,
        count(distinct l.strikes_best) as distinct_best,
        min(l.strikes_best) as min_best,
        max(l.strikes_best) as max_best,
        jsonb_agg(jsonb_build_object(
            'source', l.source, 'document_id', l.document_id, 'url', l.url, 'published', l.published,
            'strikes_low', l.strikes_low, 'strikes_best', l.strikes_best,
            'strikes_high', l.strikes_high, 'engagements', l.engagements, 'evidence', l.evidence_text
        ) order by l.published, l.source, l.report_id) as figures
    from located as l
    group by l.incident_key, l.date_start, l.country
),

flagged as (
    select
        k.*,
        case
            when k.distinct_best > 1 then format('stated counts differ: %s to %s', k.min_best, k.max_best)
            when k.max_low > k.min_high then format('ranges do not overlap: at least %s vs at most %s',
                                                     k.max_low, k.min_high)
        end as disagreement
    from linked as k
)

select
    f.incident_key,
    f.day,
    f.country,
    f.admin1,
    f.location,
    f.sources,
    f.documents,
    f.source_names,
    f.min_low,
    f.max_low,
    f.min_best,
    f.max_best,
    f.min_high,
    f.disagreement is not null as conflicting,
    f.disagreement,
    f.figures
from flagged as f

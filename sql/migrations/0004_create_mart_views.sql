-- grain: one row per day x country x admin1 x place x source, coalition events only.
create view mart.daily_strikes as
select
    r.date_start as day,
    r.country,
    r.admin1,
    coalesce(r.place_normalised, r.place) as place,
    d.source,
    sum(r.strikes_low) as strikes_low,
    sum(r.strikes_best) as strikes_best,
    bool_and(r.strikes_best is not null) as all_counts_stated,
    count(*) as reports
from core.strike_reports as r
join core.current_documents as d on d.id = r.document_id
where r.scope = 'event' and r.actor = 'coalition' and r.date_start = r.date_end
group by 1, 2, 3, 4, 5;
comment on view mart.daily_strikes is 'Grain: day x country x admin1 x place x source. Coalition single-day event reports only; backfill and aggregate figures are never summed in.';

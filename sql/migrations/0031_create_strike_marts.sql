-- Strike marts: materialised views over the current document versions, refreshed by the press_marts DAG
-- (pressroom.warehouse.marts.refresh_marts). Each has a unique key column so it refreshes concurrently.

drop view mart.daily_strikes;

-- grain: one row per strike report read from the current version of a document (every scope and actor).
create materialized view mart.strike_events as
with current_reports as (
    select
        r.*,
        d.source,
        d.url,
        d.title,
        d.published
    from core.strike_reports as r
    join core.current_documents as d on d.id = r.document_id
)
select
    c.id as report_id,
    c.document_id,
    c.source,
    c.url,
    c.title,
    c.published,
    c.scope,
    c.actor,
    c.date_start,
    c.date_end,
    c.date_precision,
    c.country,
    c.admin1,
    coalesce(c.place_normalised, c.place) as place,
    c.place as place_as_written,
    c.lat,
    c.lon,
    c.geo_precision,
    c.strikes_low,
    c.strikes_best,
    c.strikes_high,
    c.engagements,
    c.targets,
    c.evidence_text,
    c.evidence_start,
    c.evidence_end,
    c.rule
from current_reports as c;
create unique index strike_events_key on mart.strike_events (report_id);
create index strike_events_date_idx on mart.strike_events (date_start);
create index strike_events_country_idx on mart.strike_events (country, date_start);
create index strike_events_admin1_idx on mart.strike_events (admin1, date_start);
create index strike_events_place_idx on mart.strike_events (place, date_start);
comment on materialized view mart.strike_events is 'Grain: one strike report from the current version of a document (all scopes and actors). The fact table behind the other strike marts and the exports.';
comment on column mart.strike_events.report_id is 'core.strike_reports.id.';
comment on column mart.strike_events.document_id is 'Document version (core.documents.id) the report was read from.';
comment on column mart.strike_events.source is 'Source name from sources.yaml.';
comment on column mart.strike_events.url is 'Canonical URL of the document.';
comment on column mart.strike_events.title is 'Document title.';
comment on column mart.strike_events.published is 'Document publication date.';
comment on column mart.strike_events.scope is 'event (stated day/range), backfill (earlier days reported late) or aggregate (cumulative total).';
comment on column mart.strike_events.actor is 'coalition or other.';
comment on column mart.strike_events.date_start is 'First day the strikes cover.';
comment on column mart.strike_events.date_end is 'Last day the strikes cover.';
comment on column mart.strike_events.date_precision is 'day, range, month, year or unknown.';
comment on column mart.strike_events.country is 'ISO 3166-1 alpha-2 (IQ, SY).';
comment on column mart.strike_events.admin1 is 'Province/governorate.';
comment on column mart.strike_events.place is 'Canonical place name (as written when the gazetteer has none).';
comment on column mart.strike_events.place_as_written is 'Place as written in the text.';
comment on column mart.strike_events.lat is 'Latitude (WGS84), null when the place is not located.';
comment on column mart.strike_events.lon is 'Longitude (WGS84).';
comment on column mart.strike_events.geo_precision is '1 exact place, 2 near/part of a region, 3 province/country.';
comment on column mart.strike_events.strikes_low is 'Lower bound of the strike count.';
comment on column mart.strike_events.strikes_best is 'Stated exact count; null when the text gives none.';
comment on column mart.strike_events.strikes_high is 'Upper bound of the strike count; null when open.';
comment on column mart.strike_events.engagements is 'Engagements, when counted separately.';
comment on column mart.strike_events.targets is 'Targets hit: [{type, count, effect}].';
comment on column mart.strike_events.evidence_text is 'Exact text span the report was read from.';
comment on column mart.strike_events.evidence_start is 'Start offset of the span in the document text.';
comment on column mart.strike_events.evidence_end is 'End offset (exclusive) of the span.';
comment on column mart.strike_events.rule is 'Normaliser rule that produced the report.';

-- grain: one row per day x country x admin1 x place x source; coalition single-day reports only.
-- Back-filled figures (earlier days reported late) sit in their own columns; aggregates and multi-day
-- ranges are in mart.strike_totals and never summed in here.
create materialized view mart.daily_strikes as
with single_day as (
    select *
    from mart.strike_events
    where actor = 'coalition'
      and scope in ('event', 'backfill')
      and date_start = date_end
),
by_place as (
    select
        s.date_start as day,
        s.country,
        s.admin1,
        s.place,
        s.source,
        sum(s.strikes_low) filter (where s.scope = 'event') as strikes_low,
        sum(s.strikes_best) filter (where s.scope = 'event') as strikes_best,
        case when bool_and(s.strikes_high is not null) filter (where s.scope = 'event')
             then sum(s.strikes_high) filter (where s.scope = 'event') end as strikes_high,
        coalesce(bool_and(s.strikes_best is not null) filter (where s.scope = 'event'), true) as all_counts_stated,
        count(*) filter (where s.scope = 'event') as reports,
        sum(s.strikes_low) filter (where s.scope = 'backfill') as backfill_low,
        sum(s.strikes_best) filter (where s.scope = 'backfill') as backfill_best,
        case when bool_and(s.strikes_high is not null) filter (where s.scope = 'backfill')
             then sum(s.strikes_high) filter (where s.scope = 'backfill') end as backfill_high,
        count(*) filter (where s.scope = 'backfill') as backfill_reports
    from single_day as s
    group by s.date_start, s.country, s.admin1, s.place, s.source
)
select
    format('%s|%s|%s|%s|%s', b.day, b.country, b.admin1, b.place, b.source) as day_key,
    b.*
from by_place as b;
create unique index daily_strikes_key on mart.daily_strikes (day_key);
create index daily_strikes_day_idx on mart.daily_strikes (day);
create index daily_strikes_country_idx on mart.daily_strikes (country, day);
create index daily_strikes_admin1_idx on mart.daily_strikes (admin1, day);
create index daily_strikes_place_idx on mart.daily_strikes (place, day);
comment on materialized view mart.daily_strikes is 'Grain: day x country x admin1 x place x source. Coalition single-day reports; back-filled figures in backfill_* columns, never added to strikes_*; aggregates and ranges are in mart.strike_totals.';
comment on column mart.daily_strikes.day_key is 'Unique key: day|country|admin1|place|source.';
comment on column mart.daily_strikes.day is 'Day the strikes happened.';
comment on column mart.daily_strikes.country is 'ISO 3166-1 alpha-2 (IQ, SY).';
comment on column mart.daily_strikes.admin1 is 'Province/governorate (null when the report names none).';
comment on column mart.daily_strikes.place is 'Canonical place (null for province- or country-level reports).';
comment on column mart.daily_strikes.source is 'Source name.';
comment on column mart.daily_strikes.strikes_low is 'Sum of lower bounds of event reports.';
comment on column mart.daily_strikes.strikes_best is 'Sum of stated exact counts of event reports (see all_counts_stated).';
comment on column mart.daily_strikes.strikes_high is 'Sum of upper bounds; null when any report is open-ended.';
comment on column mart.daily_strikes.all_counts_stated is 'True when every event report stated an exact count, so strikes_best is complete.';
comment on column mart.daily_strikes.reports is 'Event reports summed.';
comment on column mart.daily_strikes.backfill_low is 'Sum of lower bounds of back-filled reports for this day (published later; not in strikes_*).';
comment on column mart.daily_strikes.backfill_best is 'Sum of stated counts of back-filled reports.';
comment on column mart.daily_strikes.backfill_high is 'Sum of upper bounds of back-filled reports; null when any is open-ended.';
comment on column mart.daily_strikes.backfill_reports is 'Back-filled reports summed.';

-- grain: one row per coalition report that is not a single-day count: cumulative aggregates, multi-day
-- ranges and undated reports. Never add these to daily counts.
create view mart.strike_totals as
select
    e.report_id,
    e.source,
    e.url,
    e.published,
    e.scope,
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
from mart.strike_events as e
where e.actor = 'coalition'
  and (e.scope = 'aggregate' or e.date_start is distinct from e.date_end or e.date_start is null);
comment on view mart.strike_totals is 'Grain: one coalition report that is not a single-day count (aggregate totals, multi-day ranges, undated). Never summed into daily counts.';
comment on column mart.strike_totals.report_id is 'core.strike_reports.id.';
comment on column mart.strike_totals.source is 'Source name.';
comment on column mart.strike_totals.url is 'Canonical URL of the document.';
comment on column mart.strike_totals.published is 'Document publication date.';
comment on column mart.strike_totals.scope is 'aggregate, or event/backfill covering a range or no stated day.';
comment on column mart.strike_totals.date_start is 'First day covered (null when undated).';
comment on column mart.strike_totals.date_end is 'Last day covered.';
comment on column mart.strike_totals.date_precision is 'day, range, month, year or unknown.';
comment on column mart.strike_totals.country is 'ISO 3166-1 alpha-2.';
comment on column mart.strike_totals.admin1 is 'Province/governorate.';
comment on column mart.strike_totals.place is 'Canonical place.';
comment on column mart.strike_totals.strikes_low is 'Lower bound of the count.';
comment on column mart.strike_totals.strikes_best is 'Stated count.';
comment on column mart.strike_totals.strikes_high is 'Upper bound; null when open.';
comment on column mart.strike_totals.evidence_text is 'Text span the figure was read from.';

-- grain: one row per incident = coalition strikes on one day at one place (or province when no place is
-- named) in one country, linking every current document that reports them as events (releases, news).
-- Back-filled figures are left out: they count further strikes on that day, not the same ones again.
create materialized view mart.incidents as
with located as (
    select
        format('%s|%s|%s', e.date_start, e.country, coalesce(e.place, e.admin1)) as incident_key,
        e.*
    from mart.strike_events as e
    where e.actor = 'coalition'
      and e.scope = 'event'
      and e.date_start = e.date_end
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
from flagged as f;
create unique index incidents_key on mart.incidents (incident_key);
create index incidents_day_idx on mart.incidents (day);
create index incidents_admin1_idx on mart.incidents (admin1, day);
create index incidents_conflicting_idx on mart.incidents (day) where conflicting;
comment on materialized view mart.incidents is 'Grain: one incident = coalition strikes on one day at one place (or province) in one country, linking every current document that reports them as events (back-fills excluded); each document''s figures side by side in figures, disagreements flagged.';
comment on column mart.incidents.incident_key is 'Unique key: day|country|place (or province).';
comment on column mart.incidents.day is 'Day of the strikes.';
comment on column mart.incidents.country is 'ISO 3166-1 alpha-2.';
comment on column mart.incidents.admin1 is 'Province/governorate.';
comment on column mart.incidents.location is 'Canonical place, or the province when no document names a place.';
comment on column mart.incidents.sources is 'Distinct sources reporting the incident.';
comment on column mart.incidents.documents is 'Distinct documents reporting the incident.';
comment on column mart.incidents.source_names is 'The sources, sorted.';
comment on column mart.incidents.min_low is 'Smallest lower bound reported.';
comment on column mart.incidents.max_low is 'Largest lower bound reported: at least this many strikes by some document. Sum this for counts without double-counting sources.';
comment on column mart.incidents.min_best is 'Smallest stated count.';
comment on column mart.incidents.max_best is 'Largest stated count.';
comment on column mart.incidents.min_high is 'Smallest upper bound reported (null when all are open).';
comment on column mart.incidents.conflicting is 'True when the documents disagree (different stated counts or ranges that cannot overlap).';
comment on column mart.incidents.disagreement is 'What disagrees, in words; null when the figures agree.';
comment on column mart.incidents.figures is 'Each report''s figures: [{source, document_id, url, published, strikes_low, strikes_best, strikes_high, engagements, evidence}].';

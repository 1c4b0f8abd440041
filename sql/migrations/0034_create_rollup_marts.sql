-- Roll-ups that keep the analysts' example queries fast at a million documents (bench/warehouse_queries.py):
-- monthly strike sums, one row per spokesperson and organisation, daily finding counts, a date index on findings.

-- grain: one row per month x country x admin1 x source; mart.daily_strikes rolled up for dashboards.
create materialized view mart.monthly_strikes as
with by_month as (
    select
        date_trunc('month', d.day)::date as month,
        d.country,
        d.admin1,
        d.source,
        sum(d.strikes_low) as strikes_low,
        sum(d.strikes_best) as strikes_best,
        sum(d.reports) as reports,
        sum(d.backfill_low) as backfill_low,
        sum(d.backfill_best) as backfill_best,
        sum(d.backfill_reports) as backfill_reports
    from mart.daily_strikes as d
    group by 1, d.country, d.admin1, d.source
)
select
    format('%s|%s|%s|%s', m.month, m.country, m.admin1, m.source) as month_key,
    m.*
from by_month as m;
create unique index monthly_strikes_key on mart.monthly_strikes (month_key);
create index monthly_strikes_month_idx on mart.monthly_strikes (month, country);
comment on materialized view mart.monthly_strikes is 'Grain: month x country x admin1 x source. mart.daily_strikes summed by month (event and back-fill figures still apart).';
comment on column mart.monthly_strikes.month_key is 'Unique key: month|country|admin1|source.';
comment on column mart.monthly_strikes.month is 'First day of the month.';
comment on column mart.monthly_strikes.country is 'ISO 3166-1 alpha-2.';
comment on column mart.monthly_strikes.admin1 is 'Province/governorate (null when reports name none).';
comment on column mart.monthly_strikes.source is 'Source name.';
comment on column mart.monthly_strikes.strikes_low is 'Sum of lower bounds of event reports.';
comment on column mart.monthly_strikes.strikes_best is 'Sum of stated counts of event reports.';
comment on column mart.monthly_strikes.reports is 'Event reports summed.';
comment on column mart.monthly_strikes.backfill_low is 'Sum of lower bounds of back-filled reports (not in strikes_*).';
comment on column mart.monthly_strikes.backfill_best is 'Sum of stated counts of back-filled reports.';
comment on column mart.monthly_strikes.backfill_reports is 'Back-filled reports summed.';

-- grain: one row per spokesperson x organisation: when they spoke for it and how often.
create materialized view mart.spokespeople as
with spoke as (
    select
        q.spokesperson_id,
        q.canonical_key,
        q.person,
        coalesce(q.organisation, '') as organisation,
        q.rank,
        q.day,
        q.url,
        q.quote
    from mart.spokesperson_quotes as q
)
select
    format('%s|%s', s.spokesperson_id, s.organisation) as person_key,
    s.spokesperson_id,
    s.canonical_key,
    s.person,
    nullif(s.organisation, '') as organisation,
    (array_agg(s.rank order by s.day desc) filter (where s.rank is not null))[1] as latest_rank,
    min(s.day) as first_day,
    max(s.day) as last_day,
    count(distinct s.url) as documents,
    count(s.quote) as quotes
from spoke as s
group by s.spokesperson_id, s.canonical_key, s.person, s.organisation;
create unique index spokespeople_key on mart.spokespeople (person_key);
comment on materialized view mart.spokespeople is 'Grain: spokesperson x organisation. Who spoke for which organisation, first and last time, how often.';
comment on column mart.spokespeople.person_key is 'Unique key: spokesperson id|organisation.';
comment on column mart.spokespeople.spokesperson_id is 'Registry person (core.spokespeople.id).';
comment on column mart.spokespeople.canonical_key is 'Key merging name variants (e.g. caggins).';
comment on column mart.spokespeople.person is 'Fullest name in the registry.';
comment on column mart.spokespeople.organisation is 'Organisation spoken for (null when not stated).';
comment on column mart.spokespeople.latest_rank is 'Rank in the latest document naming the person for this organisation.';
comment on column mart.spokespeople.first_day is 'First publication day of a document naming the person.';
comment on column mart.spokespeople.last_day is 'Last publication day of a document naming the person.';
comment on column mart.spokespeople.documents is 'Documents naming the person for this organisation.';
comment on column mart.spokespeople.quotes is 'Quotes attributed to the person in them.';

create index quality_findings_published_idx on mart.quality_findings (published);
comment on index mart.quality_findings_published_idx is 'Findings by publication date (filters on a period without a check or source).';

-- grain: one row per publication day x source x check: findings and the documents they concern. A document
-- has one publication day, so summing `documents` over days counts each document once per check.
create materialized view mart.quality_summary as
with by_day as (
    select
        f.published,
        f.source,
        f.check_name,
        count(*) as findings,
        count(distinct f.document_id) as documents
    from mart.quality_findings as f
    group by f.published, f.source, f.check_name
)
select
    format('%s|%s|%s', b.published, b.source, b.check_name) as summary_key,
    b.*
from by_day as b;
create unique index quality_summary_key on mart.quality_summary (summary_key);
create index quality_summary_published_idx on mart.quality_summary (published, source);
comment on materialized view mart.quality_summary is 'Grain: publication day x source x check. Finding counts for dashboards and period summaries (sum findings and documents over days).';
comment on column mart.quality_summary.summary_key is 'Unique key: published|source|check_name.';
comment on column mart.quality_summary.published is 'Publication day of the documents concerned.';
comment on column mart.quality_summary.source is 'Source name.';
comment on column mart.quality_summary.check_name is 'Check id (see mart.quality_findings).';
comment on column mart.quality_summary.findings is 'Findings that day.';
comment on column mart.quality_summary.documents is 'Documents published that day with at least one such finding.';

-- Share of the query's trigrams present in a stored trigram array, 0-1: mart.trigram_word_similarity() on
-- precomputed arrays (mart.names.trigrams), so ranking candidates costs no trigram extraction per row.
create function mart.trigram_overlap(query_trigrams text[], name_trigrams text[]) returns real
language sql immutable parallel safe as $$
    select coalesce(
        (select count(*) from unnest(query_trigrams) as t where t = any(name_trigrams))::real
        / nullif(cardinality(query_trigrams), 0),
        0
    )
$$;
comment on function mart.trigram_overlap(text[], text[]) is 'Share of query_trigrams found in name_trigrams, 0-1: rank mart.names by mart.trigram_overlap(mart.trigrams(''query''), trigrams).';

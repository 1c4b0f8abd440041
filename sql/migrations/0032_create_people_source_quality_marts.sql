-- Marts for spokespeople, source coverage/freshness and data-quality findings (materialised views, each
-- with a unique key column so pressroom.warehouse.marts.refresh_marts refreshes them concurrently).

-- grain: one row per quote by a spokesperson in a current document version; a mention without a quote
-- gives one row with a null quote.
create materialized view mart.spokesperson_quotes as
with mentions as (
    select
        m.id as mention_id,
        m.spokesperson_id,
        p.canonical_key,
        p.name as person,
        m.name as name_as_written,
        m.rank,
        m.role,
        m.organisation,
        coalesce(d.published, d.fetched_at::date) as day,
        d.source,
        d.url,
        d.title,
        m.quotes
    from core.spokesperson_mentions as m
    join core.spokespeople as p on p.id = m.spokesperson_id
    join core.current_documents as d on d.id = m.document_id
),
quotes as (
    select
        format('%s|%s', mt.mention_id, coalesce(q.n, 0)) as quote_key,
        mt.*,
        q.quote->>'text' as quote
    from mentions as mt
    left join lateral jsonb_array_elements(mt.quotes) with ordinality as q (quote, n) on true
)
select
    q.quote_key,
    q.mention_id,
    q.spokesperson_id,
    q.canonical_key,
    q.person,
    q.name_as_written,
    q.rank,
    q.role,
    q.organisation,
    q.day,
    q.source,
    q.url,
    q.title,
    q.quote
from quotes as q;
create unique index spokesperson_quotes_key on mart.spokesperson_quotes (quote_key);
create index spokesperson_quotes_person_idx on mart.spokesperson_quotes (canonical_key, day);
create index spokesperson_quotes_day_idx on mart.spokesperson_quotes (day);
comment on materialized view mart.spokesperson_quotes is 'Grain: one quote by a spokesperson in a current document (a mention without quotes gives one row with a null quote): who spoke when, for which organisation.';
comment on column mart.spokesperson_quotes.quote_key is 'Unique key: mention id|quote number (0 when no quote).';
comment on column mart.spokesperson_quotes.mention_id is 'core.spokesperson_mentions.id.';
comment on column mart.spokesperson_quotes.spokesperson_id is 'Registry person (core.spokespeople.id).';
comment on column mart.spokesperson_quotes.canonical_key is 'Key merging name variants (e.g. caggins): filter on it.';
comment on column mart.spokesperson_quotes.person is 'Fullest name of the person in the registry.';
comment on column mart.spokesperson_quotes.name_as_written is 'Name as written in this document.';
comment on column mart.spokesperson_quotes.rank is 'Rank in this document (Col., Maj. Gen., ...).';
comment on column mart.spokesperson_quotes.role is 'Role as stated (Coalition Spokesperson, ...).';
comment on column mart.spokesperson_quotes.organisation is 'Organisation the person spoke for (CJTF-OIR, CENTCOM, ...).';
comment on column mart.spokesperson_quotes.day is 'Publication date of the document (fetch date when unknown).';
comment on column mart.spokesperson_quotes.source is 'Source name.';
comment on column mart.spokesperson_quotes.url is 'Canonical URL of the document.';
comment on column mart.spokesperson_quotes.title is 'Document title.';
comment on column mart.spokesperson_quotes.quote is 'Quoted words; null for a mention without a quote.';

-- grain: one row per source: last successful fetch, error rate, documents and their dates.
create materialized view mart.source_freshness as
with fetches as (
    select
        f.source,
        max(f.fetched_at) as last_attempt_at,
        max(f.fetched_at) filter (where f.error_class is null) as last_success_at,
        count(*) as attempts,
        count(*) filter (where f.error_class is not null) as errors,
        (array_agg(f.error_class order by f.fetched_at desc) filter (where f.error_class is not null))[1]
            as last_error_class
    from raw.fetch_log as f
    group by f.source
),
documents as (
    select
        d.source,
        count(*) as documents,
        max(d.published) as latest_published,
        max(d.fetched_at) as latest_document_at
    from core.current_documents as d
    group by d.source
),
failures as (
    select x.source, count(*) as extraction_failures
    from core.extraction_failures as x
    group by x.source
),
sources as (
    select source from fetches
    union
    select source from documents
)
select
    s.source,
    f.last_attempt_at,
    f.last_success_at,
    coalesce(f.attempts, 0) as attempts,
    coalesce(f.errors, 0) as errors,
    round(coalesce(f.errors, 0)::numeric / nullif(f.attempts, 0), 4) as error_rate,
    f.last_error_class,
    coalesce(d.documents, 0) as documents,
    d.latest_published,
    d.latest_document_at,
    coalesce(x.extraction_failures, 0) as extraction_failures
from sources as s
left join fetches as f on f.source = s.source
left join documents as d on d.source = s.source
left join failures as x on x.source = s.source;
create unique index source_freshness_key on mart.source_freshness (source);
comment on materialized view mart.source_freshness is 'Grain: one source. Last successful fetch, fetch error rate, current documents and extraction failures.';
comment on column mart.source_freshness.source is 'Source name from sources.yaml.';
comment on column mart.source_freshness.last_attempt_at is 'Latest fetch attempt.';
comment on column mart.source_freshness.last_success_at is 'Latest fetch attempt without error.';
comment on column mart.source_freshness.attempts is 'Fetch attempts logged.';
comment on column mart.source_freshness.errors is 'Attempts that ended in an error.';
comment on column mart.source_freshness.error_rate is 'errors / attempts (0-1).';
comment on column mart.source_freshness.last_error_class is 'Error code of the latest failed attempt.';
comment on column mart.source_freshness.documents is 'Current document versions from the source.';
comment on column mart.source_freshness.latest_published is 'Newest publication date among them.';
comment on column mart.source_freshness.latest_document_at is 'When the newest document body was fetched.';
comment on column mart.source_freshness.extraction_failures is 'Snapshots that gave no usable text.';

-- grain: one row per day x source: documents published that day, fetch attempts and errors made that day.
create materialized view mart.source_daily as
with published as (
    select d.published as day, d.source, count(*) as documents
    from core.current_documents as d
    where d.published is not null
    group by d.published, d.source
),
fetched as (
    select
        f.fetched_at::date as day,
        f.source,
        count(*) as attempts,
        count(*) filter (where f.error_class is not null) as errors
    from raw.fetch_log as f
    group by f.fetched_at::date, f.source
)
select
    format('%s|%s', coalesce(p.day, f.day), coalesce(p.source, f.source)) as day_key,
    coalesce(p.day, f.day) as day,
    coalesce(p.source, f.source) as source,
    coalesce(p.documents, 0) as documents,
    coalesce(f.attempts, 0) as fetch_attempts,
    coalesce(f.errors, 0) as fetch_errors
from published as p
full join fetched as f on f.day = p.day and f.source = p.source;
create unique index source_daily_key on mart.source_daily (day_key);
create index source_daily_day_idx on mart.source_daily (day, source);
comment on materialized view mart.source_daily is 'Grain: day x source. Documents published that day and fetch attempts/errors made that day.';
comment on column mart.source_daily.day_key is 'Unique key: day|source.';
comment on column mart.source_daily.day is 'Calendar day (publication day for documents, fetch day for attempts).';
comment on column mart.source_daily.source is 'Source name.';
comment on column mart.source_daily.documents is 'Current documents published that day.';
comment on column mart.source_daily.fetch_attempts is 'Fetch attempts made that day.';
comment on column mart.source_daily.fetch_errors is 'Fetch attempts that day that ended in an error.';

-- grain: one row per data-quality finding on a current document version: the normaliser's own checks
-- (headline_sum, engagements_below_strikes) and warehouse checks (unknown_place, date_outside_document).
create materialized view mart.quality_findings as
with normaliser as (
    select
        format('finding|%s', f.id) as finding_key,
        f.check_name,
        'normaliser' as origin,
        f.severity,
        f.detail,
        f.document_id,
        null::bigint as report_id,
        null::date as day,
        null::text as country,
        null::text as admin1,
        null::text as place,
        f.evidence_text
    from core.findings as f
    join core.current_documents as d on d.id = f.document_id
),
unknown_places as (
    select
        format('unknown_place|%s', e.report_id) as finding_key,
        'unknown_place' as check_name,
        'warehouse' as origin,
        'warning' as severity,
        format('place %L has no coordinates in the gazetteer', e.place_as_written) as detail,
        e.document_id,
        e.report_id,
        e.date_start as day,
        e.country,
        e.admin1,
        e.place,
        e.evidence_text
    from mart.strike_events as e
    where e.place_as_written is not null
      and e.lat is null
),
dates_outside as (
    select
        format('date_outside_document|%s', e.report_id) as finding_key,
        'date_outside_document' as check_name,
        'warehouse' as origin,
        'warning' as severity,
        format('strikes dated %s to %s in a document published %s', e.date_start, e.date_end, e.published)
            as detail,
        e.document_id,
        e.report_id,
        e.date_start as day,
        e.country,
        e.admin1,
        e.place,
        e.evidence_text
    from mart.strike_events as e
    where e.scope in ('event', 'backfill')
      and e.published is not null
      and (e.date_end > e.published or e.date_start < e.published - 31)
),
findings as (
    select * from normaliser
    union all
    select * from unknown_places
    union all
    select * from dates_outside
)
select
    f.finding_key,
    f.check_name,
    f.origin,
    f.severity,
    f.detail,
    f.document_id,
    f.report_id,
    d.source,
    d.url,
    d.published,
    f.day,
    f.country,
    f.admin1,
    f.place,
    f.evidence_text
from findings as f
join core.documents as d on d.id = f.document_id;
create unique index quality_findings_key on mart.quality_findings (finding_key);
create index quality_findings_check_idx on mart.quality_findings (check_name, published);
create index quality_findings_source_idx on mart.quality_findings (source, published);
comment on materialized view mart.quality_findings is 'Grain: one data-quality finding on a current document: headline_sum and engagements_below_strikes (normaliser), unknown_place and date_outside_document (warehouse). Filter by check_name, source, dates.';
comment on column mart.quality_findings.finding_key is 'Unique key: check|row id.';
comment on column mart.quality_findings.check_name is 'headline_sum, engagements_below_strikes, unknown_place or date_outside_document.';
comment on column mart.quality_findings.origin is 'normaliser (found while reading the text) or warehouse (found across loaded rows).';
comment on column mart.quality_findings.severity is 'warning or error.';
comment on column mart.quality_findings.detail is 'What is wrong, in words.';
comment on column mart.quality_findings.document_id is 'Document version concerned.';
comment on column mart.quality_findings.report_id is 'Strike report concerned (warehouse checks).';
comment on column mart.quality_findings.source is 'Source name.';
comment on column mart.quality_findings.url is 'Canonical URL of the document.';
comment on column mart.quality_findings.published is 'Document publication date.';
comment on column mart.quality_findings.day is 'Strike day of the report concerned, if any.';
comment on column mart.quality_findings.country is 'Country of the report concerned.';
comment on column mart.quality_findings.admin1 is 'Province of the report concerned.';
comment on column mart.quality_findings.place is 'Place of the report concerned.';
comment on column mart.quality_findings.evidence_text is 'Text span concerned.';

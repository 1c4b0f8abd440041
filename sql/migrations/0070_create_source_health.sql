-- Source health as data: the configured sources (synchronised from sources.yaml), every discovery request
-- (feed, sitemap, listing, archive page, robots.txt) with its outcome, and mart.source_freshness rebuilt as a
-- plain view over them (always current: a failed run loads no facts, so nothing would refresh a materialised
-- view when a source goes dark).

create table core.sources (
    name text primary key,
    kind text not null,
    schedule text not null,
    enabled boolean not null,
    official boolean not null default false,
    description text not null default '',
    start_urls text[] not null default '{}',
    synced_at timestamptz not null default now()
);
comment on table core.sources is 'Every source configured in sources.yaml, enabled or not; rewritten from the file by `pressroom db migrate`, `pressroom sources` and each discover task.';
comment on column core.sources.name is 'Source name (sources.yaml `name`; the DAG is press_ingest_<name>).';
comment on column core.sources.kind is 'rss, atom, sitemap, listing, archive, local, urls or warc.';
comment on column core.sources.schedule is 'Cron schedule of the source''s ingest DAG (UTC).';
comment on column core.sources.enabled is 'sources.yaml `enabled` (after PRESSROOM_ENABLE_SOURCES): the DAG is unpaused exactly when true.';
comment on column core.sources.official is 'True for government statements (public domain), false for news.';
comment on column core.sources.description is 'What the source is.';
comment on column core.sources.start_urls is 'Feed, sitemap or listing URLs (or the archive URL template).';
comment on column core.sources.synced_at is 'When this row was last written from sources.yaml.';

create table raw.discovery_log (
    id bigserial primary key,
    run_id text not null,
    task_try integer not null default 1,
    source text not null,
    purpose text not null check (purpose in ('feed', 'sitemap', 'listing', 'archive', 'robots')),
    url text not null,
    status integer,
    error_class text,
    error text,
    attempts integer not null default 1,
    elapsed_ms integer not null default 0,
    requested_at timestamptz not null
);
create index discovery_log_source_idx on raw.discovery_log (source, requested_at desc);
comment on table raw.discovery_log is 'Every request made to find documents (feeds, sitemaps, listing and archive pages, robots.txt), one row per request with its final outcome; document fetches are in raw.fetch_log.';
comment on column raw.discovery_log.id is 'Row id (insertion order).';
comment on column raw.discovery_log.run_id is 'Airflow run id (or CLI run id) that made the request.';
comment on column raw.discovery_log.task_try is 'Airflow task try number.';
comment on column raw.discovery_log.source is 'Source name from sources.yaml.';
comment on column raw.discovery_log.purpose is 'feed, sitemap, listing, archive (page of a back-fill listing) or robots.';
comment on column raw.discovery_log.url is 'URL requested.';
comment on column raw.discovery_log.status is 'HTTP status of the last try, null when no response arrived.';
comment on column raw.discovery_log.error_class is 'Short stable error code (connection_error, timeout, http_5xx, http_404, ...); null when the request succeeded (a 4xx robots.txt counts as success: no rules).';
comment on column raw.discovery_log.error is 'Human-readable error detail.';
comment on column raw.discovery_log.attempts is 'Tries made (the fetcher retries transient errors with back-off).';
comment on column raw.discovery_log.elapsed_ms is 'Wall time of all tries in milliseconds.';
comment on column raw.discovery_log.requested_at is 'When the request was made.';

create view raw.source_requests as
select f.source, f.run_id, 'document'::text as purpose, f.url, f.status, f.error_class, f.error,
    f.fetched_at as requested_at
from raw.fetch_log as f
union all
select d.source, d.run_id, d.purpose, d.url, d.status, d.error_class, d.error, d.requested_at
from raw.discovery_log as d;
comment on view raw.source_requests is 'Every request to a source, discovery (raw.discovery_log) and document fetch attempts (raw.fetch_log), with its outcome.';
comment on column raw.source_requests.source is 'Source name.';
comment on column raw.source_requests.run_id is 'Airflow (or CLI) run id that made the request.';
comment on column raw.source_requests.purpose is 'document (a fetch attempt), feed, sitemap, listing, archive or robots.';
comment on column raw.source_requests.url is 'URL requested.';
comment on column raw.source_requests.status is 'HTTP status, null when no response arrived.';
comment on column raw.source_requests.error_class is 'Short stable error code; null on success.';
comment on column raw.source_requests.error is 'Human-readable error detail.';
comment on column raw.source_requests.requested_at is 'When the request (attempt) was made.';

-- `if exists`, both kinds: another migration or a dbt model may have replaced the 0032 materialised view.
drop materialized view if exists mart.source_freshness;
drop view if exists mart.source_freshness;

-- grain: one row per source, configured (core.sources) or seen in the logs.
create view mart.source_freshness as
with requests as (
    select
        r.source,
        max(r.requested_at) as last_attempt_at,
        max(r.requested_at) filter (where r.error_class is null) as last_success_at
    from raw.source_requests as r
    group by r.source
),
last_errors as (
    select distinct on (r.source) r.source, r.requested_at, r.error_class, r.error
    from raw.source_requests as r
    where r.error_class is not null
    order by r.source, r.requested_at desc
),
runs as (
    select
        r.source,
        r.run_id,
        max(r.requested_at) as run_at,
        bool_or(r.error_class is null) as reached,
        count(*) filter (where r.error_class is not null) as errors
    from raw.source_requests as r
    group by r.source, r.run_id
),
ranked_runs as (
    select u.*, row_number() over (partition by u.source order by u.run_at desc) as recency
    from runs as u
),
streaks as (
    select
        u.source,
        coalesce(min(u.recency) filter (where u.reached) - 1, count(*)) as consecutive_failed_runs,
        max(u.errors) filter (where u.recency = 1) as last_run_errors
    from ranked_runs as u
    group by u.source
),
fetches as (
    select
        f.source,
        count(*) as attempts,
        count(*) filter (where f.error_class is not null) as errors
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
recent as (
    select
        d.source,
        count(*) filter (where d.fetched_at >= now() - interval '24 hours') as documents_24h,
        count(*) as documents_7d
    from core.documents as d
    where d.fetched_at >= now() - interval '7 days'
    group by d.source
),
failures as (
    select x.source, count(*) as extraction_failures
    from core.extraction_failures as x
    group by x.source
),
names as (
    select name as source from core.sources
    union
    select source from requests
    union
    select source from documents
)
select
    n.source,
    c.name is not null as configured,
    c.kind,
    c.schedule,
    coalesce(c.enabled, false) as enabled,
    q.last_attempt_at,
    q.last_success_at,
    coalesce(s.consecutive_failed_runs, 0) as consecutive_failed_runs,
    coalesce(s.last_run_errors, 0) as last_run_errors,
    e.requested_at as last_error_at,
    e.error_class as last_error_class,
    e.error as last_error,
    case
        when q.last_attempt_at is null then 'never_run'
        when s.consecutive_failed_runs > 0 then 'failing'
        when s.last_run_errors > 0 then 'degraded'
        else 'ok'
    end as health,
    coalesce(f.attempts, 0) as attempts,
    coalesce(f.errors, 0) as errors,
    round(coalesce(f.errors, 0)::numeric / nullif(f.attempts, 0), 4) as error_rate,
    coalesce(d.documents, 0) as documents,
    coalesce(w.documents_24h, 0) as documents_24h,
    coalesce(w.documents_7d, 0) as documents_7d,
    d.latest_published,
    d.latest_document_at,
    coalesce(x.extraction_failures, 0) as extraction_failures
from names as n
left join core.sources as c on c.name = n.source
left join requests as q on q.source = n.source
left join streaks as s on s.source = n.source
left join last_errors as e on e.source = n.source
left join fetches as f on f.source = n.source
left join documents as d on d.source = n.source
left join recent as w on w.source = n.source
left join failures as x on x.source = n.source;
comment on view mart.source_freshness is 'Grain: one source, every configured one (enabled or not) and any other seen in the logs. Is it reachable, when did it last answer, what failed, what arrived lately. A plain view: always current.';
comment on column mart.source_freshness.source is 'Source name from sources.yaml.';
comment on column mart.source_freshness.configured is 'True when the source is in sources.yaml now (false: only history remains).';
comment on column mart.source_freshness.kind is 'Source kind (rss, listing, archive, local, ...); null when not configured.';
comment on column mart.source_freshness.schedule is 'Cron schedule of its ingest DAG (UTC).';
comment on column mart.source_freshness.enabled is 'Enabled in sources.yaml (its DAG is unpaused).';
comment on column mart.source_freshness.last_attempt_at is 'Latest request to the source (discovery or document fetch).';
comment on column mart.source_freshness.last_success_at is 'Latest request that succeeded.';
comment on column mart.source_freshness.consecutive_failed_runs is 'Latest runs in a row in which no request to the source succeeded (0: the latest run reached it).';
comment on column mart.source_freshness.last_run_errors is 'Failed requests in the latest run.';
comment on column mart.source_freshness.last_error_at is 'When the latest failed request was made.';
comment on column mart.source_freshness.last_error_class is 'Error code of the latest failed request (connection_error, http_5xx, http_404, ...).';
comment on column mart.source_freshness.last_error is 'Error message of the latest failed request.';
comment on column mart.source_freshness.health is 'never_run, failing (the latest run reached nothing), degraded (the latest run had failed requests) or ok.';
comment on column mart.source_freshness.attempts is 'Document fetch attempts logged (raw.fetch_log).';
comment on column mart.source_freshness.errors is 'Document fetch attempts that ended in an error.';
comment on column mart.source_freshness.error_rate is 'errors / attempts (0-1).';
comment on column mart.source_freshness.documents is 'Current document versions from the source.';
comment on column mart.source_freshness.documents_24h is 'Document versions fetched in the last 24 hours.';
comment on column mart.source_freshness.documents_7d is 'Document versions fetched in the last 7 days.';
comment on column mart.source_freshness.latest_published is 'Newest publication date among the current documents.';
comment on column mart.source_freshness.latest_document_at is 'When the newest current document body was fetched.';
comment on column mart.source_freshness.extraction_failures is 'Snapshots that gave no usable text.';

grant select on mart.source_freshness to pressroom_analyst, pressroom_dashboard;

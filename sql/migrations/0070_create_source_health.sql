-- Source health as data: the configured sources (synchronised from sources.yaml) and every discovery request
-- (feed, sitemap, listing, archive page, robots.txt) with its outcome. mart.source_freshness reads them as a
-- dbt view (dbt/models/marts/source_freshness.sql), always current.

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

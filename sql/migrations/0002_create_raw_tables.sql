create table raw.snapshots (
    sha256 text primary key,
    url text not null,
    final_url text,
    source text not null,
    fetched_at timestamptz not null,
    status integer,
    content_type text,
    encoding text,
    headers jsonb not null default '{}',
    size_bytes integer not null,
    body_gz bytea not null
);
comment on table raw.snapshots is 'Immutable page bodies, one row per distinct body (sha256 of the bytes); gzip-compressed.';
comment on column raw.snapshots.sha256 is 'SHA-256 of the uncompressed body: the snapshot''s identity.';
comment on column raw.snapshots.url is 'Canonical URL under which this body was first fetched.';
comment on column raw.snapshots.final_url is 'URL after redirects.';
comment on column raw.snapshots.source is 'Source name from sources.yaml.';
comment on column raw.snapshots.fetched_at is 'When this body was first fetched.';
comment on column raw.snapshots.status is 'HTTP status (200 for local snapshot archives).';
comment on column raw.snapshots.content_type is 'Content-Type media type as served.';
comment on column raw.snapshots.encoding is 'Detected character encoding used to decode the body.';
comment on column raw.snapshots.headers is 'Selected response headers (etag, last-modified, content-type, ...).';
comment on column raw.snapshots.size_bytes is 'Uncompressed body size in bytes.';
comment on column raw.snapshots.body_gz is 'gzip-compressed body bytes.';

create function raw.forbid_change() returns trigger language plpgsql as $$
begin
    raise exception 'raw.% is immutable (% refused)', tg_table_name, tg_op;
end;
$$;

create trigger snapshots_immutable before update or delete on raw.snapshots
    for each row execute function raw.forbid_change();

create table raw.fetch_log (
    id bigserial primary key,
    run_id text not null,
    task_try integer not null default 1,
    source text not null,
    url text not null,
    attempt integer not null,
    status integer,
    error_class text,
    error text,
    bytes integer not null default 0,
    elapsed_ms integer not null default 0,
    final_url text,
    redirects text[] not null default '{}',
    etag text,
    last_modified text,
    not_modified boolean not null default false,
    snapshot_sha256 text references raw.snapshots (sha256),
    fetched_at timestamptz not null,
    unique (run_id, url, attempt)
);
create index fetch_log_url_idx on raw.fetch_log (url, fetched_at desc);
create index fetch_log_source_idx on raw.fetch_log (source, fetched_at desc);
comment on table raw.fetch_log is 'Every fetch attempt: one row per (DAG run, URL, attempt); a retried task overwrites its run''s row with the latest outcome.';
comment on column raw.fetch_log.run_id is 'Airflow run id (or CLI run id) that made the attempt.';
comment on column raw.fetch_log.task_try is 'Airflow task try number that wrote the row.';
comment on column raw.fetch_log.source is 'Source name from sources.yaml.';
comment on column raw.fetch_log.url is 'Canonical URL requested.';
comment on column raw.fetch_log.attempt is 'Attempt number within this fetch (retries with back-off).';
comment on column raw.fetch_log.status is 'HTTP status, null when no response arrived.';
comment on column raw.fetch_log.error_class is 'Short stable error code (http_404, timeout, too_large, ...); null on success.';
comment on column raw.fetch_log.error is 'Human-readable error detail.';
comment on column raw.fetch_log.bytes is 'Body bytes received.';
comment on column raw.fetch_log.elapsed_ms is 'Wall time of the attempt in milliseconds.';
comment on column raw.fetch_log.final_url is 'URL after redirects.';
comment on column raw.fetch_log.redirects is 'Redirect chain followed.';
comment on column raw.fetch_log.etag is 'ETag validator received (for conditional GET).';
comment on column raw.fetch_log.last_modified is 'Last-Modified validator received.';
comment on column raw.fetch_log.not_modified is 'True for a 304 answer to a conditional GET.';
comment on column raw.fetch_log.snapshot_sha256 is 'Snapshot stored from this attempt''s body, if any.';
comment on column raw.fetch_log.fetched_at is 'When the attempt was made.';

create table raw.host_schedule (
    host text primary key,
    next_start timestamptz not null
);
comment on table raw.host_schedule is 'Per-host politeness shared by every worker: the earliest time the next request to a host may start (PostgresHostLimiter).';
comment on column raw.host_schedule.host is 'Host key (host or host:port) as used by the fetcher''s limiter.';
comment on column raw.host_schedule.next_start is 'Database-clock time before which no new request to this host starts.';

-- Bodies first (the fetch log references them); a body stored meanwhile by another worker is kept as is.
insert into raw.snapshots
select * from staging_snapshots order by sha256
on conflict (sha256) do nothing;

-- A retried task overwrites its run's rows with the latest outcome; within one batch the newest row wins.
insert into raw.fetch_log (run_id, task_try, source, url, attempt, status, error_class, error, bytes, elapsed_ms,
    final_url, redirects, etag, last_modified, not_modified, snapshot_sha256, fetched_at)
select distinct on (run_id, url, attempt) *
from staging_fetch_log
order by run_id, url, attempt, fetched_at desc
on conflict (run_id, url, attempt) do update set
    (task_try, status, error_class, error, bytes, elapsed_ms, final_url, redirects, etag, last_modified,
     not_modified, snapshot_sha256, fetched_at)
    = (excluded.task_try, excluded.status, excluded.error_class, excluded.error, excluded.bytes,
       excluded.elapsed_ms, excluded.final_url, excluded.redirects, excluded.etag, excluded.last_modified,
       excluded.not_modified, excluded.snapshot_sha256, excluded.fetched_at);

-- Versions follow the site: a body served again becomes the URL's current document version.
update core.documents as d
set last_fetched_at = f.fetched_at
from (
    select url, snapshot_sha256, max(fetched_at) as fetched_at
    from staging_fetch_log
    where snapshot_sha256 is not null
    group by url, snapshot_sha256
) as f
where d.url = f.url and d.snapshot_sha256 = f.snapshot_sha256 and d.last_fetched_at < f.fetched_at;

create temporary table staging_snapshots on commit drop as
    select * from raw.snapshots with no data;
create temporary table staging_fetch_log on commit drop as
    select run_id, task_try, source, url, attempt, status, error_class, error, bytes, elapsed_ms, final_url,
        redirects, etag, last_modified, not_modified, snapshot_sha256, fetched_at
    from raw.fetch_log with no data;

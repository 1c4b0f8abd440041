insert into core.extraction_failures (snapshot_sha256, url, source, reason, extractor_version)
values %s
on conflict (snapshot_sha256, url) do update
    set reason = excluded.reason, extractor_version = excluded.extractor_version, recorded_at = now()

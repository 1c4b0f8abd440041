insert into core.document_failures (document_id, stage, normaliser_version, reason)
values %s
on conflict (document_id, stage) do update
    set normaliser_version = excluded.normaliser_version, reason = excluded.reason, recorded_at = now()

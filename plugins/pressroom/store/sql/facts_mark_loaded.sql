-- Mark the batch's prepared analyses that are not loaded yet as loaded: the row locks taken here make two
-- loads of the same documents take turns, and the mark commits with the facts.
update core.analyses set facts_loaded_at = now()
where document_id = any(%(docs)s) and facts_prepared and facts_loaded_at is null
returning document_id, normaliser_version, refused_reason

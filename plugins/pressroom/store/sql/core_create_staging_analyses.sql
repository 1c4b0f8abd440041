create temporary table staging_analyses on commit drop as
    select document_id, normaliser_version, result, refused_reason from core.analyses with no data;

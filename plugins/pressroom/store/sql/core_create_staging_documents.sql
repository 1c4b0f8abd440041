create temporary table staging_documents on commit drop as
    select 0 as seq, source, url, snapshot_sha256, title, published, text, text_sha256, sitename, language,
        extractor, extractor_version, fetched_at, last_fetched_at
    from core.documents with no data;

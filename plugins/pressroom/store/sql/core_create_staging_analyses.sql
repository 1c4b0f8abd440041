create temporary table staging_analyses on commit drop as
    select document_id, normaliser_version, result, strike_report_rows, spokesperson_rows, finding_rows,
        refused_reason
    from core.analyses with no data;

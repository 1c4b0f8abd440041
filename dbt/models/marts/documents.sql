{{ config(materialized='view') }}
-- grain: one current document version, for full-text search (a view, so the GIN index on
-- core.documents.search_vector serves `search_vector @@ websearch_to_tsquery(...)`).
select
    d.document_id,
    d.source,
    d.url,
    d.version,
    d.title,
    d.published,
    d.text,
    d.search_vector
from {{ ref('stg_current_documents') }} as d

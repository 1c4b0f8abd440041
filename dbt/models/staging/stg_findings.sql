-- grain: one finding of the normaliser (its checks, and normaliser_error when it crashed) on a current document.
select
    f.id as finding_id,
    f.check_name,
    f.severity,
    f.detail,
    f.document_id,
    f.evidence_text
from {{ source('core', 'findings') }} as f
join {{ ref('stg_current_documents') }} as d on d.document_id = f.document_id

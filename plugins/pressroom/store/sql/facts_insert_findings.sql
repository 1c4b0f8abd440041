insert into core.findings (document_id, check_name, severity, detail, evidence_text, evidence_start, evidence_end,
    normaliser_version)
select document_id, check_name, severity, detail, evidence_text, evidence_start, evidence_end, normaliser_version
from core.prepared_findings
where document_id = any(%(docs)s)

delete from core.strike_reports where document_id = any(%(docs)s);
delete from core.spokesperson_mentions where document_id = any(%(docs)s);
delete from core.findings where document_id = any(%(docs)s);
delete from core.document_failures where document_id = any(%(docs)s) and stage = 'load';

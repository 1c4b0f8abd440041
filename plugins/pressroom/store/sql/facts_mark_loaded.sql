update core.analyses set facts_loaded_at = now() where document_id = any(%(docs)s)

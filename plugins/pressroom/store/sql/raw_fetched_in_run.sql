-- URLs a run already fetched without error (an earlier try of its task), with the body stored (null: 304).
select url, snapshot_sha256
from raw.fetch_log
where run_id = %(run_id)s and source = %(source)s and error_class is null

-- grain: one fetch attempt; failed when error_class is set.
select
    f.source,
    f.url,
    f.fetched_at,
    f.error_class,
    f.error_class is not null as failed
from {{ source('raw', 'fetch_log') }} as f

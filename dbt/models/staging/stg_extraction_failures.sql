-- grain: one snapshot x URL that gave no usable text.
select
    x.source,
    x.url,
    x.reason,
    x.recorded_at
from {{ source('core', 'extraction_failures') }} as x

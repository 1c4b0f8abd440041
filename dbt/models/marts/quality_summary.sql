{{ config(indexes=[
    {'columns': ['summary_key'], 'unique': true},
    {'columns': ['published', 'source']},
]) }}
-- grain: one row per publication day x source x check: findings and the documents they concern. A document has
-- one publication day, so summing `documents` over days counts each document once per check.
with by_day as (
    select
        f.published,
        f.source,
        f.check_name,
        count(*) as findings,
        count(distinct f.document_id) as documents
    from {{ ref('quality_findings') }} as f
    group by f.published, f.source, f.check_name
)

select
    format('%s|%s|%s', b.published, b.source, b.check_name) as summary_key,
    b.*
from by_day as b

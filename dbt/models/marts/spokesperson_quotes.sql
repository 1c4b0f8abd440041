{{ config(indexes=[
    {'columns': ['quote_key'], 'unique': true},
    {'columns': ['canonical_key', 'day']},
    {'columns': ['day']},
]) }}
-- grain: one quote by a spokesperson in a current document version; a mention without a quote gives one row
-- with a null quote.
with quotes as (
    select
        format('%s|%s', m.mention_id, coalesce(q.n, 0)) as quote_key,
        m.*,
        q.quote->>'text' as quote
    from {{ ref('stg_spokesperson_mentions') }} as m
    left join lateral jsonb_array_elements(m.quotes) with ordinality as q (quote, n) on true
)

select
    q.quote_key,
    q.mention_id,
    q.spokesperson_id,
    q.canonical_key,
    q.person,
    q.name_as_written,
    q.rank,
    q.role,
    q.organisation,
    q.day,
    q.source,
    q.url,
    q.title,
    q.quote
from quotes as q

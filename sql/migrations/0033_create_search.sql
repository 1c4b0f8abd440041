-- Search for analysts: full-text over current documents (core.documents.search_vector, GIN) and trigram
-- search on place and person names. The wheel's Postgres has no pg_trgm, so trigrams are computed by
-- mart.trigrams() (pg_trgm's rules: lower-case words padded with two spaces before and one after) and
-- indexed with GIN on a text[]; `trigrams && mart.trigrams('query')` finds candidates, similarity ranks.

-- step 1: diacritics and apostrophes folded away, so 'Ālbū Kamāl', 'Albu Kamal' and 'Tall ‘Afar' meet.
create function mart.fold_name(value text) returns text
language sql immutable parallel safe as $$
    select lower(translate(
        value,
        'ĀāĪīŪūḨḩŢţŞşṢṣḌḍẒẓĠġÉéÈèÀàÇçÖöÜüÂâÎîÔôÛûÁáÍíÓóÚú‘’''`ʿʾ',
        'AaIiUuHhTtSsSsDdZzGgEeEeAaCcOoUuAaIiOoUuAaIiOoUu'
    ))
$$;
comment on function mart.fold_name(text) is 'Lower-cases a name and folds transliteration diacritics and apostrophes (Ālbū → albu).';

-- step 2: the set of trigrams of a name.
create function mart.trigrams(value text) returns text[]
language sql immutable parallel safe as $$
    with words as (
        select '  ' || word || ' ' as padded
        from regexp_split_to_table(mart.fold_name(coalesce(value, '')), '[^[:alnum:]]+') as word
        where word <> ''
    )
    select coalesce(array_agg(distinct substr(w.padded, i, 3)), '{}')
    from words as w, generate_series(1, length(w.padded) - 2) as i
$$;
comment on function mart.trigrams(text) is 'Distinct trigrams of a name (pg_trgm rules, after mart.fold_name).';

-- step 3: shared trigrams / all trigrams, 0-1 (pg_trgm''s similarity()).
create function mart.trigram_similarity(a text, b text) returns real
language sql immutable parallel safe as $$
    with x as (select unnest(mart.trigrams(a)) as t),
    y as (select unnest(mart.trigrams(b)) as t)
    select coalesce(
        (select count(*) from (select t from x intersect select t from y) as shared)::real
        / nullif((select count(*) from (select t from x union select t from y) as every), 0),
        0
    )
$$;
comment on function mart.trigram_similarity(text, text) is 'Trigram similarity of two names, 0-1, like pg_trgm similarity().';

-- step 4: share of the query's trigrams found in the name, 0-1 (close to pg_trgm's word_similarity()):
-- 'cagins' matches 'Myles B. Caggins III' well although the full names differ in length.
create function mart.trigram_word_similarity(query text, name text) returns real
language sql immutable parallel safe as $$
    with q as (select mart.trigrams(query) as t)
    select coalesce(
        (select count(*) from unnest(q.t) as x where x = any(mart.trigrams(name)))::real
        / nullif(cardinality(q.t), 0),
        0
    )
    from q
$$;
comment on function mart.trigram_word_similarity(text, text) is 'Share of the query''s trigrams found in the name, 0-1 (like pg_trgm word_similarity()).';

-- grain: one row per name variant x canonical name x kind (place or person).
create materialized view mart.names as
with places as (
    select 'place' as kind, e.place_as_written as name, e.place as canonical, e.country, e.admin1
    from mart.strike_events as e
    where e.place_as_written is not null
    union all
    select 'place', e.place, e.place, e.country, e.admin1
    from mart.strike_events as e
    where e.place is not null
),
people as (
    select 'person' as kind, m.name, p.name as canonical, null::text as country, null::text as admin1
    from core.spokesperson_mentions as m
    join core.spokespeople as p on p.id = m.spokesperson_id
    union all
    select 'person', p.name, p.name, null, null
    from core.spokespeople as p
),
variants as (
    select
        n.kind,
        n.name,
        n.canonical,
        max(n.country) as country,
        max(n.admin1) as admin1,
        count(*) as mentions
    from (select * from places union all select * from people) as n
    group by n.kind, n.name, n.canonical
)
select
    format('%s|%s|%s', v.kind, v.name, v.canonical) as name_key,
    v.*,
    mart.trigrams(v.name) as trigrams
from variants as v;
create unique index names_key on mart.names (name_key);
create index names_trigrams_idx on mart.names using gin (trigrams);
comment on materialized view mart.names is 'Grain: one name variant x canonical name x kind (place or person), with its trigrams for fuzzy search: where trigrams && mart.trigrams(''caggens'') order by mart.trigram_similarity(name, ''caggens'') desc.';
comment on column mart.names.name_key is 'Unique key: kind|name|canonical.';
comment on column mart.names.kind is 'place or person.';
comment on column mart.names.name is 'The name as written (or the canonical form itself).';
comment on column mart.names.canonical is 'Canonical place (mart.strike_events.place) or person (registry name).';
comment on column mart.names.country is 'Country of the place (null for people).';
comment on column mart.names.admin1 is 'Province of the place (null for people).';
comment on column mart.names.mentions is 'Reports or mentions using this variant.';
comment on column mart.names.trigrams is 'mart.trigrams(name); GIN-indexed for the && operator.';

-- grain: one row per current document version, for full-text search.
create view mart.documents as
select
    d.id as document_id,
    d.source,
    d.url,
    d.version,
    d.title,
    d.published,
    d.text,
    d.search_vector
from core.current_documents as d;
comment on view mart.documents is 'Grain: one current document version. Full-text search: where search_vector @@ websearch_to_tsquery(''english'', ''...'').';
comment on column mart.documents.document_id is 'core.documents.id.';
comment on column mart.documents.source is 'Source name.';
comment on column mart.documents.url is 'Canonical URL.';
comment on column mart.documents.version is 'Version number of this body of the URL.';
comment on column mart.documents.title is 'Title from page metadata.';
comment on column mart.documents.published is 'Publication date.';
comment on column mart.documents.text is 'Main text as extracted (evidence offsets index into it).';
comment on column mart.documents.search_vector is 'English full-text vector (title weight A, text weight B), GIN-indexed.';

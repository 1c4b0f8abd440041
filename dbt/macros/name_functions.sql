{#-
  Name-search functions in the mart schema (the wheel's Postgres has no pg_trgm, so trigrams follow its rules:
  lower-case words padded with two spaces before and one after). Created by the `names` model's pre-hook, which
  reads them; analysts call them too: `where trigrams && mart.trigrams('caggens')`.
-#}
{% macro create_name_functions() %}
create or replace function {{ target.schema }}.fold_name(value text) returns text
language sql immutable parallel safe as $$
    select lower(translate(
        value,
        'ĀāĪīŪūḨḩŢţŞşṢṣḌḍẒẓĠġÉéÈèÀàÇçÖöÜüÂâÎîÔôÛûÁáÍíÓóÚú‘’''`ʿʾ',
        'AaIiUuHhTtSsSsDdZzGgEeEeAaCcOoUuAaIiOoUuAaIiOoUu'
    ))
$$;
comment on function {{ target.schema }}.fold_name(text) is 'Lower-cases a name and folds transliteration diacritics and apostrophes (Ālbū → albu).';

create or replace function {{ target.schema }}.trigrams(value text) returns text[]
language sql immutable parallel safe as $$
    with words as (
        select '  ' || word || ' ' as padded
        from regexp_split_to_table({{ target.schema }}.fold_name(coalesce(value, '')), '[^[:alnum:]]+') as word
        where word <> ''
    )
    select coalesce(array_agg(distinct substr(w.padded, i, 3)), '{}')
    from words as w, generate_series(1, length(w.padded) - 2) as i
$$;
comment on function {{ target.schema }}.trigrams(text) is 'Distinct trigrams of a name (pg_trgm rules, after mart.fold_name).';

create or replace function {{ target.schema }}.trigram_similarity(a text, b text) returns real
language sql immutable parallel safe as $$
    with x as (select unnest({{ target.schema }}.trigrams(a)) as t),
    y as (select unnest({{ target.schema }}.trigrams(b)) as t)
    select coalesce(
        (select count(*) from (select t from x intersect select t from y) as shared)::real
        / nullif((select count(*) from (select t from x union select t from y) as every), 0),
        0
    )
$$;
comment on function {{ target.schema }}.trigram_similarity(text, text) is 'Trigram similarity of two names, 0-1, like pg_trgm similarity().';

create or replace function {{ target.schema }}.trigram_word_similarity(query text, name text) returns real
language sql immutable parallel safe as $$
    with q as (select {{ target.schema }}.trigrams(query) as t)
    select coalesce(
        (select count(*) from unnest(q.t) as x where x = any({{ target.schema }}.trigrams(name)))::real
        / nullif(cardinality(q.t), 0),
        0
    )
    from q
$$;
comment on function {{ target.schema }}.trigram_word_similarity(text, text) is 'Share of the query''s trigrams found in the name, 0-1 (like pg_trgm word_similarity()).';

create or replace function {{ target.schema }}.trigram_overlap(query_trigrams text[], name_trigrams text[]) returns real
language sql immutable parallel safe as $$
    select coalesce(
        (select count(*) from unnest(query_trigrams) as t where t = any(name_trigrams))::real
        / nullif(cardinality(query_trigrams), 0),
        0
    )
$$;
comment on function {{ target.schema }}.trigram_overlap(text[], text[]) is 'Share of query_trigrams found in name_trigrams, 0-1: rank mart.names by mart.trigram_overlap(mart.trigrams(''query''), trigrams).';
{% endmacro %}

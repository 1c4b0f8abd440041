-- The marts are dbt models now (dbt/, built by `dbt run` and the press_marts DAG through Cosmos): migrations keep
-- only raw/core DDL. Drop the marts and search functions that migrations 0004 and 0031-0034 (or later migrations
-- redefining them) created, whatever kind of relation each is by now; the first dbt run creates them again. The
-- mart schema stays, and so do the analyst roles' grants: the default privileges of 0039 cover what dbt creates
-- as the same owner, and dbt's grants config repeats them per model.
do $$
declare
    kinds constant jsonb := '{"m": "materialized view", "v": "view", "r": "table"}';
    mart_name text;
    kind text;
    function_signature text;
begin
    -- one at a time, looked up again each time: a cascade may already have dropped the next one
    foreach mart_name in array array['quality_summary', 'spokespeople', 'monthly_strikes', 'names',
                                     'quality_findings', 'source_daily', 'source_freshness', 'spokesperson_quotes',
                                     'incidents', 'strike_totals', 'daily_strikes', 'strike_events', 'documents']
    loop
        select kinds->>c.relkind::text into kind
        from pg_class as c
        where c.relnamespace = 'mart'::regnamespace and c.relname = mart_name and c.relkind in ('m', 'v', 'r');
        if found then
            execute format('drop %s if exists mart.%I cascade', kind, mart_name);
        end if;
    end loop;
    for function_signature in
        select p.oid::regprocedure::text
        from pg_proc as p
        where p.pronamespace = 'mart'::regnamespace
          and p.proname in ('fold_name', 'trigrams', 'trigram_similarity', 'trigram_word_similarity',
                            'trigram_overlap')
    loop
        execute format('drop function if exists %s cascade', function_signature);
    end loop;
end
$$;
comment on schema mart is 'Marts for analysts and dashboards: the dbt models of dbt/ (documented in dbt docs: make docs).';

-- The marts are dbt models now (dbt/, built by `dbt run` and the press_marts DAG through Cosmos): migrations keep
-- only raw/core DDL. Drop the materialised views, views and search functions of migrations 0004 and 0031-0034;
-- the first dbt run creates them again as tables (and the documents view). The mart schema stays, and so do the
-- analyst roles' grants: the default privileges of 0039 cover what dbt creates as the same owner, and dbt's
-- grants config repeats them per model.
drop materialized view if exists
    mart.quality_summary, mart.spokespeople, mart.monthly_strikes, mart.names, mart.quality_findings,
    mart.source_daily, mart.source_freshness, mart.spokesperson_quotes, mart.incidents, mart.daily_strikes,
    mart.strike_events
    cascade;
drop view if exists mart.strike_totals, mart.documents cascade;
drop function if exists
    mart.trigram_overlap(text[], text[]), mart.trigram_word_similarity(text, text),
    mart.trigram_similarity(text, text), mart.trigrams(text), mart.fold_name(text);
comment on schema mart is 'Marts for analysts and dashboards, built by the dbt project in dbt/ (docs: make docs).';

-- Nothing lost (issue 12): every stage can tell what it has still to do, and versions follow the site.

-- step 1: the current version of a URL is the one fetched most recently (A -> B -> A makes A current again).
alter table core.documents add column last_fetched_at timestamptz;
update core.documents as d
set last_fetched_at = coalesce(
    (select max(l.fetched_at) from raw.fetch_log as l where l.url = d.url and l.snapshot_sha256 = d.snapshot_sha256),
    d.fetched_at);
alter table core.documents alter column last_fetched_at set not null;
create index documents_url_last_fetched_idx on core.documents (url, last_fetched_at, version);
comment on column core.documents.last_fetched_at is 'When this body was last served at the URL (fetched_at is the first time); the most recent one is the current version.';

create or replace view core.current_documents as
select d.*
from core.documents as d
where not exists (
    select 1
    from core.documents as newer
    where newer.url = d.url
      and (newer.last_fetched_at, newer.version) > (d.last_fetched_at, d.version)
);
comment on view core.current_documents is 'The current version of each document URL: the body fetched most recently (same columns as core.documents).';
comment on column core.current_documents.last_fetched_at is 'When this body was last served at the URL.';

-- step 2: the normalise stage stores each analysis' validated fact rows in typed prepared tables, so the
-- load stage only moves rows (insert ... select); the load stage is done for a document version when they are
-- loaded. Analyses stored before this migration have no prepared rows: the normalise stage redoes them.
alter table core.analyses
    add column refused_reason text,
    add column facts_prepared boolean not null default false,
    add column facts_loaded_at timestamptz;
create index analyses_facts_pending_idx on core.analyses (document_id) where facts_loaded_at is null;
comment on column core.analyses.refused_reason is 'Why validation refused this analysis'' facts (the limit broken); null when they load.';
comment on column core.analyses.facts_prepared is 'True once the analysis'' fact rows (or its refusal) are in the core.prepared_* tables.';
comment on column core.analyses.facts_loaded_at is 'When this analysis was loaded into the fact tables (or refused, see core.document_failures); null: load pending.';

create table core.prepared_strike_reports as
select document_id, rule, scope, actor, campaign, date_start, date_end, date_precision, country, admin1, place,
    place_normalised, lat, lon, geo_precision, strikes_low, strikes_best, strikes_high, engagements, targets,
    evidence_text, evidence_start, evidence_end, extra, normaliser_version
from core.strike_reports with no data;
create table core.prepared_findings as
select document_id, check_name, severity, detail, evidence_text, evidence_start, evidence_end, normaliser_version
from core.findings with no data;
create table core.prepared_spokesperson_mentions (
    document_id bigint not null,
    ordinal integer not null,
    canonical_key text not null,
    name text not null,
    rank text,
    role text,
    organisation text,
    quotes jsonb not null,
    evidence_text text not null,
    evidence_start integer not null,
    evidence_end integer not null,
    normaliser_version text not null
);
alter table core.prepared_strike_reports
    add foreign key (document_id) references core.documents (id) on delete cascade;
alter table core.prepared_findings
    add foreign key (document_id) references core.documents (id) on delete cascade;
alter table core.prepared_spokesperson_mentions
    add foreign key (document_id) references core.documents (id) on delete cascade;
create index prepared_strike_reports_document_idx on core.prepared_strike_reports (document_id);
create index prepared_findings_document_idx on core.prepared_findings (document_id);
create index prepared_spokesperson_mentions_document_idx on core.prepared_spokesperson_mentions (document_id);
comment on table core.prepared_strike_reports is 'Validated core.strike_reports rows of each analysis, written by the normalise stage; the load stage copies them.';
comment on table core.prepared_findings is 'core.findings rows of each analysis (a facts_refused finding when refused), written by the normalise stage.';
comment on table core.prepared_spokesperson_mentions is 'Validated spokesperson mentions of each analysis, keyed by canonical key (the registry id is assigned at load).';
do $$
declare
    c record;
begin
    -- the prepared columns mean what the fact tables' columns mean
    for c in
        select p.relname as prepared, a.attname, col_description(a.attrelid, a.attnum) as comment
        from (values ('prepared_strike_reports', 'core.strike_reports'::regclass),
                     ('prepared_findings', 'core.findings'::regclass),
                     ('prepared_spokesperson_mentions', 'core.spokesperson_mentions'::regclass)) as p(relname, source)
        join pg_attribute as a on a.attrelid = p.source and a.attnum > 0 and not a.attisdropped
        join information_schema.columns as i
            on i.table_schema = 'core' and i.table_name = p.relname and i.column_name = a.attname
    loop
        execute format('comment on column core.%I.%I is %L', c.prepared, c.attname, c.comment);
    end loop;
end;
$$;
comment on column core.prepared_spokesperson_mentions.ordinal is 'Position of the mention in the analysis (the registry keeps the latest rank and organisation).';
comment on column core.prepared_spokesperson_mentions.canonical_key is 'Registry key of the person (core.spokespeople.canonical_key).';

-- step 3: documents a stage refused, with the reason (the rest of their batch went on).
create table core.document_failures (
    document_id bigint not null references core.documents (id) on delete cascade,
    stage text not null check (stage in ('normalise', 'load')),
    normaliser_version text not null,
    reason text not null,
    recorded_at timestamptz not null default now(),
    primary key (document_id, stage)
);
comment on table core.document_failures is 'Quarantined document versions: the normaliser failed on them, or their facts broke a documented limit (docs/storage.md); the rest of their batch loaded.';
comment on column core.document_failures.document_id is 'Document version refused.';
comment on column core.document_failures.stage is 'normalise (the normaliser raised) or load (facts refused by validation).';
comment on column core.document_failures.normaliser_version is 'Normaliser version whose output was refused.';
comment on column core.document_failures.reason is 'Why, naming the field and the limit.';
comment on column core.document_failures.recorded_at is 'When the document was refused.';

-- step 4: the extract stage's "fetched but not extracted" look-up per source.
create index fetch_log_source_snapshot_idx on raw.fetch_log (source, url, snapshot_sha256)
    where snapshot_sha256 is not null;

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

-- step 2: an analysis carries its validated fact rows, ready for COPY (built by the normalise stage, so the
-- load stage only moves them), and the load stage is done for a document version when they are loaded.
-- Analyses stored before this migration have no rows: the normalise stage redoes them.
alter table core.analyses
    add column strike_report_rows text,
    add column spokesperson_rows text,
    add column finding_rows text,
    add column refused_reason text,
    add column facts_loaded_at timestamptz;
create index analyses_facts_pending_idx on core.analyses (document_id) where facts_loaded_at is null;
comment on column core.analyses.strike_report_rows is 'The analysis'' core.strike_reports rows in COPY text format (validated, deduplicated).';
comment on column core.analyses.spokesperson_rows is 'The analysis'' core.spokesperson_mentions rows in COPY text format, the canonical key in place of spokesperson_id.';
comment on column core.analyses.finding_rows is 'The analysis'' core.findings rows in COPY text format (a facts_refused finding when refused).';
comment on column core.analyses.refused_reason is 'Why validation refused this analysis'' facts (the limit broken); null when they load.';
comment on column core.analyses.facts_loaded_at is 'When this analysis was loaded into the fact tables (or refused, see core.document_failures); null: load pending.';

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

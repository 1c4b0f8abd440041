-- Full-text search over document text, a current-version view that stays fast at a million versions,
-- and the column comments the earlier migrations left out (every raw/core/mart column is documented).

-- step 1: weighted tsvector (title A, text B), kept in step with the row by postgres itself.
alter table core.documents
    add column search_vector tsvector generated always as (
        setweight(to_tsvector('english', coalesce(title, '')), 'A')
        || setweight(to_tsvector('english', text), 'B')
    ) stored;
create index documents_search_idx on core.documents using gin (search_vector);
comment on column core.documents.search_vector is 'English full-text vector of title (weight A) and text (weight B); GIN-indexed for @@ queries.';

-- step 2: "no newer version exists" is an index probe on (url, version) per row, where the old
-- distinct-on form sorted the whole table on every query.
create or replace view core.current_documents as
select d.*
from core.documents as d
where not exists (
    select 1
    from core.documents as newer
    where newer.url = d.url
      and newer.version > d.version
);
comment on view core.current_documents is 'The latest version of each document URL (same columns as core.documents).';

-- step 3: comments for columns documented nowhere yet.
comment on column raw.fetch_log.id is 'Surrogate key of the attempt.';
comment on column core.documents.id is 'Surrogate key of the document version (referenced by every fact).';
comment on column core.strike_reports.id is 'Surrogate key of the strike report.';
comment on column core.spokespeople.id is 'Surrogate key of the person.';
comment on column core.spokesperson_mentions.id is 'Surrogate key of the mention.';
comment on column core.findings.id is 'Surrogate key of the finding.';

comment on column core.current_documents.id is 'Document version id (core.documents.id).';
comment on column core.current_documents.source is 'Source name from sources.yaml.';
comment on column core.current_documents.url is 'Canonical URL of the document.';
comment on column core.current_documents.snapshot_sha256 is 'The raw snapshot this text was extracted from.';
comment on column core.current_documents.version is 'Version number of this, the latest, body of the URL.';
comment on column core.current_documents.title is 'Title from page metadata.';
comment on column core.current_documents.published is 'Publication date from page metadata.';
comment on column core.current_documents.text is 'Main text as extracted; evidence offsets index into it.';
comment on column core.current_documents.text_sha256 is 'SHA-256 of text.';
comment on column core.current_documents.sitename is 'Site name from page metadata.';
comment on column core.current_documents.language is 'Language detected by the extractor, if any.';
comment on column core.current_documents.extractor is 'trafilatura, or plain for text bodies.';
comment on column core.current_documents.extractor_version is 'Extractor library version.';
comment on column core.current_documents.fetched_at is 'When the snapshot was fetched.';
comment on column core.current_documents.extracted_at is 'When this row was (re-)extracted.';
comment on column core.current_documents.search_vector is 'English full-text vector of title and text.';

comment on column core.spokesperson_registry.id is 'Registry person id (core.spokespeople.id).';
comment on column core.spokesperson_registry.canonical_key is 'Normalised key that merges name variants.';
comment on column core.spokesperson_registry.name is 'Fullest name seen.';
comment on column core.spokesperson_registry.rank is 'Latest rank seen.';
comment on column core.spokesperson_registry.organisation is 'Latest organisation seen.';
comment on column core.spokesperson_registry.name_variants is 'Every spelling of the name found in documents.';
comment on column core.spokesperson_registry.first_seen is 'Earliest publication (or fetch) date of a mention.';
comment on column core.spokesperson_registry.last_seen is 'Latest publication (or fetch) date of a mention.';
comment on column core.spokesperson_registry.documents is 'Document versions that mention the person.';

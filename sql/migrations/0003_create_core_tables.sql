create table core.documents (
    id bigserial primary key,
    source text not null,
    url text not null,
    snapshot_sha256 text not null references raw.snapshots (sha256),
    version integer not null,
    title text,
    published date,
    text text not null,
    text_sha256 text not null,
    sitename text,
    language text,
    extractor text not null,
    extractor_version text,
    fetched_at timestamptz not null,
    extracted_at timestamptz not null default now(),
    unique (url, snapshot_sha256),
    unique (url, version)
);
create index documents_published_idx on core.documents (published);
create index documents_source_idx on core.documents (source);
comment on table core.documents is 'One row per document version: a URL with the text extracted from one snapshot.';
comment on column core.documents.source is 'Source name from sources.yaml.';
comment on column core.documents.url is 'Canonical URL of the document.';
comment on column core.documents.snapshot_sha256 is 'The raw snapshot this text was extracted from.';
comment on column core.documents.version is '1 for the first body seen at this URL, 2 for the next changed body, ...';
comment on column core.documents.title is 'Title from page metadata.';
comment on column core.documents.published is 'Publication date from page metadata (bounded by the fetch date).';
comment on column core.documents.text is 'Main text as extracted; evidence offsets index into it.';
comment on column core.documents.text_sha256 is 'SHA-256 of text.';
comment on column core.documents.sitename is 'Site name from page metadata.';
comment on column core.documents.language is 'Language detected by the extractor, if any.';
comment on column core.documents.extractor is 'trafilatura, or plain for text bodies.';
comment on column core.documents.extractor_version is 'Extractor library version.';
comment on column core.documents.fetched_at is 'When the snapshot was fetched.';
comment on column core.documents.extracted_at is 'When this row was (re-)extracted.';

create view core.current_documents as
select distinct on (url) *
from core.documents
order by url, version desc;
comment on view core.current_documents is 'The latest version of each document URL.';

create table core.extraction_failures (
    snapshot_sha256 text not null references raw.snapshots (sha256),
    url text not null,
    source text not null,
    reason text not null,
    extractor_version text,
    recorded_at timestamptz not null default now(),
    primary key (snapshot_sha256, url)
);
comment on table core.extraction_failures is 'Snapshots that gave no usable text, with the reason.';
comment on column core.extraction_failures.snapshot_sha256 is 'The snapshot that failed.';
comment on column core.extraction_failures.url is 'Canonical URL of the document.';
comment on column core.extraction_failures.source is 'Source name.';
comment on column core.extraction_failures.reason is 'Why extraction gave nothing usable.';
comment on column core.extraction_failures.extractor_version is 'Extractor version that failed.';
comment on column core.extraction_failures.recorded_at is 'When the failure was recorded.';

create table core.analyses (
    document_id bigint primary key references core.documents (id) on delete cascade,
    normaliser_version text not null,
    result jsonb not null,
    analysed_at timestamptz not null default now()
);
comment on table core.analyses is 'The normaliser''s output (contract JSON) per document version; loaded into the fact tables.';
comment on column core.analyses.document_id is 'Document version analysed.';
comment on column core.analyses.normaliser_version is 'Normaliser rules version that produced the result.';
comment on column core.analyses.result is 'Contract JSON: strike_reports, spokespeople, findings.';
comment on column core.analyses.analysed_at is 'When the analysis ran.';

create table core.strike_reports (
    id bigserial primary key,
    document_id bigint not null references core.documents (id) on delete cascade,
    rule text not null,
    scope text not null check (scope in ('event', 'backfill', 'aggregate')),
    actor text not null check (actor in ('coalition', 'other')),
    date_start date,
    date_end date,
    date_precision text,
    country text,
    admin1 text,
    place text,
    place_normalised text,
    lat double precision,
    lon double precision,
    geo_precision smallint,
    strikes_low integer,
    strikes_best integer,
    strikes_high integer,
    engagements integer,
    targets jsonb not null default '[]',
    evidence_text text not null,
    evidence_start integer not null,
    evidence_end integer not null,
    extra jsonb not null default '{}',
    normaliser_version text not null,
    check (evidence_end >= evidence_start),
    check (date_end is null or date_start is null or date_end >= date_start),
    unique nulls not distinct (document_id, rule, evidence_start, evidence_end, place_normalised, date_start)
);
create index strike_reports_document_idx on core.strike_reports (document_id);
create index strike_reports_date_idx on core.strike_reports (date_start, country);
comment on table core.strike_reports is 'One row per strike report: a place (or country) on a day or range, with its evidence span.';
comment on column core.strike_reports.document_id is 'Document version the report was read from.';
comment on column core.strike_reports.rule is 'Normaliser rule id that produced the report.';
comment on column core.strike_reports.scope is 'event (stated day/range), backfill (earlier days reported late) or aggregate (cumulative total: never sum into daily counts).';
comment on column core.strike_reports.actor is 'coalition (US-led coalition, CJTF-OIR, CENTCOM, partners) or other.';
comment on column core.strike_reports.date_start is 'First day the strikes cover.';
comment on column core.strike_reports.date_end is 'Last day the strikes cover.';
comment on column core.strike_reports.date_precision is 'day, range, month, year or unknown.';
comment on column core.strike_reports.country is 'ISO 3166-1 alpha-2 (IQ, SY).';
comment on column core.strike_reports.admin1 is 'Province/governorate.';
comment on column core.strike_reports.place is 'Place as written in the text.';
comment on column core.strike_reports.place_normalised is 'Canonical place name from the gazetteer.';
comment on column core.strike_reports.lat is 'Latitude of the place (WGS84).';
comment on column core.strike_reports.lon is 'Longitude of the place (WGS84).';
comment on column core.strike_reports.geo_precision is '1 exact place, 2 near/part of a region, 3 province/country (ACLED-style).';
comment on column core.strike_reports.strikes_low is 'Lower bound of the strike count.';
comment on column core.strike_reports.strikes_best is 'Stated exact count; null when the text gives none.';
comment on column core.strike_reports.strikes_high is 'Upper bound of the strike count, null when open.';
comment on column core.strike_reports.engagements is 'Engagements, when the release counts them separately.';
comment on column core.strike_reports.targets is 'Targets hit: [{type, count, effect}].';
comment on column core.strike_reports.evidence_text is 'Exact text span the report was read from.';
comment on column core.strike_reports.evidence_start is 'Start offset of the span in core.documents.text.';
comment on column core.strike_reports.evidence_end is 'End offset (exclusive) of the span.';
comment on column core.strike_reports.extra is 'Further normaliser fields (anchor place, relative location, notes).';
comment on column core.strike_reports.normaliser_version is 'Normaliser version that produced the row.';

create table core.spokespeople (
    id bigserial primary key,
    canonical_key text not null unique,
    name text not null,
    rank text,
    organisation text
);
comment on table core.spokespeople is 'Registry of spokespeople: one row per person, name variants merged by canonical_key.';
comment on column core.spokespeople.canonical_key is 'Normalised key that merges name variants (e.g. caggins).';
comment on column core.spokespeople.name is 'Fullest name seen.';
comment on column core.spokespeople.rank is 'Latest rank seen.';
comment on column core.spokespeople.organisation is 'Latest organisation seen.';

create table core.spokesperson_mentions (
    id bigserial primary key,
    document_id bigint not null references core.documents (id) on delete cascade,
    spokesperson_id bigint not null references core.spokespeople (id),
    name text not null,
    rank text,
    role text,
    organisation text,
    quotes jsonb not null default '[]',
    evidence_text text not null,
    evidence_start integer not null,
    evidence_end integer not null,
    normaliser_version text not null,
    unique (document_id, spokesperson_id, evidence_start, evidence_end)
);
create index spokesperson_mentions_person_idx on core.spokesperson_mentions (spokesperson_id);
comment on table core.spokesperson_mentions is 'One row per spokesperson named in a document version, with quotes and evidence.';
comment on column core.spokesperson_mentions.document_id is 'Document version.';
comment on column core.spokesperson_mentions.spokesperson_id is 'Registry person.';
comment on column core.spokesperson_mentions.name is 'Name as written, without rank.';
comment on column core.spokesperson_mentions.rank is 'Normalised rank (Col., Maj. Gen., ...).';
comment on column core.spokesperson_mentions.role is 'Role as stated (Coalition Spokesperson, ...).';
comment on column core.spokesperson_mentions.organisation is 'Organisation (CJTF-OIR, CENTCOM, DoD, ...).';
comment on column core.spokesperson_mentions.quotes is 'Quotes attributed to the person: [{text, start, end}].';
comment on column core.spokesperson_mentions.evidence_text is 'Text span naming the person.';
comment on column core.spokesperson_mentions.evidence_start is 'Start offset in core.documents.text.';
comment on column core.spokesperson_mentions.evidence_end is 'End offset (exclusive).';
comment on column core.spokesperson_mentions.normaliser_version is 'Normaliser version that produced the row.';

create view core.spokesperson_registry as
select
    p.id,
    p.canonical_key,
    p.name,
    p.rank,
    p.organisation,
    array_agg(distinct m.name) as name_variants,
    min(coalesce(d.published, d.fetched_at::date)) as first_seen,
    max(coalesce(d.published, d.fetched_at::date)) as last_seen,
    count(distinct m.document_id) as documents
from core.spokespeople as p
join core.spokesperson_mentions as m on m.spokesperson_id = p.id
join core.documents as d on d.id = m.document_id
group by p.id;
comment on view core.spokesperson_registry is 'Spokespeople with their name variants and first/last seen dates (derived, never stale).';

create table core.findings (
    id bigserial primary key,
    document_id bigint not null references core.documents (id) on delete cascade,
    check_name text not null,
    severity text not null,
    detail text not null,
    evidence_text text,
    evidence_start integer,
    evidence_end integer,
    normaliser_version text not null
);
create index findings_document_idx on core.findings (document_id);
comment on table core.findings is 'Data-quality findings from the normaliser (headline vs per-place sums, engagements < strikes, ...): stored, never silently fixed.';
comment on column core.findings.document_id is 'Document version.';
comment on column core.findings.check_name is 'Check id.';
comment on column core.findings.severity is 'warning or error.';
comment on column core.findings.detail is 'What disagreed.';
comment on column core.findings.evidence_text is 'Text span concerned, if any.';
comment on column core.findings.evidence_start is 'Start offset in core.documents.text.';
comment on column core.findings.evidence_end is 'End offset (exclusive).';
comment on column core.findings.normaliser_version is 'Normaliser version that produced the row.';

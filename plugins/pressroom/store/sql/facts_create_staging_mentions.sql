create temporary table staging_mentions (
    seq bigint generated always as identity,
    document_id bigint not null,
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
) on commit drop

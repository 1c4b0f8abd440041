create table raw.backfill_cursors (
    source text primary key,
    next_page integer not null,
    oldest_seen date,
    done boolean not null default false,
    pages_walked integer not null default 0,
    updated_at timestamptz not null default now()
);
comment on table raw.backfill_cursors is 'Where each archive back-fill resumes: one row per source, updated after its URLs are stored.';
comment on column raw.backfill_cursors.source is 'Source name from sources.yaml (kind archive).';
comment on column raw.backfill_cursors.next_page is 'Next archive page number to walk.';
comment on column raw.backfill_cursors.oldest_seen is 'Oldest publication date seen on the pages walked so far.';
comment on column raw.backfill_cursors.done is 'True once the walk reached backfill_until or the end of the archive.';
comment on column raw.backfill_cursors.pages_walked is 'Archive pages walked in total.';
comment on column raw.backfill_cursors.updated_at is 'When the cursor last moved.';

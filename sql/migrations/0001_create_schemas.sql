-- raw: what was fetched, append-only and immutable.
-- core: cleaned, typed facts, one row per grain, with evidence back to raw snapshots.
-- mart: views for analysts and dashboards.
create schema if not exists raw;
create schema if not exists core;
create schema if not exists mart;

comment on schema raw is 'What was fetched: the fetch log (every attempt) and immutable page snapshots.';
comment on schema core is 'Documents extracted from snapshots and the facts normalised from them, each with evidence.';
comment on schema mart is 'Views for analysts and dashboards; documented grain in each comment.';

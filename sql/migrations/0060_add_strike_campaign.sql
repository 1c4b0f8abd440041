-- The contract's `campaign`: what a strike was part of (counter-isis or other), next to `actor` (who struck).
alter table core.strike_reports
    add column campaign text check (campaign in ('counter-isis', 'other'));
comment on column core.strike_reports.campaign is
    'What the strike was part of: counter-isis (strikes on ISIS) or other (e.g. U.S. strikes on Iran-backed militias); null when the normaliser could not tell. Filter on it rather than on actor.';

-- Read-only group roles for people and dashboards: usage and select on the mart schema only (raw and core
-- stay private). Roles are cluster-wide, so they are created only when missing; grant them to login roles:
--   create role alice login password '...' in role pressroom_analyst;
do $$
begin
    if not exists (select 1 from pg_roles where rolname = 'pressroom_analyst') then
        create role pressroom_analyst nologin;
    end if;
    if not exists (select 1 from pg_roles where rolname = 'pressroom_dashboard') then
        create role pressroom_dashboard nologin;
    end if;
end
$$;
comment on role pressroom_analyst is 'Analysts: read-only on the mart schema (select on every mart table, view and function).';
comment on role pressroom_dashboard is 'Dashboards: read-only on the mart schema.';

revoke all on schema raw, core from pressroom_analyst, pressroom_dashboard;
grant usage on schema mart to pressroom_analyst, pressroom_dashboard;
grant select on all tables in schema mart to pressroom_analyst, pressroom_dashboard;
grant execute on all functions in schema mart to pressroom_analyst, pressroom_dashboard;
alter default privileges in schema mart grant select on tables to pressroom_analyst, pressroom_dashboard;
alter default privileges in schema mart grant execute on functions to pressroom_analyst, pressroom_dashboard;

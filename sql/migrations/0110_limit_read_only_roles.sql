-- Limits for the read-only roles (issue 12): a query runs at most a minute (a dashboard's 30 s), temporary
-- files are capped so a runaway sort cannot fill the disk, transactions are read-only by default, and the
-- roles may connect to this (the warehouse) database only. Role settings apply to the role a session logs
-- in as, not to the groups it belongs to: `pressroom db url --role analyst|dashboard` creates the login roles
-- and copies these settings and the connection limit onto them (pressroom.roles), so they are defined here once.
alter role pressroom_analyst connection limit 10;
alter role pressroom_analyst set statement_timeout = '60s';
alter role pressroom_analyst set temp_file_limit = '1GB';
alter role pressroom_analyst set default_transaction_read_only = on;
alter role pressroom_analyst set idle_in_transaction_session_timeout = '10min';
alter role pressroom_dashboard connection limit 10;
alter role pressroom_dashboard set statement_timeout = '30s';
alter role pressroom_dashboard set temp_file_limit = '256MB';
alter role pressroom_dashboard set default_transaction_read_only = on;
alter role pressroom_dashboard set idle_in_transaction_session_timeout = '10min';

-- CONNECT: granted on the warehouse by name, taken from PUBLIC on every other database this user owns (the
-- embedded cluster's `postgres` and `airflow`; pressroom.db.ensure_database does the same for databases it
-- creates later). Databases of other owners on a shared server are left alone.
do $$
declare
    other text;
begin
    execute format('grant connect on database %I to pressroom_analyst, pressroom_dashboard', current_database());
    for other in
        select d.datname from pg_database as d
        where d.datname <> current_database() and not d.datistemplate
          and d.datdba = (select oid from pg_roles where rolname = current_user)
    loop
        execute format('revoke connect on database %I from public', other);
    end loop;
end
$$;

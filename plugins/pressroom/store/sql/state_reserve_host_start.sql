-- Atomically reserve the host's next start (database clock: worker clocks may drift); returns the wait.
insert into raw.host_schedule as s (host, next_start) values (%(host)s, now() + %(delay)s * interval '1 second')
on conflict (host) do update
    set next_start = greatest(s.next_start, now()) + %(delay)s * interval '1 second'
returning (extract(epoch from s.next_start - now()) - %(delay)s)::float8

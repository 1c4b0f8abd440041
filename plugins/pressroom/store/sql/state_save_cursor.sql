insert into raw.backfill_cursors (source, next_page, oldest_seen, done, pages_walked)
values (%s, %s, %s, %s, %s)
on conflict (source) do update set
    next_page = excluded.next_page, oldest_seen = excluded.oldest_seen, done = excluded.done,
    pages_walked = excluded.pages_walked, updated_at = now()

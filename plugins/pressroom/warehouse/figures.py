"""Every figure the report, the summary and the exports show, each defined once, over the marts.

- A *strike report* is one coalition report of strikes on a stated day or range, as an event or a back-fill
  (further strikes on an earlier day, published late), that does not say "no strikes": one row of the ACLED
  export. Aggregates ("20,000 strikes since 2014") are never strike reports.
- *Strikes* are the lower bounds of single-day event reports (mart.daily_strikes.strikes_low); back-filled
  strikes are counted apart (backfill_low) and never added; multi-day and cumulative figures stay in
  mart.strike_totals. The monthly chart, the province chart and the places table all sum these same columns.
"""

from __future__ import annotations

# The rows of mart.strike_events that are strike reports (shared by the ACLED export and the counts below), by
# the mart's one definition (counted_as): single-day reports (daily, backfill) and the dated coalition ranges
# counted as totals; never aggregates, undated reports, other actors or "no strikes".
STRIKE_REPORTS = """mart.strike_events
where (counted_as in ('daily', 'backfill')
       or (counted_as = 'total' and scope <> 'aggregate' and date_start is not null))
  and coalesce(strikes_high, 1) > 0"""

# Headline figures: (label, scalar SQL), in the order the report's cards and `pressroom db summary` list them.
HEADLINE = (
    ("documents", "select count(*) from mart.documents"),
    ("sources with documents", "select count(*) from mart.source_freshness where documents > 0"),
    ("strike reports", f"select count(*) from {STRIKE_REPORTS}"),
    ("strikes (at least)", "select coalesce(sum(strikes_low), 0) from mart.daily_strikes"),
    ("back-filled strikes", "select coalesce(sum(backfill_low), 0) from mart.daily_strikes"),
    ("totals and ranges", "select count(*) from mart.strike_totals"),
    ("first day", "select min(day) from mart.daily_strikes where strikes_low > 0 or backfill_low > 0"),
    ("last day", "select max(day) from mart.daily_strikes where strikes_low > 0 or backfill_low > 0"),
    ("spokespeople", "select count(*) from mart.spokespeople"),
    ("data-quality findings", "select count(*) from mart.quality_findings"),
    ("fetch attempts", "select coalesce(sum(attempts), 0) from mart.source_freshness"),
    ("fetch errors", "select coalesce(sum(errors), 0) from mart.source_freshness"),
)
HEADLINE_SQL = "select " + ",\n    ".join(f"({sql})" for _, sql in HEADLINE)

QUERIES = {
    "monthly": """
        select date_trunc('month', day)::date as month, country, sum(strikes_low)
        from mart.daily_strikes
        where strikes_low > 0
        group by 1, 2
        order by 1, 2""",
    # Provinces with strikes, largest first; strikes of reports naming no province are counted in `unplaced`.
    "provinces": """
        select coalesce(country, 'unknown') || ' · ' || admin1, sum(strikes_low)
        from mart.daily_strikes
        where admin1 is not null
        group by country, admin1
        having sum(strikes_low) > 0
        order by 2 desc, 1
        limit 15""",
    "unplaced": """
        select coalesce(sum(strikes_low), 0) from mart.daily_strikes where admin1 is null""",
    "places": """
        with located as (
            select place, admin1, country, avg(lat) as lat, avg(lon) as lon
            from mart.strike_events
            where place is not null and lat is not null
            group by place, admin1, country
        )
        select d.place, d.admin1, d.country, l.lat, l.lon, coalesce(sum(d.strikes_low), 0) as strikes,
            coalesce(sum(d.backfill_low), 0) as backfilled, count(distinct d.day) as days, min(d.day), max(d.day)
        from mart.daily_strikes as d
        left join located as l
            on l.place = d.place and l.admin1 is not distinct from d.admin1
            and l.country is not distinct from d.country
        where d.place is not null
        group by d.place, d.admin1, d.country, l.lat, l.lon
        order by strikes desc, backfilled desc, d.place
        limit 40""",
    "conflicts": """
        select day, country, admin1, location, array_to_string(source_names, ', '), disagreement
        from mart.incidents
        where conflicting
        order by day desc
        limit 50""",
    "freshness": """
        select source, last_success_at, last_attempt_at, attempts, errors, error_rate, documents,
            latest_published, extraction_failures
        from mart.source_freshness
        order by source""",
    "quality_counts": """
        select check_name, origin, count(*), count(distinct document_id)
        from mart.quality_findings
        group by check_name, origin
        order by 3 desc""",
    "findings": """
        select check_name, published, source, detail, url
        from mart.quality_findings
        order by published desc nulls last, check_name
        limit 100""",
}


def headline(conn) -> dict:
    """{label: value} of the headline figures."""
    with conn.cursor() as cur:
        cur.execute(HEADLINE_SQL)
        return dict(zip((label for label, _ in HEADLINE), cur.fetchone(), strict=True))

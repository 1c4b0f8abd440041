"""The analysts' example queries (docs/analysts.md) on a million generated documents: EXPLAIN ANALYZE each one
repeatedly and report p50/p95 execution times (goal: under 100 ms). A benchmark, not a test.

    python -m bench.warehouse_queries [--documents 1000000] [--runs 20] [--dsn DSN]

Without --dsn the data go into a throwaway embedded server. Documents, snapshots, fetch log, strike reports
(3 per document), spokesperson mentions and findings are generated set-based in SQL, spread over 2014-2021,
8 sources and ~40 places; 2 % of the URLs get a second version. Then the marts are refreshed and analysed.
"""

from __future__ import annotations

import argparse
import json
import logging
import statistics
import time
from contextlib import closing, nullcontext

from pressroom import db
from pressroom.warehouse.examples import example_queries
from pressroom.warehouse.marts import refresh_marts

from .report import publish, table
from .warehouse import migrated_database, throwaway_warehouse

log = logging.getLogger(__name__)

GOAL_MS = 100

SOURCES = ["centcom_releases", "oir_releases", "dod_releases", "centcom_archive", "oir_archive",
           "dod_archive", "rudaw_news", "kurdistan24_news"]
# (place as written, canonical, admin1, country, lat, lon): a few without coordinates (unknown places).
PLACES = [
    ("Raqqa", "Ar Raqqah", "Raqqa", "SY", 35.95, 39.01),
    ("Abu Kamal", "Ālbū Kamāl", "Deir ez-Zor", "SY", 34.45, 40.92),
    ("Dayr Az Zawr", "Deir ez-Zor", "Deir ez-Zor", "SY", 35.34, 40.14),
    ("Hasakah", "Al Ḩasakah", "Hasakah", "SY", 36.5, 40.75),
    ("Shaddadi", "Ash Shaddādah", "Hasakah", "SY", 36.06, 40.73),
    ("Palmyra", "Tadmur", "Homs", "SY", 34.56, 38.28),
    ("Tabqa", "Al-Tabqa", "Raqqa", "SY", 35.84, 38.55),
    ("Mara", "Māri‘", "Aleppo", "SY", 36.48, 37.2),
    ("Hajin", "Hajin", "Deir ez-Zor", "SY", 34.69, 40.83),
    ("Manbij", "Manbij", "Aleppo", "SY", 36.53, 37.95),
    ("Mosul", "Mosul", "Nineveh", "IQ", 36.34, 43.13),
    ("Tal Afar", "Tall ‘Afar", "Nineveh", "IQ", 36.38, 42.45),
    ("Sinjar", "Sinjār", "Nineveh", "IQ", 36.32, 41.88),
    ("Qayyarah", "Al Qayyārah", "Nineveh", "IQ", 35.8, 43.29),
    ("Kisik", "Kisik", "Nineveh", "IQ", None, None),
    ("Ramadi", "Ramadi", "Anbar", "IQ", 33.42, 43.31),
    ("Fallujah", "Fallujah", "Anbar", "IQ", 33.35, 43.78),
    ("Rutbah", "Ar Ruţbah", "Anbar", "IQ", 33.04, 40.29),
    ("Habbaniyah", "Habbaniyah", "Anbar", "IQ", None, None),
    ("Rawah", "Rāwah", "Anbar", "IQ", 34.48, 41.92),
    ("Al Qaim", "Al Qā’im", "Anbar", "IQ", 34.37, 41.09),
    ("Kirkuk", "Kirkuk", "Kirkuk", "IQ", 35.47, 44.39),
    ("Hawija", "Al Ḩawījah", "Kirkuk", "IQ", 35.33, 43.77),
    ("Wadi al-Shai", "Wadi al-Shai", "Kirkuk", "IQ", None, None),
    ("Bayji", "Bayjī", "Salah ad-Din", "IQ", 34.93, 43.49),
    ("Samarra", "Sāmarrā’", "Salah ad-Din", "IQ", 34.2, 43.89),
    ("Tikrit", "Tikrit", "Salah ad-Din", "IQ", 34.6, 43.68),
    ("Makhmur", "Makhmur", "Erbil", "IQ", 35.77, 43.58),
    ("Hit", "Hīt", "Anbar", "IQ", 33.64, 42.83),
    ("Baghdadi", "Al Baghdādī", "Anbar", "IQ", 33.87, 42.55),
    ("Haditha", "Ḩadīthah", "Anbar", "IQ", 34.14, 42.38),
    ("Sultan Abdallah", "Sultan Abdallah", "Nineveh", "IQ", 35.95, 43.23),
    ("Baghuz", "Al Bāghūz", "Deir ez-Zor", "SY", 34.46, 40.95),
    ("Al Hawl", "Al Ḩawl", "Hasakah", "SY", 36.39, 41.15),
    ("Ayn Isa", "‘Ayn ‘Īsá", "Raqqa", "SY", None, None),
    ("Kobani", "‘Ayn al ‘Arab", "Aleppo", "SY", 36.89, 38.35),
    ("Mayadin", "Al Mayādīn", "Deir ez-Zor", "SY", 35.02, 40.45),
    ("Tanf", "At Tanf", "Homs", "SY", 33.5, 38.67),
]
TARGETS = ["fighting positions", "tactical units", "weapons caches", "vehicles", "tunnels", "staging areas",
           "supply routes", "mortar systems", "bed-down locations", "oil wellheads", "command and control nodes",
           "IED factories"]
PEOPLE = [
    ("caggins", "Myles B. Caggins III", "Col.", "CJTF-OIR"),
    ("dillon", "Ryan S. Dillon", "Col.", "CJTF-OIR"),
    ("warren", "Steve Warren", "Col.", "CJTF-OIR"),
    ("jarrard", "James Jarrard", "Maj. Gen.", "CJTF-OIR"),
    ("urban", "Bill Urban", "Capt.", "CENTCOM"),
    ("gabriel", "Kino Gabriel", None, "SDF"),
    ("ryder", "Patrick Ryder", "Col.", "CENTCOM"),
    ("marotto", "Wayne Marotto", "Col.", "CJTF-OIR"),
]

GENERATE_SQL = """
select setseed(0.42);
create temp table bench_places (n int primary key, place text, canonical text, admin1 text, country text,
    lat float8, lon float8);
insert into bench_places select * from jsonb_to_recordset(%(places)s) as p (n int, place text, canonical text,
    admin1 text, country text, lat float8, lon float8);
create temp table bench_docs as
select
    g as id,
    (%(sources)s::text[])[1 + (g %% %(n_sources)s)] as source,
    date '2014-08-08' + (random() * 2700)::int as day,
    array[(random() * %(n_places)s)::int %% %(n_places)s, (random() * %(n_places)s)::int %% %(n_places)s,
          (random() * %(n_places)s)::int %% %(n_places)s] as places,
    array[1 + (random() * 12)::int, 1 + (random() * 6)::int, 1 + (random() * 3)::int] as counts,
    array[(%(targets)s::text[])[1 + (random() * 11)::int], (%(targets)s::text[])[1 + (random() * 11)::int]]
        as targets
from generate_series(1, %(n)s) as g;

insert into raw.snapshots (sha256, url, source, fetched_at, status, size_bytes, body_gz)
select md5(d.id::text) || md5('v1' || d.id), 'https://bench.example/' || d.source || '/' || d.id, d.source,
    d.day + time '12:00', 200, 0, '\\x'::bytea
from bench_docs as d;

insert into core.documents (id, source, url, snapshot_sha256, version, title, published, text, text_sha256,
    extractor, fetched_at, last_fetched_at)
select d.id, d.source, 'https://bench.example/' || d.source || '/' || d.id, md5(d.id::text) || md5('v1' || d.id),
    1, format('Coalition strikes continue against ISIS in %%s', p1.country),
    d.day + 1,
    format('SOUTHWEST ASIA - Coalition military forces conducted %%s strikes consisting of %%s engagements '
           'against ISIS targets. Near %%s, %%s strikes engaged ISIS %%s and destroyed %%s. Near %%s, %%s strikes '
           'destroyed %%s. Near %%s, %%s strike destroyed an ISIS %%s. These strikes were conducted as part of '
           'Operation Inherent Resolve, the operation to destroy ISIS in Iraq and Syria.',
           d.counts[1] + d.counts[2] + d.counts[3], d.counts[1] + d.counts[2] + d.counts[3] + 2,
           p1.place, d.counts[1], d.targets[1], d.targets[2], p2.place, d.counts[2], d.targets[2], p3.place,
           d.counts[3], d.targets[1]),
    md5(d.id::text), 'bench', d.day + time '12:00', d.day + time '12:00'
from bench_docs as d
join bench_places as p1 on p1.n = d.places[1]
join bench_places as p2 on p2.n = d.places[2]
join bench_places as p3 on p3.n = d.places[3];

insert into core.strike_reports (document_id, rule, scope, actor, date_start, date_end, date_precision, country,
    admin1, place, place_normalised, lat, lon, geo_precision, strikes_low, strikes_best, strikes_high,
    evidence_text, evidence_start, evidence_end, normaliser_version)
select d.id, 'bench.near', case when k = 3 and d.id %% 10 = 0 then 'backfill' else 'event' end, 'coalition',
    d.day - case when k = 3 and d.id %% 10 = 0 then 2 else 0 end,
    d.day - case when k = 3 and d.id %% 10 = 0 then 2 else 0 end, 'day', p.country, p.admin1, p.place,
    p.canonical, p.lat, p.lon, 2, d.counts[k], d.counts[k], d.counts[k],
    format('Near %%s, %%s strikes', p.place, d.counts[k]), 100 * k, 100 * k + 30, 'bench'
from bench_docs as d, generate_series(1, 3) as k
join bench_places as p on true
where p.n = d.places[k]
on conflict do nothing;

insert into core.spokespeople (canonical_key, name, rank, organisation)
select * from jsonb_to_recordset(%(people)s) as p (canonical_key text, name text, rank text, organisation text);
insert into core.spokesperson_mentions (document_id, spokesperson_id, name, rank, role, organisation, quotes,
    evidence_text, evidence_start, evidence_end, normaliser_version)
select d.id, p.id, p.name, p.rank, 'Spokesperson', p.organisation,
    jsonb_build_array(jsonb_build_object('text', format('We struck %%s near %%s.', d.targets[1], d.id),
                                         'start', 10, 'end', 40)),
    p.name, 0, 10, 'bench'
from bench_docs as d
join core.spokespeople as p on p.id = (select min(id) from core.spokespeople) + (d.id / 10) %% %(n_people)s
where d.id %% 10 = 3;

insert into core.findings (document_id, check_name, severity, detail, normaliser_version)
select d.id, 'headline_sum', 'warning', 'headline differs from the sum of places', 'bench'
from bench_docs as d
where d.id %% 50 = 7;

insert into raw.fetch_log (run_id, source, url, attempt, status, error_class, fetched_at, snapshot_sha256)
select 'bench', d.source, 'https://bench.example/' || d.source || '/' || d.id, 1,
    case when d.id %% 33 = 0 then 503 else 200 end, case when d.id %% 33 = 0 then 'http_5xx' end,
    d.day + time '12:00', case when d.id %% 33 <> 0 then md5(d.id::text) || md5('v1' || d.id) end
from bench_docs as d;

select setval(pg_get_serial_sequence('core.documents', 'id'), (select max(id) from core.documents));
-- 2 %% of the URLs changed once: a second snapshot and document version (no facts).
insert into raw.snapshots (sha256, url, source, fetched_at, status, size_bytes, body_gz)
select md5(d.id::text) || md5('v2' || d.id), 'https://bench.example/' || d.source || '/' || d.id, d.source,
    d.day + time '18:00', 200, 0, '\\x'::bytea
from bench_docs as d where d.id %% 50 = 1;
insert into core.documents (source, url, snapshot_sha256, version, title, published, text, text_sha256, extractor,
    fetched_at, last_fetched_at)
select c.source, c.url, md5(c.id::text) || md5('v2' || c.id), 2, c.title, c.published, c.text || ' (updated)',
    md5('v2' || c.id), 'bench', c.fetched_at + interval '6 hours', c.fetched_at + interval '6 hours'
from core.documents as c where c.id %% 50 = 1 and c.version = 1;
"""


def generate(dsn: str, documents: int) -> dict[str, float]:
    """Fill the warehouse, refresh the marts and analyse; returns seconds per phase."""
    places = [dict(zip(("n", "place", "canonical", "admin1", "country", "lat", "lon"), (i, *p), strict=True))
              for i, p in enumerate(PLACES)]
    people = [dict(zip(("canonical_key", "name", "rank", "organisation"), p, strict=True)) for p in PEOPLE]
    params = {"n": documents, "sources": SOURCES, "n_sources": len(SOURCES), "places": json.dumps(places),
              "n_places": len(PLACES), "targets": TARGETS, "people": json.dumps(people), "n_people": len(PEOPLE)}
    timings = {}
    with closing(db.connect(dsn)) as conn:
        started = time.monotonic()
        with conn, conn.cursor() as cur:
            cur.execute(GENERATE_SQL, params)
        timings["generate"] = time.monotonic() - started
        started = time.monotonic()
        refresh_marts(dsn)
        timings["refresh marts"] = time.monotonic() - started
        conn.autocommit = True
        with conn.cursor() as cur:
            cur.execute("vacuum analyze")
    return timings


def measure(dsn: str, runs: int) -> tuple[list[list[object]], dict[str, str]]:
    """[name, p50 ms, p95 ms, rows, plan summary] per example query, from EXPLAIN ANALYZE execution times, and
    the full text plan of each query whose p95 misses the goal."""
    results, slow_plans = [], {}
    with closing(db.connect(dsn)) as conn, conn.cursor() as cur:
        for name, sql in example_queries().items():
            times = []
            for _ in range(runs):
                cur.execute("explain (analyze, format json) " + sql)
                plan = cur.fetchone()[0][0]
                times.append(plan["Execution Time"])
            times.sort()
            p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
            rows = int(plan["Plan"].get("Actual Rows", 0))
            results.append([name, f"{statistics.median(times):.1f}", f"{p95:.1f}", rows, scans(plan["Plan"])])
            if p95 > GOAL_MS:
                cur.execute("explain (analyze, buffers) " + sql)
                slow_plans[name] = "\n".join(row[0] for row in cur.fetchall())
            conn.rollback()
    return results, slow_plans


def scans(node: dict) -> str:
    """The relations a plan reads and how (Index Scan on x, Bitmap Heap Scan on y, ...)."""
    found = []
    if "Relation Name" in node:
        found.append(f"{node['Node Type']} {node['Relation Name']}")
    for child in node.get("Plans", []):
        found += [s for s in scans(child).split(", ") if s]
    return ", ".join(dict.fromkeys(found))


def counts(dsn: str) -> dict[str, int]:
    with closing(db.connect(dsn)) as conn, conn.cursor() as cur:
        result = {}
        for table_name in ("core.documents", "core.strike_reports", "mart.daily_strikes", "mart.incidents",
                           "mart.spokesperson_quotes", "mart.quality_findings"):
            cur.execute(f"select count(*) from {table_name}")
            result[table_name] = cur.fetchone()[0]
        return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--dsn", help="server DSN to create database pressroom_bench_queries on (default: throwaway)")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    server = nullcontext(migrated_database(args.dsn, "pressroom_bench_queries")) if args.dsn else \
        throwaway_warehouse(fsync=False)
    with server as dsn:
        timings = generate(dsn, args.documents)
        sizes = counts(dsn)
        results, slow_plans = measure(dsn, args.runs)
    body = "\n".join([
        f"{args.documents:,} generated documents ({', '.join(f'{k} {v:,}' for k, v in sizes.items())}); "
        f"generated in {timings['generate']:.0f} s, marts refreshed in {timings['refresh marts']:.0f} s.",
        f"Each example query of docs/analysts.md ran {args.runs} times under EXPLAIN ANALYZE (execution time, "
        f"warm cache). Goal: p95 under {GOAL_MS} ms.",
        "",
        table(["query", "p50 ms", "p95 ms", "rows", "scans"], results),
        *(f"\nPlan of `{name}` (over the goal):\n\n```\n{plan}\n```" for name, plan in slow_plans.items()),
    ])
    publish("warehouse-queries", "Warehouse queries", f"python -m bench.warehouse_queries --documents "
            f"{args.documents} --runs {args.runs}", body)


if __name__ == "__main__":
    main()

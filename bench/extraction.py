"""Extraction + normalisation throughput per core against bare `trafilatura.extract` on the same real
pages, in 1 and 2 processes (goal: pressroom >= 0.8 x bare trafilatura pages/s per core).

"pressroom" is what the extract and normalise tasks do per page, minus the database: `extract_document`
(trafilatura with metadata and a bounded date search) then `analyse_text` (the normaliser).
Usage: python -m bench.extraction [--rounds 3]
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import time
from datetime import date

from bench.corpus import BUNDLE, real_pages
from bench.report import publish, table

REFERENCE_DATE = date(2026, 11, 1)
PAGES: list[tuple[str, bytes]] = []  # filled before the pool forks; workers get page indices only
STAGE_SECONDS = {"extract": 0.0, "normalise": 0.0}


def bare(index: int) -> None:
    import trafilatura

    trafilatura.extract(PAGES[index][1])


def pressroom_stages(index: int) -> None:
    from pressroom.analysis import analyse_text, extract_document
    from pressroom.models import ExtractionFailure

    name, body = PAGES[index]
    started = time.perf_counter()
    doc = extract_document(body, content_type="text/html", url=f"http://bench.local/{name}",
                           reference_date=REFERENCE_DATE)
    extracted = time.perf_counter()
    if not isinstance(doc, ExtractionFailure):
        analyse_text(doc.text, title=doc.title, published=doc.published)
    STAGE_SECONDS["extract"] += extracted - started
    STAGE_SECONDS["normalise"] += time.perf_counter() - extracted


def rates_per_core(functions, indices: list[int], rounds: int, processes: int) -> list[float]:
    """Pages/s per process of each function; rounds alternate between the functions so that load from
    other programs on the machine weighs on each about equally."""
    elapsed = [0.0] * len(functions)
    with multiprocessing.get_context("fork").Pool(processes) as pool:
        for fn in functions:
            pool.map(fn, range(processes))  # warm the workers
        for _ in range(rounds):
            for n, fn in enumerate(functions):
                started = time.perf_counter()
                if processes == 1:
                    for index in indices:
                        fn(index)
                else:
                    pool.map(fn, indices, chunksize=2)
                elapsed[n] += time.perf_counter() - started
    return [len(indices) * rounds / seconds / processes for seconds in elapsed]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=3, help="alternating passes over the corpus per measurement")
    args = parser.parse_args(argv)
    import trafilatura

    import pressroom.normalise  # noqa: F401 (imported before forking, as in a warm worker)

    PAGES.extend(real_pages())
    indices = list(range(len(PAGES)))
    for index in range(len(PAGES)):  # warm-up: imports, lazily built tables
        bare(index)
        pressroom_stages(index)
    STAGE_SECONDS.update(extract=0.0, normalise=0.0)

    rows, ours_rates = [], []
    for processes in (1, 2):
        bare_rate, ours_rate = rates_per_core([bare, pressroom_stages], indices, args.rounds, processes)
        ours_rates.append(ours_rate)
        rows.append([processes, f"{bare_rate:.1f}", f"{ours_rates[-1]:.1f}", f"**{ours_rates[-1] / bare_rate:.2f}**"])
        if processes == 1:
            stages = dict(STAGE_SECONDS)
    n_bundle = len(list(BUNDLE.glob("*.html")))
    load = os.getloadavg()[0]
    body = f"""{len(PAGES)} real pages ({len(PAGES) - n_bundle} Zyte news articles + {n_bundle} bundled OIR releases),
{args.rounds} passes per measurement, trafilatura {trafilatura.__version__}. Per core = pages/s / processes.

{table(["processes", "bare trafilatura.extract pages/s/core", "pressroom extract+normalise pages/s/core",
        "ratio (goal >= 0.8)"], rows)}

Scaling to 2 processes: {ours_rates[1] / ours_rates[0]:.2f} of the 1-process rate per core.
Where pressroom's time goes (1 process): extraction {stages["extract"]:.1f} s, normalisation
{stages["normalise"]:.1f} s ({stages["normalise"] / (stages["extract"] + stages["normalise"]):.0%}).
Extraction differs from bare `extract` by `with_metadata=True` (title, date, site name, language) and an
extensive date search bounded by the fetch date, both needed for the warehouse row.
Load average at the end: {load:.1f} on {os.cpu_count()} cores (other programs share the machine: compare the
ratios, measured in alternating passes, rather than absolute rates)."""
    publish("extraction", "Extraction + normalisation throughput", "python -m bench.extraction", body)


if __name__ == "__main__":
    main()

"""Consistency checks: violations become data-quality findings; nothing is corrected silently.

- `headline_sum`: a release's headline total (country or overall, per day or range) differs from the sum of its
  per-place reports with exact counts.
- `engagements_below_strikes`: a report or headline counts fewer engagements than strikes.
- `implausible_count` (error): a count of strikes or engagements above the documented plausible maximum
  (data/vocabulary/strikes.yaml `plausible.strikes_total`): the report is dropped, only the finding stays.
- `refused_date` (error): an impossible calendar date ("31/02/2017", "Feb. 29-31, 2017"), a range ending before it
  starts or longer than the documented limit: the report keeps no date, the finding says why.
"""

from __future__ import annotations

from . import vocabulary

PLAUSIBLE = vocabulary.load("strikes")["plausible"]


def finding(check: str, detail: str, evidence: dict | None, severity: str = "warning") -> dict:
    return {"check": check, "severity": severity, "detail": detail, "evidence": evidence}


def plausible(items: list[dict]) -> tuple[list[dict], list[dict]]:
    """(the items whose counts are plausible, findings for the dropped ones and for refused dates)."""
    kept, out = [], []
    limit = PLAUSIBLE["strikes_total"]
    for r in items:
        counts = [v for v in (*r["strikes"].values(), r["engagements"]) if v is not None]
        if any(v > limit for v in counts):
            out.append(finding("implausible_count", f"count above the plausible maximum {limit}: dropped",
                               r["evidence"], "error"))  # fmt: skip
            continue
        if r.get("date_problem"):
            out.append(finding("refused_date", r["date_problem"], r["evidence"], "error"))
        kept.append(r)
    return kept, out


def _covers(headline: dict, report: dict) -> bool:
    if headline["scope"] != report["scope"] or headline["actor"] != report["actor"]:
        return False
    if headline["country"] and report["country"] != headline["country"]:
        return False
    if not headline["date_start"] or not report["date_start"]:
        return headline["date_start"] == report["date_start"]
    return headline["date_start"] <= report["date_start"] and (report["date_end"] or report["date_start"]) <= (
        headline["date_end"] or headline["date_start"]
    )


def headline_sums(reports: list[dict], headlines: list[dict]) -> list[dict]:
    out = []
    for h in headlines:
        total = h["strikes"]["best"]
        parts = [r for r in reports if (r["place"] or r.get("places")) and _covers(h, r)]
        if total is None or not parts or any(r["strikes"]["best"] is None for r in parts):
            continue
        summed = sum(r["strikes"]["best"] for r in parts)
        if summed != total:
            where = h["country"] or "all countries"
            out.append(
                finding(
                    "headline_sum",
                    f"headline {total} strikes ({where}, {h['date_start']}) but the "
                    f"per-place reports add up to {summed}",
                    h["evidence"],
                )
            )
    return out


def engagements(items: list[dict]) -> list[dict]:
    return [
        finding(
            "engagements_below_strikes",
            f"{r['engagements']} engagements for {r['strikes']['best']} strikes",
            r["evidence"],
        )
        for r in items
        if r["engagements"] is not None and r["strikes"]["best"] is not None and r["engagements"] < r["strikes"]["best"]
    ]


def run(reports: list[dict], headlines: list[dict]) -> list[dict]:
    return headline_sums(reports, headlines) + engagements(reports + headlines)

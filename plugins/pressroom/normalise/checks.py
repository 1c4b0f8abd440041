"""Consistency checks: violations become data-quality findings; nothing is corrected silently.

- `headline_sum`: a release's headline total (country or overall, per day or range) differs from the sum of its
  per-place reports with exact counts.
- `engagements_below_strikes`: a report or headline counts fewer engagements than strikes.
"""

from __future__ import annotations


def finding(check: str, detail: str, evidence: dict | None) -> dict:
    return {"check": check, "severity": "warning", "detail": detail, "evidence": evidence}


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

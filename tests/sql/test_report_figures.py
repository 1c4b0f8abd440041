"""The report's figures are the marts' figures: cards, charts, places table, `pressroom db summary` and the ACLED
export agree with SQL written here, independently, on the marts."""

import io
import re
from contextlib import closing

import pytest

from pressroom import db
from pressroom.cli import main
from pressroom.warehouse.export import strike_events, write_acled
from pressroom.warehouse.report import collect, render
from support.sample_warehouse import sample_warehouse


@pytest.fixture(scope="module")
def sample_dsn(pg_server, tmp_path_factory):
    with sample_warehouse(pg_server, tmp_path_factory.mktemp("sample")) as dsn:
        yield dsn


@pytest.fixture(scope="module")
def report(sample_dsn):
    with closing(db.connect(sample_dsn)) as conn:
        return collect(conn)


def scalar(dsn: str, sql: str):
    with closing(db.connect(dsn)) as conn, conn, conn.cursor() as cur:
        cur.execute(sql)
        return cur.fetchone()[0]


def test_strike_reports_are_the_acled_rows(sample_dsn, report):
    with closing(db.connect(sample_dsn)) as conn:
        exported = write_acled(strike_events(conn), io.StringIO())
    expected = scalar(sample_dsn, "select count(*) from mart.strike_events where actor = 'coalition'"
                                  " and scope <> 'aggregate' and date_start is not null"
                                  " and (strikes_high is null or strikes_high > 0)")
    assert report.totals["strike reports"] == exported == expected > 0


def test_strikes_in_cards_charts_and_places_are_the_daily_marts_sums(sample_dsn, report):
    total = scalar(sample_dsn, "select sum(strikes_low) from mart.daily_strikes")
    assert report.totals["strikes (at least)"] == total
    assert sum(strikes for _, _, strikes in report.monthly) == total
    assert sum(strikes for _, strikes in report.provinces) + report.unplaced[0][0] == total
    backfilled = scalar(sample_dsn, "select sum(backfill_low) from mart.daily_strikes")
    assert report.totals["back-filled strikes"] == backfilled
    raqqa = next(p for p in report.places if p[1] == "Raqqa" and p[2] == "SY")
    assert (raqqa[5], raqqa[6]) == (
        scalar(sample_dsn, f"select sum(strikes_low) from mart.daily_strikes where place = '{raqqa[0]}'"),
        scalar(sample_dsn, f"select sum(backfill_low) from mart.daily_strikes where place = '{raqqa[0]}'"))


def test_province_chart_has_no_unknown_or_empty_bars(report):
    assert report.provinces and all(label and strikes > 0 for label, strikes in report.provinces)
    assert "province unknown" not in render(report)


def test_cards_and_summary_show_the_same_figures(sample_dsn, report, monkeypatch, capsys):
    html = render(report)
    cards = {label: value for value, label in re.findall(r'<div class="card"><b>([^<]*)</b>([^<]*)</div>', html)}
    assert cards["strike reports"] == str(report.totals["strike reports"])
    assert cards["strikes (at least)"] == str(report.totals["strikes (at least)"])
    monkeypatch.setenv("PRESSROOM_DATABASE_URL", sample_dsn)
    assert main(["db", "summary"]) == 0
    summary = dict(line.rsplit(None, 1) for line in capsys.readouterr().out.splitlines()[1:])
    for label in ("documents", "strike reports", "strikes (at least)", "back-filled strikes", "spokespeople",
                  "data-quality findings"):
        assert summary[label] == cards[label] == str(report.totals[label])

"""Data-quality gates: rates against thresholds, and an error that names every failing check."""

from unittest import mock

import pytest

from pressroom.warehouse import quality
from pressroom.warehouse.quality import CheckResult, DataQualityError


def fake_conn(rows):
    conn = mock.MagicMock()
    conn.cursor.return_value.__enter__.return_value.fetchall.return_value = rows
    return conn


def test_rate_and_threshold():
    assert CheckResult("unknown_place", 3, 10, 0.5).rate == 0.3
    assert not CheckResult("unknown_place", 5, 10, 0.5).failed
    assert CheckResult("unknown_place", 6, 10, 0.5).failed
    assert CheckResult("headline_sum", 0, 0, 0.0).rate == 0.0


def test_per_source_checks_use_the_threshold_of_their_prefix():
    results = quality.run_checks(fake_conn([("fetch_errors:centcom", 3, 4, )]), {"fetch_errors": 0.5})
    assert results == [CheckResult("fetch_errors:centcom", 3, 4, 0.5)]


def test_failing_checks_raise_with_each_reason():
    rows = [("headline_sum", 1, 10), ("date_outside_document", 3, 20), ("fetch_errors:centcom", 9, 10)]
    with pytest.raises(DataQualityError) as err:
        quality.check_quality(fake_conn(rows))
    message = str(err.value)
    assert "date_outside_document: 3 of 20 (15.0%) exceeds threshold 5.0%" in message
    assert "fetch_errors:centcom: 9 of 10 (90.0%) exceeds threshold 50.0%" in message
    assert "headline_sum" not in message
    assert [f.name for f in err.value.failures] == ["date_outside_document", "fetch_errors:centcom"]


def test_passing_checks_return_results():
    assert [r.name for r in quality.check_quality(fake_conn([("headline_sum", 1, 10)]))] == ["headline_sum"]

"""htmldate's last-resort parser: English dates without dateparser."""

import datetime as dt
import subprocess
import sys

import pytest

from pressroom.htmldate_fallback import EnglishDateParser


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("November 20 15:23 2019", dt.datetime(2019, 11, 20)),
        ("Posted 3rd of March, 2021", dt.datetime(2021, 3, 3)),
        ("Sept. 4, 2017", dt.datetime(2017, 9, 4)),
        ("31 February 2020", None),
        ("updated 2020", None),
    ],
)
def test_english_dates(text, expected):
    assert EnglishDateParser().get_date_data(text)["date_obj"] == expected


def test_extraction_does_not_load_dateparser():
    code = (
        "import sys; from pressroom.extract import extract_html;"
        "extract_html(b'<html><body><p>Posted on Nov 20 15:23 2019</p><article><p>' + b'Coalition forces struck. ' * 9"
        " + b'</p></article></body></html>');"
        "print('dateparser' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"

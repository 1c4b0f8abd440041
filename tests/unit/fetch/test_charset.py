import codecs

import pytest

from pressroom.fetch.charset import detect

ARABIC = "قال التحالف الدولي إن طائراته نفذت ثلاث ضربات جوية قرب دير الزور في سوريا يوم الثلاثاء الماضي."
SORANI = "هاوپەیمانی نێودەوڵەتی ڕایگەیاند کە فڕۆکەکانی سێ هێرشی ئاسمانییان لە نزیک کەرکووک ئەنجامداوە."


def page(text: str, meta: str = "") -> str:
    return f"<html><head>{meta}<title>x</title></head><body><p>{text}</p><p>{text}</p></body></html>"


@pytest.mark.parametrize(
    ("body", "content_type", "expected"),
    [
        (page(ARABIC).encode(), "text/html; charset=iso-8859-1", "utf-8"),  # UTF-8 mislabelled as Latin-1
        (page(SORANI).encode(), "text/html", "utf-8"),  # Kurdish (Sorani), no charset anywhere
        (page(ARABIC, '<meta charset="windows-1256">').encode("cp1256"), "text/html", "cp1256"),
        (page(ARABIC).encode("cp1256"), "text/html; charset=iso-8859-1", "cp1256"),  # wrong label, no meta
        (page("Coalition forces – “strikes”").encode("cp1252"), "text/html; charset=utf-8", "cp1252"),
        (codecs.BOM_UTF16_LE + page(ARABIC).encode("utf-16-le"), "text/html", "utf-16"),
        (b"<html>plain ascii</html>", "text/html; charset=us-ascii", "utf-8"),
    ],
)
def test_detect(body, content_type, expected):
    encoding = detect(body, content_type)

    assert codecs.lookup(encoding).name == codecs.lookup(expected).name
    assert "\ufffd" not in body.decode(encoding, errors="replace")


def test_detected_arabic_reads_back():
    body = page(ARABIC).encode("cp1256")

    assert ARABIC in body.decode(detect(body, "text/html; charset=ISO-8859-1"))

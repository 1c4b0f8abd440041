"""The HTML report, written from the sample warehouse, renders in a real headless Chromium: the screenshot
shows the bar charts and the place map (pixels of their colours are counted)."""

import struct
import subprocess
import zlib
from contextlib import closing
from pathlib import Path

import pytest

from pressroom import db
from pressroom.warehouse.report import write_report
from support.sample_warehouse import sample_warehouse

CHROMIUM = Path("/usr/bin/chromium")
WINDOW = (1280, 2000)
BAR_BLUE = bytes((0x1F, 0x77, 0xB4))  # charts.PALETTE[0]
MAP_BACKGROUND = bytes((0xF4, 0xF1, 0xEA))  # point_map's land colour


@pytest.fixture(scope="module")
def sample_dsn(pg_server, tmp_path_factory):
    with sample_warehouse(pg_server, tmp_path_factory.mktemp("sample")) as dsn:
        yield dsn


def screenshot(html: Path, png: Path, profile: Path) -> None:
    if not CHROMIUM.is_file():
        pytest.fail(f"{CHROMIUM} is missing: install it with `apt-get install -y chromium` (Debian package); "
                    "this test needs a real browser and is never skipped")
    proc = subprocess.run(
        [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={profile}", f"--screenshot={png}", f"--window-size={WINDOW[0]},{WINDOW[1]}",
         html.as_uri()],
        capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 0 and png.is_file(), proc.stderr[-2000:]


def decode_png(data: bytes) -> tuple[int, int, list[bytes]]:
    """(width, height, rows of RGB/RGBA bytes) of an 8-bit truecolour PNG such as Chromium writes."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat = 8, b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", chunk[:10])
            assert depth == 8 and colour in (2, 6), (depth, colour)
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    bpp = 3 if colour == 2 else 4
    raw, stride = zlib.decompress(idat), width * bpp
    prev, rows = bytearray(stride), []
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        if kind == 2:
            line = bytearray((x + y) & 255 for x, y in zip(line, prev, strict=True))
        elif kind in (1, 3, 4):
            unfilter(kind, line, prev, bpp)
        rows.append(bytes(line) if bpp == 3 else bytes(v for i, v in enumerate(line) if i % 4 != 3))
        prev = line
    return width, height, rows


def unfilter(kind: int, line: bytearray, prev: bytearray, bpp: int) -> None:
    """Undo PNG filter Sub (1), Average (3) or Paeth (4) in place."""
    for i in range(len(line)):
        a = line[i - bpp] if i >= bpp else 0
        if kind == 1:
            line[i] = (line[i] + a) & 255
        elif kind == 3:
            line[i] = (line[i] + ((a + prev[i]) >> 1)) & 255
        else:
            b, c = prev[i], (prev[i - bpp] if i >= bpp else 0)
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255


def test_report_renders_charts_and_map_in_chromium(sample_dsn, tmp_path):
    with closing(db.connect(sample_dsn)) as conn:
        html = write_report(conn, tmp_path / "report" / "index.html")
    png = tmp_path / "report.png"
    screenshot(html, png, tmp_path / "chromium-profile")

    width, height, rows = decode_png(png.read_bytes())
    assert (width, height) == WINDOW
    blue = sum(row.count(BAR_BLUE) for row in rows)
    land = sum(row.count(MAP_BACKGROUND) for row in rows)
    assert blue > 3000, f"bar charts not visible ({blue} bar-coloured pixels)"
    assert land > 100_000, f"place map not visible ({land} map-coloured pixels)"

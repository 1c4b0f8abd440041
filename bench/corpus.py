"""The benchmark corpus: real HTML pages (the Zyte article-extraction set in ../shared, read at run time,
plus the bundled OIR releases), and a local HTTP server that serves any number of distinct pages built
from them."""

from __future__ import annotations

import gzip
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ZYTE_HTML = REPO.parent / "shared" / "bench" / "zyte" / "html"
BUNDLE = REPO / "samples" / "oir-releases"
HTML = "text/html; charset=utf-8"


def real_pages() -> list[tuple[str, bytes]]:
    """(name, body) of every corpus page; a clear error when the Zyte set is not next to the project."""
    if not ZYTE_HTML.is_dir():
        raise SystemExit(f"benchmark corpus not found: {ZYTE_HTML} (the shared Zyte pages)")
    pages = [(p.name.split(".")[0][:16], gzip.decompress(p.read_bytes())) for p in sorted(ZYTE_HTML.glob("*.gz"))]
    return pages + bundle_pages()


def bundle_pages() -> list[tuple[str, bytes]]:
    """(name, body) of the bundled OIR press releases: the strike-report-rich pages the project targets."""
    return [(p.stem, p.read_bytes()) for p in sorted(BUNDLE.glob("*.html"))]


def varied_pages(count: int, base: list[tuple[str, bytes]] | None = None) -> dict[str, bytes]:
    """`count` distinct pages {path: body}: the `base` pages (default: all real pages) in turn, each copy
    under its own URL and with a marker comment, so that every copy is a new snapshot (its own sha256)."""
    base = base or real_pages()
    pages = {}
    for n in range(count):
        name, body = base[n % len(base)]
        pages[f"/articles/{n // len(base)}/{name}-{n}.html"] = body + f"\n<!-- pressroom bench page {n} -->\n".encode()
    return pages


@contextmanager
def serve(pages: dict[str, bytes]) -> Iterator[str]:
    """Serve `pages` on 127.0.0.1 (unknown paths: 404); yields the base URL."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self):  # noqa: N802 (http.server API)
            body = pages.get(self.path)
            self.send_response(200 if body is not None else 404)
            body = body if body is not None else b"<h1>Not found</h1>"
            self.send_header("Content-Type", HTML)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()

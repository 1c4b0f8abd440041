"""A local HTTP server with scripted routes, and a fetcher configured for it (fast, loopback allowed).

Shared by tests/unit/fetch (through conftest.py) and tests/unit/test_discover.py (imported by path).
"""

from __future__ import annotations

import socket
import struct
import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from pressroom.fetch import Fetcher
from pressroom.settings import Settings

Route = Callable[["Handler", int], None]  # (handler, nth request to this path starting at 1)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def do_GET(self) -> None:  # noqa: N802 (http.server API)
        path = self.path
        self.server.state.hits[path] += 1
        self.server.state.request_headers.append((path, dict(self.headers)))
        route = self.server.state.routes.get(path)
        if route is None:
            self.respond(404, b"<html>not found</html>")
        else:
            route(self, self.server.state.hits[path])

    def respond(
        self,
        status: int,
        body: bytes = b"",
        content_type: str = "text/html; charset=utf-8",
        headers: dict[str, str] | None = None,
    ) -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def reset(self) -> None:
        """Close the connection with RST (SO_LINGER 0) without answering."""
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.close_connection = True
        self.connection.close()

    def log_message(self, *args) -> None:
        pass


@dataclass
class ServerState:
    routes: dict[str, Route] = field(default_factory=dict)
    hits: Counter = field(default_factory=Counter)
    request_headers: list[tuple[str, dict[str, str]]] = field(default_factory=list)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    state: ServerState

    def handle_error(self, request, client_address) -> None:
        pass  # resets and aborted reads are what the tests provoke


@dataclass
class LocalServer:
    base: str
    state: ServerState

    def route(self, path: str, handler: Route) -> str:
        self.state.routes[path] = handler
        return self.base + path

    def page(self, path: str, body: bytes, content_type: str = "text/html; charset=utf-8", **headers) -> str:
        return self.route(path, lambda h, n: h.respond(200, body, content_type, headers))

    def hits(self, path: str) -> int:
        return self.state.hits[path]


@pytest.fixture
def server():
    httpd = _Server(("127.0.0.1", 0), Handler)
    httpd.state = ServerState()
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    yield LocalServer(f"http://127.0.0.1:{httpd.server_address[1]}", httpd.state)
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def settings() -> Settings:
    return Settings(
        allow_private_hosts=("127.0.0.1",),
        connect_timeout=1,
        read_timeout=0.5,
        total_timeout=3,
        max_body_bytes=200_000,
        max_retries=2,
        backoff_base=0.01,
        backoff_max=0.05,
        retry_after_max=10,
        max_retry_wait=30,
        default_delay=0,
    )


@pytest.fixture
def sleeps() -> list[float]:
    """Waits the fetcher asked for (not actually slept)."""
    return []


@pytest.fixture
def fetcher(settings, sleeps) -> Fetcher:
    return Fetcher(settings, sleep=sleeps.append)

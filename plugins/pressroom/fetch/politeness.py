"""Per-host politeness: minimum delay between request starts and a cap on concurrent requests.

`HostLimiter` is the interface the fetcher uses; `LocalHostLimiter` works within one process. A limiter
shared across Celery workers (e.g. Postgres advisory locks or Redis) can replace it without touching the
fetcher.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Protocol


class HostLimiter(Protocol):
    def slot(self, host: str, delay: float, concurrency: int) -> AbstractContextManager[None]: ...


class LocalHostLimiter:
    """In-process limiter: one semaphore and one 'next start' time per host."""

    def __init__(
        self, sleep: Callable[[float], None] = time.sleep, clock: Callable[[], float] = time.monotonic
    ):
        self._sleep = sleep
        self._clock = clock
        self._lock = threading.Lock()
        self._semaphores: dict[str, threading.BoundedSemaphore] = {}
        self._next_start: dict[str, float] = {}

    @contextmanager
    def slot(self, host: str, delay: float, concurrency: int) -> Iterator[None]:
        """Block until `host` may be contacted again, then hold one of its `concurrency` slots."""
        with self._lock:
            semaphore = self._semaphores.setdefault(host, threading.BoundedSemaphore(max(1, concurrency)))
        with semaphore:
            with self._lock:
                now = self._clock()
                start = max(now, self._next_start.get(host, now))
                self._next_start[host] = start + delay
            if start > now:
                self._sleep(start - now)
            yield

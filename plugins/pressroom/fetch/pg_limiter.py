"""`PostgresHostLimiter`: the per-host delay and concurrency cap held across processes and machines.

Every Celery worker (or LocalExecutor process) fetching from one host shares two things in the warehouse
(statements in `pressroom.store.state`):
- a start schedule, `raw.host_schedule`: each request atomically reserves the next start time (on the
  database clock, so worker clocks may drift) and sleeps until then;
- `concurrency` session advisory locks per host (`pg_try_advisory_lock(hashtext(host), slot)`), held for the
  request: a worker that dies releases its slot with its connection.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from pressroom.store import state

POLL_SECONDS = 0.05


class PostgresHostLimiter:
    """A `HostLimiter` backed by the warehouse; one autocommit connection per instance (thread-safe)."""

    def __init__(self, dsn: str, *, sleep: Callable[[float], None] = time.sleep, poll: float = POLL_SECONDS):
        from pressroom import db

        self._conn = db.connect(dsn)
        self._conn.autocommit = True
        self._sleep = sleep
        self._poll = poll
        self._lock = threading.RLock()  # guards the shared connection and `_held`
        self._held: set[tuple[str, int]] = set()  # advisory locks are re-entrant within one session

    @contextmanager
    def slot(self, host: str, delay: float, concurrency: int) -> Iterator[None]:
        """Block until one of `host`'s `concurrency` slots is free and its next start time has come."""
        key = self._acquire(host, max(1, concurrency))
        try:
            with self._lock:
                wait = state.reserve_host_start(self._conn, host, delay)
            if wait > 0:
                self._sleep(wait)
            yield
        finally:
            self._release(key)

    def close(self) -> None:
        self._conn.close()

    def _acquire(self, host: str, concurrency: int) -> tuple[str, int]:
        while True:
            for slot in range(concurrency):
                with self._lock:
                    if (host, slot) in self._held:
                        continue
                    if state.try_lock_host_slot(self._conn, host, slot):
                        self._held.add((host, slot))
                        return host, slot
            self._sleep(self._poll)

    def _release(self, key: tuple[str, int]) -> None:
        with self._lock:
            state.unlock_host_slot(self._conn, *key)
            self._held.discard(key)

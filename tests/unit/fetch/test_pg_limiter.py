"""PostgresHostLimiter: two limiters (two workers' connections) share one host's delay and slots."""

import threading

import pytest

from pressroom.fetch.pg_limiter import PostgresHostLimiter


@pytest.fixture
def limiters(warehouse):
    made: list[PostgresHostLimiter] = []

    def make(**kwargs) -> PostgresHostLimiter:
        made.append(PostgresHostLimiter(warehouse, **kwargs))
        return made[-1]

    yield make
    for limiter in made:
        limiter.close()


def test_delay_is_shared_across_workers(limiters):
    slept: list[float] = []
    first, second = limiters(sleep=slept.append), limiters(sleep=slept.append)

    with first.slot("a.example", delay=30, concurrency=1):
        pass
    with second.slot("b.example", delay=30, concurrency=1):
        pass
    assert slept == [], "first request to each host starts at once"

    with second.slot("a.example", delay=30, concurrency=1):
        pass
    assert len(slept) == 1 and 29 < slept[0] <= 30, "the other worker waits for a.example's delay"


def test_concurrency_cap_holds_across_workers(limiters):
    first, second = limiters(), limiters(poll=0.01)
    entered = threading.Event()

    def wait_for_slot():
        with second.slot("a.example", delay=0, concurrency=1):
            entered.set()

    with first.slot("a.example", delay=0, concurrency=1):
        waiter = threading.Thread(target=wait_for_slot)
        waiter.start()
        assert not entered.wait(0.3), "the second worker must wait while the only slot is held"
        with second.slot("a.example", delay=0, concurrency=2):
            pass  # a second slot is free when the host allows two
    waiter.join(5)
    assert entered.is_set(), "the slot is handed over once released"


def test_slots_are_not_reentrant_within_one_worker(limiters):
    limiter = limiters(poll=0.01)
    inside, peak, lock = 0, 0, threading.Lock()

    def request():
        nonlocal inside, peak
        with limiter.slot("a.example", delay=0, concurrency=2):
            with lock:
                inside += 1
                peak = max(peak, inside)
            threading.Event().wait(0.05)
            with lock:
                inside -= 1

    threads = [threading.Thread(target=request) for _ in range(5)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert peak == 2


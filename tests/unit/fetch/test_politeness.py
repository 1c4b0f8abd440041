import threading
import time

from pressroom.fetch.politeness import LocalHostLimiter


class FakeClock:
    def __init__(self):
        self.now = 100.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def test_delay_spaces_request_starts_per_host():
    clock = FakeClock()
    limiter = LocalHostLimiter(sleep=clock.sleep, clock=clock)

    for host in ("a.example", "b.example", "a.example", "a.example"):
        with limiter.slot(host, delay=2.0, concurrency=1):
            clock.now += 0.5  # the request itself

    # a@100.0, b@100.5 (other host: no wait), a waits until 102.0, a again until 104.0
    assert clock.slept == [1.0, 1.5]


def test_concurrency_cap_per_host():
    limiter = LocalHostLimiter()
    active, peak, lock = 0, 0, threading.Lock()

    def request():
        nonlocal active, peak
        with limiter.slot("a.example", delay=0, concurrency=2):
            with lock:
                active += 1
                peak = max(peak, active)
            time.sleep(0.05)
            with lock:
                active -= 1

    threads = [threading.Thread(target=request) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    assert peak == 2

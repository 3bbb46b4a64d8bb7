"""The site with its Redis cache down, hung, and back again (core/redis_cache.py). No mocks: a real closed
port, a real server that accepts connections and never answers, and a real Redis behind a proxy that is
stopped and started again.

The pages are the issue's: the home page (which draws the chart from the cache), a state page, a county
page, a ZIP search and the anonymous API (whose throttle counts in the cache), all with the page cache on.
"""

from __future__ import annotations

import contextlib
import logging
import os
import socket
import threading
import time
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client, override_settings

from tests.agreements.factories import make_agreement, make_listing, make_snapshot
from tests.jurisdictions import factories

pytestmark = pytest.mark.django_db
PAGES = ["/", "/states/nv/", "/states/nv/clark-county/", "/search/?q=89101", "/api/v1/agreements/"]
BUDGET_SECONDS = 3.0
REDIS_TEST_URL = os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379/12")


def redis_answers(url: str) -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(url, socket_connect_timeout=0.5, socket_timeout=0.5).ping())
    except redis.RedisError:
        return False


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def close_listener(sock: socket.socket) -> None:
    # shutdown() first: close() alone does not wake a thread blocked in accept(), and the port stays open.
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
    sock.close()


def redis_cache(url: str, retry_seconds: float = 5) -> Any:
    return override_settings(
        CACHES={
            "default": {
                "BACKEND": "core.redis_cache.FailOpenRedisCache",
                "LOCATION": url,
                "OPTIONS": {"timeout": 0.25, "retry_seconds": retry_seconds},
            }
        },
        PAGE_CACHE_ENABLED=True,
    )


class SilentServer:
    """Accepts TCP connections and reads whatever comes, never answering (a hung Redis)."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.port = int(self.sock.getsockname()[1])
        self.held: list[socket.socket] = []
        self.accepted = 0
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.accepted += 1
            self.held.append(conn)  # kept open, never written to

    def close(self) -> None:
        close_listener(self.sock)
        for conn in self.held:
            conn.close()


class Proxy:
    """A TCP forwarder to a real Redis that can be stopped (its port closed) and started again."""

    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        self.port = free_port()
        self.sock: socket.socket | None = None
        self.conns: list[socket.socket] = []

    def start(self) -> None:
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", self.port))
        self.sock.listen(64)
        threading.Thread(target=self._serve, args=(self.sock,), daemon=True).start()

    def stop(self) -> None:
        if self.sock is not None:
            close_listener(self.sock)
            self.sock = None
        for conn in self.conns:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)
            conn.close()
        self.conns.clear()

    def _serve(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(self.target)
            self.conns += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(src: socket.socket, dst: socket.socket) -> None:
        try:
            while data := src.recv(65536):
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for s in (src, dst):
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)


@pytest.fixture
def site_data() -> None:
    sheriff = factories.agency("Clark County Sheriff", county_fips="32003")
    agreement = make_agreement(sheriff, signed=date(2025, 2, 1))
    make_listing(make_snapshot(date(2025, 5, 16)), agreement)


@pytest.fixture
def silent_server() -> Iterator[SilentServer]:
    server = SilentServer()
    yield server
    server.close()


def timed_get(client: Client, path: str) -> tuple[int, float]:
    started = time.monotonic()
    # A ZIP search redirects to its county page: the time counted is the visitor's, both requests.
    response = client.get(path, headers={"Accept-Encoding": "identity"}, follow=True)
    return response.status_code, time.monotonic() - started


def test_pages_answer_with_redis_on_a_closed_port(site_data: None, caplog: pytest.LogCaptureFixture) -> None:
    with redis_cache(f"redis://127.0.0.1:{free_port()}/7"), caplog.at_level(logging.WARNING):
        client = Client()
        timings = {path: timed_get(client, path) for path in PAGES}
    print(
        "closed port:", {path: f"{status} in {seconds:.3f}s" for path, (status, seconds) in timings.items()}
    )
    assert {path: status for path, (status, _) in timings.items()} == dict.fromkeys(PAGES, 200)
    assert all(seconds < BUDGET_SECONDS for _, seconds in timings.values()), timings
    warnings = [r for r in caplog.records if r.name == "core.redis_cache"]
    assert len(warnings) == 1  # one line per outage, not one per request
    assert "Redis cache unreachable" in warnings[0].getMessage()


def test_pages_answer_with_a_redis_that_never_answers(
    site_data: None, silent_server: SilentServer, caplog: pytest.LogCaptureFixture
) -> None:
    with redis_cache(f"redis://127.0.0.1:{silent_server.port}/7"), caplog.at_level(logging.WARNING):
        client = Client()
        timings = {path: timed_get(client, path) for path in PAGES}
        again = {path: timed_get(client, path) for path in PAGES}
    print(
        "hung server:", {path: f"{status} in {seconds:.3f}s" for path, (status, seconds) in timings.items()}
    )
    assert silent_server.accepted >= 1  # the server was really reached, and hung
    assert {path: status for path, (status, _) in timings.items()} == dict.fromkeys(PAGES, 200)
    assert all(seconds < BUDGET_SECONDS for _, seconds in timings.values()), timings
    # The breaker is open: no request waits on the hung server again for a while.
    assert sum(seconds for _, seconds in again.values()) < sum(seconds for _, seconds in timings.values()) + 1


def test_the_breaker_skips_redis_after_one_timeout(silent_server: SilentServer) -> None:
    with redis_cache(f"redis://127.0.0.1:{silent_server.port}/7"):
        started = time.monotonic()
        assert cache.get("first") is None  # waits for the 0.25 s timeout once
        first = time.monotonic() - started
        started = time.monotonic()
        for n in range(50):
            assert cache.get(f"k{n}", "default") == "default"
            cache.set(f"k{n}", n)
            assert cache.add(f"k{n}", n) is False
        rest = time.monotonic() - started
    assert 0.2 <= first < 1.0
    assert rest < 0.2


def test_incr_says_missing_and_throttles_let_requests_through(silent_server: SilentServer) -> None:
    with redis_cache(f"redis://127.0.0.1:{silent_server.port}/7"):
        with pytest.raises(ValueError):
            cache.incr("counter")
        client = Client()
        statuses = {client.get("/api/v1/states/", {"page_size": 1}).status_code for _ in range(5)}
    assert statuses == {200}


@pytest.mark.skipif(
    not redis_answers(REDIS_TEST_URL),
    reason=f"no Redis at {REDIS_TEST_URL} (set REDIS_TEST_URL): recovery untested",
)
def test_the_cache_comes_back_by_itself_when_redis_returns(caplog: pytest.LogCaptureFixture) -> None:
    from urllib.parse import urlsplit

    target = urlsplit(REDIS_TEST_URL)
    proxy = Proxy((target.hostname or "127.0.0.1", target.port or 6379))
    proxy.start()
    try:
        with redis_cache(f"redis://127.0.0.1:{proxy.port}{target.path or '/12'}", retry_seconds=0.5):
            cache.set("h17:recovery", "before", 30)
            assert cache.get("h17:recovery") == "before"
            proxy.stop()
            with caplog.at_level(logging.INFO, logger="core.redis_cache"):
                assert cache.get("h17:recovery") is None  # down: a miss, not an error
                proxy.start()
                assert cache.get("h17:recovery") is None  # within retry_seconds Redis is left alone
                time.sleep(0.6)
                assert cache.get("h17:recovery") == "before"  # tried again, and back
            messages = [r.getMessage() for r in caplog.records if r.name == "core.redis_cache"]
            assert any("unreachable" in m for m in messages)
            assert any("reachable again" in m for m in messages)
            cache.delete("h17:recovery")
    finally:
        proxy.stop()

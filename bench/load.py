"""Load over loopback: gunicorn as in production, driven from a second process, bounded in count and time.

`serve()` starts `gunicorn config.wsgi:application` on a free 127.0.0.1 port with the benchmark's
environment; `drive()` runs the client (`python -m bench.load URL CONCURRENCY SECONDS MAX_REQUESTS`) in
its own process: threads with `http.client`, one connection per request (gunicorn's sync workers close
after each response), reporting requests/s and latency percentiles. The ceiling is the same server
returning a static file (whitenoise) of the same size as the agency page: the ratio says how much of
the server's capacity the Django view leaves. A `{n}` in the URL becomes a request counter, so that
`?miss={n}` makes every request a page-cache miss.
"""

from __future__ import annotations

import http.client
import json
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serve(env: dict[str, str], workers: int, timeout: float = 60) -> Iterator[str]:
    """A gunicorn serving the site; yields its base URL and stops it (SIGTERM, then SIGKILL) afterwards."""
    port = free_port()
    gunicorn = Path(sys.executable).with_name("gunicorn")
    proc = subprocess.Popen(
        [str(gunicorn), "config.wsgi:application", "--bind", f"127.0.0.1:{port}", "--workers", str(workers)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"gunicorn exited: {(proc.stderr.read() if proc.stderr else '')[-500:]}")
            try:
                _get(base + "/robots.txt", 2)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError("gunicorn did not answer within a minute") from None
                time.sleep(0.3)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _get(url: str, timeout: float) -> tuple[int, int]:
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=timeout)
    try:
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        conn.request("GET", path, headers={"Connection": "close", "Accept-Encoding": "identity"})
        response = conn.getresponse()
        body = response.read()
        return response.status, len(body)
    finally:
        conn.close()


def drive(url: str, concurrency: int, seconds: float, max_requests: int) -> dict[str, Any]:
    """Run the client in a second process; returns its report."""
    proc = subprocess.run(
        [sys.executable, "-m", "bench.load", url, str(concurrency), str(seconds), str(max_requests)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=seconds + 60,
    )
    if proc.returncode != 0:
        return {"error": proc.stderr.strip()[-300:]}
    return dict(json.loads(proc.stdout.strip().splitlines()[-1]))


def _client(url: str | list[str], concurrency: int, seconds: float, max_requests: int) -> dict[str, Any]:
    """Threads sending GETs until the time or request limit; several URLs are taken in turn."""
    urls = [url] if isinstance(url, str) else url
    latencies: list[float] = []
    errors: list[str] = []
    statuses: dict[int, int] = {}
    lock = threading.Lock()
    issued = 0
    stop_at = time.monotonic() + seconds

    def worker() -> None:
        nonlocal issued
        while time.monotonic() < stop_at:
            with lock:
                if issued >= max_requests:
                    return
                issued += 1
                number = issued
            start = time.perf_counter()
            try:
                status, _size = _get(urls[number % len(urls)].replace("{n}", str(number)), 30)
            except OSError as exc:
                with lock:
                    errors.append(type(exc).__name__)
                continue
            elapsed = time.perf_counter() - start
            with lock:
                latencies.append(elapsed)
                statuses[status] = statuses.get(status, 0) + 1

    began = time.perf_counter()
    threads = [threading.Thread(target=worker, daemon=True) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(seconds + 35)
    wall = time.perf_counter() - began
    ordered = sorted(latencies)
    p95 = ordered[max(0, round(0.95 * len(ordered) + 0.5) - 1)] if ordered else None
    return {
        "requests": len(latencies),
        "errors": len(errors),
        "statuses": {str(k): v for k, v in statuses.items()},
        "seconds": round(wall, 2),
        "rps": round(len(latencies) / wall, 1) if wall else 0.0,
        "median_ms": round(statistics.median(ordered) * 1000, 2) if ordered else None,
        "p95_ms": round(p95 * 1000, 2) if p95 is not None else None,
    }


if __name__ == "__main__":
    target, conc, secs, cap = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
    print(json.dumps(_client(target, conc, secs, cap)))

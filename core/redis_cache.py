"""A Redis cache that fails open: when Redis is down or hung, the site runs on without it.

Everything the cache holds here is an optimisation or a soft limit (whole pages, the chart's points, the
API and subscription throttles), so an unreachable Redis must not become a 500. Each operation gets short
connect and read timeouts (`REDIS_TIMEOUT`, 0.25 s by default) and no retries; a failure logs one warning
and opens a breaker for `REDIS_RETRY_SECONDS` (5 s) during which this process does not touch Redis at all
(reads miss, writes are dropped, `add` answers False, `incr` raises ValueError as for a missing key). The
first operation after that window tries Redis again, so the cache comes back by itself, with one INFO line.

Warning: while the breaker is open, throttles counted in the cache (DRF's API rates, alerts' subscribe
limits) do not count. The login lockout does not live here (django-axes keeps it in PostgreSQL).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.backoff import NoBackoff
from redis.exceptions import RedisError
from redis.retry import Retry

log = logging.getLogger(__name__)
T = TypeVar("T")
DEFAULT_TIMEOUT = 0.25
DEFAULT_RETRY_SECONDS = 5.0


class _Breaker:
    """Per-process: open means "Redis failed less than `retry_seconds` ago; don't wait on it again"."""

    def __init__(self, retry_seconds: float) -> None:
        self.retry_seconds = retry_seconds
        self.opened_at: float | None = None
        self.lock = threading.Lock()

    def is_open(self) -> bool:
        opened_at = self.opened_at
        return opened_at is not None and time.monotonic() - opened_at < self.retry_seconds

    def trip(self, error: Exception) -> None:
        with self.lock:
            first = self.opened_at is None
            self.opened_at = time.monotonic()
        if first:
            log.warning(
                "Redis cache unreachable (%s: %s); serving without it, retrying every %g s",
                type(error).__name__,
                error,
                self.retry_seconds,
            )

    def close(self) -> None:
        if self.opened_at is not None:
            with self.lock:
                was_open, self.opened_at = self.opened_at is not None, None
            if was_open:
                log.info("Redis cache reachable again")


class FailOpenRedisCacheClient(RedisCacheClient):
    def __init__(
        self,
        servers: list[str],
        *,
        timeout: float = DEFAULT_TIMEOUT,
        retry_seconds: float = DEFAULT_RETRY_SECONDS,
        **options: Any,
    ) -> None:
        options.setdefault("socket_connect_timeout", timeout)
        options.setdefault("socket_timeout", timeout)
        # redis-py would otherwise retry a failed command, multiplying the wait.
        options.setdefault("retry", Retry(NoBackoff(), 0))
        super().__init__(servers, **options)
        self.breaker = _Breaker(retry_seconds)

    def _guarded(self, call: Callable[[], T], fallback: Callable[[], T]) -> T:
        if self.breaker.is_open():
            return fallback()
        try:
            result = call()
        except (RedisError, OSError) as error:
            self.breaker.trip(error)
            return fallback()
        self.breaker.close()
        return result

    def get(self, key: Any, default: Any) -> Any:
        return self._guarded(lambda: super(FailOpenRedisCacheClient, self).get(key, default), lambda: default)

    def get_many(self, keys: Any) -> Any:
        return self._guarded(lambda: super(FailOpenRedisCacheClient, self).get_many(keys), dict)

    def has_key(self, key: Any) -> bool:
        return self._guarded(lambda: super(FailOpenRedisCacheClient, self).has_key(key), lambda: False)

    def set(self, key: Any, value: Any, timeout: Any) -> None:
        self._guarded(lambda: super(FailOpenRedisCacheClient, self).set(key, value, timeout), lambda: None)

    def set_many(self, data: Any, timeout: Any) -> None:
        self._guarded(lambda: super(FailOpenRedisCacheClient, self).set_many(data, timeout), lambda: None)

    def add(self, key: Any, value: Any, timeout: Any) -> bool:
        return self._guarded(
            lambda: super(FailOpenRedisCacheClient, self).add(key, value, timeout), lambda: False
        )

    def touch(self, key: Any, timeout: Any) -> bool:
        return self._guarded(lambda: super(FailOpenRedisCacheClient, self).touch(key, timeout), lambda: False)

    def delete(self, key: Any) -> bool:
        return self._guarded(lambda: super(FailOpenRedisCacheClient, self).delete(key), lambda: False)

    def delete_many(self, keys: Any) -> None:
        self._guarded(lambda: super(FailOpenRedisCacheClient, self).delete_many(keys), lambda: None)

    def clear(self) -> bool:
        return self._guarded(lambda: super(FailOpenRedisCacheClient, self).clear(), lambda: False)

    def incr(self, key: Any, delta: int) -> Any:
        def missing() -> Any:
            raise ValueError("Key not found (Redis unreachable)")

        return self._guarded(lambda: super(FailOpenRedisCacheClient, self).incr(key, delta), missing)


class FailOpenRedisCache(RedisCache):
    """`django.core.cache.backends.redis.RedisCache` with the fail-open client above. OPTIONS may set
    `timeout` (seconds, for connect and for each reply) and `retry_seconds` (how long to leave Redis alone
    after a failure)."""

    def __init__(self, server: str, params: dict[str, Any]) -> None:
        super().__init__(server, params)
        self._class = FailOpenRedisCacheClient

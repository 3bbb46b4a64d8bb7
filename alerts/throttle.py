"""Limits on subscription attempts, counted in the cache (Redis in production, so shared by all workers)."""

from __future__ import annotations

import hashlib

from django.core.cache import cache

WINDOW_SECONDS = 3600
PER_IP = 20
PER_EMAIL = 5


def _hit(key: str) -> int:
    # add() is atomic, so the first attempt in a window sets its expiry and later ones only count.
    if cache.add(key, 1, WINDOW_SECONDS):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.add(key, 1, WINDOW_SECONDS)
        return 1


def subscribe_attempt_allowed(*, ip: str, email: str) -> bool:
    """Counts this attempt against the address and the IP; False once either is over its hourly limit."""
    digest = hashlib.sha256(email.encode()).hexdigest()[:32]  # no address in cache keys
    by_ip = _hit(f"alerts:subscribe:ip:{ip}")
    by_email = _hit(f"alerts:subscribe:email:{digest}")
    return by_ip <= PER_IP and by_email <= PER_EMAIL

"""Slow down password guessing on the organizer login form.

Counts failed POSTs to `records_requests:login` per (client IP, username) in the default cache. After
`LOGIN_THROTTLE_ATTEMPTS` failures (5) within `LOGIN_THROTTLE_WINDOW` seconds (15 minutes, counted from
the first failure) further POSTs get a 429 with `Retry-After`, without calling the view (no password
check is run). A successful login clears the counter.

Warning: the count lives in the cache. With the local-memory cache (no REDIS_URL) each process keeps its
own count, so N gunicorn workers allow up to N × the limit. The IP is REMOTE_ADDR: behind a proxy that
is the proxy's address, which makes the limit per username only.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _

LOGIN_VIEW = "records_requests:login"
DEFAULT_ATTEMPTS = 5
DEFAULT_WINDOW = 15 * 60


def _limits() -> tuple[int, int]:
    attempts = getattr(settings, "LOGIN_THROTTLE_ATTEMPTS", DEFAULT_ATTEMPTS)
    window = getattr(settings, "LOGIN_THROTTLE_WINDOW", DEFAULT_WINDOW)
    return int(attempts), int(window)


def _is_login_post(request: HttpRequest) -> bool:
    if request.method != "POST":
        return False
    try:
        return resolve(request.path_info).view_name == LOGIN_VIEW
    except Resolver404:
        return False


def throttle_key(request: HttpRequest) -> str:
    """The cache key for this client and the username it tries (hashed: usernames are personal data)."""
    ip = request.META.get("REMOTE_ADDR", "")
    username = str(request.POST.get("username", "")).strip().casefold()
    digest = hashlib.sha256(f"{ip}\0{username}".encode()).hexdigest()[:32]
    return f"login-throttle:{digest}"


class LoginThrottleMiddleware:
    """Place after AuthenticationMiddleware (it reads `request.user` after the view)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not _is_login_post(request):
            return self.get_response(request)
        attempts, window = _limits()
        key = throttle_key(request)
        if cache.get(key, 0) >= attempts:
            return self.too_many(window)
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if response.status_code == 302 and getattr(user, "is_authenticated", False):
            cache.delete(key)
        else:
            cache.add(key, 0, timeout=window)
            try:
                cache.incr(key)
            except ValueError:  # expired between add and incr
                cache.set(key, 1, timeout=window)
        return response

    def too_many(self, window: int) -> HttpResponse:
        minutes = max(1, window // 60)
        message = _("Too many failed log-in attempts. Wait %(minutes)d minutes, or reset your password.") % {
            "minutes": minutes
        }
        response = HttpResponse(message, status=429, content_type="text/plain; charset=utf-8")
        response["Retry-After"] = str(window)
        return response

"""One lockout for every password check, and a limit on the emails anyone can make the site send.

Password checks: django-axes counts failed `authenticate()` calls in PostgreSQL — the organizer login form,
`/admin/login/`, `POST /api/v1/auth-token/` and the password-change form all go through it (settings:
`AXES_*`). After `LOGIN_FAILURE_LIMIT` (5) failures for one account, or from one client address, further
attempts are refused for `LOGIN_LOCKOUT_MINUTES` (15) without checking the password, and every attempt
during the lockout starts the wait again. A successful log-in clears that account's failures. The answer
is `lockout_response`: a 429 with `Retry-After`, a page in the visitor's language, or JSON under /api/.

Warning: locking by account means anyone can lock an organizer out for 15 minutes by guessing wrong;
password reset still works then. Behind a proxy, set `TRUSTED_PROXY_COUNT` or every visitor shares the
proxy's address (and one lockout).

Emails: sign-ups and password resets are counted per client address in the cache
(`ACCOUNT_EMAILS_PER_HOUR`); `email_sending_allowed` fails open when Redis is down (core/redis_cache.py).
"""

from __future__ import annotations

import hashlib
import math
from typing import Any

from axes.helpers import get_client_ip_address, get_cool_off
from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

LOCKOUT_TEMPLATE = "records_requests/accounts/lockout.html"
EMAIL_WINDOW_SECONDS = 3600


def attempted_username(request: HttpRequest, credentials: dict[str, Any] | None) -> str:
    """The username as counted: case and surrounding spaces do not make a fresh count."""
    source: Any = credentials or getattr(request, "data", None) or request.POST
    return str(source.get("username", "") or "").strip().casefold()


def retry_after_seconds(request: HttpRequest | None = None) -> int:
    cool_off = get_cool_off(request)
    return int(cool_off.total_seconds()) if cool_off else 3600


def lockout_message(seconds: int) -> str:
    return _("Too many failed log-in attempts. Wait %(minutes)d minutes, or reset your password.") % {
        "minutes": max(1, math.ceil(seconds / 60))
    }


def lockout_response(
    request: HttpRequest, original_response: HttpResponse | None = None, credentials: Any = None
) -> HttpResponse:
    """django-axes' AXES_LOCKOUT_CALLABLE: 429 + Retry-After; JSON under /api/, a page elsewhere."""
    seconds = retry_after_seconds(request)
    message = lockout_message(seconds)
    response: HttpResponse
    if request.path.startswith("/api/"):
        response = JsonResponse({"detail": message}, status=429)
    else:
        response = render(request, LOCKOUT_TEMPLATE, {"message": message}, status=429)
    response["Retry-After"] = str(seconds)
    return response


def email_sending_allowed(request: HttpRequest, action: str) -> bool:
    """Counts one sign-up or password-reset email against the client's address; False past the hourly
    limit. One or two cache calls; True when the cache is unreachable."""
    address = get_client_ip_address(request) or ""
    key = f"accounts:{action}:{hashlib.sha256(address.encode()).hexdigest()[:32]}"
    if cache.add(key, 1, EMAIL_WINDOW_SECONDS):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr(), or the cache is down
        return True
    return count <= settings.ACCOUNT_EMAILS_PER_HOUR


def too_many_emails(request: HttpRequest) -> HttpResponse:
    response = render(
        request,
        LOCKOUT_TEMPLATE,
        {"message": _("Too many attempts from your network. Try again in an hour.")},
        status=429,
    )
    response["Retry-After"] = str(EMAIL_WINDOW_SECONDS)
    return response

"""Whole-page cache for anonymous visitors, with ETags, invalidated by `core.data_version`.

A cached page is keyed by the data version, the language and the full path, so any change to public data
(an ICE import, an editor's correction, the overdue sweep) makes every older entry unreachable at once:
a stale page is never served. Browsers revalidate with If-None-Match and get a 304.

Not cached: anything but GET/HEAD, signed-in visitors (a session cookie), the admin, the API (its
throttling must see every request), streaming responses (CSV), and responses that set cookies or vary
on them (pages with a CSRF token).

With Redis down or hung the cache (core/redis_cache.py) misses and drops writes within its timeout, so
pages render from the database as if uncached; ETags still work, they need only the data version.
"""

import hashlib
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseBase, HttpResponseNotModified
from django.utils.cache import patch_cache_control

from core import data_version

SKIPPED_PREFIXES = ("/admin/", "/es/admin/", "/api/", "/static/", "/media/")
TIMEOUT_SECONDS = 60 * 60


class PageCacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if not self._cacheable_request(request):
            return self.get_response(request)
        version = data_version.current()
        language = getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)
        digest = hashlib.sha256(f"{language}|{request.get_full_path()}".encode()).hexdigest()[:32]
        etag = f'"{version}-{digest}"'
        if etag in request.headers.get("If-None-Match", ""):
            not_modified = HttpResponseNotModified()
            not_modified["ETag"] = etag
            return not_modified
        key = f"page:{version}:{digest}"
        response = cache.get(key)
        if response is None:
            response = self.get_response(request)
            if not self._storable(response):
                return response
            cache.set(key, response, TIMEOUT_SECONDS)
        response["ETag"] = etag
        patch_cache_control(response, no_cache=True, public=True)
        return response

    @staticmethod
    def _cacheable_request(request: HttpRequest) -> bool:
        return (
            getattr(settings, "PAGE_CACHE_ENABLED", True)
            and request.method in ("GET", "HEAD")
            and not request.path.startswith(SKIPPED_PREFIXES)
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and "messages" not in request.COOKIES
        )

    @staticmethod
    def _storable(response: HttpResponseBase) -> bool:
        return (
            isinstance(response, HttpResponse)
            and response.status_code == 200
            and not response.cookies
            and "Cookie" not in response.get("Vary", "")
            and "private" not in response.get("Cache-Control", "")
        )

"""Whole-page cache for anonymous visitors, with ETags, invalidated by `core.data_version`.

A cached page is keyed by the data version, the language and the full path, so any change to public data
(an ICE import, an editor's correction, a new records request) makes every older entry unreachable at
once. Each web process reads the version at most once a second (`PAGE_CACHE_VERSION_TTL_MS`), so a page
may be up to that old after a change; that query was a third of a hit's work. Browsers revalidate with
If-None-Match and get a 304.

It sits just inside SecurityMiddleware (settings.MIDDLEWARE), so a hit costs one cache read (and, once
a second per process, the data version's query) and none of the session, locale, CSRF, auth or CSP work:
those headers were set when the page was rendered and are stored with it (CSP and X-Frame-Options
are the same on every anonymous page: no nonces). The language comes from the path, as LocaleMiddleware decides it with
`i18n_patterns(prefix_default_language=False)`. An entry holds the body twice, as is and gzipped once
when stored (`Vary: Accept-Encoding`), so a hit never compresses; GZipMiddleware, further in, still
compresses what is not cached.

Not cached: anything but GET/HEAD, signed-in visitors (a session cookie), the admin, the API (its
throttling must see every request), streaming responses (CSV), responses that set cookies, and pages
with a CSRF token (see `_storable`).

With Redis down or hung the cache (core/redis_cache.py) misses and drops writes within its timeout, so
pages render from the database as if uncached; ETags still work, they need only the data version.
"""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Callable
from typing import NamedTuple

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseBase, HttpResponseNotModified
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.text import compress_string
from django.utils.translation import get_language_from_path

from core import data_version

SKIPPED_PREFIXES = ("/admin/", "/es/admin/", "/api/", "/static/", "/media/")
TIMEOUT_SECONDS = 60 * 60
GZIP_SUFFIX = "-gzip"
# Below this size gzip saves too little to be worth a second copy (GZipMiddleware's own threshold).
MIN_GZIP_BYTES = 200
_ACCEPTS_GZIP = re.compile(r"\bgzip\b")
# Set per request by the inner middleware or by this one; never replayed from an entry.
_NOT_STORED_HEADERS = frozenset({"content-length", "content-encoding", "etag", "vary"})


class CachedPage(NamedTuple):
    """What is stored: plain bytes, no HttpResponse to unpickle."""

    status: int
    headers: tuple[tuple[str, str], ...]
    vary: str
    body: bytes
    gzipped: bytes | None  # None: too small to be worth compressing


class PageCacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response
        self._version: tuple[float, int] | None = None  # (monotonic time read, data version)

    def data_version(self) -> int:
        """The data version, read from the database at most once per PAGE_CACHE_VERSION_TTL_MS."""
        ttl = getattr(settings, "PAGE_CACHE_VERSION_TTL_MS", 1000) / 1000
        now = time.monotonic()
        known = self._version
        if known is not None and now - known[0] < ttl:
            return known[1]
        version = data_version.current()
        self._version = (now, version)
        return version

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if not self._cacheable_request(request):
            return self.get_response(request)
        request.get_host()  # ALLOWED_HOSTS is still enforced (CommonMiddleware, further in, is skipped)
        version = self.data_version()
        language = get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
        digest = hashlib.sha256(f"{language}|{request.get_full_path()}".encode()).hexdigest()[:32]
        etag = f'"{version}-{digest}"'
        gzip_etag = f'"{version}-{digest}{GZIP_SUFFIX}"'
        accepts_gzip = bool(_ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", "")))
        if_none_match = request.headers.get("If-None-Match", "")
        for candidate in (etag, gzip_etag):
            if candidate in if_none_match:
                not_modified = HttpResponseNotModified()
                not_modified["ETag"] = candidate
                patch_vary_headers(not_modified, ["Accept-Encoding"])
                return not_modified
        key = f"page:{version}:{digest}"
        page: CachedPage | None = cache.get(key)
        if page is None:
            response = self._render_plain(request)
            if not self._storable(response):
                return response
            page = self._entry(response)  # type: ignore[arg-type]  # _storable: an HttpResponse
            cache.set(key, page, TIMEOUT_SECONDS)
        return self._response(page, etag, gzip_etag if accepts_gzip and page.gzipped is not None else None)

    def _render_plain(self, request: HttpRequest) -> HttpResponseBase:
        """The page uncompressed whatever the client accepts: the entry keeps both forms."""
        accept_encoding = request.META.pop("HTTP_ACCEPT_ENCODING", None)
        try:
            return self.get_response(request)
        finally:
            if accept_encoding is not None:
                request.META["HTTP_ACCEPT_ENCODING"] = accept_encoding

    @staticmethod
    def _entry(response: HttpResponse) -> CachedPage:
        body = response.content
        headers = tuple(
            (name, value) for name, value in response.items() if name.lower() not in _NOT_STORED_HEADERS
        )
        gzipped = compress_string(body) if len(body) >= MIN_GZIP_BYTES else None
        if gzipped is not None and len(gzipped) >= len(body):
            gzipped = None
        return CachedPage(response.status_code, headers, response.get("Vary", ""), body, gzipped)

    @staticmethod
    def _response(page: CachedPage, etag: str, gzip_etag: str | None) -> HttpResponse:
        """The same response for a hit and for the miss that stored it (but the encoding)."""
        response = HttpResponse(page.body if gzip_etag is None else page.gzipped, status=page.status)
        for name, value in page.headers:
            response[name] = value
        if page.vary:
            response["Vary"] = page.vary
        patch_vary_headers(response, ["Accept-Encoding"])
        if gzip_etag is None:
            response["ETag"] = etag
        else:
            response["ETag"] = gzip_etag
            response["Content-Encoding"] = "gzip"
        response["Content-Length"] = str(len(response.content))
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
        """A complete anonymous page. `Vary: Cookie` alone does not disqualify it: SessionMiddleware adds
        it whenever a page asks who the visitor is (a template tag checking `request.user`), and this
        request had no session cookie, as has every request the entry will answer, so the page is the
        anonymous one for all of them. A page that holds a CSRF token is never stored: Django sends the CSRF
        cookie with every response that used the token (even to a visitor who has it), and a response
        that sets a cookie is not stored."""
        return (
            isinstance(response, HttpResponse)
            and response.status_code == 200
            and not response.cookies
            and "private" not in response.get("Cache-Control", "")
            and not response.has_header("Content-Encoding")
        )

"""The site's language on a first visit, and the language switch kept.

- `?lang=es` / `?lang=en` (what the language switch adds) stores the choice in Django's language cookie
  and redirects to the page's address in that language, without the parameter.
- An English address (no `/es/` prefix) asked for by a browser whose cookie says Spanish, or, with no
  cookie, whose `Accept-Language` prefers Spanish, is redirected to its `/es/` address. A cookie saying
  English keeps English whatever the browser prefers.

It runs before the page cache (config/settings.py), so a cached English page is never served to whoever
should get the Spanish one; English pages vary on `Accept-Language` and `Cookie` for caches downstream.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_supported_language_variant
from django.utils.translation.trans_real import parse_accept_lang_header

SPANISH_PREFIX = "/es/"
# Addresses outside i18n_patterns, or never shown to a person as a page.
_SKIP = ("/api/", "/static/", "/media/", "/es/api/")
ONE_YEAR = 365 * 24 * 3600


def preferred_language(accept_language: str) -> str:
    """The first language of the header the site has ("es-MX,es;q=0.9,en;q=0.8" → "es"); "" if none."""
    for code, _quality in parse_accept_lang_header(accept_language):
        if code == "*":
            continue
        try:
            return get_supported_language_variant(code)
        except LookupError:
            continue
    return ""


def path_in(language: str, path: str) -> str:
    english = path[len(SPANISH_PREFIX) - 1 :] if path.startswith(SPANISH_PREFIX) else path
    return f"/es{english}" if language == "es" else english


class PreferredLanguageMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        path = request.path_info
        if request.method not in ("GET", "HEAD") or path.startswith(_SKIP):
            return self.get_response(request)
        chosen = request.GET.get("lang", "")
        if chosen in ("en", "es"):
            rest = request.GET.copy()
            del rest["lang"]
            query = f"?{urlencode(rest, doseq=True)}" if rest else ""
            response: HttpResponse = HttpResponseRedirect(path_in(chosen, path) + query)
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                chosen,
                max_age=ONE_YEAR,
                samesite="Lax",
                secure=request.is_secure(),
            )
            return response
        is_english = not path.startswith(SPANISH_PREFIX) and path != "/es"
        if is_english:
            cookie = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
            wanted = cookie or preferred_language(request.headers.get("Accept-Language", ""))
            if wanted == "es":
                query = request.META.get("QUERY_STRING", "")
                response = HttpResponseRedirect(path_in("es", path) + (f"?{query}" if query else ""))
                patch_vary_headers(response, ("Accept-Language", "Cookie"))
                return response
        response = self.get_response(request)
        if is_english:
            patch_vary_headers(response, ("Accept-Language", "Cookie"))
        return response

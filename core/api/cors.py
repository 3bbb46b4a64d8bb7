"""Read-only CORS for the API with django-cors-headers (its `CORS_*` settings are in config/settings.py):
any web page may GET the API's data under /api/, and nothing else.

django-cors-headers answers every method on a matching URL; this subclass turns it on only for reads and
for preflights that ask to read, so a write, or a preflight asking to write, gets no CORS header and the
browser refuses it. No credentials cross origins (`Access-Control-Allow-Origin: *` forbids them), so
cross-site reads are anonymous and throttled like any anonymous client.
"""

from corsheaders.middleware import CorsMiddleware
from django.http import HttpRequest

READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class ReadOnlyCorsMiddleware(CorsMiddleware):
    def is_enabled(self, request: HttpRequest) -> bool:
        method = request.method or ""
        if method == "OPTIONS" and "access-control-request-method" in request.headers:
            method = request.headers["access-control-request-method"].upper()
        return method in READ_METHODS and super().is_enabled(request)

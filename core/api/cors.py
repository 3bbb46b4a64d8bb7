"""Read-only CORS for the API: any web page may GET the API's data, and nothing else.

`Access-Control-Allow-Origin: *` goes on GET/HEAD/OPTIONS responses under /api/. A preflight (OPTIONS with
`Access-Control-Request-Method`) is answered here for GET/HEAD only. No credentials are allowed cross-origin
(the wildcard forbids them), so cross-site reads are anonymous and throttled like any anonymous client.
"""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

API_PREFIX = "/api/"
READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
PREFLIGHT_MAX_AGE = 86400


class ReadOnlyCORSMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(API_PREFIX) or request.method not in READ_METHODS:
            return self.get_response(request)
        asked = request.headers.get("Access-Control-Request-Method")
        if request.method == "OPTIONS" and asked is not None:
            response = HttpResponse(status=204 if asked.upper() in {"GET", "HEAD"} else 403)
            if response.status_code == 204:
                response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
                response["Access-Control-Allow-Headers"] = "Accept, Accept-Language, Content-Type"
                response["Access-Control-Max-Age"] = str(PREFLIGHT_MAX_AGE)
        else:
            response = self.get_response(request)
        response["Access-Control-Allow-Origin"] = "*"
        # Let scripts read the throttle's wait and a CSV download's file name.
        response["Access-Control-Expose-Headers"] = "Retry-After, Content-Disposition"
        return response

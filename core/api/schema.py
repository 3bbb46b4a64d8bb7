"""The OpenAPI schema class every API view uses: documents throttling, errors (401, 403) and download formats.

drf-spectacular describes the JSON bodies; this adds what it cannot see: the 429 answer with its
`Retry-After` header (anonymous clients are throttled, see `API_ANON_RATE`), the 400/404 error bodies,
and that `?format=csv` returns a CSV file rather than the JSON page.
"""

from typing import Any

from drf_spectacular.openapi import AutoSchema
from rest_framework.settings import api_settings

_ERROR_BODY: dict[str, Any] = {
    "application/json": {
        "schema": {
            "type": "object",
            "description": "`detail` for a general error, or one list of messages per invalid parameter.",
            "additionalProperties": True,
        }
    }
}

_THROTTLED = {
    "description": "Too many requests. Anonymous clients may make a limited number of requests per "
    "minute (120 by default); wait the number of seconds in `Retry-After`, or authenticate.",
    "headers": {
        "Retry-After": {
            "description": "Seconds to wait before retrying.",
            "schema": {"type": "integer", "minimum": 0},
        }
    },
}

_UNAUTHENTICATED = {
    "description": "Not authenticated: a write without credentials, or an `Authorization: Token …` that is "
    "wrong, expired or revoked. `WWW-Authenticate: Token` says how to authenticate.",
    "headers": {"WWW-Authenticate": {"schema": {"type": "string"}}},
}
_FORBIDDEN = {
    "description": "Authenticated, but not allowed: the object is not yours, or a session write lacks "
    "its CSRF token.",
}

_FORMAT_DESCRIPTIONS = {
    "json": "`json` (the default): JSON; lists come one page at a time.",
    "csv": "`csv`: every matching row, all pages at once, streamed as a CSV file whose header row "
    "names the fields; nested objects become `parent.child` columns, lists are joined with `; `.",
    "geojson": "`geojson`: a GeoJSON FeatureCollection.",
}

# Django refuses NUL characters in form input (a 400 naming the parameter), so free-text parameters say so.
_NO_NUL = "^[^\\u0000]*$"

_TEXT_ERRORS: dict[str, Any] = {
    "text/csv": {"schema": {"type": "string", "description": "The error as CSV."}}
}

_TEXT_FORMATS = {
    "text/csv": {"schema": {"type": "string", "description": "CSV text with a header row."}},
}


class DirectoryAutoSchema(AutoSchema):
    def get_operation(
        self, path: str, path_regex: str, path_prefix: str, method: str, registry: Any
    ) -> dict[str, Any] | None:
        operation = super().get_operation(path, path_regex, path_prefix, method, registry)
        if operation is None:
            return None
        responses = operation["responses"]
        for response in responses.values():
            content = response.get("content", {})
            for media_type, replacement in _TEXT_FORMATS.items():
                if media_type in content:
                    content[media_type] = replacement
        self._describe_filters(operation)
        for parameter in operation.get("parameters", []):
            schema = parameter.get("schema", {})
            if (
                parameter["in"] == "query"
                and schema.get("type") == "string"
                and not schema.keys() & {"enum", "pattern", "format"}
            ):
                schema["pattern"] = _NO_NUL
            elif (
                parameter["in"] == "query" and "pattern" in schema and not schema["pattern"].startswith("^$|")
            ):
                # An empty filter (`?county=`, as an HTML form sends it) means "no filter": say so.
                schema["pattern"] = "^$|" + schema["pattern"]
            if parameter["name"] == api_settings.URL_FORMAT_OVERRIDE and parameter["in"] == "query":
                formats = parameter["schema"].get("enum", [])
                parameter["description"] = "Response format. " + " ".join(
                    _FORMAT_DESCRIPTIONS.get(name, f"`{name}`.") for name in formats
                )
        # An error is rendered in the format asked for, so each success media type has an error body too.
        error_body: dict[str, Any] = dict(_ERROR_BODY)
        success_types = [
            media_type
            for code, response in responses.items()
            if str(code).startswith("2")
            for media_type in response.get("content", {})
        ]
        for media_type in success_types:
            error_body.setdefault(media_type, _TEXT_ERRORS.get(media_type, _ERROR_BODY["application/json"]))
        has_query = any(parameter["in"] == "query" for parameter in operation.get("parameters", []))
        if has_query or method.upper() in ("POST", "PUT", "PATCH"):
            responses.setdefault(
                "400",
                {
                    "description": "A parameter or the body is invalid; the body says which.",
                    "content": error_body,
                },
            )
        if "{" in path or has_query:
            responses.setdefault(
                "404",
                {
                    "description": "No such object, or a page number past the last page.",
                    "content": error_body,
                },
            )
        responses.setdefault("429", {**_THROTTLED, "content": error_body})
        # Any request carrying a token that is wrong, expired or revoked is refused before the view runs.
        responses.setdefault("401", {**_UNAUTHENTICATED, "content": error_body})
        if method.upper() not in ("GET", "HEAD", "OPTIONS"):
            responses.setdefault("403", {**_FORBIDDEN, "content": error_body})
        return operation

    def _describe_filters(self, operation: dict[str, Any]) -> None:
        """A filter whose schema is overridden (pattern, strict boolean) loses its `label=` description in
        drf-spectacular; put the label back."""
        filterset_class = getattr(self.view, "filterset_class", None)
        if filterset_class is None:
            return
        for parameter in operation.get("parameters", []):
            declared = filterset_class.base_filters.get(parameter["name"])
            if parameter["in"] == "query" and declared is not None and not parameter.get("description"):
                parameter["description"] = str(declared.label or "")

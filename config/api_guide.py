"""The API's human guide: what is there, how to filter and download, with curl and Python examples."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse


def api_guide(request: HttpRequest) -> HttpResponse:
    """No database query: the page is static apart from this site's own base URL."""
    return render(
        request,
        "api/guide.html",
        {
            "api_root": request.build_absolute_uri(reverse("api:api-root")),
            "schema_url": request.build_absolute_uri(reverse("api-schema")),
            "docs_url": request.build_absolute_uri(reverse("api-docs")),
        },
    )

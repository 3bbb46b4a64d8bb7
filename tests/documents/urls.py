"""The site's URLs plus the documents app and its admin, until config/urls.py includes them."""

from typing import cast

from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path

import agreements.documents.admin  # noqa: F401 — registers the models before admin.site.urls is built
from config import urls as site_urls

site_urlpatterns = cast(list[URLPattern | URLResolver], site_urls.urlpatterns)


def _has_namespace(patterns: list[URLPattern | URLResolver], namespace: str) -> bool:
    return any(
        isinstance(p, URLResolver) and (p.namespace == namespace or _has_namespace(p.url_patterns, namespace))
        for p in patterns
    )


urlpatterns: list[URLPattern | URLResolver] = [path("admin/", admin.site.urls)]
if not _has_namespace(site_urlpatterns, "documents"):
    urlpatterns.append(path("documents/", include("agreements.documents.urls")))
urlpatterns += site_urlpatterns

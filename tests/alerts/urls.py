"""config.urls plus the alerts app as the lead will add it (inside i18n_patterns), and the documents
pages until config/urls.py includes them."""

from typing import cast

from django.conf.urls.i18n import i18n_patterns
from django.urls import URLPattern, URLResolver, include, path

from config import urls as project_urls

project_urlpatterns = cast(list[URLPattern | URLResolver], project_urls.urlpatterns)


def _has_namespace(patterns: list[URLPattern | URLResolver], namespace: str) -> bool:
    return any(
        isinstance(p, URLResolver) and (p.namespace == namespace or _has_namespace(p.url_patterns, namespace))
        for p in patterns
    )


extra: list[URLPattern | URLResolver] = [path("alerts/", include("alerts.urls"))]
if not _has_namespace(project_urlpatterns, "documents"):
    extra.append(path("documents/", include("agreements.documents.urls")))
urlpatterns = [*i18n_patterns(*extra, prefix_default_language=False), *project_urlpatterns]

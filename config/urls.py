from csp.decorators import csp_update
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView

from api.data_page import data_page
from policies.views import source_file

urlpatterns = [
    path("api/v1/", include("api.urls")),
    path("api/guide/", RedirectView.as_view(pattern_name="api:guide"), name="api-guide"),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path(
        "api/docs/",
        # Redoc styles itself inline and parses the schema in a blob: worker.
        csp_update({"style-src": ["'unsafe-inline'"], "worker-src": ["blob:"], "img-src": ["data:"]})(
            SpectacularRedocView.as_view(url_name="api-schema")
        ),
        name="api-docs",
    ),
]

urlpatterns += i18n_patterns(
    # The admin's password change goes through the organizers' form, which the login lockout counts.
    path("admin/password_change/", RedirectView.as_view(pattern_name="records_requests:password_change")),
    path("admin/", admin.site.urls),
    path("agreements/", include("agreements.urls")),
    path("documents/", include("documents.urls")),
    path("alerts/", include("alerts.urls")),
    path("data/", data_page, name="data"),
    path("sources/<int:pk>/file/", source_file, name="source_file"),
    path("requests/", include("records_requests.urls")),
    path("state-laws/", include("policies.urls")),
    path("", include("pages.urls")),
    prefix_default_language=False,
)

# MEDIA_ROOT is never served, not even with DEBUG on: uploads hold private requests' documents, and each
# one is served by its permission-checked view (records_requests.views.event_document, documents:download).
# Under /api/, a URL that matches nothing answers JSON like the rest of the API.
handler404 = "core.api.errors.page_not_found"
handler403 = "core.api.errors.permission_denied"

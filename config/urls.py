from csp.decorators import csp_update
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView

from config.data_page import data_page

urlpatterns = [
    path("api/v1/", include("config.api_router")),
    path("api/v1/", include("records_requests.api.urls")),
    path("api/v1/", include("agreements.api.urls")),
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
    path("admin/", admin.site.urls),
    path("agreements/", include("agreements.urls")),
    path("documents/", include("agreements.documents.urls")),
    path("alerts/", include("alerts.urls")),
    path("data/", data_page, name="data"),
    path("requests/", include("records_requests.urls")),
    path("", include("jurisdictions.urls")),
    prefix_default_language=False,
)

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

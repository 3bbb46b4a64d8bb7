"""config.urls plus the alerts app, as the lead will add it (inside i18n_patterns)."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from config.urls import urlpatterns as project_urlpatterns

urlpatterns = [
    *i18n_patterns(path("alerts/", include("alerts.urls")), prefix_default_language=False),
    *project_urlpatterns,
]

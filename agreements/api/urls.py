"""Non-viewset API endpoints of this app: what changed between two dates."""

from django.urls import path

from agreements.api.views import ChangesView

urlpatterns = [
    path("changes/", ChangesView.as_view(), name="api-changes"),
]

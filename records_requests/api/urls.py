"""Non-viewset API endpoints of this app (the deadline calculator)."""

from django.urls import path

from records_requests.api.deadline import DeadlineView

urlpatterns = [path("deadline/", DeadlineView.as_view(), name="api-deadline")]

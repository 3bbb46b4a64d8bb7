"""Non-viewset API endpoints of this app: the deadline calculator; organizers' API tokens are in api_tokens."""

from django.urls import include, path

from records_requests.api.deadline import DeadlineView

urlpatterns = [
    path("deadline/", DeadlineView.as_view(), name="api-deadline"),
    # POST username + password → {"token": …, "expiry": …} for `Authorization: Token …` on writes;
    # list, rotate and revoke your tokens (api_tokens/api.py).
    path("", include("api_tokens.urls")),
]

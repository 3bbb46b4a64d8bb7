"""Non-viewset API endpoints of this app: the deadline calculator and organizers' API tokens."""

from django.urls import path
from rest_framework.authtoken.views import obtain_auth_token

from records_requests.api.deadline import DeadlineView

urlpatterns = [
    path("deadline/", DeadlineView.as_view(), name="api-deadline"),
    # POST username + password → {"token": …} for `Authorization: Token …` on writes.
    path("auth-token/", obtain_auth_token, name="api-auth-token"),
]

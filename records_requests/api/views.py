from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework.routers import DefaultRouter

from config.api_views import DirectoryReadOnlyViewSet
from records_requests.api.filters import RecordsRequestFilter
from records_requests.api.serializers import RecordsRequestSerializer
from records_requests.models import RecordsRequest


@extend_schema_view(
    list=extend_schema(summary="List open-records requests", tags=["records requests"]),
    retrieve=extend_schema(summary="One open-records request with its timeline", tags=["records requests"]),
)
class RecordsRequestViewSet(DirectoryReadOnlyViewSet):
    """Records requests filed through the site, with their event logs. Anonymous users see public
    requests (and embargoed ones once the embargo ends); organizers also see their own."""

    serializer_class = RecordsRequestSerializer
    filterset_class = RecordsRequestFilter
    ordering_fields = ["created_at", "due_on", "id"]
    ordering = ["-created_at", "-id"]

    def get_queryset(self) -> QuerySet[RecordsRequest]:
        # 2 queries per page: the requests with agency and state, then their events.
        return (
            RecordsRequest.objects.visible_to(self.request.user)
            .select_related("agency__state")
            .prefetch_related("events")
            .order_by("-created_at", "-id")
        )


def register(router: DefaultRouter) -> None:
    """Add this app's viewsets to the site's API router (config/api_router.py)."""
    router.register("records-requests", RecordsRequestViewSet, basename="records-request")

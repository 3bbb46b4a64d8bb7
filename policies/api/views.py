from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework.routers import DefaultRouter

from config.api_views import DirectoryReadOnlyViewSet
from policies.api.filters import PolicyFilter
from policies.api.serializers import PolicySerializer
from policies.models import Policy


@extend_schema_view(
    list=extend_schema(summary="List published policies with their sources", tags=["policies"]),
    retrieve=extend_schema(summary="One published policy", tags=["policies"]),
)
class PolicyViewSet(DirectoryReadOnlyViewSet):
    """What an agency or a state does about one question (detainers, data sharing…), with its sources.

    Only published policies. A question with no policy for an agency is unknown, not "no".
    """

    serializer_class = PolicySerializer
    filterset_class = PolicyFilter
    ordering_fields = ["id", "topic", "last_verified", "updated_at"]
    ordering = ["id"]

    def get_queryset(self) -> QuerySet[Policy]:
        return Policy.objects.for_api()


def register(router: DefaultRouter) -> None:
    """Add this app's viewsets to the site's API router (config/api_router.py)."""
    router.register("policies", PolicyViewSet, basename="policy")

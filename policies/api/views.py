from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema, extend_schema_view

from core.api.views import DirectoryReadOnlyViewSet
from policies.api.filters import PolicyFilter, StateLawFilter
from policies.api.serializers import PolicySerializer, StateLawSerializer
from policies.models import Policy, StateLaw


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


@extend_schema_view(
    list=extend_schema(summary="List statewide immigration-enforcement laws", tags=["state laws"]),
    retrieve=extend_schema(summary="One state law", tags=["state laws"]),
)
class StateLawViewSet(DirectoryReadOnlyViewSet):
    """State laws on local cooperation with ICE: statutes, orders, directives and rulings, each with its
    citation, dates, whom it binds, sources, confidence and the date checked. Research, not legal advice.

    Rows whose `topic` is `none_found` record that no state law was found (and when it was checked).
    """

    serializer_class = StateLawSerializer
    filterset_class = StateLawFilter
    ordering_fields = ["id", "effective", "checked", "updated_at"]
    ordering = ["state__postal", "topic", "id"]

    def get_queryset(self) -> QuerySet[StateLaw]:
        return StateLaw.objects.for_api()

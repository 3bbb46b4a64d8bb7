from typing import Any

from django.db.models import Count, IntegerField, Model, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework.routers import DefaultRouter

from config.api_views import DirectoryReadOnlyViewSet
from jurisdictions.api.filters import AgencyFilter, CountyFilter, StateFilter
from jurisdictions.api.serializers import AgencySerializer, CountySerializer, StateSerializer
from jurisdictions.models import Agency, County, State


def count_of(model: type[Model], field: str) -> Coalesce:
    """Count of `model` rows whose `field` points at the outer row, as a correlated subquery.

    A subquery rather than Count() so that several counts do not multiply each other's joins.
    """
    rows = (
        model._default_manager.filter(**{field: OuterRef("pk")})
        .order_by()
        .values(field)
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), 0)


@extend_schema_view(
    list=extend_schema(summary="List states, DC and territories", tags=["jurisdictions"]),
    retrieve=extend_schema(
        summary="One state",
        tags=["jurisdictions"],
        parameters=[
            OpenApiParameter(
                "postal", str, OpenApiParameter.PATH, description="Two-letter postal code, e.g. NV."
            )
        ],
    ),
)
class StateViewSet(DirectoryReadOnlyViewSet):
    """States, DC and territories, identified by their two-letter postal code (either case)."""

    serializer_class = StateSerializer
    filterset_class = StateFilter
    lookup_field = "postal"
    lookup_value_regex = "[A-Za-z]{2}"
    ordering_fields = ["name", "postal", "fips", "county_count", "agency_count"]
    ordering = ["name"]

    def get_queryset(self) -> QuerySet[State]:
        return State.objects.annotate(
            county_count=count_of(County, "state"), agency_count=count_of(Agency, "state")
        ).order_by("name")

    def get_object(self) -> State:
        self.kwargs["postal"] = self.kwargs["postal"].upper()
        state: State = super().get_object()
        return state


@extend_schema_view(
    list=extend_schema(summary="List counties and county equivalents", tags=["jurisdictions"]),
    retrieve=extend_schema(
        summary="One county",
        tags=["jurisdictions"],
        parameters=[
            OpenApiParameter(
                "fips", str, OpenApiParameter.PATH, description="Five-digit county FIPS code, e.g. 32003."
            )
        ],
    ),
)
class CountyViewSet(DirectoryReadOnlyViewSet):
    """Every county and county equivalent (parish, borough, census area, independent city) by FIPS code."""

    serializer_class = CountySerializer
    filterset_class = CountyFilter
    lookup_field = "fips"
    lookup_value_regex = "[0-9]{5}"
    ordering_fields = ["name", "fips", "agency_count"]
    ordering = ["name", "fips"]

    def get_queryset(self) -> QuerySet[County]:
        return (
            County.objects.select_related("state")
            .annotate(agency_count=count_of(Agency, "county"))
            .order_by("name", "fips")
        )


@extend_schema_view(
    list=extend_schema(summary="List law-enforcement agencies", tags=["jurisdictions"]),
    retrieve=extend_schema(
        summary="One agency",
        tags=["jurisdictions"],
        parameters=[
            OpenApiParameter(
                "id",
                str,
                OpenApiParameter.PATH,
                description="The agency's numeric id (stable), or its slug.",
            )
        ],
    ),
)
class AgencyViewSet(DirectoryReadOnlyViewSet):
    """Sheriffs, police departments, state agencies and jails, with their records-request contacts."""

    serializer_class = AgencySerializer
    filterset_class = AgencyFilter
    lookup_field = "pk"
    lookup_url_kwarg = "id"
    lookup_value_regex = "[-a-zA-Z0-9_]+"
    ordering_fields = ["name", "id", "updated_at"]
    ordering = ["name", "id"]

    def get_queryset(self) -> QuerySet[Agency]:
        return (
            Agency.objects.select_related("state", "county", "place")
            .prefetch_related("aliases")
            .order_by("name", "id")
        )

    def get_object(self) -> Agency:
        value: str = self.kwargs["id"]
        lookup: dict[str, Any] = {"pk": int(value)} if value.isdigit() else {"slug": value}
        agency = self.get_queryset().filter(**lookup).first()
        if agency is None:
            raise Http404
        self.check_object_permissions(self.request, agency)
        return agency


def register(router: DefaultRouter) -> None:
    """Add this app's viewsets to the site's API router (config/api_router.py)."""
    router.register("states", StateViewSet, basename="state")
    router.register("counties", CountyViewSet, basename="county")
    router.register("agencies", AgencyViewSet, basename="agency")

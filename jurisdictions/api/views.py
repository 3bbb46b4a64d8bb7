from typing import Any

from django.db.models import Count, IntegerField, Model, OuterRef, Prefetch, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework.decorators import action
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response

from agreements.models import Agreement
from core.api.ids import as_id
from core.api.renderers import GeoJSONRenderer
from core.api.views import DirectoryReadOnlyViewSet
from jurisdictions.api.filters import AgencyFilter, CountyFilter, StateFilter
from jurisdictions.api.geo import county_points
from jurisdictions.api.serializers import (
    AgencySerializer,
    CountyFeatureCollectionSerializer,
    CountySerializer,
    StateSerializer,
)
from jurisdictions.models import Agency, County, State


def count_of(rows: type[Model] | QuerySet[Any], field: str) -> Coalesce:
    """Count of `rows` whose `field` points at the outer row, as a correlated subquery.

    A subquery rather than Count() so that several counts do not multiply each other's joins.
    """
    queryset = rows._default_manager.all() if isinstance(rows, type) else rows
    counts = (
        queryset.filter(**{field: OuterRef("pk")})
        .order_by()
        .values(field)
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counts, output_field=IntegerField()), 0)


@extend_schema_view(
    list=extend_schema(summary="List states, DC and territories", tags=["jurisdictions"]),
    retrieve=extend_schema(
        summary="One state",
        tags=["jurisdictions"],
        parameters=[
            OpenApiParameter(
                "postal",
                str,
                OpenApiParameter.PATH,
                pattern="^[A-Za-z]{2}$",
                description="Two-letter postal code, e.g. NV (either case).",
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
    ordering_fields = ["name", "postal", "fips", "county_count", "agency_count", "current_agreement_count"]
    ordering = ["name"]

    def get_queryset(self) -> QuerySet[State]:
        return State.objects.annotate(
            county_count=count_of(County, "state"),
            agency_count=count_of(Agency, "state"),
            current_agreement_count=count_of(Agreement.objects.current(), "agency__state"),
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
                "fips",
                str,
                OpenApiParameter.PATH,
                pattern="^[0-9]{5}$",
                description="Five-digit county FIPS code, e.g. 32003.",
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
    ordering_fields = ["name", "fips", "agency_count", "agreement_count", "current_agreement_count"]
    ordering = ["name", "fips"]

    def get_queryset(self) -> QuerySet[County]:
        return (
            County.objects.select_related("state")
            .annotate(
                agency_count=count_of(Agency, "county"),
                agreement_count=count_of(Agreement, "agency__county"),
                current_agreement_count=count_of(Agreement.objects.current(), "agency__county"),
            )
            .order_by("name", "fips")
        )

    @extend_schema(
        summary="Counties as GeoJSON points, with agreement counts",
        description="Every county matching the filters (no pagination), as a GeoJSON FeatureCollection. "
        "The geometry is a representative Point: the mean longitude/latitude of the county's ZIP codes "
        "(USPS ZIP centroids from the `zipcodes` package), not the county's outline; it is null for the few "
        "counties without a ZIP code. Properties: fips, name, state, url, html_url and the counts.",
        tags=["jurisdictions"],
        filters=True,
        responses={200: OpenApiResponse(CountyFeatureCollectionSerializer)},
    )
    @action(
        detail=False,
        url_path="geojson",
        renderer_classes=[GeoJSONRenderer, JSONRenderer],
        pagination_class=None,
    )
    def geojson(self, request: Request) -> Response:
        points = county_points()
        counties = self.filter_queryset(self.get_queryset())
        features = [
            {
                "type": "Feature",
                "id": row["fips"],
                "geometry": (
                    {"type": "Point", "coordinates": list(points[row["fips"]])}
                    if row["fips"] in points
                    else None
                ),
                "properties": row,
            }
            for row in CountySerializer(counties, many=True, context=self.get_serializer_context()).data
        ]
        return Response({"type": "FeatureCollection", "features": features})


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
                pattern="^[-a-zA-Z0-9_]+$",
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
    ordering_fields = ["id", "name", "updated_at", "current_agreement_count"]
    # By id, like agreements: stable pages and no sort of every agency per page; `ordering=name` for A–Z.
    ordering = ["id"]

    def get_queryset(self) -> QuerySet[Agency]:
        return (
            Agency.objects.select_related("state", "county", "place")
            .prefetch_related("aliases", Prefetch("counties", County.objects.order_by("fips")))
            .annotate(
                agreement_count=count_of(Agreement, "agency"),
                current_agreement_count=count_of(Agreement.objects.current(), "agency"),
            )
            .order_by("id")
        )

    def get_object(self) -> Agency:
        value: str = self.kwargs["id"]
        pk = as_id(value)
        lookup: dict[str, Any] = {"pk": pk} if pk is not None else {"slug": value}
        agency = self.get_queryset().filter(**lookup).first()
        if agency is None:
            raise Http404
        self.check_object_permissions(self.request, agency)
        return agency

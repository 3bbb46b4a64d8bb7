from typing import Any

from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django_filters import FilterSet
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework.decorators import action
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response

from core.api.ids import as_id
from core.api.renderers import GeoJSONRenderer
from core.api.views import DirectoryReadOnlyViewSet
from core.subqueries import count_of
from jurisdictions import extensions
from jurisdictions.api.filters import AgencyFilter, CountyFilter, StateFilter
from jurisdictions.api.geo import county_points
from jurisdictions.api.serializers import (
    AgencySerializer,
    CountyFeatureCollectionSerializer,
    CountySerializer,
    StateSerializer,
)
from jurisdictions.models import Agency, County, State


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
    lookup_field = "postal"
    lookup_value_regex = "[A-Za-z]{2}"
    ordering = ["name"]

    @property
    def filterset_class(self) -> type[FilterSet]:
        return extensions.filterset_with_extras(StateFilter)

    @property
    def ordering_fields(self) -> list[str]:
        return ["name", "postal", "fips", "county_count", "agency_count", *extensions.orderable(State)]

    def get_queryset(self) -> QuerySet[State]:
        return extensions.annotate(
            State.objects.annotate(
                county_count=count_of(County, "state"), agency_count=count_of(Agency, "state")
            )
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
    lookup_field = "fips"
    lookup_value_regex = "[0-9]{5}"
    ordering = ["name", "fips"]

    @property
    def filterset_class(self) -> type[FilterSet]:
        return extensions.filterset_with_extras(CountyFilter)

    @property
    def ordering_fields(self) -> list[str]:
        return ["name", "fips", "agency_count", *extensions.orderable(County)]

    def get_queryset(self) -> QuerySet[County]:
        return extensions.annotate(
            County.objects.select_related("state").annotate(agency_count=count_of(Agency, "county"))
        ).order_by("name", "fips")

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
            for row in self.get_serializer(counties, many=True).data
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
    lookup_field = "pk"
    lookup_url_kwarg = "id"
    lookup_value_regex = "[-a-zA-Z0-9_]+"
    # By id, like agreements: stable pages and no sort of every agency per page; `ordering=name` for A–Z.
    ordering = ["id"]

    @property
    def filterset_class(self) -> type[FilterSet]:
        return extensions.filterset_with_extras(AgencyFilter)

    @property
    def ordering_fields(self) -> list[str]:
        return ["id", "name", "updated_at", *extensions.orderable(Agency)]

    def get_queryset(self) -> QuerySet[Agency]:
        return extensions.annotate(
            Agency.objects.select_related("state", "county", "place").prefetch_related(
                "aliases", Prefetch("counties", County.objects.order_by("fips"))
            )
        ).order_by("id")

    def get_object(self) -> Agency:
        value: str = self.kwargs["id"]
        pk = as_id(value)
        lookup: dict[str, Any] = {"pk": pk} if pk is not None else {"slug": value}
        agency = self.get_queryset().filter(**lookup).first()
        if agency is None:
            raise Http404
        self.check_object_permissions(self.request, agency)
        return agency

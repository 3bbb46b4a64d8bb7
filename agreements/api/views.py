from typing import Any

from django.db.models import Count, Prefetch, QuerySet
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view, inline_serializer
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.generics import GenericAPIView
from rest_framework.renderers import BrowsableAPIRenderer, JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response

from agreements.api.filters import AgreementFilter, ListingFilter, SnapshotFilter
from agreements.api.serializers import (
    AgreementDetailSerializer,
    AgreementSerializer,
    ListingHistorySerializer,
    SnapshotSerializer,
)
from agreements.changes import changes_between
from agreements.models import Agreement, Listing, Snapshot, SnapshotStatus
from core.api.filters import KnownParametersFilter
from core.api.renderers import CSVRenderer
from core.api.schema import DirectoryAutoSchema
from core.api.views import DirectoryReadOnlyViewSet

# group_by name → the field counted over
COUNT_GROUPS = {
    "state": "agency__state__postal",
    "county": "agency__county__fips",
    "model": "model",
    "status": "status",
}

_COUNT_ROW = inline_serializer(
    "AgreementCount",
    {
        "state": serializers.CharField(required=False, help_text="Postal code (with group_by=state)."),
        "county": serializers.CharField(
            required=False,
            allow_null=True,
            help_text="County FIPS (with group_by=county); null for statewide.",
        ),
        "model": serializers.CharField(required=False, help_text="JEM, TFM or WSO (with group_by=model)."),
        "status": serializers.CharField(required=False, help_text="The status (with group_by=status)."),
        "count": serializers.IntegerField(help_text="Agreements in the group."),
    },
    many=True,
)


@extend_schema_view(
    list=extend_schema(summary="List 287(g) agreements", tags=["agreements"]),
    retrieve=extend_schema(
        summary="One agreement, with the ICE list rows it was seen on", tags=["agreements"]
    ),
    counts=extend_schema(
        summary="Count agreements, grouped by state, county, model and/or status",
        description="Takes every agreement filter of the list. `group_by` names the groups, "
        "comma-separated or repeated, in the order of the result's columns; without it, one total. "
        "Groups come sorted by their values. `format=csv` gives the same rows as CSV.",
        tags=["agreements"],
        filters=True,
        parameters=[
            OpenApiParameter(
                "group_by",
                {"type": "array", "items": {"type": "string", "enum": list(COUNT_GROUPS)}},
                description="What to count by: state, county, model, status (e.g. `group_by=state,model`).",
                style="form",
                explode=False,
            )
        ],
        responses={200: _COUNT_ROW},
    ),
)
class AgreementViewSet(DirectoryReadOnlyViewSet):
    """287(g) agreements (agency, model, signed date) as derived from every ICE list the site has kept."""

    filterset_class = AgreementFilter
    ordering_fields = [
        "id", "signed", "first_listed", "last_listed", "ended_on", "agency__name", "agency__state__postal"
    ]  # fmt: skip
    # By id: stable while new agreements are imported, and an index scan (sorting by state and agency name
    # would sort every agreement for each page); `ordering=agency__state__postal,agency__name` reads better.
    ordering = ["id"]

    @property
    def extra_query_parameters(self) -> tuple[str, ...]:
        return ("group_by",) if self.action == "counts" else ()

    def get_serializer_class(self) -> type[serializers.BaseSerializer]:
        return AgreementDetailSerializer if self.action == "retrieve" else AgreementSerializer

    @action(detail=False, url_path="counts", pagination_class=None)
    def counts(self, request: Request) -> Response:
        """One query: the filtered agreements grouped and counted in the database."""
        groups = [
            name.strip()
            for value in request.query_params.getlist("group_by")
            for name in value.split(",")
            if name.strip()
        ]
        groups = list(dict.fromkeys(groups))  # a group named twice counts once
        unknown = [name for name in groups if name not in COUNT_GROUPS]
        if unknown:
            raise serializers.ValidationError(
                {"group_by": [f"Group by any of {', '.join(COUNT_GROUPS)} (not {', '.join(unknown)})."]}
            )
        fields = [COUNT_GROUPS[name] for name in groups]
        agreements = self.filter_queryset(Agreement.objects.all()).order_by()
        if not fields:
            return Response([{"count": agreements.count()}])
        rows = agreements.values(*fields).annotate(count=Count("pk")).order_by(*fields)
        return Response(
            [{**{name: row[COUNT_GROUPS[name]] for name in groups}, "count": row["count"]} for row in rows]
        )

    def get_queryset(self) -> QuerySet[Agreement]:
        agreements = Agreement.objects.public()
        if self.action == "retrieve":
            provenance = (
                Listing.objects.filter(snapshot__status=SnapshotStatus.ACCEPTED)
                .select_related("snapshot")
                .order_by("snapshot__published", "snapshot__part_order", "snapshot_id", "row_number")
            )
            agreements = agreements.prefetch_related(Prefetch("listings", queryset=provenance))
        return agreements


@extend_schema_view(
    list=extend_schema(summary="List the ICE list snapshots the site has imported", tags=["agreements"]),
    retrieve=extend_schema(summary="One ICE list snapshot", tags=["agreements"]),
)
class SnapshotViewSet(DirectoryReadOnlyViewSet):
    """Every accepted copy of ICE's participating and pending lists, identified by SHA-256."""

    serializer_class = SnapshotSerializer
    filterset_class = SnapshotFilter
    ordering_fields = ["published", "part_order", "imported_at", "row_count", "agreement_count", "id"]
    ordering = ["-published", "-part_order", "-id"]

    def get_queryset(self) -> QuerySet[Snapshot]:
        return Snapshot.objects.public()


@extend_schema_view(
    list=extend_schema(
        summary="Agreement history: every row of every accepted ICE list", tags=["agreements"]
    ),
    retrieve=extend_schema(summary="One row of one ICE list", tags=["agreements"]),
)
class ListingViewSet(DirectoryReadOnlyViewSet):
    """Each agreement's appearances on ICE's lists, row by row, with the cells as ICE wrote them."""

    serializer_class = ListingHistorySerializer
    filterset_class = ListingFilter
    ordering_fields = ["id", "snapshot__published", "row_number"]
    ordering = ["id"]

    def get_queryset(self) -> QuerySet[Listing]:
        # One query per page: listings with their snapshot.
        return Listing.objects.filter(snapshot__status=SnapshotStatus.ACCEPTED).select_related("snapshot")


def _validate_period(self: serializers.Serializer, attrs: dict[str, Any]) -> dict[str, Any]:
    attrs.setdefault("to", timezone.localdate())
    if attrs["to"] < attrs["from"]:
        raise serializers.ValidationError({"to": ["`to` must not be before `from`."]})
    return attrs


# `from` is a keyword: the query serializer is built with type() so its fields can be named so.
_ChangesQuery = type(
    "ChangesQuery",
    (serializers.Serializer,),
    {
        "from": serializers.DateField(help_text="Changes after the list in force on this date (YYYY-MM-DD)."),
        "to": serializers.DateField(required=False, help_text="…up to this date, included (default: today)."),
        "validate": _validate_period,
    },
)


_CHANGE_COLUMNS = ["agreement", "agency", "agency_name", "state", "model", "signed", "status"]
_CSV_EXTRA = ["first_listed", "pending_since", "ended_on", "last_listed", "old_name", "new_name"]


def _change(agreement: Agreement, **extra: Any) -> dict[str, Any]:
    return {
        "agreement": agreement.pk,
        "agency": agreement.agency_id,
        "agency_name": agreement.agency.name,
        "state": agreement.agency.state.postal,
        "model": agreement.model,
        "signed": agreement.signed,
        "status": agreement.status,
        **extra,
    }


class ChangesView(GenericAPIView):
    """What changed on ICE's participating lists between two dates: agreements added, ended (not merely
    missing, not renewed), moved from the pending list, and listed under another agency name."""

    queryset = Agreement.objects.none()
    filter_backends = [KnownParametersFilter]
    pagination_class = None
    extra_query_parameters = ("from", "to")
    renderer_classes = [JSONRenderer, BrowsableAPIRenderer, CSVRenderer]
    schema = DirectoryAutoSchema()

    @extend_schema(
        summary="Changes between two dates: added, ended, renamed, moved from pending",
        tags=["agreements"],
        parameters=[
            OpenApiParameter(
                "from",
                OpenApiTypes.DATE,
                required=True,
                description="Changes after the list in force on this date (YYYY-MM-DD).",
            ),
            OpenApiParameter(
                "to", OpenApiTypes.DATE, description="…up to and including this date (default: today)."
            ),
        ],
        responses={
            200: inline_serializer(
                "AgreementChanges",
                {
                    "from": serializers.DateField(),
                    "to": serializers.DateField(),
                    **{
                        key: serializers.ListField(child=serializers.DictField(), help_text=text)
                        for key, text in [
                            (
                                "added",
                                "First listed after `from`, up to `to`: agreement and agency ids, first_listed.",
                            ),
                            ("ended", "Ended, with `ended_on` after `from` up to `to`."),
                            ("renamed", "On both lists, under another agency name: old_name, new_name."),
                            ("moved_from_pending", "Added agreements that had been on the pending list."),
                        ]
                    },
                },
            )
        },
    )
    def get(self, request: Request) -> Response:
        """Queries: see `agreements.changes.changes_between` (at most 5)."""
        self.filter_queryset(self.get_queryset())  # unknown parameters → 400
        query = _ChangesQuery(data=request.query_params)
        query.is_valid(raise_exception=True)
        found = changes_between(query.validated_data["from"], query.validated_data["to"])
        body: dict[str, Any] = {
            "added": [_change(a, first_listed=a.first_listed) for a in found.added],
            "ended": [_change(a, ended_on=a.ended_on, last_listed=a.last_listed) for a in found.ended],
            "renamed": [_change(a, old_name=old, new_name=new) for a, old, new in found.renamed],
            "moved_from_pending": [
                _change(a, pending_since=a.pending_since, first_listed=a.first_listed)
                for a in found.moved_from_pending
            ],
        }
        if getattr(request.accepted_renderer, "format", None) == CSVRenderer.format:
            columns = [*_CHANGE_COLUMNS, *_CSV_EXTRA]
            rows = [
                {"change": key, **{column: item.get(column) for column in columns}}
                for key, items in body.items()
                for item in items
            ]
            return Response(rows, headers={"Content-Disposition": 'attachment; filename="changes.csv"'})
        return Response({"from": found.start, "to": found.end, **body})

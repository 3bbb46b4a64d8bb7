from django.db.models import Prefetch, QuerySet
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers
from rest_framework.routers import DefaultRouter

from agreements.api.filters import AgreementFilter, ListingFilter, SnapshotFilter
from agreements.api.serializers import (
    AgreementDetailSerializer,
    AgreementSerializer,
    ListingHistorySerializer,
    SnapshotSerializer,
)
from agreements.models import Agreement, Listing, Snapshot, SnapshotStatus
from config.api_views import DirectoryReadOnlyViewSet


@extend_schema_view(
    list=extend_schema(summary="List 287(g) agreements", tags=["agreements"]),
    retrieve=extend_schema(
        summary="One agreement, with the ICE list rows it was seen on", tags=["agreements"]
    ),
)
class AgreementViewSet(DirectoryReadOnlyViewSet):
    """287(g) agreements (agency, model, signed date) as derived from every ICE list the site has kept."""

    filterset_class = AgreementFilter
    ordering_fields = ["id", "signed", "first_listed", "last_listed", "agency__name", "agency__state__postal"]
    # By id: stable while new agreements are imported, and an index scan (sorting by state and agency name
    # would sort every agreement for each page); `ordering=agency__state__postal,agency__name` reads better.
    ordering = ["id"]

    def get_serializer_class(self) -> type[serializers.BaseSerializer]:
        return AgreementDetailSerializer if self.action == "retrieve" else AgreementSerializer

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
    ordering_fields = ["published", "imported_at", "row_count", "id"]
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


def register(router: DefaultRouter) -> None:
    """Add this app's viewsets to the site's API router (config/api_router.py)."""
    router.register("agreements", AgreementViewSet, basename="agreement")
    router.register("snapshots", SnapshotViewSet, basename="snapshot")
    router.register("listings", ListingViewSet, basename="listing")

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, permissions, status
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from core.api.views import DirectoryReadOnlyViewSet
from records_requests import services
from records_requests.api.filters import RecordsRequestFilter
from records_requests.api.serializers import RecordsRequestSerializer
from records_requests.api.writes import (
    RecordsRequestCreateSerializer,
    RecordsRequestUpdateSerializer,
    RequestEventCreateSerializer,
    as_api_error,
)
from records_requests.models import RecordsRequest


def _organizer(request: Request) -> User:
    # Writes pass IsAuthenticatedOrReadOnly first, so the user here is a real account.
    assert isinstance(request.user, User)
    return request.user


class IsOwnerOrStaffToChange(permissions.BasePermission):
    """Anyone may read what they can see; only the requester (or staff) may change it."""

    def has_object_permission(self, request: Request, view: object, obj: RecordsRequest) -> bool:
        if request.method in permissions.SAFE_METHODS:
            return True
        return bool(request.user.is_staff or obj.requester_id == request.user.pk)


@extend_schema_view(
    list=extend_schema(summary="List open-records requests", tags=["records requests"]),
    retrieve=extend_schema(summary="One open-records request with its timeline", tags=["records requests"]),
    create=extend_schema(
        summary="File a request (organizers; token or session auth)",
        tags=["records requests"],
        request=RecordsRequestCreateSerializer,
        responses={201: RecordsRequestSerializer},
    ),
    partial_update=extend_schema(
        summary="Change your request's own fields (the event log is append-only)",
        tags=["records requests"],
        request=RecordsRequestUpdateSerializer,
        responses={200: RecordsRequestSerializer},
    ),
)
class RecordsRequestViewSet(mixins.CreateModelMixin, mixins.UpdateModelMixin, DirectoryReadOnlyViewSet):
    """Records requests filed through the site, with their event logs. Anonymous users see public
    requests (and embargoed ones once the embargo ends); organizers also see their own, and create and
    change them with `Authorization: Token <key>` (get a key from POST /api/v1/auth-token/)."""

    http_method_names = ["get", "post", "patch", "head", "options"]
    permission_classes = [permissions.IsAuthenticatedOrReadOnly, IsOwnerOrStaffToChange]
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

    def _created(self, records_request: RecordsRequest, code: int = status.HTTP_200_OK) -> Response:
        fresh = self.get_queryset().get(pk=records_request.pk)
        return Response(
            RecordsRequestSerializer(fresh, context=self.get_serializer_context()).data, status=code
        )

    def create(self, request: Request, *args: object, **kwargs: object) -> Response:
        data = RecordsRequestCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            created = services.request_create(requester=_organizer(request), **data.validated_data)
        except DjangoValidationError as error:
            raise as_api_error(error) from error
        return self._created(created, status.HTTP_201_CREATED)

    def partial_update(self, request: Request, *args: object, **kwargs: object) -> Response:
        records_request = self.get_object()
        data = RecordsRequestUpdateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            services.request_update(
                records_request=records_request, editor=_organizer(request), **data.validated_data
            )
        except DjangoValidationError as error:
            raise as_api_error(error) from error
        return self._created(records_request)

    @extend_schema(
        summary="Log an event on your request (sent, acknowledged, extension…)",
        tags=["records requests"],
        request=RequestEventCreateSerializer,
        responses={201: RecordsRequestSerializer},
    )
    @action(detail=True, methods=["post"], url_path="events")
    def log_event(self, request: Request, pk: str | None = None) -> Response:
        records_request = self.get_object()
        data = RequestEventCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            services.event_add(
                records_request=records_request, author=_organizer(request), **data.validated_data
            )
        except DjangoValidationError as error:
            raise as_api_error(error) from error
        return self._created(records_request, status.HTTP_201_CREATED)

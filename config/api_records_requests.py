"""The read-only `records-requests` API endpoint.

It lives in config/ (the site's API layer) because records_requests/api/ belongs to that app's own API
(the deadline calculator); moving this module there later changes nothing else but one import in
config/api_router.py. Every query starts from `RecordsRequest.objects.visible_to(user)`, so private and
still-embargoed requests never appear (not in lists, counts, CSV or detail) except to their organizer.
"""

import django_filters
from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers

from agreements.api.serializers import AgencySummarySerializer
from config.api_fields import OptionalHtmlURLField, named_choice_field
from config.api_filters import StatePostalFilter, StrictBooleanFilter
from config.api_views import DirectoryReadOnlyViewSet
from jurisdictions.api.serializers import StateSummarySerializer
from records_requests.models import EventKind, RecordsRequest, RequestEvent, RequestStatus


class RequestEventSerializer(serializers.ModelSerializer):
    kind = named_choice_field("RequestEventKindEnum", EventKind.choices, help_text="What happened.")
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)

    class Meta:
        model = RequestEvent
        fields = ["kind", "kind_label", "date", "text", "extended_to", "document"]
        extra_kwargs = {
            "date": {"help_text": "When it happened (not when it was recorded)."},
            "extended_to": {"help_text": "For an extension: the new date the agency gave."},
            "document": {"help_text": "A letter or records attached to the event, if any."},
        }


class RecordsRequestSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:records-request-detail")
    html_url = OptionalHtmlURLField()
    agency = AgencySummarySerializer(read_only=True)
    state = StateSummarySerializer(source="agency.state", read_only=True)
    status = named_choice_field(
        "RecordsRequestStatusEnum", RequestStatus.choices, help_text="Derived from the request's event log."
    )
    status_label = serializers.CharField(source="get_status_display", read_only=True)

    class Meta:
        model = RecordsRequest
        fields = [
            "url",
            "html_url",
            "id",
            "title",
            "agency",
            "state",
            "records_sought",
            "status",
            "status_label",
            "tracking_number",
            "received_on",
            "due_on",
            "is_overdue",
            "overdue_since",
            "created_at",
            "updated_at",
        ]
        extra_kwargs = {
            "received_on": {"help_text": "When the agency received the request; its clock starts here."},
            "due_on": {"help_text": "The statutory response deadline under the state's records law, if any."},
            "is_overdue": {"help_text": "Flagged by the daily sweep: open and past `due_on`."},
            "overdue_since": {"help_text": "The day after `due_on`, when flagged overdue."},
        }


class RecordsRequestDetailSerializer(RecordsRequestSerializer):
    events = RequestEventSerializer(many=True, read_only=True, help_text="What happened, oldest first.")

    class Meta(RecordsRequestSerializer.Meta):
        fields = [*RecordsRequestSerializer.Meta.fields, "letter", "events"]


class RecordsRequestFilter(django_filters.FilterSet):
    state = StatePostalFilter(
        field_name="agency__state__postal",
        label="The agency's state, by two-letter postal code (either case). Unknown codes match nothing.",
    )
    agency = django_filters.CharFilter(
        method="filter_agency", max_length=140, label="The agency, by numeric id or by slug."
    )
    status = django_filters.MultipleChoiceFilter(
        choices=RequestStatus.choices, label="The request's status. Repeat the parameter to match several."
    )
    overdue = StrictBooleanFilter(
        method="filter_overdue",
        label="true: open requests whose response deadline has passed (as of today); false: the others.",
    )

    class Meta:
        model = RecordsRequest
        fields = ["state", "agency", "status", "overdue"]

    def filter_agency(
        self, queryset: QuerySet[RecordsRequest], name: str, value: str
    ) -> QuerySet[RecordsRequest]:
        if value.isdigit():
            return queryset.filter(agency_id=int(value))
        return queryset.filter(agency__slug=value)

    def filter_overdue(
        self, queryset: QuerySet[RecordsRequest], name: str, value: bool | None
    ) -> QuerySet[RecordsRequest]:
        if value is None:
            return queryset
        late = RecordsRequest.objects.overdue(today=timezone.localdate()).values("pk")
        return queryset.filter(pk__in=late) if value else queryset.exclude(pk__in=late)


@extend_schema_view(
    list=extend_schema(summary="List public open-records requests", tags=["records requests"]),
    retrieve=extend_schema(summary="One records request, with its timeline", tags=["records requests"]),
)
class RecordsRequestViewSet(DirectoryReadOnlyViewSet):
    """Open-records requests filed through the site: public ones for everyone, plus your own when signed in."""

    filterset_class = RecordsRequestFilter
    ordering_fields = ["created_at", "due_on", "received_on", "id"]
    ordering = ["-created_at", "-id"]

    def get_serializer_class(self) -> type[serializers.BaseSerializer]:
        return RecordsRequestDetailSerializer if self.action == "retrieve" else RecordsRequestSerializer

    def get_queryset(self) -> QuerySet[RecordsRequest]:
        requests = RecordsRequest.objects.visible_to(self.request.user).select_related("agency__state")
        if self.action == "retrieve":
            requests = requests.prefetch_related(
                Prefetch("events", queryset=RequestEvent.objects.order_by("date", "pk"))
            )
        return requests
